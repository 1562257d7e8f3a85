import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc, Schema } from "effect"
import { LocalDate, Text } from "../src/index.js"

// A plausible resident registration number: a real date, a century/sex digit, six digits.
const residentNumber = fc.tuple(
  fc.date({ min: new Date("1920-01-01T00:00:00Z"), max: new Date("2025-12-31T00:00:00Z"), noInvalidDate: true }),
  fc.integer({ min: 1, max: 8 }),
  fc.stringMatching(/^\d{6}$/),
  fc.constantFrom("-", "", " ")
).map(([date, digit, rest, sep]) => {
  const ymd = LocalDate.format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()).replaceAll("-", "")
  return `${ymd.slice(2)}${sep}${digit}${rest}`
})

describe("resident registration numbers in free text", () => {
  it.each([
    "주민번호 620514-1234567",
    "6205141234567",
    "620514 2234567 확인",
    "외국인등록번호 900101-5123456",
    "마스킹 800101-1******",
    "(620514-1234567)"
  ])("finds one in %j", (text) => {
    expect(Text.containsResidentRegistrationNumber(text)).toBe(true)
  })

  it.each([
    "010-1234-5678",
    "사업자번호 124-81-00998",
    "계좌 110-123-456789",
    "2016-03-02 방문",
    "621314-1234567", // month 13: not a date
    "620514-9234567", // no such century/sex digit
    "16205141234567", // part of a longer digit run
    "연락처 02-2286-5000, 희망임금 2,100,000원"
  ])("finds none in %j", (text) => {
    expect(Text.containsResidentRegistrationNumber(text)).toBe(false)
  })

  it("finds any resident number wherever it stands in a note", () => {
    fc.assert(fc.property(fc.string(), residentNumber, fc.string(), (before, rrn, after) => {
      const note = `${before} ${rrn} ${after}`
      expect(Text.containsResidentRegistrationNumber(note)).toBe(true)
      expect(Either.isLeft(Schema.decodeUnknownEither(Text.Note)(note))).toBe(true)
    }))
  })

  it("lets ordinary Korean notes through", () => {
    const hangul = fc.string({ unit: fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c)), maxLength: 200 })
    fc.assert(fc.property(hangul, (note) => {
      expect(Schema.decodeSync(Text.Note)(note)).toBe(note.trim())
    }))
  })
})
