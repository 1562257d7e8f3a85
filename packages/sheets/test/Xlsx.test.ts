import { describe, expect, it } from "@effect/vitest"
import { Sheet } from "@iljari/core"
import { Effect, Either } from "effect"
import ExcelJS from "exceljs"
import { randomBytes } from "node:crypto"
import { Xlsx } from "@iljari/sheets"

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

// A seekers list as a district keeps it: a merged title, Korean headers, Excel dates,
// a phone stored as a number, amounts written as text, a blank row in the middle.
const seekersWorkbook = async (): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet("구직자")
  sheet.mergeCells("A1:H1")
  sheet.getCell("A1").value = "2016년 구직자 명단"
  sheet.getRow(2).values = ["성명", "생년월일", "연락처", "희망직종", "취업일", "금액", "비고", "상태"]
  sheet.getRow(3).values = ["홍길동", day(1980, 3, 2), 1012345678, "사무원", day(2016, 3, 31), "1,500,000원", null, true]
  sheet.getRow(5).values = [
    { richText: [{ text: "김" }, { font: { bold: true }, text: "영희" }] },
    day(1975, 12, 31),
    "010-2345-6789",
    { text: "조리사", hyperlink: "https://example.org/jobs/1" },
    day(2016, 1, 1),
    { formula: "1000000+500000", result: 1500000 },
    { formula: "DATE(2016,2,29)", result: day(2016, 2, 29) },
    false
  ]
  for (const cell of ["B3", "E3", "B5", "E5", "G5"]) sheet.getCell(cell).numFmt = "yyyy-mm-dd"
  // A Korean long date format, as Excel's 날짜 menu gives it.
  sheet.getCell("B5").numFmt = "yyyy\"년\" m\"월\" d\"일\";@"
  const second = workbook.addWorksheet("참고")
  second.getCell("B2").value = 42
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe("Xlsx.read", () => {
  it.effect("reads a seekers list with its merged title, Korean headers and Excel dates, rows numbered as Excel shows them", () =>
    Effect.gen(function*() {
      const bytes = yield* Effect.promise(seekersWorkbook)
      const sheets = yield* Xlsx.read(bytes)
      expect(sheets.map((s) => s.name)).toEqual(["구직자", "참고"])
      const [seekers, notes] = sheets
      expect(seekers!.rows).toEqual([
        { row: 1, cells: ["2016년 구직자 명단"] },
        { row: 2, cells: ["성명", "생년월일", "연락처", "희망직종", "취업일", "금액", "비고", "상태"] },
        { row: 3, cells: ["홍길동", day(1980, 3, 2), 1012345678, "사무원", day(2016, 3, 31), "1,500,000원", null, true] },
        // row 4 is blank: skipped, and the next row keeps its number
        {
          row: 5,
          cells: ["김영희", day(1975, 12, 31), "010-2345-6789", "조리사", day(2016, 1, 1), 1500000, day(2016, 2, 29), false]
        }
      ])
      expect(notes!.rows).toEqual([{ row: 2, cells: [null, 42] }])
      expect(Sheet.text(seekers!.rows[2]!.cells[1])).toBe("1980-03-02")
    }))

  it.effect("gives the day a date cell shows, at UTC midnight, including the first and last second of a day", () =>
    Effect.gen(function*() {
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet("dates")
      sheet.getCell("A1").value = new Date(Date.UTC(2016, 2, 2, 0, 0, 0))
      sheet.getCell("A2").value = new Date(Date.UTC(2016, 2, 2, 23, 59, 59))
      sheet.getCell("A3").value = 42431 // the serial day of 2016-03-02, formatted as a date
      sheet.getCell("A4").value = 42431 // the same number, not formatted: a number
      for (const cell of ["A1", "A2", "A3"]) sheet.getCell(cell).numFmt = "yyyy-mm-dd hh:mm"
      const bytes = new Uint8Array(yield* Effect.promise(() => workbook.xlsx.writeBuffer()))
      const [read] = yield* Xlsx.read(bytes)
      expect(read!.rows.map((r) => r.cells[0])).toEqual([day(2016, 3, 2), day(2016, 3, 2), day(2016, 3, 2), 42431])
    }))

  // exceljs's one pass over the archive misses its last entry now and then (the list of
  // sheets, in a workbook exceljs or Excel wrote): one read in three did, before.
  it.effect("names every sheet of a workbook in tab order, read after read", () =>
    Effect.gen(function*() {
      const names = ["구직자 명단", "구인업체·채용 현황", "취업자 관리대장", "사후관리대장"]
      const bytes = yield* Xlsx.write(names.map((name, t) => ({
        name,
        headers: ["성명", "일자"],
        rows: Array.from({ length: 10 + t }, (_, i) => [`${name} ${i}`, new Date(Date.UTC(2026, 0, 1 + i))])
      })))
      for (let read = 0; read < 20; read++) {
        const sheets = yield* Xlsx.read(bytes)
        expect(sheets.map((sheet) => sheet.name)).toEqual(names)
        expect(sheets[3]!.rows[1]!.cells[1]).toEqual(new Date(Date.UTC(2026, 0, 1)))
      }
    }))

  it.effect("refuses what is no XLSX: random bytes, an empty file, a truncated workbook, an old .xls, a ZIP without worksheets", () =>
    Effect.gen(function*() {
      const good = yield* Effect.promise(seekersWorkbook)
      const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(500)])
      const zipOfNothing = new Uint8Array(
        yield* Effect.promise(async () => {
          // A ZIP archive with one text entry, written by exceljs's own zip dependency chain:
          // an XLSX workbook whose sheets were all removed is the nearest real case.
          const workbook = new ExcelJS.Workbook()
          workbook.addWorksheet("x")
          const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
          // Rename the worksheet entries so that no worksheet is found.
          return bytes.toString("latin1").replaceAll("xl/worksheets/sheet1.xml", "xl/worksheets/other1.xml")
        }).pipe(Effect.map((text) => Buffer.from(text, "latin1")))
      )
      for (
        const [bytes, reason] of [
          [new Uint8Array(randomBytes(4096)), /not a ZIP archive/],
          [new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...randomBytes(4096)]), /./],
          [new Uint8Array(), /empty/],
          [good.slice(0, Math.floor(good.length / 2)), /./],
          [xls, /\.xls/],
          // The workbook still lists its sheet: the message names the one that is missing.
          [zipOfNothing, /the worksheet "x" could not be read/]
        ] as const
      ) {
        const result = yield* Effect.either(Xlsx.read(bytes))
        expect(Either.isLeft(result)).toBe(true)
        if (Either.isLeft(result)) {
          expect(result.left._tag).toBe("UnreadableFile")
          expect(result.left.reason).toMatch(reason)
          expect(result.left.message).toContain("(엑셀 파일을 읽을 수 없습니다)")
        }
      }
    }))
})

