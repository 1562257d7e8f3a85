/**
 * Business days in Korea: days that are neither a Saturday, a Sunday nor a
 * public holiday (공휴일). A calendar is plain data — the holidays, each with
 * its names, and the years it covers — so it can be stored, sent and extended
 * with a district's own closure days.
 *
 * A calendar only answers for the years it covers. Outside them every
 * question fails with {@link CalendarNotCovered}: guessing "no holidays"
 * would schedule calls on 설날 without a word. {@link korea} covers the
 * official list's years (2018–2027) and, after them, the holidays computed
 * from the rules (`KoreanHolidays`) up to 2050; those computed years are
 * marked ({@link isComputed}), so a schedule that rests on them can say so
 * until the gazette publishes the year.
 *
 * Everything here is pure: no `Effect`, no clock, no I/O.
 *
 * @example
 * ```ts
 * import { BusinessCalendar, LocalDate } from "@iljari/core"
 * import { Either } from "effect"
 *
 * // 2026-09-24 is the eve of 추석: the next business day is the Monday after the holidays.
 * const next = BusinessCalendar.nextBusinessDay(BusinessCalendar.korea, LocalDate.make(2026, 9, 24))
 * Either.getOrThrow(next) // "2026-09-28"
 * BusinessCalendar.holidayNames(BusinessCalendar.korea, LocalDate.make(2026, 9, 25)) // Either.right(["추석"])
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import * as holidaysKr from "@hyunbinseo/holidays-kr/all"
import { Array as Arr, Either, Schema } from "effect"
import * as KoreanHolidays from "./KoreanHolidays.js"
import * as LocalDate from "./LocalDate.js"
import { Label } from "./Text.js"
import * as Validation from "./Validation.js"

const Year = Schema.Int.pipe(
  Schema.between(1900, 2199, { message: (issue) => `must be a whole year between 1900 and 2199; got ${String(issue.actual)}` })
)

/**
 * A holiday calendar: its name, the first and last year it covers (both
 * included) and, for each holiday in those years, the holiday's names (a day
 * can be two holidays at once, e.g. 2025-05-05 어린이날 and 부처님 오신 날).
 * Weekends are not listed; Saturdays and Sundays are never business days.
 * `computedFrom`, when set, is the first year whose holidays were computed
 * from the rules rather than taken from an official list.
 *
 * Build one with {@link make} or {@link extend}, or use {@link korea}.
 *
 * @since 0.1.0
 * @category models
 */
export class BusinessCalendar extends Schema.Class<BusinessCalendar>("BusinessCalendar")(
  Schema.Struct({
    name: Label,
    firstYear: Year,
    lastYear: Year,
    computedFrom: Schema.optionalWith(Year, { exact: true }),
    // Keys are checked below rather than by a LocalDate key schema, which
    // would report a malformed date as an unknown field.
    holidays: Schema.Record({ key: Schema.String, value: Schema.NonEmptyArray(Label) })
  }).pipe(
    Schema.filter((calendar) => {
      if (calendar.lastYear < calendar.firstYear) {
        return { path: ["lastYear"], message: `must not be before firstYear (${calendar.firstYear}); got ${calendar.lastYear}` }
      }
      return Object.keys(calendar.holidays).flatMap((date) =>
        !isLocalDate(date)
          ? [{ path: ["holidays", date], message: `must be a calendar date written YYYY-MM-DD, e.g. 2026-09-25; got ${JSON.stringify(date)}` }]
          : !inYears(calendar, date)
          // A holiday outside the covered years would be silently ignored: refuse it.
          ? [{ path: ["holidays", date], message: `is outside the covered years ${calendar.firstYear}–${calendar.lastYear}` }]
          : []
      )
    })
  )
) {}

const isLocalDate = Schema.is(LocalDate.LocalDate)

const inYears = (calendar: { readonly firstYear: number; readonly lastYear: number }, date: string): boolean => {
  const year = Number(date.slice(0, 4))
  return year >= calendar.firstYear && year <= calendar.lastYear
}

/**
 * A date the calendar does not cover, so whether it is a business day is
 * unknown. The message names the date, the calendar and its years.
 *
 * @since 0.1.0
 * @category errors
 */
