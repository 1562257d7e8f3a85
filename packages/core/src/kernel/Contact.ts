/**
 * Ways to reach a person: a Korean phone number, normalised to one canonical
 * form whatever way it was typed, and an e-mail address.
 *
 * @example
 * ```ts
 * import { Contact } from "@iljari/core"
 * import { Schema } from "effect"
 *
 * const phone = Schema.decodeUnknownSync(Contact.PhoneNumber)("010 1234 5678") // "010-1234-5678"
 * Contact.phoneTail(phone) // "5678", what a counselor types to find a seeker
 * const contact = Schema.decodeUnknownSync(Contact.Contact)({ phone: "01012345678", email: "minsu@example.kr" })
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { ParseResult, Schema } from "effect"
import { describe } from "./CodeSet.js"

// Each pattern splits the digits into the groups Koreans write with hyphens.
const numberPlans: ReadonlyArray<RegExp> = [
  /^(010)(\d{4})(\d{4})$/, // mobile
  /^(01[16789])(\d{3,4})(\d{4})$/, // older mobile prefixes
  /^(02)(\d{3,4})(\d{4})$/, // Seoul
  /^(0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4]))(\d{3,4})(\d{4})$/, // other area codes
  /^(070)(\d{4})(\d{4})$/, // internet telephony
  /^(050[2-8])(\d{3,4})(\d{4})$/, // personal / safe numbers
  /^(1[568]\d{2})(\d{4})$/ // nationwide representative numbers (1588-…)
]

/**
 * The canonical form of a Korean phone number (`010-1234-5678`,
 * `02-123-4567`, `1588-1234`), or `undefined` when the input is not one.
 * Spaces, dots, hyphens, parentheses and a `+82` / `0082` country prefix are
 * accepted.
 *
 * @since 0.1.0
 * @category phone
 */
export const normalizePhone = (raw: string): string | undefined => {
  let digits = raw.replace(/[\s().-]/g, "")
  const international = /^(?:\+|00)82(.*)$/.exec(digits)
  if (international !== null) digits = "0" + international[1]!.replace(/^0/, "")
  if (!/^\d+$/.test(digits)) return undefined
  for (const plan of numberPlans) {
    const groups = plan.exec(digits)
    if (groups !== null) return groups.slice(1).join("-")
  }
  return undefined
}

const phoneDescription =
  "A Korean phone number — mobile (010, 011, 016–019), Seoul (02), another area code (031–064), 070, 0502–0508 or a nationwide number (15xx, 16xx, 18xx) — with or without hyphens (spaces, dots, parentheses and a +82 prefix are accepted too), answered in its hyphenated form, e.g. 010-1234-5678"

const phoneMessage = (actual: unknown) =>
  `must be a Korean phone number such as 010-1234-5678 or 02-123-4567; got ${describe(actual)}`

const CanonicalPhone = Schema.String.pipe(
  Schema.filter((s) => normalizePhone(s) === s || phoneMessage(s)),
  Schema.brand("PhoneNumber")
).annotations({
  arbitrary: () => (fc) =>
    fc.oneof(
      fc.tuple(fc.constant("010"), fc.stringMatching(/^\d{4}$/), fc.stringMatching(/^\d{4}$/)),
      fc.tuple(fc.constant("02"), fc.stringMatching(/^\d{3,4}$/), fc.stringMatching(/^\d{4}$/)),
      fc.tuple(fc.constantFrom("031", "051", "064"), fc.stringMatching(/^\d{3,4}$/), fc.stringMatching(/^\d{4}$/))
    ).map((parts) => parts.join("-") as PhoneNumber)
})

/**
 * A Korean phone number, decoded from any common spelling into its canonical
 * hyphenated form, and encoded as that form.
 *
 * @since 0.1.0
 * @category phone
 */
export const PhoneNumber = Schema.transformOrFail(Schema.String, CanonicalPhone, {
  strict: true,
  decode: (raw, _, ast) => {
    const canonical = normalizePhone(raw)
    return canonical === undefined
      ? ParseResult.fail(new ParseResult.Type(ast, raw, phoneMessage(raw)))
      : ParseResult.succeed(canonical as PhoneNumber)
  },
  encode: ParseResult.succeed
}).annotations({
  identifier: "PhoneNumber",
  description: phoneDescription,
  jsonSchema: {
    type: "string",
    description: phoneDescription,
    examples: ["010-1234-5678", "02-123-4567", "1588-1234"],
    pattern:
      "^(?:(?:010-?\\d{4}|01[16789]-?\\d{3,4}|02-?\\d{3,4}|0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4])-?\\d{3,4}|070-?\\d{4}|050[2-8]-?\\d{3,4})-?\\d{4}|1[568]\\d{2}-?\\d{4})$"
  }
})
/** @since 0.1.0 @category phone */
export type PhoneNumber = typeof CanonicalPhone.Type

/**
 * The last four digits of a phone number (전화번호 뒷자리), by which a
 * counselor finds a caller.
 *
 * @since 0.3.0
 * @category phone
 */
export const phoneTail = (phone: PhoneNumber): string => phone.replace(/\D/g, "").slice(-4)

/**
 * What {@link phoneTail} is searched with: exactly four digits.
 *
 * @since 0.3.0
 * @category phone
 */
export const PhoneTail = Schema.Trim.pipe(
  Schema.filter((s) =>
    /^\d{4}$/.test(s) ||
    `must be the last four digits of a phone number, such as 5678 (전화번호 뒷자리 4자리를 입력하세요); got ${describe(s)}`
  ),
  Schema.brand("PhoneTail")
).annotations({ identifier: "PhoneTail" })
/** @since 0.3.0 @category phone */
export type PhoneTail = typeof PhoneTail.Type

/**
 * An e-mail address (trimmed; at most 254 characters).
 *
 * @since 0.1.0
 * @category email
 */
export const Email = Schema.Trim.pipe(
  Schema.filter((s) =>
    s.length <= 254 && /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*\.[A-Za-z]{2,}$/.test(s) ||
    `must be an e-mail address such as name@example.kr; got ${describe(s)}`
  ),
  Schema.brand("Email")
).annotations({
  identifier: "Email",
  description: "An e-mail address, at most 254 characters, e.g. name@example.kr",
  examples: ["name@example.kr" as Email],
  jsonSchema: {
    type: "string",
    format: "email",
    maxLength: 254,
    description: "An e-mail address, at most 254 characters, e.g. name@example.kr",
    examples: ["name@example.kr"]
  },
  arbitrary: () => (fc) =>
    fc.tuple(fc.stringMatching(/^[a-z0-9._-]{1,20}$/), fc.constantFrom("example.kr", "seongdong.go.kr", "mail.com"))
      .map(([local, domain]) => `${local}@${domain}` as Email)
})
/** @since 0.1.0 @category email */
export type Email = typeof Email.Type

/**
 * A person's phone number and e-mail address, each optional.
 *
 * @since 0.1.0
 * @category models
 */
export const Contact = Schema.Struct({
  phone: Schema.optionalWith(PhoneNumber, { exact: true }),
  email: Schema.optionalWith(Email, { exact: true })
}).annotations({ identifier: "Contact" })
/** @since 0.1.0 @category models */
export type Contact = typeof Contact.Type
