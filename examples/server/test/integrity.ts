/**
 * Integrity where a counselor meets it: through the HTTP server, with real
 * parallel requests, on SQLite and on PostgreSQL. Each backend runs from its
 * own test file: two servers built in one file share their storage (the
 * second server's handlers would reach the first one's database).
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { SqlClient } from "@effect/sql"
import { Audit, Outbox, Repositories, type Ids } from "@iljari/core"
import { Effect, type Layer, TestClock } from "effect"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { as, clientFor, loginOf, staffLogin } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
const { districtId: _g, id: _h, ...openingForm } = openingInput
const district = "11200" as Ids.DistrictId

// Parallel requests first, so that a PostgreSQL pool has its connections
// open and the race that follows is a real one (connecting serialises it).
const warmUp = Effect.gen(function*() {
  const http = yield* HttpClient.HttpClient
  const counselor = yield* as(staffLogin("counselor"))
  yield* Effect.all(
    Array.from({ length: 20 }, () =>
      HttpClientRequest.get("/seekers?limit=1").pipe(
        counselor,
        http.execute,
        Effect.scoped
      )),
    { concurrency: "unbounded" }
  )
})

// `n` POSTs of one body at the same moment, from the seeker's counselor and a manager in turn: each answer's status and body.
const postAtOnce = (path: string, body: unknown, n: number) =>
  Effect.gen(function*() {
    const http = yield* HttpClient.HttpClient
    const counselors = [yield* as(loginOf("counselor-01")), yield* as(staffLogin("manager"))]
    const post = (signed: (request: HttpClientRequest.HttpClientRequest) => HttpClientRequest.HttpClientRequest) =>
      HttpClientRequest.post(path).pipe(
        signed,
        HttpClientRequest.bodyUnsafeJson(body),
        http.execute,
        Effect.flatMap((response) => Effect.map(response.json, (json) => ({ status: response.status, json }))),
        Effect.scoped
      )
    return yield* Effect.all(Array.from({ length: n }, (_, i) => post(counselors[i % 2]!)), { concurrency: "unbounded" })
  })

export const integritySuite = (name: string, server: () => Layer.Layer<never, never, never>) =>
  describe(`integrity through the server on ${name}`, () => {
    it.layer(server() as never, { timeout: 120_000 })((it) => {
      it.effect("accepts exactly one of 50 parallel placements on one referral, from the seeker's counselor and a manager", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-03-09T01:00:00Z"))
          const client = yield* clientFor(staffLogin("counselor"))
          const seeker = yield* client.seekers.register({ payload: seekerForm })
          const employer = yield* client.employers.registerEmployer({ payload: employerForm })
          const opening = yield* client.employers.registerOpening({
            payload: { ...openingForm, employerId: employer.value.id, openedOn: "2026-03-02", closesOn: "2026-03-31" }
          })
          const referral = yield* client.cases.propose({ payload: { seekerId: seeker.value.id, openingId: opening.value.id } })
          yield* client.cases.move({ path: { id: referral.value.id }, payload: { to: "sent", version: 1 } })
          yield* client.cases.move({ path: { id: referral.value.id }, payload: { to: "interviewing", version: 2 } })

          yield* warmUp
          const body = {
            seekerId: seeker.value.id,
            referralId: referral.value.id,
            startOn: "2026-03-09",
            contractType: "open-ended",
            schedule: "full-time"
          }
          const answers = yield* postAtOnce("/placements", body, 50)
          const accepted = answers.filter((a) => a.status === 201)
          const refused = answers.filter((a) => a.status === 409)
          expect(accepted).toHaveLength(1)
          expect(refused).toHaveLength(49)
          const placementId = (accepted[0]!.json as { placement: { value: { id: string } } }).placement.value.id
          for (const answer of refused) {
            expect(answer.json).toMatchObject({ _tag: "AlreadyPlaced", referralId: referral.value.id, placementId })
          }
          // One more, after the race: refused too.
          expect((yield* postAtOnce("/placements", body, 1))[0]!.status).toBe(409)

          const placements = yield* Effect.flatMap(Repositories.PlacementRepository, (r) => r.list(district))
          expect(placements.map((p) => p.value.id)).toEqual([placementId])
          const checks = yield* Effect.flatMap(Repositories.FollowUpRepository, (r) => r.list(district))
          expect(checks).toHaveLength(3)
          const messages = yield* Effect.flatMap(Outbox.Outbox, (o) => o.list(district))
          expect(messages.map((m) => m.template)).toEqual(["follow-up-schedule"])
        }))

      it.effect("registers a person once when 50 staff submit the same form at the same moment", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-03-09T01:00:00Z"))
          yield* warmUp
          const form = { ...seekerForm, name: "최동시", contact: { phone: "010-2000-3000" }, birthDate: "1970-07-07" }
          const answers = yield* postAtOnce("/seekers", form, 50)
          expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
          const refused = answers.filter((a) => a.status === 409)
          expect(refused).toHaveLength(49)
          for (const answer of refused) expect(answer.json).toMatchObject({ _tag: "DuplicateSeeker", match: "name-and-phone" })
          const stored = yield* Effect.flatMap(Repositories.SeekerRepository, (r) => r.list(district))
          expect(stored.filter((s) => s.value.name === "최동시")).toHaveLength(1)
        }))

      it.effect("erases a seeker for an administrator, with the reason logged, leaving no trace in any table", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-05-04T01:00:00Z"))
          const counselor = yield* clientFor(staffLogin("counselor"))
          const marked = { name: "소거대상", phone: "010-7777-6543", email: "erase-me@example.kr", note: "소거표식" }
          const seeker = yield* counselor.seekers.register({
            payload: { ...seekerForm, name: marked.name, contact: { phone: marked.phone, email: marked.email }, notes: `${marked.note} 메모` }
          })
          const id = seeker.value.id
          yield* counselor.seekers.counsel({ payload: { seekerId: id, heldOn: "2026-05-04", channel: "visit", notes: `${marked.note} 상담` } })
          const survey = yield* counselor.events.createSurvey({
            payload: { title: "만족도", audience: "visitor", questions: [{ _tag: "text", id: "q1", text: "의견", required: true }] }
          })
          yield* counselor.events.respond({
            path: { id: survey.value.id },
            payload: { respondedOn: "2026-05-04", seekerId: id, answers: [{ questionId: "q1", text: `${marked.note} 의견` }] }
          })
          yield* counselor.events.recordOutreach({
            payload: {
              heldOn: "2026-05-04",
              site: "library",
              siteName: "성동구립도서관",
              counselorIds: ["counselor-01"],
              counselled: 2,
              counselingIds: [],
              registeredSeekerIds: [id],
              notes: `${marked.name} ${marked.phone} 현장 등록`
            }
          })
          const cafe = yield* counselor.events.registerCafe({
            payload: { name: "성수 일자리카페", venueType: "youth-space", address: "서울 성동구", location: { lat: 37.5446, lon: 127.0559 }, studyRooms: ["room-9"] }
          })
          yield* counselor.events.book({
            payload: { cafeId: cafe.value.id, roomId: "room-9", personId: marked.phone, on: "2026-05-06", start: "10:00", end: "11:00" }
          })
          const test = yield* counselor.events.scheduleTest({ payload: { kind: "values", heldOn: "2026-05-05", venue: "교육장", capacity: 10 } })
          const participant = yield* counselor.events.registerParticipant({ path: { id: test.value.id }, payload: { seekerId: id } })
          yield* counselor.events.recordTestResult({
            path: { id: participant.value.id },
            payload: { version: participant.version, attended: true, result: `${marked.note} 결과` }
          })
          yield* counselor.events.recordDemand({
            payload: { respondent: marked.name, seekerId: id, group: "middle-aged", fields: ["5410"], times: ["weekend"] }
          })

          // Only an administrator erases, and only in their own district.
          const refused = yield* Effect.flip(counselor.seekers.erase({ path: { id }, payload: { reason: "subject-request" } }))
          expect(refused._tag).toBe("Forbidden")
          const neighbour = yield* clientFor(staffLogin("counselor", "11215"))
          expect((yield* Effect.flip(neighbour.seekers.erase({ path: { id }, payload: { reason: "subject-request" } })))._tag)
            .toBe("Forbidden")
          const admin = yield* clientFor(staffLogin("admin"))
          const erased = yield* admin.seekers.erase({ path: { id }, payload: { reason: "subject-request" } })
          expect(erased.value).toMatchObject({ name: "(파기됨)", contact: {}, erasedOn: "2026-05-04" })

          const sql = yield* SqlClient.SqlClient
          const tables = yield* sql.onDialectOrElse({
            pg: () =>
              Effect.map(
                sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
                (r) => r.map((t) => t.table_name)
              ),
            orElse: () => Effect.map(sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`, (r) => r.map((t) => t.name))
          })
          const left: Array<string> = []
          for (const table of tables) {
            for (const row of yield* sql<Record<string, unknown>>`SELECT * FROM ${sql(table)}`) {
              for (const [column, value] of Object.entries(row)) {
                const traces = [marked.name, marked.phone, marked.phone.replace(/-/g, ""), marked.email, marked.note]
                if (typeof value === "string" && traces.some((t) => value.includes(t))) left.push(`${table}.${column}`)
              }
            }
          }
          expect(left).toEqual([])
          expect(tables.length).toBeGreaterThan(20)
          const log = yield* Effect.flatMap(Audit.AuditLog, (a) => a.list(district, { subjectId: id }))
          expect(log.at(-1)).toMatchObject({ action: "erase", actor: "admin-01", reason: "subject-request" })
        }))
    })
  })
