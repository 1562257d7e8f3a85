import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, FastCheck as fc, Layer, Schema, TestClock } from "effect"
import { AuditLog } from "../src/kernel/Audit.js"
import type { CounselorId, DistrictId, SeekerId } from "../src/kernel/Ids.js"
import * as JobCenter from "../src/JobCenter.js"
import * as Caseload from "../src/registry/Caseload.js"
import * as Counselor from "../src/registry/Counselor.js"
import { Seeker, SeekerStatus } from "../src/registry/Seeker.js"
import { CounselingRepository, CounselorRepository, FollowUpRepository, IdGenerator, layerMemory, SeekerRepository } from "../src/Repositories.js"
import { counselorInput, employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"

const TestLayer = Layer.merge(layerMemory, IdGenerator.layerSequential)
const district = "11200" as DistrictId
const staff = (id: string, caseload: NonNullable<JobCenter.Actor["caseload"]>): JobCenter.Actor => ({
  districtId: district,
  counselorId: id as CounselorId,
  caseload
})
const kim = staff("counselor-01", "own")
const lee = staff("counselor-02", "own")
const manager = staff("manager-01", "district")
const admin = staff("admin-01", "none")

const { districtId: _d1, id: _i1, registeredAt: _r1, ...seekerForm } = seekerInput
const { districtId: _d2, id: _i2, registeredAt: _r2, ...employerForm } = employerInput
const { districtId: _d3, id: _i3, ...openingForm } = openingInput

const statusOf = (id: SeekerId) => Effect.map(Effect.flatMap(SeekerRepository, (r) => r.get(district, id)), (s) => s.value.status)

describe("caseload status", () => {
  const events = fc.constantFrom("counseling", "referral", "placement", "quit", "close") as fc.Arbitrary<Parameters<typeof Caseload.next>[1]>
  const statuses = fc.constantFrom(...SeekerStatus.literals)

  it("only moves a case forward, except that counseling reopens a closed case and quitting returns to counseling", () => {
    const rank = ["registered", "in-counseling", "referred", "placed", "closed"]
    fc.assert(fc.property(statuses, events, (status, event) => {
      const after = Caseload.next(status, event)
      if (event === "close") return after === "closed"
      if (event === "placement") return after === "placed"
      if (event === "quit") return after === "in-counseling"
      if (event === "counseling" && status === "closed") return after === "in-counseling"
      return rank.indexOf(after) >= rank.indexOf(status)
    }))
  })
})

describe("caseloads on the memory layers", () => {
  it.effect("a counselor registers into their own caseload, works it, and is refused a colleague's seeker", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
      const seeker = (yield* JobCenter.registerSeeker(kim, seekerForm)).value
      expect([seeker.counselorId, seeker.status]).toEqual(["counselor-01", "registered"])
      const byManager = (yield* JobCenter.registerSeeker(manager, { ...seekerForm, name: "관리등록", contact: { phone: "010-1111-2222" } })).value
      expect(byManager.counselorId).toBeUndefined()

      yield* JobCenter.logCounseling(kim, { seekerId: seeker.id, heldOn: "2026-03-02", channel: "visit" })
      expect(yield* statusOf(seeker.id)).toBe("in-counseling")
      const refused = yield* Effect.flip(JobCenter.logCounseling(lee, { seekerId: seeker.id, heldOn: "2026-03-02", channel: "visit" }))
      expect(refused._tag).toBe("NotYourCaseload")
      expect(refused.message).toContain("담당 구직자가 아닙니다")
      expect((yield* Effect.flip(JobCenter.logCounseling(admin, { seekerId: seeker.id, heldOn: "2026-03-02", channel: "visit" })))._tag)
        .toBe("NotYourCaseload")
      // Nothing was stored by the refusals.
      const counselings = yield* Effect.flatMap(CounselingRepository, (r) => r.listBySeeker(district, seeker.id))
      expect(counselings).toHaveLength(1)

      const employer = yield* JobCenter.registerEmployer(kim, employerForm)
      const opening = yield* JobCenter.registerOpening(kim, { ...openingForm, employerId: employer.value.id, openedOn: "2026-03-02", closesOn: "2026-03-31" })
      const referral = yield* JobCenter.proposeReferral(kim, { seekerId: seeker.id, openingId: opening.value.id })
      expect(yield* statusOf(seeker.id)).toBe("referred")
      yield* JobCenter.moveReferral(kim, { referralId: referral.value.id, to: "sent", expectedVersion: 1 })
      yield* JobCenter.moveReferral(kim, { referralId: referral.value.id, to: "interviewing", expectedVersion: 2 })
      const placed = yield* JobCenter.recordPlacement(kim, {
        seekerId: seeker.id,
        referralId: referral.value.id,
        startOn: "2026-03-09",
        contractType: "open-ended",
        schedule: "full-time"
      })
      expect(yield* statusOf(seeker.id)).toBe("placed")

      // The seeker quits: back in counseling, through the follow-up call.
      yield* TestClock.setTime(Date.parse("2026-04-09T01:00:00Z"))
      const check = placed.followUps[0]!.value
      yield* JobCenter.recordFollowUp(kim, { checkId: check.id, expectedVersion: 1, result: { doneOn: "2026-04-08", channel: "phone", outcome: "quit" } })
      expect(yield* statusOf(seeker.id)).toBe("in-counseling")
      const checks = yield* Effect.flatMap(FollowUpRepository, (r) => r.listByPlacement(district, placed.placement.value.id))
      expect(checks.map((c) => [c.value.doneOn !== undefined, c.value.cancelledOn !== undefined])).toEqual([[true, false], [false, true], [false, true]])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("a manager transfers a seeker with a reason code; the new counselor works the case, the old one no longer", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
      yield* Effect.flatMap(CounselorRepository, (r) =>
        r.insert(Either.getOrThrow(Counselor.decodeEither({ ...counselorInput, id: "counselor-02", districtId: district }))))
      const seeker = (yield* JobCenter.registerSeeker(kim, seekerForm)).value
      const unknown = yield* Effect.flip(Caseload.transfer(manager, seeker.id, { to: "counselor-77" as CounselorId, reason: "workload", version: 1 }))
      expect(unknown._tag).toBe("NotFound")
      expect((yield* Effect.flip(Caseload.transfer(lee, seeker.id, { to: lee.counselorId, reason: "request", version: 1 })))._tag)
        .toBe("NotYourCaseload")
      const moved = yield* Caseload.transfer(manager, seeker.id, { to: lee.counselorId, reason: "leave", version: 1 })
      expect(moved.value.counselorId).toBe("counselor-02")
      yield* JobCenter.logCounseling(lee, { seekerId: seeker.id, heldOn: "2026-03-02", channel: "phone" })
      expect((yield* Effect.flip(JobCenter.logCounseling(kim, { seekerId: seeker.id, heldOn: "2026-03-02", channel: "phone" })))._tag)
        .toBe("NotYourCaseload")
      const log = yield* Effect.flatMap(AuditLog, (l) => l.list(district, { subjectId: seeker.id }))
      expect(log.filter((e) => e.purpose.startsWith("seeker.transfer")).map((e) => [e.actor, e.purpose])).toEqual([
        ["manager-01", "seeker.transfer.leave"]
      ])
      // A form sent back as read may not move the case.
      const current = yield* Effect.flatMap(SeekerRepository, (r) => r.get(district, seeker.id))
      const { id: _id, districtId: _district, registeredAt: _at, ...asRead } = Schema.encodeSync(Seeker)(current.value)
      const sneaky = yield* Effect.flip(JobCenter.updateSeeker(lee, seeker.id, current.version, { ...asRead, counselorId: "counselor-01" }))
      expect(sneaky.message).toContain("transfer")
      yield* JobCenter.updateSeeker(lee, seeker.id, current.version, { ...asRead, careerMonths: 30 })

      expect((yield* Caseload.caseload(lee)).map((s) => s.value.id)).toEqual([seeker.id])
      expect(yield* Caseload.caseload(kim)).toEqual([])
      expect((yield* Effect.flip(Caseload.caseload(kim, lee.counselorId)))._tag).toBe("NotYourCaseload")
      expect((yield* Caseload.caseload(manager, lee.counselorId)).length).toBe(1)
      const closed = yield* Caseload.close(lee, seeker.id, (yield* Effect.flatMap(SeekerRepository, (r) => r.get(district, seeker.id))).version)
      expect(closed.value.status).toBe("closed")
      yield* JobCenter.logCounseling(lee, { seekerId: seeker.id, heldOn: "2026-03-02", channel: "visit" })
      expect(yield* statusOf(seeker.id)).toBe("in-counseling")
    }).pipe(Effect.provide(TestLayer)))
})
