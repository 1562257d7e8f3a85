import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Layer, TestClock } from "effect"
import { AuditLog } from "../src/kernel/Audit.js"
import type { CounselorId, DistrictId, OpeningId, SeekerId } from "../src/kernel/Ids.js"
import * as JobCenter from "../src/JobCenter.js"
import * as Match from "../src/matching/Match.js"
import * as Ranking from "../src/matching/Ranking.js"
import * as Recommendations from "../src/matching/Recommendations.js"
import { IdGenerator, layerMemory, OpeningRepository, SeekerRepository } from "../src/Repositories.js"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"

const Base = Layer.merge(layerMemory, IdGenerator.layerSequential)
const TestLayer = Layer.provideMerge(Recommendations.layer(), Base)

const kim: JobCenter.Actor = { districtId: "11200" as DistrictId, counselorId: "counselor-01" as CounselorId }
const gwangjin: JobCenter.Actor = { districtId: "11215" as DistrictId, counselorId: "counselor-09" as CounselorId }

const { districtId: _d1, id: _i1, registeredAt: _r1, ...seekerForm } = seekerInput
const { districtId: _d2, id: _i2, registeredAt: _r2, ...employerForm } = employerInput
const { districtId: _d3, id: _i3, ...openingForm } = openingInput

const occupations = ["5410", "5611", "4122", "0231", "5412", "5619"]

// Six seekers with different wishes and twelve openings over six occupations.
const district = Effect.gen(function*() {
  yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
  const employer = yield* JobCenter.registerEmployer(kim, employerForm)
  const seekers: Array<SeekerId> = []
  for (let i = 0; i < 6; i++) {
    const s = yield* JobCenter.registerSeeker(kim, {
      ...seekerForm,
      name: `구직자${i}`,
      contact: { phone: `010-1234-56${String(i).padStart(2, "0")}` },
      desiredOccupations: [occupations[i]!, occupations[(i + 1) % 6]!]
    })
    seekers.push(s.value.id)
  }
  const openings: Array<OpeningId> = []
  for (let j = 0; j < 12; j++) {
    const o = yield* JobCenter.registerOpening(kim, {
      ...openingForm,
      employerId: employer.value.id,
      occupation: occupations[j % 6]!,
      wage: { type: "monthly", min: 1_900_000 + j * 50_000 },
      openedOn: "2026-03-02",
      closesOn: "2026-03-31"
    })
    openings.push(o.value.id)
  }
  return { seekers, openings }
})

describe("Recommendations", () => {
  it.effect("lists a seeker's best openings with explanations, as Ranking and Match compute them", () =>
    Effect.gen(function*() {
      const { seekers } = yield* district
      const service = yield* Recommendations.Recommendations
      const found = yield* service.openingsFor(kim, seekers[0]!, 5)
      expect(found).toHaveLength(5)
      const allSeekers = (yield* Effect.flatMap(SeekerRepository, (r) => r.list(kim.districtId))).map((s) => s.value)
      const allOpenings = (yield* Effect.flatMap(OpeningRepository, (r) => r.list(kim.districtId))).map((o) => o.value)
      const expected = Ranking.topOpenings(Ranking.makeIndex(allSeekers, allOpenings, { asOf: "2026-03-02" as never }), seekers[0]!, 5)
      expect(found.map((r) => ({ id: r.record.value.id, score: r.match.total }))).toEqual(expected)
      expect(found[0]!.match.eligible).toBe(true)
      expect(Match.explain(found[0]!.match)[1]).toMatch(/^직종 35\.0\/35\.0: 1순위 희망 직종 5410에 해당/)
    }).pipe(Effect.provide(TestLayer)))

  it.effect("ranks the seekers to call for an opening, and logs each one shown", () =>
    Effect.gen(function*() {
      const { openings } = yield* district
      const service = yield* Recommendations.Recommendations
      const found = yield* service.seekersFor(kim, openings[0]!, 3)
      expect(found.map((r) => r.record.value.desiredOccupations.includes("5410" as never))).toEqual([true, true, false])
      const log = yield* Effect.flatMap(AuditLog, (l) => l.list(kim.districtId, {}))
      const shown = log.filter((e) => e.purpose === "recommendations.seekers").map((e) => e.subjectId)
      expect(shown).toEqual(found.map((r) => r.record.value.id))
    }).pipe(Effect.provide(TestLayer)))

  it.effect("sees a seeker's changed wishes and a new opening at once, without waiting for the index to age", () =>
    Effect.gen(function*() {
      const { seekers } = yield* district
      const service = yield* Recommendations.Recommendations
      const before = yield* service.openingsFor(kim, seekers[0]!, 1)
      expect(before[0]!.match.parts[0]!.reason.ko).toContain("5410")
      const stored = yield* JobCenter.getSeeker(kim, seekers[0]!)
      const { districtId: _, id: __, registeredAt: ___, ...form } = JSON.parse(JSON.stringify(stored.value))
      yield* JobCenter.updateSeeker(kim, seekers[0]!, stored.version, { ...form, desiredOccupations: ["0231"] })
      const after = yield* service.openingsFor(kim, seekers[0]!, 1)
      expect(after[0]!.match.parts[0]!.reason.ko).toContain("0231")

      const employer = (yield* Effect.flatMap(OpeningRepository, (r) => r.list(kim.districtId)))[0]!.value.employerId
      const fresh = yield* JobCenter.registerOpening(kim, {
        ...openingForm,
        employerId: employer,
        occupation: "9011",
        openedOn: "2026-03-02",
        closesOn: "2026-03-31"
      })
      const candidates = yield* service.seekersFor(kim, fresh.value.id, 3)
      expect(candidates).toHaveLength(3)
    }).pipe(Effect.provide(TestLayer)))

  it.effect("answers another district's seeker or opening with NotFound, and logs nothing", () =>
    Effect.gen(function*() {
      const { openings, seekers } = yield* district
      const service = yield* Recommendations.Recommendations
      const a = yield* Effect.exit(service.openingsFor(gwangjin, seekers[0]!, 5))
      const b = yield* Effect.exit(service.seekersFor(gwangjin, openings[0]!, 5))
      expect(Exit.isFailure(a) && JSON.stringify(a.cause)).toContain("NotFound")
      expect(Exit.isFailure(b) && JSON.stringify(b.cause)).toContain("NotFound")
      const log = yield* Effect.flatMap(AuditLog, (l) => l.list(gwangjin.districtId, {}))
      expect(log).toEqual([])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("uses the district's configuration", () =>
    Effect.gen(function*() {
      const { seekers } = yield* district
      const service = yield* Recommendations.Recommendations
      const config: Match.Config = { ...Match.defaultConfig, weights: { ...Match.defaultWeights, occupation: 0 } }
      const found = yield* service.openingsFor(kim, seekers[0]!, 3).pipe(Effect.provideService(Match.CurrentConfig, config))
      for (const r of found) expect(r.match.parts[0]!.weight).toBe(0)
    }).pipe(Effect.provide(TestLayer)))
})
