/**
 * Signing in (로그인) with a sign-in name and a password, and with a second
 * factor when one is needed; locking an account after repeated failures
 * (개인정보의 안전성 확보조치 기준 제5조 ⑥).
 *
 * Whatever went wrong — an unknown name, a wrong password, a locked or
 * disabled account — the answer is one {@link SignInRefused}, and the same
 * password-hash work is done (against the hasher's decoy when no account has
 * the name), so that neither the answer nor its timing tells whether a name
 * exists.
 *
 * @example
 * ```ts
 * import { SignIn } from "@iljari/core"
 * import { Effect, Redacted } from "effect"
 *
 * const signIn = (login: string, password: string, code: string) =>
 *   Effect.gen(function*() {
 *     const started = yield* SignIn.withPassword({ login, password: Redacted.make(password), fromOutsideOffice: true })
 *     if (started.secondFactor === "code") yield* SignIn.withCode(started.secret, code)
 *     return started.secret // the session cookie's value
 *   })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { DateTime, Duration, Effect, Option, Redacted, Schema } from "effect"
import type { AuditAction } from "../kernel/Audit.js"
import { logAccess, now } from "../kernel/UseCase.js"
import * as AccessRules from "./AccessRules.js"
import { Account, AccountRepository, LoginName } from "./Account.js"
import { PasswordHasher } from "./Password.js"
import { Policy } from "./Policy.js"
import { SecondFactor } from "./SecondFactor.js"
import { underLock } from "./internal/accountLock.js"
import * as Sessions from "./Session.js"

/**
 * The one answer to a refused sign-in.
 *
 * @since 0.3.0
 * @category errors
 */
export class SignInRefused extends Schema.TaggedError<SignInRefused>()("SignInRefused", {
  message: Schema.String.pipe(
    Schema.propertySignature,
    Schema.withConstructorDefault(() => "The sign-in name or password is wrong, or the account is locked (아이디 또는 비밀번호가 맞지 않거나 계정이 잠겨 있습니다)")
  )
}) {}

/**
 * A second-factor code that is wrong or already used.
 *
 * @since 0.3.0
 * @category errors
 */
export class CodeRefused extends Schema.TaggedError<CodeRefused>()("CodeRefused", {
  message: Schema.String.pipe(
    Schema.propertySignature,
    Schema.withConstructorDefault(() => "The code is wrong or was already used (인증 코드가 맞지 않거나 이미 사용되었습니다)")
  )
}) {}

/**
 * Logs staff access in the account's district, with the account as the actor.
 *
 * @example
 * ```ts
 * import { Account, SignIn } from "@iljari/core"
 *
 * declare const account: Account.Account
 * const logged = SignIn.record(account, "sign-in", "sign-in.password", "10.0.0.7")
 * ```
 *
 * @since 0.3.0
 * @category access records
 */
export const record = (account: Account, action: AuditAction, purpose: string, origin: string | undefined, detail?: string) =>
  logAccess(
    { districtId: account.districtId, counselorId: account.id, ...(origin === undefined ? {} : { origin }) },
    action,
    "account",
    account.id,
    purpose,
    detail === undefined ? {} : { detail }
  )

/** Whether a lock has run out by `at`. */
const lockOver = (account: Account, at: DateTime.Utc) =>
  account.status === "locked" && account.lockedUntil !== undefined && DateTime.lessThanOrEqualTo(account.lockedUntil, at)

const mayTry = (account: Account, at: DateTime.Utc) => account.status === "active" || lockOver(account, at)

/**
 * Counts a failure against an account, locking it at the policy's limit.
 * Re-reads the account under its lock, so that racing failures all count.
 *
 * @example
 * ```ts
 * import { Account, SignIn } from "@iljari/core"
 *
 * declare const account: Account.Account
 * // The fifth failure in a row locks the account.
 * const counted = SignIn.countFailure(account, "10.0.0.7", "sign-in.password")
 * ```
 *
 * @since 0.3.0
 * @category sign-in
 */
