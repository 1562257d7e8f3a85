/**
 * The month's follow-up ledger (사후관리대장) as an Excel workbook: a title
 * row with the month and the counselor, a bold header row (both frozen and
 * repeated on every printed page), and one row per check due in the month —
 * 차수, 구직자, 연락처, 사업장, 취업일/기한, 처리일, 방법, 결과, 메모. Dates
 * stay text (`2026-12-05`), as the ledger is read and printed, not summed.
 */
import { FollowUp, type LedgerExport } from "@iljari/core"
import { Data, Effect } from "effect"
import type ExcelJS from "exceljs"
import { type Lang, sayIn } from "../../ui/Say.js"

export const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// exceljs is CommonJS: Node gives its exports as the namespace's default. It
// is loaded on the first download, not when the app starts.
const excel = async (): Promise<typeof ExcelJS> => {
  const loaded = (await import("exceljs")) as typeof ExcelJS & { readonly default?: typeof ExcelJS }
  return loaded.default ?? loaded
}

/** The file's name: `사후관리대장-2026-12.xlsx` (English: `follow-up-ledger-2026-12.xlsx`). */
export const fileName = (month: string, lang: Lang) => `${sayIn(lang)("사후관리대장", "follow-up-ledger")}-${month}.xlsx`

/**
 * `Content-Disposition` for a download: an ASCII name for old clients and
 * the Korean one in RFC 5987's `filename*`.
 */
export const contentDisposition = (month: string, lang: Lang) =>
  `attachment; filename="follow-up-ledger-${month}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName(month, lang))}`

export const headers = (lang: Lang): ReadonlyArray<string> => {
  const say = sayIn(lang)
  return [
    say("차수", "Check"),
    say("구직자", "Seeker"),
    say("연락처", "Phone"),
    say("사업장", "Employer"),
    say("취업일/기한", "Started / due"),
    say("처리일", "Done on"),
    say("방법", "Channel"),
    say("결과", "Result"),
    say("메모", "Notes")
  ]
}

const widths = [7, 12, 16, 24, 25, 12, 14, 22, 40]

/** The state of a check not done: cancelled, past its due date, or still to come. */
const pendingResult = (check: FollowUp.Check, today: string, lang: Lang) => {
  const say = sayIn(lang)
  if (check.cancelledOn !== undefined) return say(`취소 (${check.cancelledOn}, 앞 차수 퇴사)`, `Cancelled (${check.cancelledOn}, quit earlier)`)
  return check.dueOn < today ? say("미처리 (기한 지남)", "Not done (overdue)") : say("예정", "Pending")
}

/** One line's cells, in the header's order. */
export const cellsOf = (line: LedgerExport.Line, today: string, lang: Lang): ReadonlyArray<string> => {
  const say = sayIn(lang)
  const c = line.check.value
  return [
    say(`${c.sequence}차`, `#${c.sequence}`),
    line.seeker.name,
    line.seeker.phone ?? "",
    line.employer,
    `${line.startOn ?? ""} / ${c.dueOn}`,
    c.doneOn ?? "",
    c.channel === undefined ? "" : FollowUp.channelLabel(c.channel, lang),
    c.outcome === undefined ? pendingResult(c, today, lang) : FollowUp.outcomeLabel(c.outcome, lang),
    c.notes ?? ""
  ]
}

/** The title row: `사후관리대장 2026년 12월 · 담당 김상담 (2026-12-05 기준)`. */
export const titleOf = (ledger: LedgerExport.MonthLedger, lang: Lang) => {
  const [year, month] = ledger.month.split("-")
  return sayIn(lang)(
    `사후관리대장 ${year}년 ${Number(month)}월 · 담당 ${ledger.counselor.name} (${ledger.today} 기준)`,
    `Follow-up ledger ${ledger.month} · ${ledger.counselor.name} (as of ${ledger.today})`
  )
}

/** The workbook's bytes. */
export const workbook = async (ledger: LedgerExport.MonthLedger, lang: Lang = "ko"): Promise<Uint8Array> => {
  const say = sayIn(lang)
  const Excel = await excel()
  const book = new Excel.Workbook()
  book.creator = "iljari"
  book.title = titleOf(ledger, lang)
  // The day of reading, not the clock's second: the same ledger gives the same bytes.
  const created = new Date(`${ledger.today}T00:00:00Z`)
  book.created = created
  book.modified = created
  const columns = headers(lang)
  const sheet = book.addWorksheet(say(`사후관리대장 ${ledger.month}`, `Follow-ups ${ledger.month}`), {
    views: [{ state: "frozen", xSplit: 0, ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" }
  })
  const title = sheet.addRow([titleOf(ledger, lang)])
  sheet.mergeCells(1, 1, 1, columns.length)
  title.font = { bold: true, size: 14 }
  title.height = 24
  const header = sheet.addRow([...columns])
  header.font = { bold: true }
  header.alignment = { vertical: "middle", horizontal: "center" }
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } }
    cell.border = { bottom: { style: "thin", color: { argb: "FF7A8CA8" } } }
  })
  for (const line of ledger.lines) {
    const row = sheet.addRow([...cellsOf(line, ledger.today, lang)])
    row.alignment = { vertical: "top", wrapText: true }
  }
  if (ledger.lines.length === 0) {
    sheet.addRow([say("이 달에 기한인 사후관리가 없습니다.", "No follow-up check is due this month.")]).font = { italic: true }
  }
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width
  })
  const buffer = await book.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/** A workbook that cannot be written (it should not happen: a fault). */
export class LedgerXlsxFailed extends Data.TaggedError("LedgerXlsxFailed")<{ readonly reason: string }> {}

export const render = (ledger: LedgerExport.MonthLedger, lang: Lang) =>
  Effect.tryPromise({
    try: () => workbook(ledger, lang),
    catch: (error) => new LedgerXlsxFailed({ reason: error instanceof Error ? error.message : String(error) })
  })
