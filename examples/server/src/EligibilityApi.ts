/**
 * Program eligibility for a stored seeker: the seeker's birth date and
 * address come from the record; the facts a program needs beyond them
 * (employment status, assets, income, benefits, recent work, a hire) come
 * with the request, since iljari does not store them.
 */
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
import { Eligibility, Errors, Ids, Validation } from "@iljari/core"
import { Schema, Struct } from "effect"

export const Facts = Schema.Struct(Struct.omit(Eligibility.Applicant.fields, "birthDate", "residence")).annotations({
  identifier: "EligibilityFacts"
})

export const ProgramResult = Schema.Struct({
  programId: Schema.String,
  name: Schema.String,
  eligible: Schema.Boolean,
  reasons: Schema.Array(Schema.Struct({ outcome: Eligibility.Outcome, message: Schema.String }))
}).annotations({ identifier: "ProgramResult" })

export class EligibilityApi extends HttpApiGroup.make("eligibility")
  .add(
    HttpApiEndpoint.post("check", "/seekers/:id/eligibility")
      .setPath(Schema.Struct({ id: Ids.SeekerId }))
      .setUrlParams(Schema.Struct({ lang: Schema.optional(Schema.Literal("ko", "en")) }))
      .setPayload(Facts)
      .addSuccess(Schema.Struct({ seekerId: Ids.SeekerId, asOf: Schema.String, programs: Schema.Array(ProgramResult) }))
      .addError(Errors.NotFound, { status: 404 })
      .addError(Validation.ValidationError, { status: 400 })
      .annotate(
        OpenApi.Description,
        "Checks the district's programs (public works, community jobs, youth intern, middle-aged hire) for a seeker, rule by rule"
      )
  )
  .annotate(OpenApi.Description, "Program eligibility (사업 참여 자격)")
{}
