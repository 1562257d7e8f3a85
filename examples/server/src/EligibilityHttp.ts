/**
 * The eligibility handlers: every preset program, pointed at the user's
 * district, evaluated on today's date. Reading a stored seeker for a check
 * is written to the access log (purpose `seeker.eligibility`); a case posted
 * whole is neither stored nor logged.
 */
import { HttpApiBuilder } from "@effect/platform"
import { Codes, Eligibility, type Ids, JobCenter, type LocalDate } from "@iljari/core"
import { Effect } from "effect"
import { actor } from "./Actor.js"
import { Api } from "./Api.js"

type Language = "ko" | "en"

/**
 * The district's programs: the core's presets, their residence rules pointed
 * at the district — and their names too, when a preset is another district's
 * (public works is Yeongdeungpo-gu's: here it reads 공공근로사업 (성동구)).
 */
export const programsOf = (districtId: Ids.DistrictId): ReadonlyArray<Eligibility.Program> =>
  Eligibility.presets.map((preset) => {
    const program = Eligibility.forDistrict(preset, districtId)
    const from = preset.district
    if (from === undefined || from === districtId) return program
    const rename = (language: Codes.Language) =>
      preset.name[language].replace(Codes.regionName(from, language), Codes.regionName(districtId, language))
    return { ...program, name: { ko: rename("ko"), en: rename("en") } }
  })

const evaluateAll = (
  districtId: Ids.DistrictId,
  applicant: Eligibility.Applicant,
  asOf: LocalDate.LocalDate,
  language: Language
) => {
  const programs = programsOf(districtId).map((program) => {
    const evaluation = Eligibility.evaluate(program, applicant, asOf)
    const status = evaluation.eligible
      ? "eligible" as const
      : evaluation.reasons.some((r) => r.outcome === "failed")
      ? "not-eligible" as const
      : "needs-facts" as const
    return {
      programId: program.id,
      name: program.name[language],
      eligible: evaluation.eligible,
      status,
      reasons: evaluation.reasons.map((r) => ({
        outcome: r.outcome,
        requirement: r.requirement[language],
        finding: r.finding[language],
        message: r.message[language]
      }))
    }
  })
  return { asOf, eligibleFor: programs.filter((p) => p.eligible).map((p) => p.programId), programs }
}

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
