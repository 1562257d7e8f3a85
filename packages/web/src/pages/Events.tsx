/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 찾아가는 상담·기업탐방·심리검사: the center's field work, each kind with its
 * list against the plan, a form that records one, and its page where what
 * it found is registered on it — core's `Events` and `EventFinds`:
 *
 * - outreach sessions (찾아가는 일자리상담실) register the people met there
 *   as seekers (a person registered before is added instead);
 * - discovery visits (일자리발굴단) register the employers found, with their
 *   positions, and record their openings;
 * - psychological-test sessions sign seekers up (found by name, or
 *   registered on the spot) within capacity, record attendance and results,
 *   and deliver each result to the person alone.
 *
 * For staff who record casework (counselors and managers).
 */
import { HttpRouter } from "@effect/platform"
import { CaseFile, DiscoveryVisit, EmployerSearch, Errors, EventFinds, Events, Ids, JobCenter, Outreach, PsychTest, Validation } from "@iljari/core"
import { DateTime, Effect, Either, Option, Schema } from "effect"
import type { Form } from "../http/Form.js"
import type { Handler, Routes } from "../http/Handler.js"
import { idOf, pathId, query } from "../http/Params.js"
import { html } from "../http/Respond.js"
import { caseworkPage, type Needs, redirect, staffPage } from "../http/Route.js"
import type { Signed } from "../http/Signed.js"
import type { Problems } from "../ui/Fields.js"
import { problemsOf, ruleIn } from "../ui/Rules.js"
import { href } from "../ui/View.js"
import * as EmployerForm from "./employers/EmployerForm.js"
import { type EventAt, RegisterEmployerPage, RegisterSeekerPage } from "./events/FoundForms.js"
import type { EventNames } from "./events/Names.js"
import { OutreachForm, OutreachList, OutreachPage, type OutreachValues } from "./events/OutreachPages.js"
import { sessionName, TestForm, TestList, TestPage, type TestValues } from "./events/TestPages.js"
import { VisitForm, VisitList, VisitPage, type VisitValues } from "./events/VisitPages.js"
import { searchByName } from "./seekers/NameSearch.js"
import * as SeekerForm from "./seekers/SeekerForm.js"

const EventId = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64))
const eventIdOf = pathId(EventId)
const participantIdOf = Effect.flatMap(HttpRouter.params, (params) => idOf(EventId, params["participant"]))

const now = Effect.map(DateTime.now, DateTime.toUtc)

const noticeOf = <K extends string>(notices: Record<K, { readonly ko: string; readonly en: string }>, signedIn: Signed) =>
  Effect.map(query, (params) => {
    const done = params.get("done")
    return done !== null && done in notices ? notices[done as K][signedIn.view.lang] : undefined
  })

const text = (form: Form, name: string) => form.get(name) ?? ""
// A number field as typed: blank is missing (core names it), anything else is decoded by core.
const numberOf = (value: string) => (value.trim() === "" ? undefined : Number(value))
const optional = (name: string, value: string) => (value.trim() === "" ? {} : { [name]: value })

// The counselors of the district, as the choices of a form, and their names for a page.
const counselorsOf = (signedIn: Signed) =>
  Effect.map(JobCenter.listCounselors(signedIn.actor), (rows) => ({
    choices: rows.filter((c) => c.value.active).map((c) => ({ value: c.value.id as string, label: c.value.name })),
    name: (id: string) => rows.find((c) => c.value.id === id)?.value.name ?? id
  }))

const namesFor = (signedIn: Signed, ids: Parameters<typeof CaseFile.namesOf>[1]) =>
  Effect.gen(function*() {
    const names = yield* CaseFile.namesOf(signedIn.actor, ids)
    const counselors = yield* counselorsOf(signedIn)
    return { ...names, counselor: counselors.name } satisfies EventNames
  })

