/**
 * Rates as a report prints them: achievement (달성률), execution (집행률),
 * on-time (준수율) and share figures, rounded to a fixed number of decimals of
 * a percent by a policy the district chooses (core's `Rounding`, the one
 * rounding policy of the project).
 *
 * The seeds' own tables **truncate**: the budget table prints 2,227,790 ÷
 * 3,249,090 = 68.566…% as 68.5% and 1,301,295 ÷ 1,887,159 = 68.955…% as
 * 68.9%, so the default policy is one decimal, rounded down. Whole-number
 * inputs are divided exactly (no floating-point doubt at the rounding edge).
 *
 * @example
 * ```ts
 * import { Rate } from "@iljari/report"
 *
 * // Rates to a tenth of a percent, rounded down; none when the denominator is 0.
 * Rate.rate(914, 960) // 0.952
 * Rate.rate(3, 0)     // undefined
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Rounding } from "@iljari/core"

/**
 * One decimal of a percent, rounded down: 68.566…% prints 68.5%, as the
 * seeds' budget table does. A rate's policy is the project's one
 * `Rounding.Rounding`, applied to the **percent**: `{ mode: "floor",
 * decimals: 1 }` rounds to a tenth of a percent, down (`floor`, the seeds'
 * way), to the nearest (halves away from zero) or up.
 *
 * @since 0.1.0
 * @category rounding
 */
export const defaultRounding: Rounding.Rounding = { decimals: 1, mode: "floor" }

// A fraction is a percent ÷ 100: its steps are two decimals finer.
const ofFraction = (rounding: Rounding.Rounding): Rounding.Rounding => Rounding.shift(rounding, 2)

/**
 * Rounds a fraction (`0.68566…`) to the policy's decimals of a percent and
 * returns it as a fraction again (`0.685`). A value within floating-point
 * noise of a boundary counts as on it.
 *
 * @since 0.1.0
 * @category rounding
 */
export const roundFraction = (fraction: number, rounding: Rounding.Rounding = defaultRounding): number =>
  Rounding.round(fraction, ofFraction(rounding))

/**
 * `numerator ÷ denominator` as a fraction rounded by the policy, or
 * `undefined` when the denominator is 0 (no rate, rather than 0 or ∞).
 * Whole numbers are divided exactly: `rate(2_227_790, 3_249_090)` is `0.685`
 * (68.5%), where rounding to the nearest would give 68.6%.
 *
 * @since 0.1.0
 * @category rates
 */
export const rate = (numerator: number, denominator: number, rounding: Rounding.Rounding = defaultRounding): number | undefined =>
  Rounding.roundQuotient(numerator, denominator, ofFraction(rounding))

/**
 * A fraction written as a percent with the policy's decimals: `0.685` →
 * `"68.5%"`. Pass a rate already rounded by the same policy.
 *
 * @since 0.1.0
 * @category formatting
 */
export const percentText = (fraction: number, decimals: number = Rounding.decimalsOf(defaultRounding)): string =>
  `${(fraction * 100).toFixed(decimals)}%`
