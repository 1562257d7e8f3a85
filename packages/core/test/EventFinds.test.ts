import { Effect, Exit, FastCheck as fc, Layer, TestClock, TestContext } from "effect"
import { describe, expect, it } from "vitest"
import type { CounselorId, DistrictId } from "../src/kernel/Ids.js"
import * as JobCenter from "../src/JobCenter.js"
import * as Events from "../src/events/Events.js"
import * as EventFinds from "../src/events/Finds.js"
import { AuditLog } from "../src/kernel/Audit.js"
import { IdGenerator, layerMemory, SeekerRepository } from "../src/Repositories.js"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"

const kim: JobCenter.Actor = { districtId: "11200" as DistrictId, counselorId: "counselor-01" as CounselorId }
const { districtId: _d1, id: _i1, registeredAt: _r1, ...seekerForm } = seekerInput
const { districtId: _d2, id: _i2, registeredAt: _r2, ...employerForm } = employerInput
const { districtId: _d3, id: _i3, ...openingForm } = openingInput

const person = (i: number) => ({ ...seekerForm, name: `방문자${i}`, contact: { phone: `010-4000-${1000 + i}` } })

const run = <A, E>(program: Effect.Effect<A, E, any>) =>
  Effect.runPromise(
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-05-04T01:00:00Z"))
      return yield* program
    }).pipe(Effect.provide(Layer.merge(layerMemory, IdGenerator.layerSequential)), Effect.provide(TestContext.TestContext)) as Effect.Effect<A, E>
  )

const session = Events.recordOutreach(kim, {
  heldOn: "2026-05-02",
  site: "subway-station",
  siteName: "왕십리역",
  counselorIds: [kim.counselorId],
  counselled: 12,
  counselingIds: [],
  registeredSeekerIds: []
})

describe("EventFinds", () => {
  it("registers the people met at a session on it, and a duplicate leaves the session and the registry as they were", () =>
    run(Effect.gen(function*() {
      const held = yield* session
      const first = yield* EventFinds.registerAtOutreach(kim, held.value.id, person(1))
      expect(first.session.value.registeredSeekerIds).toEqual([first.seeker.value.id])
      const again = yield* Effect.exit(EventFinds.registerAtOutreach(kim, held.value.id, person(1)))
      expect(Exit.isFailure(again) && JSON.stringify(again.cause)).toContain("DuplicateSeeker")
      const after = yield* Events.outreachSession(kim, held.value.id)
      expect(after.value.registeredSeekerIds).toEqual([first.seeker.value.id])
      expect(yield* Effect.flatMap(SeekerRepository, (r) => r.list(kim.districtId))).toHaveLength(1)
      // The existing record is added instead, once however often.
      yield* EventFinds.addToOutreach(kim, held.value.id, first.seeker.value.id)
      expect((yield* Events.outreachSession(kim, held.value.id)).value.registeredSeekerIds).toHaveLength(1)
      // Reading the session logs the seekers it shows.
      const log = yield* Effect.flatMap(AuditLog, (l) => l.list(kim.districtId))
      expect(log.some((e) => e.purpose === "outreach.read" && e.subjectId === first.seeker.value.id)).toBe(true)
    })))

  it("keeps every registration of people met at a session, however they race", () =>
    fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 8 }), (n) =>
        run(Effect.gen(function*() {
          const held = yield* session
          const registered = yield* Effect.forEach(
            Array.from({ length: n }, (_, i) => i),
            (i) => EventFinds.registerAtOutreach(kim, held.value.id, person(i)),
            { concurrency: "unbounded" }
          )
          const ids = (yield* Events.outreachSession(kim, held.value.id)).value.registeredSeekerIds
          expect([...ids].sort()).toEqual(registered.map((r) => r.seeker.value.id).sort())
        }))),
      { numRuns: 20 }
    ))

  it("records an employer a visit found with its positions, then its openings; another employer's opening is refused", () =>
    run(Effect.gen(function*() {
      const visited = yield* Events.recordVisit(kim, {
        visitedOn: "2026-05-03",
        counselorIds: [kim.counselorId],
        target: "building",
        name: "성수 지식산업센터",
        tenantsVisited: 14,
        findings: []
      })
      const badPositions = yield* Effect.exit(EventFinds.registerAtVisit(kim, visited.value.id, employerForm, -1))
      expect(Exit.isFailure(badPositions)).toBe(true)
      expect(yield* JobCenter.listEmployers(kim)).toHaveLength(0)
      const found = yield* EventFinds.registerAtVisit(kim, visited.value.id, employerForm, 3)
      expect(found.visit.value.findings).toEqual([{ company: employerForm.name, employerId: found.employer.value.id, openingIds: [], positions: 3 }])
      const opening = yield* JobCenter.registerOpening(kim, { ...openingForm, employerId: found.employer.value.id })
      const withOpening = yield* EventFinds.addOpening(kim, visited.value.id, opening.value.id)
      expect(withOpening.value.findings[0]!.openingIds).toEqual([opening.value.id])
      expect(Exit.isFailure(yield* Effect.exit(EventFinds.addOpening(kim, visited.value.id, opening.value.id)))).toBe(true)
      const other = yield* JobCenter.registerEmployer(kim, { ...employerForm, name: "다른 회사", businessNumber: "220-81-62517" })
      const elsewhere = yield* JobCenter.registerOpening(kim, { ...openingForm, employerId: other.value.id })
      const refused = yield* Effect.exit(EventFinds.addOpening(kim, visited.value.id, elsewhere.value.id))
      expect(Exit.isFailure(refused) && JSON.stringify(refused.cause)).toContain("must be an opening of an employer the visit found")
      // An employer the center knew is recorded as found, once.
      const twice = yield* Effect.exit(EventFinds.addToVisit(kim, visited.value.id, found.employer.value.id, 1))
      expect(Exit.isFailure(twice) && JSON.stringify(twice.cause)).toContain("is found by the visit already")
      const known = yield* EventFinds.addToVisit(kim, visited.value.id, other.value.id, 2)
      expect(known.value.findings.map((f) => [f.employerId, f.positions])).toEqual([[found.employer.value.id, 3], [other.value.id, 2]])
    })))

  it("signs new people up for a test session up to its capacity; the one over it is not registered at all", () =>
    run(Effect.gen(function*() {
      const test = yield* Events.scheduleTest(kim, { kind: "job-preference", heldOn: "2026-05-20", venue: "센터 교육장", capacity: 2 })
      yield* EventFinds.registerForTest(kim, test.value.id, person(1))
      yield* EventFinds.registerForTest(kim, test.value.id, person(2))
      const full = yield* Effect.exit(EventFinds.registerForTest(kim, test.value.id, person(3)))
      expect(Exit.isFailure(full) && JSON.stringify(full.cause)).toContain("session-full")
      expect(yield* Effect.flatMap(SeekerRepository, (r) => r.list(kim.districtId))).toHaveLength(2)
      expect(yield* Events.participants(kim, test.value.id)).toHaveLength(2)
    })))
})
