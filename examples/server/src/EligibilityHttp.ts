/**
 * The eligibility handlers: every preset program, pointed at the user's
 * district, evaluated on today's date. Reading a stored seeker for a check
 * is written to the access log (purpose `seeker.eligibility`); a case posted
 * whole is neither stored nor logged.
 */
import { HttpApiBuilder } from "@effect/platform"
import { Eligibility, type Ids, JobCenter, type LocalDate } from "@iljari/core"
import { Effect } from "effect"
import { actor } from "./Actor.js"
import { Api } from "./Api.js"

type Language = "ko" | "en"

/** The district's programs: the core's presets pointed at it. */
export const programsOf = (districtId: Ids.DistrictId) => Eligibility.presetsFor(districtId)

// Each program's standing and reasons, in the caller's language.
const inLanguage = (checked: ReturnType<typeof Eligibility.evaluateAll>, language: Language) => ({
  asOf: checked.asOf,
  eligibleFor: checked.eligibleFor,
  programs: checked.results.map(({ evaluation, program, standing }) => ({
    programId: program.id,
    name: program.name[language],
    eligible: evaluation.eligible,
    status: standing,
    reasons: evaluation.reasons.map((r) => ({
      outcome: r.outcome,
      requirement: r.requirement[language],
      finding: r.finding[language],
      message: r.message[language]
    }))
  }))
})

const evaluateAll = (districtId: Ids.DistrictId, applicant: Eligibility.Applicant, asOf: LocalDate.LocalDate, language: Language) =>
  inLanguage(Eligibility.evaluateAll(programsOf(districtId), applicant, asOf), language)

export const EligibilityLive = HttpApiBuilder.group(Api, "eligibility", (handlers) =>
  handlers
    .handle("check", ({ path, payload, urlParams }) =>
      Effect.gen(function*() {
        const who = yield* actor
        // Another district's seeker is a NotFound, like one that does not exist.
        const seeker = (yield* JobCenter.seekerForEligibility(who, path.id)).value
        const asOf = yield* JobCenter.today
        const applicant: Eligibility.Applicant = { ...payload, birthDate: seeker.birthDate, residence: seeker.addressRegion }
        return { seekerId: path.id, ...evaluateAll(who.districtId, applicant, asOf, urlParams.lang ?? "ko") }
      }))
    .handle("checkCase", ({ payload, urlParams }) =>
      Effect.gen(function*() {
        const who = yield* actor
        return evaluateAll(who.districtId, payload, yield* JobCenter.today, urlParams.lang ?? "ko")
      }))
    .handle("programs", ({ urlParams }) =>
      Effect.gen(function*() {
        const who = yield* actor
        const language = urlParams.lang ?? "ko"
        return programsOf(who.districtId).map((program) => ({
          programId: program.id,
          name: program.name[language],
          benefit: program.benefit._tag,
          rules: program.rules.map((rule) => Eligibility.describeRule(rule, language))
        }))
      }))
)
