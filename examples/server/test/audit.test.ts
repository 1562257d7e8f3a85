/**
 * Every read of personal data is logged, checked where a user meets it: each
 * route of the API, taken from the `HttpApi` definition itself, is called
 * with a sample request, and a route whose answer carries a person's data
 * must leave an access-log entry naming that person. A route without a sample
 * fails the test, so a new route cannot slip past.
 */
import { HttpApi, HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Audit, type Ids } from "@iljari/core"
import { Effect, TestClock } from "effect"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { Api } from "../src/Api.js"
import { as, staffLogin, TestServer } from "./server.js"

const district = "11200" as Ids.DistrictId
const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
const { districtId: _g, id: _h, ...openingForm } = openingInput

// The people whose data the samples carry, each with what would reveal them.
const person = { name: "도감사", phone: "010-4242-4243", email: "audit-seeker@example.kr" }
const contact = { name: "감사담당", role: "인사담당", phone: "02-424-4242", email: "audit-employer@example.kr" }

interface Context {
  seekerId: string
  employerId: string
  openingId: string
  referralId: string
  placementId: string
  checkId: string
  fairId: string
  fairVersion: number
  questionnaireId: string
  sessionId: string
  participantId: string
  outreachId: string
  visitId: string
  cafeId: string
  programId: string
  accountId: string
  tokenId: string
  seekerVersion: number
}

interface Sample {
  readonly as?: "counselor" | "manager" | "admin"
  readonly method: "GET" | "POST" | "PUT" | "DELETE"
  readonly url: (c: Context) => string
  readonly body?: (c: Context) => unknown
  /** Keeps what later samples need from the answer. */
  readonly keep?: (c: Context, json: any) => void
  readonly at?: string
  /** The answer expected, when it is not a success (a sign-in step this caller is not at). */
  readonly status?: number
}

const get = (url: (c: Context) => string, options: Partial<Sample> = {}): Sample => ({ method: "GET", url, ...options })
const post = (url: (c: Context) => string, body: (c: Context) => unknown, options: Partial<Sample> = {}): Sample => ({
  method: "POST",
  url,
  body,
  ...options
})

