/**
 * XLSX workbooks (Excel 2007 and later), read and written with `exceljs`.
 *
 * **Reading** streams the workbook (`exceljs`'s streaming reader: a workbook
 * of 100,000 rows × 12 columns reads in seconds and a few hundred megabytes)
 * and hands over every worksheet, in the workbook's tab order, each row with
 * the number Excel shows for it. A row with nothing in it is skipped; the
 * rows after it keep their numbers. Cells come as the sheet shows them:
 *
 * - a date-formatted cell is a `Date` at UTC midnight of the day it shows
 *   (whatever the time zone of the machine reading it);
 * - a number stays a number (a phone stored as `1012345678` too: what it
 *   means is for the column mapping to say), a truth value a boolean;
 * - rich text is its plain text, a formula its last computed result, a
 *   hyperlink its text, an error value its code (`#N/A`);
 * - in a merged range the value sits in the top-left cell; the others are
 *   `null`, so a merged title above the header is one cell with the title.
 *
 * Empty cells at the end of a row are left out.
 *
 * **Writing** makes an "Excel-ready Korean" workbook: one worksheet per
 * table, the header row bold and frozen, dates formatted `yyyy-mm-dd`,
 * columns as wide as their content (Hangul counted double).
 *
 * @example
 * ```ts
 * import { Xlsx } from "@iljari/sheets"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const bytes = yield* Xlsx.write([
 *     { name: "구직자", headers: ["성명", "생년월일"], rows: [["홍길동", new Date(Date.UTC(1980, 2, 2))]] }
 *   ])
 *   const [sheet] = yield* Xlsx.read(bytes)
 *   return sheet // { name: "구직자", rows: [{ row: 1, cells: ["성명", "생년월일"] }, { row: 2, … }] }
 * })
 * ```
 *
 * @since 0.4.0
 * @module
 */
import type { Sheet } from "@iljari/core"
import { Effect } from "effect"
import type ExcelJS from "exceljs"
import JSZip from "jszip"
import { PassThrough, Readable } from "node:stream"
import { UnreadableFile } from "./Errors.js"
import type { Table } from "./Table.js"

// exceljs is loaded on first use, not when the package is imported. It is
// CommonJS: Node gives its exports as the namespace's default.
const excel = async (): Promise<typeof ExcelJS> => {
  const loaded = (await import("exceljs")) as typeof ExcelJS & { readonly default?: typeof ExcelJS }
  return loaded.default ?? loaded
}

const unreadable = (reason: string) => new UnreadableFile({ format: "xlsx", reason })

const startsWith = (bytes: Uint8Array, prefix: ReadonlyArray<number>) => prefix.every((byte, i) => bytes[i] === byte)

// Excel's test for a date format: once quoted text and [brackets] are removed, a
// y, m, d, h, s or b (Buddhist year) is left. `General`, `#,##0`, `0.0%` have none.
const isDateFormat = (format: string | undefined): boolean =>
  format !== undefined && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""))

const utcDay = (date: Date): Date | null =>
  Number.isNaN(date.getTime()) ? null : new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))

// exceljs turns a serial day into a Date the same way: days since 1899-12-30 as UTC.
const serialToDate = (serial: number, date1904: boolean): Date | null =>
  utcDay(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)))

type Value = ExcelJS.CellValue | ExcelJS.CellFormulaValue["result"] | undefined

const plain = (value: Value, numFmt: string | undefined, date1904: boolean): Sheet.Cell => {
  if (value === null || value === undefined) return null
  if (typeof value === "string") return value === "" ? null : value
  if (typeof value === "number") return isDateFormat(numFmt) ? serialToDate(value, date1904) : value
  if (typeof value === "boolean") return value
  if (value instanceof Date) return utcDay(value)
  if (typeof value !== "object") return null
  if ("richText" in value) return plain(value.richText.map((run) => run.text).join(""), undefined, date1904)
  if ("formula" in value || "sharedFormula" in value) return plain(value.result, numFmt, date1904)
  if ("hyperlink" in value) return plain(value.text as Value, undefined, date1904)
  if ("error" in value) return value.error
  return null
}

interface Reader {
  readonly id?: string | number
  readonly name?: string
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row>
}

interface WorkbookReader {
  workbookRels?: unknown
  model?: { readonly sheets?: ReadonlyArray<{ readonly name: string; readonly rId?: string }> }
  properties?: { readonly date1904?: boolean }
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>
  [Symbol.asyncIterator](): AsyncIterator<Reader>
}

