/**
 * Finding a name by part of it, as counselors type it: whole syllables (`길동`
 * finds 홍길동), initial consonants only (초성: `ㅎㄱㄷ`, `ㄱㄷ`), or both
 * mixed (`홍ㄱ`). A query matches a run of the name's characters one for one:
 * a syllable of the query matches that syllable, an initial consonant any
 * syllable that begins with it (`ㄱ` matches 길 but not 끼, whose initial is
 * `ㄲ`). Spaces are ignored in the name and in the query, and both are
 * compared in Unicode's composed form (NFC), however they were typed.
 *
 * Storage that cannot run {@link matches} keeps a name's {@link searchKey}
 * and looks for a query's {@link keyPattern} in it.
 *
 * @example
 * ```ts
 * import { Hangul } from "@iljari/core"
 * import { Schema } from "effect"
 *
 * // A counselor finds 김민수 by the initial consonants (초성) of the name.
 * const query = Schema.decodeUnknownSync(Hangul.NameQuery)("ㄱㅁㅅ")
 * Hangul.matches("김민수", query) // true
 * ```
 *
 * @since 0.3.0
 * @module
 * @category kernel
 */
import { canBeChoseong, getChoseong } from "es-hangul"
import { Schema } from "effect"
import { describe } from "./CodeSet.js"

const isSyllable = (c: string): boolean => c >= "\uAC00" && c <= "\uD7A3"

/**
 * A character's initial consonant when it is a Hangul syllable (`길` → `ㄱ`),
 * otherwise the character itself.
 *
 * @since 0.3.0
 * @category rules
 */
export const initialOf = (c: string): string => {
  if (!isSyllable(c)) return c
  let initial = initials.get(c)
  if (initial === undefined) {
    initial = getChoseong(c)
    initials.set(c, initial)
  }
  return initial
}

// Each syllable's initial, found once (at most the 11,172 syllables): a
// search key is made for every name an import or a registration writes.
const initials = new Map<string, string>()

// One entry per code point, so that a name and its key line up character by character.
const characters = (text: string): Array<string> => [...text.normalize("NFC").replace(/\s+/gu, "")]

const queryMessage = (actual: unknown) =>
  `must be Hangul syllables or initial consonants, such as 길동, ㅎㄱㄷ or 홍ㄱ (한글 음절이나 초성으로 입력하세요); got ${
    describe(actual)
  }`

/**
 * What a name is searched with: 1–50 Hangul syllables or initial consonants
 * (the 19 that begin a syllable, `ㄱ` … `ㅎ`, `ㄲ` `ㄸ` `ㅃ` `ㅆ` `ㅉ`); spaces
 * are dropped, and the text is composed (NFC).
 *
 * @since 0.3.0
 * @category schemas
 */
export const NameQuery = Schema.transform(Schema.String, Schema.String, {
  strict: true,
  decode: (raw) => characters(raw).join(""),
  encode: (query) => query
}).pipe(
  Schema.filter((query) => {
    if (query.length === 0) return "must not be empty (검색어를 입력하세요)"
    if ([...query].length > 50) return "must have at most 50 characters (50자 이내로 입력하세요)"
    return [...query].every((c) => isSyllable(c) || canBeChoseong(c)) || queryMessage(query)
  }),
  Schema.brand("NameQuery")
).annotations({ identifier: "NameQuery" })
/** @since 0.3.0 @category schemas */
export type NameQuery = typeof NameQuery.Type

const fits = (c: string, q: string): boolean => (canBeChoseong(q) ? initialOf(c) === q : c === q)

/**
 * Whether the query finds the name (see the module's description).
 *
 * @since 0.3.0
 * @category rules
 */
export const matches = (name: string, query: NameQuery): boolean => {
  const n = characters(name)
  const q = [...query]
  for (let start = 0; start + q.length <= n.length; start++) {
    if (q.every((c, i) => fits(n[start + i]!, c))) return true
  }
  return false
}

/**
 * A name as storage keeps it for search: each character followed by its
 * initial consonant (`홍길동` → `홍ㅎ길ㄱ동ㄷ`), spaces dropped.
 *
 * @since 0.3.0
 * @category storage
 */
export const searchKey = (name: string): string => characters(name).map((c) => c + initialOf(c)).join("")

/**
 * A query as a pattern over {@link searchKey}s, where `_` stands for any one
 * character as in SQL's `LIKE`: a syllable becomes itself and any initial
 * (`길_`), an initial consonant any character and itself (`_ㄱ`). The query
 * finds a name exactly when the pattern occurs in the name's key
 * (`key LIKE '%' || pattern || '%'`): where it occurs at an odd offset, every
 * query character is an initial standing for itself in the name, so it
 * occurs one character later at an even offset too.
 *
 * @since 0.3.0
 * @category storage
 */
export const keyPattern = (query: NameQuery): string => [...query].map((q) => (canBeChoseong(q) ? `_${q}` : `${q}_`)).join("")

/**
 * What a name or a title is searched with: 1–50 characters, trimmed. It
 * finds a name that contains it (spaces and letter case ignored) or, when it
 * is all Hangul, whose syllables or initial consonants (초성) it spells
 * ({@link matches}: `ㅅㅅㄷㅈㅌ` finds 성수디지털).
 *
 * @since 0.3.0
 * @category schemas
 */
export const TextQuery = Schema.Trim.pipe(
  Schema.minLength(1, { message: () => "must not be empty" }),
  Schema.maxLength(50, { message: () => "must have at most 50 characters" }),
  Schema.brand("TextQuery")
).annotations({ identifier: "TextQuery" })
/** @since 0.3.0 @category schemas */
export type TextQuery = typeof TextQuery.Type

/**
 * A text as a {@link TextQuery} looks for it: composed (NFC), spaces dropped,
 * in small letters. Storage keeps a name's folded form and looks for the
 * query's folded form in it.
 *
 * @since 0.3.0
 * @category storage
 */
export const folded = (text: string): string => text.normalize("NFC").replace(/\s+/gu, "").toLocaleLowerCase("ko-KR")

const decodeNameQuery = Schema.decodeOption(NameQuery)

/**
 * The query's initial-consonant form, when it has one: a query with an
 * initial consonant (초성) that is all Hangul also finds the names whose
 * syllables or initials it spells ({@link matches}); storage looks for its
 * {@link keyPattern} in the name's {@link searchKey}.
 *
 * @since 0.3.0
 * @category rules
 */
export const initialsQuery = (query: TextQuery): NameQuery | undefined => {
  // Initial consonants only make sense for a Hangul query that has one.
  if (![...query].some((c) => canBeChoseong(c))) return undefined
  const decoded = decodeNameQuery(query)
  return decoded._tag === "Some" ? decoded.value : undefined
}

/**
 * Whether a {@link TextQuery} finds a text.
 *
 * @since 0.3.0
 * @category rules
 */
export const textMatches = (text: string, query: TextQuery): boolean => {
  if (folded(text).includes(folded(query))) return true
  const initials = initialsQuery(query)
  return initials !== undefined && matches(text, initials)
}
