/**
 * Program eligibility: the district's programs (public works, community jobs,
 * youth intern, middle-aged hire — the core's presets pointed at the user's
 * district) and their rules, checked for a stored seeker or for a case
 * posted whole.
 *
 * For a stored seeker, the birth date and address come from the record (the
 * read is written to the access log); the facts a program needs beyond them
 * (employment status, assets, income, benefits, recent work, a hire) come
 * with the request, since iljari does not store them. A missing fact makes
 * its rule `unknown`, never passed.
 */
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
import { Eligibility, Ids, LocalDate } from "@iljari/core"
import { Schema, Struct } from "effect"
import * as E from "./ApiErrors.js"
import { doc, Lang } from "./Params.js"

export const Facts = Schema.Struct(Struct.omit(Eligibility.Applicant.fields, "birthDate", "residence")).annotations({
  identifier: "EligibilityFacts"
})

const Language = Schema.Struct({ lang: Schema.optional(Lang) })

export const ProgramResult = Schema.Struct({
  programId: Schema.String,
  name: Schema.String,
  /** Every rule passed. */
  eligible: Schema.Boolean,
  /** `eligible`; `not-eligible` when a rule failed; `needs-facts` when none failed but some could not be checked. */
  status: Schema.Literal("eligible", "not-eligible", "needs-facts"),
  reasons: Schema.Array(Schema.Struct({
    outcome: Eligibility.Outcome,
    requirement: Schema.String,
    finding: Schema.String,
    message: Schema.String
  }))
}).annotations({ identifier: "ProgramResult" })

export const EligibilityResult = Schema.Struct({
  asOf: LocalDate.LocalDate,
  /** The ids of the programs every rule of which passed. */
  eligibleFor: Schema.Array(Schema.String),
  programs: Schema.Array(ProgramResult)
})

export class EligibilityApi extends HttpApiGroup.make("eligibility")
  .add(
    HttpApiEndpoint.post("check", "/seekers/:id/eligibility")
      .setPath(Schema.Struct({ id: Ids.SeekerId }))
      .setUrlParams(Language)
      .setPayload(Facts)
      .addSuccess(Schema.Struct({ seekerId: Ids.SeekerId, ...EligibilityResult.fields }).annotations({ identifier: "SeekerEligibility" }))
      .addError(E.NotFound)
      .addError(E.ValidationError)
      .annotateContext(doc(
        "Check a seeker's eligibility",
        "Checks the district's programs for a stored seeker, rule by rule: birth date and address from the record (logged), the other facts from the body"
      ))
  )
  .add(
    HttpApiEndpoint.post("checkCase", "/eligibility")
      .setUrlParams(Language)
      .setPayload(Eligibility.Applicant)
      .addSuccess(EligibilityResult.annotations({ identifier: "CaseEligibility" }))
      .addError(E.ValidationError)
      .annotateContext(doc(
        "Check a case's eligibility",
        "Checks the district's programs for a case given whole in the body (birth date, residence and the facts); nothing is stored or logged"
      ))
  )
  .add(
    HttpApiEndpoint.get("programs", "/eligibility/programs")
      .setUrlParams(Language)
      .addSuccess(Schema.Array(Schema.Struct({
        programId: Schema.String,
        name: Schema.String,
        benefit: Schema.Literal("DailyWork", "WageSubsidy", "FixedSubsidy"),
        rules: Schema.Array(Schema.String)
      }).annotations({ identifier: "ProgramSummary" })))
      .annotateContext(doc("List the programs", "The district's programs and what each requires"))
  )
  .annotate(OpenApi.Description, "Program eligibility (사업 참여 자격): public works, community jobs, youth intern and middle-aged hire, rule by rule")
{}
