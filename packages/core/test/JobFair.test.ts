import { Effect, Exit, FastCheck as fc, Layer, TestClock, TestContext } from "effect"
import { describe, expect, it } from "vitest"
import type { CounselorId, DistrictId } from "../src/kernel/Ids.js"
import * as JobCenter from "../src/JobCenter.js"
import * as JobFair from "../src/events/JobFair.js"
import { IdGenerator, layerMemory } from "../src/Repositories.js"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"

const kim: JobCenter.Actor = { districtId: "11200" as DistrictId, counselorId: "counselor-01" as CounselorId }
const { districtId: _d1, id: _i1, registeredAt: _r1, ...seekerForm } = seekerInput
const { districtId: _d2, id: _i2, registeredAt: _r2, ...employerForm } = employerInput
const { districtId: _d3, id: _i3, ...openingForm } = openingInput

const codes = ["5410", "5611", "5612", "5411"]

// A fair with `seekers` candidates for two employers, held with the given
// attendance and results; returns the fair's figures and timetable.
const runFair = (seekerCount: number, comes: ReadonlyArray<boolean>, results: ReadonlyArray<JobFair.InterviewResult>, capacity: number) =>
  Effect.gen(function*() {
    yield* TestClock.setTime(Date.parse("2026-05-04T01:00:00Z"))
    for (let i = 0; i < seekerCount; i++) {
      yield* JobCenter.registerSeeker(kim, {
        ...seekerForm,
        name: `구직자${i}`,
        contact: { phone: `010-3000-${1000 + i}` },
        desiredOccupations: [codes[i % codes.length]!],
        desiredRegions: []
      })
    }
    const employers = [
      yield* JobCenter.registerEmployer(kim, { ...employerForm, name: "갑", businessNumber: "220-81-62517" }),
      yield* JobCenter.registerEmployer(kim, employerForm)
    ]
    const openings: Array<Effect.Effect.Success<ReturnType<typeof JobCenter.registerOpening>>> = []
    for (const [k, employer] of employers.entries()) {
      openings.push(
        yield* JobCenter.registerOpening(kim, {
          ...openingForm,
          employerId: employer.value.id,
          occupation: k === 0 ? "5410" : "5611",
          educationMinimum: "00",
          career: { requirement: "any" },
          openedOn: "2026-05-01",
          closesOn: "2026-05-31"
        })
      )
    }
    let fair = yield* JobFair.create(kim, {
      title: "일 잡는 데이",
      heldOn: "2026-05-12",
      venue: "구청 강당",
      schedule: { start: "14:00", slotMinutes: 15 },
      maxInterviewsPerSeeker: 2,
      minScore: 50,
      employers: employers.map((e, k) => ({ employerId: e.value.id, openingIds: [openings[k]!.value.id], capacity }))
    })
    fair = yield* JobFair.preselect(kim, fair.value.id, fair.version, seekerCount)
    fair = yield* JobFair.invite(kim, fair.value.id, fair.version)
    const came = fair.value.invitations.filter((_, i) => comes[i % comes.length]).map((i) => i.seekerId)
    fair = yield* JobFair.recordAttendance(kim, fair.value.id, fair.version, came)
    fair = yield* JobFair.schedule(kim, fair.value.id, fair.version)
    for (const [k, interview] of fair.value.interviews.entries()) {
      const result = results[k % results.length]!
      fair = yield* JobFair.recordResult(kim, fair.value.id, fair.version, {
        seekerId: interview.seekerId,
        employerId: interview.employerId,
        result,
        ...(result === "hired" ? { startOn: "2026-05-18" } : {})
      })
    }
    return fair.value
  }).pipe(Effect.provide(Layer.merge(layerMemory, IdGenerator.layerSequential)), Effect.provide(TestContext.TestContext))