export class CalendarNotCovered extends Schema.TaggedError<CalendarNotCovered>()("CalendarNotCovered", {
  date: LocalDate.LocalDate,
  calendar: Schema.String,
  firstYear: Schema.Int,
  lastYear: Schema.Int
}) {
  override get message(): string {
    return `${this.date} is outside the holiday calendar "${this.calendar}", which covers ${this.firstYear}–${this.lastYear}: ` +
      `whether it is a business day is unknown. Pass a calendar that covers ${this.date.slice(0, 4)} ` +
      `(BusinessCalendar.make or BusinessCalendar.extend).`
  }
}

/**
 * Whether the calendar covers the date's year.
 *
 * @since 0.1.0
 * @category queries
 */
export const covers = (calendar: BusinessCalendar, date: LocalDate.LocalDate): boolean => inYears(calendar, date)

/**
 * Whether the calendar's holidays for the date's year were computed from the
 * rules rather than taken from an official list (see `computedFrom`): an
 * answer for that year holds unless a temporary holiday or an early
 * election is declared.
 *
 * @since 0.4.0
 * @category queries
 */
export const isComputed = (calendar: BusinessCalendar, date: LocalDate.LocalDate): boolean =>
  calendar.computedFrom !== undefined && Number(date.slice(0, 4)) >= calendar.computedFrom

const notCovered = (calendar: BusinessCalendar, date: LocalDate.LocalDate) =>
  new CalendarNotCovered({ date, calendar: calendar.name, firstYear: calendar.firstYear, lastYear: calendar.lastYear })

/**
 * The names of the holidays on a date (`["추석"]`), empty on an ordinary day
 * or a plain weekend.
 *
 * @since 0.1.0
 * @category queries
 */
export const holidayNames = (
  calendar: BusinessCalendar,
  date: LocalDate.LocalDate
): Either.Either<ReadonlyArray<string>, CalendarNotCovered> =>
  covers(calendar, date) ? Either.right(calendar.holidays[date] ?? []) : Either.left(notCovered(calendar, date))

/**
 * Whether a date is a business day: not a Saturday, not a Sunday, not a
 * holiday.
 *
 * @since 0.1.0
 * @category queries
 */
export const isBusinessDay = (
  calendar: BusinessCalendar,
  date: LocalDate.LocalDate
): Either.Either<boolean, CalendarNotCovered> =>
  covers(calendar, date)
    ? Either.right(!LocalDate.isWeekend(date) && calendar.holidays[date] === undefined)
    : Either.left(notCovered(calendar, date))

// Walks one day at a time from `from` (included) until a business day. Holiday
// runs are short (설날 with a weekend and a substitute day is under ten days),
// and leaving the covered years ends the walk with an error.
const walk = (
  calendar: BusinessCalendar,
  from: LocalDate.LocalDate,
  step: 1 | -1
): Either.Either<LocalDate.LocalDate, CalendarNotCovered> => {
  let date = from
  for (;;) {
    if (!covers(calendar, date)) return Either.left(notCovered(calendar, date))
    if (!LocalDate.isWeekend(date) && calendar.holidays[date] === undefined) return Either.right(date)
    date = LocalDate.addDays(date, step)
  }
}

