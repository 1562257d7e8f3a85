/**
 * CSV: one file per table, in UTF-8 **with a byte-order mark** so that Excel
 * opens Korean text correctly (without it, Excel on a Korean Windows reads
 * the file as CP949 and shows mojibake), CRLF line ends and RFC 4180
 * quoting. Counts are written without grouping (`2664`), rates as percents
 * (`68.5%`), which Excel reads back as numbers; a cell with no figure is
 * empty. Notes are not written: a CSV is data. Text that a spreadsheet would
 * take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return, e.g. a fair named `=HYPERLINK(…)`) is written with a leading `'`, so
 * opening the file never runs it.
 *
 * @example
 * ```ts
 * import { Csv, type Report } from "@iljari/report"
 *
 * declare const report: Report.Report
 * // One CSV file per table, with a BOM so that Excel reads the Korean text.
 * const files = Csv.files(report)
 * ```
 *
 * @since 0.1.0
 * @module
 */
import type { Report } from "./Report.js"
import * as Table from "./Table.js"

/**
 * How to write: the language of headers and labels (default Korean), and
 * whether to start with the byte-order mark (default yes).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly language?: Table.Language
  readonly bom?: boolean
}

/**
 * The byte-order mark a UTF-8 CSV starts with.
 *
 * @since 0.1.0
 * @category constants
 */
export const bom = "\uFEFF"

const formulaStart = /^[=+\-@\t\r]/

// Only text is guarded: numbers and rates are written by iljari and may start with "-".
const cellText = (column: Table.Column, cell: Table.Cell, language: Table.Language): string => {
  const text = Table.plain(column, cell, language)
  return (typeof cell === "string" || Table.isLabel(cell)) && formulaStart.test(text) ? `'${text}` : text
}

const quote = (field: string): string => (/[",\r\n]/.test(field) || /^\s|\s$/.test(field) ? `"${field.replaceAll("\"", "\"\"")}"` : field)

/**
 * One table as CSV text.
 *
 * @since 0.1.0
 * @category rendering
 */
export const table = (table: Table.Table, options: Options = {}): string => {
  const language = options.language ?? "ko"
  const lines = [
    table.columns.map((c) => quote(Table.say(c.label, language))).join(","),
    ...table.rows.map((row) => table.columns.map((c) => quote(cellText(c, row.cells[c.key], language))).join(","))
  ]
  return `${options.bom === false ? "" : bom}${lines.join("\r\n")}\r\n`
}

/**
 * Every table of a report as a file: `{ name: "center-month.csv", content }`.
 *
 * @since 0.1.0
 * @category rendering
 */
export const files = (report: Report, options: Options = {}): ReadonlyArray<{ readonly name: string; readonly content: string }> =>
  report.tables.map((t) => ({ name: `${t.id}.csv`, content: table(t, options) }))
