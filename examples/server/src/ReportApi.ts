/**
 * Report downloads: the district's results as HTML (with its charts), as an
 * XLSX workbook (one sheet per table) or one table as CSV — built from the
 * stored records by `@iljari/report` (counted with `GROUP BY` in SQLite or
 * PostgreSQL), in Korean or English.
 *
 * The period is one of `month=2026-10` (the monthly report, also written
 * `year=2026&month=10`), `year=2026` (the annual report), `week=2026-10-14`
 * (the weekly report of the week holding that day) or `from=…&to=…` (the
 * results of any stretch of days, month by month).
 *
 * Managers and administrators get every counselor's rows and may ask for one
 * counselor's (`counselorId=`); a counselor gets the district's figures with
 * their own rows only (403 if they ask for a colleague's).
 */
import { HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "@effect/platform"
import { Ids, LocalDate, Validation } from "@iljari/core"
import { Schema } from "effect"

/** The query every report download takes. */
export const ReportQuery = Schema.Struct({
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
  lang: Schema.optional(Schema.Literal("ko", "en").annotations({ description: "Labels in Korean (default) or English" })),
  counselorId: Schema.optional(Ids.CounselorId.annotations({ description: "One counselor's rows only (managers; a counselor gets their own)" }))
}).annotations({ identifier: "ReportQuery" })

export type ReportQuery = typeof ReportQuery.Type

const WithTable = Schema.Struct({
  ...ReportQuery.fields,
  /** The table to download, e.g. `center-month`; the report's first table by default. */
  table: Schema.optional(
    Schema.String.pipe(Schema.pattern(/^[a-z0-9-]{1,60}$/, { message: () => "table must be a table id such as center-month" }))
  )
})

export const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
export const csvType = "text/csv; charset=utf-8"
export const htmlType = "text/html; charset=utf-8"

export class ReportsApi extends HttpApiGroup.make("reports")
  .add(
    HttpApiEndpoint.get("html", "/reports/results.html")
      .setUrlParams(ReportQuery)
      .addSuccess(HttpApiSchema.Text({ contentType: htmlType }))
      .addError(Validation.ValidationError, { status: 400 })
      .annotate(OpenApi.Description, "The report as a self-contained HTML page with its charts (no script, nothing to fetch)")
  )
  .add(
    HttpApiEndpoint.get("xlsx", "/reports/results.xlsx")
      .setUrlParams(ReportQuery)
      .addSuccess(HttpApiSchema.Uint8Array({ contentType: xlsxType }))
      .addError(Validation.ValidationError, { status: 400 })
      .annotate(OpenApi.Description, "The report as an XLSX workbook, one sheet per table")
  )
  .add(
    HttpApiEndpoint.get("csv", "/reports/results.csv")
      .setUrlParams(WithTable)
      .addSuccess(HttpApiSchema.Text({ contentType: csvType }))
      .addError(Validation.ValidationError, { status: 400 })
      .annotate(OpenApi.Description, "One table of the report as CSV (UTF-8 with a byte-order mark, for Excel; table= picks it)")
  )
  .annotate(
    OpenApi.Description,
    "Reports (보고서): the district's results for a month, a year, a week or any period. Managers and administrators see every counselor; a counselor sees their own rows."
  )
{}
