/**
 * A report: a title, the district and period it covers, a few headline
 * figures and the tables (each with its chart) — what the renderers turn into
 * CSV, XLSX and HTML. The builders read the counts they need from a
 * {@link ReportSource} and compute every figure with the pure modules:
 *
 * - {@link monthly}: the monthly report a center sends (월간 실적 보고): the
 *   month and year to date against targets, each counselor's month with
 *   pace, the follow-up on-time rate, results by target group, and — when
 *   given — supply and demand, job fairs, monitoring findings, budget
 *   execution and the target disclosure;
 * - {@link weekly}: each counselor's week to date with pace (주간 보고);
 * - {@link annual}: the year month by month, with the disclosure table.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { Html, Report, ReportSource } from "@iljari/report"
 * import { Effect } from "effect"
 *
 * // May's report for 성동구 against the year's targets, rendered as one self-contained HTML page.
 * const html = Report.monthly({
 *   districtId: Ids.DistrictId.make("11200"),
 *   year: 2026,
 *   month: 5,
 *   targets: { seekers: 2400, counseling: 6000, openings: 1800, placements: 960 }
 * }).pipe(
 *   Effect.flatMap((report) => Html.render(report)),
 *   Effect.provide(ReportSource.layerMemory) // or ReportSourceSql.layer from @iljari/store-sql
 * )
 * ```
 *
 * @since 0.1.0
 * @module
 */
import type { Errors, Ids, Monitoring, Rounding } from "@iljari/core"
import { Codes, LocalDate, Targets } from "@iljari/core"
import { Effect, Either } from "effect"
import * as Budget from "./Budget.js"
import * as CenterResults from "./CenterResults.js"
import * as CounselorResults from "./CounselorResults.js"
import * as Disclosure from "./Disclosure.js"
import type { InvalidInput } from "./Errors.js"
import * as Findings from "./Findings.js"
import * as FollowUpRate from "./FollowUpRate.js"
import * as JobFairs from "./JobFairs.js"
import * as Period from "./Period.js"
import * as Rate from "./Rate.js"
import type { MonthCounts } from "./Counts.js"
import { ReportSource } from "./ReportSource.js"
import * as SupplyDemand from "./SupplyDemand.js"
import type * as Table from "./Table.js"
import * as TargetGroups from "./TargetGroups.js"

/**
 * A headline figure: a metric's actual over the report's period against its
 * target.
 *
 * @since 0.1.0
 * @category models
 */
export interface Highlight {
  readonly label: Table.Label
  readonly actual: number
  readonly target: number | undefined
  /** What `target` is called; default 목표 (target). */
  readonly targetLabel?: Table.Label
  readonly rate: number | undefined
}

/**
 * A report, ready to render.
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  readonly title: Table.Label
  readonly districtId: Ids.DistrictId
  readonly period: Period.Period
  /** The day the figures are read as of (pace, overdue follow-ups). */
  readonly asOf: LocalDate.LocalDate
  readonly highlights: ReadonlyArray<Highlight>
  readonly tables: ReadonlyArray<Table.Table>
  /** The rounding of the rates, which the renderers print with. */
  readonly rounding: Rounding.Rounding
}

/**
 * What any report may add besides the counts it reads: figures fed from
 * outside the storage ports.
 *
 * @since 0.1.0
 * @category models
 */
export interface Extras {
  /** Counselor names by id, printed instead of ids. */
  readonly names?: Readonly<Record<string, string>>
  /** The year's plan: adds the target disclosure table with the results so far. */
  readonly plan?: Targets.Plan
  readonly budget?: {
    readonly lines: ReadonlyArray<Budget.Line>
    readonly unit?: Table.Label
    readonly statedTotal?: { readonly budget: number; readonly spent: number }
  }
  readonly fairs?: ReadonlyArray<JobFairs.Fair>
  readonly supplyDemand?: SupplyDemand.Input
  readonly wageBands?: ReadonlyArray<SupplyDemand.WageBand>
  /** A review's findings, from `JobCenter.monitor` or `Monitoring.review`. */
  readonly findings?: ReadonlyArray<Monitoring.Finding>
}

/**
 * Settings every builder takes.
 *
 * @since 0.1.0
 * @category models
 */
