/**
 * The use case behind a report download: a staff member asks for a period
 * (`month=2026-10`, `year=2026`, `week=2026-10-14` or `from=…&to=…`) and gets
 * the report of their district, with their own rows only when they are a
 * counselor. {@link build} reads the period ({@link select}), applies the
 * scope rules, names the counselors from the staff records
 * (`JobCenter.listCounselors`) and builds the monthly, annual, weekly or
 * any-period report; an HTTP handler only decodes the {@link Query}, calls it,
 * maps its errors and renders the report.
 *
 * Scope: managers and administrators get every counselor's rows and may ask
 * for one counselor's; a counselor gets the district's figures with their own
 * rows only, and their own targets split exactly as in the full report, and
 * is refused ({@link OutOfScope}) when they ask for a colleague's.
 *
 * @example
 * ```ts
 * import { ReportQuery } from "@iljari/report"
 * import { Schema } from "effect"
 *
 * // What a report download's query string decodes to: a month, a week, a year or a range.
 * const query = Schema.decodeUnknownSync(ReportQuery.Query)({ month: "2026-05" })
 * ```
 *
 * @since 0.3.0
 * @module
 */
import { type Counselor, type Errors, Ids, JobCenter, LocalDate, Targets, Validation } from "@iljari/core"
import { Effect, Either, Schema } from "effect"
import * as CounselorResults from "./CounselorResults.js"
import * as Period from "./Period.js"
import * as Report from "./Report.js"
import { ReportSource, type Service as SourceService } from "./ReportSource.js"

// ---------------------------------------------------------------------------
// The query
// ---------------------------------------------------------------------------

/**
 * A report query as written in a URL or a form: one of `month` (`YYYY-MM`,
 * or 1–12 with `year`), `year` alone, `week` (a day of the week) or
 * `from`–`to`, and optionally one counselor's rows (`counselorId`).
 *
 * @since 0.3.0
 * @category models
 */
export const Query = Schema.Struct({
  month: Schema.optional(
    Schema.String.pipe(
      Schema.pattern(/^(\d{4}-(0[1-9]|1[0-2])|0?[1-9]|1[0-2])$/, {
        message: () => "month must be a month written YYYY-MM (e.g. 2026-10), or 1–12 together with year"
      })
    ).annotations({ description: "The monthly report: YYYY-MM, or 1–12 with year" })
  ),
  year: Schema.optional(
    Schema.NumberFromString.pipe(
      Schema.int({ message: () => "year must be a whole year from 2000 to 2100" }),
      Schema.between(2000, 2100, { message: () => "year must be a whole year from 2000 to 2100" })
    ).annotations({ description: "Alone: the annual report; with month=1–12: that month's report" })
  ),
  week: Schema.optional(LocalDate.LocalDate.annotations({ description: "The weekly report of the week (Monday to Sunday) holding this day" })),
  from: Schema.optional(LocalDate.LocalDate.annotations({ description: "With to: the results of these days, month by month" })),
  to: Schema.optional(LocalDate.LocalDate.annotations({ description: "The last day of from–to, included" })),
  counselorId: Schema.optional(Ids.CounselorId.annotations({ description: "One counselor's rows only (managers; a counselor gets their own)" }))
}).annotations({ identifier: "ReportQuery" })
/** @since 0.3.0 @category models */
export type Query = typeof Query.Type

// ---------------------------------------------------------------------------
// The period
// ---------------------------------------------------------------------------

/**
 * The period a query asks for.
 *
 * @since 0.3.0
 * @category models
 */
export type Selection =
  | { readonly kind: "month"; readonly year: number; readonly month: number }
  | { readonly kind: "year"; readonly year: number }
  | { readonly kind: "week"; readonly day: LocalDate.LocalDate }
  | { readonly kind: "range"; readonly from: LocalDate.LocalDate; readonly to: LocalDate.LocalDate }

const invalid = (path: string, message: string) =>
  new Validation.ValidationError({ subject: "Report", issues: [new Validation.ValidationIssue({ path, message })] })

