/**
 * The center's events as use cases over the stores: outreach sessions,
 * employer-discovery visits, satisfaction surveys, psychological-test
 * sessions with their participants, and the training-demand survey.
 *
 * Forms arrive as `unknown` and are decoded, with the id and district the
 * center gives them (a form that sets either is refused). Every step that
 * writes or shows a seeker's data logs it, in one statement per step.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const may = Events.outreachProgress(actor, "2026-05")
 * const visits = Events.discoveryProgress(actor, { year: 2026, buildings: 30, openings: 200, positions: 270 })
 * ```
 *
 * @since 0.2.0
 * @module
 * @category events
 */
import { Effect, type Either, Schema } from "effect"
import * as DiscoveryVisit from "./DiscoveryVisit.js"
import type { SeekerId } from "../kernel/Ids.js"
import { type Actor, enqueue, fieldsOf, inTransaction, logAccess, logAccessAll, notInFuture, now, today } from "../kernel/UseCase.js"
import type { LocalDate } from "../kernel/LocalDate.js"
import type { Versioned } from "../kernel/Store.js"
import * as Outreach from "./Outreach.js"
import * as Partner from "./Partner.js"
import * as PsychTest from "./PsychTest.js"
import { DiscoveryVisitRepository } from "./DiscoveryVisit.js"
import { OutreachSessionRepository } from "./Outreach.js"
import { TrainingDemandRepository } from "./Partner.js"
import { PsychTestParticipantRepository, PsychTestSessionRepository } from "./PsychTest.js"
import { QuestionnaireRepository, SurveyResponseRepository } from "./Survey.js"
import { IdGenerator } from "../kernel/IdGenerator.js"
import { Transactor } from "../kernel/Transactor.js"
import { SeekerRepository } from "../registry/Seeker.js"
import * as Survey from "./Survey.js"
import { Note } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"

// A form's fields with the id the center gives and the actor's district.
const withIdentity = (subject: string, kind: string, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* fieldsOf(subject, input, ["id", "districtId"])
    const id = yield* Effect.flatMap(IdGenerator, (ids) => ids.next(kind))
    return { ...fields, id }
  })

const decoded = <A>(decode: (input: unknown) => Either.Either<A, Validation.ValidationError>) => (input: unknown) =>
  Effect.suspend(() => decode(input))

// Events newest first; one day's in the order they were recorded.
const latestFirst = <A>(dayOf: (a: A) => string) => (rows: ReadonlyArray<Versioned<A>>) =>
  rows.map((row, at) => ({ row, at })).sort((a, b) => dayOf(b.row.value).localeCompare(dayOf(a.row.value)) || a.at - b.at).map((e) => e.row)

// ---------------------------------------------------------------------------
// Outreach (찾아가는 일자리상담실)
// ---------------------------------------------------------------------------

/**
 * Records an outreach session; the seekers it registered on the spot are
 * logged as written about.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const form: unknown // an Outreach.Session without its id and district
 * const session = Events.recordOutreach(actor, form)
 * ```
 *
 * @since 0.2.0
 * @category outreach
 */
export const recordOutreach = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* withIdentity("OutreachSession", "outreach", input)
    const session = yield* decoded(Outreach.decodeSession)({ ...fields, districtId: actor.districtId })
    yield* notInFuture("OutreachSession", "heldOn", session.heldOn, {
      en: "an outreach session is recorded once it was held",
      ko: "찾아가는 상담은 한 뒤에 기록합니다"
    })
    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* Effect.flatMap(OutreachSessionRepository, (r) => r.insert(session))
      yield* logAccessAll(actor, "update", "seeker", session.registeredSeekerIds, "outreach.record")
      return stored
    }))
  })

/**
 * A month's outreach against a plan (by default the seeds': four subway
 * stations, one shelter, one library from February to November, nothing
 * planned in January or December — `Outreach.seedPlan`). A district with
 * its own `Outreach.OperatingPlan` passes `Outreach.planFor(plan, month)`.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const may = Events.outreachProgress(actor, "2026-05") // against the month's default plan
 * ```
 *
 * @since 0.2.0
 * @category outreach
 */
export const outreachProgress = (actor: Actor, month: string, plan: Outreach.MonthlyPlan = Outreach.seedPlan(month)) =>
  Effect.map(
    Effect.flatMap(OutreachSessionRepository, (r) => r.list(actor.districtId)),
    (sessions) => Outreach.progress(plan, sessions.map((s) => s.value))
  )

