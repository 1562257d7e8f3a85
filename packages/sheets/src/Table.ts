/**
 * What the writers take: a named table with its header row and its rows of
 * cells, the same cells the readers hand over (`Sheet.Cell` from
 * `@iljari/core`: text, a number, a date at UTC midnight, a truth value or
 * nothing).
 *
 * @example
 * ```ts
 * import type { Table } from "@iljari/sheets"
 *
 * const placements: Table.Table = {
 *   name: "취업자",
 *   headers: ["성명", "취업일", "월급여"],
 *   rows: [["홍길동", new Date(Date.UTC(2016, 2, 2)), 1_500_000]]
 * }
 * ```
 *
 * @since 0.4.0
 * @module
 */
import type { Sheet } from "@iljari/core"

/**
 * A table to write: its name (the worksheet's name in XLSX), its headers and its rows.
 *
 * @since 0.4.0
 * @category models
 */
export interface Table {
  readonly name: string
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<Sheet.Cell>>
}