const choose =
  "choose one period: month=YYYY-MM (or year=YYYY&month=1–12), year=YYYY, week=YYYY-MM-DD, or from=YYYY-MM-DD&to=YYYY-MM-DD"

/**
 * The longest from–to period, in days (five years).
 *
 * @since 0.3.0
 * @category models
 */
export const maxRangeDays = 5 * 366

const inYears = (path: string, date: LocalDate.LocalDate) =>
  date >= "2000-01-01" && date <= "2100-12-31" ? undefined : invalid(path, `must be a day from 2000 to 2100; got ${date}`)

/**
 * Reads the period of a query, refusing an ambiguous or incomplete one with
 * a message that names the field and the ways to write a period.
 *
 * @since 0.3.0
 * @category period
 */
export const select = (query: Query): Either.Either<Selection, Validation.ValidationError> => {
  const given = [
    query.month !== undefined || query.year !== undefined ? "month/year" : undefined,
    query.week !== undefined ? "week" : undefined,
    query.from !== undefined || query.to !== undefined ? "from/to" : undefined
  ].filter((g) => g !== undefined)
  if (given.length === 0) return Either.left(invalid("month", `is missing: ${choose}`))
  if (given.length > 1) return Either.left(invalid(given[1] === "week" ? "week" : "from", `${given.join(" and ")} were both given: ${choose}`))
  if (query.week !== undefined) {
    const wrong = inYears("week", query.week)
    return wrong === undefined ? Either.right({ kind: "week", day: query.week }) : Either.left(wrong)
  }
  if (query.from !== undefined || query.to !== undefined) {
    if (query.from === undefined) return Either.left(invalid("from", "is needed with to: give the first day of the period"))
    if (query.to === undefined) return Either.left(invalid("to", "is needed with from: give the last day of the period"))
    const wrong = inYears("from", query.from) ?? inYears("to", query.to)
    if (wrong !== undefined) return Either.left(wrong)
    if (query.to < query.from) return Either.left(invalid("to", `must not be before from (${query.from}); got ${query.to}`))
    if (LocalDate.daysBetween(query.from, query.to) + 1 > maxRangeDays) {
      return Either.left(invalid("to", `a period may span at most five years (${maxRangeDays} days); ask for a year at a time`))
    }
    return Either.right({ kind: "range", from: query.from, to: query.to })
  }
  if (query.month === undefined) return Either.right({ kind: "year", year: query.year! })
  const written = /^(\d{4})-(\d{2})$/.exec(query.month)
  if (written !== null) {
    const year = Number(written[1])
    if (query.year !== undefined) {
      return Either.left(invalid("year", `must not be given with month=${query.month}: write month=${query.month} alone, or year=${year}&month=${Number(written[2])}`))
    }
    if (year < 2000 || year > 2100) return Either.left(invalid("month", `must be a month from 2000-01 to 2100-12; got ${query.month}`))
    return Either.right({ kind: "month", year, month: Number(written[2]) })
  }
  if (query.year === undefined) {
    return Either.left(invalid("year", `is needed with month=${query.month}; or write the month as YYYY-MM, e.g. month=2026-${query.month.padStart(2, "0")}`))
  }
  return Either.right({ kind: "month", year: query.year, month: Number(query.month) })
}

// ---------------------------------------------------------------------------
// Whose rows
// ---------------------------------------------------------------------------

/**
 * A counselor asked for another counselor's rows.
 *
 * @since 0.3.0
 * @category errors
 */
export class OutOfScope extends Schema.TaggedError<OutOfScope>()("ReportOutOfScope", {
  counselorId: Ids.CounselorId,
  asked: Ids.CounselorId
}) {
  override get message(): string {
    return "A counselor may download reports with their own rows only"
  }
}

/**
 * Who asks: the acting staff member, as the core's use cases take them, and
 * their role, which sets whose rows they see.
 *
 * @since 0.3.0
 * @category models
 */