describe("Xlsx.write", () => {
  it.effect("writes Korean text, dates and numbers that read back equal, with a bold frozen header and date formats", () =>
    Effect.gen(function*() {
      const rows = [
        ["홍길동", day(1980, 3, 2), 1012345678, "1,500,000원", true],
        ["김영희, \"조리사\"\n2줄", day(2016, 12, 31), 2_500_000.5, null, false]
      ] as const
      const bytes = yield* Xlsx.write([
        { name: "취업자", headers: ["성명", "취업일", "연락처", "금액", "유지"], rows },
        { name: "취업자", headers: ["a"], rows: [] }
      ])
      const sheets = yield* Xlsx.read(bytes)
      expect(sheets.map((s) => s.name)).toEqual(["취업자", "취업자 (2)"])
      expect(sheets[0]!.rows).toEqual([
        { row: 1, cells: ["성명", "취업일", "연락처", "금액", "유지"] },
        { row: 2, cells: [...rows[0]] },
        { row: 3, cells: ["김영희, \"조리사\"\n2줄", day(2016, 12, 31), 2_500_000.5, null, false] }
      ])

      const workbook = new ExcelJS.Workbook()
      yield* Effect.promise(() => workbook.xlsx.load(Buffer.from(bytes) as never))
      const sheet = workbook.getWorksheet("취업자")!
      expect(sheet.getCell("A1").font?.bold).toBe(true)
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
      expect(sheet.getCell("B2").numFmt).toBe("yyyy-mm-dd")
      // "김영희, ..." is wider than its header; Hangul counts double
      expect(sheet.getColumn(1).width).toBeGreaterThan(sheet.getColumn(5).width!)
    }))
})

describe("a large workbook", () => {
  it.effect("reads 100,000 rows of 12 columns", () =>
    Effect.gen(function*() {
      const headers = ["성명", "생년월일", "연락처", "희망직종", "취업일", "금액", "주소", "성별", "학력", "경력", "비고", "번호"]
      const rows = Array.from({ length: 100_000 }, (_, i) => [
        `홍길동${i}`, day(1980, 3, 2 + (i % 300)), 1012345678 + i, "사무원", day(2016, 3, 2), "1,500,000원",
        "서울시 강동구 천호대로 1", "남", "대졸", 3, `비고 ${i % 7}`, i
      ])
      const writing = Date.now()
      const bytes = yield* Xlsx.write([{ name: "구직자", headers, rows }])
      console.log(`Xlsx.write: 100,000 rows × 12 columns in ${Date.now() - writing} ms`)
      const started = Date.now()
      const [sheet] = yield* Xlsx.read(bytes)
      const elapsed = Date.now() - started
      console.log(`Xlsx.read: 100,000 rows × 12 columns in ${elapsed} ms`)
      expect(sheet!.rows.length).toBe(100_001)
      expect(sheet!.rows[100_000]).toEqual({ row: 100_001, cells: rows[99_999] })
    }), 300_000)
})
