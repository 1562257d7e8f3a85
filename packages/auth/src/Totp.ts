/**
 * One-time codes of an authenticator app (TOTP, RFC 6238) by `otpauth`: SHA-1,
 * 6 digits, 30-second steps, the only settings every app supports.
 *
 * The secret and the enrolment URI (which holds it) travel as `Redacted`, so
 * that no log prints them.
 *
 * @example
 * ```ts
 * import { Totp } from "@iljari/auth"
 * import { Option } from "effect"
 *
 * const secret = Totp.newSecret()
 * const uri = Totp.enrolmentUri({ secret, issuer: "성동구 일자리센터", account: "park.sd" })
 * const step = Totp.check({ secret, code: "492039", at: Date.now() })
 * Option.isSome(step) // whether the code is valid now
 * ```
 *
 * @since 0.3.0
 * @module
 */
import { Effect, Option, Redacted } from "effect"
import { timingSafeEqual } from "node:crypto"
import { HOTP, Secret, TOTP } from "otpauth"
import QRCode from "qrcode"

const algorithm = "SHA1"
const digits = 6
const periodSeconds = 30

/**
 * A new secret: 160 random bits (RFC 4226's recommended length), base32.
 *
 * @since 0.3.0
 * @category secrets
 */
export const newSecret = (): Redacted.Redacted<string> => Redacted.make(new Secret({ size: 20 }).base32)

/**
 * The `otpauth://totp/…` URI an authenticator app scans, labelled
 * `issuer:account`. It holds the secret, hence `Redacted`.
 *
 * @since 0.3.0
 * @category enrolment
 */
export const enrolmentUri = (options: {
  readonly secret: Redacted.Redacted<string>
  readonly issuer: string
  readonly account: string
}): Redacted.Redacted<string> =>
  Redacted.make(
    new TOTP({
      issuer: options.issuer,
      label: options.account,
      secret: Secret.fromBase32(Redacted.value(options.secret)),
      algorithm,
      digits,
      period: periodSeconds
    }).toString()
  )

/**
 * A QR code of the enrolment URI, as an SVG document. Dies only when the text
 * is too long for any QR code (about 2,900 bytes).
 *
 * @since 0.3.0
 * @category enrolment
 */
export const qrSvg = (uri: Redacted.Redacted<string>): Effect.Effect<string> =>
  Effect.promise(() => QRCode.toString(Redacted.value(uri), { type: "svg" }))

/**
 * The time step of `code` when it is valid at `at` give or take one step
 * (30 s of clock drift either way) and later than `lastStep`, the step of the
 * last code accepted: store the result as the next `lastStep`, and no code
 * works twice. None for anything else, including text that is not 6 digits.
 *
 * Pure: time comes in as `at`. A secret that is not base32 throws, being a
 * corrupt record rather than a wrong code.
 *
 * @since 0.3.0
 * @category checking
 */
export const check = (options: {
  readonly secret: Redacted.Redacted<string>
  readonly code: string
  readonly at: Date | number
  readonly lastStep?: number | undefined
}): Option.Option<number> => {
  if (!/^[0-9]{6}$/.test(options.code)) return Option.none()
  const now = Math.floor(Number(options.at) / 1000 / periodSeconds)
  if (!Number.isSafeInteger(now)) return Option.none()
  const secret = Secret.fromBase32(Redacted.value(options.secret))
  const given = Buffer.from(options.code)
  const after = options.lastStep ?? -1
  let matched = Option.none<number>()
  // Every step is compared, so the time taken tells nothing of which matched;
  // on a (one in a million) collision the latest step wins, the safe side for replay.
  for (const step of [now - 1, now, now + 1]) {
    if (step < 0) continue
    const expected = Buffer.from(HOTP.generate({ secret, algorithm, digits, counter: step }))
    if (timingSafeEqual(given, expected) && step > after) matched = Option.some(step)
  }
  return matched
}
