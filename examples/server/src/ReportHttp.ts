/**
 * The report handlers: decode the query, build the report of the user's
 * district with `@iljari/report`'s `ReportQuery.build` (the period, whose
 * rows, the staff names), map its errors and render it; the file name
 * travels in Content-Disposition.
 */
import { HttpApiBuilder, HttpApp, HttpServerResponse } from "@effect/platform"
import { Accounts, Validation } from "@iljari/core"
import { Csv, Html, ReportQuery, Xlsx } from "@iljari/report"
import { Effect } from "effect"
import { actor } from "./Actor.js"
import { Api, CurrentUser, Forbidden } from "./Api.js"
import type { ReportQuery as Query } from "./ReportApi.js"
import { targetsOf } from "./Settings.js"

/** The report a query asks for, and the file name it is downloaded as (without the suffix). */
const build = (query: Query) =>
  Effect.gen(function*() {
    const user = yield* CurrentUser
    const who = yield* actor
    if (user.role === "analyst") {
      if (query.district === undefined || !user.grants.includes(query.district)) {
        return yield* new Forbidden({
          message: `Name one of the districts granted to you as district=: ${user.grants.join(", ")} (조회 권한이 있는 구를 district=로 지정하세요)`
        })
      }
      return yield* ReportQuery.build({ ...who, districtId: query.district, role: "analyst" }, query, {
        targets: targetsOf(query.district),
        names: {}
      })
    }
    if (query.district !== undefined && query.district !== who.districtId) {
      return yield* new Forbidden({ message: "Reports are of your own district (본인 구의 보고서만 볼 수 있습니다)" })
    }
    // Names of the staff accounts, for counselors the staff records do not hold.
    const names = yield* Accounts.names(who.districtId)
    // An integration reads the district's figures as a manager would.
    const role = user.role === "integration" ? "manager" : user.role
    return yield* ReportQuery.build({ ...who, role }, query, { targets: targetsOf(who.districtId), names })
  }).pipe(
    Effect.catchTags({
      ReportOutOfScope: (e) => Effect.fail(new Forbidden({ message: e.message })),
      // The targets are the server's own settings: a broken plan is a bug, not a bad request.
      InvalidPlan: Effect.die,
      InvalidSplit: Effect.die
    })
  )

const invalid = (path: string, message: string) =>
  new Validation.ValidationError({ subject: "Report", issues: [new Validation.ValidationIssue({ path, message })] })

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
