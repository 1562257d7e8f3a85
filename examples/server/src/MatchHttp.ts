/**
 * The recommendation handlers, over the core `Recommendations` service.
 */
import { HttpApiBuilder } from "@effect/platform"
import { type Codes, Match, Recommendations } from "@iljari/core"
import { Effect } from "effect"
import { Api } from "./Api.js"
import { actor } from "./Actor.js"

const explained = (match: Match.MatchScore, language: Codes.Language) => ({
  total: match.total,
  eligible: match.eligible,
  parts: match.parts.map((p) => ({
    criterion: p.criterion,
    label: Match.criterionLabel(p.criterion, language),
    weight: p.weight,
    points: p.points,
    reason: p.reason[language]
  })),
  blockedBy: match.blockedBy.map((b) => b.reason[language]),
  explanation: Match.explain(match, language)
})

export const MatchesLive = HttpApiBuilder.group(Api, "matches", (handlers) =>
  handlers
    .handle("openingsForSeeker", ({ path, urlParams }) =>
      Effect.gen(function*() {
        const who = yield* actor
        const service = yield* Recommendations.Recommendations
        const found = yield* service.openingsFor(who, path.id, urlParams.k ?? 10)
        const language = urlParams.lang ?? "ko"
        return {
          seekerId: path.id,
          matches: found.map(({ match, record: { value: o } }) => ({
            opening: {
              id: o.id,
              employerId: o.employerId,
              title: o.title,
              occupation: o.occupation,
              workRegion: o.workRegion,
              wage: o.wage,
              status: o.status
            },
            match: explained(match, language)
          }))
        }
      }))
    .handle("seekersForOpening", ({ path, urlParams }) =>
      Effect.gen(function*() {
        const who = yield* actor
        const service = yield* Recommendations.Recommendations
        const found = yield* service.seekersFor(who, path.id, urlParams.k ?? 10)
        const language = urlParams.lang ?? "ko"
        return {
          openingId: path.id,
          matches: found.map(({ match, record: { value: s } }) => ({
            seeker: {
              id: s.id,
              name: s.name,
              ...(s.contact.phone === undefined ? {} : { phone: s.contact.phone }),
              addressRegion: s.addressRegion,
              desiredOccupations: s.desiredOccupations
            },
            match: explained(match, language)
          }))
        }
      }))
)
