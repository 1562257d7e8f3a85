/**
 * Free text: names, titles, notes.
 *
 * Every free-text field is trimmed, bounded, and refuses anything that looks
 * like a resident registration number (주민등록번호) or a foreigner
 * registration number: the law forbids collecting them, and a counselor typing
 * one into a note is the usual way they leak into a system.
 *
 * @example
 * ```ts
 * import { Text } from "@iljari/core"
 * import { Schema } from "effect"
 *
 * Text.containsResidentRegistrationNumber("주민번호 620514-1234567") // true: refused in every note
 * const note = Schema.decodeUnknownSync(Text.Note)("경비·청소 희망, 야간 근무 가능")
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { Schema } from "effect"

// Six digits that form a date (YYMMDD), an optional separator, then a back part
// whose first digit (1–8) encodes century and sex, followed by six digits or a
// mask. The look-arounds keep longer digit runs (accounts, barcodes) out.
const candidate = /(?<!\d)(\d{2})(\d{2})(\d{2})[\s.-]?([1-8])(\d{6}|[*xX●○]{6})(?!\d)/g

const plausibleDate = (month: number, day: number): boolean => month >= 1 && month <= 12 && day >= 1 && day <= 31

/**
 * Whether the text contains something shaped like a resident (or foreigner)
 * registration number, including a masked one such as `800101-1******`.
 *
 * @since 0.1.0
 * @category privacy
 */
export const containsResidentRegistrationNumber = (text: string): boolean => {
  for (const match of text.matchAll(candidate)) {
    if (plausibleDate(Number(match[2]), Number(match[3]))) return true
  }
  return false
}

/**
 * The message shown when text holds a resident registration number.
 *
 * @since 0.1.0
 * @category privacy
 */
export const residentNumberMessage =
  "must not contain a resident registration number (주민등록번호); iljari never stores one — remove it"

/**
 * A trimmed text of `minLength`–`maxLength` characters that holds no resident
 * registration number.
 *
 * @since 0.1.0
 * @category constructors
 */
export const text = (options: { readonly minLength: number; readonly maxLength: number }) =>
  Schema.Trim.pipe(
    Schema.minLength(options.minLength, {
      message: () => options.minLength === 1 ? "must not be empty" : `must have at least ${options.minLength} characters`
    }),
    Schema.maxLength(options.maxLength, {
      message: () => `must have at most ${options.maxLength} characters`
    }),
    Schema.filter((value) => !containsResidentRegistrationNumber(value), {
      message: () => residentNumberMessage
    })
  )

/**
 * A person's name: 1–50 characters.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PersonName = text({ minLength: 1, maxLength: 50 }).annotations({ identifier: "PersonName" })

/**
 * A name of a business, venue or certificate, or a title: 1–200 characters.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Label = text({ minLength: 1, maxLength: 200 }).annotations({ identifier: "Label" })

/**
 * A counselor's note: up to 4,000 characters.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Note = text({ minLength: 0, maxLength: 4000 }).annotations({ identifier: "Note" })

// A UTF-16 unit's rank in code-point order: the surrogates (D800–DFFF) that
// encode characters beyond U+FFFF come after the units E000–FFFF.
const codePointRank = (unit: number): number => (unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800)

/**
 * Orders texts by code point, as SQLite and PostgreSQL's `"C"` collation
 * order UTF-8 text (가나다 order for Hangul); JavaScript's `<` compares UTF-16
 * units, which differs for characters beyond U+FFFF.
 *
 * @since 0.3.0
 * @category ordering
 */
export const compareCodePoints = (a: string, b: string): number => {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointRank(x) - codePointRank(y)
  }
  return a.length - b.length
}
