/**
 * The password hasher on Node: Argon2id (`@node-rs/argon2`) with OWASP's
 * parameters unless told otherwise, implementing core's
 * {@link Password.PasswordHasher}.
 *
 * @example
 * ```ts
 * import { Argon2 } from "@iljari/auth"
 *
 * // Core's PasswordHasher with Argon2id at OWASP's parameters.
 * const Hasher = Argon2.layer(Argon2.owasp)
 * ```
 *
 * @since 0.3.0
 * @module
 */
import { hash as argon2Hash, parseOptions, verify as argon2Verify } from "@node-rs/argon2"
import type { Algorithm, Version } from "@node-rs/argon2"
import { Password } from "@iljari/core"
import { Effect, Layer, Redacted } from "effect"
import { randomBytes } from "node:crypto"

/**
 * The cost of one hash. Raise them as machines get faster: {@link needsRehash}
 * then tells sign-in which stored hashes to renew.
 *
 * @since 0.3.0
 * @category models
 */
export interface Options {
  /** Memory per hash in KiB (`m=`). */
  readonly memoryCost?: number
  /** Passes over that memory (`t=`). */
  readonly timeCost?: number
  /** Lanes computed in parallel (`p=`). */
  readonly parallelism?: number
}

/**
 * OWASP's Password Storage Cheat Sheet's first choice for Argon2id:
 * 19 MiB, 2 passes, 1 lane.
 *
 * @since 0.3.0
 * @category constants
 */
export const owasp = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const satisfies Required<Options>

// `Algorithm` and `Version` are const enums, which isolated modules cannot
// read: their values, checked against the types.
const argon2id: Algorithm = 2
const version13: Version = 1

/**
 * The hasher. The decoy is hashed once here, so building the layer costs one
 * hash; options the native code refuses (memory below 8 KiB per lane) make
 * the build die.
 *
 * @since 0.3.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<Password.PasswordHasher> =>
  Layer.effect(
    Password.PasswordHasher,
    Effect.gen(function*() {
      const settings = { ...owasp, ...options, algorithm: argon2id }
      // The signal aborts the native work when the caller is interrupted.
      const hash = (password: Redacted.Redacted<string>) =>
        Effect.promise((signal) => argon2Hash(Redacted.value(password), settings, signal)).pipe(Effect.map(Redacted.make))
      const decoy = yield* hash(Redacted.make(randomBytes(32).toString("base64url")))
      // A hash that cannot be read makes the native verify reject at once;
      // verifying against the decoy then costs what a real check costs.
      const verify = (stored: Redacted.Redacted<string>, password: Redacted.Redacted<string>) =>
        Effect.tryPromise((signal) => argon2Verify(Redacted.value(stored), Redacted.value(password), null, signal)).pipe(
          Effect.orElse(() =>
            Effect.promise((signal) =>
              argon2Verify(Redacted.value(decoy), Redacted.value(password), null, signal).then(() => false, () => false)
            )
          )
        )
      return Password.PasswordHasher.of({ hash, verify, decoy })
    })
  )

/**
 * Whether a stored hash is weaker than the hasher with `options` would make
 * it — not Argon2id version 1.3, or less memory or fewer passes — so that
 * sign-in, holding the password it has just verified, hashes it again. A hash
 * that cannot be read needs it too. Parallelism is not a strength: a change
 * of it alone does not ask for a new hash.
 *
 * @since 0.3.0
 * @category rules
 */
export const needsRehash = (hash: Redacted.Redacted<string>, options: Options = {}): boolean => {
  const current = { ...owasp, ...options }
  try {
    const used = parseOptions(Redacted.value(hash))
    return used.algorithm !== argon2id || used.version !== version13 ||
      used.memoryCost < current.memoryCost || used.timeCost < current.timeCost
  } catch {
    return true
  }
}
