/**
 * A spreadsheet as a reader hands it over: its rows, each with the number the
 * person sees in Excel (title and header rows counted, blank rows skipped but
 * never renumbered), and each cell as the file holds it — text, a number, a
 * date the sheet formatted as one, a truth value, or nothing.
 *
 * Readers for XLSX and CSV (UTF-8 with or without BOM, CP949/EUC-KR) live in
 * `@iljari/sheets`; the core only interprets cells.
 *
 * @example
 * ```ts
 * import { Sheet } from "@iljari/core"
 *
 * const sheet: Sheet.Sheet = {
 *   name: "구직자",
 *   rows: [
 *     { row: 1, cells: ["2016년 구직자 명단"] },
 *     { row: 2, cells: ["성명", "생년월일", "연락처"] },
 *     { row: 3, cells: ["홍길동", new Date(Date.UTC(1980, 2, 2)), 1012345678] }
 *   ]
 * }
 * ```
 *
 * @since 0.4.0
 * @module
 * @category onboarding
 */

/**
 * One cell: a date cell is a `Date` at UTC midnight of the day it shows.
 *
 * @since 0.4.0
 * @category models
 */
export type Cell = string | number | boolean | Date | null

/**
 * One row of a sheet, numbered as the spreadsheet numbers it (from 1).
 *
 * @since 0.4.0
 * @category models
 */
export interface Row {
  readonly row: number
  readonly cells: ReadonlyArray<Cell>
}

/**
 * A sheet: its name (the worksheet's, or the CSV file's) and its non-blank rows in order.
 *
 * @since 0.4.0
 * @category models
 */
export interface Sheet {
  readonly name: string
  readonly rows: ReadonlyArray<Row>
}

/**
 * A cell's text as a person reads it, trimmed; `""` for an empty cell.
 *
 * @since 0.4.0
 * @category cells
 */
export const text = (cell: Cell | undefined): string =>
  cell === null || cell === undefined
    ? ""
    : cell instanceof Date
    ? cell.toISOString().slice(0, 10)
    : String(cell).trim()
