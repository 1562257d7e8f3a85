/**
 * Periods counted as the Civil Act counts them (민법 제157조, 제160조): the
 * follow-up windows after a placement, a program's months, how long personal
 * data is kept. One function for all of them, so that "three months from
 * the 31st" ends on the same day everywhere.
 *
 * - **The first day (제157조).** A period counted from an event does not
 *   count the event's day: it starts the next day ({@link afterEvent}). A
 *   period that starts at midnight — a job whose first day is the start date
 *   — counts that day ({@link from}).
 * - **The last day (제160조).** A period of weeks, months or years runs by
 *   the calendar and ends on the day before the day of the last week, month
 *   or year that corresponds to the first day; when the last month has no
 *   such day (the 31st, or 29 February), it ends on that month's last day.
 *
 * So one month from 2026-01-31 ends on 2026-02-28 (February has no 31st),
 * and one month from 2026-03-01 on 2026-03-31.
 *
 * Whether a last day that is a Saturday or a holiday moves to the next day
 * (제161조) depends on what the period is for, so that is left to the caller
 * and its `BusinessCalendar`.
 *
 * @example
 * ```ts
 * import { LegalPeriod, LocalDate } from "@iljari/core"
 *
 * LegalPeriod.lastDay(LocalDate.make(2026, 1, 31), { months: 1 })     // "2026-02-28"
 * LegalPeriod.lastDay(LocalDate.make(2026, 3, 1), { months: 1 })      // "2026-03-31"
 * // Kept three years after the last activity on 2024-02-29: the day itself is not counted.
 * LegalPeriod.afterEvent(LocalDate.make(2024, 2, 29), { years: 3 })   // { from: "2024-03-01", to: "2027-02-28" }
 * ```
 *
 * @since 0.4.0
 * @module
 * @category kernel
 */
import * as LocalDate from "./LocalDate.js"

/**
 * How long a period is: whole days, weeks, months or years (one of them, or
 * several added together, largest first). Every part must be a whole number
 * of 0 or more, and the period at least one day long.
 *
 * @since 0.4.0
 * @category models
 */
export interface Length {
  readonly years?: number
  readonly months?: number
  readonly weeks?: number
  readonly days?: number
}

/**
 * A period's first and last day, both included.
 *
 * @since 0.4.0
 * @category models
 */
export interface Period {
  readonly from: LocalDate.LocalDate
  readonly to: LocalDate.LocalDate
}

const part = (value: number | undefined, name: string): number => {
  const n = value ?? 0
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A period's ${name} must be a whole number of 0 or more; got ${n}`)
  return n
}

/**
 * The last day of a period whose first counted day (기산일) is `first`.
 * Months and years end on the day before the corresponding day of the last
 * month, or on that month's last day when it has none; days and weeks on
 * the day before `first` plus that many days. Throws a `RangeError` for a
 * negative or fractional part or an empty period: lengths are the library's
 * own constants and a district's decoded settings, never raw input.
 *
 * @since 0.4.0
 * @category arithmetic
 */
export const lastDay = (first: LocalDate.LocalDate, length: Length): LocalDate.LocalDate => {
  const months = part(length.years, "years") * 12 + part(length.months, "months")
  const days = part(length.weeks, "weeks") * 7 + part(length.days, "days")
  if (months === 0 && days === 0) throw new RangeError("A period must be at least one day long")
  let end = LocalDate.addDays(first, -1)
  if (months > 0) {
    // addMonths moves a missing corresponding day back to the month's last
    // day, which is then the period's end (제160조 ③); otherwise the period
    // ends the day before the corresponding day.
    const corresponding = LocalDate.addMonths(first, months)
    end = LocalDate.parts(corresponding).day < LocalDate.parts(first).day ? corresponding : LocalDate.addDays(corresponding, -1)
  }
  return LocalDate.addDays(end, days)
}

/**
 * The period that starts on `first` (its first day counted, as for a job
 * that starts at midnight) and lasts `length`.
 *
 * @since 0.4.0
 * @category constructors
 */
export const from = (first: LocalDate.LocalDate, length: Length): Period => ({ from: first, to: lastDay(first, length) })

/**
 * The period of `length` after an event on `day` (제157조): the event's own
 * day is not counted, so the period starts the next day.
 *
 * @since 0.4.0
 * @category constructors
 */
export const afterEvent = (day: LocalDate.LocalDate, length: Length): Period => from(LocalDate.addDays(day, 1), length)

/**
 * `count` periods of `length` one after another from `first`, as a
 * follow-up's monthly windows or a subsidy's months: period `n` ends where a
 * period of `n × length` from `first` ends, so short months do not make the
 * ends drift, and each starts the day after the one before. Together they
 * tile `from(first, n × length)` without gaps or overlaps.
 *
 * @since 0.4.0
 * @category constructors
 */
export const consecutive = (first: LocalDate.LocalDate, length: Length, count: number): ReadonlyArray<Period> => {
  const periods: Array<Period> = []
  let start = first
  for (let n = 1; n <= count; n++) {
    const times = (part: number | undefined) => (part ?? 0) * n
    const to = lastDay(first, { years: times(length.years), months: times(length.months), weeks: times(length.weeks), days: times(length.days) })
    periods.push({ from: start, to })
    start = LocalDate.addDays(to, 1)
  }
  return periods
}
