import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import { JobCafe } from "../src/index.js"

const request = (patch: Partial<JobCafe.Booking>): JobCafe.Booking => ({
  cafeId: "cafe-1", roomId: "room-a", personId: "p1", on: "2026-03-02", start: "10:00", end: "11:00", ...patch
})

const accept = (existing: ReadonlyArray<JobCafe.Booking>, r: JobCafe.Booking) => Either.getOrThrow(JobCafe.book(existing, r))
const reasons = (existing: ReadonlyArray<JobCafe.Booking>, r: JobCafe.Booking) =>
  Either.match(JobCafe.book(existing, r), { onLeft: (e) => e.reasons.map((x) => x._tag), onRight: () => [] })

describe("study-room booking (at most 3 hours a day per person)", () => {
  it("accepts up to three hours a day and refuses the fourth, saying why", () => {
    const a = accept([], request({ start: "09:00", end: "11:00" }))
    const b = accept([a], request({ roomId: "room-b", start: "13:00", end: "14:00" }))
    const refused = JobCafe.book([a, b], request({ roomId: "room-c", start: "15:00", end: "15:30" }))
    expect(Either.isLeft(refused) && refused.left.reasons[0]!.message.ko).toBe(
      "1일 3시간까지 이용할 수 있습니다 (오늘 180분 예약됨, 요청 30분)"
    )
    // Another day starts afresh.
    expect(Either.isRight(JobCafe.book([a, b], request({ on: "2026-03-03" })))).toBe(true)
  })

  it("refuses a taken room, a person in two places, odd intervals and closed hours — all at once", () => {
    const other = accept([], request({ personId: "p2", start: "10:00", end: "12:00" }))
    expect(reasons([other], request({ start: "11:30", end: "12:30" }))).toEqual(["RoomTaken"])
    const mine = accept([], request({ roomId: "room-b", start: "10:00", end: "11:00" }))
    expect(reasons([mine], request({ start: "10:30", end: "11:30" }))).toEqual(["PersonBusy"])
    expect(reasons([], request({ start: "21:30", end: "22:30" }))).toEqual(["OutsideHours"])
    expect(reasons([], request({ start: "10:15", end: "11:00" }))).toEqual(["InvalidInterval"])
    expect(reasons([], request({ start: "12:00", end: "11:00" }))).toEqual(["InvalidInterval"])
    expect(reasons([other], request({ start: "08:00", end: "12:30" }))).toEqual(["OutsideHours", "DailyLimit", "RoomTaken"])
  })

  it("never lets a person exceed 3 hours a day nor two bookings overlap in a room (property)", () => {
    const slot = fc.tuple(fc.integer({ min: 16, max: 44 }), fc.integer({ min: 1, max: 8 })).map(([s, n]) => {
      const clock = (half: number) => `${String(Math.floor(half / 2)).padStart(2, "0")}:${half % 2 === 0 ? "00" : "30"}`
      return { start: clock(s), end: clock(Math.min(s + n, 47)) }
    })
    const attempt = fc.record({
      personId: fc.constantFrom("p1", "p2", "p3"),
      roomId: fc.constantFrom("room-a", "room-b"),
      on: fc.constantFrom("2026-03-02", "2026-03-03"),
      interval: slot
    })
    fc.assert(fc.property(fc.array(attempt, { maxLength: 40 }), (attempts) => {
      const accepted: Array<JobCafe.Booking> = []
      for (const a of attempts) {
        const result = JobCafe.book(accepted, request({ personId: a.personId, roomId: a.roomId, on: a.on, ...a.interval }))
        if (Either.isRight(result)) accepted.push(result.right)
      }
      const minutes = new Map<string, number>()
      for (const b of accepted) {
        const key = `${b.personId}|${b.on}`
        minutes.set(key, (minutes.get(key) ?? 0) + JobCafe.minutesOf(b.end) - JobCafe.minutesOf(b.start))
      }
      expect([...minutes.values()].every((m) => m <= 180)).toBe(true)
      for (const x of accepted) {
        for (const y of accepted) {
          if (x === y || x.on !== y.on) continue
          const overlap = JobCafe.minutesOf(x.start) < JobCafe.minutesOf(y.end) && JobCafe.minutesOf(y.start) < JobCafe.minutesOf(x.end)
          if (overlap) {
            expect(x.roomId === y.roomId).toBe(false)
            expect(x.personId === y.personId).toBe(false)
          }
        }
      }
    }), { numRuns: 300 })
  })
})

describe("job cafés within a ten-minute walk", () => {
  // Seongsu station and three places around it (approximate coordinates).
  const station = { lat: 37.5446, lon: 127.0559 }
  const cafes = [
    { id: "far", location: { lat: 37.5636, lon: 127.0369 } }, // Wangsimni, about 2.7 km
    { id: "near", location: { lat: 37.5450, lon: 127.0570 } }, // about 100 m
    { id: "edge", location: { lat: 37.5475, lon: 127.0600 } }, // about 480 m: 8 minutes on foot
    { id: "beyond", location: { lat: 37.5480, lon: 127.0620 } } // about 660 m: 10.7 minutes
  ]

  it("finds the cafés a person reaches on foot, nearest first, at 80 m a minute with a 1.3 detour", () => {
    const found = JobCafe.withinWalk(cafes, station)
    expect(found.map((f) => f.place.id)).toEqual(["near", "edge"])
    expect(found[0]!.walkMinutes).toBeLessThan(2)
    expect(JobCafe.withinWalk(cafes, station, 5).map((f) => f.place.id)).toEqual(["near"])
  })

  it("measures distance on the sphere", () => {
    // One degree of latitude is about 111.2 km.
    expect(JobCafe.distanceMetres({ lat: 37, lon: 127 }, { lat: 38, lon: 127 })).toBeCloseTo(111_195, -1)
    expect(JobCafe.distanceMetres(station, station)).toBe(0)
  })
})

describe("job café programs", () => {
  const program = new JobCafe.Program({ id: "clinic-1", cafeId: "cafe-1", kind: "resume-clinic", on: "2026-05-12", start: "15:00", places: 2 })
  const before = { on: "2026-05-11", at: "18:00" }

  it("takes sign-ups up to the places, once per person, until the session starts", () => {
    const a = Either.getOrThrow(JobCafe.signUp(program, [], "p-1", before))
    const b = Either.getOrThrow(JobCafe.signUp(program, [a], "p-2", before))
    const refusal = (result: Either.Either<JobCafe.SignUp, JobCafe.SignUpRefused>) =>
      Either.isLeft(result) ? result.left.reason : "accepted"
    expect(refusal(JobCafe.signUp(program, [a], "p-1", before))).toBe("already-signed-up")
    expect(refusal(JobCafe.signUp(program, [a, b], "p-3", before))).toBe("full")
    expect(refusal(JobCafe.signUp(program, [], "p-3", { on: "2026-05-12", at: "15:00" }))).toBe("started")
    expect(refusal(JobCafe.signUp(program, [], "p-3", { on: "2026-05-12", at: "14:59" }))).toBe("accepted")
  })

  it("never seats more than the places nor anyone twice (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 20 }), (people) => {
        let taken: Array<JobCafe.SignUp> = []
        for (const p of people) {
          const result = JobCafe.signUp(program, taken, `p-${p}`, before)
          if (Either.isRight(result)) taken = [...taken, result.right]
        }
        expect(taken.length).toBeLessThanOrEqual(program.places)
        expect(new Set(taken.map((t) => t.personId)).size).toBe(taken.length)
      })
    )
  })
})
