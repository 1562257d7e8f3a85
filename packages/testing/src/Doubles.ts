/**
 * Test doubles of core's access ports, for the access suite and for an
 * integrator's own tests: a password hasher that counts its verifications,
 * and a second factor whose codes a test can compute.
 *
 * @example
 * ```ts
 * import { Doubles } from "@iljari/testing"
 * import { Effect, Ref } from "effect"
 *
 * // A second factor whose codes a test computes, and a hasher that counts its work.
 * const SecondFactor = Doubles.secondFactor({ issuer: "성동구 일자리센터" })
 * const hasher = Effect.map(Ref.make(0), (verifications) => Doubles.countingHasher(verifications))
 * ```
 *
 * @since 0.0.0
 * @module
 */
import { Password, SecondFactor, Secret } from "@iljari/core"
import { Clock, Effect, Layer, Option, Random, Redacted, Ref } from "effect"

/**
 * A hasher (core's fast one for tests, unless `inner` is given) that counts
 * every verification in `verifications`: to show that a sign-in of an unknown
 * name does the same hash work as a wrong password.
 *
 * @since 0.0.0
 * @category password
 */
export const countingHasher = (
  verifications: Ref.Ref<number>,
  inner: Layer.Layer<Password.PasswordHasher> = Password.PasswordHasher.layerForTests
): Layer.Layer<Password.PasswordHasher> =>
  Layer.effect(
    Password.PasswordHasher,
    Effect.map(Password.PasswordHasher, (inner) => ({
      ...inner,
      verify: (hash: Redacted.Redacted<string>, candidate: Redacted.Redacted<string>) =>
        Effect.zipRight(Ref.update(verifications, (n) => n + 1), inner.verify(hash, candidate))
    }))
  ).pipe(Layer.provide(inner))

// FNV-1a: a test's codes need to be computable, not secret.
const fnv = (text: string) => {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0
  return hash
}

const stepOf = (timestamp: number) => Math.floor(timestamp / 30_000)
const codeAt = (secret: string, step: number) => String(fnv(`${secret}:${step}`) % 1_000_000).padStart(6, "0")

/**
 * The code the {@link secondFactor} double accepts at `timestamp` (epoch
 * milliseconds) for the enrolment `uri` (the `otpauth://` URI it showed).
 * Codes change every 30 seconds, like an authenticator app's.
 *
 * @since 0.0.0
 * @category second factor
 */
export const codeFor = (uri: string, timestamp: number): string =>
  codeAt(new URL(uri).searchParams.get("secret") ?? "", stepOf(timestamp))

const alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
const randomText = (length: number) =>
  Effect.map(
    Effect.all(Array.from({ length }, () => Random.nextIntBetween(0, alphabet.length))),
    (indexes) => indexes.map((i) => alphabet[i]).join("")
  )

/**
 * A second factor for tests: TOTP-like codes (30-second steps, one step of
 * drift either way, each step usable once) that {@link codeFor} computes, and
 * ten recovery codes kept as SHA-256 digests. Not an authenticator app's
 * algorithm: `@iljari/auth`'s `SecondFactorTotp` is the real one.
 *
 * @since 0.0.0
 * @category second factor
 */
export const secondFactor = (options: { readonly issuer: string }): Layer.Layer<SecondFactor.SecondFactor> =>
  Layer.succeed(SecondFactor.SecondFactor, {
    newSecret: Effect.map(randomText(16), (secret) => Redacted.make(secret.toUpperCase())),
    enrolment: (secret, account) =>
      Effect.sync(() => {
        const label = encodeURIComponent(`${options.issuer}:${account}`)
        const uri = `otpauth://totp/${label}?secret=${Redacted.value(secret)}&issuer=${encodeURIComponent(options.issuer)}&period=30&digits=6`
        return { uri: Redacted.make(uri), qrSvg: Redacted.make(`<svg xmlns="http://www.w3.org/2000/svg"><desc>${label}</desc></svg>`) }
      }),
    check: (secret, code, lastStep) =>
      Effect.map(Clock.currentTimeMillis, (now) => {
        const step = stepOf(now)
        const found = [step - 1, step, step + 1].find((s) => (lastStep === undefined || s > lastStep) && codeAt(Redacted.value(secret), s) === code)
        return Option.fromNullable(found)
      }),
    newRecoveryCodes: Effect.gen(function*() {
      const codes = yield* Effect.all(Array.from({ length: 10 }, () => Effect.map(randomText(10), (t) => `${t.slice(0, 5)}-${t.slice(5)}`)))
      return { codes, digests: yield* Effect.forEach(codes, Secret.digest) }
    }),
    useRecoveryCode: (digests, input) =>
      Effect.map(Secret.digest(input.trim().toLowerCase()), (digest) =>
        digests.includes(digest) ? Option.some(digests.filter((d) => d !== digest)) : Option.none())
  })
