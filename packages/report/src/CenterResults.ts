/**
 * The center's results against its targets (목표 대비 실적): openings 구인,
 * seekers 구직, placements 취업 and counseling 상담, for a month (with the
 * year to date and the progress toward the annual target) and for a year
 * (month by month). Monthly targets are the annual target split with
 * `Targets.splitByMonth`, so twelve months add up to the year.
 *
 * Pure: it takes monthly counts (from a `ReportSource`) and the annual
 * targets; placements are those that count for the center, and the
 * self-found ones are reported apart, never added in.
 *
 * @example
 * ```ts
 * import { CenterResults, type Counts } from "@iljari/report"
 *
 * declare const counts: ReadonlyArray<Counts.MonthCounts> // from the ReportSource
 * const may = CenterResults.month({
 *   year: 2026,
 *   month: 5,
 *   counts,
 *   targets: { seekers: 2400, counseling: 6000, openings: 1800, placements: 960 }
 * })
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { type LocalDate, Rounding, Targets } from "@iljari/core"
import { Either } from "effect"
import * as Period from "./Period.js"
import * as Rate from "./Rate.js"
import type { MonthCounts } from "./Counts.js"
import type * as Table from "./Table.js"

/**
 * One metric of a month against its targets.
 *
 * @since 0.1.0
 * @category models
 */
export interface MonthLine {
  readonly metric: Targets.Metric
  /** The month's share of the annual target, or `undefined` without one. */
  readonly monthTarget: number | undefined
  readonly monthActual: number
  /** `monthActual ÷ monthTarget`, rounded by the policy. */
  readonly monthRate: number | undefined
  /** The targets of January to the month. */
  readonly yearToDateTarget: number | undefined
  readonly yearToDateActual: number
  readonly yearToDateRate: number | undefined
  readonly annualTarget: number | undefined
  /** `yearToDateActual ÷ annualTarget`: how much of the year's target is done. */
  readonly annualProgress: number | undefined
}

/**
 * A month's results.
 *
 * @since 0.1.0
 * @category models
 */
export interface Month {
  readonly year: number
  readonly month: number
  readonly lines: ReadonlyArray<MonthLine>
  /** Placements the seekers found alone, left out of the placements above. */
  readonly selfFound: { readonly month: number; readonly yearToDate: number }
}

/**
 * A request for a month's or a year's figure.
 *
 * @since 0.1.0
 * @category models
 */
export interface Request {
  readonly year: number
  /** Counts per month; months of other years are ignored, missing ones count 0. */
  readonly counts: ReadonlyArray<MonthCounts>
  /** The annual targets (e.g. a `Targets.plan`'s); a metric without one gets no rate. */
  readonly targets: Targets.MetricCounts
  /** How the annual targets are split into months; default `Targets.equalMonths`. */
  readonly weights?: Targets.MonthWeights
  readonly rounding?: Rounding.Rounding
}