/**
 * The district's outreach sessions, latest first; the seekers they
 * registered are logged as read, since each session names them.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const sessions = Events.listOutreach(actor)
 * ```
 *
 * @since 0.4.0
 * @category outreach
 */
export const listOutreach = (actor: Actor) =>
  Effect.gen(function*() {
    const sessions = yield* Effect.flatMap(OutreachSessionRepository, (r) => r.list(actor.districtId))
    yield* logAccessAll(actor, "read", "seeker", new Set(sessions.flatMap((s) => s.value.registeredSeekerIds)), "outreach.list")
    return latestFirst((s: Outreach.Session) => s.heldOn)(sessions)
  })

/**
 * One outreach session; the seekers it registered are logged as read, since
 * the session is shown with them.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const session = Events.outreachSession(actor, "outreach-0003")
 * ```
 *
 * @since 0.4.0
 * @category outreach
 */
export const outreachSession = (actor: Actor, id: string) =>
  Effect.gen(function*() {
    const session = yield* Effect.flatMap(OutreachSessionRepository, (r) => r.get(actor.districtId, id))
    yield* logAccessAll(actor, "read", "seeker", session.value.registeredSeekerIds, "outreach.read")
    return session
  })

// ---------------------------------------------------------------------------
// Discovery visits (일자리발굴단)
// ---------------------------------------------------------------------------

/**
 * Records an employer-discovery visit.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const form: unknown // a DiscoveryVisit.Visit without its id and district
 * const visit = Events.recordVisit(actor, form)
 * ```
 *
 * @since 0.2.0
 * @category discovery visits
 */
export const recordVisit = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* withIdentity("DiscoveryVisit", "visit", input)
    const visit = yield* decoded(DiscoveryVisit.decodeVisit)({ ...fields, districtId: actor.districtId })
    yield* notInFuture("DiscoveryVisit", "visitedOn", visit.visitedOn, {
      en: "a visit is recorded once it was made",
      ko: "방문은 한 뒤에 기록합니다"
    })
    return yield* Effect.flatMap(DiscoveryVisitRepository, (r) => r.insert(visit))
  })

/**
 * A year's visits up to `asOf` (today by default) against a plan.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const progress = Events.discoveryProgress(actor, { year: 2026, buildings: 30, openings: 200, positions: 270 })
 * ```
 *
 * @since 0.2.0
 * @category discovery visits
 */
export const discoveryProgress = (actor: Actor, plan: DiscoveryVisit.Plan, asOf?: LocalDate) =>
  Effect.gen(function*() {
    const visits = yield* Effect.flatMap(DiscoveryVisitRepository, (r) => r.list(actor.districtId))
    return DiscoveryVisit.progress(plan, visits.map((v) => v.value), asOf ?? (yield* today))
  })

/**
 * The district's discovery visits, latest first.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const visits = Events.listVisits(actor)
 * ```
 *
 * @since 0.4.0
 * @category discovery visits
 */
export const listVisits = (actor: Actor) =>
  Effect.map(Effect.flatMap(DiscoveryVisitRepository, (r) => r.list(actor.districtId)), latestFirst((v: DiscoveryVisit.Visit) => v.visitedOn))

/**
 * One discovery visit; the employers it found are logged as read (their
 * contact persons are personal data), since the visit is shown with them.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const visit = Events.visit(actor, "visit-0007")
 * ```
 *
 * @since 0.4.0
 * @category discovery visits
 */
export const visit = (actor: Actor, id: string) =>
  Effect.gen(function*() {
    const found = yield* Effect.flatMap(DiscoveryVisitRepository, (r) => r.get(actor.districtId, id))
    yield* logAccessAll(actor, "read", "employer", found.value.findings.flatMap((f) => f.employerId ?? []), "discoveryVisit.read")
    return found
  })

// ---------------------------------------------------------------------------
// Satisfaction surveys
// ---------------------------------------------------------------------------

/**
 * Creates a questionnaire.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const form: unknown // a Survey.Questionnaire without its id and district
 * const questionnaire = Events.createQuestionnaire(actor, form)
 * ```
 *
 * @since 0.2.0
 * @category surveys
 */
