/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 보고서: the district's report for a month, a week, a year or any period,
 * as `@iljari/report` builds it for the JSON API — its figures, each table's
 * chart drawn on the server as SVG beside the table itself, and downloads of
 * the same report as XLSX and as CSV (UTF-8 with a BOM, for Excel).
 *
 * A manager or an administrator sees every counselor's rows (or one
 * counselor's); a counselor sees the district's figures and their own rows,
 * as `ReportQuery.scopeOf` decides.
 *
 * - `GET /reports`: the four ways to ask; with a query (`month`, `week`,
 *   `year`, or `from` and `to`), the report below them.
 * - `GET /reports/report.xlsx` and `GET /reports/report.csv?table=`: the files.
 */
import { Accounts, JobCenter, Validation } from "@iljari/core"
import { ReportQuery } from "@iljari/report"
import { Effect, Either } from "effect"
import type { Routes } from "../http/Handler.js"
import { query } from "../http/Params.js"
import { reportPageRoutes } from "../http/ReportPages.js"
import { CurrentSettings } from "../http/Settings.js"
import type { Signed } from "../http/Signed.js"
import { ruleIn } from "../ui/Rules.js"
import { href, type View } from "../ui/View.js"

const titleOf = (view: View) => view.say("보고서", "Reports")

// The query's own fields: nothing else of the address reaches the report.
const asked = ["month", "week", "year", "from", "to", "counselorId"] as const

const decodeQuery = Validation.decodeEither(ReportQuery.Query)

/** The query of the address, or `undefined` when it asks for no report yet. */
const queryOf = Effect.map(query, (params) => {
  const given: Record<string, string> = {}
  for (const name of asked) {
    const value = params.get(name)
    if (value !== null && value !== "") given[name] = value
  }
  return Object.keys(given).length === 0 ? undefined : given
})

/** The report a signed-in staff member asked for, or the rules the query broke, in the page's language. */
const reportFor = (signedIn: Signed, given: Readonly<Record<string, string>>) =>
  Effect.gen(function*() {
    const { say } = signedIn.view
    const rules = (error: Validation.ValidationError) => Either.left(error.issues.map((issue) => ruleIn(say, issue.message)))
    const decoded = decodeQuery(given)
    if (Either.isLeft(decoded)) return rules(decoded.left)
    const settings = yield* CurrentSettings
    // Names of the staff accounts, for counselors the staff records do not hold.
    const names = yield* Accounts.names(signedIn.actor.districtId)
    return yield* ReportQuery.build({ ...signedIn.actor, role: signedIn.role }, decoded.right, {
      targets: settings.targetsOf(signedIn.actor.districtId),
      names
    }).pipe(
      Effect.map(Either.right),
      Effect.catchTags({
        ValidationError: (error) => Effect.succeed(rules(error)),
        ReportOutOfScope: () =>
          Effect.succeed(Either.left([say("상담사의 보고서에는 본인의 행만 있습니다.", "A counselor's report holds their own rows only.")])),
        // The targets are the server's own settings: a broken plan is a bug, not a bad request.
        InvalidPlan: Effect.die,
        InvalidSplit: Effect.die
      })
    )
  })

// ---------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------

const Ask = ({ view, given, today }: { readonly view: View; readonly given: Readonly<Record<string, string>>; readonly today: string }) => {
  const { say } = view
  const action = href(view, "/reports")
  return (
    <div class="report-ask">
      <form method="get" action={action} class="card">
        <h2>{say("월간 보고서", "Monthly report")}</h2>
        <label for="month">{say("월", "Month")}</label>
        <input class="krds-input" type="month" id="month" name="month" value={given["month"] ?? today.slice(0, 7)} required />
        <button type="submit" class="krds-btn small">{say("월간 보고서 보기", "Show the monthly report")}</button>
      </form>
      <form method="get" action={action} class="card">
        <h2>{say("주간 보고서", "Weekly report")}</h2>
        <label for="week">{say("주에 속한 날", "A day of the week")}</label>
        <input class="krds-input" type="date" id="week" name="week" value={given["week"] ?? today} required />
        <button type="submit" class="krds-btn small">{say("주간 보고서 보기", "Show the weekly report")}</button>
      </form>
      <form method="get" action={action} class="card">
        <h2>{say("연간 보고서", "Annual report")}</h2>
        <label for="year">{say("연도", "Year")}</label>
        <input class="krds-input" type="number" id="year" name="year" min="2000" max="2100" value={given["year"] ?? today.slice(0, 4)} required />
        <button type="submit" class="krds-btn small">{say("연간 보고서 보기", "Show the annual report")}</button>
      </form>
      <form method="get" action={action} class="card">
        <h2>{say("기간 보고서", "Report of a period")}</h2>
        <label for="from">{say("시작일", "From")}</label>
        <input class="krds-input" type="date" id="from" name="from" value={given["from"] ?? `${today.slice(0, 4)}-01-01`} required />
        <label for="to">{say("종료일", "To")}</label>
        <input class="krds-input" type="date" id="to" name="to" value={given["to"] ?? today} required />
        <button type="submit" class="krds-btn small">{say("기간 보고서 보기", "Show the report of the period")}</button>
      </form>
    </div>
  )
}

export const reportRoutes: Routes = reportPageRoutes({
  base: "/reports",
  for: "staff",
  title: titleOf,
  refused: (view) => view.say("보고서를 만들 수 없습니다.", "The report cannot be made."),
  asked: (signedIn) =>
    Effect.gen(function*() {
      const given = yield* queryOf
      const today = yield* JobCenter.today
      return { form: <Ask view={signedIn.view} given={given ?? {}} today={today} />, params: given }
    }),
  build: reportFor
})
