/**
 * Recovery codes for a lost phone: shown once, kept only as SHA-256 digests,
 * each working once.
 *
 * A code is 12 characters in groups of 4 (`k7pq-2xm9-vt4d`) from 31 that
 * cannot be mistaken for one another — no `0`/`o`, `1`/`l`/`i` — which is
 * 59 bits: beyond guessing through a sign-in form, and still about a GPU-year
 * of SHA-256 per code for whoever steals the digests.
 *
 * @example
 * ```ts
 * import { RecoveryCodes } from "@iljari/auth"
 *
 * const generated = RecoveryCodes.generate() // shown once; only their digests are kept
 * declare const digests: ReadonlyArray<string>
 * const remaining = RecoveryCodes.use(digests, "abcd-efgh") // Option of the digests left
 * ```
 *
 * @since 0.3.0
 * @module
 */
import { Option } from "effect"
import { createHash, randomInt, timingSafeEqual } from "node:crypto"

const alphabet = "23456789abcdefghjkmnpqrstuvwxyz"
const groups = 3
const groupLength = 4

const newCode = (): string =>
  Array.from(
    { length: groups },
    () => Array.from({ length: groupLength }, () => alphabet[randomInt(alphabet.length)]).join("")
  ).join("-")

/**
 * Codes to show the staff member once, and the digests to keep.
 *
 * @since 0.3.0
 * @category models
 */
export interface Generated {
  readonly codes: ReadonlyArray<string>
  readonly digests: ReadonlyArray<string>
}

/**
 * `count` distinct new codes and their digests, in the same order.
 *
 * @since 0.3.0
 * @category generating
 */
export const generate = (count = 10): Generated => {
  const codes = new Set<string>()
  while (codes.size < count) codes.add(newCode())
  return { codes: [...codes], digests: [...codes].map(digest) }
}

/**
 * A code as typed, in the form that is digested: case, whitespace and hyphens
 * ignored, and full-width characters (a Korean keyboard's) read as ASCII.
 *
 * @since 0.3.0
 * @category checking
 */
export const normalise = (input: string): string => input.normalize("NFKC").toLowerCase().replace(/[\s-]/g, "")

/**
 * The SHA-256 digest (hex) of a code, normalised.
 *
 * @since 0.3.0
 * @category checking
 */
export const digest = (code: string): string => createHash("sha256").update(normalise(code)).digest("hex")

/**
 * The digests left once `input` is used — store them, and the code works no
 * more — when it matches one; none otherwise.
 *
 * @since 0.3.0
 * @category checking
 */
export const use = (digests: ReadonlyArray<string>, input: string): Option.Option<ReadonlyArray<string>> => {
  const given = Buffer.from(digest(input), "hex")
  let matched = -1
  // Every digest is compared in constant time, so the time taken tells
  // nothing of how much of one matched, nor of which.
  digests.forEach((stored, index) => {
    const expected = Buffer.from(stored, "hex")
    if (expected.length === given.length && timingSafeEqual(expected, given) && matched === -1) matched = index
  })
  return matched === -1 ? Option.none() : Option.some(digests.filter((_, index) => index !== matched))
}