const monthOf = (counts: ReadonlyArray<MonthCounts>, year: number, month: number) => {
  const key = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`
  return counts.find((c) => c.month === key)
}

const actualOf = (counts: MonthCounts | undefined, metric: Targets.Metric): number => counts?.[metric] ?? 0

const monthlyTargets = (
  targets: Targets.MetricCounts,
  weights: Targets.MonthWeights | undefined
): Either.Either<Partial<Record<Targets.Metric, ReadonlyArray<number>>>, Targets.InvalidSplit> =>
  Either.gen(function*() {
    const result: Partial<Record<Targets.Metric, ReadonlyArray<number>>> = {}
    for (const metric of Targets.allMetrics) {
      const annual = targets[metric]
      if (annual !== undefined) result[metric] = yield* Targets.splitByMonth(annual, weights)
    }
    return result
  })

const sum = (values: ReadonlyArray<number>) => values.reduce((a, b) => a + b, 0)

/**
 * A month's results against its targets, the year to date and the year.
 * Fails with `InvalidSplit` when a target is not a whole number ≥ 0 or the
 * month weights are unusable.
 *
 * @since 0.1.0
 * @category figures
 */
export const month = (request: Request & { readonly month: number }): Either.Either<Month, Targets.InvalidSplit> =>
  Either.map(monthlyTargets(request.targets, request.weights), (split) => {
    const { month, year } = request
    const rounding = request.rounding ?? Rate.defaultRounding
    const counts = Array.from({ length: month }, (_, i) => monthOf(request.counts, year, i + 1))
    const lines = Targets.allMetrics.map((metric): MonthLine => {
      const months = split[metric]
      const monthTarget = months?.[month - 1]
      const yearToDateTarget = months === undefined ? undefined : sum(months.slice(0, month))
      const annualTarget = request.targets[metric]
      const monthActual = actualOf(counts[month - 1], metric)
      const yearToDateActual = sum(counts.map((c) => actualOf(c, metric)))
      const rate = (n: number, target: number | undefined) => (target === undefined ? undefined : Rate.rate(n, target, rounding))
      return {
        metric,
        monthTarget,
        monthActual,
        monthRate: rate(monthActual, monthTarget),
        yearToDateTarget,
        yearToDateActual,
        yearToDateRate: rate(yearToDateActual, yearToDateTarget),
        annualTarget,
        annualProgress: rate(yearToDateActual, annualTarget)
      }
    })
    return {
      year,
      month,
      lines,
      selfFound: { month: counts[month - 1]?.selfFound ?? 0, yearToDate: sum(counts.map((c) => c?.selfFound ?? 0)) }
    }
  })

/**
 * One month of a year's figure.
 *
 * @since 0.1.0
 * @category models
 */
export interface YearRow {
  readonly month: number
  readonly actual: Readonly<Record<Targets.Metric, number>>
  readonly target: Partial<Readonly<Record<Targets.Metric, number>>>
  readonly rate: Partial<Readonly<Record<Targets.Metric, number | undefined>>>
  readonly selfFound: number
}

/**
 * A year month by month, with the year's total against the annual targets.
 *
 * @since 0.1.0
 * @category models
 */
export interface Year {
  readonly year: number
  readonly months: ReadonlyArray<YearRow>
  readonly total: YearRow
}

/**
 * A year's results month by month against the monthly targets, and the
 * total against the annual targets.
 *
 * @since 0.1.0
 * @category figures
 */
export const year = (request: Request): Either.Either<Year, Targets.InvalidSplit> =>
  Either.map(monthlyTargets(request.targets, request.weights), (split) => {
    const rounding = request.rounding ?? Rate.defaultRounding
    const row = (month: number, counts: MonthCounts | undefined): YearRow => {
      const actual = Object.fromEntries(Targets.allMetrics.map((m) => [m, actualOf(counts, m)])) as Record<Targets.Metric, number>
      const target: Partial<Record<Targets.Metric, number>> = {}
      const rate: Partial<Record<Targets.Metric, number | undefined>> = {}
      for (const metric of Targets.allMetrics) {
        const t = split[metric]?.[month - 1]
        if (t === undefined) continue
        target[metric] = t
        rate[metric] = Rate.rate(actual[metric], t, rounding)
      }
      return { month, actual, target, rate, selfFound: counts?.selfFound ?? 0 }
    }
    const months = Array.from({ length: 12 }, (_, i) => row(i + 1, monthOf(request.counts, request.year, i + 1)))
    const actual = Object.fromEntries(
      Targets.allMetrics.map((m) => [m, sum(months.map((r) => r.actual[m]))])
    ) as Record<Targets.Metric, number>
    const target: Partial<Record<Targets.Metric, number>> = {}
    const rate: Partial<Record<Targets.Metric, number | undefined>> = {}
    for (const metric of Targets.allMetrics) {
      const t = request.targets[metric]
      if (t === undefined) continue
      target[metric] = t
      rate[metric] = Rate.rate(actual[metric], t, rounding)
    }
    return { year: request.year, months, total: { month: 0, actual, target, rate, selfFound: sum(months.map((r) => r.selfFound)) } }
  })

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

const metricHeader: Record<Targets.Metric, Table.Label> = {
  openings: { ko: "구인(건)", en: "Openings" },
  seekers: { ko: "구직(명)", en: "Seekers" },
  placements: { ko: "취업(명)", en: "Placements" },
  counseling: { ko: "상담(건)", en: "Counseling" }
}

/**
 * A metric's name with its unit, as table headers print it: `취업(명)`.
 *
 * @since 0.1.0
 * @category tables
 */
export const metricLabel = (metric: Targets.Metric): Table.Label => metricHeader[metric]

const col = (key: string, ko: string, en: string, kind: Table.ColumnKind, decimals?: number): Table.Column =>
  decimals === undefined ? { key, label: { ko, en }, kind } : { key, label: { ko, en }, kind, decimals }

/**
 * A month's figure as a table: one row per metric.
 *
 * @since 0.1.0
 * @category tables
 */
export const monthTable = (figure: Month, rounding: Rounding.Rounding = Rate.defaultRounding): Table.Table => {
  const p = Rounding.decimalsOf(rounding)
  return {
    id: "center-month",
    title: { ko: `센터 실적 ${figure.year}년 ${figure.month}월`, en: `Center results, ${Period.monthName(figure.month).en} ${figure.year}` },
    columns: [
      col("metric", "구분", "Metric", "text"),
      col("monthTarget", "월 목표", "Month target", "count"),
      col("monthActual", "월 실적", "Month actual", "count"),
      col("monthRate", "월 달성률", "Month achieved", "percent", p),
      col("ytdTarget", "누계 목표", "YTD target", "count"),
      col("ytdActual", "누계 실적", "YTD actual", "count"),
      col("ytdRate", "누계 달성률", "YTD achieved", "percent", p),
      col("annualTarget", "연간 목표", "Annual target", "count"),
      col("annualProgress", "연간 진도율", "Share of annual target", "percent", p)
    ],
    rows: figure.lines.map((line) => ({
      cells: {
        metric: metricHeader[line.metric],
        monthTarget: line.monthTarget,
        monthActual: line.monthActual,
        monthRate: line.monthRate,
        ytdTarget: line.yearToDateTarget,
        ytdActual: line.yearToDateActual,
        ytdRate: line.yearToDateRate,
        annualTarget: line.annualTarget,
        annualProgress: line.annualProgress
      }
    })),
    notes: [{
      ko: `취업은 센터 알선에 의한 취업만 집계함. 본인 구직(자체취업) ${figure.selfFound.month}명(누계 ${figure.selfFound.yearToDate}명)은 실적에서 제외.`,
      en: `Placements count only those made through the center's referral; ${figure.selfFound.month} self-found placements (${figure.selfFound.yearToDate} this year) are left out.`
    }],
    chart: {
      kind: "bar",
      category: "metric",
      series: ["monthRate", "ytdRate"],
      title: { ko: "목표 달성률", en: "Share of target achieved" }
    }
  }
}

