/**
 * The eligibility handler: every preset program, pointed at the user's
 * district, evaluated on today's date; reading the seeker is logged.
 */
import { HttpApiBuilder } from "@effect/platform"
import { Eligibility, JobCenter } from "@iljari/core"
import { Effect } from "effect"
import { actor } from "./Actor.js"
import { Api } from "./Api.js"

export const EligibilityLive = HttpApiBuilder.group(Api, "eligibility", (handlers) =>
  handlers.handle("check", ({ path, payload, urlParams }) =>
    Effect.gen(function*() {
      const who = yield* actor
      const seeker = (yield* JobCenter.getSeeker(who, path.id)).value
      const asOf = yield* JobCenter.today
      const language = urlParams.lang ?? "ko"
      const applicant: Eligibility.Applicant = { ...payload, birthDate: seeker.birthDate, residence: seeker.addressRegion }
      const programs = Eligibility.presets.map((preset) => {
        const program = Eligibility.forDistrict(preset, who.districtId)
        const evaluation = Eligibility.evaluate(program, applicant, asOf)
        return {
          programId: program.id,
          name: program.name[language],
          eligible: evaluation.eligible,
          reasons: evaluation.reasons.map((r) => ({ outcome: r.outcome, message: r.message[language] }))
        }
      })
      return { seekerId: path.id, asOf, programs }
    }))
)