export interface Settings {
  readonly districtId: Ids.DistrictId
  readonly year: number
  /** The center's annual targets (e.g. a `Targets.plan`'s). */
  readonly targets: Targets.MetricCounts
  /** Each counselor's annual targets; default: the center's split equally among the counselors counted. */
  readonly counselorTargets?: ReadonlyArray<CounselorResults.CounselorTarget>
  readonly weights?: Targets.MonthWeights
  readonly paceOptions?: Targets.PaceOptions
  readonly rounding?: Rounding.Rounding
}

/**
 * The errors a builder may fail with.
 *
 * @since 0.1.0
 * @category models
 */
export type BuildError = Errors.PersistenceError | Targets.InvalidPlan | Targets.InvalidSplit | InvalidInput

const districtName = (districtId: Ids.DistrictId): Table.Label => ({
  ko: Codes.regionName(districtId, "ko"),
  en: Codes.regionName(districtId, "en")
})

const sumMonths = (counts: ReadonlyArray<MonthCounts>): Readonly<Record<Targets.Metric, number>> & { readonly selfFound: number } => ({
  openings: counts.reduce((n, c) => n + c.openings, 0),
  seekers: counts.reduce((n, c) => n + c.seekers, 0),
  placements: counts.reduce((n, c) => n + c.placements, 0),
  counseling: counts.reduce((n, c) => n + c.counseling, 0),
  selfFound: counts.reduce((n, c) => n + c.selfFound, 0)
})

const counselorPace = (settings: Settings, period: "week" | "month", asOf: LocalDate.LocalDate) =>
  Effect.gen(function*() {
    const source = yield* ReportSource
    const range = CounselorResults.range(settings.year, period, asOf)
    const counts = yield* source.byCounselor(settings.districtId, { from: range.from, to: range.to })
    const targets = settings.counselorTargets ??
      (yield* CounselorResults.equalTargets(settings.targets, counts.map((c) => c.counselorId)))
    return yield* CounselorResults.make({
      year: settings.year,
      period,
      asOf,
      counts,
      targets,
      ...(settings.weights === undefined ? {} : { weights: settings.weights }),
      ...(settings.paceOptions === undefined ? {} : { options: settings.paceOptions }),
      ...(settings.rounding === undefined ? {} : { rounding: settings.rounding })
    })
  })

const extraTables = (
  extras: Extras,
  rounding: Rounding.Rounding,
  disclosure: { readonly results: Targets.MetricCounts; readonly through: LocalDate.LocalDate }
): Either.Either<ReadonlyArray<Table.Table>, InvalidInput> =>
  Either.gen(function*() {
    const tables: Array<Table.Table> = []
    if (extras.supplyDemand !== undefined) {
      const figure = yield* SupplyDemand.make(extras.supplyDemand, {
        rounding,
        ...(extras.wageBands === undefined ? {} : { bands: extras.wageBands })
      })
      tables.push(...SupplyDemand.tables(figure, { rounding }))
    }
    if (extras.fairs !== undefined) tables.push(JobFairs.table(yield* JobFairs.make(extras.fairs, rounding), { rounding }))
    if (extras.findings !== undefined) {
      tables.push(...Findings.tables(Findings.make(extras.findings), extras.names === undefined ? {} : { names: extras.names }))
    }
    if (extras.budget !== undefined) {
      const figure = yield* Budget.make(extras.budget.lines, {
        rounding,
        ...(extras.budget.statedTotal === undefined ? {} : { statedTotal: extras.budget.statedTotal })
      })
      tables.push(Budget.table(figure, { rounding, ...(extras.budget.unit === undefined ? {} : { unit: extras.budget.unit }) }))
    }
    if (extras.plan !== undefined) {
      tables.push(Disclosure.table(
        Disclosure.make(extras.plan, { results: disclosure.results, resultsThrough: disclosure.through, rounding }),
        { rounding }
      ))
    }
    return tables
  })

/**
 * A request for the monthly report: the settings, the month, the day it is
 * read as of (default the month's last day) and any extras.
 *
 * @since 0.1.0
 * @category models
 */
export interface MonthlyRequest extends Settings, Extras {
  readonly month: number
  readonly asOf?: LocalDate.LocalDate
}

/**
 * The monthly report. Reads four aggregates from the {@link ReportSource}:
 * the year to date by month, the month by counselor, the month's follow-up
 * checks and the month by target group.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { Report } from "@iljari/report"
 *
 * const may = Report.monthly({
 *   districtId: Ids.DistrictId.make("11200"),
 *   year: 2026,
 *   month: 5,
 *   targets: { seekers: 2400, counseling: 6000, openings: 1800, placements: 960 },
 *   names: { "counselor-01": "박상담" }
 * })
 * ```
 *
 * @since 0.1.0
 * @category builders
 */
