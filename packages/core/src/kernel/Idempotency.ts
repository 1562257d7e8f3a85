/**
 * Idempotency keys: a client that may send a request twice (a retry after a
 * timeout, a double click, two tabs) names it with a key, and the request is
 * carried out once. The same key with the same request replays the first
 * answer; the same key with another request is refused
 * ({@link IdempotencyKeyReused}); a request that arrives while the first one
 * with its key is still running waits for its answer, or is refused
 * ({@link IdempotencyKeyInProgress}) when it takes too long.
 *
 * Keys are kept per district and account (two counselors may use the same
 * key), in the database through the {@link IdempotencyStore} port, and
 * expire (24 hours by default). Only answers that succeeded are kept: a
 * request that failed frees its key, so the client may correct it and send
 * it again under the same key.
 *
 * @example
 * ```ts
 * import { Idempotency, Ids } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const register: Effect.Effect<{ readonly id: string }>
 * // Run the registration once for this key; a retry gets the first answer back.
 * const answer = Idempotency.once(
 *   {
 *     scope: { districtId: Ids.DistrictId.make("11200"), accountId: "counselor-01" },
 *     key: "7f6c1e9e-2b1f-4c55-9d0e-3f2a8b7c6d5e",
 *     fingerprint: "POST /seekers sha256:…"
 *   },
 *   register,
 *   (seeker) => ({ status: 201, body: JSON.stringify(seeker) })
 * )
 * ```
 *
 * @since 0.4.0
 * @module
 * @category kernel
 */
import { Clock, Context, DateTime, Duration, Effect, Exit, Schema } from "effect"
import type { PersistenceError } from "./Errors.js"
import type { DistrictId } from "./Ids.js"
import * as Memory from "./Memory.js"

/**
 * An idempotency key as a client sends it: 1–255 visible ASCII characters
 * (a UUID is the usual choice).
 *
 * @since 0.4.0
 * @category schemas
 */
export const Key = Schema.String.pipe(
  Schema.pattern(/^[\x21-\x7e]{1,255}$/, {
    message: () =>
      "must be 1–255 visible ASCII characters, e.g. a UUID (보이는 ASCII 문자 1–255자여야 합니다. 예: UUID)"
  })
).annotations({
  identifier: "IdempotencyKey",
  description: "A key the client chooses for one request (a UUID, say): 1–255 visible ASCII characters"
})
/** @since 0.4.0 @category schemas */
export type Key = typeof Key.Type

/**
 * Whose keys these are: one account of one district. Two accounts never see
 * each other's keys.
 *
 * @since 0.4.0
 * @category models
 */
export interface Scope {
  readonly districtId: DistrictId
  readonly accountId: string
}

/**
 * The answer a request gave, as it is kept for a replay: a status and a
 * body, opaque to the store.
 *
 * @since 0.4.0
 * @category models
 */
export interface Answer {
  readonly status: number
  readonly body: string
}

/**
 * What `claim` of the {@link IdempotencyStore} found under a key: nothing (the caller
 * now holds the key and must `complete` or `release` it), a request still
 * running, or a finished one with its answer — each with the fingerprint of
 * the request that holds the key.
 *
 * @since 0.4.0
 * @category models
 */
export type Claim =
  | { readonly _tag: "Claimed" }
  | { readonly _tag: "Pending"; readonly fingerprint: string }
  | { readonly _tag: "Completed"; readonly fingerprint: string; readonly answer: Answer }

/**
 * The same key sent with another request than the one it first named.
 *
 * @since 0.4.0
 * @category errors
 */
export class IdempotencyKeyReused extends Schema.TaggedError<IdempotencyKeyReused>()("IdempotencyKeyReused", {
  key: Schema.String
}) {
  override get message(): string {
    return `The Idempotency-Key "${this.key}" was already used for another request (another route or body); use a new key for a new request`
  }
}

/**
 * The same key sent again while the first request with it is still running.
 *
 * @since 0.4.0
 * @category errors
 */
export class IdempotencyKeyInProgress extends Schema.TaggedError<IdempotencyKeyInProgress>()("IdempotencyKeyInProgress", {
  key: Schema.String
}) {
  override get message(): string {
    return `A request with the Idempotency-Key "${this.key}" is still being processed; send it again in a moment to get its answer`
  }
}

interface Row {
  readonly fingerprint: string
  readonly answer: Answer | undefined
  readonly expiresAt: number
}

