/**
 * CSV as Korean offices produce it, read and written.
 *
 * **Reading**: the encoding is found from the bytes (UTF-8 with or without a
 * byte-order mark, else CP949/EUC-KR, what Excel on a Korean Windows saves as
 * "CSV (쉼표로 분리)"); the delimiter is a comma, or a tab when the first
 * record has tabs and no comma outside quotes. Each record gets the row number Excel shows when it
 * opens the file: records are counted, so a quoted cell holding a line break
 * is still one row, and a blank record is skipped without renumbering the
 * rows after it. Cells are text as written (an empty cell is `null`);
 * interpreting them is the core's (`Sheet.text`, the column mapping).
 *
 * **Writing** is for Excel: UTF-8 with a byte-order mark by default (without
 * it, Excel on a Korean Windows takes the file for CP949 and shows mojibake),
 * or CP949 on request; CRLF line ends and RFC 4180 quoting; a date as
 * `yyyy-mm-dd`, a number without grouping, `TRUE`/`FALSE`. Text a spreadsheet
 * would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) is written with a leading `'`, so opening the file never
 * runs it, unless `formulas: "keep"` is asked for.
 *
 * @example
 * ```ts
 * import { Csv } from "@iljari/sheets"
 * import { Effect } from "effect"
 *
 * const bytes = Csv.write({ name: "구직자", headers: ["성명", "연락처"], rows: [["홍길동", "010-1234-5678"]] })
 * const sheet = Effect.runSync(Csv.read(bytes, { name: "구직자" }))
 * // sheet.rows: [{ row: 1, cells: ["성명", "연락처"] }, { row: 2, cells: ["홍길동", "010-1234-5678"] }]
 * ```
 *
 * @since 0.4.0
 * @module
 */
import type { Sheet } from "@iljari/core"
import { parse } from "csv-parse/sync"
import { Effect } from "effect"
import iconv from "iconv-lite"
import { UnreadableFile } from "./Errors.js"
import type { Table } from "./Table.js"

/**
 * The encodings a reader accepts: `"auto"` (the default) finds it from the bytes.
 *
 * @since 0.4.0
 * @category models
 */
export type Encoding = "utf-8" | "cp949"

/**
 * How to read: the encoding (default `"auto"`) and the sheet's name (default `"Sheet1"`,
 * as Excel would call it; pass the file's name).
 *
 * @since 0.4.0
 * @category models
 */
export interface ReadOptions {
  readonly encoding?: "auto" | Encoding
  readonly name?: string
}

/**
 * How to write: the encoding (default UTF-8 with a byte-order mark) and whether text that
 * looks like a formula is guarded with a leading `'` (default) or kept as it is.
 *
 * @since 0.4.0
 * @category models
 */
export interface WriteOptions {
  readonly encoding?: Encoding
  readonly formulas?: "guard" | "keep"
}

const hasBom = (bytes: Uint8Array): boolean => bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * The encoding of a CSV file's bytes: UTF-8 when it starts with the byte-order mark or is
 * valid UTF-8, else CP949 (EUC-KR and its extension to every Hangul syllable). Plain ASCII
 * is valid UTF-8, and reads the same either way.
 *
 * @since 0.4.0
 * @category encoding
 */
export const detectEncoding = (bytes: Uint8Array): Encoding => (hasBom(bytes) || isUtf8(bytes) ? "utf-8" : "cp949")