/** A refusal of a step on an event's page, in the person's language; `undefined` for a fault. */
const refusalOf = (signedIn: Signed, error: unknown) => {
  const { say, lang } = signedIn.view
  if (error instanceof Validation.ValidationError) return error.issues.map((issue) => ruleIn(say, issue.message)).join(" ")
  if (error instanceof PsychTest.Refused) return error.reason[lang]
  if (error instanceof Errors.StaleVersion) {
    return say("다른 사용자가 먼저 바꿨습니다. 지금의 상태를 확인한 뒤 다시 하세요.", "Someone else changed it first. Check it as it stands now, then try again.")
  }
  return undefined
}

// ---------------------------------------------------------------------------
// Outreach sessions (찾아가는 일자리상담실)
// ---------------------------------------------------------------------------

const outreachNotices = {
  recorded: { ko: "찾아가는 상담을 기록했습니다.", en: "The session is recorded." },
  registered: { ko: "구직자를 등록하고 이 상담의 등록 실적으로 기록했습니다.", en: "The seeker is registered and counted for this session." },
  added: { ko: "기존 구직자를 이 상담의 등록 실적으로 기록했습니다.", en: "The existing seeker is counted for this session." }
} as const

const listOutreach: Handler = caseworkPage((signedIn) =>
  Effect.gen(function*() {
    const asked = (yield* query).get("month") ?? ""
    const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : (yield* JobCenter.today).slice(0, 7)
    const progress = yield* Events.outreachProgress(signedIn.actor, month)
    return yield* html(<OutreachList view={signedIn.view} month={month} progress={progress} sessions={yield* Events.listOutreach(signedIn.actor)} />)
  }))

const outreachValuesOf = (form: Form): OutreachValues => ({
  heldOn: text(form, "heldOn"),
  site: text(form, "site"),
  siteName: text(form, "siteName"),
  counselorIds: form.all("counselorIds"),
  counselled: text(form, "counselled"),
  notes: text(form, "notes")
})

const outreachForm = (signedIn: Signed, values: OutreachValues, problems: Problems, status = 200) =>
  Effect.flatMap(counselorsOf(signedIn), (counselors) =>
    html(<OutreachForm view={signedIn.view} values={values} counselors={counselors.choices} problems={problems} />, { status }))

const newOutreach: Handler = caseworkPage((signedIn) =>
  Effect.flatMap(JobCenter.today, (today) =>
    outreachForm(signedIn, { heldOn: today, site: "", siteName: "", counselorIds: [signedIn.actor.counselorId], counselled: "", notes: "" }, {})))

