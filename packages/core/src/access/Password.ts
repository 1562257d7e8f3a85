/**
 * Passwords (비밀번호): the rule of the personal-information safety standard
 * (개인정보의 안전성 확보조치 기준 제5조 and its guide) — at least 10
 * characters of two kinds, or 8 of three, among uppercase letters, lowercase
 * letters, digits and symbols — plus a refusal of common passwords and of the
 * account's own sign-in name; and the port that hashes them.
 *
 * A password travels as `Redacted` from the form to the hasher, so that no
 * log or error prints it.
 *
 * @example
 * ```ts
 * import { Password } from "@iljari/core"
 *
 * // The password rule, with the built-in list of common passwords.
 * const problems = Password.problems("password1", { login: "park.sd", isCommon: Password.isBuiltInCommon })
 * problems.length > 0 // true: refused, each problem says why
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { Context, Effect, Layer, Redacted } from "effect"

/**
 * A broken password rule, in Korean for people and English for integrators.
 *
 * @since 0.3.0
 * @category models
 */
export interface Problem {
  readonly rule: "length" | "kinds" | "common" | "login" | "too-long"
  readonly ko: string
  readonly en: string
}

/**
 * The longest password accepted: long passphrases are welcome, a megabyte of
 * text to hash is not.
 *
 * @since 0.3.0
 * @category rules
 */
export const maxLength = 128

/**
 * Which of the four kinds of character a password uses.
 *
 * @since 0.3.0
 * @category rules
 */
export const kindsOf = (password: string): number =>
  [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) => kind.test(password)).length

/**
 * The problems of a password, none when it may be used. `isCommon` says
 * whether it is on a list of common passwords (the policy's).
 *
 * @since 0.3.0
 * @category rules
 */
export const problems = (
  password: string,
  context: { readonly login?: string; readonly isCommon: (password: string) => boolean }
): ReadonlyArray<Problem> => {
  const length = [...password].length
  const kinds = kindsOf(password)
  const found: Array<Problem> = []
  if (length > maxLength) {
    found.push({ rule: "too-long", ko: `비밀번호는 ${maxLength}자 이하여야 합니다`, en: `must be at most ${maxLength} characters` })
  } else if (length < 8) {
    found.push({
      rule: "length",
      ko: "비밀번호는 8자 이상이어야 합니다 (세 종류 조합 시 8자, 두 종류 조합 시 10자 이상)",
      en: "must be at least 8 characters (8 with three kinds of character, 10 with two)"
    })
  } else if (kinds < 2 || (kinds === 2 && length < 10)) {
    found.push({
      rule: "kinds",
      ko: "영문 대문자·소문자·숫자·특수문자 중 두 종류를 조합하면 10자 이상, 세 종류 이상을 조합하면 8자 이상이어야 합니다",
      en: "must be at least 10 characters of two kinds (uppercase, lowercase, digits, symbols) or 8 of three"
    })
  }
  if (context.login !== undefined && password.toLowerCase().includes(context.login.toLowerCase())) {
    found.push({ rule: "login", ko: "비밀번호에 아이디를 넣을 수 없습니다", en: "must not contain the sign-in name" })
  }
  if (context.isCommon(password) || context.isCommon(password.toLowerCase())) {
    found.push({ rule: "common", ko: "널리 쓰이는 비밀번호라 쓸 수 없습니다", en: "is a common password" })
  }
  return found
}

// A few passwords common in Korea and everywhere, refused even without a
// longer list; the policy can add one (see `Policy.isCommonPassword`).
const builtIn = new Set([
  "password", "password1", "password12", "password123", "password1!", "passw0rd", "p@ssw0rd", "p@ssword1",
  "qwer1234", "qwer1234!", "qwerty123", "qwerty1234", "qwerty123!", "1q2w3e4r", "1q2w3e4r!", "1q2w3e4r5t",
  "1qaz2wsx", "1qaz2wsx!", "zaq12wsx", "asdf1234", "asdf1234!", "zxcv1234", "abcd1234", "abcd1234!", "abc12345",
  "a1234567", "a12345678", "aa123456", "iloveyou1", "sarang123", "saranghae", "saranghae1", "admin123", "admin1234",
  "admin1234!", "welcome1", "welcome1!", "letmein1", "changeme1", "test1234", "test1234!", "korea123", "korea1234",
  "seoul123", "seoul1234", "dlatl1234", "wjdqh1234", "gkrrhkd1234", "rhdrhdrlrhks", "qwertyuiop", "1234567890",
  "1234qwer", "1234qwer!", "!qaz2wsx", "!q2w3e4r", "q1w2e3r4", "q1w2e3r4!", "iljari123", "iljari1234"
])

/**
 * Whether a password is on iljari's short built-in list of common passwords
 * (English and Korean keyboard habits). A deployment should add a long list;
 * `@iljari/auth` offers one.
 *
 * @since 0.3.0
 * @category rules
 */
export const isBuiltInCommon = (password: string): boolean => builtIn.has(password.toLowerCase())

/**
 * Hashes and checks passwords. Sign-in verifies against {@link Service.decoy}
 * when no account has the name, so that an unknown name and a wrong password
 * cost the same work.
 *
 * @since 0.3.0
 * @category ports
 */
export interface Service {
  readonly hash: (password: Redacted.Redacted<string>) => Effect.Effect<Redacted.Redacted<string>>
  /** Whether the password is the one hashed; false for a hash this hasher cannot read. */
  readonly verify: (hash: Redacted.Redacted<string>, password: Redacted.Redacted<string>) => Effect.Effect<boolean>
  /** A hash of a random password, made when the hasher was built. */
  readonly decoy: Redacted.Redacted<string>
}

/**
 * @since 0.3.0
 * @category ports
 */
export class PasswordHasher extends Context.Tag("@iljari/core/PasswordHasher")<PasswordHasher, Service>() {
  /**
   * A fast hasher for tests only (salted SHA-256 by Web Crypto): every
   * check passes through it like a real one, but it is far too fast to
   * protect a stolen hash. Use Argon2id (`@iljari/auth`) for real accounts.
   */
  static readonly layerForTests = Effect.gen(function*() {
    const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("")
    const digest = (salt: string, password: string) =>
      Effect.promise(() => globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${salt}:${password}`))).pipe(
        Effect.map(hex)
      )
    const hash = (password: Redacted.Redacted<string>) =>
      Effect.gen(function*() {
        const salt = hex(globalThis.crypto.getRandomValues(new Uint8Array(16)).buffer as ArrayBuffer)
        return Redacted.make(`$test-sha256$${salt}$${yield* digest(salt, Redacted.value(password))}`)
      })
    const verify = (stored: Redacted.Redacted<string>, password: Redacted.Redacted<string>) =>
      Effect.gen(function*() {
        const [, scheme, salt, expected] = Redacted.value(stored).split("$")
        if (scheme !== "test-sha256" || salt === undefined || expected === undefined) {
          yield* digest("", Redacted.value(password))
          return false
        }
        return (yield* digest(salt, Redacted.value(password))) === expected
      })
    const decoy = yield* hash(Redacted.make(hex(globalThis.crypto.getRandomValues(new Uint8Array(16)).buffer as ArrayBuffer)))
    return PasswordHasher.of({ hash, verify, decoy })
  }).pipe((make) => Layer.effect(PasswordHasher, make))
}
