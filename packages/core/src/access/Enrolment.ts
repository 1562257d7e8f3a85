/**
 * Enrolling an authenticator app as a second factor (2단계 인증 등록): the
 * staff member scans a QR code, proves it with a first code, and receives
 * recovery codes, shown this once and kept only as digests.
 *
 * @example
 * ```ts
 * import { Enrolment } from "@iljari/core"
 * import { Effect, Redacted } from "effect"
 *
 * declare const cookie: string // the pending session of a staff member who must enrol a second factor
 * const enrol = (code: string) =>
 *   Effect.gen(function*() {
 *     const { qrSvg } = yield* Enrolment.start(Redacted.make(cookie)) // shown to be scanned
 *     const { recoveryCodes } = yield* Enrolment.confirm(Redacted.make(cookie), code)
 *     return { qrSvg, recoveryCodes }
 *   })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { Effect, Option, type Redacted } from "effect"
import { Account, AccountRepository } from "./Account.js"
import { underLock } from "./internal/accountLock.js"
import { SecondFactor } from "./SecondFactor.js"
import * as Sessions from "./Session.js"
import { CodeRefused, record } from "./SignIn.js"

const live = (secret: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const { account, session } = yield* Sessions.resume(secret)
    // A pending session of an enrolled account must give its code, not enrol a new app.
    if (session.stage === "pending" && account.totpSecret !== undefined) return yield* new Sessions.SessionEnded()
    return { account, session }
  })

/**
 * Starts an enrolment: a new secret kept on the account until confirmed, and
 * what the app scans.
 *
 * @example
 * ```ts
 * import { Enrolment } from "@iljari/core"
 * import { Redacted } from "effect"
 *
 * declare const sessionSecret: string // the pending session's cookie
 * // The authenticator's URI and its QR code, to scan with a phone.
 * const started = Enrolment.start(Redacted.make(sessionSecret))
 * ```
 *
 * @since 0.3.0
 * @category enrolment
 */
export const start = (sessionSecret: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const factor = yield* SecondFactor
    const { account } = yield* live(sessionSecret)
    const totp = yield* factor.newSecret
    yield* underLock(account.id, Effect.gen(function*() {
      const accounts = yield* AccountRepository
      const current = yield* accounts.get(account.districtId, account.id)
      yield* accounts.update(new Account({ ...current.value, totpEnrolling: totp }), current.version)
    }))
    return yield* factor.enrolment(totp, account.login)
  })

/**
 * Confirms an enrolment with a first code: the app becomes the account's
 * second factor, a pending session completes, and the recovery codes are
 * returned (the only time they are).
 *
 * @example
 * ```ts
 * import { Enrolment } from "@iljari/core"
 * import { Effect, Redacted } from "effect"
 *
 * declare const sessionSecret: string
 * const codes = Effect.map(Enrolment.confirm(Redacted.make(sessionSecret), "492039"), (done) => done.recoveryCodes)
 * ```
 *
 * @since 0.3.0
 * @category enrolment
 */
export const confirm = (sessionSecret: Redacted.Redacted<string>, code: string) =>
  Effect.gen(function*() {
    const factor = yield* SecondFactor
    const sessions = yield* Sessions.SessionRepository
    const { account, session } = yield* live(sessionSecret)
    if (account.totpEnrolling === undefined) return yield* new CodeRefused()
    const step = yield* factor.check(account.totpEnrolling, code, undefined)
    if (Option.isNone(step)) return yield* new CodeRefused()
    const recovery = yield* factor.newRecoveryCodes
    yield* underLock(account.id, Effect.gen(function*() {
      const accounts = yield* AccountRepository
      const current = yield* accounts.get(account.districtId, account.id)
      const { totpEnrolling, ...rest } = current.value
      if (totpEnrolling === undefined) return yield* new CodeRefused()
      yield* accounts.update(
        new Account({ ...rest, totpSecret: totpEnrolling, totpLastStep: step.value, recoveryCodes: recovery.digests }),
        current.version
      )
      yield* record(account, "update", "second-factor.enrol", session.origin, "second factor (authenticator app) enrolled")
      if (session.stage === "pending") {
        const stored = yield* sessions.get(session.districtId, session.id)
        yield* Sessions.complete(stored)
        yield* record(account, "sign-in", "sign-in.totp", session.origin)
      }
    }))
    return { recoveryCodes: recovery.codes }
  })