// One sample per route, in an order where each finds what it needs.
const samples: ReadonlyArray<readonly [string, Sample]> = [
  ["seekers.register", post(() => "/seekers", () => ({ ...seekerForm, name: person.name, contact: { phone: person.phone, email: person.email } }), {
    keep: (c, json) => void (c.seekerId = json.value.id)
  })],
  ["seekers.list", get(() => "/seekers?limit=100")],
  ["seekers.search", get(() => `/seekers/search?name=${encodeURIComponent("ㄷㄱㅅ")}&phoneTail=4243`)],
  ["seekers.get", get((c) => `/seekers/${c.seekerId}`)],
  ["seekers.update", {
    method: "PUT",
    url: (c) => `/seekers/${c.seekerId}`,
    body: () => ({ ...seekerForm, name: person.name, contact: { phone: person.phone, email: person.email }, careerMonths: 12, version: 1 })
  }],
  ["seekers.counsel", post(() => "/counseling", (c) => ({ seekerId: c.seekerId, heldOn: "2026-05-04", channel: "visit", notes: "상담" }))],
  ["employers.registerEmployer", post(() => "/employers", () => ({ ...employerForm, contacts: [contact] }), {
    keep: (c, json) => void (c.employerId = json.value.id)
  })],
  ["employers.listEmployers", get(() => "/employers")],
  ["employers.searchEmployers", get(() => `/employers/search?name=${encodeURIComponent(employerForm.name)}`)],
  ["employers.registerOpening", post(() => "/openings", (c) => ({
    ...openingForm,
    employerId: c.employerId,
    occupation: seekerForm.desiredOccupations[0],
    educationMinimum: "00",
    career: { requirement: "any" },
    openedOn: "2026-05-01",
    closesOn: "2026-05-31"
  }), { keep: (c, json) => void (c.openingId = json.value.id) })],
  ["employers.listOpenings", get(() => "/openings")],
  ["employers.searchOpenings", get((c) => `/openings/search?employerId=${c.employerId}`)],
  ["matches.openingsForSeeker", get((c) => `/seekers/${c.seekerId}/matches?k=3`)],
  ["matches.seekersForOpening", get((c) => `/openings/${c.openingId}/matches?k=3`)],
  ["eligibility.check", post((c) => `/seekers/${c.seekerId}/eligibility`, () => ({ employmentStatus: "unemployed" }))],
  ["eligibility.checkCase", post(() => "/eligibility", () => ({ birthDate: "2000-05-05", residence: "11200", employmentStatus: "unemployed" }))],
  ["eligibility.programs", get(() => "/eligibility/programs")],
  ["fairs.create", post(() => "/job-fairs", (c) => ({
    title: "5월 일 잡는 데이",
    heldOn: "2026-05-12",
    venue: "성동구청 대강당",
    schedule: { start: "14:00", slotMinutes: 20 },
    maxInterviewsPerSeeker: 1,
    minScore: 50,
    employers: [{ employerId: c.employerId, openingIds: [c.openingId], capacity: 2 }]
  }), { keep: (c, json) => void ((c.fairId = json.value.id), (c.fairVersion = json.version)) })],
  ["fairs.preselect", post((c) => `/job-fairs/${c.fairId}/preselect`, (c) => ({ version: c.fairVersion }), {
    keep: (c, json) => void (c.fairVersion = json.version)
  })],
  ["fairs.get", get((c) => `/job-fairs/${c.fairId}`)],
  ["fairs.invite", post((c) => `/job-fairs/${c.fairId}/invite`, (c) => ({ version: c.fairVersion }), {
    keep: (c, json) => void (c.fairVersion = json.version)
  })],
  ["fairs.attendance", post((c) => `/job-fairs/${c.fairId}/attendance`, (c) => ({ version: c.fairVersion, seekerIds: [c.seekerId] }), {
    keep: (c, json) => void (c.fairVersion = json.version)
  })],
  ["fairs.schedule", post((c) => `/job-fairs/${c.fairId}/schedule`, (c) => ({ version: c.fairVersion }), {
    keep: (c, json) => void (c.fairVersion = json.version)
  })],
  ["fairs.result", post((c) => `/job-fairs/${c.fairId}/results`, (c) => ({
    version: c.fairVersion,
    seekerId: c.seekerId,
    employerId: c.employerId,
    result: "second-interview"
  }), { keep: (c, json) => void (c.fairVersion = json.version) })],
  ["cases.propose", post(() => "/referrals", (c) => ({ seekerId: c.seekerId, openingId: c.openingId }), {
    keep: (c, json) => void (c.referralId = json.value.id)
  })],
  ["cases.move", post((c) => `/referrals/${c.referralId}/status`, () => ({ to: "sent", version: 1 }))],
  ["cases.listReferrals", get((c) => `/referrals?seekerId=${c.seekerId}`)],
  ["cases.getReferral", get((c) => `/referrals/${c.referralId}`)],
  ["cases.place", post(() => "/placements", (c) => ({
    seekerId: c.seekerId,
    employerId: c.employerId,
    startOn: "2026-05-04",
    contractType: "open-ended",
    schedule: "full-time"
  }), { keep: (c, json) => void (c.placementId = json.placement.value.id) })],
  ["cases.listPlacements", get(() => "/placements?startedFrom=2026-05-01")],
  ["cases.getPlacement", get((c) => `/placements/${c.placementId}`)],
  ["cases.ledger", get(() => "/follow-ups/ledger", {
    at: "2026-06-03",
    keep: (c, json) => void (c.checkId = [...json.dueToday, ...json.overdue, ...json.upcoming][0].value.id)
  })],
  ["cases.calls", get(() => "/follow-ups?group=upcoming", { at: "2026-06-03" })],
  ["cases.recordFollowUp", post((c) => `/follow-ups/${c.checkId}`, () => ({
    version: 1,
    doneOn: "2026-06-03",
    channel: "phone",
    outcome: "working"
  }), { at: "2026-06-03" })],
  ["review.results", get(() => "/results?from=2026-05-01&to=2026-06-30")],
  ["review.pace", get(() => "/targets/pace?year=2026&period=month&placements=120")],
  ["review.plan", get(() => "/targets/plan?year=2027", { as: "manager" })],
  ["review.monitoring", get(() => "/monitoring?from=2026-05-01&to=2026-06-30", { as: "manager" })],
  // The samples' records hold no finding: a decision on one the period does not have is a 404.
  ["review.decide", {
    method: "PUT",
    url: () => `/monitoring/findings/late-record-${"0".repeat(20)}/decision`,
    body: () => ({ from: "2026-05-01", to: "2026-06-30", status: "cleared", note: "확인함" }),
    as: "manager",
    status: 404
  }],
  ["review.audit", get(() => "/audit", { as: "manager" })],
  ["events.recordOutreach", post(() => "/outreach-sessions", (c) => ({
    heldOn: "2026-05-06",
    site: "subway-station",
    siteName: "왕십리역",
    counselorIds: ["counselor-01"],
    counselled: 3,
    counselingIds: [],
    registeredSeekerIds: [c.seekerId]
  }), { at: "2026-05-08" })],
  ["events.outreachProgress", get(() => "/outreach-sessions/progress?month=2026-05")],
  ["events.recordVisit", post(() => "/discovery-visits", () => ({
    visitedOn: "2026-05-07",
    counselorIds: ["counselor-01"],
    target: "building",
    name: "성수 SK V1 센터",
    tenantsVisited: 12,
    findings: []
  }), { at: "2026-05-08" })],
  ["events.discoveryProgress", get(() => "/discovery-visits/progress?year=2026")],
  ["events.createSurvey", post(() => "/surveys", () => ({
    title: "만족도",
    audience: "visitor",
    questions: [{ _tag: "rating", id: "q1", text: "만족하십니까?", required: true }, { _tag: "text", id: "q2", text: "하실 말씀", required: false }]
  }), { keep: (c, json) => void (c.questionnaireId = json.value.id) })],
  ["events.respond", post((c) => `/surveys/${c.questionnaireId}/responses`, (c) => ({
    respondedOn: "2026-05-08",
    seekerId: c.seekerId,
    answers: [{ questionId: "q1", rating: 5 }, { questionId: "q2", text: "친절했습니다" }]
  }), { at: "2026-05-08" })],
  ["events.issueSurveyLink", post((c) => `/surveys/${c.questionnaireId}/links`, (c) => ({ seekerId: c.seekerId, days: 7 }))],
  ["events.scores", get((c) => `/surveys/${c.questionnaireId}/scores?from=2026-05-01&to=2026-05-31`)],
  ["events.scheduleTest", post(() => "/psych-tests", () => ({
    kind: "aptitude",
    heldOn: "2026-05-14",
    venue: "성동구청 교육장",
    capacity: 30
  }))],
  ["events.tests", get(() => "/psych-tests", { keep: (c, json) => void (c.sessionId = json[0].value.id) })],
  ["events.registerParticipant", post((c) => `/psych-tests/${c.sessionId}/participants`, (c) => ({ seekerId: c.seekerId }), {
    keep: (c, json) => void (c.participantId = json.value.id)
  })],
  ["events.participants", get((c) => `/psych-tests/${c.sessionId}/participants`)],
  ["fieldWork.outreachSessions", get(() => "/outreach-sessions", { keep: (c, json) => void (c.outreachId = json[0].value.id) })],
  ["fieldWork.outreachSession", get((c) => `/outreach-sessions/${c.outreachId}`)],
  ["fieldWork.registerAtOutreach", post((c) => `/outreach-sessions/${c.outreachId}/seekers`, () => ({
    ...seekerForm,
    name: "현장만남",
    contact: { phone: "010-4242-5151" }
  }), { at: "2026-05-08" })],
  ["fieldWork.addToOutreach", { method: "PUT", url: (c) => `/outreach-sessions/${c.outreachId}/seekers/${c.seekerId}`, at: "2026-05-08" }],
  ["fieldWork.discoveryVisits", get(() => "/discovery-visits", { keep: (c, json) => void (c.visitId = json[0].value.id) })],
  ["fieldWork.discoveryVisit", get((c) => `/discovery-visits/${c.visitId}`)],
  ["fieldWork.registerAtVisit", post((c) => `/discovery-visits/${c.visitId}/employers`, () => ({
    employer: { ...employerForm, name: "현장발굴(주)", businessNumber: "101-81-27387", contacts: [] },
    positions: 2
  }))],
  ["fieldWork.addToVisit", { method: "PUT", url: (c) => `/discovery-visits/${c.visitId}/employers/${c.employerId}`, body: () => ({ positions: 1 }) }],
  ["fieldWork.addOpeningToVisit", { method: "PUT", url: (c) => `/discovery-visits/${c.visitId}/openings/${c.openingId}` }],
  ["fieldWork.registerForTest", post((c) => `/psych-tests/${c.sessionId}/seekers`, () => ({
    ...seekerForm,
    name: "검사신청",
    contact: { phone: "010-4242-5252" }
  }))],
  ["events.recordTestResult", post((c) => `/psych-test-participants/${c.participantId}/result`, () => ({
    version: 1,
    attended: true,
    result: "현실형(R)·탐구형(I) 우세"
  }))],
  ["events.deliverResult", post((c) => `/psych-test-participants/${c.participantId}/delivery`, () => ({ version: 2, by: "in-person" }))],
  ["events.recordDemand", post(() => "/training-demand", (c) => ({
    respondent: person.name,
    seekerId: c.seekerId,
    group: "middle-aged",
    fields: ["5410"],
    times: ["weekday-day"]
  }))],
  ["events.registerCafe", post(() => "/cafes", () => ({
    name: "성수 일자리카페",
    venueType: "youth-space",
    address: "서울 성동구 아차산로 100",
    location: { lat: 37.5446, lon: 127.0559 },
    studyRooms: ["room-1", "room-2"]
  }), { keep: (c, json) => void (c.cafeId = json.value.id) })],
  ["events.cafes", get(() => "/cafes")],
  ["events.nearbyCafes", get(() => "/cafes/nearby?lat=37.5446&lon=127.0559&minutes=10")],
  ["events.cafe", get((c) => `/cafes/${c.cafeId}`)],
  ["events.scheduleCafeProgram", post((c) => `/cafes/${c.cafeId}/programs`, () => ({
    kind: "resume-clinic",
    on: "2026-05-14",
    start: "14:00",
    places: 8
  }), { keep: (c, json) => void (c.programId = json.value.id) })],
  ["events.cafePrograms", get((c) => `/cafes/${c.cafeId}/programs`)],
  ["events.signUp", post((c) => `/cafe-programs/${c.programId}/sign-ups`, (c) => ({ personId: c.seekerId }))],
  ["events.signUps", get((c) => `/cafe-programs/${c.programId}/sign-ups`)],
  ["events.book", post(() => "/study-rooms/bookings", (c) => ({
    cafeId: c.cafeId,
    roomId: "room-1",
    personId: c.seekerId,
    on: "2026-05-12",
    start: "10:00",
    end: "12:00"
  }))],
  ["events.bookings", get(() => "/study-rooms/bookings?on=2026-05-12")],
  ["reports.html", get(() => "/reports/results.html?month=2026-05", { as: "manager" })],
  ["reports.xlsx", get(() => "/reports/results.xlsx?month=2026-05", { as: "manager" })],
  ["reports.csv", get(() => "/reports/results.csv?month=2026-05", { as: "manager" })],
  ["seekers.retentionDue", get(() => "/retention/due", { as: "admin" })],
  ["seekers.retentionSweep", post(() => "/retention/sweep", () => ({}), { as: "admin" })],
  ["seekers.caseload", get(() => "/caseload", {
    keep: (c, json) => void (c.seekerVersion = json.find((s: any) => s.value.id === c.seekerId).version)
  })],
  ["seekers.transfer", {
    method: "PUT",
    url: (c) => `/seekers/${c.seekerId}/counselor`,
    body: (c) => ({ to: "counselor-01", reason: "request", version: c.seekerVersion }),
    as: "manager"
  }],
  ["seekers.close", post((c) => `/seekers/${c.seekerId}/close`, (c) => ({ version: c.seekerVersion + 1 }))],
  ["admin.accessRecords", get(() => "/access-records?from=2026-05-01&to=2026-05-31", { as: "manager" })],
  ["admin.listAccounts", get(() => "/accounts", { as: "admin" })],
  ["admin.createAccount", post(() => "/accounts", () => ({ login: "audit.new", name: "신규상담", role: "counselor", password: "Audit#Sample-2026" }), {
    as: "admin",
    keep: (c, json) => void (c.accountId = json.id)
  })],
  ["admin.changeRole", { method: "PUT", url: (c) => `/accounts/${c.accountId}/role`, body: () => ({ role: "manager" }), as: "admin" }],
  ["admin.changeStatus", { method: "PUT", url: (c) => `/accounts/${c.accountId}/status`, body: () => ({ status: "disabled" }), as: "admin" }],
  ["admin.resetPassword", { method: "PUT", url: (c) => `/accounts/${c.accountId}/password`, body: () => ({ password: "Audit#Reset-2026" }), as: "admin" }],
  ["admin.resetSecondFactor", { method: "DELETE", url: (c) => `/accounts/${c.accountId}/second-factor`, as: "admin" }],
  ["admin.listTokens", get(() => "/tokens", { as: "admin" })],
  ["admin.accessRules", get(() => "/settings/access", { as: "admin" })],
  ["admin.setAccessRules", { method: "PUT", url: () => "/settings/access", body: () => ({ secondFactorRoles: [] }), as: "admin" }],
  ["admin.centerSettings", get(() => "/settings/center", { as: "admin" })],
  ["admin.setCenterSettings", {
    method: "PUT",
    url: () => "/settings/center",
    body: () => ({ followUpPolicy: { months: 3, intervalMonths: 1 }, growthPercent: 5, closures: [] }),
    as: "admin"
  }],
  ["admin.createToken", post(() => "/tokens", () => ({ name: "감사 시험", scope: "read", days: 1 }), {
    as: "admin",
    keep: (c, json) => void (c.tokenId = json.token.id)
  })],
  ["admin.revokeToken", { method: "DELETE", url: (c) => `/tokens/${c.tokenId}`, as: "admin" }],
  ["auth.signIn", post(() => "/auth/sign-in", () => ({ login: "seongdong-counselor-02", password: "iljari-demo-2026!" }))],
  ["auth.session", get(() => "/auth/session")],
  ["auth.startEnrolment", post(() => "/auth/enrolment", () => ({}))],
  ["auth.confirmEnrolment", post(() => "/auth/enrolment/confirm", () => ({ code: "000000" }), { status: 401 })],
  ["auth.secondFactor", post(() => "/auth/second-factor", () => ({ code: "000000" }), { status: 401 })],
  ["auth.singleSignOn", get(() => "/auth/sso", { status: 401 })],
  ["auth.singleSignOnCallback", get(() => "/auth/sso/callback?code=x&state=y", { status: 401 })],
  ["me.changePassword", { method: "PUT", url: () => "/me/password", body: () => ({ current: "iljari-demo-2026!", next: "Audit#Own-Change-2026" }), as: "manager" }],
  ["auth.signOut", post(() => "/auth/sign-out", () => ({}))],
  ["seekers.erase", post((c) => `/seekers/${c.seekerId}/erasure`, () => ({ reason: "subject-request" }), { as: "admin" })]
]

