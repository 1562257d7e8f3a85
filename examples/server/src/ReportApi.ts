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
 * their own rows only (403 if they ask for a colleague's); a city analyst
 * names one of the districts granted (`district=`) and gets its figures
 * without a row that names a person.
 */
import { HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "@effect/platform"
import { Ids } from "@iljari/core"
import { ReportQuery as Query } from "@iljari/report"
import { Schema } from "effect"
import * as E from "./ApiErrors.js"
import { bilingual } from "./ApiErrors.js"
import { doc, integer, oneOf } from "./Params.js"

/**
 * The query every report download takes: `@iljari/report`'s query (its year
 * typed as the integer it is), and the labels' language. It has no
 * identifier: a query schema named in the document's components would be
 * referred to, and a reference lists no parameters.
 */
export const ReportQuery = Schema.Struct({
  ...Query.Query.fields,
  year: Schema.optional(integer({
    min: 2000,
    max: 2100,
    description: "Alone: the annual report; with month=1–12: that month's report",
    en: "year must be a whole year from 2000 to 2100",
    ko: "year는 2000부터 2100까지의 연도여야 합니다"
  })),
  district: Schema.optional(Ids.DistrictId.annotations({ description: "For a city analyst: which of the granted districts" })),
  lang: Schema.optional(oneOf(["ko", "en"], "Labels in Korean (default) or English"))
})

export type ReportQuery = typeof ReportQuery.Type

const WithTable = Schema.Struct({
  ...ReportQuery.fields,
  /** The table to download, e.g. `center-month`; the report's first table by default. */
  table: Schema.optional(
    Schema.String.pipe(Schema.pattern(/^[a-z0-9-]{1,60}$/, {
      message: () => bilingual("table must be a table id such as center-month", "table은 center-month 같은 표 id여야 합니다")
    })).annotations({ description: "The table to download, e.g. center-month or counselors-month (the report's first by default)" })
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
      .addError(E.ValidationError)
      .annotateContext(doc(
        "The report as HTML",
        "The report of one period (month=, year=, week= or from=&to=) as a self-contained HTML page with its charts (no script, nothing to fetch), shown inline"
      ))
  )
  .add(
    HttpApiEndpoint.get("xlsx", "/reports/results.xlsx")
      .setUrlParams(ReportQuery)
      .addSuccess(HttpApiSchema.Uint8Array({ contentType: xlsxType }))
      .addError(E.ValidationError)
      .annotateContext(doc(
        "The report as an XLSX workbook",
        "The report of one period (month=, year=, week= or from=&to=) as an XLSX workbook, one sheet per table, downloaded as an attachment"
      ))
  )
  .add(
    HttpApiEndpoint.get("csv", "/reports/results.csv")
      .setUrlParams(WithTable)
      .addSuccess(HttpApiSchema.Text({ contentType: csvType }))
      .addError(E.ValidationError)
      .annotateContext(doc(
        "One table of the report as CSV",
        "One table of the report of one period as CSV (UTF-8 with a byte-order mark, for Excel); table= picks it, the report's first by default, and an unknown one is a 400 listing the report's tables"
      ))
  )
  .annotate(
    OpenApi.Description,
    "Reports (보고서): the district's results for a month, a year, a week or any period. Managers and administrators see every counselor; a counselor sees their own rows."
  )
{}
