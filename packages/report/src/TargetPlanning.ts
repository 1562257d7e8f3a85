/**
 * The use case behind "plan next year's targets": a district's results of
 * the year before, counted by its {@link ReportSource} (a `GROUP BY` in the
 * database), grown by a rate and rounded (core's `Targets.plan`), each target
 * split into twelve months that sum to it (`Targets.splitByMonth`), beside
 * the targets the district works to today. An HTTP handler only decodes the
 * query, calls {@link planFromLastYear} and maps its errors.
 *
 * The plan is aggregate figures of one district: it names no person.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { TargetPlanning } from "@iljari/report"
 *
 * const next = TargetPlanning.planFromLastYear(Ids.DistrictId.make("11200"), { year: 2027 })
 * ```
 *
 * @since 0.3.0
 * @module
 */
import { type Errors, type Ids, Targets } from "@iljari/core"
import { Effect } from "effect"
import { metricLabel } from "./CenterResults.js"
import type { CounselorTarget } from "./CounselorResults.js"
import { growthRemark } from "./Disclosure.js"
import * as Period from "./Period.js"
import { ReportSource } from "./ReportSource.js"
import type * as Table from "./Table.js"

/**
 * The growth over last year's results a plan assumes when none is given, in
 * percent.
 *
 * @since 0.3.0
 * @category defaults
 */
export const defaultGrowthPercent = 5

/**
 * What a district asks for: the year to plan, the growth in percent
 * (default {@link defaultGrowthPercent}), the unit each target is rounded to
 * (nearest; default 1) and the targets it works to today, shown beside the
 * plan.
 *
 * @since 0.3.0
 * @category models
 */
export interface PlanQuery {
  readonly year: number
  readonly growthPercent?: number | undefined
  readonly roundTo?: number | undefined
  readonly current?: Targets.MetricCounts | undefined
}

/**
 * One metric of the plan: last year's count, the exact grown figure, the
 * target, its monthly average and its twelve months, and today's target
 * when the district has one.
 *
 * @since 0.3.0
 * @category models
 */
export interface PlannedLine {
  readonly metric: Targets.Metric
  readonly baseline: number
  readonly exact: number
  readonly target: number
  readonly monthlyAverage: number
  readonly months: ReadonlyArray<number>
  readonly current?: number
}

/**
 * @since 0.3.0
 * @category models
 */
export interface PlannedYear {
  readonly year: number
  readonly baselineYear: number
  readonly growthPercent: number
  readonly lines: ReadonlyArray<PlannedLine>
}

/**
 * Plans `query.year` for a district from its results of the year before.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { TargetPlanning } from "@iljari/report"
 *
 * // 2027's targets: 2026's results grown by 5%, rounded to tens.
 * const plan = TargetPlanning.planFromLastYear(Ids.DistrictId.make("11200"), { year: 2027, growthPercent: 5, roundTo: 10 })
 * ```
 *
 * @since 0.3.0
 * @category use cases
 */
export const planFromLastYear = (
  districtId: Ids.DistrictId,
  query: PlanQuery
): Effect.Effect<PlannedYear, Targets.InvalidPlan | Targets.InvalidSplit | Errors.PersistenceError, ReportSource> =>
  Effect.gen(function*() {
    const baselineYear = query.year - 1
    const source = yield* ReportSource
    const months = yield* source.monthly(districtId, Period.year(baselineYear))
    const baseline = Object.fromEntries(
      Targets.allMetrics.map((metric) => [metric, months.reduce((n, m) => n + m[metric], 0)])
    ) as Targets.MetricCounts
    const growthPercent = query.growthPercent ?? defaultGrowthPercent
    const plan = yield* Targets.plan({
      year: query.year,
      growthPercent,
      baseline,
      rounding: { mode: "nearest", unit: query.roundTo ?? 1 }
    })
    const lines = yield* Effect.forEach(plan.lines, (line) =>
      Effect.map(Targets.splitByMonth(line.target), (months): PlannedLine => {
        const current = query.current?.[line.metric]
        return {
          metric: line.metric,
          baseline: line.baseline,
          exact: line.exact,
          target: line.target,
          monthlyAverage: line.monthlyAverage,
          months,
          ...(current === undefined ? {} : { current })
        }
      }))
    return { year: plan.year, baselineYear, growthPercent, lines }
  })

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

const count = (key: string, label: Table.Label): Table.Column => ({ key, label, kind: "count" })

/**
 * The plan as a table: one row per metric, last year's result beside the
 * target it grows into, its monthly average and the target the district
 * works to today.
 *
 * @example
 * ```ts
 * import { TargetPlanning } from "@iljari/report"
 *
 * declare const planned: TargetPlanning.PlannedYear
 * const table = TargetPlanning.table(planned)
 * ```
 *
 * @since 0.3.0
 * @category tables
 */
