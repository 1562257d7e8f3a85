/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 분석: a city analyst's page — the districts granted to them compared for a
 * month (each district's results of the month and of the year so far), and
 * one district's monthly report as an analyst may read it
 * (`ReportQuery.aggregateOnly`: no row that names a person), with the same
 * XLSX and CSV downloads. Nothing here names a person, so nothing is logged.
 *
 * - `GET /analysis?month=YYYY-MM&district=`: the page (this month and the
 *   first district granted by default).
 * - `GET /analysis/report.xlsx`, `GET /analysis/report.csv?table=`: the files.
 */
import { Codes, type Ids, JobCenter, Validation } from "@iljari/core"
import { type Report, ReportQuery, type Table } from "@iljari/report"
import { Effect, Either } from "effect"
import type { Routes } from "../http/Handler.js"
import { query } from "../http/Params.js"
import { reportPageRoutes } from "../http/ReportPages.js"
import { CurrentSettings } from "../http/Settings.js"
import { NotPermitted, type Signed } from "../http/Signed.js"
import { ruleIn } from "../ui/Rules.js"
import { href, type View } from "../ui/View.js"

const titleOf = (view: View) => view.say("분석", "Analysis")

const decodeQuery = Validation.decodeEither(ReportQuery.Query)

const regionLabel = (districtId: string): Table.Label => ({
  ko: Codes.regionName(districtId as Codes.RegionCode, "ko"),
  en: Codes.regionName(districtId as Codes.RegionCode, "en")
})

interface Asked {
  readonly month: string
  readonly district: Ids.DistrictId
}

const askedOf = (signedIn: Signed) =>
  Effect.gen(function*() {
    const params = yield* query
    const grants = signedIn.account.grants
    const district = params.get("district") ?? grants[0]
    if (district === undefined || !grants.includes(district as Ids.DistrictId)) return yield* Effect.fail(new NotPermitted())
    const month = params.get("month") ?? (yield* JobCenter.today).slice(0, 7)
    return { month, district: district as Ids.DistrictId } satisfies Asked
  })

// The center's results of the month and of the year so far, by metric, from a monthly report's first table.
const cellsOf = (report: Report.Report) => {
  const center = report.tables.find((t) => t.id === "center-month")
  const row = (metric: string) => center?.rows.find((r) => {
    const label = r.cells["metric"]
    return typeof label === "object" && label !== null && label.ko.startsWith(metric)
  })?.cells ?? {}
  return {
    openings: row("구인")["monthActual"],
    seekers: row("구직")["monthActual"],
    placements: row("취업")["monthActual"],
    counseling: row("상담")["monthActual"],
    placementsYtd: row("취업")["ytdActual"],
    placementsYtdRate: row("취업")["ytdRate"]
  }
}

const count = (key: string, ko: string, en: string): Table.Column => ({ key, label: { ko, en }, kind: "count" })

/** The granted districts side by side for the month. */
const comparison = (month: string, reports: ReadonlyArray<readonly [Ids.DistrictId, Report.Report]>): Table.Table => ({
  id: "districts",
  title: { ko: `구별 실적 비교 (${month})`, en: `Districts compared (${month})` },
  columns: [
    { key: "district", label: { ko: "구", en: "District" }, kind: "text" },
    count("openings", "구인(건)", "Openings"),
    count("seekers", "구직(명)", "Seekers"),
    count("placements", "취업(명)", "Placements"),
    count("counseling", "상담(건)", "Counseling"),
    count("placementsYtd", "취업 누계", "Placements, year to date"),
    { key: "placementsYtdRate", label: { ko: "취업 누계 달성률", en: "Placements against the target so far" }, kind: "percent", decimals: 1 }
  ],
  rows: reports.map(([districtId, report]) => ({ cells: { district: regionLabel(districtId), ...cellsOf(report) } })),
  notes: [{ ko: "월 실적과 연초부터의 누계. 개인을 알 수 있는 행은 없습니다.", en: "The month's results and the year's so far. No row names a person." }],
  chart: { kind: "bar", category: "district", series: ["placements", "placementsYtd"], title: { ko: "구별 취업", en: "Placements by district" } }
})

/** The comparison and the chosen district's report, as one report, or the rules the month broke. */
const analysisOf = (signedIn: Signed, asked: Asked) =>
  Effect.gen(function*() {
    const { say } = signedIn.view
    const decoded = decodeQuery({ month: asked.month })
    if (Either.isLeft(decoded)) return Either.left(decoded.left.issues.map((issue) => ruleIn(say, issue.message)))
    const settings = yield* CurrentSettings
    const reports = yield* Effect.forEach(signedIn.account.grants, (districtId) =>
      Effect.map(
        ReportQuery.build({ ...signedIn.actor, districtId, role: "analyst" }, decoded.right, { targets: settings.targetsOf(districtId), names: {} }),
        (built) => [districtId, built.report] as const
      ))
    const chosen = reports.find(([districtId]) => districtId === asked.district)![1]
    const districts = reports.map(([districtId]) => regionLabel(districtId))
    const report: Report.Report = {
      ...chosen,
      title: {
        ko: `분석: ${asked.month} · ${districts.map((d) => d.ko).join(", ")} (상세: ${regionLabel(asked.district).ko})`,
        en: `Analysis: ${asked.month} · ${districts.map((d) => d.en).join(", ")} (in detail: ${regionLabel(asked.district).en})`
      },
      tables: [comparison(asked.month, reports), ...chosen.tables]
    }
    return Either.right({ report, fileName: `iljari-analysis-${asked.district}-${asked.month}` })
  }).pipe(
    Effect.catchTags({
      ValidationError: (error) => Effect.succeed(Either.left(error.issues.map((issue) => ruleIn(signedIn.view.say, issue.message)))),
      // An analyst's report has no counselor's rows to be out of scope of; the targets are the server's settings.
      ReportOutOfScope: Effect.die,
      InvalidPlan: Effect.die,
      InvalidSplit: Effect.die
    })
  )

const Ask = ({ view, asked, grants }: { readonly view: View; readonly asked: Asked; readonly grants: ReadonlyArray<Ids.DistrictId> }) => {
  const { say, lang } = view
  return (
    <form method="get" action={href(view, "/analysis")} class="card targets-ask">
      <h2>{say("무엇을 볼까요", "What to show")}</h2>
      <div class="targets-fields">
        <div>
          <label for="month">{say("월", "Month")}</label>
          <input class="krds-input" type="month" id="month" name="month" value={asked.month} required />
        </div>
        <div>
          <label for="district">{say("자세히 볼 구", "District in detail")}</label>
          <select class="krds-form-select" id="district" name="district">
            {grants.map((d) => <option value={d} selected={d === asked.district}>{regionLabel(d)[lang]}</option>)}
          </select>
        </div>
      </div>
      <button type="submit" class="krds-btn small">{say("보기", "Show")}</button>
    </form>
  )
}

export const analysisRoutes: Routes = reportPageRoutes({
  base: "/analysis",
  for: "analyst",
  title: titleOf,
  refused: (view) => view.say("분석을 보일 수 없습니다.", "The analysis cannot be shown."),
  asked: (signedIn) =>
    Effect.map(askedOf(signedIn), (asked) => ({
      form: <Ask view={signedIn.view} asked={asked} grants={signedIn.account.grants} />,
      params: { month: asked.month, district: asked.district }
    })),
  build: (signedIn, params) => analysisOf(signedIn, { month: params["month"]!, district: params["district"] as Ids.DistrictId })
})