export const createQuestionnaire = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* withIdentity("Questionnaire", "survey", input)
    const questionnaire = yield* decoded(Survey.decodeQuestionnaire)({ ...fields, districtId: actor.districtId })
    return yield* Effect.flatMap(QuestionnaireRepository, (r) => r.insert(questionnaire))
  })

/**
 * The district's questionnaires, each with how many responses it has had.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const questionnaires = Events.questionnaires(actor)
 * ```
 *
 * @since 0.4.0
 * @category surveys
 */
export const questionnaires = (actor: Actor) =>
  Effect.gen(function*() {
    const [all, responses] = yield* Effect.all([
      Effect.flatMap(QuestionnaireRepository, (r) => r.list(actor.districtId)),
      Effect.flatMap(SurveyResponseRepository, (r) => r.list(actor.districtId))
    ])
    const counts = new Map<string, number>()
    for (const row of responses) counts.set(row.value.questionnaireId, (counts.get(row.value.questionnaireId) ?? 0) + 1)
    return all.map((row) => ({ questionnaire: row.value, responses: counts.get(row.value.id) ?? 0 }))
  })

/**
 * Records a response, checked against its questionnaire; a response under a
 * seeker's name is logged as written about them.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const answers: unknown // the response form, checked against the questionnaire
 * const response = Events.respond(actor, "satisfaction-2026", answers)
 * ```
 *
 * @since 0.2.0
 * @category surveys
 */
export const respond = (actor: Actor, questionnaireId: string, input: unknown) =>
  Effect.gen(function*() {
    const questionnaire = yield* Effect.flatMap(QuestionnaireRepository, (r) => r.get(actor.districtId, questionnaireId))
    const fields = yield* withIdentity("SurveyResponse", "response", input)
    const response = yield* decoded(Survey.decodeResponse(questionnaire.value))({
      ...fields,
      districtId: actor.districtId,
      questionnaireId
    })
    yield* notInFuture("SurveyResponse", "respondedOn", response.respondedOn, {
      en: "a response is recorded once it was given",
      ko: "설문 응답은 받은 뒤에 기록합니다"
    })
    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* Effect.flatMap(SurveyResponseRepository, (r) => r.insert(response))
      if (response.seekerId !== undefined) yield* logAccess(actor, "create", "seeker", response.seekerId, "survey.respond")
      return stored
    }))
  })

/**
 * A questionnaire's scores for a period, overall or by counselor or month.
 *
 * @example
 * ```ts
 * import { Events, JobCenter, LocalDate } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const byCounselor = Events.surveyScores(
 *   actor,
 *   "satisfaction-2026",
 *   { from: LocalDate.make(2026, 1, 1), to: LocalDate.make(2026, 6, 30) },
 *   "counselor"
 * )
 * ```
 *
 * @since 0.2.0
 * @category surveys
 */
export const surveyScores = (
  actor: Actor,
  questionnaireId: string,
  period: { readonly from: LocalDate; readonly to: LocalDate },
  by: "all" | "counselor" | "month" = "all"
) =>
  Effect.gen(function*() {
    const questionnaire = yield* Effect.flatMap(QuestionnaireRepository, (r) => r.get(actor.districtId, questionnaireId))
    const responses = yield* Effect.flatMap(SurveyResponseRepository, (r) => r.list(actor.districtId))
    return Survey.scores(questionnaire.value, responses.map((r) => r.value), period, by)
  })

/**
 * A questionnaire and its scores for a period overall, by counselor and by
 * month, from one read of the responses: what a results page shows.
 *
 * @example
 * ```ts
 * import { Events, JobCenter, LocalDate } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const results = Events.surveyResults(actor, "satisfaction-2026", { from: LocalDate.make(2026, 1, 1), to: LocalDate.make(2026, 6, 30) })
 * ```
 *
 * @since 0.4.0
 * @category surveys
 */
export const surveyResults = (
  actor: Actor,
  questionnaireId: string,
  period: { readonly from: LocalDate; readonly to: LocalDate }
) =>
  Effect.gen(function*() {
    const questionnaire = yield* Effect.flatMap(QuestionnaireRepository, (r) => r.get(actor.districtId, questionnaireId))
    const responses = (yield* Effect.flatMap(SurveyResponseRepository, (r) => r.list(actor.districtId))).map((r) => r.value)
    const by = (grouping: "all" | "counselor" | "month") => Survey.scores(questionnaire.value, responses, period, grouping)
    return { questionnaire: questionnaire.value, all: by("all"), byCounselor: by("counselor"), byMonth: by("month") }
  })

