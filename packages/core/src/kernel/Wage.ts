/**
 * Wages as quoted (hourly, daily, monthly, yearly) and their normalisation to
 * a monthly KRW figure, so that a seeker's wish and an opening's offer can be
 * compared whatever way each was written.
 *
 * @example
 * ```ts
 * import { Wage } from "@iljari/core"
 *
 * // The 2026 minimum hourly wage, as a month of 209 paid hours.
 * Wage.toMonthly("hourly", 10_320)     // 2_156_880
 * Wage.toMonthly("yearly", 36_000_000) // 3_000_000
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { Schema } from "effect"
import { WageType } from "./Codes.js"

/**
 * Multipliers that turn one unit of each wage type into a month.
 *
 * @since 0.1.0
 * @category normalisation
 */
export interface MonthlyFactors {
  readonly hourly: number
  readonly daily: number
  readonly monthly: number
  readonly yearly: number
}

/**
 * The factors iljari uses unless a district passes its own:
 *
 * - **hourly × 209**: the paid hours of a 40-hour week plus the paid weekly
 *   rest day (주휴, 8 hours), times 365 / 7 / 12 weeks a month
 *   (48 × 4.345 ≈ 209); the Ministry of Employment and Labor quotes the
 *   monthly minimum wage this way.
 * - **daily × 26.125**: 209 hours over an 8-hour day, so that a daily wage of
 *   eight times an hourly wage normalises to the same month.
 * - **monthly × 1**, **yearly ÷ 12**.
 *
 * @since 0.1.0
 * @category normalisation
 */
export const defaultMonthlyFactors: MonthlyFactors = {
  hourly: 209,
  daily: 209 / 8,
  monthly: 1,
  yearly: 1 / 12
}

/**
 * An amount in won, quoted as `type`, expressed per month and rounded to the
 * nearest won.
 *
 * @since 0.1.0
 * @category normalisation
 */
export const toMonthly = (
  type: WageType,
  amount: number,
  factors: MonthlyFactors = defaultMonthlyFactors
): number => Math.round(amount * factors[type])

/**
 * A positive whole number of won, at most ₩10,000,000,000.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Won = Schema.Number.pipe(
  Schema.filter(
    (n) =>
      Number.isSafeInteger(n) && n > 0 && n <= 10_000_000_000 ||
      `must be a whole number of won greater than 0 (at most 10,000,000,000); got ${n}`
  ),
  Schema.brand("Won")
).annotations({
  identifier: "Won",
  arbitrary: () => (fc) => fc.integer({ min: 1, max: 10_000_000_000 }).map((n) => n as Won)
})
/** @since 0.1.0 @category schemas */
export type Won = typeof Won.Type

/**
 * A wage a seeker asks for.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DesiredWage = Schema.Struct({
  type: WageType,
  amount: Won
}).annotations({ identifier: "DesiredWage" })
/** @since 0.1.0 @category schemas */
export type DesiredWage = typeof DesiredWage.Type

/**
 * A wage an opening offers: a minimum, and a maximum when it is a range.
 *
 * @since 0.1.0
 * @category schemas
 */
export const OfferedWage = Schema.Struct({
  type: WageType,
  min: Won,
  max: Schema.optionalWith(Won, { exact: true })
}).pipe(
  Schema.filter((wage) =>
    wage.max === undefined || wage.max >= wage.min ||
    { path: ["max"], message: `must not be below the minimum (${wage.min}); got ${wage.max}` }
  )
).annotations({ identifier: "OfferedWage" })
/** @since 0.1.0 @category schemas */
export type OfferedWage = typeof OfferedWage.Type