/**
 * A year's figure as a table: one row per month and a total row; for each
 * metric its actual, and its target and rate when it has a target.
 *
 * @since 0.1.0
 * @category tables
 */
export const yearTable = (figure: Year, rounding: Rounding.Rounding = Rate.defaultRounding): Table.Table => {
  const withTarget = Targets.allMetrics.filter((m) => figure.total.target[m] !== undefined)
  const columns: Array<Table.Column> = [col("month", "월", "Month", "text")]
  for (const metric of Targets.allMetrics) {
    const name = metricHeader[metric]
    if (withTarget.includes(metric)) columns.push({ key: `${metric}Target`, label: { ko: `${name.ko} 목표`, en: `${name.en} target` }, kind: "count" })
    columns.push({ key: `${metric}Actual`, label: { ko: `${name.ko} 실적`, en: `${name.en} actual` }, kind: "count" })
    if (withTarget.includes(metric)) {
      columns.push({ key: `${metric}Rate`, label: { ko: `${name.ko} 달성률`, en: `${name.en} achieved` }, kind: "percent", decimals: Rounding.decimalsOf(rounding) })
    }
  }
  columns.push(col("selfFound", "자체취업(제외)", "Self-found (left out)", "count"))
  const cells = (row: YearRow, month: Table.Cell): Record<string, Table.Cell> => {
    const result: Record<string, Table.Cell> = { month, selfFound: row.selfFound }
    for (const metric of Targets.allMetrics) {
      result[`${metric}Actual`] = row.actual[metric]
      if (withTarget.includes(metric)) {
        result[`${metric}Target`] = row.target[metric]
        result[`${metric}Rate`] = row.rate[metric]
      }
    }
    return result
  }
  return {
    id: "center-year",
    title: { ko: `센터 연간 실적 ${figure.year}년`, en: `Center results, ${figure.year}` },
    columns,
    rows: [
      ...figure.months.map((row) => ({ cells: cells(row, Period.monthName(row.month)) })),
      { cells: cells(figure.total, { ko: "합계", en: "Total" }), total: true }
    ],
    chart: {
      kind: "line",
      category: "month",
      series: withTarget.includes("placements") ? ["placementsActual", "placementsTarget"] : ["placementsActual"],
      title: { ko: "월별 취업 실적과 목표", en: "Placements by month against target" }
    }
  }
}