// ---------------------------------------------------------------------------
// Psychological tests (직업심리검사)
// ---------------------------------------------------------------------------

/**
 * Schedules a test session.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const form: unknown // a PsychTest.Session without its id and district
 * const session = Events.scheduleTest(actor, form)
 * ```
 *
 * @since 0.2.0
 * @category psychological tests
 */
export const scheduleTest = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* withIdentity("PsychTestSession", "psych-test", input)
    const session = yield* decoded(PsychTest.decodeSession)({ ...fields, districtId: actor.districtId })
    return yield* Effect.flatMap(PsychTestSessionRepository, (r) => r.insert(session))
  })

/**
 * The district's test sessions.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const sessions = Events.listTests(actor)
 * ```
 *
 * @since 0.2.0
 * @category psychological tests
 */
export const listTests = (actor: Actor) => Effect.flatMap(PsychTestSessionRepository, (r) => r.list(actor.districtId))

/**
 * One psychological-test session (its participants are read with
 * {@link participants}, which logs them).
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const session = Events.testSession(actor, "psych-test-0002")
 * ```
 *
 * @since 0.4.0
 * @category psychological tests
 */
export const testSession = (actor: Actor, id: string) => Effect.flatMap(PsychTestSessionRepository, (r) => r.get(actor.districtId, id))

/**
 * Registers a seeker of the district for a session, within its capacity and
 * once, however registrations race: the session is locked while its places
 * are counted, and a unique index keeps one registration per seeker.
 *
 * @example
 * ```ts
 * import { Events, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const registered = Events.registerParticipant(actor, "psych-2026-05", Ids.SeekerId.make("seeker-0001"))
 * ```
 *
 * @since 0.2.0
 * @category psychological tests
 */
export const registerParticipant = (actor: Actor, sessionId: string, seekerId: SeekerId) =>
  inTransaction(Effect.gen(function*() {
    // A session's places are decided one registration at a time.
    yield* Effect.flatMap(Transactor, (t) => t.lock(`iljari:psych-test-session:${actor.districtId}:${sessionId}`))
    const session = yield* Effect.flatMap(PsychTestSessionRepository, (r) => r.get(actor.districtId, sessionId))
    yield* Effect.flatMap(SeekerRepository, (r) => r.get(actor.districtId, seekerId))
    const store = yield* PsychTestParticipantRepository
    const registered = yield* store.listBySession(actor.districtId, sessionId)
    const participation = yield* Effect.suspend(() =>
      PsychTest.register(session.value, registered.map((row) => row.value), seekerId)
    )
    const id = yield* Effect.flatMap(IdGenerator, (ids) => ids.next("participant"))
    const stored = yield* store.insert(new PsychTest.Participant({ ...participation, id, districtId: actor.districtId }))
    yield* logAccess(actor, "update", "seeker", seekerId, "psychTest.register")
    return stored
  }))

/**
 * A session's participants, each logged as shown.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const list = Events.participants(actor, "psych-2026-05")
 * ```
 *
 * @since 0.2.0
 * @category psychological tests
 */
export const participants = (actor: Actor, sessionId: string) =>
  Effect.gen(function*() {
    yield* Effect.flatMap(PsychTestSessionRepository, (r) => r.get(actor.districtId, sessionId))
    const rows = yield* Effect.flatMap(PsychTestParticipantRepository, (r) => r.listBySession(actor.districtId, sessionId))
    yield* logAccessAll(actor, "read", "seeker", rows.map((row) => row.value.seekerId), "psychTest.participants")
    return rows
  })

/**
 * What a participant's result form holds: whether they sat the test and, if
 * so, the result to hand them.
 *
 * @since 0.2.0
 * @category psychological tests
 */
export const ResultForm = Schema.Struct({
  attended: Schema.Boolean,
  result: Schema.optionalWith(Note, { exact: true })
}).annotations({ identifier: "PsychTestResultForm" })

/**
 * Records whether a participant sat the test, and their result.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const result: unknown // the result form of the session's test
 * const recorded = Events.recordTestResult(actor, "participant-0001", 1, result)
 * ```
 *
 * @since 0.2.0
 * @category psychological tests
 */