export const monthly = (request: MonthlyRequest): Effect.Effect<Report, BuildError, ReportSource> =>
  Effect.gen(function*() {
    const source = yield* ReportSource
    const rounding = request.rounding ?? Rate.defaultRounding
    const period = Period.month(request.year, request.month)
    const asOf = request.asOf ?? period.to
    const [counts, followUps, groups] = yield* Effect.all([
      source.monthly(request.districtId, Period.yearToDate(request.year, request.month)),
      source.followUps(request.districtId, period, asOf),
      source.targetGroups(request.districtId, period)
    ])
    const center = yield* CenterResults.month({
      year: request.year,
      month: request.month,
      counts,
      targets: request.targets,
      rounding,
      ...(request.weights === undefined ? {} : { weights: request.weights })
    })
    const counselors = yield* counselorPace(request, "month", asOf)
    const monthCounts = sumMonths(counts.filter((c) => c.month === Period.monthKey(period.from)))
    const names = request.names === undefined ? {} : { names: request.names }
    const extras = yield* extraTables(request, rounding, { results: sumMonths(counts), through: LocalDate.min(asOf, period.to) })
    const district = districtName(request.districtId)
    return {
      title: {
        ko: `${district.ko} 일자리센터 ${request.year}년 ${request.month}월 실적 보고`,
        en: `${district.en} job center: results for ${Period.monthName(request.month).en} ${request.year}`
      },
      districtId: request.districtId,
      period,
      asOf,
      rounding,
      highlights: center.lines.map((line) => ({
        label: CenterResults.metricLabel(line.metric),
        actual: line.monthActual,
        target: line.monthTarget,
        rate: line.monthRate
      })),
      tables: [
        CenterResults.monthTable(center, rounding),
        CounselorResults.table(counselors, { ...names, rounding }),
        FollowUpRate.table(FollowUpRate.make(followUps, rounding), { ...names, rounding, period: Period.text(period), asOf }),
        TargetGroups.table(TargetGroups.make(groups, monthCounts, rounding), { rounding, skipEmpty: true }),
        ...extras
      ]
    }
  })

/**
 * A request for the weekly report: the settings and the day it is read as
 * of; the week runs from that day's Monday.
 *
 * @since 0.1.0
 * @category models
 */
export interface WeeklyRequest extends Settings {
  readonly asOf: LocalDate.LocalDate
  readonly names?: Readonly<Record<string, string>>
}

/**
 * The weekly report: the center's week to date against its targets, each
 * counselor's with pace, and the follow-up checks due in the week.
 *
 * @example
 * ```ts
 * import { Ids, LocalDate } from "@iljari/core"
 * import { Report } from "@iljari/report"
 *
 * // The week of 2026-05-14, with each counselor's pace.
 * const week = Report.weekly({
 *   districtId: Ids.DistrictId.make("11200"),
 *   year: 2026,
 *   asOf: LocalDate.make(2026, 5, 14),
 *   targets: { seekers: 2400, counseling: 6000, openings: 1800, placements: 960 }
 * })
 * ```
 *
 * @since 0.1.0
 * @category builders
 */
export const weekly = (request: WeeklyRequest): Effect.Effect<Report, BuildError, ReportSource> =>
  Effect.gen(function*() {
    const source = yield* ReportSource
    const rounding = request.rounding ?? Rate.defaultRounding
    const range = CounselorResults.range(request.year, "week", request.asOf)
    const period: Period.Period = { from: range.from, to: range.end }
    const [counts, followUps] = yield* Effect.all([
      source.monthly(request.districtId, { from: range.from, to: range.to }),
      source.followUps(request.districtId, period, request.asOf)
    ])
    const actual = sumMonths(counts)
    const center = yield* CenterResults.pace({
      year: request.year,
      period: "week",
      asOf: request.asOf,
      actual,
      targets: request.targets,
      rounding,
      ...(request.weights === undefined ? {} : { weights: request.weights }),
      ...(request.paceOptions === undefined ? {} : { options: request.paceOptions })
    })
    const counselors = yield* counselorPace(request, "week", request.asOf)
    const names = request.names === undefined ? {} : { names: request.names }
    const district = districtName(request.districtId)
    return {
      title: {
        ko: `${district.ko} 일자리센터 주간 실적 (${range.from} ~ ${range.to})`,
        en: `${district.en} job center: week of ${range.from} to ${range.to}`
      },
      districtId: request.districtId,
      period,
      asOf: request.asOf,
      rounding,
      highlights: center.map((line) => ({
        label: CenterResults.metricLabel(line.metric),
        actual: line.actual,
        target: line.pace === undefined ? undefined : Math.round(line.pace.expected),
        targetLabel: { ko: "기준치", en: "Expected so far" },
        rate: line.ratio
      })),
      tables: [
        CenterResults.paceTable(center, "week", rounding),
        CounselorResults.table(counselors, { ...names, rounding }),
        FollowUpRate.table(FollowUpRate.make(followUps, rounding), { ...names, rounding, period: Period.text(period), asOf: request.asOf })
      ]
    }
  })

