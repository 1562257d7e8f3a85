import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { clientFor, staffLogin, TestServer } from "./server.js"

describe("outreach, discovery visits and surveys over HTTP", () => {
  it.layer(TestServer, { timeout: 60_000 })((it) => {
    it.effect("records outreach and visits, and reads them against their plans", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-06-30T01:00:00Z"))
        const client = yield* clientFor(staffLogin("counselor"))
        for (const [day, site] of [["05", "subway-station"], ["12", "subway-station"], ["19", "shelter"]] as const) {
          yield* client.events.recordOutreach({
            payload: {
              heldOn: `2026-06-${day}`, site, siteName: "왕십리역", counselorIds: ["counselor-01"],
              counselled: 10, counselingIds: [], registeredSeekerIds: []
            }
          })
        }
        const june = yield* client.events.outreachProgress({ urlParams: { month: "2026-06" } })
        expect(june).toMatchObject({ planned: 6, held: 3, counselled: 30, met: false })
        expect(june.bySite.find((r) => r.site === "subway-station")).toMatchObject({ planned: 4, held: 2, shortfall: 2 })

        yield* client.events.recordVisit({
          payload: {
            visitedOn: "2026-03-10", counselorIds: ["counselor-01", "counselor-02"], target: "building", name: "성수 SK V1 센터",
            tenantsVisited: 12, findings: [{ company: "숲테크", openingIds: ["o-1", "o-2"], positions: 3 }]
          }
        })
        const progress = yield* client.events.discoveryProgress({ urlParams: { year: 2026 } })
        expect(progress).toMatchObject({ visits: 1, buildings: 1, openings: 2, positions: 3, asOf: "2026-06-30" })
        // The seeds' visits run January to November (334 days in 2026), twice a month: 12 planned by the end of June.
        expect(progress).toMatchObject({ visitsPlanned: 12 })
        expect(progress.seasonElapsed).toBeCloseTo(181 / 334, 12)

        // The seeds' outreach runs February to November: nothing is planned in December.
        expect(yield* client.events.outreachProgress({ urlParams: { month: "2026-12" } })).toMatchObject({ planned: 0, bySite: [], met: true })

        const bad = yield* Effect.flip(client.events.recordOutreach({ payload: { id: "mine", heldOn: "2026-06-31" } }))
        expect(bad._tag).toBe("ValidationError")
        const neighbour = yield* clientFor(staffLogin("counselor", "11215"))
        expect((yield* neighbour.events.outreachProgress({ urlParams: { month: "2026-06" } })).held).toBe(0)
      }))

    it.effect("runs a satisfaction survey and scores it by counselor", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-06-30T01:00:00Z"))
        const client = yield* clientFor(staffLogin("counselor"))
        const survey = yield* client.events.createSurvey({
          payload: {
            title: "방문자 만족도", audience: "visitor",
            questions: [{ _tag: "rating", id: "overall", text: "만족하십니까?", required: true }]
          }
        })
        for (const [rating, counselorId] of [[5, "counselor-01"], [4, "counselor-01"], [2, "counselor-02"]] as const) {
          yield* client.events.respond({
            path: { id: survey.value.id },
            payload: { respondedOn: "2026-06-20", counselorId, answers: [{ questionId: "overall", rating }] }
          })
        }
        const scores = yield* client.events.scores({ path: { id: survey.value.id }, urlParams: { from: "2026-06-01" as never, to: "2026-06-30" as never, by: "counselor" } })
        expect(scores).toEqual([
          { key: "counselor-01", responses: 2, average: 4.5, satisfiedShare: 1 },
          { key: "counselor-02", responses: 1, average: 2, satisfiedShare: 0 }
        ])
        const wrong = yield* Effect.flip(client.events.respond({ path: { id: survey.value.id }, payload: { respondedOn: "2026-06-20", answers: [] } }))
        expect(wrong._tag).toBe("ValidationError")
        const neighbour = yield* clientFor(staffLogin("counselor", "11215"))
        expect((yield* Effect.flip(neighbour.events.scores({ path: { id: survey.value.id }, urlParams: { from: "2026-06-01" as never, to: "2026-06-30" as never } })))._tag).toBe("NotFound")
      }))

    it.effect("books study rooms within the 3-hour limit, refuses a taken room with its reasons, and schedules a test session", () =>
      Effect.gen(function*() {
        const client = yield* clientFor(staffLogin("counselor"))
        const cafe = yield* client.events.registerCafe({
          payload: { name: "성수 일자리카페", venueType: "youth-space", address: "서울 성동구", location: { lat: 37.5446, lon: 127.0559 }, studyRooms: ["room-1"] }
        })
        const booking = (personId: string, start: string, end: string) =>
          ({ cafeId: cafe.value.id, roomId: "room-1", personId, on: "2026-06-30", start, end })
        yield* client.events.book({ payload: booking("p-1", "10:00", "12:00") })
        const taken = yield* Effect.flip(client.events.book({ payload: booking("p-2", "11:00", "12:00") }))
        expect(taken._tag).toBe("BookingRefused")
        expect(taken.message).toContain("the room is booked 10:00–12:00")
        const test = yield* client.events.scheduleTest({
          payload: { kind: "aptitude", heldOn: "2026-07-14", venue: "육군 제00사단 강당", targetGroup: "discharging-soldier", capacity: 40 }
        })
        expect((yield* client.events.tests()).map((t) => t.value.id)).toEqual([test.value.id])
        const day = yield* client.events.bookings({ urlParams: { on: "2026-06-30" as never } })
        expect(day.map((b) => b.value.personId)).toEqual(["p-1"])
      }))
  })
})
