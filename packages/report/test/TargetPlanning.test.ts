import { describe, expect, it } from "@effect/vitest"
import { Repositories } from "@iljari/core"
import { Effect, Layer } from "effect"
import { A, B, records } from "@iljari/test-support/report/fixtures"
import { ReportSource } from "../src/ReportSource.js"
import * as TargetPlanning from "../src/TargetPlanning.js"

const Store = Layer.effectDiscard(
  Effect.gen(function*() {
    const insert = <A>(repo: { readonly insert: (a: A) => Effect.Effect<unknown, unknown> }, rows: ReadonlyArray<A>) =>
      Effect.forEach(rows, (row) => repo.insert(row), { discard: true })
    yield* insert(yield* Repositories.SeekerRepository, records.seekers)
    yield* insert(yield* Repositories.OpeningRepository, records.openings)
    yield* insert(yield* Repositories.CounselingRepository, records.counselings)
    yield* insert(yield* Repositories.ReferralRepository, records.referrals)
    yield* insert(yield* Repositories.PlacementRepository, records.placements)
  }).pipe(Effect.orDie)
).pipe(Layer.provideMerge(ReportSource.layerMemory.pipe(Layer.provideMerge(Repositories.layerMemory))))

describe("TargetPlanning.planFromLastYear", () => {
  it.layer(Store)((it) => {
    it.effect("grows last year's counted results of the district, splits each target into months that sum to it", () =>
      Effect.gen(function*() {
        const planned = yield* TargetPlanning.planFromLastYear(A, { year: 2017, growthPercent: 100, current: { seekers: 7 } })
        expect(planned).toMatchObject({ year: 2017, baselineYear: 2016, growthPercent: 100 })
        // District A's 2016: 5 seekers, 4 openings, 6 counseling sessions, 3 placements
        // (the self-found one is recorded but never counted; district B's records are not A's).
        const byMetric = Object.fromEntries(planned.lines.map((l) => [l.metric, l]))
        expect(Object.fromEntries(planned.lines.map((l) => [l.metric, [l.baseline, l.target]]))).toEqual({
          openings: [4, 8],
          seekers: [5, 10],
          placements: [3, 6],
          counseling: [6, 12]
        })
        for (const line of planned.lines) {
          expect(line.months).toHaveLength(12)
          expect(line.months.reduce((a, b) => a + b, 0)).toBe(line.target)
        }
        expect(byMetric["seekers"]!.current).toBe(7)
        expect(byMetric["openings"]!.current).toBeUndefined()
      }))

    it.effect("assumes 5 % growth and rounds to the unit asked for", () =>
      Effect.gen(function*() {
        const planned = yield* TargetPlanning.planFromLastYear(A, { year: 2017, roundTo: 5 })
        expect(planned.growthPercent).toBe(TargetPlanning.defaultGrowthPercent)
        expect(planned.lines.map((l) => l.target)).toEqual([5, 5, 5, 5])
      }))

    it.effect("plans a district with no results of last year at zero", () =>
      Effect.gen(function*() {
        const planned = yield* TargetPlanning.planFromLastYear(B, { year: 2018 })
        expect(planned.lines.map((l) => l.target)).toEqual([0, 0, 0, 0])
      }))

    it.effect("refuses a growth below -100 % naming the field", () =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(TargetPlanning.planFromLastYear(A, { year: 2017, growthPercent: -150 }))
        expect(error).toMatchObject({ _tag: "InvalidPlan", field: "growthPercent" })
      }))
  })
})
