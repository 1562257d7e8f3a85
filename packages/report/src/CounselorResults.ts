/**
 * Each counselor's results for the week or the month to date, with the pace
 * against their own targets (직업상담사 목표관리제: "주간, 월간 단위
 * 직업상담사별 추진실적 보고 및 분석"). The pace is `Targets.pace` over the
 * counselor's annual target laid out by `Targets.schedule`: what the period
 * expects so far, what was achieved, and ahead / on track / behind.
 *
 * Counselors are paced on placements (취업) and counseling (상담), the two
 * results the core records per counselor; referrals (알선) are reported
 * beside them. Pure: counts come from `ReportSource.byCounselor` over
 * {@link range}.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { CounselorResults } from "@iljari/report"
 *
 * // The district's targets split equally among its counselors.
 * const targets = CounselorResults.equalTargets(
 *   { counseling: 6000, placements: 960 },
 *   [Ids.CounselorId.make("counselor-01"), Ids.CounselorId.make("counselor-02")]
 * )
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { type Ids, type LocalDate, Rounding, Targets } from "@iljari/core"
import { Either } from "effect"
import * as Rate from "./Rate.js"
import type { CounselorCounts } from "./Counts.js"
import type * as Table from "./Table.js"

/**
 * The metrics a counselor is paced on.
 *
 * @since 0.1.0
 * @category models
 */
export type PacedMetric = "placements" | "counseling"

/**
 * The metrics a counselor is paced on, in table order.
 *
 * @since 0.1.0
 * @category models
 */
export const pacedMetrics: ReadonlyArray<PacedMetric> = ["counseling", "placements"]

/**
 * A counselor's annual targets, e.g. a share of the center's from
 * `Targets.splitAmongCounselors`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CounselorTarget {
  readonly counselorId: Ids.CounselorId
  readonly targets: Pick<Targets.MetricCounts, PacedMetric>
}

/**
 * The days a week, month or year-to-date pace covers as of a day: count the results over
 * `from`–`to` (`Targets.periodRange`: a week starts on Monday and is cut at
 * the year's edge).
 *
 * @since 0.1.0
 * @category periods
 */
export const range = (year: number, period: Targets.PacePeriod, asOf: LocalDate.LocalDate): Targets.PeriodRange =>
  Targets.periodRange({ year, annual: 0, months: Array.from({ length: 12 }, () => 0) }, period, asOf)

/**
 * One metric's pace: `target` is what the whole period expects, `expected`
 * what it expects so far, `ratio` = `actual ÷ expected` rounded by the
 * policy. Without a target, only `actual`.
 *
 * @since 0.1.0
 * @category models
 */
export interface MetricPace {
  readonly actual: number
  readonly target: number | undefined
  readonly expected: number | undefined
  readonly ratio: number | undefined
  readonly status: Targets.PaceStatus | undefined
}

/**
 * A counselor's row; the total row has no `counselorId`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Row {
  readonly counselorId: Ids.CounselorId | undefined
  readonly counseling: MetricPace
  readonly placements: MetricPace
  readonly referrals: number
  readonly selfFound: number
}

/**
 * The figure: the period read, one row per counselor (by id) and the total.
 *
 * @since 0.1.0
 * @category models
 */
export interface Figure extends Targets.PeriodRange {
  readonly year: number
  readonly period: "week" | "month"
  readonly rows: ReadonlyArray<Row>
  readonly total: Row
}

/**
 * A request: counts over {@link range}, and every counselor's annual targets.
 *
 * @since 0.1.0
 * @category models
 */
export interface Request {
  readonly year: number
  readonly period: "week" | "month"
  readonly asOf: LocalDate.LocalDate
  readonly counts: ReadonlyArray<CounselorCounts>
  readonly targets: ReadonlyArray<CounselorTarget>
  readonly weights?: Targets.MonthWeights
  readonly options?: Targets.PaceOptions
  readonly rounding?: Rounding.Rounding
}

const statusOf = (actual: number, expected: number, tolerance: number): Targets.PaceStatus => {
  // The rule of Targets.pace, applied to sums.
  if (expected <= 0) return actual > 0 ? "ahead" : "on-track"
  const ratio = actual / expected
  return ratio > 1 + tolerance ? "ahead" : ratio < 1 - tolerance ? "behind" : "on-track"
}

