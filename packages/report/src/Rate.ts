/**
 * Rates as a report prints them: achievement (달성률), execution (집행률),
 * on-time (준수율) and share figures, rounded to a fixed number of decimals of
 * a percent by a policy the district chooses.
 *
 * The seeds' own tables **truncate**: the budget table prints 2,227,790 ÷
 * 3,249,090 = 68.566…% as 68.5% and 1,301,295 ÷ 1,887,159 = 68.955…% as
 * 68.9%, so the default policy is one decimal, rounded down. Whole-number
 * inputs are divided exactly (no floating-point doubt at the rounding edge).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * How a rate is rounded: to `decimals` decimals **of a percent** (1 prints
 * 68.5%), down (`floor`, the seeds' way), to the nearest (halves away from
 * zero) or up.
 *
 * @since 0.1.0
 * @category rounding
 */
export const Rounding = Schema.Struct({
  decimals: Schema.Int.pipe(
    Schema.between(0, 6, { message: (issue) => `must be a whole number of decimals from 0 to 6; got ${String(issue.actual)}` })
  ),
  mode: Schema.Literal("floor", "nearest", "ceil")
}).annotations({ identifier: "RateRounding" })
/** @since 0.1.0 @category rounding */
export type Rounding = typeof Rounding.Type

/**
 * One decimal of a percent, rounded down: 68.566…% prints 68.5%, as the
 * seeds' budget table does.
 *
 * @since 0.1.0
 * @category rounding
 */
export const defaultRounding: Rounding = { decimals: 1, mode: "floor" }

const bigRound = (numerator: bigint, denominator: bigint, mode: Rounding["mode"]): bigint => {
  // Work on magnitudes and put the sign back, so "floor" means toward −∞.
  const negative = (numerator < 0n) !== (denominator < 0n)
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  const q = n / d
  const r = n % d
  let magnitude: bigint
  if (r === 0n) magnitude = q
  else if (mode === "nearest") magnitude = 2n * r >= d ? q + 1n : q
  else if ((mode === "floor") !== negative) magnitude = q
  else magnitude = q + 1n
  return negative ? -magnitude : magnitude
}

/**
 * Rounds a fraction (`0.68566…`) to the policy's decimals of a percent and
 * returns it as a fraction again (`0.685`). A value within floating-point
 * noise of a boundary counts as on it.
 *
 * @since 0.1.0
 * @category rounding
 */
export const roundFraction = (fraction: number, rounding: Rounding = defaultRounding): number => {
  const scale = 10 ** (rounding.decimals + 2)
  const raw = fraction * scale
  const nearest = Math.round(raw)
  const units = Math.abs(raw - nearest) <= 1e-9 * Math.max(1, Math.abs(raw)) ? nearest : raw
  const rounded = rounding.mode === "floor"
    ? Math.floor(units)
    : rounding.mode === "ceil"
    ? Math.ceil(units)
    : Math.sign(units) * Math.floor(Math.abs(units) + 0.5)
  return rounded / scale
}

/**
 * `numerator ÷ denominator` as a fraction rounded by the policy, or
 * `undefined` when the denominator is 0 (no rate, rather than 0 or ∞).
 * Whole numbers are divided exactly: `rate(2_227_790, 3_249_090)` is `0.685`
 * (68.5%), where rounding to the nearest would give 68.6%.
 *
 * @since 0.1.0
 * @category rates
 */
export const rate = (numerator: number, denominator: number, rounding: Rounding = defaultRounding): number | undefined => {
  if (denominator === 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return undefined
  const scale = 10 ** (rounding.decimals + 2)
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) {
    return Number(bigRound(BigInt(numerator) * BigInt(scale), BigInt(denominator), rounding.mode)) / scale
  }
  return roundFraction(numerator / denominator, rounding)
}

/**
 * A fraction written as a percent with the policy's decimals: `0.685` →
 * `"68.5%"`. Pass a rate already rounded by the same policy.
 *
 * @since 0.1.0
 * @category formatting
 */
export const percentText = (fraction: number, decimals: number = defaultRounding.decimals): string =>
  `${(fraction * 100).toFixed(decimals)}%`
