import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import * as fc from "fast-check"
import iconv from "iconv-lite"
import { randomBytes } from "node:crypto"
import { Csv } from "@iljari/sheets"

const utf8 = (text: string) => new TextEncoder().encode(text)
const withBom = (text: string) => utf8(`\uFEFF${text}`)
const cp949 = (text: string) => new Uint8Array(iconv.encode(text, "cp949"))

const seekers = "성명,생년월일,연락처,금액\r\n홍길동,1980-03-02,010-1234-5678,\"1,500,000원\"\r\n\r\n김영희,1975.12.31,01023456789,\r\n"
const expected = [
  { row: 1, cells: ["성명", "생년월일", "연락처", "금액"] },
  { row: 2, cells: ["홍길동", "1980-03-02", "010-1234-5678", "1,500,000원"] },
  // row 3 is blank: skipped, the next record keeps Excel's number
  { row: 4, cells: ["김영희", "1975.12.31", "01023456789"] }
]

const failure = (bytes: Uint8Array, options?: Csv.ReadOptions) =>
  Effect.either(Csv.read(bytes, options)).pipe(
    Effect.map((result) => {
      expect(Either.isLeft(result)).toBe(true)
      return Either.isLeft(result) ? result.left : undefined
    })
  )

describe("Csv.read", () => {
  it.effect("reads the same list saved by Excel as CP949, as UTF-8 with a BOM and as UTF-8 without", () =>
    Effect.gen(function*() {
      expect(Csv.detectEncoding(cp949(seekers))).toBe("cp949")
      expect(Csv.detectEncoding(withBom(seekers))).toBe("utf-8")
      expect(Csv.detectEncoding(utf8(seekers))).toBe("utf-8")
      for (const bytes of [cp949(seekers), withBom(seekers), utf8(seekers)]) {
        const sheet = yield* Csv.read(bytes, { name: "구직자.csv" })
        expect(sheet).toEqual({ name: "구직자.csv", rows: expected })
      }
      // An encoding given explicitly is used as given.
      expect((yield* Csv.read(cp949(seekers), { encoding: "cp949" })).rows).toEqual(expected)
      expect((yield* failure(cp949(seekers), { encoding: "utf-8" }))?.reason).toMatch(/not valid UTF-8/)
    }))

  it.effect("reads every Hangul syllable of CP949, those beyond EUC-KR's 2,350 too", () =>
    Effect.gen(function*() {
      // 갂, 꺆 and 똠 are in CP949's extension: Node's own euc-kr decoder turns them into U+FFFD.
      const syllables = Array.from({ length: 0xd7a3 - 0xac00 + 1 }, (_, i) => String.fromCharCode(0xac00 + i)).join("")
      const sheet = yield* Csv.read(cp949(`성명\r\n갂꺆똠\r\n${syllables}\r\n`))
      expect(sheet.rows.map((r) => r.cells[0])).toEqual(["성명", "갂꺆똠", syllables])
    }))

  it.effect("reads a tab-separated file, and keeps a comma-separated one with tabs in its cells", () =>
    Effect.gen(function*() {
      const tsv = yield* Csv.read(utf8("성명\t주소\n홍길동\t서울시 강동구, 천호동\n"))
      expect(tsv.rows).toEqual([
        { row: 1, cells: ["성명", "주소"] },
        { row: 2, cells: ["홍길동", "서울시 강동구, 천호동"] }
      ])
      const csv = yield* Csv.read(utf8("성명,비고\t메모\n홍길동,a\tb\n"))
      expect(csv.rows[1]).toEqual({ row: 2, cells: ["홍길동", "a\tb"] })
    }))

  it.effect("numbers records as Excel numbers rows: a quoted cell with line breaks is one row", () =>
    Effect.gen(function*() {
      const sheet = yield* Csv.read(cp949("성명,비고\r\n홍길동,\"첫 줄\r\n둘째 줄\n셋째 줄\"\r\n김영희,없음\r\n,\r\n이순신,\"\"\"따옴표\"\"\"\r\n"))
      expect(sheet.rows).toEqual([
        { row: 1, cells: ["성명", "비고"] },
        { row: 2, cells: ["홍길동", "첫 줄\r\n둘째 줄\n셋째 줄"] },
        { row: 3, cells: ["김영희", "없음"] },
        // row 4 holds only empty cells: blank
        { row: 5, cells: ["이순신", "\"따옴표\""] }
      ])
    }))

  it.effect("refuses an unbalanced quote, an empty file, random bytes and text in neither UTF-8 nor CP949", () =>
    Effect.gen(function*() {
      const unbalanced = yield* failure(utf8("성명,비고\n홍길동,\"닫히지 않은 따옴표\n김영희,없음\n"))
      expect(unbalanced?._tag).toBe("UnreadableFile")
      expect(unbalanced?.message).toMatch(/^Could not read the file as CSV: .* \(CSV 파일을 읽을 수 없습니다\)$/)
      expect((yield* failure(new Uint8Array()))?.reason).toMatch(/empty/)
      expect((yield* failure(new Uint8Array(randomBytes(4096))))?._tag).toBe("UnreadableFile")
      // 0xFF is a lead byte in neither encoding
      expect((yield* failure(new Uint8Array([0x61, 0x2c, 0xff, 0xff, 0x0a])))?.reason).toMatch(/neither UTF-8 nor CP949/)
    }))
})

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