// exceljs's streaming reader reads the archive in one pass and, now and then,
// never gets to its last entry (exceljs issue #3064): where Excel and exceljs
// store the workbook's list of sheets (their names), and other programs the
// shared strings or the styles (a worksheet read before the styles loses its
// number formats, and its dates come as numbers). So the parts every worksheet
// needs are read first, from the archive's directory, and the pass over the
// archive skips them: it reads the worksheets alone, and each as it comes.
const readPartsFirst = async (reader: WorkbookReader, bytes: Uint8Array) => {
  const archive = await JSZip.loadAsync(bytes)
  const part = (path: string) => archive.file(path)?.nodeStream()
  const rels = part("xl/_rels/workbook.xml.rels")
  if (rels !== undefined) await reader._parseRels(rels)
  const workbook = part("xl/workbook.xml")
  if (workbook !== undefined) await reader._parseWorkbook(workbook)
  const styles = part("xl/styles.xml")
  if (styles !== undefined) await reader._parseStyles(styles)
  const strings = part("xl/sharedStrings.xml")
  if (strings !== undefined) for await (const _ of reader._parseSharedStrings(strings)) void _
  reader._parseRels = reader._parseWorkbook = reader._parseStyles = async () => {}
  reader._parseSharedStrings = async function*() {}
}

const rowCells = (row: ExcelJS.Row, date1904: boolean): Array<Sheet.Cell> => {
  const cells: Array<Sheet.Cell> = []
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const value = plain(cell.value as Value, cell.numFmt, date1904)
    if (value !== null) {
      while (cells.length < column - 1) cells.push(null)
      cells[column - 1] = value
    }
  })
  return cells
}

const readAll = async (bytes: Uint8Array): Promise<ReadonlyArray<Sheet.Sheet>> => {
  const Excel = await excel()
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    // "cache" replaces a linked cell's value by nothing in exceljs 4.4; the value is the text.
    hyperlinks: "ignore",
    entries: "ignore"
  }) as unknown as WorkbookReader
  await readPartsFirst(reader, bytes)
  const sheets: Array<Sheet.Sheet & { readonly index: number }> = []
  let read = 0
  for await (const worksheet of { [Symbol.asyncIterator]: () => reader[Symbol.asyncIterator]() }) {
    const date1904 = reader.properties?.date1904 === true
    const rows: Array<Sheet.Row> = []
    for await (const row of { [Symbol.asyncIterator]: () => worksheet[Symbol.asyncIterator]() }) {
      const cells = rowCells(row, date1904)
      if (cells.length > 0) rows.push({ row: row.number, cells })
    }
    // In the workbook's tab order, which the order of the archive's entries need not follow.
    const index = reader.model?.sheets?.findIndex((sheet) => sheet.name === worksheet.name) ?? -1
    read++
    sheets.push({ name: worksheet.name ?? `Sheet${read}`, rows, index: index === -1 ? 1000 + read : index })
  }
  // Every worksheet the workbook lists, or none: the one pass may still miss its last entry.
  const rels = (reader.workbookRels ?? []) as ReadonlyArray<{ readonly Id: string; readonly Target: string }>
  const listed = (reader.model?.sheets ?? []).filter((sheet) => rels.some((rel) => rel.Id === sheet.rId && rel.Target.startsWith("worksheets/")))
  const missing = listed.filter((sheet) => !sheets.some((read) => read.name === sheet.name))
  if (missing.length > 0) throw new MissedWorksheets(missing.map((sheet) => sheet.name))
  return sheets.sort((a, b) => a.index - b.index).map(({ name, rows }) => ({ name, rows }))
}

class MissedWorksheets extends Error {
  constructor(readonly names: ReadonlyArray<string>) {
    super(`the worksheet${names.length > 1 ? "s" : ""} ${names.map((name) => `"${name}"`).join(", ")} could not be read`)
  }
}

// A pass that missed a worksheet is run again (it misses by chance, not for the file).
const readAllOf = async (bytes: Uint8Array, attempts = 3): Promise<ReadonlyArray<Sheet.Sheet>> => {
  try {
    return await readAll(bytes)
  } catch (error) {
    if (error instanceof MissedWorksheets && attempts > 1) return readAllOf(bytes, attempts - 1)
    throw error
  }
}