/**
 * A request for the annual report.
 *
 * @since 0.1.0
 * @category models
 */
export interface AnnualRequest extends Settings, Extras {
  /** Default December 31 of the year. */
  readonly asOf?: LocalDate.LocalDate
}

/**
 * The annual report: the year month by month against the monthly targets,
 * the year's follow-up on-time rate and results by target group, and the
 * extras given (with a plan, the disclosure table).
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { Report } from "@iljari/report"
 *
 * const year = Report.annual({
 *   districtId: Ids.DistrictId.make("11200"),
 *   year: 2026,
 *   targets: { seekers: 2400, counseling: 6000, openings: 1800, placements: 960 }
 * })
 * ```
 *
 * @since 0.1.0
 * @category builders
 */
export const annual = (request: AnnualRequest): Effect.Effect<Report, BuildError, ReportSource> =>
  Effect.gen(function*() {
    const source = yield* ReportSource
    const rounding = request.rounding ?? Rate.defaultRounding
    const period = Period.year(request.year)
    const asOf = request.asOf ?? period.to
    const [counts, followUps, groups] = yield* Effect.all([
      source.monthly(request.districtId, period),
      source.followUps(request.districtId, period, asOf),
      source.targetGroups(request.districtId, period)
    ])
    const year = yield* CenterResults.year({
      year: request.year,
      counts,
      targets: request.targets,
      rounding,
      ...(request.weights === undefined ? {} : { weights: request.weights })
    })
    const names = request.names === undefined ? {} : { names: request.names }
    const total = sumMonths(counts)
    const extras = yield* extraTables(request, rounding, { results: total, through: LocalDate.min(asOf, period.to) })
    const district = districtName(request.districtId)
    return {
      title: { ko: `${district.ko} 일자리센터 ${request.year}년 실적`, en: `${district.en} job center: results for ${request.year}` },
      districtId: request.districtId,
      period,
      asOf,
      rounding,
      highlights: Targets.allMetrics.map((metric) => ({
        label: CenterResults.metricLabel(metric),
        actual: year.total.actual[metric],
        target: year.total.target[metric],
        rate: year.total.rate[metric]
      })),
      tables: [
        CenterResults.yearTable(year, rounding),
        FollowUpRate.table(FollowUpRate.make(followUps, rounding), { ...names, rounding, period: Period.text(period), asOf }),
        TargetGroups.table(TargetGroups.make(groups, total, rounding), { rounding, skipEmpty: true }),
        ...extras
      ]
    }
  })

/**
 * A request for the report of any stretch of days.
 *
 * @since 0.3.0
 * @category models
 */
export interface RangeRequest {
  readonly districtId: Ids.DistrictId
  readonly period: Period.Period
  /** The day the follow-up checks are read as of; default the period's last day. */
  readonly asOf?: LocalDate.LocalDate
  /** Counselor names by id, printed instead of ids. */
  readonly names?: Readonly<Record<string, string>>
  readonly rounding?: Rounding.Rounding
}

const countColumn = (key: string, ko: string, en: string): Table.Column => ({ key, label: { ko, en }, kind: "count" })
const metricColumn = (key: Targets.Metric): Table.Column => ({ key, label: CenterResults.metricLabel(key), kind: "count" })