/**
 * The date itself when it is a business day, otherwise the first business
 * day after it ("following" convention).
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const rollForward = (
  calendar: BusinessCalendar,
  date: LocalDate.LocalDate
): Either.Either<LocalDate.LocalDate, CalendarNotCovered> => walk(calendar, date, 1)

/**
 * The date itself when it is a business day, otherwise the last business day
 * before it ("preceding" convention).
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const rollBackward = (
  calendar: BusinessCalendar,
  date: LocalDate.LocalDate
): Either.Either<LocalDate.LocalDate, CalendarNotCovered> => walk(calendar, date, -1)

/**
 * The first business day strictly after the date.
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const nextBusinessDay = (
  calendar: BusinessCalendar,
  date: LocalDate.LocalDate
): Either.Either<LocalDate.LocalDate, CalendarNotCovered> => walk(calendar, LocalDate.addDays(date, 1), 1)

/**
 * The last business day strictly before the date.
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const previousBusinessDay = (
  calendar: BusinessCalendar,
  date: LocalDate.LocalDate
): Either.Either<LocalDate.LocalDate, CalendarNotCovered> => walk(calendar, LocalDate.addDays(date, -1), -1)

/**
 * The number of business days after `from` up to and including `to`, like
 * `LocalDate.daysBetween` counts days: 0 for the same date, 1 from a Friday to
 * the next Monday, negative when `to` is earlier. Every day counted must be
 * covered.
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const businessDaysBetween = (
  calendar: BusinessCalendar,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate
): Either.Either<number, CalendarNotCovered> => {
  if (to < from) return Either.map(businessDaysBetween(calendar, to, from), (n) => 0 - n) // never -0
  let count = 0
  for (let date = from; date < to;) {
    date = LocalDate.addDays(date, 1)
    if (!covers(calendar, date)) return Either.left(notCovered(calendar, date))
    if (!LocalDate.isWeekend(date) && calendar.holidays[date] === undefined) count++
  }
  return Either.right(count)
}

/**
 * Decodes a calendar from its JSON form (`{ name, firstYear, lastYear,
 * holidays: { "YYYY-MM-DD": [names…] } }`), e.g. one kept in a district's
 * configuration. A holiday outside the covered years is refused.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decodeEither = Validation.decodeEither(BusinessCalendar)

/**
 * What {@link make} takes: a name, the covered years and the holidays in them.
 *
 * @since 0.1.0
 * @category constructors
 */
export interface MakeOptions {
  readonly name: string
  readonly firstYear: number
  readonly lastYear: number
  readonly computedFrom?: number
  readonly holidays: Readonly<Record<string, ReadonlyArray<string>>>
}

/**
 * An integrator's own calendar, e.g. for years `@hyunbinseo/holidays-kr`
 * does not cover. The holidays must lie in the covered years; every year in
 * between is taken to be complete, so list all of its holidays.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: MakeOptions): Either.Either<BusinessCalendar, Validation.ValidationError> =>
  decodeEither(options)

/**
 * A calendar with more holidays and, optionally, more years: a district's
 * closure days (구청 개청기념일), or the next year's holidays before the
 * package publishes them. Names of a date in both are kept, base first. The
 * covered years become `firstYear`–`lastYear` (default: the base's), and
 * must include the base's.
 *
 * When the gazette publishes a year the base computed, pass its whole list
 * with `computedFrom` set to the year after: the base's computed holidays of
 * the years now listed are replaced rather than merged, so an election day
 * the rules placed elsewhere does not linger, and those years stop being
 * {@link isComputed}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const extend = (
  base: BusinessCalendar,
  options: {
    readonly name?: string
    readonly firstYear?: number
    readonly lastYear?: number
    /** @since 0.4.0 */
    readonly computedFrom?: number
    readonly holidays: Readonly<Record<string, ReadonlyArray<string>>>
  }
): Either.Either<BusinessCalendar, Validation.ValidationError> => {
  const computedFrom = options.computedFrom ?? base.computedFrom
  if (options.computedFrom !== undefined && base.computedFrom !== undefined && options.computedFrom < base.computedFrom) {
    return Either.left(
      new Validation.ValidationError({
        subject: "BusinessCalendar",
        issues: [
          new Validation.ValidationIssue({
            path: "computedFrom",
            message: `must not be before the base's (${base.computedFrom}): a computed year becomes official by listing it; got ${options.computedFrom}`
          })
        ]
      })
    )
  }
  // Years the base computed and the caller now lists are the caller's alone.
  const replaced = (date: string) => {
    const year = Number(date.slice(0, 4))
    return base.computedFrom !== undefined && computedFrom !== undefined && year >= base.computedFrom && year < computedFrom
  }
  const holidays: Record<string, Array<string>> = {}
  for (const [date, names] of Object.entries(base.holidays)) if (!replaced(date)) holidays[date] = [...names]
  for (const [date, names] of Object.entries(options.holidays)) {
    const merged = holidays[date] ?? []
    for (const name of names) if (!merged.includes(name)) merged.push(name)
    holidays[date] = merged
  }
  // Shrinking the years would drop holidays the base vouches for; the filter
  // refuses them with their dates.
  return decodeEither({
    name: options.name ?? base.name,
    firstYear: options.firstYear ?? base.firstYear,
    lastYear: options.lastYear ?? base.lastYear,
    ...(computedFrom === undefined ? {} : { computedFrom }),
    holidays
  })
}

