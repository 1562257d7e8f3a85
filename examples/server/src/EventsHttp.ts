/**
 * The handlers of outreach, discovery visits, surveys, psychological tests,
 * the training demand survey, job cafés and study rooms: each calls one
 * `Events`, `Cafes` or `StudyRooms` use case as the authenticated user.
 */
import { HttpApiBuilder } from "@effect/platform"
import { Cafes, DiscoveryVisit, Events, StudyRooms, SurveyLink } from "@iljari/core"
import { Effect, Redacted } from "effect"
import { splitVersion } from "./Forms.js"
import { idempotent } from "./Idempotent.js"
import { actor } from "./Actor.js"
import { Api } from "./Api.js"

export const EventsLive = HttpApiBuilder.group(Api, "events", (handlers) =>
  handlers
    .handle("recordOutreach", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => Events.recordOutreach(who, payload))))
    .handle("outreachProgress", ({ urlParams }) => Effect.flatMap(actor, (who) => Events.outreachProgress(who, urlParams.month)))
    .handle("recordVisit", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => Events.recordVisit(who, payload))))
    .handle("discoveryProgress", ({ urlParams }) =>
      Effect.flatMap(actor, (who) => {
        const seeds = DiscoveryVisit.seedPlan2016
        // The seeds' targets unless the query gives others, and their operating months (January to November, twice a month).
        const plan: DiscoveryVisit.Plan = {
          ...seeds,
          year: urlParams.year,
          buildings: urlParams.buildings ?? seeds.buildings,
          openings: urlParams.openings ?? seeds.openings,
          positions: urlParams.positions ?? seeds.positions
        }
        return Events.discoveryProgress(who, plan, urlParams.asOf)
      }))
    .handle("createSurvey", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => Events.createQuestionnaire(who, payload))))
    .handle("respond", ({ path, payload }) => idempotent(Effect.flatMap(actor, (who) => Events.respond(who, path.id, payload))))
    .handle("issueSurveyLink", ({ path, payload }) =>
      Effect.map(
        Effect.flatMap(actor, (who) => SurveyLink.issue(who, path.id, payload)),
        ({ link, token }) => {
          const { digest: _digest, ...shown } = link.value
          return { token: Redacted.value(token), link: shown }
        }
      ))
    .handle("scores", ({ path, urlParams }) =>
      Effect.map(
        Effect.flatMap(actor, (who) => Events.surveyScores(who, path.id, urlParams, urlParams.by ?? "all")),
        (scores) =>
          scores.map((s) => ({
            key: s.key,
            responses: s.responses,
            average: s.average ?? null,
            satisfiedShare: s.satisfiedShare ?? null
          }))
      ))
    .handle("scheduleTest", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => Events.scheduleTest(who, payload))))
    .handle("tests", () => Effect.flatMap(actor, Events.listTests))
    .handle("registerParticipant", ({ path, payload }) =>
      idempotent(Effect.flatMap(actor, (who) => Events.registerParticipant(who, path.id, payload.seekerId))))
    .handle("participants", ({ path }) => Effect.flatMap(actor, (who) => Events.participants(who, path.id)))
    .handle("recordTestResult", ({ path, payload }) =>
      Effect.flatMap(actor, (who) => Events.recordTestResult(who, path.id, payload.version, splitVersion(payload).form)))
    .handle("deliverResult", ({ path, payload }) =>
      Effect.flatMap(actor, (who) => Events.deliverResult(who, path.id, payload.version, payload.by)))
    .handle("recordDemand", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => Events.recordDemandAnswer(who, payload))))
    .handle("book", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => StudyRooms.reserve(who, payload))))
    .handle("bookings", ({ urlParams }) => Effect.flatMap(actor, (who) => StudyRooms.bookingsOn(who, urlParams.on)))
    .handle("cafes", () => Effect.flatMap(actor, Cafes.list))
    .handle("registerCafe", ({ payload }) => idempotent(Effect.flatMap(actor, (who) => Cafes.register(who, payload))))
    .handle("nearbyCafes", ({ urlParams }) =>
      Effect.flatMap(actor, (who) => Cafes.nearby(who, { lat: urlParams.lat, lon: urlParams.lon }, urlParams.minutes ?? 10)))
    .handle("cafe", ({ path }) => Effect.flatMap(actor, (who) => Cafes.get(who, path.id)))
    .handle("scheduleCafeProgram", ({ path, payload }) =>
      idempotent(Effect.flatMap(actor, (who) => Cafes.scheduleProgram(who, path.id, payload))))
    .handle("cafePrograms", ({ path }) => Effect.flatMap(actor, (who) => Cafes.programsOf(who, path.id)))
    .handle("signUp", ({ path, payload }) => idempotent(Effect.flatMap(actor, (who) => Cafes.signUp(who, path.id, payload.personId))))
    .handle("signUps", ({ path }) => Effect.flatMap(actor, (who) => Cafes.signUps(who, path.id)))
)