const recordOutreach: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const values = outreachValuesOf(form)
    const attempt = yield* Effect.either(Events.recordOutreach(signedIn.actor, {
      heldOn: values.heldOn,
      site: values.site,
      siteName: values.siteName,
      counselorIds: values.counselorIds,
      counselled: numberOf(values.counselled),
      counselingIds: [],
      registeredSeekerIds: [],
      ...optional("notes", values.notes)
    }))
    if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/events/outreach/${attempt.right.value.id}?done=recorded`))
    if (attempt.left._tag !== "ValidationError") return yield* Effect.fail(attempt.left)
    const problems = problemsOf(signedIn.view.say, attempt.left, (path) => path.split(/[.[]/)[0] ?? path)
    return yield* outreachForm(signedIn, values, problems, 422)
  }))

const outreachAt = (signedIn: Signed, session: Outreach.Session): EventAt => ({
  path: `/events/outreach/${session.id}`,
  name: signedIn.view.say(`${session.heldOn} ${session.siteName} 찾아가는 상담`, `the outreach session at ${session.siteName} on ${session.heldOn}`)
})

const showOutreach: Handler = caseworkPage((signedIn) =>
  Effect.gen(function*() {
    const session = yield* Events.outreachSession(signedIn.actor, yield* eventIdOf)
    const names = yield* namesFor(signedIn, { seekers: session.value.registeredSeekerIds })
    return yield* html(<OutreachPage view={signedIn.view} session={session} names={names} notice={yield* noticeOf(outreachNotices, signedIn)} />)
  }))

const registerSeekerForm = (signedIn: Signed, event: EventAt) =>
  html(<RegisterSeekerPage view={signedIn.view} event={event} values={{ consents: ["personal-data"] }} problems={{}} />)

/**
 * A seeker's registration at an event: the form's own consent rule first,
 * then core's use case; a duplicate is offered to be added instead.
 */
const registerSeekerAt = <A, E extends { readonly _tag: string }, R>(
  signedIn: Signed,
  event: EventAt,
  form: Form,
  register: (input: unknown) => Effect.Effect<A, E, R>
) =>
  Effect.gen(function*() {
    const { view } = signedIn
    const values = SeekerForm.valuesOf(form)
    const own = SeekerForm.consentProblem(view, values)
    if (Object.keys(own).length > 0) {
      return Either.left(yield* html(<RegisterSeekerPage view={view} event={event} values={values} problems={own} />, { status: 422 }))
    }
    const attempt = yield* Effect.either(register(SeekerForm.inputOf(values, yield* now)))
    if (Either.isRight(attempt)) return Either.right(attempt.right)
    const error: unknown = attempt.left
    if (error instanceof JobCenter.DuplicateSeeker) {
      return Either.left(yield* html(<RegisterSeekerPage view={view} event={event} values={values} problems={{}} duplicate={error.existingId} />, { status: 409 }))
    }
    if (error instanceof Validation.ValidationError) {
      const problems = problemsOf(view.say, error, SeekerForm.fieldOf)
      return Either.left(yield* html(<RegisterSeekerPage view={view} event={event} values={values} problems={problems} />, { status: 422 }))
    }
    return yield* Effect.fail(attempt.left)
  })

const newOutreachSeeker: Handler = caseworkPage((signedIn) =>
  Effect.gen(function*() {
    const session = yield* Events.outreachSession(signedIn.actor, yield* eventIdOf)
    return yield* registerSeekerForm(signedIn, outreachAt(signedIn, session.value))
  }))

const registerOutreachSeeker: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const session = yield* Events.outreachSession(signedIn.actor, yield* eventIdOf)
    const event = outreachAt(signedIn, session.value)
    const done = yield* registerSeekerAt(signedIn, event, form, (input) => EventFinds.registerAtOutreach(signedIn.actor, session.value.id, input))
    return Either.isLeft(done) ? done.left : yield* redirect(href(signedIn.view, `${event.path}?done=registered#registered`))
  }))

const addOutreachSeeker: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const id = yield* eventIdOf
    yield* EventFinds.addToOutreach(signedIn.actor, id, yield* idOf(Ids.SeekerId, form.get("seekerId")))
    return yield* redirect(href(signedIn.view, `/events/outreach/${id}?done=added#registered`))
  }))

// ---------------------------------------------------------------------------
// Discovery visits (일자리발굴단)
// ---------------------------------------------------------------------------

const visitNotices = {
  recorded: { ko: "기업탐방을 기록했습니다.", en: "The visit is recorded." },
  registered: { ko: "발굴한 기업을 등록하고 방문 실적으로 기록했습니다.", en: "The employer is registered and recorded on the visit." },
  added: { ko: "기존 업체를 방문 실적으로 기록했습니다.", en: "The existing employer is recorded on the visit." },
  opening: { ko: "공고를 방문 실적으로 기록했습니다.", en: "The opening is recorded on the visit." }
} as const

const listVisits: Handler = caseworkPage((signedIn) =>
  Effect.gen(function*() {
    const today = yield* JobCenter.today
    // The seeds' yearly plan (30 buildings, 200 openings, 270 positions; twice a month, January to November) for this year.
    const plan: DiscoveryVisit.Plan = { ...DiscoveryVisit.seedPlan2016, year: Number(today.slice(0, 4)) }
    const progress = yield* Events.discoveryProgress(signedIn.actor, plan, today)
    return yield* html(<VisitList view={signedIn.view} plan={plan} progress={progress} visits={yield* Events.listVisits(signedIn.actor)} />)
  }))

