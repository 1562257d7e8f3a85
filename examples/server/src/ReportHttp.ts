/**
 * The report handlers: build the month's report for the user's district and
 * render it; the file name travels in Content-Disposition.
 */
import { HttpApiBuilder, HttpApp, HttpServerResponse } from "@effect/platform"
import { Ids, Repositories, Validation } from "@iljari/core"
import { Csv, Html, Report, Xlsx } from "@iljari/report"
import { Effect } from "effect"
import { actor, managerOnly } from "./Actor.js"
import { Api } from "./Api.js"
import { targetsOf } from "./Settings.js"

const invalid = (path: string, message: string) =>
  new Validation.ValidationError({ subject: "Report", issues: [new Validation.ValidationIssue({ path, message })] })

// The month's report of the user's district, with the counselors' names.
const monthly = (params: { readonly year: number; readonly month: number }) =>
  Effect.gen(function*() {
    yield* managerOnly
    const who = yield* actor
    const counselors = yield* Effect.flatMap(Repositories.CounselorRepository, (r) => r.list(who.districtId))
    return yield* Report.monthly({
      districtId: who.districtId,
      year: params.year,
      month: params.month,
      targets: targetsOf(who.districtId),
      names: Object.fromEntries(counselors.map((c) => [c.value.id, c.value.name]))
    }).pipe(
      Effect.catchTags({
        InvalidInput: (e) => Effect.fail(invalid("month", e.message)),
        // The targets are the server's own settings: a broken plan is a bug, not a bad request.
        InvalidPlan: Effect.die,
        InvalidSplit: Effect.die
      })
    )
  })

const attachment = (name: string) =>
  HttpApp.appendPreResponseHandler((_, response) =>
    Effect.succeed(HttpServerResponse.setHeader(response, "content-disposition", `attachment; filename="${name}"`))
  )

const fileName = (districtId: Ids.DistrictId, year: number, month: number, suffix: string) =>
  `iljari-${districtId}-${year}-${String(month).padStart(2, "0")}${suffix}`

export const ReportsLive = HttpApiBuilder.group(Api, "reports", (handlers) =>
  handlers
    .handle("monthlyHtml", ({ urlParams }) =>
      Effect.gen(function*() {
        const report = yield* monthly(urlParams)
        return yield* Html.render(report, { language: urlParams.lang ?? "ko" }).pipe(Effect.orDie)
      }))
    .handle("monthlyXlsx", ({ urlParams }) =>
      Effect.gen(function*() {
        const report = yield* monthly(urlParams)
        const bytes = yield* Xlsx.render(report, { language: urlParams.lang ?? "ko" }).pipe(Effect.orDie)
        yield* attachment(fileName(report.districtId, urlParams.year, urlParams.month, ".xlsx"))
        return bytes
      }))
    .handle("monthlyCsv", ({ urlParams }) =>
      Effect.gen(function*() {
        const report = yield* monthly(urlParams)
        const table = urlParams.table === undefined ? report.tables[0] : report.tables.find((t) => t.id === urlParams.table)
        if (table === undefined) {
          return yield* Effect.fail(invalid("table", `must be one of ${report.tables.map((t) => t.id).join(", ")}`))
        }
        yield* attachment(fileName(report.districtId, urlParams.year, urlParams.month, `-${table.id}.csv`))
        return Csv.table(table, { language: urlParams.lang ?? "ko" })
      }))
)
