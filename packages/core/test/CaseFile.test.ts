import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer, TestClock } from "effect"
import * as CaseFile from "../src/casework/CaseFile.js"
import { AuditLog } from "../src/kernel/Audit.js"
import type { CounselorId, DistrictId, EmployerId, OpeningId, SeekerId } from "../src/kernel/Ids.js"
import * as JobCenter from "../src/JobCenter.js"
import * as Caseload from "../src/registry/Caseload.js"
import * as Counselor from "../src/registry/Counselor.js"
import { CounselorRepository, IdGenerator, layerMemory, SeekerRepository } from "../src/Repositories.js"
import * as Desk from "../src/targets/Desk.js"
import { counselorInput, employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"

const TestLayer = Layer.merge(layerMemory, IdGenerator.layerSequential)

const kim: JobCenter.Actor = { districtId: "11200" as DistrictId, counselorId: "counselor-01" as CounselorId }
const lee: JobCenter.Actor = { districtId: "11200" as DistrictId, counselorId: "counselor-02" as CounselorId }
const gwangjin: JobCenter.Actor = { districtId: "11215" as DistrictId, counselorId: "counselor-09" as CounselorId }

const { districtId: _d1, id: _i1, registeredAt: _r1, ...seekerForm } = seekerInput
const { districtId: _d2, id: _i2, registeredAt: _r2, ...employerForm } = employerInput
const { districtId: _d3, id: _i3, ...openingForm } = openingInput

const setToday = (iso: string) => TestClock.setTime(Date.parse(`${iso}T01:00:00Z`))

// Kim places 김민수 through a referral and 이서연 in a job she found, then
// hands 이서연 over to Lee; Lee places a seeker of his own.
const placements = Effect.gen(function*() {
  yield* setToday("2026-03-02")
  yield* Effect.flatMap(CounselorRepository, (r) =>
    Effect.forEach(["counselor-01", "counselor-02"], (id) => r.insert(Either.getOrThrow(Counselor.decodeEither({ ...counselorInput, id })))))
  const minsu = yield* JobCenter.registerSeeker(kim, seekerForm)
  const seoyeon = yield* JobCenter.registerSeeker(kim, { ...seekerForm, name: "이서연", birthDate: "1990-07-01", contact: { phone: "010-9876-5432" } })
  const employer = yield* JobCenter.registerEmployer(kim, employerForm)
  const cafe = yield* JobCenter.registerEmployer(kim, { ...employerForm, name: "성수카페", businessNumber: "220-81-62517" })
  const opening = yield* JobCenter.registerOpening(kim, { ...openingForm, employerId: employer.value.id, openedOn: "2026-03-02", closesOn: "2026-03-31" })
  const proposed = yield* JobCenter.proposeReferral(kim, { seekerId: minsu.value.id, openingId: opening.value.id })
  yield* JobCenter.moveReferral(kim, { referralId: proposed.value.id, to: "sent", expectedVersion: 1 })
  yield* JobCenter.moveReferral(kim, { referralId: proposed.value.id, to: "interviewing", expectedVersion: 2 })
  yield* JobCenter.recordPlacement(kim, {
    seekerId: minsu.value.id,
    referralId: proposed.value.id,
    startOn: "2026-03-09",
    contractType: "open-ended",
    schedule: "full-time"
  })
  yield* JobCenter.recordPlacement(kim, {
    seekerId: seoyeon.value.id,
    employerId: cafe.value.id,
    startOn: "2026-03-16",
    contractType: "fixed-term",
    schedule: "part-time"
  })
  // Her placement made her "placed": the transfer names the version after it.
  const placed = yield* Effect.flatMap(SeekerRepository, (r) => r.get(kim.districtId, seoyeon.value.id))
  yield* Caseload.transfer(kim, seoyeon.value.id, { to: lee.counselorId, reason: "request", version: placed.version })
  const jiwon = yield* JobCenter.registerSeeker(lee, { ...seekerForm, name: "박지원", birthDate: "1985-01-01", contact: {} })
  yield* JobCenter.recordPlacement(lee, {
    seekerId: jiwon.value.id,
    employerId: cafe.value.id,
    startOn: "2026-03-16",
    contractType: "fixed-term",
    schedule: "part-time"
  })
  return { minsu: minsu.value.id, seoyeon: seoyeon.value.id, jiwon: jiwon.value.id, opening: opening.value.id, employer: employer.value.id }
})

const everyCall = (list: CaseFile.CallList) => [...list.dueToday.calls, ...list.overdue.calls, ...list.upcoming.calls, ...list.done.calls]

describe("CaseFile on the memory layers", () => {
  it.effect("lists a counselor's follow-up calls with each person's name and phone and the employer, logging each person once", () =>
    Effect.gen(function*() {
      const { jiwon, minsu, seoyeon } = yield* placements
      yield* setToday("2026-04-08")
      const list = yield* CaseFile.callList(kim)
      expect(list.today).toBe("2026-04-08")
      expect(list.dueToday.calls.map((call) => [call.seeker.name, call.check.value.sequence])).toEqual([["김민수", 1]])
      // 이서연 moved to Lee's caseload since; the checks of her placement are still Kim's to make.
      expect((yield* Effect.flatMap(SeekerRepository, (r) => r.get(kim.districtId, seoyeon))).value.counselorId).toBe("counselor-02")
      expect(everyCall(list).map((call) => [call.seeker, call.employer, call.check.value.sequence]).sort()).toEqual([
        [{ id: minsu, name: "김민수", phone: "010-1234-5678" }, "성수디지털(주)", 1],
        [{ id: minsu, name: "김민수", phone: "010-1234-5678" }, "성수디지털(주)", 2],
        [{ id: seoyeon, name: "이서연", phone: "010-9876-5432" }, "성수카페", 1]
      ].sort())
      // The checks further ahead than the look-ahead are counted, not shown.
      expect(list.later).toBe(3)
      const reads = (yield* Effect.flatMap(AuditLog, (log) => log.list(kim.districtId))).filter((e) => e.purpose === "followUp.callList")
      expect(reads.map((e) => [e.actor, e.subjectId]).sort()).toEqual([["counselor-01", minsu], ["counselor-01", seoyeon]].sort())
      // Lee's list has his own seeker's calls only.
      expect(new Set(everyCall(yield* CaseFile.callList(lee)).map((call) => call.seeker.name))).toEqual(new Set(["박지원"]))
      expect(everyCall(yield* CaseFile.callList(lee)).every((call) => call.seeker.id === jiwon && call.seeker.phone === undefined)).toBe(true)
    }).pipe(Effect.provide(TestLayer)))

  it.effect("shows a page of each section, and reads and logs only the people on it", () =>
    Effect.gen(function*() {
      const { minsu, seoyeon } = yield* placements
      yield* setToday("2026-04-08")
      const list = yield* CaseFile.callList(kim, kim.counselorId, { upcoming: 2 }, 1)
      expect([list.dueToday, list.upcoming].map((s) => [s.total, s.page, s.pages, s.calls.length])).toEqual([[1, 1, 1, 1], [2, 2, 2, 1]])
      const shown = everyCall(list).map((call) => call.seeker.id)
      const reads = (yield* Effect.flatMap(AuditLog, (log) => log.list(kim.districtId))).filter((e) => e.purpose === "followUp.callList")
      expect(new Set(reads.map((e) => e.subjectId))).toEqual(new Set(shown))
      expect([minsu, seoyeon]).toEqual(expect.arrayContaining(shown))
      // A page past the last is the last.
      expect((yield* CaseFile.callList(kim, kim.counselorId, { upcoming: 9 }, 1)).upcoming.page).toBe(2)
    }).pipe(Effect.provide(TestLayer)))

  it.effect("names seekers, openings and their employers of the district, and shows the id of a record it cannot find", () =>
    Effect.gen(function*() {
      const { employer, minsu, opening } = yield* placements
      const foreign = yield* JobCenter.registerSeeker(gwangjin, { ...seekerForm, name: "윤광진", birthDate: "1970-01-01", contact: {} })
      const names = yield* CaseFile.namesOf(kim, {
        seekers: [minsu, minsu, "seeker-999999" as SeekerId, foreign.value.id],
        openings: new Set([opening, "opening-999999" as OpeningId]),
        employers: ["employer-999999" as EmployerId]
      })
      expect(names.seeker(minsu)).toBe("김민수")
      expect(names.seeker("seeker-999999" as SeekerId)).toBe("seeker-999999")
      expect(names.seeker(foreign.value.id)).toBe(foreign.value.id)
      expect(names.opening(opening)).toBe("웹디자이너 채용")
      expect(names.opening("opening-999999" as OpeningId)).toBe("opening-999999")
      expect(names.employerOf(opening)).toBe(employer)
      expect(names.employerOf("opening-999999" as OpeningId)).toBeUndefined()
      // An opening's employer is named without being asked for.
      expect(names.employer(employer)).toBe("성수디지털(주)")
      expect(names.employer("employer-999999" as EmployerId)).toBe("employer-999999")
      const none = yield* CaseFile.namesOf(kim, {})
      expect(none.seeker(minsu)).toBe(minsu)
    }).pipe(Effect.provide(TestLayer)))

  it.effect("puts the call list and the month's pace on the desk", () =>
    Effect.gen(function*() {
      yield* placements
      yield* setToday("2026-04-08")
      const targets = { seekers: 240, placements: 120, openings: 60, counseling: 600 }
      const desk = yield* Desk.desk(kim, targets)
      expect(desk.today).toBe("2026-04-08")
      expect(desk.calls).toEqual(yield* CaseFile.callList(kim, kim.counselorId, {}, 5))
      expect(desk.pace).toEqual(yield* JobCenter.targetPace(kim, { year: 2026, targets, period: "month" }))
      // March's counts: three seekers, one opening, the referral's placement (the found jobs do not count).
      expect(desk.pace.map((reading) => [reading.metric, reading.projection.actual])).toEqual([
        ["openings", 1],
        ["seekers", 3],
        ["placements", 1],
        ["counseling", 0]
      ])
    }).pipe(Effect.provide(TestLayer)))
})
