/**
 * The outreach, discovery-visit and survey handlers: forms get a generated
 * id and the user's district, then the core decoders name every broken field.
 */
import { HttpApiBuilder } from "@effect/platform"
import { DiscoveryVisit, JobCenter, Outreach, PsychTest, Repositories, StudyRooms, Survey, Validation } from "@iljari/core"
import { Either, Effect } from "effect"
import { actor } from "./Actor.js"
import { Api } from "./Api.js"

const refuse = (subject: string, path: string, message: string) =>
  new Validation.ValidationError({ subject, issues: [new Validation.ValidationIssue({ path, message })] })

// The form's fields with the id the center gives and the user's district.
const record = <A>(subject: string, kind: string, payload: unknown, decode: (input: unknown) => Either.Either<A, Validation.ValidationError>) =>
  Effect.gen(function*() {
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
      return yield* Effect.fail(refuse(subject, "", "must be an object holding the record's fields"))
    }
    for (const reserved of ["id", "districtId"]) {
      if (reserved in payload) return yield* Effect.fail(refuse(subject, reserved, "is set by the center, not by a form"))
    }
    const who = yield* actor
    const id = yield* Effect.flatMap(Repositories.IdGenerator, (ids) => ids.next(kind))
    return yield* decode({ ...payload, id, districtId: who.districtId })
  })

export const EventsLive = HttpApiBuilder.group(Api, "events", (handlers) =>
  handlers
    .handle("recordOutreach", ({ payload }) =>
      Effect.flatMap(
        record("OutreachSession", "outreach", payload, Outreach.decodeSession),
        (session) => Effect.flatMap(Repositories.OutreachSessionRepository, (r) => r.insert(session))
      ))
    .handle("outreachProgress", ({ urlParams }) =>
      Effect.gen(function*() {
        const who = yield* actor
        const sessions = yield* Effect.flatMap(Repositories.OutreachSessionRepository, (r) => r.list(who.districtId))
        return Outreach.progress(Outreach.seedPlan(urlParams.month), sessions.map((s) => s.value))
      }))
    .handle("recordVisit", ({ payload }) =>
      Effect.flatMap(
        record("DiscoveryVisit", "visit", payload, DiscoveryVisit.decodeVisit),
        (visit) => Effect.flatMap(Repositories.DiscoveryVisitRepository, (r) => r.insert(visit))
      ))
    .handle("discoveryProgress", ({ urlParams }) =>
      Effect.gen(function*() {
        const who = yield* actor
        const visits = yield* Effect.flatMap(Repositories.DiscoveryVisitRepository, (r) => r.list(who.districtId))
        const seeds = DiscoveryVisit.seedPlan2016
        const plan = {
          year: urlParams.year,
          buildings: urlParams.buildings ?? seeds.buildings,
          openings: urlParams.openings ?? seeds.openings,
          positions: urlParams.positions ?? seeds.positions
        }
        return DiscoveryVisit.progress(plan, visits.map((v) => v.value), urlParams.asOf ?? (yield* JobCenter.today))
      }))
    .handle("createSurvey", ({ payload }) =>
      Effect.flatMap(
        record("Questionnaire", "survey", payload, Survey.decodeQuestionnaire),
        (questionnaire) => Effect.flatMap(Repositories.QuestionnaireRepository, (r) => r.insert(questionnaire))
      ))
    .handle("respond", ({ path, payload }) =>
      Effect.gen(function*() {
        const who = yield* actor
        const questionnaire = yield* Effect.flatMap(Repositories.QuestionnaireRepository, (r) => r.get(who.districtId, path.id))
        const withSurvey = typeof payload === "object" && payload !== null && !Array.isArray(payload)
          ? { ...payload, questionnaireId: path.id }
          : payload
        const response = yield* record("SurveyResponse", "response", withSurvey, Survey.decodeResponse(questionnaire.value))
        return yield* Effect.flatMap(Repositories.SurveyResponseRepository, (r) => r.insert(response))
      }))
    .handle("scores", ({ path, urlParams }) =>
      Effect.gen(function*() {
        const who = yield* actor
        const questionnaire = yield* Effect.flatMap(Repositories.QuestionnaireRepository, (r) => r.get(who.districtId, path.id))
        const responses = yield* Effect.flatMap(Repositories.SurveyResponseRepository, (r) => r.list(who.districtId))
        return Survey.scores(questionnaire.value, responses.map((r) => r.value), urlParams, urlParams.by ?? "all").map((s) => ({
          key: s.key,
          responses: s.responses,
          average: s.average ?? null,
          satisfiedShare: s.satisfiedShare ?? null
        }))
      }))
    .handle("scheduleTest", ({ payload }) =>
      Effect.flatMap(
        record("PsychTestSession", "psych-test", payload, PsychTest.decodeSession),
        (session) => Effect.flatMap(Repositories.PsychTestSessionRepository, (r) => r.insert(session))
      ))
    .handle("tests", () =>
      Effect.flatMap(actor, (who) => Effect.flatMap(Repositories.PsychTestSessionRepository, (r) => r.list(who.districtId))))
    .handle("book", ({ payload }) => Effect.flatMap(actor, (who) => StudyRooms.reserve(who, payload)))
    .handle("bookings", ({ urlParams }) => Effect.flatMap(actor, (who) => StudyRooms.bookingsOn(who, urlParams.on)))
)
