/**
 * Bearer secrets: the random strings a browser's session cookie and an
 * integration's API token carry. Only their SHA-256 digests are stored, so a
 * copy of the database signs no one in. A plain digest suffices (no slow
 * hash): the secrets have 256 bits of entropy and are checked on every
 * request — synchronously, with `@noble/hashes` (an audited pure-JS SHA-256:
 * 6 µs a digest here, against 52 µs for WebCrypto's promise).
 *
 * @example
 * ```ts
 * import { Secret } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * // A new token's secret and the digest that is stored instead of it.
 * const issued = Effect.gen(function*() {
 *   const secret = yield* Secret.make("iljari_")
 *   return { secret, digest: yield* Secret.digest(secret) }
 * })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"
import { Effect, Redacted } from "effect"

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")

/**
 * A new secret of 32 random bytes, base64url, after a prefix that says what it
 * is (`iljari_s_` for a session, `iljari_t_` for a token): a leaked secret is
 * recognised by secret scanners.
 *
 * @since 0.3.0
 * @category secrets
 */
export const make = (prefix: string): Effect.Effect<Redacted.Redacted<string>> =>
  Effect.sync(() => Redacted.make(`${prefix}${base64url(globalThis.crypto.getRandomValues(new Uint8Array(32)))}`))

/**
 * The SHA-256 digest of a secret (or of anything derived from it), in hex.
 *
 * @since 0.3.0
 * @category secrets
 */
export const digest = (secret: Redacted.Redacted<string> | string): Effect.Effect<string> =>
  Effect.sync(() => bytesToHex(sha256(utf8ToBytes(typeof secret === "string" ? secret : Redacted.value(secret)))))

/**
 * Whether two strings are equal, in time that depends only on their length.
 *
 * @since 0.3.0
 * @category secrets
 */
export const equals = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return difference === 0
}