/** Every route of the API, as `group.endpoint`. */
const routes = (): Array<string> => {
  const found: Array<string> = []
  HttpApi.reflect(Api, {
    onGroup: () => {},
    onEndpoint: ({ endpoint, group }) => void found.push(`${group.identifier}.${endpoint.name}`)
  })
  return found
}

describe("the access log, route by route", () => {
  it.layer(TestServer, { timeout: 120_000 })((it) => {
    it.effect("logs every route that answers with a person's data, naming the person", () =>
      Effect.gen(function*() {
        const missing = routes().filter((route) => !samples.some(([name]) => name === route))
        expect(missing, "routes without a sample request: add one to this test").toEqual([])

        const http = yield* HttpClient.HttpClient
        const log = yield* Audit.AuditLog
        const c = {} as Context
        const unlogged: Array<string> = []
        const revealing: Array<string> = []
        for (const [route, sample] of samples) {
          yield* TestClock.setTime(Date.parse(`${sample.at ?? "2026-05-04"}T01:00:00Z`))
          const before = (yield* log.list(district)).length
          const request = (sample.method === "GET"
            ? HttpClientRequest.get(sample.url(c))
            : sample.method === "PUT"
            ? HttpClientRequest.put(sample.url(c))
            : sample.method === "DELETE"
            ? HttpClientRequest.del(sample.url(c))
            : HttpClientRequest.post(sample.url(c))).pipe(
              yield* as(staffLogin(sample.as ?? "counselor")),
              sample.body === undefined ? (r) => r : HttpClientRequest.bodyUnsafeJson(sample.body(c))
            )
          const response = yield* Effect.scoped(http.execute(request))
          const text = yield* response.text
          if (sample.status === undefined) expect(response.status, `${route}: ${text.slice(0, 300)}`).toBeLessThan(300)
          else expect(response.status, `${route}: ${text.slice(0, 300)}`).toBe(sample.status)
          if (sample.keep !== undefined) sample.keep(c, JSON.parse(text))
          const written = (yield* log.list(district)).slice(before)
          const reveals = [
            { subject: c.seekerId, traces: [c.seekerId, person.name, person.phone, person.email] },
            { subject: c.employerId, traces: [contact.name, contact.phone, contact.email] }
          ]
          for (const { subject, traces } of reveals) {
            if (subject === undefined || !traces.some((trace) => trace !== undefined && text.includes(trace))) continue
            revealing.push(route)
            if (!written.some((entry) => entry.subjectId === subject)) unlogged.push(`${route} shows ${subject}`)
          }
        }
        // The samples do reach people's data: the test could fail.
        expect(revealing.length).toBeGreaterThan(20)
        expect(unlogged).toEqual([])
      }))
  })
})
