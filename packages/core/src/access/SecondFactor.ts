/**
 * The second factor's port (2단계 인증): one-time codes of an authenticator
 * app (TOTP, RFC 6238) and recovery codes for a lost phone. `@iljari/auth`
 * implements it on Node; core's sign-in only asks it questions.
 *
 * @example
 * ```ts
 * import { SecondFactor } from "@iljari/core"
 * import { SecondFactorTotp } from "@iljari/auth"
 * import type { Layer } from "effect"
 *
 * // The port sign-in checks codes through; @iljari/auth provides it with TOTP and recovery codes.
 * const TotpLayer: Layer.Layer<SecondFactor.SecondFactor> = SecondFactorTotp.layer({ issuer: "성동구 일자리센터" })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { Context, type Effect, type Option, type Redacted } from "effect"

/**
 * @since 0.3.0
 * @category ports
 */
export class SecondFactor extends Context.Tag("@iljari/core/SecondFactor")<SecondFactor, {
  /** A new TOTP secret (base32). */
  readonly newSecret: Effect.Effect<Redacted.Redacted<string>>
  /** What an authenticator app scans: the `otpauth://` URI and a QR code of it as SVG. */
  readonly enrolment: (secret: Redacted.Redacted<string>, account: string) => Effect.Effect<{ readonly uri: Redacted.Redacted<string>; readonly qrSvg: Redacted.Redacted<string> }>
  /** The time step of a valid code now, later than `lastStep` (a code works once); none otherwise. */
  readonly check: (secret: Redacted.Redacted<string>, code: string, lastStep: number | undefined) => Effect.Effect<Option.Option<number>>
  /** New recovery codes: the codes to show once, and the digests to keep. */
  readonly newRecoveryCodes: Effect.Effect<{ readonly codes: ReadonlyArray<string>; readonly digests: ReadonlyArray<string> }>
  /** The digests left once `input` is used, when it is one of them; none otherwise. */
  readonly useRecoveryCode: (digests: ReadonlyArray<string>, input: string) => Effect.Effect<Option.Option<ReadonlyArray<string>>>
}>() {}