const visitValuesOf = (form: Form): VisitValues => ({
  visitedOn: text(form, "visitedOn"),
  target: text(form, "target"),
  name: text(form, "name"),
  tenantsVisited: text(form, "tenantsVisited"),
  counselorIds: form.all("counselorIds"),
  notes: text(form, "notes")
})

const visitForm = (signedIn: Signed, values: VisitValues, problems: Problems, status = 200) =>
  Effect.flatMap(counselorsOf(signedIn), (counselors) =>
    html(<VisitForm view={signedIn.view} values={values} counselors={counselors.choices} problems={problems} />, { status }))

const newVisit: Handler = caseworkPage((signedIn) =>
  Effect.flatMap(JobCenter.today, (today) =>
    visitForm(signedIn, { visitedOn: today, target: "building", name: "", tenantsVisited: "", counselorIds: [signedIn.actor.counselorId], notes: "" }, {})))

const recordVisit: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const values = visitValuesOf(form)
    const attempt = yield* Effect.either(Events.recordVisit(signedIn.actor, {
      visitedOn: values.visitedOn,
      target: values.target,
      name: values.name,
      tenantsVisited: numberOf(values.tenantsVisited),
      counselorIds: values.counselorIds,
      findings: [],
      ...optional("notes", values.notes)
    }))
    if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/events/visits/${attempt.right.value.id}?done=recorded`))
    if (attempt.left._tag !== "ValidationError") return yield* Effect.fail(attempt.left)
    const problems = problemsOf(signedIn.view.say, attempt.left, (path) => path.split(/[.[]/)[0] ?? path)
    return yield* visitForm(signedIn, values, problems, 422)
  }))

const visitAt = (signedIn: Signed, visit: DiscoveryVisit.Visit): EventAt => ({
  path: `/events/visits/${visit.id}`,
  name: signedIn.view.say(`${visit.visitedOn} ${visit.name} 기업탐방`, `the visit to ${visit.name} on ${visit.visitedOn}`)
})

const visitPage = (signedIn: Signed, options: { readonly problem?: string; readonly status?: number } = {}) =>
  Effect.gen(function*() {
    const { actor } = signedIn
    const visit = yield* Events.visit(actor, yield* eventIdOf)
    const findings = visit.value.findings
    const names = yield* namesFor(signedIn, {
      employers: findings.flatMap((f) => f.employerId ?? []),
      openings: findings.flatMap((f) => f.openingIds)
    })
    // Each found employer's open openings not yet on the visit, to record.
    const unrecorded = yield* Effect.forEach(findings.flatMap((f) => (f.employerId === undefined ? [] : [f])), (f) =>
      Effect.map(EmployerSearch.searchOpenings(actor, { employerId: f.employerId, status: "open" }, { limit: 50 }), (found) => ({
        employerId: f.employerId as string,
        openings: found.items.map((row) => row.value).filter((o) => !f.openingIds.includes(o.id))
      })))
    return yield* html(
      <VisitPage view={signedIn.view} visit={visit} names={names} unrecorded={unrecorded} notice={yield* noticeOf(visitNotices, signedIn)} problem={options.problem} />,
      { status: options.status ?? 200 }
    )
  })

const showVisit: Handler = caseworkPage((signedIn) => visitPage(signedIn))

const newVisitEmployer: Handler = caseworkPage((signedIn) =>
  Effect.gen(function*() {
    const visit = yield* Events.visit(signedIn.actor, yield* eventIdOf)
    return yield* html(<RegisterEmployerPage view={signedIn.view} event={visitAt(signedIn, visit.value)} values={{ source: "discovery-visit" }} positions="" problems={{}} />)
  }))

const positionsField = (path: string, values: EmployerForm.Values) => (path === "positions" ? "positions" : EmployerForm.fieldOf(values)(path))

const registerVisitEmployer: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const visit = yield* Events.visit(actor, yield* eventIdOf)
    const event = visitAt(signedIn, visit.value)
    const values = EmployerForm.valuesOf(form)
    const positions = text(form, "positions")
    const page = (problems: Problems, status: number, duplicate?: string) =>
      html(<RegisterEmployerPage view={view} event={event} values={values} positions={positions} problems={problems} duplicate={duplicate} />, { status })
    // One record per business: the one registered before is offered instead.
    const existing = yield* EmployerSearch.employerWithBusinessNumber(actor, values["businessNumber"] ?? "")
    if (Option.isSome(existing)) return yield* page({}, 409, existing.value)
    const attempt = yield* Effect.either(EventFinds.registerAtVisit(actor, visit.value.id, EmployerForm.inputOf(values), numberOf(positions)))
    if (Either.isRight(attempt)) return yield* redirect(href(view, `${event.path}?done=registered#findings`))
    if (attempt.left._tag !== "ValidationError") return yield* Effect.fail(attempt.left)
    return yield* page(problemsOf(view.say, attempt.left, (path) => positionsField(path, values)), 422)
  }))