/**
 * Each counselor's week or month to date against their targets. A counselor
 * with counts but no targets is listed without a pace; one with targets but
 * no counts is listed with zeros. The total sums the rows: its `target` and
 * `expected` are the sums of the counselors', which can differ by a few units
 * from the center's own monthly split of its annual target, since each split
 * rounds on its own (300 among three counselors is 9 + 9 + 9 for March; the
 * center's March share of 300 is 25). Fails with `InvalidPlan` or
 * `InvalidSplit` on an unusable year, target or month weights.
 *
 * @since 0.1.0
 * @category figures
 */
export const make = (request: Request): Either.Either<Figure, Targets.InvalidPlan | Targets.InvalidSplit> =>
  Either.gen(function*() {
    const rounding = request.rounding ?? Rate.defaultRounding
    const options = request.options ?? Targets.defaultPaceOptions
    const period = range(request.year, request.period, request.asOf)
    const ids = [...new Set([...request.counts.map((c) => c.counselorId), ...request.targets.map((t) => t.counselorId)])].sort()
    const rows: Array<Row> = []
    for (const counselorId of ids) {
      const counts = request.counts.find((c) => c.counselorId === counselorId)
      const targets = request.targets.find((t) => t.counselorId === counselorId)?.targets
      const paceOf = (metric: PacedMetric): Either.Either<MetricPace, Targets.InvalidPlan | Targets.InvalidSplit> => {
        const actual = counts?.[metric] ?? 0
        const annual = targets?.[metric]
        if (annual === undefined) return Either.right({ actual, target: undefined, expected: undefined, ratio: undefined, status: undefined })
        return Either.map(Targets.schedule(request.year, annual, request.weights), (schedule) => {
          const pace = Targets.pace(schedule, request.period, request.asOf, actual, options)
          return {
            actual,
            target: pace.target,
            expected: pace.expected,
            ratio: pace.ratio === undefined ? undefined : Rate.roundFraction(pace.ratio, rounding),
            status: pace.status
          }
        })
      }
      rows.push({
        counselorId,
        counseling: yield* paceOf("counseling"),
        placements: yield* paceOf("placements"),
        referrals: counts?.referrals ?? 0,
        selfFound: counts?.selfFound ?? 0
      })
    }
    const totalOf = (metric: PacedMetric): MetricPace => {
      const actual = rows.reduce((n, r) => n + r[metric].actual, 0)
      const paced = rows.filter((r) => r[metric].expected !== undefined)
      if (paced.length === 0) return { actual, target: undefined, expected: undefined, ratio: undefined, status: undefined }
      const target = paced.reduce((n, r) => n + (r[metric].target ?? 0), 0)
      const expected = paced.reduce((n, r) => n + (r[metric].expected ?? 0), 0)
      const pacedActual = paced.reduce((n, r) => n + r[metric].actual, 0)
      return {
        actual,
        target,
        expected,
        ratio: expected > 0 ? Rate.roundFraction(pacedActual / expected, rounding) : undefined,
        status: statusOf(pacedActual, expected, options.tolerance)
      }
    }
    return {
      year: request.year,
      period: request.period,
      ...period,
      rows,
      total: {
        counselorId: undefined,
        counseling: totalOf("counseling"),
        placements: totalOf("placements"),
        referrals: rows.reduce((n, r) => n + r.referrals, 0),
        selfFound: rows.reduce((n, r) => n + r.selfFound, 0)
      }
    }
  })

/**
 * Splits the center's annual targets for placements and counseling equally
 * among counselors (`Targets.splitEqually`): the default when a district
 * has not set each counselor's share.
 *
 * @since 0.1.0
 * @category targets
 */
export const equalTargets = (
  targets: Targets.MetricCounts,
  counselorIds: ReadonlyArray<Ids.CounselorId>
): Either.Either<ReadonlyArray<CounselorTarget>, Targets.InvalidSplit> =>
  Either.gen(function*() {
    if (counselorIds.length === 0) return []
    const parts: Partial<Record<PacedMetric, ReadonlyArray<Targets.CounselorTarget>>> = {}
    for (const metric of pacedMetrics) {
      const total = targets[metric]
      if (total !== undefined) parts[metric] = yield* Targets.splitEqually(total, counselorIds)
    }
    return counselorIds.map((counselorId, i): CounselorTarget => {
      const own: { -readonly [K in PacedMetric]?: number } = {}
      for (const metric of pacedMetrics) {
        const part = parts[metric]?.[i]
        if (part !== undefined) own[metric] = part.target
      }
      return { counselorId, targets: own }
    })
  })

