/**
 * Browser sessions (세션): a server-side record per sign-in, found by the
 * digest of the secret its cookie carries. A session ends when its owner
 * signs out, after the policy's idle time without a request, or the policy's
 * absolute lifetime after sign-in, whichever comes first; and as soon as its
 * account is locked or disabled.
 *
 * A session opened by a password alone, when the account needs a second
 * factor, is `pending`: it may do nothing but complete the second factor.
 *
 * @example
 * ```ts
 * import { Session } from "@iljari/core"
 * import { Effect, Redacted } from "effect"
 *
 * declare const cookie: string
 * // Each request resumes the session from its cookie; signing out ends it.
 * const whoIsAsking = Effect.map(Session.resume(Redacted.make(cookie)), ({ account }) => account.id)
 * const signOut = Session.end(Redacted.make(cookie))
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { Context, DateTime, Duration, Effect, Option, Redacted, Schema } from "effect"
import type { DuplicateId, NotFound, PersistenceError, StaleVersion } from "../kernel/Errors.js"
import { CounselorId, DistrictId, SessionId } from "../kernel/Ids.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import { Label } from "../kernel/Text.js"
import { type Actor, logAccess, newId, now } from "../kernel/UseCase.js"
import { type Account, AccountRepository } from "./Account.js"
import { Policy } from "./Policy.js"
import * as Secret from "./Secret.js"

/**
 * @since 0.3.0
 * @category models
 */
export class Session extends Schema.Class<Session>("Session")({
  id: SessionId,
  districtId: DistrictId,
  accountId: CounselorId,
  /** SHA-256 of the cookie's secret; the secret itself is never stored. */
  digest: Schema.String,
  /** `pending` until the second factor is given, when the account needs one. */
  stage: Schema.Literal("pending", "complete"),
  /** How the staff member signed in. */
  method: Schema.Literal("password", "single-sign-on"),
  origin: Schema.optionalWith(Label, { exact: true }),
  startedAt: Schema.DateTimeUtc,
  lastSeenAt: Schema.DateTimeUtc,
  expiresAt: Schema.DateTimeUtc,
  endedAt: Schema.optionalWith(Schema.DateTimeUtc, { exact: true })
}) {}

/**
 * The session store. `findByDigest` looks across districts: a cookie names no
 * district.
 *
 * @since 0.3.0
 * @category ports
 */
export class SessionRepository extends Context.Tag("@iljari/core/SessionRepository")<SessionRepository, Omit<Store<Session, SessionId>, "insert"> & {
  readonly insert: (session: Session) => Effect.Effect<Versioned<Session>, DuplicateId | PersistenceError>
  readonly findByDigest: (digest: string) => Effect.Effect<Option.Option<Versioned<Session>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const sessions = Memory.store<Session, SessionId>(db, "session")
    return {
      ...sessions,
      findByDigest: (digest) => sessions.find((s) => s.digest === digest)
    }
  })
}

/**
 * No session for this cookie: never opened, signed out, idle or too old, or
 * its account may no longer sign in. One answer for all, so that a cookie
 * reveals nothing.
 *
 * @since 0.3.0
 * @category errors
 */
export class SessionEnded extends Schema.TaggedError<SessionEnded>()("SessionEnded", {
  message: Schema.String.pipe(
    Schema.propertySignature,
    Schema.withConstructorDefault(() => "The session has ended; sign in again (세션이 끝났습니다. 다시 로그인하세요)")
  )
}) {}

/**
 * The token a browser sends back in the `X-CSRF-Token` header with every
 * state-changing request: derived from the cookie's secret, so a page of
 * another site, which cannot read the cookie, cannot make it, and the
 * server keeps nothing more.
 *
 * @since 0.3.0
 * @category sessions
 */
export const csrfTokenOf = (secret: Redacted.Redacted<string>) => Secret.digest(`csrf:${Redacted.value(secret)}`)

/**
 * Opens a session for an account that has proved who it is: the secret for
 * the cookie (shown once, never stored) and the record.
 *
 * @example
 * ```ts
 * import { Account, Session } from "@iljari/core"
 *
 * declare const account: Account.Account
 * const opened = Session.open(account, { stage: "complete", method: "password", origin: "10.0.0.7" })
 * ```
 *
 * @since 0.3.0
 * @category sessions
 */