/**
 * Reads every worksheet of an XLSX workbook. Fails with `UnreadableFile` for an empty
 * file, a file that is no XLSX (an old `.xls`, a CSV renamed, random bytes), a damaged
 * archive, or a workbook without a worksheet.
 *
 * @since 0.4.0
 * @category reading
 */
export const read = (bytes: Uint8Array): Effect.Effect<ReadonlyArray<Sheet.Sheet>, UnreadableFile> =>
  Effect.suspend(() => {
    if (bytes.length === 0) return Effect.fail(unreadable("the file is empty"))
    if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
      return Effect.fail(unreadable("it is an Excel 97-2003 workbook (.xls); save it as .xlsx"))
    }
    if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return Effect.fail(unreadable("it is not a ZIP archive"))
    return Effect.tryPromise({
      try: () => readAllOf(bytes),
      catch: (error) => unreadable(error instanceof Error ? error.message : String(error))
    }).pipe(
      Effect.filterOrFail(
        (sheets) => sheets.length > 0,
        () => unreadable("the archive holds no worksheet")
      )
    )
  })

/**
 * A worksheet name Excel accepts for a table name: without `[]:*?/\`, at most 31
 * characters, never empty.
 *
 * @since 0.4.0
 * @category writing
 */
export const sheetName = (name: string): string => {
  const cleaned = name.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim()
  return (cleaned.length > 31 ? cleaned.slice(0, 31) : cleaned).trim() || "Sheet"
}

/**
 * How many of Excel's character columns a text takes: Hangul and other wide
 * characters about two each. For sizing a column to its longest text.
 *
 * @example
 * ```ts
 * import { Xlsx } from "@iljari/sheets"
 *
 * Xlsx.textWidth("홍길동") // 6
 * Xlsx.textWidth("010-1234-5678") // 13
 * ```
 *
 * @since 0.4.0
 * @category writing
 */
export const textWidth = (text: string): number => {
  let w = 0
  for (const ch of text) w += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 2 : 1
  return w
}

const shown = (cell: Sheet.Cell): string =>
  cell === null ? "" : cell instanceof Date ? "yyyy-mm-dd" : typeof cell === "boolean" ? "FALSE" : String(cell)

// Widths are measured on the first rows only: enough to be sensible, cheap on 100,000 rows.
const measured = 1_000

/**
 * Writes tables to an XLSX workbook, one worksheet each (named after the table, made
 * unique), and returns its bytes: the header row bold and frozen, dates as `yyyy-mm-dd`,
 * numbers as numbers, columns as wide as their content. Rows are streamed into the
 * archive (`exceljs`'s streaming writer), so 100,000 rows take seconds.
 *
 * @since 0.4.0
 * @category writing
 */
export const write = (tables: ReadonlyArray<Table>): Effect.Effect<Uint8Array> =>
  Effect.promise(async () => {
    const Excel = await excel()
    const chunks: Array<Buffer> = []
    const stream = new PassThrough()
    stream.on("data", (chunk: Buffer) => chunks.push(chunk))
    const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true })
    workbook.creator = "iljari"
    // A fixed date keeps the bytes a function of the tables, not of the clock.
    workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1))
    const used = new Set<string>()
    for (const table of tables) {
      const base = sheetName(table.name)
      let name = base
      for (let n = 2; used.has(name.toLowerCase()); n++) name = sheetName(`${base.slice(0, 26)} (${n})`)
      used.add(name.toLowerCase())
      const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] })
      const columns = Math.max(table.headers.length, ...table.rows.map((row) => row.length))
      const sample = table.rows.slice(0, measured)
      sheet.columns = Array.from({ length: columns }, (_, i) => ({
        width: Math.min(60, Math.max(8, 2 + Math.max(textWidth(table.headers[i] ?? ""), ...sample.map((row) => textWidth(shown(row[i] ?? null))))))
      }))
      const header = sheet.addRow([...table.headers])
      header.font = { bold: true }
      header.commit()
      for (const row of table.rows) {
        const added = sheet.addRow([...row])
        row.forEach((cell, i) => {
          if (cell instanceof Date) added.getCell(i + 1).numFmt = "yyyy-mm-dd"
        })
        added.commit()
      }
      sheet.commit()
    }
    if (tables.length === 0) workbook.addWorksheet("Sheet1").commit()
    await workbook.commit()
    return new Uint8Array(Buffer.concat(chunks))
  })