/** A step on a visit's page: its use case, then the visit with a notice, or the visit again with the refusal. */
const visitStep = <E extends { readonly _tag: string }, R extends Needs>(
  notice: keyof typeof visitNotices,
  run: (signedIn: Signed, visitId: string, form: Form) => Effect.Effect<unknown, E, R>
): Handler =>
  caseworkPage((signedIn, form) =>
    Effect.gen(function*() {
      const id = yield* eventIdOf
      const attempt = yield* Effect.either(run(signedIn, id, form))
      if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/events/visits/${id}?done=${notice}#findings`))
      const problem = refusalOf(signedIn, attempt.left)
      return problem === undefined ? yield* Effect.fail(attempt.left) : yield* visitPage(signedIn, { problem, status: 422 })
    }))

const addVisitEmployer = visitStep("added", (signedIn, id, form) =>
  Effect.flatMap(idOf(Ids.EmployerId, form.get("employerId")), (employerId) =>
    EventFinds.addToVisit(signedIn.actor, id, employerId, numberOf(text(form, "positions")))))

const addVisitOpening = visitStep("opening", (signedIn, id, form) =>
  Effect.flatMap(idOf(Ids.OpeningId, form.get("openingId")), (openingId) => EventFinds.addOpening(signedIn.actor, id, openingId)))

// ---------------------------------------------------------------------------
// Psychological tests (직업심리검사)
// ---------------------------------------------------------------------------

const testNotices = {
  scheduled: { ko: "심리검사 일정을 등록했습니다.", en: "The session is scheduled." },
  registered: { ko: "참가자를 등록했습니다.", en: "The participant is registered." },
  result: { ko: "응시 여부와 결과를 저장했습니다.", en: "Attendance and result saved." },
  delivery: { ko: "결과를 전달했습니다.", en: "The result is delivered." }
} as const

const listTests: Handler = caseworkPage((signedIn) =>
  Effect.gen(function*() {
    const sessions = yield* Events.listTests(signedIn.actor)
    const outcomes = yield* Events.testOutcomes(signedIn.actor)
    return yield* html(<TestList view={signedIn.view} sessions={sessions} outcomes={outcomes.bySession} />)
  }))

const testValuesOf = (form: Form): TestValues => ({
  kind: text(form, "kind"),
  heldOn: text(form, "heldOn"),
  venue: text(form, "venue"),
  partner: text(form, "partner"),
  targetGroup: text(form, "targetGroup"),
  capacity: text(form, "capacity")
})

const newTest: Handler = caseworkPage((signedIn) =>
  html(<TestForm view={signedIn.view} values={{ kind: "", heldOn: "", venue: "", partner: "", targetGroup: "", capacity: "20" }} problems={{}} />))