// ---------------------------------------------------------------------------
// Table
// ---------------------------------------------------------------------------

const periodName = { week: { ko: "주간", en: "week" }, month: { ko: "월간", en: "month" } } as const

/**
 * The figure as a table: one row per counselor and a total row. `names`
 * maps counselor ids to the names printed (the id is printed otherwise).
 *
 * @since 0.1.0
 * @category tables
 */
export const table = (
  figure: Figure,
  options: { readonly names?: Readonly<Record<string, string>>; readonly rounding?: Rounding.Rounding } = {}
): Table.Table => {
  const decimals = Rounding.decimalsOf(options.rounding ?? Rate.defaultRounding)
  const name = (id: Ids.CounselorId | undefined): Table.Cell =>
    id === undefined ? { ko: "합계", en: "Total" } : options.names?.[id] ?? id
  const cells = (row: Row): Record<string, Table.Cell> => ({
    counselor: name(row.counselorId),
    counselingActual: row.counseling.actual,
    counselingTarget: row.counseling.target,
    counselingExpected: row.counseling.expected,
    counselingRatio: row.counseling.ratio,
    referrals: row.referrals,
    placementsActual: row.placements.actual,
    placementsTarget: row.placements.target,
    placementsExpected: row.placements.expected,
    placementsRatio: row.placements.ratio,
    placementsStatus: row.placements.status === undefined ? undefined : {
      ko: Targets.paceStatusLabel(row.placements.status, "ko"),
      en: Targets.paceStatusLabel(row.placements.status, "en")
    },
    selfFound: row.selfFound
  })
  const p = periodName[figure.period]
  return {
    id: `counselors-${figure.period}`,
    title: { ko: `상담사별 ${p.ko} 실적`, en: `Results by counselor, ${p.en} to date` },
    columns: [
      { key: "counselor", label: { ko: "상담사", en: "Counselor" }, kind: "text" },
      { key: "counselingActual", label: { ko: "상담 실적", en: "Counseling" }, kind: "count" },
      { key: "counselingTarget", label: { ko: "상담 기간목표", en: "Counseling, period target" }, kind: "decimal" },
      { key: "counselingExpected", label: { ko: "상담 기준치", en: "Counseling, expected so far" }, kind: "decimal" },
      { key: "counselingRatio", label: { ko: "상담 진도율", en: "Counseling pace" }, kind: "percent", decimals },
      { key: "referrals", label: { ko: "알선", en: "Referrals" }, kind: "count" },
      { key: "placementsActual", label: { ko: "취업 실적", en: "Placements" }, kind: "count" },
      { key: "placementsTarget", label: { ko: "취업 기간목표", en: "Placements, period target" }, kind: "decimal" },
      { key: "placementsExpected", label: { ko: "취업 기준치", en: "Placements, expected so far" }, kind: "decimal" },
      { key: "placementsRatio", label: { ko: "취업 진도율", en: "Placement pace" }, kind: "percent", decimals },
      { key: "placementsStatus", label: { ko: "취업 평가", en: "Placement status" }, kind: "text" },
      { key: "selfFound", label: { ko: "자체취업(제외)", en: "Self-found (left out)" }, kind: "count" }
    ],
    rows: [...figure.rows.map((row) => ({ cells: cells(row) })), { cells: cells(figure.total), total: true }],
    notes: [{
      ko: `기간 ${figure.from} ~ ${figure.to} (기간 끝 ${figure.end}). 기준치는 연간 목표를 월별·일별로 나눈 기대 실적, 진도율은 실적 ÷ 기준치.`,
      en: `Period ${figure.from} to ${figure.to} (ends ${figure.end}). "Expected" is the annual target laid out by month and day; pace is actual ÷ expected.`
    }],
    chart: {
      kind: "bar",
      category: "counselor",
      series: ["placementsActual", "placementsExpected"],
      title: { ko: "상담사별 취업 실적과 기준치", en: "Placements by counselor against expected" }
    }
  }
}
