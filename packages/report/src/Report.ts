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
 * - {@link annual}: the year month by month, with the disclosure table;
 * - {@link targets}: the targets review (목표·실적): the pace for the week,
 *   month and year to date, the year-end projection, each counselor's pace,
 *   and a year's plan from the year before, by month and by counselor.
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
import { sumMonths } from "./Counts.js"
import { ReportSource } from "./ReportSource.js"
import * as SupplyDemand from "./SupplyDemand.js"
import type * as Table from "./Table.js"
import * as TargetGroups from "./TargetGroups.js"
import * as TargetPlanning from "./TargetPlanning.js"

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

/**
 * A request for the targets review: the settings (`year` is the year the
 * targets are for, and `asOf` falls in it), the day it is read as of, the
 * year to plan from its year before (default `year`) with its growth and
 * rounding, counselor names, and `counselorId` for one counselor's own view.
 *
 * @since 0.3.0
 * @category models
 */
export interface TargetsRequest extends Settings {
  readonly asOf: LocalDate.LocalDate
  readonly plan?: { readonly year?: number; readonly growthPercent?: number; readonly roundTo?: number }
  /** Counselor names by id, printed instead of ids. */
  readonly names?: Readonly<Record<string, string>>
  /** One counselor's view: the center's figures, and of the per-counselor tables their own row only. */
  readonly counselorId?: Ids.CounselorId
  /**
   * The counselors paced and given a share of the plan, e.g. the active
   * counselors of the staff records; default those with results this year.
   */
  readonly counselorIds?: ReadonlyArray<Ids.CounselorId>
}

const pacePeriods: ReadonlyArray<Targets.PacePeriod> = ["week", "month", "year"]

/**
 * The targets review (목표·실적) a manager watches: the center's pace for the
 * week, the month and the year to date, its year-end projection, each
 * counselor's week and month against their share, and the plan of a year
 * from its year before — its targets, its twelve months and each
 * counselor's share. Highlights are the year to date against the annual
 * targets.
 *
 * @example
 * ```ts
 * import { Ids, LocalDate } from "@iljari/core"
 * import { Report } from "@iljari/report"
 *
 * // 성동구 as of 7 December 2026, with 2027 planned at +5% on 2026.
 * const review = Report.targets({
 *   districtId: Ids.DistrictId.make("11200"),
 *   year: 2026,
 *   asOf: LocalDate.make(2026, 12, 7),
 *   targets: { seekers: 2400, counseling: 6000, openings: 1800, placements: 960 },
 *   plan: { year: 2027, growthPercent: 5 }
 * })
 * ```
 *
 * @since 0.3.0
 * @category builders
 */
export const targets = (request: TargetsRequest): Effect.Effect<Report, BuildError, ReportSource> =>
  Effect.gen(function*() {
    const source = yield* ReportSource
    const rounding = request.rounding ?? Rate.defaultRounding
    const { asOf, districtId, year } = request
    const ranges = pacePeriods.map((period) => CounselorResults.range(year, period, asOf))
    const counted = yield* Effect.forEach(ranges, (range) => source.monthly(districtId, { from: range.from, to: range.to }))
    const options = {
      year,
      asOf,
      targets: request.targets,
      rounding,
      ...(request.weights === undefined ? {} : { weights: request.weights }),
      ...(request.paceOptions === undefined ? {} : { options: request.paceOptions })
    }
    const paces = yield* Effect.forEach(pacePeriods, (period, i) =>
      CenterResults.pace({ ...options, period, actual: sumMonths(counted[i]!) }))
    const yearToDate = sumMonths(counted[2]!)
    const projection = yield* CenterResults.projection({ ...options, actual: yearToDate })
    // Every counselor counted this year is paced, with nothing done this week or month too.
    const counselorIds = request.counselorIds ?? (yield* Effect.map(
      source.byCounselor(districtId, Period.year(year)),
      (rows) => rows.map((row) => row.counselorId)
    ))
    const paced = { ...request, counselorTargets: request.counselorTargets ?? (yield* CounselorResults.equalTargets(request.targets, counselorIds)) }
    const [week, month] = yield* Effect.all([counselorPace(paced, "week", asOf), counselorPace(paced, "month", asOf)])
    const planned = yield* TargetPlanning.planFromLastYear(districtId, {
      year: request.plan?.year ?? year,
      current: request.targets,
      ...(request.plan?.growthPercent === undefined ? {} : { growthPercent: request.plan.growthPercent }),
      ...(request.plan?.roundTo === undefined ? {} : { roundTo: request.plan.roundTo })
    })
    const plannedTargets = Object.fromEntries(planned.lines.map((line) => [line.metric, line.target])) as Targets.MetricCounts
    // The plan shared among the counselors counted this year.
    const shares = yield* CounselorResults.equalTargets(plannedTargets, counselorIds)
    const only = request.counselorId
    // A counselor's own view: their row, without the colleagues' sum.
    const own = (figure: CounselorResults.Figure): CounselorResults.Figure =>
      only === undefined ? figure : { ...figure, rows: figure.rows.filter((row) => row.counselorId === only) }
    const ownTable = (table: Table.Table): Table.Table =>
      only === undefined ? table : { ...table, rows: table.rows.filter((row) => row.total !== true) }
    const names = request.names === undefined ? {} : { names: request.names }
    const district = districtName(districtId)
    return {
      title: {
        ko: `${district.ko} 일자리센터 ${year}년 목표·실적 (${asOf} 기준)`,
        en: `${district.en} job center: targets and results for ${year} (as of ${asOf})`
      },
      districtId,
      period: Period.year(year),
      asOf,
      rounding,
      highlights: projection.map((line) => ({
        label: CenterResults.metricLabel(line.metric),
        actual: line.projection.actual,
        target: line.projection.target,
        targetLabel: { ko: "연간 목표", en: "Annual target" },
        rate: line.projection.target > 0 ? Rate.roundFraction(line.projection.actual / line.projection.target, rounding) : undefined
      })),
      tables: [
        ...pacePeriods.map((period, i) => CenterResults.paceTable(paces[i]!, period, rounding)),
        CenterResults.projectionTable(projection, rounding),
        ownTable(CounselorResults.table(own(week), { ...names, rounding })),
        ownTable(CounselorResults.table(own(month), { ...names, rounding })),
        TargetPlanning.table(planned),
        TargetPlanning.monthsTable(planned),
        ownTable(TargetPlanning.counselorTable(
          planned,
          only === undefined ? shares : shares.filter((share) => share.counselorId === only),
          request.names
        ))
      ]
    }
  })
