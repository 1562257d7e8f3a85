/**
 * Core's `SecondFactor` port on Node: TOTP codes of an authenticator app
 * ({@link Totp}) and recovery codes ({@link RecoveryCodes}).
 *
 * @example
 * ```ts
 * import { SecondFactorTotp } from "@iljari/auth"
 *
 * // Core's SecondFactor port with TOTP (authenticator apps) and recovery codes.
 * const SecondFactor = SecondFactorTotp.layer({ issuer: "성동구 일자리센터" })
 * ```
 *
 * @since 0.3.0
 * @module
 */
import { SecondFactor } from "@iljari/core"
import { Clock, Effect, Layer, Redacted } from "effect"
import * as RecoveryCodes from "./RecoveryCodes.js"
import * as Totp from "./Totp.js"

/**
 * The second factor, with the issuer name an authenticator app shows beside
 * the code (e.g. "성동구 일자리센터").
 *
 * @since 0.3.0
 * @category layers
 */
export const layer = (options: { readonly issuer: string }): Layer.Layer<SecondFactor.SecondFactor> =>
  Layer.succeed(SecondFactor.SecondFactor, {
    newSecret: Effect.sync(Totp.newSecret),
    enrolment: (secret, account) => {
      const uri = Totp.enrolmentUri({ secret, issuer: options.issuer, account })
      return Effect.map(Totp.qrSvg(uri), (svg) => ({ uri, qrSvg: Redacted.make(svg) }))
    },
    check: (secret, code, lastStep) =>
      Effect.map(Clock.currentTimeMillis, (at) => Totp.check({ secret, code, at, lastStep })),
    newRecoveryCodes: Effect.sync(() => RecoveryCodes.generate()),
    useRecoveryCode: (digests, input) => Effect.sync(() => RecoveryCodes.use(digests, input))
  })