export const countFailure = (account: Account, origin: string | undefined, purpose: string) =>
  underLock(account.id, Effect.gen(function*() {
    const policy = yield* Policy
    const accounts = yield* AccountRepository
    const at = yield* now
    const current = yield* accounts.get(account.districtId, account.id)
    const fresh = lockOver(current.value, at) ? { ...current.value, status: "active" as const, failedSignIns: 0 } : current.value
    const failed = fresh.failedSignIns + 1
    const locks = fresh.status === "active" && failed >= policy.maxFailedSignIns
    yield* accounts.update(
      new Account({
        ...fresh,
        failedSignIns: failed,
        ...(locks ? { status: "locked" as const, lockedUntil: DateTime.addDuration(at, Duration.minutes(policy.lockMinutes)) } : {})
      }),
      current.version
    )
    yield* record(account, "sign-in-refused", purpose, origin)
    if (locks) {
      yield* record(account, "lock", purpose, origin, `locked for ${policy.lockMinutes} minutes after ${failed} failures in a row`)
    }
  }))

// Checked again under the account's lock: racing failures may have locked it,
// or an administrator disabled it, since the password was verified.
const succeed = (account: Account) =>
  underLock(account.id, Effect.gen(function*() {
    const accounts = yield* AccountRepository
    const current = yield* accounts.get(account.districtId, account.id)
    if (!mayTry(current.value, yield* now)) return yield* new SignInRefused()
    const { lockedUntil: _over, ...rest } = current.value
    if (current.value.failedSignIns === 0 && current.value.status === "active") return current.value
    return (yield* accounts.update(
      new Account({ ...rest, status: "active", failedSignIns: 0 }),
      current.version
    )).value
  }))

/**
 * Whether an account needs a second factor: when it has enrolled one, when
 * the policy or the district's administrator (`AccessRules`) asks it of its
 * district or role, or when the request comes from outside the office
 * networks (the caller knows which).
 *
 * @example
 * ```ts
 * import { Account, SignIn } from "@iljari/core"
 *
 * declare const account: Account.Account
 * const ask = SignIn.needsSecondFactor(account, true) // signing in from outside the office
 * ```
 *
 * @since 0.3.0
 * @category sign-in
 */
export const needsSecondFactor = (account: Account, fromOutsideOffice: boolean) =>
  Effect.gen(function*() {
    const policy = yield* Policy
    if (account.totpSecret !== undefined || fromOutsideOffice) return true
    if (policy.secondFactorDistricts.includes(account.districtId) || policy.secondFactorRoles.includes(account.role)) return true
    const rules = yield* AccessRules.of(account.districtId)
    return Option.isSome(rules) && rules.value.value.secondFactorRoles.includes(account.role)
  })

/**
 * @since 0.3.0
 * @category sign-in
 */
export interface PasswordSignIn {
  readonly login: string
  readonly password: Redacted.Redacted<string>
  readonly origin?: string
  /** The request comes from outside the office networks: a second factor is required. */
  readonly fromOutsideOffice?: boolean
}

/**
 * Signs in with a password: a session, `complete` or, when a second factor
 * is needed, `pending` until {@link withCode} (or an enrolment) completes it.
 *
 * @example
 * ```ts
 * import { SignIn } from "@iljari/core"
 * import { Effect, Redacted } from "effect"
 *
 * const signedIn = SignIn.withPassword({
 *   login: "park.sd",
 *   password: Redacted.make("성동구-일자리-2026!"),
 *   origin: "10.0.0.7"
 * }).pipe(
 *   // One answer for every refusal (unknown login, wrong password, locked, disabled).
 *   Effect.catchTag("SignInRefused", () => Effect.succeed(undefined))
 * )
 * ```
 *
 * @since 0.3.0
 * @category sign-in
 */
export const withPassword = (input: PasswordSignIn) =>
  Effect.gen(function*() {
    const hasher = yield* PasswordHasher
    const at = yield* now
    const login = Schema.decodeUnknownOption(LoginName)(input.login.trim().toLowerCase())
    const found = Option.isNone(login)
      ? Option.none()
      : yield* Effect.flatMap(AccountRepository, (accounts) => accounts.findByLogin(login.value))
    const account = Option.getOrUndefined(Option.map(found, (f) => f.value))
    // The same hash work whether or not the account exists or may sign in.
    const verified = yield* hasher.verify(account?.passwordHash ?? hasher.decoy, input.password)
    if (account === undefined) {
      yield* Effect.logInfo("A sign-in with an unknown name was refused").pipe(Effect.annotateLogs("origin", input.origin ?? "unknown"))
      return yield* new SignInRefused()
    }
    if (!mayTry(account, at)) {
      yield* record(account, "sign-in-refused", `sign-in.${account.status}`, input.origin)
      return yield* new SignInRefused()
    }
    if (!verified || account.passwordHash === undefined) {
      yield* countFailure(account, input.origin, "sign-in.password")
      return yield* new SignInRefused()
    }
    const signedIn = yield* succeed(account)
    const pending = yield* needsSecondFactor(signedIn, input.fromOutsideOffice === true)
    if (!pending) yield* record(signedIn, "sign-in", "sign-in.password", input.origin)
    const opened = yield* Sessions.open(signedIn, {
      stage: pending ? "pending" : "complete",
      method: "password",
      ...(input.origin === undefined ? {} : { origin: input.origin })
    })
    const secondFactor: "none" | "code" | "enrol" = !pending ? "none" : signedIn.totpSecret === undefined ? "enrol" : "code"
    return { ...opened, account: signedIn, secondFactor }
  })