const scheduleTest: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const values = testValuesOf(form)
    const attempt = yield* Effect.either(Events.scheduleTest(signedIn.actor, {
      kind: values.kind,
      heldOn: values.heldOn,
      venue: values.venue,
      capacity: numberOf(values.capacity),
      ...optional("partner", values.partner),
      ...optional("targetGroup", values.targetGroup)
    }))
    if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/events/tests/${attempt.right.value.id}?done=scheduled`))
    if (attempt.left._tag !== "ValidationError") return yield* Effect.fail(attempt.left)
    return yield* html(<TestForm view={signedIn.view} values={values} problems={problemsOf(signedIn.view.say, attempt.left)} />, { status: 422 })
  }))

const testPage = (signedIn: Signed, options: { readonly q?: string; readonly problem?: string; readonly status?: number } = {}) =>
  Effect.gen(function*() {
    const { actor } = signedIn
    const session = yield* Events.testSession(actor, yield* eventIdOf)
    const registered = yield* Events.participants(actor, session.value.id)
    const names = yield* namesFor(signedIn, { seekers: registered.map((p) => p.value.seekerId) })
    // The roster in the order of names, as it is called out on the day.
    const participants = [...registered].sort((a, b) => names.seeker(a.value.seekerId).localeCompare(names.seeker(b.value.seekerId), "ko"))
    const search = options.q === undefined ? undefined : yield* searchByName(signedIn, options.q)
    return yield* html(
      <TestPage
        view={signedIn.view}
        session={session}
        participants={participants}
        names={names}
        search={search}
        notice={yield* noticeOf(testNotices, signedIn)}
        problem={options.problem}
      />,
      { status: options.status ?? (search?.problem === undefined ? 200 : 422) }
    )
  })

const showTest: Handler = caseworkPage((signedIn) => testPage(signedIn))

const findSeekers: Handler = caseworkPage((signedIn, form) => testPage(signedIn, { q: text(form, "q") }))

/** A step on a test session's page: its use case, then the session with a notice, or the session again with the refusal. */
const testStep = <E extends { readonly _tag: string }, R extends Needs>(
  notice: keyof typeof testNotices,
  run: (signedIn: Signed, sessionId: string, form: Form) => Effect.Effect<unknown, E, R>
): Handler =>
  caseworkPage((signedIn, form) =>
    Effect.gen(function*() {
      const id = yield* eventIdOf
      const attempt = yield* Effect.either(run(signedIn, id, form))
      if (Either.isRight(attempt)) return yield* redirect(href(signedIn.view, `/events/tests/${id}?done=${notice}#participants`))
      const problem = refusalOf(signedIn, attempt.left)
      return problem === undefined ? yield* Effect.fail(attempt.left) : yield* testPage(signedIn, { problem, status: 409 })
    }))

const registerParticipant = testStep("registered", (signedIn, id, form) =>
  Effect.flatMap(idOf(Ids.SeekerId, form.get("seekerId")), (seekerId) => Events.registerParticipant(signedIn.actor, id, seekerId)))

const recordResult = testStep("result", (signedIn, _id, form) =>
  Effect.flatMap(participantIdOf, (participantId) => {
    const result = text(form, "result")
    const attended = form.get("attended") === "true"
    return Events.recordTestResult(signedIn.actor, participantId, Number(form.get("version") ?? "NaN"), {
      attended,
      // A result is kept only for a participant who sat the test.
      ...(attended && result.trim() !== "" ? { result } : {})
    })
  }))

const deliverResult = testStep("delivery", (signedIn, _id, form) =>
  Effect.flatMap(participantIdOf, (participantId) =>
    Effect.flatMap(
      Validation.decode(Schema.Struct({ by: Schema.Literal("email", "in-person") }))({ by: form.get("by") }),
      ({ by }) => Events.deliverResult(signedIn.actor, participantId, Number(form.get("version") ?? "NaN"), by)
    )))

