/**
 * Job cafés where an integrator's app meets them: through the HTTP server,
 * with real parallel requests, on SQLite and on PostgreSQL (one test file
 * per backend, as for the integrity suite) — the last place of a program is
 * given once, parallel bookings never take a person past 3 hours a day, and
 * erasure leaves nothing of a seeker in sign-ups or bookings.
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { type Ids, Repositories } from "@iljari/core"
import { Effect, type Layer, TestClock } from "effect"
import { seekerInput } from "@iljari/test-support/fixtures"
import { as, staffLogin } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const district = "11200" as Ids.DistrictId

interface Answer {
  readonly status: number
  readonly json: any
}

// A request as one staff member: the answer's status and JSON body.
const caller = (login: string) =>
  Effect.gen(function*() {
    const http = yield* HttpClient.HttpClient
    const signed = yield* as(login)
    return (method: "GET" | "POST", path: string, body?: unknown) =>
      (method === "GET" ? HttpClientRequest.get(path) : HttpClientRequest.post(path)).pipe(
        signed,
        body === undefined ? (r) => r : HttpClientRequest.bodyUnsafeJson(body),
        http.execute,
        Effect.flatMap((response) =>
          Effect.map(response.text, (text): Answer => ({ status: response.status, json: text === "" ? undefined : JSON.parse(text) }))
        ),
        Effect.scoped
      )
  })

export const cafesSuite = (name: string, server: () => Layer.Layer<never, never, never>) =>
  describe(`job cafés through the server on ${name}`, () => {
    it.layer(server() as never, { timeout: 120_000 })((it) => {
      it.effect("gives a program's last place once, keeps a person within 3 hours a day, and erases a seeker's sign-ups and bookings", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-05-04T01:00:00Z"))
          const counselor = yield* caller(staffLogin("counselor"))
          const cafe = yield* counselor("POST", "/cafes", {
            name: "성수 일자리카페",
            venueType: "youth-space",
            address: "서울 성동구 아차산로 103",
            location: { lat: 37.5451, lon: 127.057 },
            studyRooms: ["1호실", "2호실", "3호실", "4호실", "5호실"]
          })
          expect(cafe.status).toBe(201)
          const cafeId = cafe.json.value.id
          const near = yield* counselor("GET", "/cafes/nearby?lat=37.5446&lon=127.0559&minutes=10")
          expect(near).toMatchObject({ status: 200, json: [{ cafe: { id: cafeId } }] })
          expect((yield* counselor("GET", "/cafes/nearby?lat=37.4979&lon=127.0276")).json).toEqual([])
          expect((yield* counselor("GET", "/cafes/nearby?lat=95&lon=127")).json).toMatchObject({ _tag: "ValidationError", field: "lat" })

          // Ten people at once for a program's last place: one gets it.
          const program = yield* counselor("POST", `/cafes/${cafeId}/programs`, { kind: "resume-clinic", on: "2026-05-14", start: "14:00", places: 2 })
          expect(program.status).toBe(201)
          const signUp = (personId: string) => counselor("POST", `/cafe-programs/${program.json.value.id}/sign-ups`, { personId })
          expect((yield* signUp("visitor-0")).status).toBe(201)
          const rush = yield* Effect.all(Array.from({ length: 10 }, (_, i) => signUp(`visitor-${i + 1}`)), { concurrency: "unbounded" })
          expect(rush.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)])
          for (const refused of rush.filter((a) => a.status === 409)) {
            expect(refused.json).toMatchObject({ _tag: "SignUpRefused", reason: "full", messageKo: "정원 2명이 모두 찼습니다" })
          }
          const counted = yield* counselor("GET", `/cafes/${cafeId}/programs`)
          expect(counted.json).toMatchObject([{ signedUp: 2, placesLeft: 0 }])

          // One person booking five rooms at once, an hour each: three hours are kept, never more.
          const booking = (roomId: string, start: string, end: string, personId = "visitor-x") =>
            counselor("POST", "/study-rooms/bookings", { cafeId, roomId, personId, on: "2026-05-12", start, end })
          const five = yield* Effect.all(
            ["1호실", "2호실", "3호실", "4호실", "5호실"].map((room, i) => booking(room, `1${i}:00`, `1${i + 1}:00`)),
            { concurrency: "unbounded" }
          )
          expect(five.filter((a) => a.status === 201)).toHaveLength(3)
          for (const refused of five.filter((a) => a.status !== 201)) {
            expect(refused.json).toMatchObject({ _tag: "BookingRefused" })
            expect(refused.json.messageKo).toContain("1일 3시간까지 이용할 수 있습니다")
          }
          const day = yield* counselor("GET", "/study-rooms/bookings?on=2026-05-12")
          expect(day.json.filter((b: any) => b.value.personId === "visitor-x")).toHaveLength(3)
          expect((yield* booking("9호실", "18:00", "19:00", "visitor-y")).json.messageKo).toBe("성수 일자리카페에 없는 스터디룸입니다 (9호실)")

          // A seeker the café knows by name and by id: after erasure nothing of theirs is left.
          const seeker = yield* counselor("POST", "/seekers", { ...seekerForm, name: "카페소거", contact: { phone: "010-4800-4900" } })
          expect(seeker.status).toBe(201)
          const seekerId = seeker.json.value.id
          const lecture = yield* counselor("POST", `/cafes/${cafeId}/programs`, { kind: "lecture", on: "2026-05-20", start: "10:00", places: 30 })
          expect((yield* counselor("POST", `/cafe-programs/${lecture.json.value.id}/sign-ups`, { personId: "카페소거" })).status).toBe(201)
          expect((yield* counselor("POST", `/cafe-programs/${program.json.value.id}/sign-ups`, { personId: seekerId })).status).toBe(409)
          expect((yield* booking("1호실", "18:00", "19:00", "010-4800-4900")).status).toBe(201)
          const http = yield* HttpClient.HttpClient
          const erased = yield* HttpClientRequest.post(`/seekers/${seekerId}/erasure`).pipe(
            yield* as(staffLogin("admin")),
            HttpClientRequest.bodyUnsafeJson({ reason: "subject-request" }),
            http.execute,
            Effect.scoped
          )
          expect(erased.status).toBe(200)
          const signUps = yield* Effect.flatMap(Repositories.CafeSignUpRepository, (r) => r.list(district))
          const bookings = yield* Effect.flatMap(Repositories.StudyRoomBookingRepository, (r) => r.list(district))
          const stored = JSON.stringify([signUps, bookings])
          for (const trace of ["카페소거", "010-4800-4900", "01048004900"]) expect(stored).not.toContain(trace)
          // Their sign-up and booking stay, under the seeker's id: the counts do not move.
          expect(signUps.filter((s) => s.value.personId === seekerId)).toHaveLength(1)
          expect(bookings.filter((b) => b.value.personId === seekerId)).toHaveLength(1)
          const lectureCount = yield* counselor("GET", `/cafes/${cafeId}/programs`)
          expect(lectureCount.json.map((p: any) => p.signedUp)).toEqual([2, 1])
        }))
    })
  })
