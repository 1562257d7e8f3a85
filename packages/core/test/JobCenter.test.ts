import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Exit, Layer, TestClock } from "effect"
import { AuditLog } from "../src/kernel/Audit.js"
import * as BusinessCalendar from "../src/kernel/BusinessCalendar.js"
import { PersistenceError } from "../src/kernel/Errors.js"
import type { CounselorId, DistrictId, SeekerId } from "../src/kernel/Ids.js"
import * as Erasure from "../src/privacy/Erasure.js"
import * as JobCenter from "../src/JobCenter.js"
import type { LocalDate } from "../src/kernel/LocalDate.js"
import { Outbox } from "../src/kernel/Outbox.js"
import * as Counselor from "../src/registry/Counselor.js"
import {
  CounselorRepository,
  FollowUpRepository,
  IdGenerator,
  layerMemory,
  PlacementRepository,
  ReferralRepository,
  SeekerRepository
} from "../src/Repositories.js"
import { left } from "@iljari/test-support/either"
import { counselorInput, employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"

const TestLayer = Layer.merge(layerMemory, IdGenerator.layerSequential)

const kim: JobCenter.Actor = { districtId: "11200" as DistrictId, counselorId: "counselor-01" as CounselorId, origin: "10.0.0.7" }
const gwangjin: JobCenter.Actor = { districtId: "11215" as DistrictId, counselorId: "counselor-09" as CounselorId }

// Forms carry no id, district or registration time: those are the center's.
const { districtId: _d1, id: _i1, registeredAt: _r1, ...seekerForm } = seekerInput
const { districtId: _d2, id: _i2, registeredAt: _r2, ...employerForm } = employerInput
const { districtId: _d3, id: _i3, ...openingForm } = openingInput

const setToday = (iso: string) => TestClock.setTime(Date.parse(`${iso}T01:00:00Z`))

// Registers a seeker, an employer and an open opening; returns their ids.
const basics = Effect.gen(function*() {
  yield* setToday("2026-03-02")
  const seeker = yield* JobCenter.registerSeeker(kim, seekerForm)
  const employer = yield* JobCenter.registerEmployer(kim, employerForm)
  const opening = yield* JobCenter.registerOpening(kim, {
    ...openingForm,
    employerId: employer.value.id,
    openedOn: "2026-03-02",
    closesOn: "2026-03-31"
  })
  return { seekerId: seeker.value.id, employerId: employer.value.id, openingId: opening.value.id }
})

const hire = (seekerId: SeekerId, openingId: Parameters<typeof JobCenter.proposeReferral>[1]["openingId"]) =>
  Effect.gen(function*() {
    const proposed = yield* JobCenter.proposeReferral(kim, { seekerId, openingId })
    const sent = yield* JobCenter.moveReferral(kim, { referralId: proposed.value.id, to: "sent", expectedVersion: 1 })
    yield* JobCenter.moveReferral(kim, { referralId: sent.value.id, to: "interviewing", expectedVersion: 2 })
    return proposed.value.id
  })

describe("JobCenter on the memory layers", () => {
  it.effect("register → refer → hire → follow-up → ledger → monitoring → results", () =>
    Effect.gen(function*() {
      const { employerId, openingId, seekerId } = yield* basics
      expect(seekerId).toBe("seeker-000001")

      const session = yield* JobCenter.logCounseling(kim, {
        seekerId,
        heldOn: "2026-03-02",
        channel: "visit",
        notes: "경비직 희망, 이력서 작성 지원",
        nextStep: "면접 준비"
      })
      expect(session.value.counselorId).toBe("counselor-01")
      const referralId = yield* hire(seekerId, openingId)
      yield* setToday("2026-03-09")
      const { followUps, placement } = yield* JobCenter.recordPlacement(kim, {
        seekerId,
        referralId,
        startOn: "2026-03-09",
        contractType: "open-ended",
        schedule: "full-time",
        wage: { type: "monthly", amount: 2_300_000 }
      })
      expect(placement.value).toMatchObject({ countsForCenter: true, verification: "center-referral", employerId, openingId })
      const referral = yield* Effect.flatMap(ReferralRepository, (r) => r.get(kim.districtId, referralId))
      expect(referral.value.status).toBe("hired")
      expect(referral.value.history.map((s) => s.status)).toEqual(["proposed", "sent", "interviewing", "hired"])

      // Three monthly checks, each on a business day inside its month.
      expect(followUps.map((f) => [f.value.windowStart, f.value.windowEnd, f.value.dueOn])).toEqual([
        ["2026-03-09", "2026-04-08", "2026-04-08"],
        ["2026-04-09", "2026-05-08", "2026-05-08"],
        ["2026-05-09", "2026-06-08", "2026-06-08"]
      ])
      for (const f of followUps) {
        expect(BusinessCalendar.isBusinessDay(BusinessCalendar.korea, f.value.dueOn)).toEqual(Either.right(true))
      }
      const sms = yield* Effect.flatMap(Outbox, (o) => o.list(kim.districtId))
      expect(sms.map((m) => [m.template, m.recipient.id, m.params["firstCheck"]])).toEqual([
        ["follow-up-schedule", seekerId, "2026-04-08"]
      ])

      // A month later the first check is due today; after it, overdue.
      yield* setToday("2026-04-08")
      let ledger = yield* JobCenter.followUpLedger(kim)
      expect(ledger.dueToday.map((c) => c.sequence)).toEqual([1])
      yield* setToday("2026-04-10")
      ledger = yield* JobCenter.followUpLedger(kim)
      expect(ledger.overdue.map((c) => c.sequence)).toEqual([1])
      expect(ledger.onTimeRate).toBe(0)

      const first = followUps[0]!.value
      const { check } = yield* JobCenter.recordFollowUp(kim, {
        checkId: first.id,
        expectedVersion: 1,
        result: { doneOn: "2026-04-10", channel: "phone", outcome: "working", notes: "적응 양호" }
      })
      expect(check.value.outcome).toBe("working")
      ledger = yield* JobCenter.followUpLedger(kim)
      expect(ledger.done.map((c) => c.sequence)).toEqual([1])
      expect(ledger.upcoming.map((c) => c.sequence)).toEqual([2, 3])
      expect(ledger.onTimeRate).toBe(0) // done two days late

      // A self-found job is recorded but does not count.
      const other = yield* JobCenter.registerSeeker(kim, {
        ...seekerForm,
        name: "이서연",
        birthDate: "1990-07-01",
        contact: { phone: "010-9876-5432" }
      })
      yield* JobCenter.recordPlacement(kim, {
        seekerId: other.value.id,
        employerId,
        startOn: "2026-04-01",
        contractType: "fixed-term",
        schedule: "part-time"
      })
      const counted = yield* JobCenter.results(kim, { from: "2026-03-01" as LocalDate, to: "2026-04-30" as LocalDate })
      expect(counted).toEqual({ seekers: 2, openings: 1, placements: 1, counseling: 1 })

      const findings = yield* JobCenter.monitor(kim, { from: "2026-03-01" as LocalDate, to: "2026-04-30" as LocalDate })
      expect(findings).toEqual([])

      // Pace on 2026-04-10 against 120 placements and 240 seekers a year: April
      // expects 10 and 20, spread over its 30 days; the self-found job does not count.
      const readings = yield* JobCenter.targetPace(kim, { year: 2026, targets: { seekers: 240, placements: 120 }, period: "month" })
      expect(readings.map((r) => [r.metric, r.pace.from, r.pace.to, r.pace.actual, r.pace.status])).toEqual([
        ["seekers", "2026-04-01", "2026-04-10", 1, "behind"],
        ["placements", "2026-04-01", "2026-04-10", 0, "behind"]
      ])
      expect(readings[1]!.pace.expected).toBeCloseTo(10 * 10 / 30)
      expect(readings[1]!.projection.actual).toBe(1)
      expect(readings[0]!.projection.actual).toBe(2)
    }).pipe(Effect.provide(TestLayer)))

  it.effect("reports a second registration of the same person with the existing id", () =>
    Effect.gen(function*() {
      const { seekerId } = yield* basics
      const samePhone = yield* Effect.flip(JobCenter.registerSeeker(kim, { ...seekerForm, birthDate: "1970-01-01" }))
      expect(samePhone).toMatchObject({ _tag: "DuplicateSeeker", existingId: seekerId, match: "name-and-phone" })
      const sameBirth = yield* Effect.flip(JobCenter.registerSeeker(kim, { ...seekerForm, contact: {} }))
      expect(sameBirth).toMatchObject({ _tag: "DuplicateSeeker", existingId: seekerId, match: "name-and-birth-date" })
      // Another district registers the same person on its own.
      yield* JobCenter.registerSeeker(gwangjin, seekerForm)
      const all = yield* Effect.flatMap(SeekerRepository, (r) => r.list(kim.districtId))
      expect(all).toHaveLength(1)
    }).pipe(Effect.provide(TestLayer)))

  it.effect("refuses a bad form with every broken field and writes nothing", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        JobCenter.registerSeeker(kim, { ...seekerForm, contact: { phone: "12" }, notes: "주민번호 620514-1234567" })
      )
      expect(error._tag).toBe("ValidationError")
      expect(error.message).toContain("contact.phone: must be a Korean phone number")
      expect(error.message).toContain("notes: must not contain a resident registration number")
      expect(yield* Effect.flatMap(SeekerRepository, (r) => r.list(kim.districtId))).toEqual([])
      expect(yield* Effect.flatMap(AuditLog, (a) => a.list(kim.districtId))).toEqual([])
      const notAnObject = yield* Effect.flip(JobCenter.registerSeeker(kim, "김민수"))
      expect(notAnObject.message).toBe("Invalid Seeker: must be an object holding the record's fields")
      const erased = yield* Effect.flip(JobCenter.registerSeeker(kim, { ...seekerForm, erasedOn: "2026-01-01" }))
      expect(erased.message).toBe("Invalid Seeker: erasedOn: is set by the center, not by a form")
    }).pipe(Effect.provide(TestLayer)))

  it.effect("fails a stale update with StaleVersion and keeps the winner's change", () =>
    Effect.gen(function*() {
      const { seekerId } = yield* basics
      yield* JobCenter.updateSeeker(kim, seekerId, 1, { ...seekerForm, careerMonths: 250 })
      const stale = yield* Effect.flip(JobCenter.updateSeeker(kim, seekerId, 1, { ...seekerForm, careerMonths: 300 }))
      expect(stale).toMatchObject({ _tag: "StaleVersion", expected: 1, actual: 2 })
      const current = yield* JobCenter.getSeeker(kim, seekerId)
      expect([current.version, current.value.careerMonths]).toEqual([2, 250])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("refuses an illegal referral move, naming both states", () =>
    Effect.gen(function*() {
      const { openingId, seekerId } = yield* basics
      const referralId = yield* hire(seekerId, openingId)
      const error = yield* Effect.flip(JobCenter.moveReferral(kim, { referralId, to: "proposed", expectedVersion: 3 }))
      expect(error._tag).toBe("InvalidTransition")
      expect(error.message).toBe(
        "Referral \"referral-000001\" cannot move from \"interviewing\" (면접진행) to \"proposed\" (알선제안); from \"interviewing\" it can move to hired, rejected, withdrawn"
      )
    }).pipe(Effect.provide(TestLayer)))

  it.effect("audits every access to a seeker's data: who, when, from where, whose, what", () =>
    Effect.gen(function*() {
      const { seekerId } = yield* basics
      yield* setToday("2026-03-03")
      yield* JobCenter.getSeeker(kim, seekerId)
      const entries = yield* Effect.flatMap(AuditLog, (a) => a.list(kim.districtId, { subjectId: seekerId }))
      expect(entries.map((e) => [e.action, e.purpose, e.actor, e.origin, e.subjectId])).toEqual([
        ["create", "seeker.register", "counselor-01", "10.0.0.7", seekerId],
        ["read", "seeker.get", "counselor-01", "10.0.0.7", seekerId]
      ])
      expect(entries[1]!.at.epochMillis).toBe(Date.parse("2026-03-03T01:00:00Z"))
      // Another district cannot read it, and learns nothing of its existence.
      const foreign = yield* Effect.flip(JobCenter.getSeeker(gwangjin, seekerId))
      expect(foreign).toMatchObject({ _tag: "NotFound", kind: "seeker", id: seekerId })
    }).pipe(Effect.provide(TestLayer)))

  it.effect("refuses to bring an erased seeker back by an update", () =>
    Effect.gen(function*() {
      const { seekerId } = yield* basics
      yield* Erasure.eraseSeeker(kim, seekerId, "retention-ended")
      const error = yield* Effect.flip(JobCenter.updateSeeker(kim, seekerId, 2, seekerForm))
      expect(error.message).toBe("Invalid Seeker: was erased on 2026-03-02; register the person anew instead")
    }).pipe(Effect.provide(TestLayer)))

  it.effect("queues each counselor's daily follow-up digest once a day, auditing the seekers it names", () =>
    Effect.gen(function*() {
      const { openingId, seekerId } = yield* basics
      yield* Effect.flatMap(CounselorRepository, (r) =>
        r.insert(Either.getOrThrow(Counselor.decodeEither({ ...counselorInput, id: "counselor-01", contact: { email: "park@example.kr" } }))))
      const referralId = yield* hire(seekerId, openingId)
      yield* JobCenter.recordPlacement(kim, { seekerId, referralId, startOn: "2026-03-09", contractType: "open-ended", schedule: "full-time" })
      yield* setToday("2026-04-07")
      expect(yield* JobCenter.enqueueFollowUpDigests(kim)).toBe(0)
      yield* setToday("2026-04-09")
      expect(yield* JobCenter.enqueueFollowUpDigests(kim)).toBe(1)
      expect(yield* JobCenter.enqueueFollowUpDigests(kim)).toBe(1) // the same key: still one message
      const digests = (yield* Effect.flatMap(Outbox, (o) => o.list(kim.districtId))).filter((m) => m.template === "follow-up-digest")
      expect(digests).toHaveLength(1)
      expect(digests[0]!.params).toMatchObject({ counselor: "박상담", date: "2026-04-09", dueToday: "0", overdue: "1" })
      expect(digests[0]!.params["list"]).toBe("- 김민수 010-1234-5678 · 1차 (지연, 기한 2026-04-08)")
      const reads = yield* Effect.flatMap(AuditLog, (a) => a.list(kim.districtId, { subjectId: seekerId }))
      expect(reads.filter((e) => e.purpose === "followUp.digest")).toHaveLength(2)
    }).pipe(Effect.provide(TestLayer)))

  it.effect("opens re-employment support when a placed seeker quits", () =>
    Effect.gen(function*() {
      const { openingId, seekerId } = yield* basics
      const referralId = yield* hire(seekerId, openingId)
      const { followUps } = yield* JobCenter.recordPlacement(kim, {
        seekerId,
        referralId,
        startOn: "2026-03-02",
        contractType: "open-ended",
        schedule: "full-time"
      })
      yield* setToday("2026-03-20")
      const future = yield* Effect.flip(JobCenter.recordFollowUp(kim, {
        checkId: followUps[0]!.value.id,
        expectedVersion: 1,
        result: { doneOn: "2026-03-21", channel: "phone", outcome: "quit" }
      }))
      expect(future.message).toBe(
        "Invalid FollowUpResult: doneOn: must not be after today, 2026-03-20: a follow-up contact is recorded once it was made; got 2026-03-21 (사후관리 연락은 한 뒤에 기록합니다: 오늘 2026-03-20 뒤의 날짜 2026-03-21는 쓸 수 없습니다)"
      )
      const { reemploymentSupport } = yield* JobCenter.recordFollowUp(kim, {
        checkId: followUps[0]!.value.id,
        expectedVersion: 1,
        result: { doneOn: "2026-03-20", channel: "phone", outcome: "quit" }
      })
      expect(reemploymentSupport).toBe(true)
      // The job ended: the later checks are cancelled, never overdue.
      yield* setToday("2026-07-01")
      const ledger = yield* JobCenter.followUpLedger(kim)
      expect(ledger.overdue).toEqual([])
      expect(ledger.cancelled.map((c) => [c.sequence, c.cancelledOn])).toEqual([[2, "2026-03-20"], [3, "2026-03-20"]])
      expect(ledger.onTimeRate).toBe(1)
      const again = yield* Effect.flip(JobCenter.recordFollowUp(kim, {
        checkId: followUps[1]!.value.id,
        expectedVersion: 2,
        result: { doneOn: "2026-04-20", channel: "phone", outcome: "working" }
      }))
      expect(again._tag).toBe("FollowUpCancelled")
      const messages = yield* Effect.flatMap(Outbox, (o) => o.list(kim.districtId))
      expect(messages.map((m) => m.template)).toEqual(["follow-up-schedule", "reemployment-support"])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("records a placement with its schedule all or nothing", () =>
    Effect.gen(function*() {
      const { openingId, seekerId } = yield* basics
      const referralId = yield* hire(seekerId, openingId)
      const followUps = yield* FollowUpRepository
      let inserted = 0
      const failing = {
        ...followUps,
        insert: (check: Parameters<typeof followUps.insert>[0]) =>
          ++inserted === 2
            ? Effect.fail(new PersistenceError({ operation: "insert follow-up", reason: "disk full" }))
            : followUps.insert(check)
      }
      const exit = yield* Effect.exit(
        JobCenter.recordPlacement(kim, {
          seekerId,
          referralId,
          startOn: "2026-03-02",
          contractType: "open-ended",
          schedule: "full-time"
        }).pipe(Effect.provideService(FollowUpRepository, failing))
      )
      expect(Exit.isFailure(exit)).toBe(true)
      expect(yield* Effect.flatMap(PlacementRepository, (r) => r.list(kim.districtId))).toEqual([])
      expect(yield* followUps.list(kim.districtId)).toEqual([])
      expect(yield* Effect.flatMap(Outbox, (o) => o.list(kim.districtId))).toEqual([])
      const referral = yield* Effect.flatMap(ReferralRepository, (r) => r.get(kim.districtId, referralId))
      expect([referral.value.status, referral.version]).toEqual(["interviewing", 3])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("places a referral once: a second placement fails with AlreadyPlaced naming the first and writes nothing", () =>
    Effect.gen(function*() {
      const { openingId, seekerId } = yield* basics
      const referralId = yield* hire(seekerId, openingId)
      yield* setToday("2026-03-09")
      const request = { seekerId, referralId, startOn: "2026-03-09", contractType: "open-ended", schedule: "full-time" }
      const first = yield* JobCenter.recordPlacement(kim, request)
      const again = left(yield* Effect.either(JobCenter.recordPlacement(kim, request)))
      expect(again).toMatchObject({ _tag: "AlreadyPlaced", referralId, placementId: first.placement.value.id })
      expect(again.message).toBe(
        `Referral "${referralId}" already led to placement "${first.placement.value.id}"; a referral is placed once — correct that placement instead`
      )
      expect(yield* Effect.flatMap(PlacementRepository, (r) => r.list(kim.districtId))).toHaveLength(1)
      expect(yield* Effect.flatMap(FollowUpRepository, (r) => r.list(kim.districtId))).toHaveLength(3)
      expect(yield* Effect.flatMap(Outbox, (o) => o.list(kim.districtId))).toHaveLength(1)
      const referral = yield* Effect.flatMap(ReferralRepository, (r) => r.get(kim.districtId, referralId))
      expect([referral.value.status, referral.version]).toEqual(["hired", 4])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("needs an employer for a self-found job and refuses another seeker's referral", () =>
    Effect.gen(function*() {
      const { openingId, seekerId } = yield* basics
      const noEmployer = yield* Effect.flip(JobCenter.recordPlacement(kim, {
        seekerId,
        startOn: "2026-03-02",
        contractType: "daily",
        schedule: "full-time"
      }))
      expect(noEmployer.message).toBe(
        "Invalid Placement: employerId: is required for a job the seeker found without a referral"
      )
      const referralId = yield* hire(seekerId, openingId)
      const other = yield* JobCenter.registerSeeker(kim, { ...seekerForm, name: "박지훈", contact: {}, birthDate: "1985-01-01" })
      const wrong = yield* Effect.flip(JobCenter.recordPlacement(kim, {
        seekerId: other.value.id,
        referralId,
        startOn: "2026-03-02",
        contractType: "open-ended",
        schedule: "full-time"
      }))
      expect(wrong.message).toBe(`Invalid Placement: referralId: is a referral of another seeker ("${seekerId}")`)
    }).pipe(Effect.provide(TestLayer)))
})
