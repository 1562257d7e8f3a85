/**
 * Hostile or mistaken input, through the HTTP server: each request is a 400
 * ValidationError naming the field and its rule in English and Korean, and
 * nothing is stored.
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { type Ids, Repositories } from "@iljari/core"
import { Effect, TestClock } from "effect"
import { employerInput, seekerInput } from "@iljari/test-support/fixtures"
import { as, clientFor, staffLogin, TestServer } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
const district = "11200" as Ids.DistrictId

// A request as a staff member: the answer's status and JSON body.
const send = (login: string) =>
  Effect.gen(function*() {
    const http = yield* HttpClient.HttpClient
    const signed = yield* as(login)
    return (request: HttpClientRequest.HttpClientRequest) =>
      request.pipe(
        signed,
        http.execute,
        Effect.flatMap((response) => Effect.map(response.json, (json) => ({ status: response.status, json: json as any }))),
        Effect.scoped
      )
  })

const refusedFor = (answer: { readonly status: number; readonly json: any }, field: string) => {
  expect(answer.status).toBe(400)
  expect(answer.json).toMatchObject({ _tag: "ValidationError", field })
  // The rule in Korean, never the English sentence handed on.
  expect(answer.json.messageKo).toMatch(/[가-힣]/)
  expect(answer.json.messageKo).not.toMatch(/must |contain|before from/)
}

const counts = Effect.gen(function*() {
  const { CounselingRepository, PlacementRepository, SeekerRepository } = Repositories
  return {
    seekers: (yield* Effect.flatMap(SeekerRepository, (r) => r.list(district))).length,
    counseling: (yield* Effect.flatMap(CounselingRepository, (r) => r.list(district))).length,
    placements: (yield* Effect.flatMap(PlacementRepository, (r) => r.list(district))).length
  }
})

describe("input the server refuses", () => {
  it.layer(TestServer, { timeout: 60_000 })((it) => {
    it.effect("refuses bidi overrides and control characters in names, future dates, a resident number in any form and reversed periods", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-09T01:00:00Z"))
        const client = yield* clientFor(staffLogin("counselor"))
        const seeker = yield* client.seekers.register({ payload: { ...seekerForm, name: "입력검사", contact: { phone: "010-5100-5200" } } })
        const employer = yield* client.employers.registerEmployer({ payload: employerForm })
        const counselor = yield* send(staffLogin("counselor"))
        const manager = yield* send(staffLogin("manager"))
        const post = (path: string, body: unknown) => counselor(HttpClientRequest.post(path).pipe(HttpClientRequest.bodyUnsafeJson(body)))
        const before = yield* counts

        // A name that a bidi override would show reversed, and one with a NUL.
        const reversed = yield* post("/seekers", { ...seekerForm, name: "홍길동\u202e", contact: { phone: "010-5300-5400" } })
        refusedFor(reversed, "name")
        expect(reversed.json.message).toContain("U+202E")
        expect(reversed.json.messageKo).toContain("양방향 제어 문자")
        refusedFor(yield* post("/seekers", { ...seekerForm, name: "홍\u0000길동", contact: { phone: "010-5300-5401" } }), "name")
        refusedFor(yield* post("/employers", { ...employerForm, name: "(주)성동\u2066상사" }), "name")

        // A birth date, a session held, in the future; a job starting in 2099.
        const born = yield* post("/seekers", { ...seekerForm, name: "미래인", birthDate: "2027-01-01", contact: { phone: "010-5300-5402" } })
        refusedFor(born, "birthDate")
        expect(born.json.message).toContain("must not be after today, 2026-03-09")
        const session = { seekerId: seeker.value.id, heldOn: "2099-01-01", channel: "visit" }
        const future = yield* post("/counseling", session)
        refusedFor(future, "heldOn")
        expect(future.json.message).toContain("a counseling session is logged once it was held")
        expect(future.json.messageKo).toContain("상담은 한 뒤에 기록합니다")
        // Today is fine.
        expect((yield* post("/counseling", { ...session, heldOn: "2026-03-09" })).status).toBe(201)
        const placement = { seekerId: seeker.value.id, employerId: employer.value.id, startOn: "2099-03-02", contractType: "open-ended", schedule: "full-time" }
        refusedFor(yield* post("/placements", placement), "startOn")

        // A resident registration number in a note, full-width, spaced or with an en dash.
        for (const rrn of ["９００１０１－１２３４５６７", "900101 - 1234567", "900101 – 2234567"]) {
          const noted = yield* post("/counseling", { ...session, heldOn: "2026-03-09", notes: `본인 확인 ${rrn}` })
          refusedFor(noted, "notes")
          expect(noted.json.messageKo).toContain("주민등록번호")
        }

        // A period whose end is before its start.
        refusedFor(yield* counselor(HttpClientRequest.get("/results?from=2026-03-31&to=2026-03-01")), "to")
        refusedFor(yield* manager(HttpClientRequest.get("/monitoring?from=2026-03-31&to=2026-03-01")), "to")
        refusedFor(yield* manager(HttpClientRequest.get("/access-records?from=2026-03-31&to=2026-03-01")), "to")
        refusedFor(yield* counselor(HttpClientRequest.get("/surveys/any/scores?from=2026-03-31&to=2026-03-01")), "to")
        expect((yield* counselor(HttpClientRequest.get("/results?from=2026-03-01&to=2026-03-01"))).status).toBe(200)

        // Nothing was stored but the one session of today.
        expect(yield* counts).toEqual({ ...before, counseling: before.counseling + 1 })
      }))
  })
})
