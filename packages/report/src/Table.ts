/**
 * The neutral shape every figure is turned into before rendering: a titled
 * table of typed columns (labelled in Korean and English) and rows, with an
 * optional chart drawn from the same rows. Renderers (CSV, XLSX, HTML) read
 * only this; they never query and never compute a figure.
 *
 * @example
 * ```ts
 * import { Table } from "@iljari/report"
 *
 * declare const table: Table.Table
 * const placements = Table.numbers(table, "placements")
 * Table.say({ ko: "취업자 수", en: "Placements" }, "ko") // "취업자 수"
 * ```
 *
 * @since 0.1.0
 * @module
 */
import type { Codes } from "@iljari/core"
import * as Rate from "./Rate.js"

/**
 * A label in Korean and English.
 *
 * @since 0.1.0
 * @category models
 */
export type Label = Codes.Label

/**
 * A language a report is rendered in: Korean (the default) or English.
 *
 * @since 0.1.0
 * @category models
 */
export type Language = Codes.Language

/**
 * What a column holds, which decides how each renderer writes it:
 *
 * - `text`: a string, or a {@link Label} written in the report's language;
 * - `count`: a whole number (`#,##0`);
 * - `amount`: a sum of money in the table's unit (`#,##0`);
 * - `decimal`: a number with `decimals` decimals (default 1), e.g. an
 *   expected count of 17.0;
 * - `percent`: a fraction (`0.685`) printed as a percent with `decimals`
 *   decimals (default 1): `68.5%`;
 * - `ratio`: a plain ratio with `decimals` decimals (default 2), e.g. 4.25
 *   seekers per position.
 *
 * @since 0.1.0
 * @category models
 */
export type ColumnKind = "text" | "count" | "amount" | "decimal" | "percent" | "ratio"

/**
 * A column: the key its cells are stored under, its header and its kind.
 *
 * @since 0.1.0
 * @category models
 */
export interface Column {
  readonly key: string
  readonly label: Label
  readonly kind: ColumnKind
  /** Decimals for `decimal`, `percent` (of a percent) and `ratio` columns. */
  readonly decimals?: number
}

/**
 * A cell: text, a label in both languages, a number, or `undefined` when
 * there is no figure (a rate over a zero target), printed `-`.
 *
 * @since 0.1.0
 * @category models
 */
export type Cell = string | number | Label | undefined

/**
 * A row of cells by column key; `total` marks a total row (printed bold, left
 * out of charts).
 *
 * @since 0.1.0
 * @category models
 */
export interface Row {
  readonly cells: Readonly<Record<string, Cell>>
  readonly total?: boolean
}

/**
 * How a table is drawn as a chart: one bar group (or point) per row,
 * categories from `category`, one series per column of `series`. `stacked`
 * stacks the series; `horizontal` lays bars sideways (long Korean labels
 * read better that way).
 *
 * @since 0.1.0
 * @category models
 */
export interface Chart {
  readonly kind: "bar" | "stacked" | "line"
  readonly category: string
  readonly series: ReadonlyArray<string>
  readonly horizontal?: boolean
  readonly title?: Label
}

/**
 * A table. `id` is a short ASCII name for files (`center-monthly.csv`);
 * `title` names the sheet and the section; `notes` are printed under it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Table {
  readonly id: string
  readonly title: Label
  readonly columns: ReadonlyArray<Column>
  readonly rows: ReadonlyArray<Row>
  readonly notes?: ReadonlyArray<Label>
  readonly chart?: Chart
}

/**
 * A label in one language.
 *
 * @since 0.1.0
 * @category formatting
 */
export const say = (label: Label, language: Language): string => label[language]

/**
 * Whether a cell is a label in both languages.
 *
 * @since 0.1.0
 * @category formatting
 */
export const isLabel = (cell: Cell): cell is Label => typeof cell === "object" && cell !== null

/**
 * The default decimals of a column.
 *
 * @since 0.1.0
 * @category formatting
 */
export const decimalsOf = (column: Column): number =>
  column.decimals ?? (column.kind === "ratio" ? 2 : column.kind === "decimal" || column.kind === "percent" ? 1 : 0)

const grouped = (value: number, decimals: number): string =>
  value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })

/**
 * A cell as a person reads it: `2,664`, `68.5%`, `17.0`, a label in the
 * language, or `-` for no figure.
 *
 * @since 0.1.0
 * @category formatting
 */
export const display = (column: Column, cell: Cell, language: Language): string => {
  if (cell === undefined) return "-"
  if (isLabel(cell)) return cell[language]
  if (typeof cell === "string") return cell
  switch (column.kind) {
    case "percent":
      return Rate.percentText(cell, decimalsOf(column))
    case "text":
      return String(cell)
    default:
      return grouped(cell, decimalsOf(column))
  }
}

/**
 * A cell as plain data for a machine (CSV): numbers without grouping,
 * percents as `68.5%`, labels in the language, an empty string for no figure.
 *
 * @since 0.1.0
 * @category formatting
 */
export const plain = (column: Column, cell: Cell, language: Language): string => {
  if (cell === undefined) return ""
  if (isLabel(cell)) return cell[language]
  if (typeof cell === "string") return cell
  switch (column.kind) {
    case "percent":
      return Rate.percentText(cell, decimalsOf(column))
    case "decimal":
    case "ratio":
      return cell.toFixed(decimalsOf(column))
    default:
      return String(cell)
  }
}

/**
 * The numbers of one column, row by row (`undefined` where a row has none).
 *
 * @since 0.1.0
 * @category queries
 */
export const numbers = (table: Table, key: string): ReadonlyArray<number | undefined> =>
  table.rows.map((row) => {
    const cell = row.cells[key]
    return typeof cell === "number" ? cell : undefined
  })
