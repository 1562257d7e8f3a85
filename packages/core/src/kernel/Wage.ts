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
 *
 * // The statutory minimum of a year, when iljari knows it.
 * Wage.minimumHourlyWage(2014)        // Option.some(5_210)
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { Option, Schema } from "effect"
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

/**
 * One year's statutory minimum wage, by the hour.
 *
 * @since 0.4.0
 * @category minimum wage
 */
export interface MinimumHourlyWage {
  readonly year: number
  /** Won an hour, for every industry alike. */
  readonly hourly: number
}

/**
 * The statutory minimum hourly wage (최저임금, 시간급) of each year from 2010
 * to 2026, as the Minister of Employment and Labor gave notice of it
 * (최저임금법 제10조) on the Minimum Wage Commission's (최저임금위원회)
 * decision. Since 2007 each applies from 1 January to 31 December of its
 * year, to every business alike. Data, not a rule: a program paid "at the
 * year's minimum wage" reads its figure here, and a year missing from the
 * list is written into the program by hand.
 *
 * Every figure was checked against a published notice or a report of it:
 * 2010–2013 from the Commission's figures reported by 이투데이 (2013-07-05,
 * "△2010년 4110원 △2011년 4320원 △2012년 4580원 △2013년 4860원") and
 * 한국경제 (2012-07-01, 2013 ₩4,860 over 2012's ₩4,580); 2014 and 2015 from
 * 동아닷컴 (2014-06-27: "2015년도 최저임금이 올해(5210원)보다 7.1% 오른
 * 5580원"); 2016 from 디지털조선 (2015-07); 2017 and 2018 from 파이낸셜뉴스
 * (2017-08-04, the Ministry's notice of ₩7,530 over 2017's ₩6,470); 2019
 * from 한국일보 (2018-08-03, the notice in the Official Gazette: ₩8,350);
 * 2020 from the Ministry's own release (moel.go.kr, 2019-08-05: ₩8,590);
 * 2021 from the notice 고용노동부고시 제2020-110호 (₩8,720); 2022 from the
 * notice of 2021-08-05 (₩9,160); 2023 from the notice of 2022-08-05
 * (₩9,620, reported by 아주경제); 2024 from 연합뉴스 (2023-08-04: ₩9,860);
 * 2025 from 연합뉴스 via investing.com (2024-08-05: ₩10,030); 2026 from the
 * Ministry's release of 2025-08-05 (고용노동부고시 제2025-47호: ₩10,320).
 * Where a source gives the monthly equivalent (× 209 hours, 2013–2016 and
 * 2018–2026), it matches.
 *
 * @since 0.4.0
 * @category minimum wage
 */
export const minimumHourlyWages: ReadonlyArray<MinimumHourlyWage> = [
  { year: 2010, hourly: 4_110 },
  { year: 2011, hourly: 4_320 },
  { year: 2012, hourly: 4_580 },
  { year: 2013, hourly: 4_860 },
  { year: 2014, hourly: 5_210 },
  { year: 2015, hourly: 5_580 },
  { year: 2016, hourly: 6_030 },
  { year: 2017, hourly: 6_470 },
  { year: 2018, hourly: 7_530 },
  { year: 2019, hourly: 8_350 },
  { year: 2020, hourly: 8_590 },
  { year: 2021, hourly: 8_720 },
  { year: 2022, hourly: 9_160 },
  { year: 2023, hourly: 9_620 },
  { year: 2024, hourly: 9_860 },
  { year: 2025, hourly: 10_030 },
  { year: 2026, hourly: 10_320 }
]

/**
 * The statutory minimum hourly wage of `year`, or none for a year
 * {@link minimumHourlyWages} does not list (before 2010, or not yet decided
 * when this version was published).
 *
 * @since 0.4.0
 * @category minimum wage
 */
export const minimumHourlyWage = (year: number): Option.Option<number> =>
  Option.map(Option.fromNullable(minimumHourlyWages.find((w) => w.year === year)), (w) => w.hourly)