describe("JobFair", () => {
  it("figures are bounded in order, and the timetable never double-books, whatever happens on the day", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.array(fc.constantFrom("hired", "second-interview", "not-hired", "no-show") as fc.Arbitrary<JobFair.InterviewResult>, {
          minLength: 1,
          maxLength: 5
        }),
        fc.integer({ min: 1, max: 6 }),
        async (seekers, comes, results, capacity) => {
          const fair = await Effect.runPromise(runFair(seekers, comes, results, capacity))
          const o = JobFair.outcome(fair)
          expect(o.hired).toBeLessThanOrEqual(o.interviewed)
          expect(o.interviewed).toBeLessThanOrEqual(o.attended)
          expect(o.attended).toBeLessThanOrEqual(o.invited)
          const taken = new Set<string>()
          for (const i of fair.interviews) {
            for (const key of [`s${i.seekerId}@${i.slot}`, `e${i.employerId}@${i.slot}`]) {
              expect(taken.has(key)).toBe(false)
              taken.add(key)
            }
          }
          for (const e of fair.employers) {
            expect(fair.interviews.filter((i) => i.employerId === e.employerId).length).toBeLessThanOrEqual(e.capacity)
          }
          expect(fair.status).toBe(fair.interviews.length > 0 ? "closed" : "held")
        }
      ),
      { numRuns: 25 }
    )
  }, 60_000)

  it("invites only with a consent active on the day, pre-selects the same way every time, and names what a result lacks", async () => {
    const program = Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-05-04T01:00:00Z"))
      const register = (name: string, phone: string, consents: ReadonlyArray<unknown>) =>
        JobCenter.registerSeeker(kim, { ...seekerForm, name, contact: { phone }, desiredOccupations: ["5410"], desiredRegions: [], consents })
      const personal = { purpose: "personal-data", givenAt: "2026-01-02T01:00:00.000Z" }
      const sms = { purpose: "service", channel: "sms", givenAt: "2026-01-02T01:00:00.000Z" }
      const withdrawn = [personal, { ...sms, withdrawnAt: "2026-04-01T01:00:00.000Z" }]
      const future = [personal, { ...sms, givenAt: "2026-06-01T01:00:00.000Z" }]
      const adOnly = [personal, { purpose: "advertising", channel: "sms", givenAt: "2026-01-02T01:00:00.000Z" }]
      const yes = yield* register("가", "010-4000-1000", [personal, sms])
      const no1 = yield* register("나", "010-4000-1001", withdrawn)
      const no2 = yield* register("다", "010-4000-1002", future)
      const no3 = yield* register("라", "010-4000-1003", adOnly)
      const employer = yield* JobCenter.registerEmployer(kim, employerForm)
      const opening = yield* JobCenter.registerOpening(kim, {
        ...openingForm,
        employerId: employer.value.id,
        occupation: "5410",
        educationMinimum: "00",
        career: { requirement: "any" },
        openedOn: "2026-05-01",
        closesOn: "2026-05-31"
      })
      let fair = yield* JobFair.create(kim, {
        title: "일 잡는 데이",
        heldOn: "2026-05-12",
        venue: "구청 강당",
        schedule: { start: "14:00", slotMinutes: 20 },
        maxInterviewsPerSeeker: 1,
        minScore: 50,
        employers: [{ employerId: employer.value.id, openingIds: [opening.value.id], capacity: 4 }]
      })
      fair = yield* JobFair.preselect(kim, fair.value.id, fair.version, 10)
      const again = yield* JobFair.preselect(kim, fair.value.id, fair.version, 10)
      expect(again.value.candidates).toEqual(fair.value.candidates)
      fair = yield* JobFair.invite(kim, again.value.id, again.version)
      expect(fair.value.invitations.map((i) => i.seekerId)).toEqual([yes.value.id])
      expect(fair.value.skipped.map((s) => s.seekerId).sort()).toEqual([no1.value.id, no2.value.id, no3.value.id].sort())
      fair = yield* JobFair.recordAttendance(kim, fair.value.id, fair.version, [yes.value.id])
      fair = yield* JobFair.schedule(kim, fair.value.id, fair.version)
      const noStart = yield* Effect.exit(
        JobFair.recordResult(kim, fair.value.id, fair.version, { seekerId: yes.value.id, employerId: employer.value.id, result: "hired" })
      )
      expect(JSON.stringify(noStart)).toContain(`"path":"startOn"`)
      const badResult = yield* Effect.exit(
        JobFair.recordResult(kim, fair.value.id, fair.version, { seekerId: yes.value.id, employerId: employer.value.id, result: "maybe" })
      )
      expect(JSON.stringify(badResult)).toContain(`"path":"result"`)
    })
    await Effect.runPromise(
      program.pipe(Effect.provide(Layer.merge(layerMemory, IdGenerator.layerSequential)), Effect.provide(TestContext.TestContext))
    )
  })

  it("names everything wrong with a plan", async () => {
    const refused = await Effect.runPromise(Effect.exit(JobFair.create(kim, {
      title: "",
      heldOn: "2026-02-30",
      venue: "강당",
      schedule: { start: "25:00", slotMinutes: 0 },
      maxInterviewsPerSeeker: 0,
      minScore: 120,
      employers: []
    }).pipe(Effect.provide(Layer.merge(layerMemory, IdGenerator.layerSequential)))))
    expect(Exit.isFailure(refused)).toBe(true)
    const text = JSON.stringify(refused)
    for (const field of ["title", "heldOn", "schedule.start", "schedule.slotMinutes", "maxInterviewsPerSeeker", "minScore", "employers"]) {
      expect(text).toContain(`"path":"${field}"`)
    }
  })
})