// ---------------------------------------------------------------------------
// Pace for a week or a month to date
// ---------------------------------------------------------------------------

interface Scheduled {
  readonly metric: Targets.Metric
  readonly schedule: Targets.Schedule | undefined
}

// Each metric in table order, with its annual target laid out over the year, or none without a target.
const schedulesOf = (request: { readonly year: number; readonly targets: Targets.MetricCounts; readonly weights?: Targets.MonthWeights }) =>
  Either.all(Targets.allMetrics.map((metric) => {
    const annual = request.targets[metric]
    return annual === undefined
      ? Either.right<Scheduled>({ metric, schedule: undefined })
      : Either.map(Targets.schedule(request.year, annual, request.weights), (schedule): Scheduled => ({ metric, schedule }))
  }))

/**
 * One metric's pace for the center: `Targets.pace` over the annual target,
 * with the ratio rounded by the policy. Without a target, only the actual.
 *
 * @since 0.1.0
 * @category models
 */
export interface PaceLine {
  readonly metric: Targets.Metric
  readonly actual: number
  readonly pace: Targets.Pace | undefined
  /** `actual ÷ expected`, rounded. */
  readonly ratio: number | undefined
}

/**
 * The center's pace for the week, month or year to date, per metric. The
 * actual counts are over `Targets.periodRange` of the same reading.
 *
 * @since 0.1.0
 * @category figures
 */
export const pace = (request: {
  readonly year: number
  readonly period: Targets.PacePeriod
  readonly asOf: LocalDate.LocalDate
  readonly actual: Readonly<Record<Targets.Metric, number>>
  readonly targets: Targets.MetricCounts
  readonly weights?: Targets.MonthWeights
  readonly options?: Targets.PaceOptions
  readonly rounding?: Rounding.Rounding
}): Either.Either<ReadonlyArray<PaceLine>, Targets.InvalidPlan | Targets.InvalidSplit> =>
  Either.map(schedulesOf(request), (schedules) =>
    schedules.map(({ metric, schedule }): PaceLine => {
      const actual = request.actual[metric]
      if (schedule === undefined) return { metric, actual, pace: undefined, ratio: undefined }
      const reading = Targets.pace(schedule, request.period, request.asOf, actual, request.options)
      return {
        metric,
        actual,
        pace: reading,
        ratio: reading.ratio === undefined ? undefined : Rate.roundFraction(reading.ratio, request.rounding ?? Rate.defaultRounding)
      }
    }))

/**
 * The center's pace as a table: one row per metric.
 *
 * @since 0.1.0
 * @category tables
 */
export const paceTable = (
  lines: ReadonlyArray<PaceLine>,
  period: Targets.PacePeriod,
  rounding: Rounding.Rounding = Rate.defaultRounding
): Table.Table => {
  const first = lines.find((l) => l.pace !== undefined)?.pace
  const name = { ko: Targets.pacePeriodLabel(period, "ko"), en: Targets.pacePeriodLabel(period, "en") }
  return {
    id: `center-${period}-pace`,
    title: { ko: `센터 ${name.ko} 진도`, en: `Center pace, ${name.en.toLowerCase()}` },
    columns: [
      col("metric", "구분", "Metric", "text"),
      col("target", "기간 목표", "Period target", "decimal"),
      col("expected", "기준치", "Expected so far", "decimal"),
      col("actual", "실적", "Actual", "count"),
      col("ratio", "진도율", "Pace", "percent", Rounding.decimalsOf(rounding)),
      col("status", "평가", "Status", "text")
    ],
    rows: lines.map((line) => ({
      cells: {
        metric: metricHeader[line.metric],
        target: line.pace?.target,
        expected: line.pace?.expected,
        actual: line.actual,
        ratio: line.ratio,
        status: line.pace === undefined
          ? undefined
          : { ko: Targets.paceStatusLabel(line.pace.status, "ko"), en: Targets.paceStatusLabel(line.pace.status, "en") }
      }
    })),
    ...(first === undefined ? {} : {
      notes: [{
        ko: `기간 ${first.from} ~ ${first.to} (기간 끝 ${first.end}). 진도율 = 실적 ÷ 기준치.`,
        en: `Period ${first.from} to ${first.to} (ends ${first.end}). Pace = actual ÷ expected so far.`
      }]
    }),
    chart: { kind: "bar", category: "metric", series: ["ratio"], title: { ko: "진도율", en: "Pace" } }
  }
}

