import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc, Schema } from "effect"
import { Contact } from "../src/index.js"

describe("Korean phone numbers", () => {
  it.each([
    ["010-1234-5678", "010-1234-5678"],
    ["01012345678", "010-1234-5678"],
    ["010 1234 5678", "010-1234-5678"],
    ["010.1234.5678", "010-1234-5678"],
    ["+82 10-1234-5678", "010-1234-5678"],
    ["+82-010-1234-5678", "010-1234-5678"],
    ["0082 10 1234 5678", "010-1234-5678"],
    ["011-123-4567", "011-123-4567"],
    ["(02) 123-4567", "02-123-4567"],
    ["02-2286-5000", "02-2286-5000"],
    ["0311234567", "031-123-4567"],
    ["064-1234-5678", "064-1234-5678"],
    ["070-1234-5678", "070-1234-5678"],
    ["0505-123-4567", "0505-123-4567"],
    ["1588-1234", "1588-1234"]
  ])("%s is %s", (raw, canonical) => {
    expect(Contact.normalizePhone(raw)).toBe(canonical)
    expect(Schema.decodeSync(Contact.PhoneNumber)(raw)).toBe(canonical)
  })

  it.each(["", "123", "010-123-4567", "010-1234-56789", "02-12-3456", "039-123-4567", "010-abcd-5678", "+1 212 555 0100"])(
    "refuses %j",
    (raw) => {
      expect(Contact.normalizePhone(raw)).toBeUndefined()
      expect(Either.isLeft(Schema.decodeUnknownEither(Contact.PhoneNumber)(raw))).toBe(true)
    }
  )

  it("normalisation is idempotent and ignores how the digits were grouped", () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{4}$/), fc.stringMatching(/^\d{4}$/), fc.constantFrom("", " ", "-", "."), (a, b, sep) => {
      const canonical = Contact.normalizePhone(`010${sep}${a}${sep}${b}`)
      expect(canonical).toBe(`010-${a}-${b}`)
      expect(Contact.normalizePhone(canonical!)).toBe(canonical)
    }))
  })
})

describe("e-mail addresses", () => {
  it.each(["minsu@example.kr", "job.center@seongdong.go.kr"])("accepts %s", (email) => {
    expect(Schema.decodeSync(Contact.Email)(email)).toBe(email)
  })
  it.each(["minsu", "minsu@", "@example.kr", "min su@example.kr", "minsu@example"])("refuses %j", (email) => {
    expect(Either.isLeft(Schema.decodeUnknownEither(Contact.Email)(email))).toBe(true)
  })
})
