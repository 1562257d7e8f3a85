/**
 * The stretches of days a report covers: a month, a year, a year to date, a
 * week from Monday. Both ends are included, like `Monitoring.Period` and the
 * storage ports' `…Between` finders.
 *
 * @example
 * ```ts
 * import { LocalDate } from "@iljari/core"
 * import { Period } from "@iljari/report"
 *
 * const may = Period.month(2026, 5)
 * Period.contains(may, LocalDate.make(2026, 5, 14)) // true
 * Period.months(Period.yearToDate(2026, 3))         // ["2026-01", "2026-02", "2026-03"]
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { LocalDate } from "@iljari/core"
import type { Codes } from "@iljari/core"

/**
 * Days from `from` to `to`, both included. A period whose `from` is after its
 * `to` is empty.
 *
 * @since 0.1.0
 * @category models
 */
export interface Period {
  readonly from: LocalDate.LocalDate
  readonly to: LocalDate.LocalDate
}

/**
 * A month of a year (1–12).
 *
 * @since 0.1.0
 * @category constructors
 */
export const month = (year: number, month: number): Period => {
  const from = LocalDate.make(year, month, 1)
  return { from, to: LocalDate.endOfMonth(from) }
}

/**
 * A whole calendar year.
 *
 * @since 0.1.0
 * @category constructors
 */
export const year = (year: number): Period => ({ from: LocalDate.make(year, 1, 1), to: LocalDate.make(year, 12, 31) })

/**
 * January 1 to the end of `month` (1–12).
 *
 * @since 0.1.0
 * @category constructors
 */
export const yearToDate = (year: number, month: number): Period => ({
  from: LocalDate.make(year, 1, 1),
  to: LocalDate.endOfMonth(LocalDate.make(year, month, 1))
})

/**
 * The week (Monday to Sunday) that contains `date`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const week = (date: LocalDate.LocalDate): Period => {
  const from = LocalDate.startOfWeek(date)
  return { from, to: LocalDate.addDays(from, 6) }
}

/**
 * Whether a date lies in the period.
 *
 * @since 0.1.0
 * @category queries
 */
export const contains = (period: Period, date: LocalDate.LocalDate): boolean => date >= period.from && date <= period.to

/**
 * The month of a date, written `YYYY-MM`: the key monthly counts are grouped by.
 *
 * @since 0.1.0
 * @category months
 */
export const monthKey = (date: LocalDate.LocalDate): string => date.slice(0, 7)

/**
 * The months a period touches, in order, written `YYYY-MM`; none when the
 * period is empty.
 *
 * @since 0.1.0
 * @category months
 */
export const months = (period: Period): ReadonlyArray<string> => {
  if (period.from > period.to) return []
  const result: Array<string> = []
  let cursor = LocalDate.startOfMonth(period.from)
  while (cursor <= period.to) {
    result.push(monthKey(cursor))
    cursor = LocalDate.addMonths(cursor, 1)
  }
  return result
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const

/**
 * A month's name: `3월` or `Mar`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const monthName = (month: number): Codes.Label => ({ ko: `${month}월`, en: monthNames[month - 1] ?? String(month) })

/**
 * A period as a report heading prints it: `2016-03-01 ~ 2016-03-31`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const text = (period: Period): string => `${period.from} ~ ${period.to}`