/**
 * The report of any period (a from–to of days): the center's counts month by
 * month, each counselor's counts, the follow-up checks due and the results by
 * target group — without targets, which are set by year. The first and last
 * months count the days in the period only.
 *
 * @example
 * ```ts
 * import { Ids, LocalDate } from "@iljari/core"
 * import { Period, Report } from "@iljari/report"
 *
 * // Any period: the first quarter's counts, without targets.
 * const quarter = Report.range({
 *   districtId: Ids.DistrictId.make("11200"),
 *   period: { from: LocalDate.make(2026, 1, 1), to: LocalDate.make(2026, 3, 31) } satisfies Period.Period
 * })
 * ```
 *
 * @since 0.3.0
 * @category builders
 */
export const range = (request: RangeRequest): Effect.Effect<Report, Errors.PersistenceError, ReportSource> =>
  Effect.gen(function*() {
    const source = yield* ReportSource
    const { districtId, period } = request
    const rounding = request.rounding ?? Rate.defaultRounding
    const asOf = request.asOf ?? period.to
    const names = request.names ?? {}
    const [months, counselors, followUps, groups] = yield* Effect.all([
      source.monthly(districtId, period),
      source.byCounselor(districtId, period),
      source.followUps(districtId, period, asOf),
      source.targetGroups(districtId, period)
    ])
    const sum = <K extends string>(rows: ReadonlyArray<Readonly<Record<K, number>>>, key: K) => rows.reduce((n, r) => n + r[key], 0)
    const total = sumMonths(months)
    const district = districtName(districtId)
    const text = Period.text(period)
    const center: Table.Table = {
      id: "center-period",
      title: { ko: `월별 센터 실적 (${text})`, en: `Center results by month (${text})` },
      columns: [
        { key: "month", label: { ko: "월", en: "Month" }, kind: "text" },
        metricColumn("openings"),
        metricColumn("seekers"),
        metricColumn("placements"),
        metricColumn("counseling"),
        countColumn("selfFound", "자체취업(제외)", "Self-found (left out)")
      ],
      rows: [
        ...months.map((m) => ({ cells: { ...m } })),
        {
          cells: {
            month: { ko: "합계", en: "Total" },
            openings: total.openings,
            seekers: total.seekers,
            placements: total.placements,
            selfFound: total.selfFound,
            counseling: total.counseling
          },
          total: true
        }
      ],
      notes: [{
        ko: "취업은 센터 알선에 의한 취업만 집계함. 첫 달과 끝 달은 기간에 든 날만 셈.",
        en: "Placements count only those made through the center's referral. The first and last months count the days in the period only."
      }],
      chart: { kind: "bar", category: "month", series: ["placements", "counseling"], title: { ko: "월별 취업과 상담", en: "Placements and counseling by month" } }
    }
    const name = (id: string | undefined): Table.Cell => (id === undefined ? { ko: "합계", en: "Total" } : names[id] ?? id)
    const byCounselor: Table.Table = {
      id: "counselors-period",
      title: { ko: `상담사별 실적 (${text})`, en: `Results by counselor (${text})` },
      columns: [
        { key: "counselor", label: { ko: "상담사", en: "Counselor" }, kind: "text" },
        metricColumn("counseling"),
        countColumn("referrals", "알선(건)", "Referrals"),
        metricColumn("placements"),
        countColumn("selfFound", "자체취업(제외)", "Self-found (left out)")
      ],
      rows: [
        ...counselors.map((c) => ({ cells: { ...c, counselor: name(c.counselorId) } })),
        {
          cells: {
            counselor: name(undefined),
            counseling: sum(counselors, "counseling"),
            referrals: sum(counselors, "referrals"),
            placements: sum(counselors, "placements"),
            selfFound: sum(counselors, "selfFound")
          },
          total: true
        }
      ],
      chart: { kind: "bar", category: "counselor", series: ["counseling", "placements"], title: { ko: "상담사별 상담과 취업", en: "Counseling and placements by counselor" } }
    }
    return {
      title: { ko: `${district.ko} 일자리센터 실적 (${text})`, en: `${district.en} job center: results ${period.from} to ${period.to}` },
      districtId,
      period,
      asOf,
      rounding,
      highlights: Targets.allMetrics.map((key) => ({
        label: CenterResults.metricLabel(key),
        actual: total[key],
        target: undefined,
        rate: undefined
      })),
      tables: [
        center,
        byCounselor,
        FollowUpRate.table(FollowUpRate.make(followUps, rounding), { names, rounding, period: text, asOf }),
        TargetGroups.table(TargetGroups.make(groups, total, rounding), { rounding, skipEmpty: true })
      ]
    }
  })
