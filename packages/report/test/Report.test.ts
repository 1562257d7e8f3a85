import { describe, expect, it } from "@effect/vitest"
import { Ids } from "@iljari/core"
import { Effect } from "effect"
import * as Report from "../src/Report.js"
import type * as Table from "../src/Table.js"
import { A, d } from "@iljari/test-support/report/fixtures"
import { fixtureSource, marchReport, targets } from "./report.js"

const find = (report: Report.Report, id: string): Table.Table => {
  const table = report.tables.find((t) => t.id === id)
  if (table === undefined) throw new Error(`no table ${id} in ${report.tables.map((t) => t.id).join(", ")}`)
  return table
}
const row = (table: Table.Table, key: string, ko: string) =>
  table.rows.find((r) => {
    const cell = r.cells[key]
    return typeof cell === "object" ? cell.ko === ko : cell === ko
  })?.cells

describe("Report.monthly", () => {
  it.effect("assembles March 2016 from the source, every figure as counted by hand", () =>
    Effect.gen(function*() {
      const report = yield* marchReport
      expect(report.title.ko).toBe("성동구 일자리센터 2016년 3월 실적 보고")
      expect(report.asOf).toBe("2016-03-31")
      expect(report.tables.map((t) => t.id)).toEqual([
        "center-month",
        "counselors-month",
        "follow-up",
        "target-groups",
        "mismatch-occupation",
        "job-fairs",
        "findings-by-rule",
        "findings-by-counselor",
        "findings",
        "budget",
        "target-disclosure"
      ])
      // March against 2 a month; the year to date against 6, 9, 6 and 12.
      expect(report.highlights.map((h) => [h.label.ko, h.actual, h.target, h.rate])).toEqual([
        ["구인(건)", 2, 2, 1],
        ["구직(명)", 3, 3, 1],
        ["취업(명)", 2, 2, 1],
        ["상담(건)", 4, 4, 1]
      ])
      const center = find(report, "center-month")
      expect(row(center, "metric", "구직(명)")).toMatchObject({ ytdTarget: 9, ytdActual: 4, ytdRate: 0.444 })
      expect(row(center, "metric", "상담(건)")).toMatchObject({ ytdTarget: 12, ytdActual: 5, ytdRate: 0.416, annualProgress: 0.104 })
      expect(center.notes?.[0]?.ko).toContain("자체취업) 1명(누계 1명)")
      // Counselors: 24 placements and 48 sessions split equally: 12 and 24 each, 1 and 2 for March.
      const counselors = find(report, "counselors-month")
      expect(row(counselors, "counselor", "김지현")).toMatchObject({
        counselingActual: 2,
        counselingExpected: 2,
        counselingRatio: 1,
        referrals: 1,
        placementsActual: 2,
        placementsExpected: 1,
        placementsRatio: 2,
        placementsStatus: { ko: "초과" }
      })
      expect(row(counselors, "counselor", "이서준")).toMatchObject({ placementsActual: 0, placementsRatio: 0, selfFound: 1 })
      // Follow-up read at month end: k1 1 on time, 1 late, 2 overdue; k2 1 on time, 1 overdue, 1 cancelled.
      const followUp = find(report, "follow-up")
      expect(row(followUp, "counselor", "김지현")).toMatchObject({ due: 4, onTime: 1, late: 1, overdue: 2, rate: 0.25 })
      expect(row(followUp, "counselor", "이서준")).toMatchObject({ due: 3, onTime: 1, overdue: 1, cancelled: 1, rate: 0.5 })
      expect(row(followUp, "counselor", "합계")).toMatchObject({ onTime: 2, late: 1, overdue: 3, rate: 0.333 })
      const groups = find(report, "target-groups")
      expect(row(groups, "group", "청년")).toMatchObject({ seekers: 2, seekerShare: 0.666, placements: 1, placementShare: 0.5 })
      expect(row(find(report, "budget"), "unitProject", "계")).toMatchObject({ budget: 3_249_090, spent: 2_227_790, rate: 0.685 })
      expect(row(find(report, "job-fairs"), "name", "합계 (2회)")).toMatchObject({ invited: 70, attended: 47, hired: 7 })
      // The disclosure carries this year's results so far: 3 openings, 4 seekers, 3 placements.
      expect(row(find(report, "target-disclosure"), "row", "2016년 실적 (~03.31)")).toMatchObject({
        openings: 3,
        seekers: 4,
        placements: 3,
        placementsRate: 0.001
      })
    }))

  it.effect("reads overdue follow-ups as of the day given", () =>
    Effect.gen(function*() {
      const report = yield* Report.monthly({ districtId: A, year: 2016, month: 3, targets, asOf: d("2016-03-20") }).pipe(
        Effect.provide(fixtureSource)
      )
      expect(report.tables.map((t) => t.id)).toEqual(["center-month", "counselors-month", "follow-up", "target-groups"])
      expect(find(report, "follow-up").rows.at(-1)?.cells).toMatchObject({ onTime: 2, late: 1, overdue: 1, pending: 2, rate: 0.5 })
    }))
})

