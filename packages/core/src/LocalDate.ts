/**
 * Calendar dates without a time or a time zone (`YYYY-MM-DD`): birth dates,
 * an opening's closing date, a placement's start date. Korean job-center
 * dates are civil dates in Korea, so they are never shifted by a time zone.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const shape = /^(\d{4})-(\d{2})-(\d{2})$/

const isCalendarDate = (value: string): boolean => {
  const match = shape.exec(value)
  if (match === null) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
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
