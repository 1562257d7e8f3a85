/**
 * The recommendation endpoints: the best openings for a seeker and the
 * seekers to call for an opening, each with its score explained part by part.
 */
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
import { Codes, Errors, Ids, Match, Opening, Wage } from "@iljari/core"
import { Schema } from "effect"

const Query = Schema.Struct({
  k: Schema.optional(
    Schema.NumberFromString.pipe(
      Schema.int(),
      Schema.between(1, 100, { message: () => "k must be a whole number of results between 1 and 100" })
    )
  ),
  lang: Schema.optional(Schema.Literal("ko", "en"))
})

const Criterion = Schema.Literal(...Match.criteria)

/** One criterion's contribution, in the language asked for. */
export const MatchPart = Schema.Struct({
  criterion: Criterion,
  label: Schema.String,
  weight: Schema.Number,
  points: Schema.Number,
  reason: Schema.String
}).annotations({ identifier: "MatchPart" })

/** A score with its parts and the lines a counselor reads. */
export const Explained = Schema.Struct({
  total: Schema.Number,
  eligible: Schema.Boolean,
  parts: Schema.Array(MatchPart),
  blockedBy: Schema.Array(Schema.String),
  explanation: Schema.Array(Schema.String)
}).annotations({ identifier: "ExplainedMatch" })

const OpeningSummary = Schema.Struct({
  id: Ids.OpeningId,
  employerId: Ids.EmployerId,
  title: Schema.String,
  occupation: Codes.OccupationCode,
  workRegion: Codes.RegionCode,
  wage: Wage.OfferedWage,
  status: Opening.OpeningStatus
}).annotations({ identifier: "OpeningSummary" })

const SeekerSummary = Schema.Struct({
  id: Ids.SeekerId,
  name: Schema.String,
  phone: Schema.optional(Schema.String),
  addressRegion: Codes.RegionCode,
  desiredOccupations: Schema.Array(Codes.OccupationCode)
}).annotations({ identifier: "SeekerSummary" })

export class MatchesApi extends HttpApiGroup.make("matches")
  .add(
    HttpApiEndpoint.get("openingsForSeeker", "/seekers/:id/matches")
      .setPath(Schema.Struct({ id: Ids.SeekerId }))
      .setUrlParams(Query)
      .addSuccess(Schema.Struct({
        seekerId: Ids.SeekerId,
        matches: Schema.Array(Schema.Struct({ opening: OpeningSummary, match: Explained }))
      }))
      .addError(Errors.NotFound, { status: 404 })
      .annotate(OpenApi.Description, "The best open openings for a seeker (top k, 10 by default), each score explained")
  )
  .add(
    HttpApiEndpoint.get("seekersForOpening", "/openings/:id/matches")
      .setPath(Schema.Struct({ id: Ids.OpeningId }))
      .setUrlParams(Query)
      .addSuccess(Schema.Struct({
        openingId: Ids.OpeningId,
        matches: Schema.Array(Schema.Struct({ seeker: SeekerSummary, match: Explained }))
      }))
      .addError(Errors.NotFound, { status: 404 })
      .annotate(
        OpenApi.Description,
        "The seekers to call for an opening (top k, 10 by default), each score explained; every seeker shown is logged"
      )
  )
  .annotate(
    OpenApi.Description,
    "Recommendations (추천): explainable match scores that never read age or gender"
  )
{}