export const table = (planned: PlannedYear): Table.Table => {
  const growth = growthRemark(planned.baselineYear, planned.growthPercent)
  return {
    id: `plan-${planned.year}`,
    title: { ko: `${planned.year}년 목표 계획 (${growth.ko})`, en: `Targets for ${planned.year} (${growth.en})` },
    columns: [
      { key: "metric", label: { ko: "구분", en: "Metric" }, kind: "text" },
      count("baseline", { ko: `${planned.baselineYear}년 실적`, en: `${planned.baselineYear} results` }),
      count("target", { ko: `${planned.year}년 목표`, en: `${planned.year} target` }),
      count("monthlyAverage", { ko: "월평균", en: "Monthly average" }),
      count("current", { ko: "현재 목표", en: "Current target" })
    ],
    rows: planned.lines.map((line) => ({
      cells: {
        metric: metricLabel(line.metric),
        baseline: line.baseline,
        target: line.target,
        monthlyAverage: line.monthlyAverage,
        current: line.current
      }
    })),
    notes: [{
      ko: `목표 = ${planned.baselineYear}년 실적 × ${(100 + planned.growthPercent) / 100}. 월평균 = 연간 목표 ÷ 12 (내림).`,
      en: `Target = ${planned.baselineYear} results × ${(100 + planned.growthPercent) / 100}. Monthly average = annual target ÷ 12 (rounded down).`
    }],
    chart: {
      kind: "bar",
      category: "metric",
      series: ["baseline", "target"],
      title: { ko: "전년 실적과 목표", en: "Last year's results and the target" }
    }
  }
}

/**
 * The plan's twelve months as a table: one row per month (and the year's
 * total), one column per metric; each column adds up to its annual target.
 *
 * @example
 * ```ts
 * import { TargetPlanning } from "@iljari/report"
 *
 * declare const planned: TargetPlanning.PlannedYear
 * const months = TargetPlanning.monthsTable(planned)
 * ```
 *
 * @since 0.3.0
 * @category tables
 */
export const monthsTable = (planned: PlannedYear): Table.Table => ({
  id: `plan-${planned.year}-months`,
  title: { ko: `${planned.year}년 월별 목표`, en: `Targets for ${planned.year} by month` },
  columns: [
    { key: "month", label: { ko: "월", en: "Month" }, kind: "text" },
    ...planned.lines.map((line) => count(line.metric, metricLabel(line.metric)))
  ],
  rows: [
    ...Array.from({ length: 12 }, (_, i) => ({
      cells: {
        month: Period.monthName(i + 1),
        ...Object.fromEntries(planned.lines.map((line) => [line.metric, line.months[i]]))
      }
    })),
    {
      cells: { month: { ko: "합계", en: "Total" }, ...Object.fromEntries(planned.lines.map((line) => [line.metric, line.target])) },
      total: true
    }
  ],
  chart: {
    kind: "line",
    category: "month",
    series: planned.lines.filter((line) => line.metric === "placements" || line.metric === "seekers").map((line) => line.metric),
    title: { ko: "월별 목표 (구직·취업)", en: "Monthly targets (seekers, placements)" }
  }
})

/**
 * The plan shared among counselors (`CounselorResults.equalTargets` or any
 * other split): one row per counselor with their annual targets for the
 * metrics a counselor is paced on, and the plan's total. `names` maps
 * counselor ids to the names printed.
 *
 * @example
 * ```ts
 * import { TargetPlanning, type CounselorResults } from "@iljari/report"
 *
 * declare const planned: TargetPlanning.PlannedYear
 * declare const shares: ReadonlyArray<CounselorResults.CounselorTarget>
 * const byCounselor = TargetPlanning.counselorTable(planned, shares, { "counselor-01": "박상담" })
 * ```
 *
 * @since 0.3.0
 * @category tables
 */
export const counselorTable = (
  planned: PlannedYear,
  shares: ReadonlyArray<CounselorTarget>,
  names: Readonly<Record<string, string>> = {}
): Table.Table => {
  const total = (metric: Targets.Metric) => planned.lines.find((line) => line.metric === metric)?.target
  return {
    id: `plan-${planned.year}-counselors`,
    title: { ko: `${planned.year}년 상담사별 목표`, en: `Targets for ${planned.year} by counselor` },
    columns: [
      { key: "counselor", label: { ko: "상담사", en: "Counselor" }, kind: "text" },
      count("counseling", metricLabel("counseling")),
      count("placements", metricLabel("placements"))
    ],
    rows: [
      ...shares.map((share) => ({
        cells: {
          counselor: names[share.counselorId] ?? share.counselorId,
          counseling: share.targets.counseling,
          placements: share.targets.placements
        }
      })),
      { cells: { counselor: { ko: "합계", en: "Total" }, counseling: total("counseling"), placements: total("placements") }, total: true }
    ],
    notes: [{
      ko: "연간 목표를 상담사 수로 나눈 값 (나머지는 큰 소수부 순으로 배분).",
      en: "The annual targets shared among the counselors (remainders to the largest fractions)."
    }]
  }
}