describe("Report.weekly", () => {
  it.effect("reads the week from Monday to the day given", () =>
    Effect.gen(function*() {
      const report = yield* Report.weekly({ districtId: A, year: 2016, asOf: d("2016-03-02"), targets }).pipe(Effect.provide(fixtureSource))
      expect(report.period).toEqual({ from: "2016-02-29", to: "2016-03-06" })
      // Feb 29 – Mar 2: o1 opened Mar 1, s1 registered Mar 1 (Korea), c1 and c2 held Mar 2.
      expect(report.highlights.map((h) => h.actual)).toEqual([1, 1, 0, 2])
      expect(report.tables.map((t) => t.id)).toEqual(["center-week-pace", "counselors-week", "follow-up"])
      const counselors = report.tables[1]!
      expect(counselors.rows.map((r) => r.cells["counselor"])).toEqual(["k1", { ko: "합계", en: "Total" }])
    }))
})

describe("Report.annual", () => {
  it.effect("lays the year out month by month", () =>
    Effect.gen(function*() {
      const report = yield* Report.annual({ districtId: A, year: 2016, targets }).pipe(Effect.provide(fixtureSource))
      const year = find(report, "center-year")
      expect(year.rows).toHaveLength(13)
      // 2016: o1–o4; s1–s5 (s4 on April 1 in Korea); p1, p2, p4 count, p3 is self-found.
      expect(year.rows[12]?.cells).toMatchObject({
        openingsActual: 4,
        openingsTarget: 24,
        seekersActual: 5,
        placementsActual: 3,
        counselingActual: 6,
        selfFound: 1
      })
      expect(year.rows[3]?.cells).toMatchObject({ month: { ko: "4월" }, openingsActual: 1, seekersActual: 1, counselingActual: 1 })
    }))
})

describe("Report.targets", () => {
  const review = (extra: Partial<Report.TargetsRequest> = {}) =>
    Report.targets({
      districtId: A,
      year: 2016,
      asOf: d("2016-03-31"),
      targets,
      names: { k1: "김지현", k2: "이서준" },
      plan: { year: 2017, growthPercent: 100 },
      ...extra
    }).pipe(Effect.provide(fixtureSource))

  it.effect("paces the week, month and year, projects the year-end and plans the next year from this one (counted by hand)", () =>
    Effect.gen(function*() {
      const report = yield* review()
      expect(report.tables.map((t) => t.id)).toEqual([
        "center-week-pace",
        "center-month-pace",
        "center-year-pace",
        "center-projection",
        "counselors-week",
        "counselors-month",
        "plan-2017",
        "plan-2017-months",
        "plan-2017-counselors"
      ])
      // The year to date against the annual targets: 3 openings, 4 seekers, 3 placements, 5 sessions.
      expect(report.highlights.map((h) => [h.label.ko, h.actual, h.target])).toEqual([
        ["구인(건)", 3, 24],
        ["구직(명)", 4, 36],
        ["취업(명)", 3, 24],
        ["상담(건)", 5, 48]
      ])
      // By March 31 the year expects 6 placements: 3 of them is behind, heading for 3 × 24 ÷ 6 = 12.
      expect(row(find(report, "center-year-pace"), "metric", "취업(명)")).toMatchObject({ expected: 6, actual: 3, ratio: 0.5, status: { ko: "미달" } })
      expect(row(find(report, "center-projection"), "metric", "취업(명)")).toMatchObject({
        target: 24,
        actual: 3,
        projected: 12,
        gap: -12,
        ratio: 0.5,
        status: { ko: "미달" }
      })
      expect(row(find(report, "center-projection"), "metric", "상담(건)")).toMatchObject({ projected: 20 })
      // A quiet week still paces every counselor of the year: at nothing against their share.
      expect(find(report, "counselors-week").rows.map((r) => [r.cells["counselor"], r.cells["placementsActual"]])).toEqual([
        ["김지현", 0],
        ["이서준", 0],
        [{ ko: "합계", en: "Total" }, 0]
      ])
      // 2016's results doubled: 8 openings, 10 seekers, 6 placements, 12 sessions; twelve months that sum to each.
      const plan = find(report, "plan-2017")
      expect(row(plan, "metric", "취업(명)")).toMatchObject({ baseline: 3, target: 6, current: 24 })
      expect(row(plan, "metric", "상담(건)")).toMatchObject({ baseline: 6, target: 12, monthlyAverage: 1 })
      const months = find(report, "plan-2017-months")
      expect(months.rows).toHaveLength(13)
      expect(months.rows.slice(0, 12).reduce((n, r) => n + (r.cells["placements"] as number), 0)).toBe(6)
      // Shared equally between the two counselors of 2016.
      expect(find(report, "plan-2017-counselors").rows.map((r) => [r.cells["counselor"], r.cells["placements"], r.cells["counseling"]])).toEqual([
        ["김지현", 3, 6],
        ["이서준", 3, 6],
        [{ ko: "합계", en: "Total" }, 6, 12]
      ])
    }))

  it.effect("gives a counselor the center's figures and their own rows only", () =>
    Effect.gen(function*() {
      const everyone = yield* review()
      const own = yield* review({ counselorId: Ids.CounselorId.make("k1") })
      for (const id of ["counselors-week", "counselors-month", "plan-2017-counselors"]) {
        expect(find(own, id).rows.map((r) => r.cells["counselor"])).toEqual(["김지현"])
      }
      // Their own row is the one the manager sees.
      expect(row(find(own, "counselors-month"), "counselor", "김지현")).toEqual(row(find(everyone, "counselors-month"), "counselor", "김지현"))
      expect(find(own, "center-projection")).toEqual(find(everyone, "center-projection"))
    }))
})