const testAt = (signedIn: Signed, session: PsychTest.Session): EventAt => ({
  path: `/events/tests/${session.id}`,
  name: signedIn.view.say(`${sessionName(signedIn.view, session)} 심리검사`, `the ${sessionName(signedIn.view, session)} test session`)
})

const newTestSeeker: Handler = caseworkPage((signedIn) =>
  Effect.gen(function*() {
    const session = yield* Events.testSession(signedIn.actor, yield* eventIdOf)
    return yield* registerSeekerForm(signedIn, testAt(signedIn, session.value))
  }))

const registerTestSeeker: Handler = caseworkPage((signedIn, form) =>
  Effect.gen(function*() {
    const session = yield* Events.testSession(signedIn.actor, yield* eventIdOf)
    const event = testAt(signedIn, session.value)
    const done = yield* registerSeekerAt(signedIn, event, form, (input) => EventFinds.registerForTest(signedIn.actor, session.value.id, input)).pipe(
      // A session filled meanwhile registers no one: its page says so.
      Effect.catchTag("PsychTestRefused", (refused) =>
        Effect.map(testPage(signedIn, { problem: refused.reason[signedIn.view.lang], status: 409 }), Either.left))
    )
    return Either.isLeft(done) ? done.left : yield* redirect(href(signedIn.view, `${event.path}?done=registered#participants`))
  }))

const outreachRoutes = HttpRouter.empty.pipe(
  HttpRouter.get("/events/outreach", listOutreach),
  HttpRouter.get("/events/outreach/new", newOutreach),
  HttpRouter.post("/events/outreach", recordOutreach),
  HttpRouter.get("/events/outreach/:id", showOutreach),
  HttpRouter.get("/events/outreach/:id/seekers/new", newOutreachSeeker),
  HttpRouter.post("/events/outreach/:id/seekers", registerOutreachSeeker),
  HttpRouter.post("/events/outreach/:id/seekers/existing", addOutreachSeeker)
)

const visitRoutes = HttpRouter.empty.pipe(
  HttpRouter.get("/events/visits", listVisits),
  HttpRouter.get("/events/visits/new", newVisit),
  HttpRouter.post("/events/visits", recordVisit),
  HttpRouter.get("/events/visits/:id", showVisit),
  HttpRouter.get("/events/visits/:id/employers/new", newVisitEmployer),
  HttpRouter.post("/events/visits/:id/employers", registerVisitEmployer),
  HttpRouter.post("/events/visits/:id/employers/existing", addVisitEmployer),
  HttpRouter.post("/events/visits/:id/openings", addVisitOpening)
)

const testRoutes = HttpRouter.empty.pipe(
  HttpRouter.get("/events/tests", listTests),
  HttpRouter.get("/events/tests/new", newTest),
  HttpRouter.post("/events/tests", scheduleTest),
  HttpRouter.get("/events/tests/:id", showTest),
  HttpRouter.post("/events/tests/:id/find", findSeekers),
  HttpRouter.post("/events/tests/:id/participants", registerParticipant),
  HttpRouter.get("/events/tests/:id/seekers/new", newTestSeeker),
  HttpRouter.post("/events/tests/:id/seekers", registerTestSeeker),
  HttpRouter.post("/events/tests/:id/seekers/existing", registerParticipant),
  HttpRouter.post("/events/tests/:id/participants/:participant/result", recordResult),
  HttpRouter.post("/events/tests/:id/participants/:participant/delivery", deliverResult)
)

export const eventRoutes: Routes = HttpRouter.empty.pipe(
  HttpRouter.get("/events", staffPage(({ view }) => redirect(href(view, "/events/outreach")))),
  HttpRouter.concat(outreachRoutes),
  HttpRouter.concat(visitRoutes),
  HttpRouter.concat(testRoutes)
)
