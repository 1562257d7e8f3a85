/**
 * Quiet hours (정보통신망법 제50조): from 21:00 to 08:00 Korea time,
 * advertising needs its own night-time consent, and iljari holds service
 * messages until the morning as well unless they are urgent.
 *
 * @example
 * ```ts
 * import { QuietHours } from "@iljari/notify"
 * import { DateTime } from "effect"
 *
 * // 21:30 in Seoul: advertising waits until the legal quiet hours end.
 * const at = DateTime.unsafeMake("2026-05-14T12:30:00Z")
 * QuietHours.isQuiet(at)  // true
 * QuietHours.endOf(at)    // 08:00 the next morning in Seoul
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { DateTime } from "effect"

/**
 * The quiet window in Korean hours: from `start` (inclusive) to `end`
 * (exclusive), across midnight when `start` > `end`.
 *
 * @since 0.1.0
 * @category config
 */
export interface Window {
  readonly start: number
  readonly end: number
}

/**
 * 21:00–08:00, as the law draws it for advertising.
 *
 * @since 0.1.0
 * @category config
 */
export const legal: Window = { start: 21, end: 8 }

const koreaOffsetMillis = 9 * 3_600_000

/**
 * Whether `at` falls in the quiet window, Korea time.
 *
 * @since 0.1.0
 * @category queries
 */
export const isQuiet = (at: DateTime.Utc, window: Window = legal): boolean => {
  const hour = new Date(at.epochMillis + koreaOffsetMillis).getUTCHours()
  return window.start > window.end ? hour >= window.start || hour < window.end : hour >= window.start && hour < window.end
}

/**
 * The instant the quiet window containing `at` ends (the next `end` o'clock
 * Korea time), or `at` itself when it is not quiet.
 *
 * @since 0.1.0
 * @category queries
 */
export const endOf = (at: DateTime.Utc, window: Window = legal): DateTime.Utc => {
  if (!isQuiet(at, window)) return at
  const korea = new Date(at.epochMillis + koreaOffsetMillis)
  let end = Date.UTC(korea.getUTCFullYear(), korea.getUTCMonth(), korea.getUTCDate(), window.end) - koreaOffsetMillis
  if (end <= at.epochMillis) end += 24 * 3_600_000
  return DateTime.unsafeMake(end)
}
