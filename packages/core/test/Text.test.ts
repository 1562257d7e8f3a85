import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc, Schema } from "effect"
import { LocalDate, Text, Validation } from "../src/index.js"

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

// Every way a counselor's keyboard, a pasted document or a hostile client may
// write the same digits and the dash between them.
const fullWidth = (digit: string) => String.fromCharCode(0xff10 + Number(digit))
const digitsIn = (digits: string) =>
  fc.array(fc.boolean(), { minLength: digits.length, maxLength: digits.length })
    .map((wide) => [...digits].map((d, i) => (wide[i] ? fullWidth(d) : d)).join(""))
const dash = fc.constantFrom(
  "-", "－", "‐", "‑", "‒", "–", "—", "―", "−", "﹣", "﹘", "ー", "ｰ", "."
)
const space = fc.constantFrom(" ", "\u3000", "\u00a0", "\t", "\u2009", "\u200b", "")
const spaces = fc.array(space, { maxLength: 3 }).map((s) => s.join(""))
const separator = fc.oneof(
  fc.tuple(spaces, dash, spaces).map(([a, d, b]) => `${a}${d}${b}`),
  spaces
)
const birthDate = fc.date({ min: new Date("1920-01-01T00:00:00Z"), max: new Date("2025-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => LocalDate.format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()).replaceAll("-", "").slice(2))

const anyForm = fc.tuple(birthDate, fc.integer({ min: 1, max: 8 }), fc.stringMatching(/^\d{6}$/))
  .chain(([front, first, rest]) =>
    fc.tuple(digitsIn(front), separator, digitsIn(`${first}${rest}`)).map(([a, sep, b]) => `${a}${sep}${b}`)
  )

describe("resident registration numbers in any spacing, dash or full-width form", () => {
  it.each([
    "900101 - 1234567",
    "900101  -  1234567",
    "900101 1234567",
    "９００１０１－１２３４５６７",
    "９００１０１ － １２３４５６７",
    "900101–1234567", // en dash
    "900101—1234567", // em dash
    "900101−1234567", // minus sign
    "900101‐1234567", // hyphen
    "900101\u200b-\u200b1234567", // zero-width spaces
    "900101\u3000-\u30001234567", // ideographic spaces
    "메모: 본인 번호 900101 – 2234567 확인함"
  ])("finds one in %j", (text) => {
    expect(Text.containsResidentRegistrationNumber(text)).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(Text.Note)(text))).toBe(true)
  })

  it("catches any plausible number however it is spaced, dashed or widened", () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), anyForm, fc.string({ maxLength: 20 }), (before, rrn, after) => {
      expect(Text.containsResidentRegistrationNumber(`${before} ${rrn} ${after}`)).toBe(true)
    }), { numRuns: 2000 })
  })

  const phone = fc.tuple(
    fc.constantFrom("010", "011", "016", "02", "031", "051", "070"),
    fc.stringMatching(/^\d{3,4}$/),
    fc.stringMatching(/^\d{4}$/)
  )
  const businessNumber = fc.tuple(fc.stringMatching(/^\d{3}$/), fc.stringMatching(/^\d{2}$/), fc.stringMatching(/^\d{5}$/))
  const date = birthDate.map((yymmdd) => [`20${yymmdd.slice(0, 2)}`, yymmdd.slice(2, 4), yymmdd.slice(4)] as const)
  const written = (parts: ReadonlyArray<string>) =>
    fc.tuple(...parts.map(digitsIn)).chain((wide) =>
      fc.array(separator, { minLength: parts.length - 1, maxLength: parts.length - 1 }).map((seps) =>
        wide.map((part, i) => (i === 0 ? part : `${seps[i - 1] === "" ? "-" : seps[i - 1]}${part}`)).join("")
      )
    )

  it("does not flag phone numbers, business registration numbers or dates, however written", () => {
    fc.assert(fc.property(fc.oneof(phone.chain(written), businessNumber.chain(written), date.chain(written)), (text) => {
      expect(Text.containsResidentRegistrationNumber(`연락처 ${text} 확인`)).toBe(false)
    }), { numRuns: 2000 })
  })

  it.each(["010-1234-5678", "０１０－１２３４－５６７８", "124-81-00998", "１２４－８１－００９９８", "2016-03-02", "２０１６－０３－０２", "2016. 3. 2."])(
    "finds none in %j",
    (text) => {
      expect(Text.containsResidentRegistrationNumber(text)).toBe(false)
    }
  )
})

describe("control and bidi characters", () => {
  it.each([
    ["홍길동\u202e", "U+202E"],
    ["\u202d홍길동", "U+202D"],
    ["홍\u2066길동\u2069", "U+2066"],
    ["홍길\u200f동", "U+200F"],
    ["홍길동\u0000", "U+0000"],
    ["홍\u0007길동", "U+0007"],
    ["홍\n길동", "U+000A"],
    ["홍\u0085길동", "U+0085"]
  ])("refuses %j in a name, naming %s", (name, code) => {
    const decoded = Validation.decodeEither(Schema.Struct({ name: Text.PersonName }))({ name })
    expect(Either.isLeft(decoded)).toBe(true)
    if (Either.isLeft(decoded)) {
      expect(decoded.left.issues[0]!.path).toBe("name")
      expect(decoded.left.issues[0]!.message).toContain(code)
    }
  })

  it("refuses the same in labels", () => {
    expect(Either.isLeft(Schema.decodeUnknownEither(Text.Label)("(주)성동\u202e상사"))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(Text.Label)("(주)성동\u0000상사"))).toBe(true)
  })

  it("lets a note break lines and indent, but refuses other control characters and bidi controls", () => {
    expect(Schema.decodeUnknownSync(Text.Note)("첫 줄\n\t둘째 줄\r\n셋째 줄")).toBe("첫 줄\n\t둘째 줄\r\n셋째 줄")
    expect(Either.isLeft(Schema.decodeUnknownEither(Text.Note)("첫 줄\u0000"))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(Text.Note)("첫 줄\u202e둘째"))).toBe(true)
  })

  it("keeps every name without such characters", () => {
    const nameChar = fc.integer({ min: 0x20, max: 0xd7a3 })
      .filter((c) => !(c >= 0x7f && c <= 0x9f) && !(c >= 0x2028 && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069) && c !== 0x200e && c !== 0x200f && c !== 0x61c)
      .map((c) => String.fromCharCode(c))
    fc.assert(fc.property(fc.string({ unit: nameChar, minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== "" && !Text.containsResidentRegistrationNumber(s)), (name) => {
      expect(Text.forbiddenCharacter(name)).toBeUndefined()
    }))
  })
})
