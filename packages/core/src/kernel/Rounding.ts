/**
 * Rounding policies, one for the whole project. A policy is data — a mode
 * and a step — that a district passes in, never a constant in code:
 *
 * - **targets** are rounded to a unit, to the nearest: `{ mode: "nearest",
 *   unit: 10 }` turns 2,797.2 into 2,800 (`Targets.plan`);
 * - **rates** are rounded to a tenth of a percent, down: `{ mode: "floor",
 *   decimals: 1 }` prints 2,227,790 ÷ 3,249,090 = 68.566…% as 68.5%, as the
 *   seeds' budget table does (`Rate.rate` applies the policy to the percent).
 *
 * A policy rounds to a multiple of its step, `unit × 10^−decimals` (`unit`
 * defaults to 1, `decimals` to 0). {@link round} rounds a number;
 * {@link roundQuotient} rounds `numerator ÷ denominator` and divides whole
 * numbers exactly, so no floating-point error can move a figure across a
 * step boundary.
 *
 * @example
 * ```ts
 * import { Rounding } from "@iljari/core"
 *
 * Rounding.round(1234, { mode: "nearest", unit: 10 })         // 1230: a target to tens
 * Rounding.roundQuotient(1, 3, { mode: "floor", decimals: 1 }) // 0.3: a rate, rounded down
 * ```
 *
 * @since 0.3.0
 * @module
 * @category kernel
 */
import { Schema } from "effect"
import { codeSet } from "./CodeSet.js"

const modes = codeSet("RoundingMode", [
  ["nearest", { ko: "반올림", en: "Nearest" }],
  ["floor", { ko: "내림", en: "Down" }],
  ["ceil", { ko: "올림", en: "Up" }]
])

/**
 * How a figure is rounded to its step: to the nearest (halves away from
 * zero, so a half rounds up for the counts and rates the domain has), down
 * (toward −∞) or up (toward +∞).
 *
 * @since 0.3.0
 * @category models
 */
export const Mode = modes.schema
/** @since 0.3.0 @category models */
export type Mode = typeof Mode.Type
/** @since 0.3.0 @category models */
export const modeLabel = modes.label

const unitIssue = (n: number): string | undefined =>
  Number.isSafeInteger(n) && n >= 1 ? undefined : `must be a whole number of at least 1, e.g. 1, 10 or 100; got ${n}`

const decimalsIssue = (n: number): string | undefined =>
  Number.isSafeInteger(n) && n >= 0 && n <= 6 ? undefined : `must be a whole number of decimals from 0 to 6; got ${n}`

/**
 * The unit of a step: a whole number of at least 1 (1, 10, 100…).
 *
 * @since 0.3.0
 * @category models
 */
export const Unit = Schema.Number.pipe(Schema.filter((n) => unitIssue(n) ?? true)).annotations({ identifier: "RoundingUnit" })

/**
 * The decimals of a step: a whole number from 0 to 6.
 *
 * @since 0.3.0
 * @category models
 */
export const Decimals = Schema.Number.pipe(Schema.filter((n) => decimalsIssue(n) ?? true)).annotations({
  identifier: "RoundingDecimals"
})

/**
 * A rounding policy: round to a multiple of `unit × 10^−decimals` in `mode`.
 * `unit` defaults to 1 and `decimals` to 0: `{ mode: "nearest", unit: 10 }`
 * rounds to tens, `{ mode: "floor", decimals: 1 }` to tenths.
 *
 * @since 0.3.0
 * @category models
 */
export const Rounding = Schema.Struct({
  mode: Mode,
  unit: Schema.optionalWith(Unit, { exact: true }),
  decimals: Schema.optionalWith(Decimals, { exact: true })
}).annotations({ identifier: "Rounding" })
/** @since 0.3.0 @category models */
export type Rounding = typeof Rounding.Type

/**
 * A policy's unit (1 unless it names one).
 *
 * @since 0.3.0
 * @category getters
 */
export const unitOf = (rounding: Rounding): number => rounding.unit ?? 1

/**
 * A policy's decimals (0 unless it names some): the decimals a figure
 * rounded by it is printed with.
 *
 * @since 0.3.0
 * @category getters
 */
export const decimalsOf = (rounding: Rounding): number => rounding.decimals ?? 0

/**
 * What is wrong with a policy passed in directly (not decoded), as a field
 * name and a reason, or `undefined` when it is a valid policy.
 *
 * @since 0.3.0
 * @category validation
 */
export const issue = (rounding: Rounding): { readonly field: "unit" | "decimals"; readonly reason: string } | undefined => {
  const unit = rounding.unit === undefined ? undefined : unitIssue(rounding.unit)
  if (unit !== undefined) return { field: "unit", reason: unit }
  const decimals = rounding.decimals === undefined ? undefined : decimalsIssue(rounding.decimals)
  return decimals === undefined ? undefined : { field: "decimals", reason: decimals }
}

// Rounds a count of steps by the mode: halves away from zero, floor toward −∞.
const roundSteps = (steps: number, mode: Mode): number =>
  mode === "floor"
    ? Math.floor(steps)
    : mode === "ceil"
    ? Math.ceil(steps)
    : Math.sign(steps) * Math.floor(Math.abs(steps) + 0.5)

/**
 * Rounds a number by a policy: `round(6_923.7, { mode: "nearest", unit: 10 })`
 * is 6,920, `round(68.566, { mode: "floor", decimals: 1 })` is 68.5. Halves
 * round away from zero. A value within floating-point noise of a step
 * boundary counts as on it, so `1.1 * 100` (110.00000000000001) rounds up to
 * 110, not 111.
 *
 * @since 0.3.0
 * @category rounding
 */
export const round = (value: number, rounding: Rounding): number => {
  const unit = unitOf(rounding)
  const scale = 10 ** decimalsOf(rounding)
  const raw = (value * scale) / unit
  const nearest = Math.round(raw)
  const steps = Math.abs(raw - nearest) <= 1e-9 * Math.max(1, Math.abs(raw)) ? nearest : raw
  return (roundSteps(steps, rounding.mode) * unit) / scale
}

// numerator ÷ denominator rounded to a whole number by the mode, exactly.
const roundBig = (numerator: bigint, denominator: bigint, mode: Mode): bigint => {
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
 * Rounds `numerator ÷ denominator` by a policy, or gives `undefined` when the
 * denominator is 0 or either is not finite (no quotient, rather than 0 or ∞).
 * Whole numbers are divided exactly: `roundQuotient(2_227_790, 3_249_090, {
 * mode: "floor", decimals: 3 })` is 0.685, where floating point could drop or
 * add a step at the boundary.
 *
 * @since 0.3.0
 * @category rounding
 */
export const roundQuotient = (numerator: number, denominator: number, rounding: Rounding): number | undefined => {
  if (denominator === 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return undefined
  const unit = unitOf(rounding)
  const scale = 10 ** decimalsOf(rounding)
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) && Number.isSafeInteger(scale)) {
    const steps = roundBig(BigInt(numerator) * BigInt(scale), BigInt(denominator) * BigInt(unit), rounding.mode)
    return (Number(steps) * unit) / scale
  }
  return round(numerator / denominator, rounding)
}

/**
 * A policy shifted by `places` decimals: the same steps for a figure written
 * `10^places` times larger. A rate printed as a percent with one decimal is
 * a fraction rounded to three: `shift({ mode: "floor", decimals: 1 }, 2)`.
 *
 * @since 0.3.0
 * @category combinators
 */
export const shift = (rounding: Rounding, places: number): Rounding => ({
  ...rounding,
  decimals: decimalsOf(rounding) + places
})