const fromPackage = (): BusinessCalendar => {
  const byYear = new Map<number, Readonly<Record<string, ReadonlyArray<string>>>>()
  for (const [key, table] of Object.entries(holidaysKr)) {
    if (/^y\d{4}$/.test(key)) byYear.set(Number(key.slice(1)), table)
  }
  const firstYear = Math.min(...byYear.keys())
  // Cover only an unbroken run of years: a year missing from the package must
  // fail as uncovered rather than read as a year without holidays.
  let lastYear = firstYear
  while (byYear.has(lastYear + 1)) lastYear++
  const holidays: Record<string, ReadonlyArray<string>> = {}
  for (let year = firstYear; year <= lastYear; year++) Object.assign(holidays, byYear.get(year))
  return Either.getOrThrow(make({ name: "대한민국 공휴일 (관보)", firstYear, lastYear, holidays }))
}

/**
 * Korean public holidays as the official gazette lists them, from
 * `@hyunbinseo/holidays-kr` (substitute and one-off holidays such as
 * election days included): 2018–2027 with the package version this library
 * pins.
 *
 * @since 0.4.0
 * @category calendars
 */
export const official: BusinessCalendar = fromPackage()

/**
 * What {@link computed} takes: the years, a name, and what the election
 * days depend on (`KoreanHolidays.Options`).
 *
 * @since 0.4.0
 * @category constructors
 */
export interface ComputedOptions extends KoreanHolidays.Options {
  readonly name?: string
  readonly firstYear: number
  readonly lastYear: number
}

/**
 * A calendar of Korean public holidays computed from the rules
 * (`KoreanHolidays.forYear`) for `firstYear`–`lastYear`, all marked
 * computed. Years outside `KoreanHolidays.firstYear`–`lastYear` are refused.
 *
 * @since 0.4.0
 * @category constructors
 */
export const computed = (options: ComputedOptions): Either.Either<BusinessCalendar, Validation.ValidationError> => {
  const issues = (["firstYear", "lastYear"] as const).flatMap((field) => {
    const year = options[field]
    return Number.isInteger(year) && year >= KoreanHolidays.firstYear && year <= KoreanHolidays.lastYear ? [] : [
      new Validation.ValidationIssue({
        path: field,
        message: `must be a year from ${KoreanHolidays.firstYear} to ${KoreanHolidays.lastYear}, the years the rules and ` +
          `the lunar tables cover; got ${String(year)}`
      })
    ]
  })
  if (Arr.isNonEmptyArray(issues)) return Either.left(new Validation.ValidationError({ subject: "BusinessCalendar", issues }))
  const holidays: Record<string, ReadonlyArray<string>> = {}
  for (let year = options.firstYear; year <= options.lastYear; year++) Object.assign(holidays, KoreanHolidays.forYear(year, options))
  return make({
    name: options.name ?? "대한민국 공휴일 (규칙 계산)",
    firstYear: options.firstYear,
    lastYear: options.lastYear,
    computedFrom: options.firstYear,
    holidays
  })
}

/**
 * Korean public holidays: the official list ({@link official}) for the
 * years it covers, then the holidays computed from the rules up to
 * `KoreanHolidays.lastYear` (2050), marked computed from the first year the
 * list lacks ({@link isComputed}). The list overrides the computation, so
 * temporary holidays and early elections it records are kept; a district
 * adds its own days, and the next years' temporary holidays when announced,
 * with {@link extend}.
 *
 * @since 0.1.0
 * @category calendars
 */
export const korea: BusinessCalendar = (() => {
  const after = Either.getOrThrow(computed({ firstYear: official.lastYear + 1, lastYear: KoreanHolidays.lastYear }))
  return Either.getOrThrow(make({
    name: "대한민국 공휴일",
    firstYear: official.firstYear,
    lastYear: after.lastYear,
    computedFrom: after.firstYear,
    holidays: { ...after.holidays, ...official.holidays }
  }))
})()