export interface Viewer extends JobCenter.Actor {
  /** A staff role of the district, or a city `analyst`, who reads aggregate figures only (see {@link aggregateOnly}). */
  readonly role: Counselor.StaffRole | "analyst"
}

/**
 * The counselor whose rows a viewer gets, or `undefined` for everyone's: a
 * counselor always gets their own; a manager or an administrator everyone's,
 * or one counselor's when asked.
 *
 * @since 0.3.0
 * @category scope
 */
export const scopeOf = (viewer: Viewer, query: Query): Either.Either<Ids.CounselorId | undefined, OutOfScope> => {
  if (viewer.role === "analyst") return Either.right(undefined)
  if (viewer.role !== "counselor") return Either.right(query.counselorId)
  if (query.counselorId !== undefined && query.counselorId !== viewer.counselorId) {
    return Either.left(new OutOfScope({ counselorId: viewer.counselorId, asked: query.counselorId }))
  }
  return Either.right(viewer.counselorId)
}

/**
 * A report as a city analyst may read it: the district's figures, without a
 * row that names a person — the per-counselor tables and the findings go,
 * the follow-up table keeps its total.
 *
 * @since 0.3.0
 * @category scope
 */
export const aggregateOnly = (report: Report.Report): Report.Report => ({
  ...report,
  tables: report.tables.flatMap((table) =>
    table.id.startsWith("counselors-") || table.id.startsWith("findings")
      ? []
      : table.id === "follow-up"
      ? [{ ...table, rows: table.rows.filter((row) => row.total === true) }]
      : [table]
  )
})

// One counselor's rows of the per-counselor counts; the district-wide figures stay whole.
const scopedSource = (source: SourceService, counselorId: Ids.CounselorId): SourceService => ({
  ...source,
  byCounselor: (districtId, period) =>
    Effect.map(source.byCounselor(districtId, period), (rows) => rows.filter((row) => row.counselorId === counselorId)),
  followUps: (districtId, period, asOf) =>
    Effect.map(source.followUps(districtId, period, asOf), (rows) => rows.filter((row) => row.counselorId === counselorId))
})

// A counselor's own annual targets, split exactly as in the full report: equally among the counselors counted.
const ownTargets = (
  source: SourceService,
  districtId: Ids.DistrictId,
  targets: Targets.MetricCounts,
  counselorId: Ids.CounselorId,
  year: number,
  period: "week" | "month",
  asOf: LocalDate.LocalDate
) =>
  Effect.gen(function*() {
    const range = CounselorResults.range(year, period, asOf)
    const everyone = yield* source.byCounselor(districtId, { from: range.from, to: range.to })
    const split = yield* CounselorResults.equalTargets(targets, everyone.map((c) => c.counselorId))
    return split.filter((t) => t.counselorId === counselorId)
  })

// ---------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------

/**
 * What a report is built with besides the query.
 *
 * @since 0.3.0
 * @category models
 */
export interface Options {
  /** The district's annual targets (e.g. a `Targets.plan`'s). */
  readonly targets: Targets.MetricCounts
  /**
   * Names for counselors the staff records do not hold (e.g. from a users
   * file); a staff record's name wins.
   */
  readonly names?: Readonly<Record<string, string>>
}

/**
 * A built report and the name it is downloaded as, without a suffix:
 * `iljari-11200-2026-03`, with `-counselor-01` when it shows one counselor's
 * rows.
 *
 * @since 0.3.0
 * @category models
 */
export interface Built {
  readonly report: Report.Report
  readonly fileName: string
}

/**
 * The errors {@link build} may fail with: a query that names no clear period
 * or a period a report cannot cover (`ValidationError`), a colleague's rows
 * asked by a counselor ({@link OutOfScope}), targets that cannot be split
 * (`InvalidPlan`, `InvalidSplit`: the caller's settings) and storage.
 *
 * @since 0.3.0
 * @category models
 */
export type BuildError =
  | Validation.ValidationError
  | OutOfScope
  | Targets.InvalidPlan
  | Targets.InvalidSplit
  | Errors.PersistenceError

