import { describe, expect, it } from "@effect/vitest"
import { type Ids, Targets } from "@iljari/core"
import { Either, FastCheck as fc } from "effect"
import * as CounselorResults from "../src/CounselorResults.js"
import * as Aggregate from "../src/Aggregate.js"
import type * as Period from "../src/Period.js"
import { d, k } from "@iljari/test-support/report/fixtures"

// 2,060 placements among three counselors: 687 / 687 / 686 (Targets.splitEqually).
const targets = Either.getOrThrow(CounselorResults.equalTargets({ placements: 2_060 }, [k("k1"), k("k2"), k("k3")]))

const counts = (counselorId: string, placements: number) => ({
  counselorId: k(counselorId),
  counseling: 0,
  referrals: 0,
  placements,
  selfFound: 0
})

describe("CounselorResults", () => {
  it("splits the center's targets equally", () => {
    expect(targets).toEqual([
      { counselorId: "k1", targets: { placements: 687 } },
      { counselorId: "k2", targets: { placements: 687 } },
      { counselorId: "k3", targets: { placements: 686 } }
    ])
  })

  it("reads each counselor's March against their own monthly target (counted by hand)", () => {
    // 687 → 58 for Jan–Mar; 686 → 58 for Jan–Feb, 57 from March.
    const figure = Either.getOrThrow(CounselorResults.make({
      year: 2016,
      period: "month",
      asOf: d("2016-03-31"),
      counts: [counts("k1", 60), counts("k2", 50), counts("k3", 62)],
      targets
    }))
    expect(figure.rows.map((r) => [r.counselorId, r.placements])).toEqual([
      ["k1", { actual: 60, target: 58, expected: 58, ratio: 1.034, status: "on-track" }],
      ["k2", { actual: 50, target: 58, expected: 58, ratio: 0.862, status: "behind" }],
      ["k3", { actual: 62, target: 57, expected: 57, ratio: 1.087, status: "ahead" }]
    ])
    expect(figure.total.placements).toEqual({ actual: 172, target: 173, expected: 173, ratio: 0.994, status: "on-track" })
    expect(figure.rows[0]?.counseling).toEqual({ actual: 0, target: undefined, expected: undefined, ratio: undefined, status: undefined })
  })

  it("reads the week from Monday: Wednesday 2016-03-02 covers Feb 29 to Mar 2", () => {
    expect(CounselorResults.range(2016, "week", d("2016-03-02"))).toEqual({ from: "2016-02-29", to: "2016-03-02", end: "2016-03-06" })
    const figure = Either.getOrThrow(CounselorResults.make({
      year: 2016,
      period: "week",
      asOf: d("2016-03-02"),
      counts: [counts("k1", 6)],
      targets: [targets[0]!]
    }))
    // Expected so far: 58/29 for Feb 29 + 2 × 58/31 = 5.74…; the whole week 58/29 + 6 × 58/31 = 13.23…
    const row = figure.rows[0]!.placements
    expect(row.expected).toBeCloseTo(2 + 116 / 31, 10)
    expect(row.target).toBeCloseTo(2 + 348 / 31, 10)
    expect(row).toMatchObject({ actual: 6, ratio: 1.044, status: "on-track" })
  })

  it("lists a counselor with counts but no target without a pace", () => {
    const figure = Either.getOrThrow(CounselorResults.make({
      year: 2016,
      period: "month",
      asOf: d("2016-03-31"),
      counts: [counts("k9", 3)],
      targets
    }))
    expect(figure.rows.map((r) => r.counselorId)).toEqual(["k1", "k2", "k3", "k9"])
    expect(figure.rows[3]?.placements).toEqual({ actual: 3, target: undefined, expected: undefined, ratio: undefined, status: undefined })
    expect(figure.total.placements.actual).toBe(3)
    expect(figure.total.placements.status).toBe("behind")
  })

  it("prints counselor names and the pace status in Korean", () => {
    const figure = Either.getOrThrow(CounselorResults.make({
      year: 2016,
      period: "month",
      asOf: d("2016-03-31"),
      counts: [counts("k1", 60)],
      targets: [targets[0]!]
    }))
    const table = CounselorResults.table(figure, { names: { k1: "김지현" } })
    expect(table.rows[0]?.cells).toMatchObject({ counselor: "김지현", placementsActual: 60, placementsStatus: { ko: "정상", en: "On track" } })
    expect(table.rows[1]).toMatchObject({ total: true, cells: { counselor: { ko: "합계", en: "Total" } } })
  })

  it("per-counselor results add up to the center's (property)", () => {
    const counselor = fc.constantFrom("k1", "k2", "k3").map(k)
    const day = fc.integer({ min: 0, max: 120 }).map((n) => {
      const t = new Date(Date.UTC(2016, 0, 1 + n))
      return d(t.toISOString().slice(0, 10))
    })
    fc.assert(
      fc.property(
        fc.array(fc.record({ heldOn: day, counselorId: counselor, seekerId: fc.constant("s") }), { maxLength: 60 }),
        fc.array(fc.record({ startOn: day, counselorId: counselor, seekerId: fc.constant("s"), countsForCenter: fc.boolean() }), { maxLength: 40 }),
        fc.tuple(day, day),
        (counselings, placements, [a, b]) => {
          const period: Period.Period = { from: a < b ? a : b, to: a < b ? b : a }
          const center = Aggregate.monthly(period, { seekers: [], openings: [], counselings, placements })
          const perCounselor = Aggregate.byCounselor(period, { counselings, referrals: [], placements })
          const sum = <K extends "placements" | "counseling" | "selfFound">(rows: ReadonlyArray<Record<K, number>>, key: K) =>
            rows.reduce((n, r) => n + r[key], 0)
          expect(sum(perCounselor, "placements")).toBe(sum(center, "placements"))
          expect(sum(perCounselor, "counseling")).toBe(sum(center, "counseling"))
          expect(sum(perCounselor, "selfFound")).toBe(sum(center, "selfFound"))
          // …and the figure's total row is the sum of its rows.
          const figure = Either.getOrThrow(CounselorResults.make({
            year: 2016,
            period: "month",
            asOf: d("2016-03-31"),
            counts: perCounselor,
            targets: Either.getOrThrow(CounselorResults.equalTargets({ placements: 300, counseling: 900 }, ["k1", "k2", "k3"] as Array<Ids.CounselorId>))
          }))
          expect(figure.total.placements.actual).toBe(sum(center, "placements"))
          // The total's target is the sum of the counselors' month targets. It may differ from the
          // center's own March target (each split rounds separately): 3 × 9 here, against 25.
          expect(figure.total.placements.target).toBe(figure.rows.reduce((n, r) => n + (r.placements.target ?? 0), 0))
          expect(figure.total.placements.target).toBe(27)
          expect(Either.getOrThrow(Targets.splitByMonth(300))[2]).toBe(25)
        }
      )
    )
  })
})
