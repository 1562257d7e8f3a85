/**
 * The report handlers: pick the period from the query, build the report for
 * the user's district — every counselor for managers and administrators, the
 * user's own rows for a counselor — and render it; the file name travels in
 * Content-Disposition.
 */
import { HttpApiBuilder, HttpApp, HttpServerResponse } from "@effect/platform"
import { Codes, Ids, JobCenter, LocalDate, Validation } from "@iljari/core"
import { CenterResults, CounselorResults, Csv, FollowUpRate, Html, Period, Rate, Report, ReportSource, TargetGroups, Xlsx } from "@iljari/report"
import type { Table } from "@iljari/report"
import { Effect, Either } from "effect"
import { actor } from "./Actor.js"
import { CurrentUser, Forbidden } from "./Api.js"
import { Api } from "./Api.js"
import type { ReportQuery } from "./ReportApi.js"
import { targetsOf } from "./Settings.js"
import { Users } from "./Users.js"

const invalid = (path: string, message: string) =>
  new Validation.ValidationError({ subject: "Report", issues: [new Validation.ValidationIssue({ path, message })] })

// ---------------------------------------------------------------------------
// The period
// ---------------------------------------------------------------------------

/** The period a query asks for. */
export type Selection =
  | { readonly kind: "month"; readonly year: number; readonly month: number }
  | { readonly kind: "year"; readonly year: number }
  | { readonly kind: "week"; readonly day: LocalDate.LocalDate }
  | { readonly kind: "range"; readonly from: LocalDate.LocalDate; readonly to: LocalDate.LocalDate }

const choose =
  "choose one period: month=YYYY-MM (or year=YYYY&month=1–12), year=YYYY, week=YYYY-MM-DD, or from=YYYY-MM-DD&to=YYYY-MM-DD"

/** The longest from–to period, in days (five years). */
export const maxRangeDays = 5 * 366

const inYears = (path: string, date: LocalDate.LocalDate) =>
  date >= "2000-01-01" && date <= "2100-12-31" ? undefined : invalid(path, `must be a day from 2000 to 2100; got ${date}`)

/**
 * Reads the period of a report query, refusing an ambiguous or incomplete one
 * with a message that names the field and the ways to write a period.
 */