export const open = (account: Account, options: {
  readonly stage: Session["stage"]
  readonly method: Session["method"]
  readonly origin?: string
}) =>
  Effect.gen(function*() {
    const policy = yield* Policy
    const at = yield* now
    const secret = yield* Secret.make("iljari_s_")
    const session = new Session({
      id: yield* newId(SessionId, "session"),
      districtId: account.districtId,
      accountId: account.id,
      digest: yield* Secret.digest(secret),
      stage: options.stage,
      method: options.method,
      ...(options.origin === undefined ? {} : { origin: options.origin }),
      startedAt: at,
      lastSeenAt: at,
      expiresAt: DateTime.addDuration(at, Duration.hours(policy.sessionHours))
    })
    yield* Effect.flatMap(SessionRepository, (sessions) => sessions.insert(session))
    return { secret, session, csrfToken: yield* csrfTokenOf(secret) }
  })

// A request refreshes the idle clock; within a minute of the last refresh it
// writes nothing, so a busy page does not write on every request.
const refreshAfter = Duration.minutes(1)

/**
 * The live session of a cookie's secret and its account, refreshed; or
 * {@link SessionEnded}.
 *
 * @example
 * ```ts
 * import { Session } from "@iljari/core"
 * import { Effect, Redacted } from "effect"
 *
 * declare const cookie: string
 * const who = Effect.map(Session.resume(Redacted.make(cookie)), ({ account }) => account.name)
 * ```
 *
 * @since 0.3.0
 * @category sessions
 */
export const resume = (secret: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const policy = yield* Policy
    const sessions = yield* SessionRepository
    const at = yield* now
    const found = yield* sessions.findByDigest(yield* Secret.digest(secret))
    if (Option.isNone(found)) return yield* new SessionEnded()
    const { value: session, version } = found.value
    const idleSince = DateTime.addDuration(session.lastSeenAt, Duration.minutes(policy.idleMinutes))
    if (session.endedAt !== undefined || DateTime.lessThanOrEqualTo(idleSince, at) || DateTime.lessThanOrEqualTo(session.expiresAt, at)) {
      return yield* new SessionEnded()
    }
    const account = yield* Effect.flatMap(AccountRepository, (accounts) => accounts.get(session.districtId, session.accountId)).pipe(
      Effect.catchTag("NotFound", () => new SessionEnded())
    )
    if (account.value.status !== "active") return yield* new SessionEnded()
    if (DateTime.lessThan(DateTime.addDuration(session.lastSeenAt, refreshAfter), at)) {
      // Two requests racing to refresh: one wins, and the other's refresh is not needed.
      yield* sessions.update(new Session({ ...session, lastSeenAt: at }), version).pipe(
        Effect.catchTags({ StaleVersion: () => Effect.void, NotFound: () => new SessionEnded() })
      )
    }
    return { session, account: account.value }
  })

const actorOf = (session: Session): Actor => ({
  districtId: session.districtId,
  counselorId: session.accountId,
  ...(session.origin === undefined ? {} : { origin: session.origin })
})

/**
 * Ends a session (sign-out), and logs it. Ending an ended session does
 * nothing.
 *
 * @example
 * ```ts
 * import { Session } from "@iljari/core"
 * import { Redacted } from "effect"
 *
 * declare const cookie: string
 * const signedOut = Session.end(Redacted.make(cookie))
 * ```
 *
 * @since 0.3.0
 * @category sessions
 */
export const end = (secret: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const sessions = yield* SessionRepository
    const found = yield* sessions.findByDigest(yield* Secret.digest(secret))
    if (Option.isNone(found) || found.value.value.endedAt !== undefined) return
    const { value: session, version } = found.value
    // Racing sign-outs: one ends the session and logs it.
    const ended = yield* sessions.update(new Session({ ...session, endedAt: yield* now }), version).pipe(
      Effect.as(true),
      Effect.catchTags({ StaleVersion: () => Effect.succeed(false), NotFound: () => Effect.succeed(false) })
    )
    if (ended) yield* logAccess(actorOf(session), "sign-out", "account", session.accountId, "sign-out")
  })

/**
 * Marks a pending session complete once the second factor is given.
 *
 * @example
 * ```ts
 * import { Repositories, Session } from "@iljari/core"
 *
 * declare const pending: Repositories.Versioned<Session.Session>
 * const completed = Session.complete(pending) // after the second factor was checked
 * ```
 *
 * @since 0.3.0
 * @category sessions
 */
export const complete = (
  found: Versioned<Session>
): Effect.Effect<Session, NotFound | StaleVersion | PersistenceError, SessionRepository> =>
  Effect.flatMap(SessionRepository, (sessions) =>
    Effect.map(sessions.update(new Session({ ...found.value, stage: "complete" }), found.version), (s) => s.value))