/**
 * Opens a session for an account that an identity provider vouched for
 * (single sign-on), or refuses it like a password sign-in when the account
 * may not sign in.
 *
 * @example
 * ```ts
 * import { SignIn } from "@iljari/core"
 *
 * // After the OpenID Connect provider confirmed the subject (see @iljari/auth's Oidc).
 * const signedIn = SignIn.withProvider("seongdong-sso|e1f2a3", { origin: "10.0.0.7" })
 * ```
 *
 * @since 0.3.0
 * @category sign-in
 */
export const withProvider = (externalId: string, options: { readonly origin?: string } = {}) =>
  Effect.gen(function*() {
    const at = yield* now
    const found = yield* Effect.flatMap(AccountRepository, (accounts) => accounts.findByExternalId(externalId))
    if (Option.isNone(found) || !mayTry(found.value.value, at)) return yield* new SignInRefused()
    const account = yield* succeed(found.value.value)
    yield* record(account, "sign-in", "sign-in.single-sign-on", options.origin)
    return yield* Sessions.open(account, { stage: "complete", method: "single-sign-on", ...options })
  })

const pendingSession = (secret: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const live = yield* Sessions.resume(secret)
    if (live.session.stage !== "pending") return yield* new Sessions.SessionEnded()
    return live
  })

/**
 * Completes a pending session with a code of the authenticator app, or a
 * recovery code (which then works no more). A wrong code counts as a failed
 * sign-in.
 *
 * @example
 * ```ts
 * import { SignIn } from "@iljari/core"
 * import { Redacted } from "effect"
 *
 * declare const cookie: string // the pending session
 * const completed = SignIn.withCode(Redacted.make(cookie), "492039") // a TOTP or a recovery code
 * ```
 *
 * @since 0.3.0
 * @category sign-in
 */
export const withCode = (secret: Redacted.Redacted<string>, code: string) =>
  Effect.gen(function*() {
    const factor = yield* SecondFactor
    const { account, session } = yield* pendingSession(secret)
    if (account.totpSecret === undefined) return yield* new CodeRefused()
    const totpSecret = account.totpSecret
    // Checked again under the account's lock, so that two racing requests
    // cannot both spend one code.
    const accepted = yield* underLock(account.id, Effect.gen(function*() {
      const accounts = yield* AccountRepository
      const sessions = yield* Sessions.SessionRepository
      const current = yield* accounts.get(account.districtId, account.id)
      const step = yield* factor.check(totpSecret, code, current.value.totpLastStep)
      const remaining = Option.isSome(step) ? Option.none() : yield* factor.useRecoveryCode(current.value.recoveryCodes, code)
      if (Option.isNone(step) && Option.isNone(remaining)) return Option.none()
      const saved = yield* accounts.update(
        new Account({
          ...current.value,
          ...(Option.isSome(step) ? { totpLastStep: step.value } : {}),
          ...(Option.isSome(remaining) ? { recoveryCodes: remaining.value } : {})
        }),
        current.version
      )
      yield* Sessions.complete(yield* sessions.get(session.districtId, session.id))
      yield* record(account, "sign-in", Option.isSome(step) ? "sign-in.totp" : "sign-in.recovery-code", session.origin)
      return Option.some({ recoveryCodesLeft: saved.value.recoveryCodes.length })
    }))
    if (Option.isNone(accepted)) {
      yield* countFailure(account, session.origin, "sign-in.second-factor")
      return yield* new CodeRefused()
    }
    return accepted.value
  })
