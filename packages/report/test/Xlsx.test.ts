import { describe, expect, it } from "@effect/vitest"
import ExcelJS from "exceljs"
import { Effect } from "effect"
import * as Xlsx from "../src/Xlsx.js"
import * as Table from "../src/Table.js"
import { marchReport } from "./report.js"

const read = (bytes: Uint8Array) =>
  Effect.promise(async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(bytes) as never)
    return workbook
  })

const value = (cell: ExcelJS.Cell) => (cell.value === null || cell.value === undefined ? undefined : cell.value)

describe("Xlsx", () => {
  it.effect("writes one sheet per table, and exceljs reads back every number as written", () =>
    Effect.gen(function*() {
      const report = yield* marchReport
      const workbook = yield* read(yield* Xlsx.render(report))
      expect(workbook.worksheets.map((s) => s.name)).toEqual(report.tables.map((t) => Xlsx.sheetName(t.title.ko)))
      let numbers = 0
      for (const [i, table] of report.tables.entries()) {
        const sheet = workbook.worksheets[i]!
        // Korean headers in row 1, frozen.
        expect(table.columns.map((_, j) => value(sheet.getCell(1, j + 1)))).toEqual(table.columns.map((c) => c.label.ko))
        expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
        for (const [r, row] of table.rows.entries()) {
          for (const [j, column] of table.columns.entries()) {
            const cell = sheet.getCell(r + 2, j + 1)
            const expected = row.cells[column.key]
            if (typeof expected === "number") {
              expect(cell.value).toBe(expected)
              expect(cell.numFmt).toBe(Xlsx.numberFormat(column))
              numbers++
            } else if (expected === undefined) {
              expect(value(cell)).toBeUndefined()
            } else {
              expect(cell.value).toBe(Table.isLabel(expected) ? expected.ko : expected)
            }
          }
        }
      }
      expect(numbers).toBeGreaterThan(150)
    }))

  it.effect("stores the seeds' budget as numbers with number and percent formats", () =>
    Effect.gen(function*() {
      const report = yield* marchReport
      const sheet = (yield* read(yield* Xlsx.render(report))).getWorksheet("예산 집행 현황")!
      expect([1, 2, 3, 4, 5].map((c) => sheet.getCell(2, c).value)).toEqual(["계", 3_249_090, 2_227_790, 1_021_300, 0.685])
      expect(sheet.getCell(2, 2).numFmt).toBe("#,##0")
      expect(sheet.getCell(2, 5).numFmt).toBe("0.0%")
      expect(sheet.getCell(4, 5).value).toBe(0.689) // 지역일자리사업지원: 68.9%, as the seed prints it
      expect(sheet.getRow(2).font?.bold).toBe(true)
      // Excel shows 0.685 under 0.0% as 68.5%.
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(8)
    }))

  it.effect("writes English headers on request", () =>
    Effect.gen(function*() {
      const report = yield* marchReport
      const workbook = yield* read(yield* Xlsx.render(report, { language: "en" }))
      const sheet = workbook.getWorksheet("Budget execution")!
      expect(sheet.getRow(1).values).toEqual([undefined, "Unit project", "Budget (₩1,000)", "Spent (₩1,000)", "Remaining (₩1,000)", "Execution rate"])
      expect(sheet.getCell(2, 1).value).toBe("Total")
    }))

  it("names sheets within Excel's rules", () => {
    expect(Xlsx.sheetName("구인·구직 미스매치: 직종(대분류)")).toBe("구인·구직 미스매치 직종(대분류)")
    expect(Xlsx.sheetName("a/b\\c[d]e*f?g")).toBe("a b c d e f g")
    expect(Xlsx.sheetName("x".repeat(40))).toHaveLength(31)
  })
})