/**
 * Where the keys are kept.
 *
 * - `claim` takes the key for a request, atomically: when the key is free
 *   (never used, or expired) it is stored as pending with the request's
 *   fingerprint until `expiresAt` (a short lease, so that a request lost
 *   with its process frees its key) and `Claimed` is answered; otherwise
 *   what holds it.
 * - `complete` keeps the answer of the request holding the key, and the key
 *   until `expiresAt`.
 * - `release` frees a pending key (the request failed).
 * - `purge` removes the keys expired before an instant; returns how many.
 * - `forget` removes the district's keys whose kept answer holds any of the
 *   texts (a person's id, name, phone…), for an erasure; returns how many.
 *
 * @since 0.4.0
 * @category ports
 */
export class IdempotencyStore extends Context.Tag("@iljari/core/IdempotencyStore")<IdempotencyStore, {
  readonly claim: (
    scope: Scope,
    key: string,
    fingerprint: string,
    now: DateTime.Utc,
    expiresAt: DateTime.Utc
  ) => Effect.Effect<Claim, PersistenceError>
  readonly complete: (scope: Scope, key: string, answer: Answer, expiresAt: DateTime.Utc) => Effect.Effect<void, PersistenceError>
  readonly release: (scope: Scope, key: string) => Effect.Effect<void, PersistenceError>
  readonly purge: (before: DateTime.Utc) => Effect.Effect<number, PersistenceError>
  readonly forget: (districtId: DistrictId, texts: ReadonlyArray<string>) => Effect.Effect<number, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const rows = () => Memory.map<Row>(db, "idempotency")
    const id = (scope: Scope, key: string) => `${Memory.key(scope.districtId, scope.accountId)}\u0000${key}`
    return {
      claim: (scope, key, fingerprint, now, expiresAt) =>
        Effect.sync((): Claim => {
          const k = id(scope, key)
          const row = rows().get(k)
          if (row === undefined || row.expiresAt <= DateTime.toEpochMillis(now)) {
            rows().set(k, { fingerprint, answer: undefined, expiresAt: DateTime.toEpochMillis(expiresAt) })
            return { _tag: "Claimed" }
          }
          return row.answer === undefined
            ? { _tag: "Pending", fingerprint: row.fingerprint }
            : { _tag: "Completed", fingerprint: row.fingerprint, answer: row.answer }
        }).pipe(Memory.exclusive(db)),
      complete: (scope, key, answer, expiresAt) =>
        Effect.sync(() => {
          const row = rows().get(id(scope, key))
          if (row !== undefined) rows().set(id(scope, key), { ...row, answer, expiresAt: DateTime.toEpochMillis(expiresAt) })
        }).pipe(Memory.exclusive(db)),
      release: (scope, key) =>
        Effect.sync(() => {
          const row = rows().get(id(scope, key))
          if (row !== undefined && row.answer === undefined) rows().delete(id(scope, key))
        }).pipe(Memory.exclusive(db)),
      purge: (before) =>
        Effect.sync(() => {
          let removed = 0
          for (const [k, row] of rows()) {
            if (row.expiresAt <= DateTime.toEpochMillis(before)) {
              rows().delete(k)
              removed++
            }
          }
          return removed
        }).pipe(Memory.exclusive(db)),
      forget: (districtId, texts) =>
        Effect.sync(() => {
          let removed = 0
          for (const [k, row] of rows()) {
            if (k.startsWith(`${districtId}\u0000`) && row.answer !== undefined && texts.some((t) => row.answer!.body.includes(t))) {
              rows().delete(k)
              removed++
            }
          }
          return removed
        }).pipe(Memory.exclusive(db))
    }
  })
}

/**
 * How long a key is kept, by default: 24 hours.
 *
 * @since 0.4.0
 * @category config
 */
export const defaultLifetime: Duration.Duration = Duration.hours(24)

/**
 * How long a running request holds its key, by default, before the key is
 * free again: 5 minutes. A request that takes longer may run twice; one lost
 * with its process (a crash, a restart) does not block its key for a day.
 *
 * @since 0.4.0
 * @category config
 */
export const defaultPendingLease: Duration.Duration = Duration.minutes(5)

/**
 * How long a request waits for the first one with its key, by default,
 * before it is refused with {@link IdempotencyKeyInProgress}: 10 seconds.
 *
 * @since 0.4.0
 * @category config
 */
export const defaultWait: Duration.Duration = Duration.seconds(10)

/**
 * The outcome of {@link once}: the value the effect gave (it ran), or the
 * answer kept from the first request with the key (it did not run again).
 *
 * @since 0.4.0
 * @category models
 */
export type Outcome<A> =
  | { readonly _tag: "Fresh"; readonly value: A; readonly answer: Answer }
  | { readonly _tag: "Replayed"; readonly answer: Answer }

const pollMillis = 25

// The wait between two looks at a pending key is real time, not the Clock's:
// a test's clock, which moves only when told, must not stop a waiting request.
const pause = Effect.async<void>((resume) => {
  const timer = setTimeout(() => resume(Effect.void), pollMillis)
  return Effect.sync(() => clearTimeout(timer))
})

