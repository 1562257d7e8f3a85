import { Effect, Either, Exit, FastCheck as fc, Layer, TestClock, TestContext } from "effect"
import { describe, expect, it } from "vitest"
import * as Cafes from "../src/cafes/Cafes.js"
import * as JobCafe from "../src/cafes/JobCafe.js"
import * as StudyRooms from "../src/cafes/StudyRooms.js"
import type { CounselorId, DistrictId } from "../src/kernel/Ids.js"
import type * as JobCenter from "../src/JobCenter.js"
import { IdGenerator, layerMemory } from "../src/Repositories.js"

const kim: JobCenter.Actor = { districtId: "11200" as DistrictId, counselorId: "counselor-01" as CounselorId }
const run = <A, E>(effect: Effect.Effect<A, E, any>) =>
  Effect.runPromiseExit(effect.pipe(Effect.provide(Layer.merge(layerMemory, IdGenerator.layerSequential)), Effect.provide(TestContext.TestContext)) as Effect.Effect<A, E>)

// 성수역, and places within some 2 km of it.
const station = { lat: 37.5446, lon: 127.0559 }
const place = fc.record({
  lat: fc.double({ min: 37.53, max: 37.56, noNaN: true }),
  lon: fc.double({ min: 127.04, max: 127.07, noNaN: true })
})
const cafeAt = (i: number, location: JobCafe.Point) =>
  Cafes.register(kim, { name: `카페 ${i}`, venueType: "youth-space", address: "서울 성동구", location, studyRooms: ["1호실"] })

describe("the ten-minute-walk finder over a district's cafés", () => {
  it("lists every café within the minutes and no other, nearest first (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(place, { maxLength: 12 }), fc.integer({ min: 1, max: 30 }), async (places, minutes) => {
        const exit = await run(Effect.gen(function*() {
          for (const [i, location] of places.entries()) yield* cafeAt(i, location)
          return yield* Cafes.nearby(kim, station, minutes)
        }))
        if (!Exit.isSuccess(exit)) throw new Error(String(exit))
        const found = exit.value
        const walk = (p: JobCafe.Point) =>
          (JobCafe.distanceMetres(station, p) * JobCafe.defaultWalking.detourFactor) / JobCafe.defaultWalking.metresPerMinute
        expect(found).toHaveLength(places.filter((p) => walk(p) <= minutes).length)
        for (const f of found) {
          expect(f.walkMinutes).toBeLessThanOrEqual(minutes)
          expect(f.walkMinutes).toBeCloseTo(walk(f.cafe.location), 9)
        }
        for (let i = 1; i < found.length; i++) expect(found[i]!.walkMinutes).toBeGreaterThanOrEqual(found[i - 1]!.walkMinutes)
      }),
      { numRuns: 30 }
    )
  })

  it("refuses a starting point off the map or a walk of no minutes, naming the field", async () => {
    const offMap = await run(Cafes.nearby(kim, { lat: 137, lon: 127 }))
    expect(Exit.isFailure(offMap) && JSON.stringify(offMap.cause)).toContain("lat")
    const none = await run(Cafes.nearby(kim, station, 0))
    expect(Exit.isFailure(none) && JSON.stringify(none.cause)).toContain("minutes")
  })
})

describe("a café's program sessions and study rooms, stored", () => {
  it("never seats more than the places nor anyone twice, whatever the order of sign-ups (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 15 }), async (places, people) => {
        const exit = await run(Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-05-04T01:00:00Z"))
          const cafe = yield* cafeAt(0, station)
          const program = yield* Cafes.scheduleProgram(kim, cafe.value.id, { kind: "lecture", on: "2026-05-14", start: "14:00", places })
          const attempts = yield* Effect.forEach(people, (p) => Effect.either(Cafes.signUp(kim, program.value.id, `visitor-${p}`)))
          return { attempts, counted: yield* Cafes.programsOf(kim, cafe.value.id) }
        }))
        if (!Exit.isSuccess(exit)) throw new Error(String(exit))
        const distinct = new Set(people).size
        expect(exit.value.attempts.filter(Either.isRight)).toHaveLength(Math.min(places, distinct))
        expect(exit.value.counted[0]).toMatchObject({ signedUp: Math.min(places, distinct), placesLeft: places - Math.min(places, distinct) })
      }),
      { numRuns: 30 }
    )
  })

  it("refuses a session that has started and a café that is not the district's", async () => {
    const exit = await run(Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-05-14T05:30:00Z")) // 14:30 in Seoul
      const cafe = yield* cafeAt(0, station)
      const program = yield* Cafes.scheduleProgram(kim, cafe.value.id, { kind: "lecture", on: "2026-05-14", start: "14:00", places: 5 })
      return {
        started: yield* Effect.flip(Cafes.signUp(kim, program.value.id, "visitor-1")),
        unknown: yield* Effect.flip(Cafes.scheduleProgram(kim, "cafe-elsewhere", { kind: "lecture", on: "2026-05-14", start: "14:00", places: 5 }))
      }
    }))
    if (!Exit.isSuccess(exit)) throw new Error(String(exit))
    expect(exit.value.started).toMatchObject({ _tag: "SignUpRefused", reason: "started" })
    expect(exit.value.unknown._tag).toBe("NotFound")
  })

  it("books only the rooms a registered café has, saying so in Korean and English", async () => {
    const exit = await run(Effect.gen(function*() {
      const cafe = yield* cafeAt(0, station)
      const booking = { cafeId: cafe.value.id, roomId: "1호실", personId: "visitor-1", on: "2026-05-12", start: "10:00", end: "12:00" }
      return {
        booked: yield* StudyRooms.reserve(kim, booking),
        noRoom: yield* Effect.flip(StudyRooms.reserve(kim, { ...booking, roomId: "9호실" })),
        noCafe: yield* Effect.flip(StudyRooms.reserve(kim, { ...booking, cafeId: "cafe-x" }))
      }
    }))
    if (!Exit.isSuccess(exit)) throw new Error(String(exit))
    expect(exit.value.booked.value.roomId).toBe("1호실")
    expect((exit.value.noRoom as JobCafe.BookingRefused).reasons[0]!.message.ko).toBe("카페 0에 없는 스터디룸입니다 (9호실)")
    expect((exit.value.noCafe as JobCafe.BookingRefused).reasons[0]!.message.en).toBe("no job café cafe-x is registered in the district")
  })
})