// CP949 is decoded with iconv-lite, not with `new TextDecoder("euc-kr")`: Node 20's
// decoder (ICU 78) knows only EUC-KR's 2,350 Hangul syllables, not the 8,822 that
// CP949 adds (갂, 꺆, 똠 …), and turns them into U+FFFD. iconv-lite replaces what is
// invalid with U+FFFD too, which CP949 never maps to: finding one means invalid bytes.
const decode = (bytes: Uint8Array, encoding: Encoding): string | undefined => {
  if (encoding === "cp949") {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "cp949")
    return text.includes("\uFFFD") ? undefined : text
  }
  try {
    // The UTF-8 decoder drops a leading byte-order mark.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

const unreadable = (reason: string) => new UnreadableFile({ format: "csv", reason })

// A tab when the first record has tabs and no comma outside quotes, else a comma.
const delimiterOf = (text: string): "," | "\t" => {
  let quoted = false
  let tabs = false
  for (const ch of text) {
    if (ch === "\"") quoted = !quoted
    else if (quoted) continue
    else if (ch === ",") return ","
    else if (ch === "\t") tabs = true
    else if (ch === "\n" || ch === "\r") break
  }
  return tabs ? "\t" : ","
}

const trimEnd = (cells: ReadonlyArray<Sheet.Cell>): Array<Sheet.Cell> => {
  let end = cells.length
  while (end > 0 && cells[end - 1] === null) end--
  return cells.slice(0, end)
}

/**
 * Reads a CSV (or tab-separated) file into a sheet. Fails with `UnreadableFile` for an
 * empty file, bytes that are neither UTF-8 nor CP949 (or contain NUL bytes: a binary
 * file), or a quote that is never closed.
 *
 * @since 0.4.0
 * @category reading
 */
export const read = (bytes: Uint8Array, options: ReadOptions = {}): Effect.Effect<Sheet.Sheet, UnreadableFile> =>
  Effect.suspend(() => {
    const name = options.name ?? "Sheet1"
    if (bytes.length === 0) return Effect.fail(unreadable("the file is empty"))
    if (bytes.includes(0)) return Effect.fail(unreadable("the file holds NUL bytes: it is not text"))
    const requested = options.encoding ?? "auto"
    const encoding = requested === "auto" ? detectEncoding(bytes) : requested
    const text = decode(bytes, encoding)
    if (text === undefined) {
      return Effect.fail(
        unreadable(requested === "auto" ? "the text is neither UTF-8 nor CP949" : `the text is not valid ${encoding.toUpperCase()}`)
      )
    }
    return Effect.try({
      try: () =>
        parse(text, {
          bom: true,
          delimiter: delimiterOf(text),
          relax_column_count: true,
          relax_quotes: true,
          skip_empty_lines: false
        }) as Array<Array<string>>,
      catch: (error) => unreadable(error instanceof Error ? error.message : String(error))
    }).pipe(
      Effect.map((records): Sheet.Sheet => {
        const rows: Array<Sheet.Row> = []
        records.forEach((record, i) => {
          const cells = trimEnd(record.map((cell) => (cell === "" ? null : cell)))
          if (cells.length > 0) rows.push({ row: i + 1, cells })
        })
        return { name, rows }
      })
    )
  })

const formulaStart = /^[=+\-@\t\r]/

const pad = (n: number, width: number) => String(n).padStart(width, "0")

/**
 * A date cell as `yyyy-mm-dd`, the day it stands for (its UTC date).
 *
 * @since 0.4.0
 * @category writing
 */
export const isoDate = (date: Date): string =>
  `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`

const cellText = (cell: Sheet.Cell, formulas: "guard" | "keep"): string => {
  if (cell === null) return ""
  if (cell instanceof Date) return isoDate(cell)
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE"
  if (typeof cell === "number") return String(cell)
  return formulas === "guard" && formulaStart.test(cell) ? `'${cell}` : cell
}

// Tabs are quoted too, so that a reader never takes a one-column file for tab-separated.
const quote = (field: string): string =>
  /[",\t\r\n]/.test(field) || /^\s|\s$/.test(field) ? `"${field.replaceAll("\"", "\"\"")}"` : field

/**
 * A table as CSV text, without a byte-order mark: the header line, then one line per row,
 * each ended by CRLF.
 *
 * @since 0.4.0
 * @category writing
 */
export const text = (table: Table, options: Pick<WriteOptions, "formulas"> = {}): string => {
  const formulas = options.formulas ?? "guard"
  const lines = [
    table.headers.map((header) => quote(cellText(header, formulas))),
    ...table.rows.map((row) => row.map((cell) => quote(cellText(cell, formulas))))
  ]
  return lines.map((line) => `${line.join(",")}\r\n`).join("")
}

/**
 * A table as the bytes of a CSV file Excel opens with its Korean intact: UTF-8 with a
 * byte-order mark (default), or CP949, where a character CP949 lacks (an emoji, say)
 * becomes `?`.
 *
 * @since 0.4.0
 * @category writing
 */
export const write = (table: Table, options: WriteOptions = {}): Uint8Array => {
  const body = text(table, options)
  if (options.encoding === "cp949") return new Uint8Array(iconv.encode(body, "cp949"))
  return new TextEncoder().encode(`\uFEFF${body}`)
}
