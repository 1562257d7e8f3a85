import { describe, expect, it } from "@effect/vitest"
import { Targets } from "@iljari/core"
import { Either } from "effect"
import * as CenterResults from "../src/CenterResults.js"
import type { MonthCounts } from "../src/ReportSource.js"
import { d } from "@iljari/test-support/report/fixtures"

// The seeds' 2016 targets, with a counseling target of 16,600.
const targets = { openings: 2_800, seekers: 6_930, placements: 2_060, counseling: 16_600 }

const m = (month: string, openings: number, seekers: number, placements: number, selfFound: number, counseling: number): MonthCounts => ({
  month,
  openings,
  seekers,
  placements,
  selfFound,
  counseling
})

const firstQuarter = [
  m("2016-01", 220, 560, 150, 12, 1_300),
  m("2016-02", 240, 600, 180, 9, 1_420),
  m("2016-03", 251, 590, 172, 20, 1_384),
  m("2015-12", 999, 999, 999, 999, 999) // another year: ignored
]

describe("CenterResults.month", () => {
  it("puts March 2016 against its monthly target, the year to date and the year (counted by hand)", () => {
    const figure = Either.getOrThrow(CenterResults.month({ year: 2016, month: 3, counts: firstQuarter, targets }))
    // Monthly targets: 2,800 → 234 for Jan–Apr; 6,930 → 578 for Jan–Jun; 2,060 → 172 for Jan–Aug; 16,600 → 1,384 for Jan–Apr.
    expect(figure.lines).toEqual([
      {
        metric: "openings",
        monthTarget: 234,
        monthActual: 251,
        monthRate: 1.072,
        yearToDateTarget: 702,
        yearToDateActual: 711,
        yearToDateRate: 1.012,
        annualTarget: 2_800,
        annualProgress: 0.253
      },
      {
        metric: "seekers",
        monthTarget: 578,
        monthActual: 590,
        monthRate: 1.02,
        yearToDateTarget: 1_734,
        yearToDateActual: 1_750,
        yearToDateRate: 1.009,
        annualTarget: 6_930,
        annualProgress: 0.252
      },
      {
        metric: "placements",
        monthTarget: 172,
        monthActual: 172,
        monthRate: 1,
        yearToDateTarget: 516,
        yearToDateActual: 502,
        yearToDateRate: 0.972,
        annualTarget: 2_060,
        annualProgress: 0.243
      },
      {
        metric: "counseling",
        monthTarget: 1_384,
        monthActual: 1_384,
        monthRate: 1,
        yearToDateTarget: 4_152,
        yearToDateActual: 4_104,
        yearToDateRate: 0.988,
        annualTarget: 16_600,
        annualProgress: 0.247
      }
    ])
    // Self-found placements are reported apart and never added in.
    expect(figure.selfFound).toEqual({ month: 20, yearToDate: 41 })
  })

  it("gives no rate for a metric without a target, and counts a missing month as 0", () => {
    const figure = Either.getOrThrow(CenterResults.month({ year: 2016, month: 4, counts: firstQuarter, targets: { placements: 2_060 } }))
    expect(figure.lines.find((l) => l.metric === "openings")).toMatchObject({ monthTarget: undefined, monthRate: undefined, monthActual: 0, yearToDateActual: 711 })
    expect(figure.lines.find((l) => l.metric === "placements")).toMatchObject({ monthTarget: 172, monthActual: 0, monthRate: 0, yearToDateTarget: 688 })
  })

  it("refuses a target that is not a whole number", () => {
    expect(Either.isLeft(CenterResults.month({ year: 2016, month: 3, counts: [], targets: { placements: 20.5 } }))).toBe(true)
  })

  it("prints the month's table: one row per metric, the self-found note", () => {
    const table = CenterResults.monthTable(Either.getOrThrow(CenterResults.month({ year: 2016, month: 3, counts: firstQuarter, targets })))
    expect(table.title.ko).toBe("센터 실적 2016년 3월")
    expect(table.rows.map((r) => r.cells["monthRate"])).toEqual([1.072, 1.02, 1, 1])
    expect(table.notes?.[0]?.ko).toContain("본인 구직(자체취업) 20명(누계 41명)은 실적에서 제외")
  })
})

describe("CenterResults.year", () => {
  it("adds up to the seeds' 2015 results: 2,664 openings, 6,594 seekers, 1,963 placements, 15,816 sessions", () => {
    // The 2015 year spread over its months: 222 × 12; 549 × 6 + 550 × 6; 164 × 7 + 163 × 5; 1,318 × 12.
    const counts = Array.from({ length: 12 }, (_, i) =>
      m(`2015-${String(i + 1).padStart(2, "0")}`, 222, i < 6 ? 549 : 550, i < 7 ? 164 : 163, 3, 1_318))
    const figure = Either.getOrThrow(CenterResults.year({ year: 2015, counts, targets: {} }))
    expect(figure.total.actual).toEqual({ openings: 2_664, seekers: 6_594, placements: 1_963, counseling: 15_816 })
    expect(figure.total.selfFound).toBe(36)
    const table = CenterResults.yearTable(figure)
    // No targets: actual columns only.
    expect(table.columns.map((c) => c.key)).toEqual(["month", "openingsActual", "seekersActual", "placementsActual", "counselingActual", "selfFound"])
    expect(table.rows[12]).toMatchObject({ total: true, cells: { openingsActual: 2_664, placementsActual: 1_963 } })
  })

  it("puts each month against its target and the year against the annual target", () => {
    const figure = Either.getOrThrow(CenterResults.year({ year: 2016, counts: firstQuarter, targets }))
    expect(figure.months[2]).toMatchObject({ month: 3, actual: { placements: 172 }, target: { placements: 172 }, rate: { placements: 1 } })
    expect(figure.months[8]).toMatchObject({ month: 9, actual: { placements: 0 }, target: { placements: 171 }, rate: { placements: 0 } })
    expect(figure.total).toMatchObject({ actual: { openings: 711 }, target: { openings: 2_800 }, rate: { openings: 0.253 } })
    // The twelve monthly targets add up to the annual one.
    expect(figure.months.reduce((n, r) => n + (r.target.seekers ?? 0), 0)).toBe(6_930)
  })
})

describe("CenterResults.pace", () => {
  it("reads the center's week to date with Targets.pace", () => {
    const lines = Either.getOrThrow(CenterResults.pace({
      year: 2016,
      period: "month",
      asOf: d("2016-03-31"),
      actual: { openings: 0, seekers: 0, placements: 500, counseling: 0 },
      targets: { placements: 2_060 }
    }))
    const placements = lines.find((l) => l.metric === "placements")!
    const direct = Targets.pace(Either.getOrThrow(Targets.schedule(2016, 2_060)), "month", d("2016-03-31"), 500)
    expect(placements.pace).toEqual(direct)
    expect(placements.pace?.expected).toBe(172)
    expect(placements.ratio).toBe(2.906) // 500 ÷ 172 = 2.9069…
    expect(lines.find((l) => l.metric === "openings")?.pace).toBeUndefined()
  })
})
