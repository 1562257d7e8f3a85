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

// Six digits that form a date (YYMMDD), an optional separator (a dash or a
// dot, with any spacing around it, or spacing alone), then a back part whose
// first digit (1–8) encodes century and sex, followed by six digits or a
// mask. The look-arounds keep longer digit runs (accounts, barcodes) out. It
// runs on the text as {@link normalizeForDetection} writes it.
const candidate = /(?<!\d)(\d{2})(\d{2})(\d{2}) *(?:[.-] *)?([1-8])(\d{6}|[*xX●○]{6})(?!\d)/g

const plausibleDate = (month: number, day: number): boolean => month >= 1 && month <= 12 && day >= 1 && day <= 31

// Characters drawn as a dash or a minus: hyphens and dashes (U+2010–U+2015),
// the minus sign, the small and full-width hyphen-minus, the hyphen bullet,
// the modifier minus, the heavy minus, the two- and three-em dashes, the
// katakana-hiragana prolonged sound mark and the soft hyphen.
const dashes = /[\u2010-\u2015\u2212\u2043\u02d7\u2796\u2e3a\u2e3b\ufe58\ufe63\uff0d\u30fc\uff70\u00ad\u1806\u2053\u301c\u3030\uff5e~_]/g
// Characters that take no room: zero-width spaces and joiners, the word
// joiner, the byte-order mark, and the bidi marks and controls.
const invisible = /[\u200b-\u200f\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069\u061c\u180e]/g
// Any spacing, a tab or a line break included.
const spacing = /[\s\u3000]+/g

/**
 * The text as the resident-number detector reads it: NFKC-normalised (so
 * full-width digits `９` and the full-width hyphen `－` become `9` and `-`),
 * every dash-like character written `-`, invisible characters dropped and
 * any run of spacing written as one space.
 *
 * @example
 * ```ts
 * import { Text } from "@iljari/core"
 *
 * Text.normalizeForDetection("９００１０１－１２３４５６７") // "900101-1234567"
 * Text.normalizeForDetection("900101 \u2013 1234567") // "900101 - 1234567"
 * ```
 *
 * @since 0.4.0
 * @category privacy
 */
export const normalizeForDetection = (text: string): string =>
  text.normalize("NFKC").replace(invisible, "").replace(dashes, "-").replace(spacing, " ")

/**
 * Whether the text contains something shaped like a resident (or foreigner)
 * registration number, including a masked one such as `800101-1******`,
 * however it is written: spaced (`900101 - 1234567`), with full-width
 * digits and dash (`９００１０１－１２３４５６７`), with an en or em dash, a
 * minus sign or any other dash, or with invisible characters in between
 * (see {@link normalizeForDetection}).
 *
 * @since 0.1.0
 * @category privacy
 */
export const containsResidentRegistrationNumber = (text: string): boolean => {
  for (const match of normalizeForDetection(text).matchAll(candidate)) {
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

// Control characters (C0, DEL, C1), the line and paragraph separators, and
// the bidi controls that reorder what a screen shows (embeddings, overrides,
// isolates, marks): a name holding one can read as another name, or hide
// what follows it in a log line or an export.
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/
const bidiControls = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/
// A note may break lines and indent: a line feed, a carriage return and a tab.
const noteControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/

const codePoint = (character: string): string => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`

/**
 * The first character of the text that free text must not hold: a control
 * character (a note may hold line feeds, carriage returns and tabs) or a
 * bidi control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), with
 * the rule it breaks in English and Korean; `undefined` when there is none.
 *
 * @example
 * ```ts
 * import { Text } from "@iljari/core"
 *
 * Text.forbiddenCharacter("홍길동\u202e") // the bidi override, named
 * Text.forbiddenCharacter("첫 줄\n둘째 줄", { lines: true }) // undefined: a note may break lines
 * ```
 *
 * @since 0.4.0
 * @category privacy
 */
export const forbiddenCharacter = (
  text: string,
  options?: { readonly lines?: boolean }
): { readonly character: string; readonly message: string } | undefined => {
  const bidi = bidiControls.exec(text)
  if (bidi !== null) {
    return {
      character: codePoint(bidi[0]),
      message: `must not contain the bidirectional control character ${
        codePoint(bidi[0])
      }, which changes how the text is shown (화면에 보이는 순서를 바꾸는 양방향 제어 문자 ${codePoint(bidi[0])}는 쓸 수 없습니다)`
    }
  }
  const control = (options?.lines === true ? noteControls : controls).exec(text)
  if (control !== null) {
    return {
      character: codePoint(control[0]),
      message: `must not contain the control character ${codePoint(control[0])}${
        options?.lines === true ? "; only line breaks and tabs are allowed" : ""
      } (제어 문자 ${codePoint(control[0])}는 쓸 수 없습니다${options?.lines === true ? ". 줄바꿈과 탭만 쓸 수 있습니다" : ""})`
    }
  }
  return undefined
}

/**
 * A trimmed text of `minLength`–`maxLength` characters that holds no resident
 * registration number (in any spacing, dash or full-width form), no control
 * character and no bidi control. With `lines`, line feeds, carriage returns
 * and tabs are allowed (a note).
 *
 * @since 0.1.0
 * @category constructors
 */
export const text = (options: { readonly minLength: number; readonly maxLength: number; readonly lines?: boolean }) =>
  Schema.Trim.pipe(
    Schema.minLength(options.minLength, {
      message: () => options.minLength === 1 ? "must not be empty" : `must have at least ${options.minLength} characters`
    }),
    Schema.maxLength(options.maxLength, {
      message: () => `must have at most ${options.maxLength} characters`
    }),
    Schema.filter((value) => {
      const found = forbiddenCharacter(value, { lines: options.lines === true })
      return found === undefined ? undefined : found.message
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
 * A counselor's note: up to 4,000 characters, which may break lines.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Note = text({ minLength: 0, maxLength: 4000, lines: true }).annotations({ identifier: "Note" })

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
