/**
 * The recommendation endpoints: the best openings for a seeker and the
 * seekers to call for an opening, each with its score explained part by part.
 */
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
import { Codes, Ids, Match, Opening, Wage } from "@iljari/core"
import { Schema } from "effect"
import * as E from "./ApiErrors.js"
import { doc, integer, Lang } from "./Params.js"

const Query = Schema.Struct({
  k: Schema.optional(integer({
    min: 1,
    max: 100,
    description: "How many results, 1–100 (default 10)",
    en: "k must be a whole number of results between 1 and 100",
    ko: "k는 1부터 100까지의 결과 수(정수)여야 합니다"
  })),
  lang: Schema.optional(Lang)
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
      .addError(E.NotFound)
      .annotateContext(doc(
        "Openings for a seeker",
        "The best open openings for a seeker (top k, 10 by default), each score explained part by part; the seeker's read is logged"
      ))
  )
  .add(
    HttpApiEndpoint.get("seekersForOpening", "/openings/:id/matches")
      .setPath(Schema.Struct({ id: Ids.OpeningId }))
      .setUrlParams(Query)
      .addSuccess(Schema.Struct({
        openingId: Ids.OpeningId,
        matches: Schema.Array(Schema.Struct({ seeker: SeekerSummary, match: Explained }))
      }))
      .addError(E.NotFound)
      .annotateContext(doc(
        "Seekers for an opening",
        "The seekers to call for an opening (top k, 10 by default), each score explained; every seeker shown is logged"
      ))
  )
  .annotate(
    OpenApi.Description,
    "Recommendations (추천): explainable match scores that never read age or gender"
  )
{}