export const recordTestResult = (actor: Actor, participantId: string, expectedVersion: number, input: unknown) =>
  Effect.gen(function*() {
    const form = yield* Validation.decode(ResultForm)(input)
    if (!form.attended && form.result !== undefined) {
      return yield* Effect.fail(new Validation.ValidationError({
        subject: "PsychTestResultForm",
        issues: [new Validation.ValidationIssue({ path: "result", message: "must be absent for a participant who did not sit the test" })]
      }))
    }
    const store = yield* PsychTestParticipantRepository
    const current = yield* store.get(actor.districtId, participantId)
    const { result: _previous, ...rest } = current.value
    const next = new PsychTest.Participant({ ...rest, attended: form.attended, ...(form.result === undefined ? {} : { result: form.result }) })
    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* store.update(next, expectedVersion)
      yield* logAccess(actor, "update", "seeker", next.seekerId, "psychTest.result")
      return stored
    }))
  })

/**
 * Delivers a participant's result to them alone (`PsychTest.deliver`): in
 * person, or by e-mail through the outbox with their consent — the message
 * carries the result, so erasing the seeker reaches it too.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // By e-mail only with the seeker's consent; in person always.
 * const delivered = Events.deliverResult(actor, "participant-0001", 2, "email")
 * ```
 *
 * @since 0.2.0
 * @category psychological tests
 */
export const deliverResult = (actor: Actor, participantId: string, expectedVersion: number, by: PsychTest.Delivery) =>
  inTransaction(Effect.gen(function*() {
    const store = yield* PsychTestParticipantRepository
    const current = yield* store.get(actor.districtId, participantId)
    const seeker = yield* Effect.flatMap(SeekerRepository, (r) => r.get(actor.districtId, current.value.seekerId))
    const session = yield* Effect.flatMap(PsychTestSessionRepository, (r) => r.get(actor.districtId, current.value.sessionId))
    const [on, at] = [yield* today, yield* now]
    const checked = yield* Effect.suspend(() => PsychTest.deliver(current.value, seeker.value, by, on, at))
    if (by === "email") {
      yield* enqueue(actor, {
        recipient: { kind: "seeker", id: seeker.value.id },
        channel: "email",
        purpose: "service",
        urgent: false,
        template: "psychological-test-result",
        params: { name: seeker.value.name, test: PsychTest.kindLabel(session.value.kind), summary: current.value.result ?? "" },
        idempotencyKey: `psychological-test-result:${current.value.id}`
      })
    }
    const stored = yield* store.update(new PsychTest.Participant({ ...current.value, ...checked }), expectedVersion)
    yield* logAccess(actor, "read", "seeker", seeker.value.id, "psychTest.deliver")
    return stored
  }))

/**
 * Outcomes of the district's sessions: per session and per target group.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const outcomes = Events.testOutcomes(actor)
 * ```
 *
 * @since 0.2.0
 * @category psychological tests
 */
export const testOutcomes = (actor: Actor) =>
  Effect.gen(function*() {
    const sessions = yield* Effect.flatMap(PsychTestSessionRepository, (r) => r.list(actor.districtId))
    const rows = yield* Effect.flatMap(PsychTestParticipantRepository, (r) => r.list(actor.districtId))
    return PsychTest.outcomes(sessions.map((s) => s.value), rows.map((r) => r.value))
  })

// ---------------------------------------------------------------------------
// Training demand (교육 수요조사)
// ---------------------------------------------------------------------------

/**
 * Records an answer to the training demand survey, given today unless the
 * form says when; an answer under a seeker's name is logged.
 *
 * @example
 * ```ts
 * import { Events, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const answer: unknown // an employer's answer to the training demand survey
 * const recorded = Events.recordDemandAnswer(actor, answer)
 * ```
 *
 * @since 0.2.0
 * @category training demand
 */
export const recordDemandAnswer = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* withIdentity("TrainingDemandResponse", "demand", input)
    const answer = yield* Validation.decode(Partner.DemandResponse)({
      answeredOn: yield* today,
      ...fields,
      districtId: actor.districtId
    })
    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* Effect.flatMap(TrainingDemandRepository, (r) => r.insert(answer))
      if (answer.seekerId !== undefined) yield* logAccess(actor, "create", "seeker", answer.seekerId, "trainingDemand.record")
      return stored
    }))
  })
