/**
 * iljari's staff sign-in on Node: what core's access ports need from native
 * and network libraries.
 *
 * @since 0.3.0
 * @module
 */

export * as Argon2 from "./Argon2.js"
export * as CommonPasswords from "./CommonPasswords.js"
export * as Oidc from "./Oidc.js"
export * as RecoveryCodes from "./RecoveryCodes.js"
export * as SecondFactorTotp from "./SecondFactorTotp.js"
export * as Totp from "./Totp.js"
