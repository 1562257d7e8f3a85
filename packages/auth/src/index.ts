/**
 * iljari's staff sign-in on Node: what core's access ports need from native
 * and network libraries.
 *
 * @since 0.3.0
 */

/** @since 0.3.0 */
export * as Argon2 from "./Argon2.js"

/** @since 0.3.0 */
export * as CommonPasswords from "./CommonPasswords.js"

/** @since 0.3.0 */
export * as Oidc from "./Oidc.js"

/** @since 0.3.0 */
export * as RecoveryCodes from "./RecoveryCodes.js"

/** @since 0.3.0 */
export * as SecondFactorTotp from "./SecondFactorTotp.js"

/** @since 0.3.0 */
export * as Totp from "./Totp.js"