export const selectPeriod = (query: ReportQuery): Either.Either<Selection, Validation.ValidationError> => {
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
 * The counselor whose rows the report shows, or `undefined` for all: a
 * counselor always gets their own; a manager or an administrator everyone's,
 * or one counselor's when asked.
 */
const scopeOf = (query: ReportQuery) =>
  Effect.gen(function*() {
    const user = yield* CurrentUser
    if (user.role !== "counselor") return query.counselorId
    if (query.counselorId !== undefined && query.counselorId !== user.counselorId) {
      return yield* Effect.fail(new Forbidden({ message: "A counselor may download reports with their own rows only" }))
    }
    return user.counselorId
  })

// One counselor's rows of the per-counselor counts; the district-wide figures stay whole.
const scopedSource = (source: ReportSource.Service, counselorId: Ids.CounselorId): ReportSource.Service => ({
  ...source,
  byCounselor: (districtId, period) =>
    Effect.map(source.byCounselor(districtId, period), (rows) => rows.filter((row) => row.counselorId === counselorId)),
  followUps: (districtId, period, asOf) =>
    Effect.map(source.followUps(districtId, period, asOf), (rows) => rows.filter((row) => row.counselorId === counselorId))
})

// A counselor's own annual targets, split exactly as in the full report: equally among the counselors counted.
const ownTargets = (
  source: ReportSource.Service,
  districtId: Ids.DistrictId,
  counselorId: Ids.CounselorId,
  year: number,
  period: "week" | "month",
  asOf: LocalDate.LocalDate
) =>
  Effect.gen(function*() {
    const range = CounselorResults.range(year, period, asOf)
    const everyone = yield* source.byCounselor(districtId, { from: range.from, to: range.to })
    const targets = yield* CounselorResults.equalTargets(targetsOf(districtId), everyone.map((c) => c.counselorId))
    return targets.filter((t) => t.counselorId === counselorId)
  })

// ---------------------------------------------------------------------------
// The report of any period: counts month by month, without targets
// ---------------------------------------------------------------------------

const count = (key: string, ko: string, en: string): Table.Column => ({ key, label: { ko, en }, kind: "count" })
const metric = (key: "openings" | "seekers" | "placements" | "counseling"): Table.Column => ({
  key,
  label: CenterResults.metricLabel(key),
  kind: "count"
})

const rangeReport = (
  districtId: Ids.DistrictId,
  period: Period.Period,
  asOf: LocalDate.LocalDate,
  names: Readonly<Record<string, string>>
) =>
  Effect.gen(function*() {
    const source = yield* ReportSource.ReportSource
    const rounding = Rate.defaultRounding
    const [months, counselors, followUps, groups] = yield* Effect.all([
      source.monthly(districtId, period),
      source.byCounselor(districtId, period),
      source.followUps(districtId, period, asOf),
      source.targetGroups(districtId, period)
    ])
    const sum = <K extends string>(rows: ReadonlyArray<Readonly<Record<K, number>>>, key: K) => rows.reduce((n, r) => n + r[key], 0)
    const total = {
      openings: sum(months, "openings"),
      seekers: sum(months, "seekers"),
      placements: sum(months, "placements"),
      selfFound: sum(months, "selfFound"),
      counseling: sum(months, "counseling")
    }
    const district = { ko: Codes.regionName(districtId, "ko"), en: Codes.regionName(districtId, "en") }
    const text = Period.text(period)
    const center: Table.Table = {
      id: "center-period",
      title: { ko: `월별 센터 실적 (${text})`, en: `Center results by month (${text})` },
      columns: [
        { key: "month", label: { ko: "월", en: "Month" }, kind: "text" },
        metric("openings"),
        metric("seekers"),
        metric("placements"),
        metric("counseling"),
        count("selfFound", "자체취업(제외)", "Self-found (left out)")
      ],
      rows: [
        ...months.map((m) => ({ cells: { ...m } })),
        { cells: { month: { ko: "합계", en: "Total" }, ...total }, total: true }
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
        metric("counseling"),
        count("referrals", "알선(건)", "Referrals"),
        metric("placements"),
        count("selfFound", "자체취업(제외)", "Self-found (left out)")
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
    const report: Report.Report = {
      title: { ko: `${district.ko} 일자리센터 실적 (${text})`, en: `${district.en} job center: results ${period.from} to ${period.to}` },
      districtId,
      period,
      asOf,
      rounding,
      highlights: (["openings", "seekers", "placements", "counseling"] as const).map((key) => ({
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
    return report
  })

// ---------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, "0")

/** The report a query asks for, and the file name it is downloaded as (without the suffix). */
const build = (query: ReportQuery) =>
  Effect.gen(function*() {
    const selection = yield* selectPeriod(query)
    const scope = yield* scopeOf(query)
    const who = yield* actor
    const districtId = who.districtId
    const today = yield* JobCenter.today
    // Names from the staff records, else from the users file.
    const counselors = yield* JobCenter.listCounselors(who)
    const staff = (yield* Users).filter((u) => u.districtId === districtId)
    const names: Record<string, string> = Object.fromEntries([
      ...staff.map((u) => [u.counselorId, u.name] as const),
      ...counselors.map((c) => [c.value.id, c.value.name] as const)
    ])
    const fullSource = yield* ReportSource.ReportSource
    const source = scope === undefined ? fullSource : scopedSource(fullSource, scope)
    // Figures are read as of today inside the period (pace, overdue checks), else as of its last day.
    const asOfIn = (period: Period.Period) => (Period.contains(period, today) ? today : period.to)
    const settings = { districtId, targets: targetsOf(districtId), names }
    const built = Effect.gen(function*() {
      switch (selection.kind) {
        case "month": {
          const asOf = asOfIn(Period.month(selection.year, selection.month))
          const own = scope === undefined ? {} : { counselorTargets: yield* ownTargets(fullSource, districtId, scope, selection.year, "month", asOf) }
          return {
            report: yield* Report.monthly({ ...settings, ...own, year: selection.year, month: selection.month, asOf }),
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
          const own = scope === undefined ? {} : { counselorTargets: yield* ownTargets(fullSource, districtId, scope, year, "week", asOf) }
          return { report: yield* Report.weekly({ ...settings, ...own, year, asOf }), name: `week-${week.from}` }
        }
        case "range": {
          const period = { from: selection.from, to: selection.to }
          return { report: yield* rangeReport(districtId, period, asOfIn(period), names), name: `${selection.from}_${selection.to}` }
        }
      }
    }).pipe(Effect.provideService(ReportSource.ReportSource, source))
    const { name, report } = yield* built.pipe(
      Effect.catchTags({
        InvalidInput: (e) => Effect.fail(invalid("period", e.message)),
        // The targets are the server's own settings: a broken plan is a bug, not a bad request.
        InvalidPlan: Effect.die,
        InvalidSplit: Effect.die
      })
    )
    return { report, fileName: `iljari-${districtId}-${name}${scope === undefined ? "" : `-${scope}`}` }
  })

const disposition = (kind: "inline" | "attachment", name: string) =>
  HttpApp.appendPreResponseHandler((_, response) =>
    Effect.succeed(HttpServerResponse.setHeader(response, "content-disposition", `${kind}; filename="${name}"`))
  )

export const ReportsLive = HttpApiBuilder.group(Api, "reports", (handlers) =>
  handlers
    .handle("html", ({ urlParams }) =>
      Effect.gen(function*() {
        const { fileName, report } = yield* build(urlParams)
        const page = yield* Html.render(report, { language: urlParams.lang ?? "ko" }).pipe(Effect.orDie)
        yield* disposition("inline", `${fileName}.html`)
        return page
      }))
    .handle("xlsx", ({ urlParams }) =>
      Effect.gen(function*() {
        const { fileName, report } = yield* build(urlParams)
        const bytes = yield* Xlsx.render(report, { language: urlParams.lang ?? "ko" }).pipe(Effect.orDie)
        yield* disposition("attachment", `${fileName}.xlsx`)
        return bytes
      }))
    .handle("csv", ({ urlParams }) =>
      Effect.gen(function*() {
        const { fileName, report } = yield* build(urlParams)
        const table = urlParams.table === undefined ? report.tables[0] : report.tables.find((t) => t.id === urlParams.table)
        if (table === undefined) {
          return yield* Effect.fail(invalid("table", `must be one of ${report.tables.map((t) => t.id).join(", ")}; got ${urlParams.table}`))
        }
        yield* disposition("attachment", `${fileName}-${table.id}.csv`)
        return Csv.table(table, { language: urlParams.lang ?? "ko" })
      }))
)