/**
 * One metric's year-end projection for the center (`Targets.project` over
 * the annual target), with the share of the target it reaches, rounded by
 * the policy.
 *
 * @since 0.3.0
 * @category models
 */
export interface ProjectionLine {
  readonly metric: Targets.Metric
  readonly projection: Targets.Projection
  /** `projected ÷ target`, rounded; `undefined` for a target of 0. */
  readonly ratio: number | undefined
}

/**
 * The center's year-end projection per metric with a target, from the
 * counts of the year to date (`Targets.periodRange(…, "year", asOf)`).
 *
 * @example
 * ```ts
 * import { LocalDate } from "@iljari/core"
 * import { CenterResults } from "@iljari/report"
 *
 * // 600 placements by the end of May against 960 for the year: heading for about 1,442.
 * const lines = CenterResults.projection({
 *   year: 2026,
 *   asOf: LocalDate.make(2026, 5, 31),
 *   actual: { openings: 0, seekers: 0, placements: 600, counseling: 0 },
 *   targets: { placements: 960 }
 * })
 * ```
 *
 * @since 0.3.0
 * @category figures
 */
export const projection = (request: {
  readonly year: number
  readonly asOf: LocalDate.LocalDate
  readonly actual: Readonly<Record<Targets.Metric, number>>
  readonly targets: Targets.MetricCounts
  readonly weights?: Targets.MonthWeights
  readonly options?: Targets.PaceOptions
  readonly rounding?: Rounding.Rounding
}): Either.Either<ReadonlyArray<ProjectionLine>, Targets.InvalidPlan | Targets.InvalidSplit> =>
  Either.map(schedulesOf(request), (schedules) =>
    schedules.flatMap(({ metric, schedule }): ReadonlyArray<ProjectionLine> => {
      if (schedule === undefined) return []
      const reading = Targets.project(schedule, request.asOf, request.actual[metric], request.options)
      return [{
        metric,
        projection: reading,
        ratio: schedule.annual > 0 ? Rate.roundFraction(reading.projected / schedule.annual, request.rounding ?? Rate.defaultRounding) : undefined
      }]
    }))

/**
 * The year-end projection as a table: one row per metric, the target and
 * the projected count side by side in its chart.
 *
 * @since 0.3.0
 * @category tables
 */
export const projectionTable = (
  lines: ReadonlyArray<ProjectionLine>,
  rounding: Rounding.Rounding = Rate.defaultRounding
): Table.Table => {
  const asOf = lines[0]?.projection.asOf
  return {
    id: "center-projection",
    title: { ko: "연말 실적 전망", en: "Year-end projection" },
    columns: [
      col("metric", "구분", "Metric", "text"),
      col("target", "연간 목표", "Annual target", "count"),
      col("expected", "누계 기준치", "Expected so far", "decimal"),
      col("actual", "누계 실적", "Actual so far", "count"),
      col("projected", "연말 전망", "Projected", "decimal"),
      col("gap", "목표 대비", "Against target", "decimal"),
      col("ratio", "전망 달성률", "Projected share of target", "percent", Rounding.decimalsOf(rounding)),
      col("status", "평가", "Status", "text")
    ],
    rows: lines.map(({ metric, projection, ratio }) => ({
      cells: {
        metric: metricHeader[metric],
        target: projection.target,
        expected: projection.expected,
        actual: projection.actual,
        projected: projection.projected,
        gap: projection.gap,
        ratio,
        status: { ko: Targets.paceStatusLabel(projection.status, "ko"), en: Targets.paceStatusLabel(projection.status, "en") }
      }
    })),
    ...(asOf === undefined ? {} : {
      notes: [{
        ko: `${asOf} 기준. 연말 전망 = 누계 실적 × 연간 목표 ÷ 누계 기준치 (누계 실적보다 작지 않음).`,
        en: `As of ${asOf}. Projected = actual so far × annual target ÷ expected so far (never below the actual).`
      }]
    }),
    chart: { kind: "bar", category: "metric", series: ["target", "projected"], title: { ko: "연간 목표와 연말 전망", en: "Annual target and projection" } }
  }
}
