/**
 * The common-password list of `@zxcvbn-ts/language-common` (about 49,000
 * passwords seen most often in breaches), with core's own list of Korean
 * habits, for `Policy.isCommonPassword`: the standard's guide asks that
 * easily guessed passwords be refused.
 *
 * @example
 * ```ts
 * import { CommonPasswords } from "@iljari/auth"
 *
 * CommonPasswords.isCommon("qwerty123") // true: refused as a staff password
 * ```
 *
 * @since 0.3.0
 * @module
 */
import { Password } from "@iljari/core"
import { dictionary } from "@zxcvbn-ts/language-common"

// Built on first use: a set of 49,000 strings is a few megabytes a server
// that never checks a password need not hold.
let common: ReadonlySet<string> | undefined

/**
 * Whether a password (in any case) is on either list.
 *
 * @since 0.3.0
 * @category passwords
 */
export const isCommon = (password: string): boolean => {
  common ??= new Set(dictionary["passwords-common"])
  const lower = password.toLowerCase()
  return Password.isBuiltInCommon(lower) || common.has(lower)
}
