/**
 * Calendar dates without a time or a time zone (`YYYY-MM-DD`): birth dates,
 * an opening's closing date, a placement's start date. Korean job-center
 * dates are civil dates in Korea, so they are never shifted by a time zone.
 *
 * @example
 * ```ts
 * import { LocalDate } from "@iljari/core"
 *
 * const start = LocalDate.make(2026, 1, 31)
 * LocalDate.addMonths(start, 1)                             // "2026-02-28": clamped to the month's end
 * LocalDate.daysBetween(start, LocalDate.make(2026, 3, 2))  // 30
 * LocalDate.fromEpochMillisInKorea(Date.parse("2026-05-13T16:00:00Z")) // "2026-05-14" in Seoul
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { DateTime, Schema } from "effect"

// Checked by character codes, without a regular expression or a `Date`: every
// stored record's dates are checked again when it is read, so this is hot.
const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const digitsAt = (value: string, from: number, to: number): number => {
  let n = 0
  for (let i = from; i < to; i++) {
    const d = value.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}

const isCalendarDate = (value: string): boolean => {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false
  const year = digitsAt(value, 0, 4)
  const month = digitsAt(value, 5, 7)
  const day = digitsAt(value, 8, 10)
  // Years 0–99 were never calendar dates here (`Date.UTC` reads them as 1900–1999).
  if (year < 100 || month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= (month === 2 && leap ? 29 : monthLengths[month - 1]!)
}

const pad = (n: number, width: number) => String(n).padStart(width, "0")

/**
 * Formats a year, month (1–12) and day as a `LocalDate` string.
 *
 * @since 0.1.0
 * @category constructors
 */
export const format = (year: number, month: number, day: number): string =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`

/**
 * A real calendar date written `YYYY-MM-DD` (1900–2199).
 *
 * @since 0.1.0
 * @category schemas
 */
export const LocalDate = Schema.String.pipe(
  Schema.filter(
    (value) =>
      isCalendarDate(value) && value >= "1900-01-01" && value <= "2199-12-31" ||
      `must be a calendar date written YYYY-MM-DD between 1900 and 2199, e.g. 2016-03-02; got ${JSON.stringify(value)}`
  ),
  Schema.brand("LocalDate")
).annotations({
  identifier: "LocalDate",
  description: "A calendar date written YYYY-MM-DD, from 1900-01-01 to 2199-12-31",
  examples: ["2026-03-02" as LocalDate],
  jsonSchema: { format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
  arbitrary: () => (fc) =>
    fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
      .map((d) => format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) as LocalDate)
})

/** @since 0.1.0 @category models */
export type LocalDate = typeof LocalDate.Type

/**
 * Orders two dates; `LocalDate` strings compare correctly as text.
 *
 * @since 0.1.0
 * @category ordering
 */
export const compare = (a: LocalDate, b: LocalDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

// Arithmetic goes through UTC midnight, where no day is 23 or 25 hours long.
const toUtc = (date: LocalDate): Date => new Date(`${date}T00:00:00Z`)
const fromUtc = (date: Date): LocalDate =>
  format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) as LocalDate

/**
 * The year, month (1–12) and day of a date.
 *
 * @since 0.1.0
 * @category parts
 */
export const parts = (date: LocalDate): { readonly year: number; readonly month: number; readonly day: number } => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10))
})

/**
 * Builds a date from its parts, or fails with an `Error` for an impossible
 * one. For trusted arithmetic; decode user input with {@link LocalDate}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (year: number, month: number, day: number): LocalDate => {
  const text = format(year, month, day)
  if (!isCalendarDate(text)) throw new Error(`Not a calendar date: ${text}`)
  return text as LocalDate
}

/**
 * The day of the week: 0 Sunday, 1 Monday … 6 Saturday.
 *
 * @since 0.1.0
 * @category parts
 */
export const dayOfWeek = (date: LocalDate): number => toUtc(date).getUTCDay()

/**
 * Whether the date is a Saturday or a Sunday.
 *
 * @since 0.4.0
 * @category parts
 */
export const isWeekend = (date: LocalDate): boolean => {
  const day = dayOfWeek(date)
  return day === 0 || day === 6
}

/**
 * The number of days in a month (1–12) of a year.
 *
 * @since 0.1.0
 * @category parts
 */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * The date `days` days later (earlier when negative).
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const addDays = (date: LocalDate, days: number): LocalDate => {
  const d = toUtc(date)
  d.setUTCDate(d.getUTCDate() + days)
  return fromUtc(d)
}

/**
 * The same day `months` months later (earlier when negative), moved back to
 * the month's last day when the month is shorter (Jan 31 + 1 month = Feb 28
 * or 29).
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const addMonths = (date: LocalDate, months: number): LocalDate => {
  const { day, month, year } = parts(date)
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return make(y, m, Math.min(day, daysInMonth(y, m)))
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const daysBetween = (from: LocalDate, to: LocalDate): number =>
  Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000)

/**
 * The first day of the date's month.
 *
 * @since 0.1.0
 * @category periods
 */
export const startOfMonth = (date: LocalDate): LocalDate => `${date.slice(0, 8)}01` as LocalDate

/**
 * The last day of the date's month.
 *
 * @since 0.1.0
 * @category periods
 */
export const endOfMonth = (date: LocalDate): LocalDate => {
  const { month, year } = parts(date)
  return make(year, month, daysInMonth(year, month))
}

/**
 * The Monday that starts the date's week (Korean offices count weeks from
 * Monday).
 *
 * @since 0.1.0
 * @category periods
 */
export const startOfWeek = (date: LocalDate): LocalDate => addDays(date, -((dayOfWeek(date) + 6) % 7))

/**
 * The later of two dates.
 *
 * @since 0.1.0
 * @category ordering
 */
export const max = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b)

/**
 * The earlier of two dates.
 *
 * @since 0.1.0
 * @category ordering
 */
export const min = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b)

/**
 * The civil date in Korea (UTC+9, no daylight saving) at an instant given in
 * epoch milliseconds; use with Effect's `Clock` or `DateTime` in use cases.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromEpochMillisInKorea = (millis: number): LocalDate => fromUtc(new Date(millis + 9 * 3_600_000))

/**
 * The instant a day begins in Korea (00:00 at UTC+9): the bound of a period
 * of Korean days over instants, e.g. the access log's `from`, and the next
 * day's start as its `before`.
 *
 * @example
 * ```ts
 * import { LocalDate } from "@iljari/core"
 *
 * const from = LocalDate.startInKorea(LocalDate.make(2026, 12, 1)) // 2026-11-30T15:00:00Z
 * ```
 *
 * @since 0.4.0
 * @category conversions
 */
export const startInKorea = (date: LocalDate): DateTime.Utc => DateTime.unsafeMake(`${date}T00:00:00+09:00`)