describe("Csv.write", () => {
  it.effect("writes for Excel: UTF-8 with a BOM and CRLF by default, or CP949, and reads back equal", () =>
    Effect.gen(function*() {
      const table = {
        name: "취업자",
        headers: ["성명", "취업일", "연락처", "금액", "유지", "비고"],
        rows: [
          ["홍길동", day(2016, 3, 31), 1012345678, 1_500_000, true, "쉼표, \"따옴표\"\n줄바꿈"],
          ["김영희", day(1999, 12, 1), null, -12.5, false, null]
        ]
      }
      const utf = Csv.write(table)
      expect([...utf.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(new TextDecoder().decode(utf)).toContain("\r\n홍길동,2016-03-31,1012345678,1500000,TRUE,\"쉼표, \"\"따옴표\"\"\n줄바꿈\"\r\n")
      const korean = Csv.write(table, { encoding: "cp949" })
      expect(Csv.detectEncoding(korean)).toBe("cp949")
      for (const bytes of [utf, korean]) {
        const sheet = yield* Csv.read(bytes)
        expect(sheet.rows).toEqual([
          { row: 1, cells: table.headers },
          { row: 2, cells: ["홍길동", "2016-03-31", "1012345678", "1500000", "TRUE", "쉼표, \"따옴표\"\n줄바꿈"] },
          { row: 3, cells: ["김영희", "1999-12-01", null, "-12.5", "FALSE"] }
        ])
      }
    }))

  it("guards text a spreadsheet would run as a formula, unless asked to keep it", () => {
    const table = { name: "x", headers: ["a"], rows: [["=HYPERLINK(\"http://x\")"], ["-5"], [-5]] }
    expect(Csv.text(table)).toBe("a\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'-5\r\n-5\r\n")
    expect(Csv.text(table, { formulas: "keep" })).toBe("a\r\n\"=HYPERLINK(\"\"http://x\"\")\"\r\n-5\r\n-5\r\n")
  })

  // Text with commas, quotes, line breaks, tabs, spaces and Hangul.
  const cell = fc.stringOf(
    fc.oneof(
      fc.constantFrom(",", "\"", "\n", "\r\n", "\r", "\t", " ", "=", "-", "'", "원", "홍", "길", "동", "ㄱ"),
      fc.char(),
      fc.integer({ min: 0xac00, max: 0xd7a3 }).map((code) => String.fromCharCode(code))
    ),
    { minLength: 1, maxLength: 12 }
  )
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 })
  const guarded = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)

  it.effect.prop("Csv.write then Csv.read gives back the strings, in UTF-8 and CP949", [table], ([rows]) =>
    Effect.gen(function*() {
      const [headers, ...rest] = rows
      const input = { name: "t", headers: headers!, rows: rest }
      for (const encoding of ["utf-8", "cp949"] as const) {
        // Read in the encoding it was written in: a file of a few CP949 bytes can be valid
        // UTF-8 too ("혖" is), which no detection can tell apart.
        const kept = yield* Csv.read(Csv.write(input, { encoding, formulas: "keep" }), { encoding })
        expect(kept.rows.map((r) => r.cells)).toEqual(rows)
        expect(kept.rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1))
        const safe = yield* Csv.read(Csv.write(input, { encoding }), { encoding })
        expect(safe.rows.map((r) => r.cells)).toEqual(rows.map((r) => r.map(guarded)))
      }
    }))
})
