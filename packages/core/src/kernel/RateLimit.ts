/**
 * Rate limits (요청 횟수 제한): how many times a key (an address on a route,
 * say) may do something in a fixed window of time, counted in the storage so
 * that every server process in front of one database counts the same hits.
 *
 * @example
 * ```ts
 * import { RateLimit } from "@iljari/core"
 * import { Duration } from "effect"
 *
 * // At most 30 report downloads a minute from one address; the 31st and later in the minute fail with RateLimited.
 * const download = RateLimit.take("report:203.0.113.7", { limit: 30, window: Duration.minutes(1) })
 * ```
 *
 * @since 0.4.0
 * @module
 * @category kernel
 */
import { Clock, Context, Duration, Effect, Schema } from "effect"
import type { PersistenceError } from "./Errors.js"
import * as Memory from "./Memory.js"

/**
 * How many hits a key may make in one window.
 *
 * @since 0.4.0
 * @category models
 */
export interface Rule {
  readonly limit: number
  readonly window: Duration.DurationInput
}

/**
 * A key made more hits than its rule allows in the current window; it may try
 * again after `retryAfterSeconds`.
 *
 * @since 0.4.0
 * @category errors
 */
export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", {
  limit: Schema.Int,
  windowSeconds: Schema.Int,
  retryAfterSeconds: Schema.Int
}) {
  override get message(): string {
    return `Too many requests: at most ${this.limit} in ${this.windowSeconds} seconds; try again in ${this.retryAfterSeconds} seconds`
  }
}

/**
 * The counters of the rate limits: one per key, for the window it counts in.
 *
 * @since 0.4.0
 * @category ports
 */
export class RateLimits extends Context.Tag("@iljari/core/RateLimits")<RateLimits, {
  /**
   * Counts one hit of `key` in the window that starts at `windowStart`
   * (epoch milliseconds) and ends at `windowEnd`, and answers how many hits
   * the key has made in it, this one included. A counter of an older window
   * starts again from one; counters whose windows ended may be dropped.
   * Atomic: two processes counting the same key never lose a hit.
   */
  readonly hit: (key: string, windowStart: number, windowEnd: number) => Effect.Effect<number, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const counters = Memory.map<{ readonly windowStart: number; readonly windowEnd: number; readonly count: number }>(db, "rate-limits")
    return {
      hit: (key: string, windowStart: number, windowEnd: number) =>
        Effect.sync(() => {
          const current = counters.get(key)
          const count = current !== undefined && current.windowStart === windowStart ? current.count + 1 : 1
          if (count === 1) for (const [other, counter] of counters) if (counter.windowEnd <= windowStart) counters.delete(other)
          counters.set(key, { windowStart, windowEnd, count })
          return count
        })
    }
  })
}

/**
 * Counts one hit of `key` under `rule`, in fixed windows aligned to the
 * epoch; fails with {@link RateLimited} when the key has made more than
 * `rule.limit` hits in the current window.
 *
 * @example
 * ```ts
 * import { RateLimit } from "@iljari/core"
 *
 * const signIns = RateLimit.take("sign-in:10.0.0.7", { limit: 20, window: "10 minutes" })
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const take = (key: string, rule: Rule): Effect.Effect<void, RateLimited | PersistenceError, RateLimits> =>
  Effect.gen(function*() {
    const limits = yield* RateLimits
    const window = Math.max(1, Math.round(Duration.toMillis(rule.window)))
    const now = yield* Clock.currentTimeMillis
    const windowStart = Math.floor(now / window) * window
    const count = yield* limits.hit(key, windowStart, windowStart + window)
    if (count <= rule.limit) return
    return yield* new RateLimited({
      limit: rule.limit,
      windowSeconds: Math.ceil(window / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil((windowStart + window - now) / 1000))
    })
  })
