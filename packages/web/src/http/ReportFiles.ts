/**
 * A report of `@iljari/report` as the files a page offers: the whole report
 * as XLSX, or one of its tables as CSV (UTF-8 with a BOM, which Excel reads
 * as Korean), each named for the report and sent as an attachment.
 */
import { HttpServerResponse } from "@effect/platform"
import { Csv, type Report, Xlsx } from "@iljari/report"
import { Effect } from "effect"
import { pageHeaders } from "./Respond.js"

export type FileKind = "xlsx" | "csv"

const attachment = (name: string, contentType: string, body: Uint8Array | string) => {
  const headers = { ...pageHeaders, "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}` }
  return typeof body === "string"
    ? HttpServerResponse.text(body, { contentType, headers })
    : HttpServerResponse.uint8Array(body, { contentType, headers })
}

/**
 * The file of a report named `fileName` (without a suffix): XLSX, or the CSV
 * of the table `tableId` (the first table when none or an unknown one is
 * asked); `undefined` for a report without tables.
 */
export const reportFile = (
  report: Report.Report,
  options: { readonly kind: FileKind; readonly fileName: string; readonly lang: "ko" | "en"; readonly tableId?: string | null }
) =>
  Effect.gen(function*() {
    if (options.kind === "xlsx") {
      const body = yield* Xlsx.render(report, { language: options.lang }).pipe(Effect.orDie)
      return attachment(`${options.fileName}.xlsx`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body)
    }
    const table = report.tables.find((t) => t.id === options.tableId) ?? report.tables[0]
    return table === undefined
      ? undefined
      : attachment(`${options.fileName}-${table.id}.csv`, "text/csv; charset=utf-8", Csv.table(table, { language: options.lang }))
  })