const pad = (n: number) => String(n).padStart(2, "0")

/**
 * Builds the report a query asks for, for the viewer's district: the monthly
 * (`month`), annual (`year`), weekly (`week`) or any-period (`from`–`to`)
 * report, read as of today when today falls in the period, else as of its
 * last day.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { ReportQuery } from "@iljari/report"
 * import { Schema } from "effect"
 *
 * const viewer: ReportQuery.Viewer = {
 *   districtId: Ids.DistrictId.make("11200"),
 *   counselorId: Ids.CounselorId.make("counselor-01"),
 *   role: "manager"
 * }
 * // A counselor gets their own rows, a manager everyone's, an analyst aggregates only.
 * const built = ReportQuery.build(viewer, Schema.decodeUnknownSync(ReportQuery.Query)({ month: "2026-05" }), {
 *   targets: { seekers: 2400, counseling: 6000, openings: 1800, placements: 960 }
 * })
 * ```
 *
 * @since 0.3.0
 * @category use cases
 */
export const build = (
  viewer: Viewer,
  query: Query,
  options: Options
): Effect.Effect<Built, BuildError, ReportSource | Counselor.CounselorRepository> =>
  Effect.gen(function*() {
    const selection = yield* select(query)
    const scope = yield* scopeOf(viewer, query)
    const districtId = viewer.districtId
    const today = yield* JobCenter.today
    // Names from the staff records, else from the names given; an analyst's report names no one.
    const counselors = viewer.role === "analyst" ? [] : yield* JobCenter.listCounselors(viewer)
    const names: Record<string, string> = {
      ...options.names,
      ...Object.fromEntries(counselors.map((c) => [c.value.id, c.value.name] as const))
    }
    const fullSource = yield* ReportSource
    const source = scope === undefined ? fullSource : scopedSource(fullSource, scope)
    // Figures are read as of today inside the period (pace, overdue checks), else as of its last day.
    const asOfIn = (period: Period.Period) => (Period.contains(period, today) ? today : period.to)
    const settings = { districtId, targets: options.targets, names }
    const own = (year: number, period: "week" | "month", asOf: LocalDate.LocalDate) =>
      scope === undefined
        ? Effect.succeed({})
        : Effect.map(ownTargets(fullSource, districtId, options.targets, scope, year, period, asOf), (counselorTargets) => ({ counselorTargets }))
    const built = Effect.gen(function*() {
      switch (selection.kind) {
        case "month": {
          const asOf = asOfIn(Period.month(selection.year, selection.month))
          return {
            report: yield* Report.monthly({ ...settings, ...(yield* own(selection.year, "month", asOf)), year: selection.year, month: selection.month, asOf }),
            name: `${selection.year}-${pad(selection.month)}`
          }
        }
        case "year":
          return {
            report: yield* Report.annual({ ...settings, year: selection.year, asOf: asOfIn(Period.year(selection.year)) }),
            name: String(selection.year)
          }
        case "week": {
          const week = Period.week(selection.day)
          const asOf = asOfIn(week)
          const year = Number(asOf.slice(0, 4))
          return { report: yield* Report.weekly({ ...settings, ...(yield* own(year, "week", asOf)), year, asOf }), name: `week-${week.from}` }
        }
        case "range": {
          const period = { from: selection.from, to: selection.to }
          return { report: yield* Report.range({ districtId, period, asOf: asOfIn(period), names }), name: `${selection.from}_${selection.to}` }
        }
      }
    }).pipe(Effect.provideService(ReportSource, source))
    const { name, report } = yield* built.pipe(
      Effect.catchTag("InvalidInput", (e) => Effect.fail(invalid("period", e.message)))
    )
    const result: Built = {
      report: viewer.role === "analyst" ? aggregateOnly(report) : report,
      fileName: `iljari-${districtId}-${name}${scope === undefined ? "" : `-${scope}`}`
    }
    return result
  })
