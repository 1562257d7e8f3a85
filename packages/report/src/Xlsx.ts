/**
 * XLSX with `exceljs`: one sheet per table, named by the table's title;
 * the header in row 1 (Korean by default), bold and **frozen**, so it stays
 * on screen while scrolling; numbers stored as numbers with a number format
 * (`#,##0` for counts and amounts, `0.0%` for rates — the cell holds the
 * fraction 0.685 — `0.00` for ratios), so the sheet can be summed and
 * charted; total rows bold; the table's notes under it after a blank row.
 * A cell with no figure is left empty.
 *
 * @example
 * ```ts
import { type Report, Xlsx } from "@iljari/report"
 *
 * declare const report: Report.Report
 * const workbook = Xlsx.render(report) // one sheet per table, numbers kept as numbers
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Xlsx as Sheets } from "@iljari/sheets"
import type ExcelJS from "exceljs"
import { Effect } from "effect"
import { RenderError } from "./Errors.js"
import type { Report } from "./Report.js"
import * as Table from "./Table.js"

/**
 * How to write: the language of headers and labels (default Korean).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly language?: Table.Language
}

/**
 * The Excel number format of a column, or `undefined` for text.
 *
 * @since 0.1.0
 * @category formats
 */
export const numberFormat = (column: Table.Column): string | undefined => {
  const decimals = Table.decimalsOf(column)
  const fraction = decimals > 0 ? `.${"0".repeat(decimals)}` : ""
  switch (column.kind) {
    case "text":
      return undefined
    case "count":
    case "amount":
      return "#,##0"
    case "decimal":
      return `#,##0${fraction}`
    case "percent":
      return `0${fraction}%`
    case "ratio":
      return `0${fraction}`
  }
}

/**
 * The sheet name of a title: without the characters Excel forbids
 * (`[]:*?/\`), at most 31 characters.
 *
 * @since 0.1.0
 * @category formats
 */
export const sheetName = (title: string): string => Sheets.sheetName(title)

// exceljs is loaded on the first workbook, not when the package is imported:
// code that only needs the port or the figures (such as @iljari/store-sql's
// SQL source) never pays for it. It is CommonJS: Node gives its exports as
// the namespace's default.
const excel = async (): Promise<typeof ExcelJS> => {
  const loaded = (await import("exceljs")) as typeof ExcelJS & { readonly default?: typeof ExcelJS }
  return loaded.default ?? loaded
}

const cellValue = (cell: Table.Cell, language: Table.Language): ExcelJS.CellValue =>
  cell === undefined ? null : Table.isLabel(cell) ? cell[language] : cell

const addSheet = (workbook: ExcelJS.Workbook, table: Table.Table, name: string, language: Table.Language) => {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] })
  const header = sheet.addRow(table.columns.map((c) => Table.say(c.label, language)))
  header.font = { bold: true }
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true }
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } }
    cell.border = { bottom: { style: "thin", color: { argb: "FF7A8CA8" } } }
  })
  for (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((c) => cellValue(row.cells[c.key], language)))
    if (row.total === true) {
      added.font = { bold: true }
      added.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = { top: { style: "thin", color: { argb: "FF7A8CA8" } } }
      })
    }
  }
  table.columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1)
    const format = numberFormat(column)
    if (format !== undefined) {
      // Format the data cells only: the header stays text.
      for (let r = 2; r <= table.rows.length + 1; r++) sheet.getCell(r, i + 1).numFmt = format
    }
    const widest = Math.max(
      Sheets.textWidth(Table.say(column.label, language)),
      ...table.rows.map((row) => Sheets.textWidth(Table.display(column, row.cells[column.key], language)))
    )
    sheetColumn.width = Math.min(60, Math.max(8, widest + 2))
  })
  if (table.notes !== undefined && table.notes.length > 0) {
    sheet.addRow([])
    for (const note of table.notes) {
      const added = sheet.addRow([Table.say(note, language)])
      added.font = { italic: true, color: { argb: "FF555555" } }
    }
  }
  return sheet
}

/**
 * Writes tables to an XLSX workbook, one sheet each, and returns its bytes.
 *
 * @since 0.1.0
 * @category rendering
 */
export const tables = (
  tables: ReadonlyArray<Table.Table>,
  options: Options & { readonly title?: string; readonly created?: Date } = {}
): Effect.Effect<Uint8Array, RenderError> =>
  Effect.tryPromise({
    try: async () => {
      const language = options.language ?? "ko"
      const Excel = await excel()
      const workbook = new Excel.Workbook()
      workbook.creator = "iljari"
      if (options.title !== undefined) workbook.title = options.title
      // A fixed date keeps the bytes a function of the report, not of the clock.
      const created = options.created ?? new Date(Date.UTC(2000, 0, 1))
      workbook.created = created
      workbook.modified = created
      const used = new Set<string>()
      for (const table of tables) {
        const base = sheetName(Table.say(table.title, language))
        let name = base
        for (let n = 2; used.has(name.toLowerCase()); n++) name = sheetName(`${base.slice(0, 26)} (${n})`)
        used.add(name.toLowerCase())
        addSheet(workbook, table, name, language)
      }
      const buffer = await workbook.xlsx.writeBuffer()
      return new Uint8Array(buffer as ArrayBuffer)
    },
    catch: (error) => new RenderError({ format: "xlsx", reason: error instanceof Error ? error.message : String(error) })
  })

/**
 * A report as an XLSX workbook: one sheet per table, in the report's order.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = (report: Report, options: Options = {}): Effect.Effect<Uint8Array, RenderError> =>
  tables(report.tables, {
    ...options,
    title: Table.say(report.title, options.language ?? "ko"),
    created: new Date(`${report.asOf}T00:00:00Z`)
  })
