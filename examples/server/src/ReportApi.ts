/**
 * Report downloads: the district's monthly report as HTML (with its charts),
 * as an XLSX workbook (one sheet per table) or one table as CSV — built from
 * the stored records by `@iljari/report`, in Korean or English. Managers and
 * administrators only (the API adds the 403): the report shows every
 * counselor's results.
 */
import { HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "@effect/platform"
import { Validation } from "@iljari/core"
import { Schema } from "effect"

const Month = Schema.Struct({
  year: Schema.NumberFromString.pipe(
    Schema.int(),
    Schema.between(2000, 2100, { message: () => "year must be a whole year from 2000 to 2100" })
  ),
  month: Schema.NumberFromString.pipe(
    Schema.int(),
    Schema.between(1, 12, { message: () => "month must be a whole month from 1 to 12" })
  ),
  lang: Schema.optional(Schema.Literal("ko", "en"))
})

const WithTable = Schema.Struct({
  ...Month.fields,
  /** The table to download, e.g. `center-month`; the report's first table by default. */
  table: Schema.optional(Schema.String.pipe(Schema.pattern(/^[a-z0-9-]{1,60}$/, { message: () => "table must be a table id such as center-month" })))
})

export const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

export class ReportsApi extends HttpApiGroup.make("reports")
  .add(
    HttpApiEndpoint.get("monthlyHtml", "/reports/monthly.html")
      .setUrlParams(Month)
      .addSuccess(HttpApiSchema.Text({ contentType: "text/html" }))
      .addError(Validation.ValidationError, { status: 400 })
      .annotate(OpenApi.Description, "The monthly report as a self-contained HTML page with charts")
  )
  .add(
    HttpApiEndpoint.get("monthlyXlsx", "/reports/monthly.xlsx")
      .setUrlParams(Month)
      .addSuccess(HttpApiSchema.Uint8Array({ contentType: xlsxType }))
      .addError(Validation.ValidationError, { status: 400 })
      .annotate(OpenApi.Description, "The monthly report as an XLSX workbook, one sheet per table")
  )
  .add(
    HttpApiEndpoint.get("monthlyCsv", "/reports/monthly.csv")
      .setUrlParams(WithTable)
      .addSuccess(HttpApiSchema.Text({ contentType: "text/csv" }))
      .addError(Validation.ValidationError, { status: 400 })
      .annotate(OpenApi.Description, "One table of the monthly report as CSV (UTF-8 with a byte-order mark, for Excel)")
  )
  .annotate(OpenApi.Description, "Reports (보고서): the monthly report of the district, managers and administrators only")
{}