/**
 * Runs `effect` once per key: the first request with a key runs it and
 * keeps its answer (`answer` of its value); a later one with the same
 * fingerprint gets that answer back without running it (waiting, up to
 * `wait`, while the first is still running); one with another fingerprint
 * fails with {@link IdempotencyKeyReused}. A failed run frees the key; a
 * run lost with its process frees it after `pendingLease`. The
 * time a key is kept is reckoned by Effect's `Clock`; the wait for a pending
 * request is real time (so that a test clock does not stop it).
 *
 * @example
 * ```ts
 * import { Idempotency, Ids } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const propose: Effect.Effect<{ readonly id: string }>
 * const scope = { districtId: Ids.DistrictId.make("11200"), accountId: "counselor-01" }
 * // Two calls with one key: the referral is proposed once, the second call replays the answer.
 * const twice = Effect.all([1, 2].map(() =>
 *   Idempotency.once({ scope, key: "k-1", fingerprint: "POST /referrals {…}" }, propose, (r) => ({ status: 201, body: JSON.stringify(r) }))
 * ))
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const once = <A, E, R>(
  request: {
    readonly scope: Scope
    readonly key: string
    readonly fingerprint: string
    readonly lifetime?: Duration.DurationInput
    readonly pendingLease?: Duration.DurationInput
    readonly wait?: Duration.DurationInput
  },
  effect: Effect.Effect<A, E, R>,
  answer: (value: A) => Answer
): Effect.Effect<Outcome<A>, E | IdempotencyKeyReused | IdempotencyKeyInProgress | PersistenceError, R | IdempotencyStore> =>
  Effect.gen(function*() {
    const store = yield* IdempotencyStore
    const { fingerprint, key, scope } = request
    const now = Effect.map(Clock.currentTimeMillis, (millis) => DateTime.unsafeMake(millis))
    const claim = Effect.flatMap(now, (at) =>
      store.claim(scope, key, fingerprint, at, DateTime.addDuration(at, request.pendingLease ?? defaultPendingLease)))
    // Wait for a pending first request: claim again until it completed (or failed and freed the key).
    const attempts = Math.max(1, Math.ceil(Duration.toMillis(request.wait ?? defaultWait) / pollMillis))
    const claimWaiting = (left: number): Effect.Effect<Claim, IdempotencyKeyInProgress | PersistenceError> =>
      Effect.flatMap(claim, (found) =>
        found._tag !== "Pending" || found.fingerprint !== fingerprint
          ? Effect.succeed(found)
          : left <= 1
          ? Effect.fail(new IdempotencyKeyInProgress({ key }))
          : Effect.zipRight(pause, claimWaiting(left - 1)))
    const claimed = yield* claimWaiting(attempts)
    if (claimed._tag !== "Claimed") {
      if (claimed.fingerprint !== fingerprint) return yield* new IdempotencyKeyReused({ key })
      if (claimed._tag === "Completed") return { _tag: "Replayed", answer: claimed.answer } as const
      return yield* new IdempotencyKeyInProgress({ key })
    }
    return yield* Effect.uninterruptibleMask((restore) =>
      restore(effect).pipe(
        Effect.map((value): Outcome<A> => ({ _tag: "Fresh", value, answer: answer(value) })),
        Effect.onExit((exit) =>
          Exit.isSuccess(exit)
            // The record exists: when its answer cannot be kept, the key stays
            // pending until it expires rather than let a retry create it again.
            ? Effect.flatMap(now, (at) =>
              store.complete(scope, key, exit.value.answer, DateTime.addDuration(at, request.lifetime ?? defaultLifetime))
            ).pipe(
              Effect.catchAll((error) => Effect.logWarning(`idempotency key "${key}" keeps no answer: ${error.message}`))
            )
            : Effect.ignore(store.release(scope, key))
        )
      )
    )
  })

/**
 * Removes the keys that expired by now (Effect's `Clock`), so that the store
 * holds the keys of the last day, not every key ever sent; answers how many
 * went. Run it now and then (the example server: at start and hourly).
 *
 * @example
 * ```ts
 * import { Idempotency } from "@iljari/core"
 * import { Effect, Schedule } from "effect"
 *
 * const hourly = Effect.repeat(Idempotency.purgeExpired, Schedule.spaced("1 hour"))
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const purgeExpired: Effect.Effect<number, PersistenceError, IdempotencyStore> = Effect.flatMap(
  Effect.zip(IdempotencyStore, Clock.currentTimeMillis),
  ([store, millis]) => store.purge(DateTime.unsafeMake(millis))
)
