/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 목표·실적: the district's targets and its pace against them as of today
 * (`Report.targets` of `@iljari/report`) — the week, the month and the year
 * to date, the year-end projection, each counselor's week and month, and a
 * year's plan from the year before grown by a rate, by month and by
 * counselor — each table beside its chart, with the same XLSX and CSV
 * downloads as the reports.
 *
 * A manager or an administrator sees every counselor; a counselor sees the
 * center's figures and their own rows (`figures.read` of their role).
 *
 * - `GET /targets`: the review; `plan` (a year) and `growth` (percent) ask
 *   for another plan than this year's at the default growth.
 * - `GET /targets/report.xlsx` and `GET /targets/report.csv?table=`: the files.
 */
import { Accounts, CenterSettings, type Ids, JobCenter, Roles, Targets, Validation } from "@iljari/core"
import { Report } from "@iljari/report"
import { Effect, Either, Schema } from "effect"
import type { Routes } from "../http/Handler.js"
import { query } from "../http/Params.js"
import { reportPageRoutes } from "../http/ReportPages.js"
import { CurrentSettings } from "../http/Settings.js"
import { NotPermitted, type Signed } from "../http/Signed.js"
import { problemsOf } from "../ui/Rules.js"
import { href, type View } from "../ui/View.js"

const titleOf = (view: View) => view.say("목표·실적", "Targets and pace")

/** The year planned unless asked: next year from October on, when a center plans it, else this year. */
const planYearOf = (today: string) => Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 10 ? 1 : 0)

/** What the page may be asked: the year to plan and the growth over its year before. */
const Asked = Schema.Struct({
  plan: Schema.optional(Schema.compose(Schema.NumberFromString, Targets.Year)),
  growth: Schema.optional(Schema.compose(Schema.NumberFromString, Targets.GrowthPercent))
}).annotations({ identifier: "TargetsQuery" })

const decodeAsked = Validation.decodeEither(Asked)

const askedOf = Effect.map(query, (params) => {
  const given: Record<string, string> = {}
  for (const name of ["plan", "growth"] as const) {
    const value = params.get(name)
    if (value !== null && value !== "") given[name] = value
  }
  return given
})

/** Whose rows a staff member sees: everyone's, or their own; none for a role without the district's figures. */
const scopeOf = (signedIn: Signed) => {
  const scope = Roles.scopeOf(signedIn.role, "figures.read")
  return scope === "district"
    ? Effect.succeed(undefined)
    : scope === "own"
    ? Effect.succeed<Ids.CounselorId | undefined>(signedIn.actor.counselorId)
    : Effect.fail(new NotPermitted())
}

/** The review as of today, or the rules the query broke, in the page's language. */
const reviewFor = (signedIn: Signed, given: Readonly<Record<string, string>>) =>
  Effect.gen(function*() {
    const only = yield* scopeOf(signedIn)
    const decoded = decodeAsked(given)
    // One rule per field: an optional field's refusal also says it was not left out.
    if (Either.isLeft(decoded)) return Either.left(Object.values(problemsOf(signedIn.view.say, decoded.left)))
    const settings = yield* CurrentSettings
    const districtId = signedIn.actor.districtId
    const today = yield* JobCenter.today
    const year = Number(today.slice(0, 4))
    // Names of the staff records, and of the accounts for counselors the records do not hold.
    const counselors = yield* JobCenter.listCounselors(signedIn.actor)
    const names = {
      ...(yield* Accounts.names(districtId)),
      ...Object.fromEntries(counselors.map((c) => [c.value.id, c.value.name] as const))
    }
    const report = yield* Report.targets({
      districtId,
      year,
      asOf: today,
      targets: settings.targetsOf(districtId),
      names,
      plan: {
        year: decoded.right.plan ?? planYearOf(today),
        ...(decoded.right.growth === undefined ? {} : { growthPercent: decoded.right.growth })
      },
      ...(only === undefined ? {} : { counselorId: only }),
      // The counselors at work today are paced and share the plan.
      counselorIds: counselors.filter((c) => c.value.role === "counselor" && c.value.active).map((c) => c.value.id)
    }).pipe(
      Effect.catchTags({
        // The targets are the server's own settings: a broken plan is a bug, not a bad request.
        InvalidPlan: Effect.die,
        InvalidSplit: Effect.die,
        InvalidInput: Effect.die
      })
    )
    const own = only === undefined ? "" : `-${only}`
    return Either.right({ report, fileName: `iljari-${districtId}-targets-${today}${own}` })
  })

const Ask = ({ view, given, today, growth }: {
  readonly view: View
  readonly given: Readonly<Record<string, string>>
  readonly today: string
  readonly growth: number
}) => {
  const { say } = view
  return (
    <form method="get" action={href(view, "/targets")} class="card targets-ask">
      <h2>{say("목표 계획", "Plan the targets")}</h2>
      <p>{say("계획 연도의 목표 = 그 전년도 실적 × (1 + 증가율)", "A year's targets = the year before's results × (1 + growth)")}</p>
      <div class="targets-fields">
        <div>
          <label for="plan">{say("계획 연도", "Year to plan")}</label>
          <input class="krds-input" type="number" id="plan" name="plan" min="1900" max="2199" value={given["plan"] ?? String(planYearOf(today))} required />
        </div>
        <div>
          <label for="growth">{say("증가율(%)", "Growth (%)")}</label>
          <input
            class="krds-input"
            type="number"
            id="growth"
            name="growth"
            min="-100"
            step="0.1"
            value={given["growth"] ?? String(growth)}
            required
          />
        </div>
      </div>
      <button type="submit" class="krds-btn small">{say("계획 다시 계산", "Plan again")}</button>
    </form>
  )
}

export const targetRoutes: Routes = reportPageRoutes({
  base: "/targets",
  for: "staff",
  title: titleOf,
  refused: (view) => view.say("목표를 계획할 수 없습니다.", "The targets cannot be planned."),
  asked: (signedIn) =>
    Effect.gen(function*() {
      const given = yield* askedOf
      const today = yield* JobCenter.today
      // The growth the district set for its plans, unless another is asked: read once, for the form and the report.
      const { growthPercent: growth } = yield* CenterSettings.effective(signedIn.actor.districtId, yield* JobCenter.Config)
      return { form: <Ask view={signedIn.view} given={given} today={today} growth={growth} />, params: { growth: String(growth), ...given } }
    }),
  build: reviewFor
})
