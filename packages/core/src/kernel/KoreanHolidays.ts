/**
 * Korea's public holidays computed from the rules, for years the official
 * list (`@hyunbinseo/holidays-kr`, from the gazette) does not cover yet:
 *
 * - the fixed and lunar holidays of the Regulation on public holidays
 *   (관공서의 공휴일에 관한 규정 제2조), the lunar ones (설날, 부처님 오신 날,
 *   추석) through KASI's lunisolar tables (`korean-lunar-calendar`);
 * - substitute holidays (제3조) by the rules in force each year: since 2014
 *   for 설날 and 추석 (on a Sunday or another holiday) and 어린이날 (also on a
 *   Saturday); since 2021 for the national days 3ㆍ1절, 광복절, 개천절 and
 *   한글날; since 2023 for 부처님 오신 날 and 기독탄신일; since 2026 for 노동절
 *   and 제헌절, public holidays again from that year. The substitute is the
 *   first weekday after the holiday (after the third day of 설날 and 추석)
 *   that is not a holiday;
 * - election days of elections at the end of a term (공직선거법 제34조): the
 *   first Wednesday on or after 70 (president), 50 (National Assembly) or 30
 *   (local) days before the term ends, or the Wednesday a week later when
 *   that day, the day before or the day after is a holiday.
 *
 * Temporary holidays (임시공휴일) and early elections are decided when they
 * happen and cannot be computed: a district adds them to its calendar
 * (`BusinessCalendar.extend`) when they are announced.
 *
 * @example
 * ```ts
 * import { KoreanHolidays } from "@iljari/core"
 *
 * const y2030 = KoreanHolidays.forYear(2030)
 * y2030["2030-02-04"] // ["설날 다음 날"]
 * y2030["2030-06-12"] // ["전국동시지방선거"]: 06-05 would be the day before 현충일
 * ```
 *
 * @since 0.4.0
 * @module
 * @category kernel
 */
import KoreanLunarCalendarModule from "korean-lunar-calendar"
import * as LocalDate from "./LocalDate.js"

// The package's types describe its CommonJS file as an ES module with a
// default export; Node loads its ES module file, whose default is the class.
const KoreanLunarCalendar: typeof KoreanLunarCalendarModule.default = typeof KoreanLunarCalendarModule === "function"
  ? KoreanLunarCalendarModule
  : KoreanLunarCalendarModule.default

/**
 * The first year the rules here describe (the substitute-holiday regulation
 * of 2014; earlier years had 식목일 and other rules not modelled).
 *
 * @since 0.4.0
 * @category years
 */
export const firstYear = 2014

/**
 * The last year the lunisolar tables cover.
 *
 * @since 0.4.0
 * @category years
 */
export const lastYear = 2050

/**
 * The holidays of one or more years: each date (`YYYY-MM-DD`) with its
 * names, as in `BusinessCalendar`.
 *
 * @since 0.4.0
 * @category models
 */
export type Holidays = Readonly<Record<string, ReadonlyArray<string>>>

/**
 * What the election days depend on: the day the sitting president's term
 * ends (the following terms end five years apart). Elections of the National
 * Assembly (terms ending on 29 May every four years from 2024) and of local
 * governments (30 June every four years from 2026) are fixed by law.
 *
 * @since 0.4.0
 * @category elections
 */
export interface Options {
  /** Default `2030-06-03`: the term of the president elected on 2025-06-03. */
  readonly presidentialTermEnds?: LocalDate.LocalDate
  /** Whether to include election days; default `true`. */
  readonly elections?: boolean
}

interface Rule {
  /** As the official list names it. */
  readonly name: string
  readonly on: (year: number) => LocalDate.LocalDate
  /** Whether the rule makes a public holiday in the year. */
  readonly inForce: (year: number) => boolean
  /** Since when a holiday lost to a weekend or another holiday is made up. */
  readonly substituteSince?: number
  /** Whether a Saturday counts as lost (not for 설날 and 추석, 제3조 ①). */
  readonly saturday?: boolean
  /** The three-day holiday the day belongs to; its substitute follows the third day. */
  readonly group?: "설날" | "추석"
}

const always = () => true
const fixed = (month: number, day: number) => (year: number) => LocalDate.make(year, month, day)

const lunar = (month: number, day: number, shift: number) => (year: number): LocalDate.LocalDate => {
  const calendar = new KoreanLunarCalendar()
  if (!calendar.setLunarDate(year, month, day, false)) throw new RangeError(`No lunar date ${year}-${month}-${day}`)
  const solar = calendar.getSolarCalendar()
  return LocalDate.addDays(LocalDate.make(solar.year, solar.month, solar.day), shift)
}

const threeDays = (group: "설날" | "추석", month: number, day: number): ReadonlyArray<Rule> =>
  [`${group} 전날`, group, `${group} 다음 날`].map((name, i) => ({
    name,
    on: lunar(month, day, i - 1),
    inForce: always,
    substituteSince: 2014,
    saturday: false,
    group
  }))

const nationalDay = (name: string, month: number, day: number, inForce: (year: number) => boolean = always): Rule => ({
  name,
  on: fixed(month, day),
  inForce,
  substituteSince: 2021,
  saturday: true
})

// In the regulation's order, which also decides which of two holidays on one
// day the substitute is named after (the later one, as the gazette did on
// 2025-05-05: 어린이날 and 부처님 오신 날, substitute named after the second).
const rules: ReadonlyArray<Rule> = [
  { name: "1월 1일", on: fixed(1, 1), inForce: always },
  ...threeDays("설날", 1, 1),
  nationalDay("3ㆍ1절", 3, 1),
  { name: "노동절", on: fixed(5, 1), inForce: (year) => year >= 2026, substituteSince: 2026, saturday: true },
  { name: "어린이날", on: fixed(5, 5), inForce: always, substituteSince: 2014, saturday: true },
  { name: "부처님 오신 날", on: lunar(4, 8, 0), inForce: always, substituteSince: 2023, saturday: true },
  { name: "현충일", on: fixed(6, 6), inForce: always },
  { name: "제헌절", on: fixed(7, 17), inForce: (year) => year <= 2007 || year >= 2026, substituteSince: 2026, saturday: true },
  nationalDay("광복절", 8, 15),
  ...threeDays("추석", 8, 15),
  nationalDay("개천절", 10, 3),
  nationalDay("한글날", 10, 9, (year) => year <= 1990 || year >= 2013),
  { name: "기독탄신일", on: fixed(12, 25), inForce: always, substituteSince: 2023, saturday: true }
]

const add = (holidays: Record<string, Array<string>>, date: string, name: string) => {
  const names = holidays[date] ?? []
  if (!names.includes(name)) names.push(name)
  holidays[date] = names
}

// The regular holidays of a year and their substitutes.
const regular = (year: number): Record<string, Array<string>> => {
  const holidays: Record<string, Array<string>> = {}
  const byDate = new Map<LocalDate.LocalDate, Array<Rule>>()
  const groupEnd = new Map<string, LocalDate.LocalDate>()
  for (const rule of rules) {
    if (!rule.inForce(year)) continue
    const date = rule.on(year)
    add(holidays, date, rule.name)
    byDate.set(date, [...(byDate.get(date) ?? []), rule])
    if (rule.group !== undefined) groupEnd.set(rule.group, LocalDate.max(groupEnd.get(rule.group) ?? date, date))
  }
  for (const date of [...byDate.keys()].sort()) {
    const onDay = byDate.get(date)!
    const weekday = LocalDate.dayOfWeek(date)
    // A day lost: a holiday on a Sunday (or a Saturday, for rules that count
    // it), or a second holiday on the same day.
    const eligible = onDay.filter((rule) =>
      rule.substituteSince !== undefined && year >= rule.substituteSince &&
      (weekday === 0 || (weekday === 6 ? rule.saturday === true : onDay.length > 1))
    )
    const lost = onDay.length - (LocalDate.isWeekend(date) ? 0 : 1)
    for (const rule of eligible.slice(eligible.length - Math.min(lost, eligible.length))) {
      let substitute = LocalDate.addDays(rule.group === undefined ? date : groupEnd.get(rule.group)!, 1)
      while (LocalDate.isWeekend(substitute) || holidays[substitute] !== undefined) substitute = LocalDate.addDays(substitute, 1)
      add(holidays, substitute, `대체공휴일(${rule.group ?? rule.name})`)
    }
  }
  return holidays
}

interface Election {
  readonly name: string
  readonly daysBefore: number
  /** The years its terms end in, and the day they end. */
  readonly termEnds: (year: number) => LocalDate.LocalDate | undefined
}

// Terms of `years` ending on the anchor's day. The National Assembly's and
// local governments' terms are fixed by law, so their cycle runs both ways;
// a president's may end early (2017, 2025), so it is counted forward only.
const everyYears = (anchor: LocalDate.LocalDate, years: number, backward: boolean) =>
(year: number): LocalDate.LocalDate | undefined => {
  const { day, month, year: first } = LocalDate.parts(anchor)
  const inCycle = (((year - first) % years) + years) % years === 0
  return inCycle && (backward || year >= first) ? LocalDate.make(year, month, day) : undefined
}

const elections = (presidentialTermEnds: LocalDate.LocalDate): ReadonlyArray<Election> => [
  { name: "대통령선거", daysBefore: 70, termEnds: everyYears(presidentialTermEnds, 5, false) },
  { name: "국회의원선거", daysBefore: 50, termEnds: everyYears(LocalDate.make(2024, 5, 29), 4, true) },
  { name: "전국동시지방선거", daysBefore: 30, termEnds: everyYears(LocalDate.make(2026, 6, 30), 4, true) }
]

/**
 * The day of an election at the end of a term (공직선거법 제34조): the first
 * Wednesday on or after `daysBefore` days before `termEnds`, or a week later
 * when that Wednesday, the Tuesday before or the Thursday after is a
 * holiday (`isHoliday`; Sundays need not be included, as they cannot touch a
 * Wednesday).
 *
 * @since 0.4.0
 * @category elections
 */
export const electionDay = (
  termEnds: LocalDate.LocalDate,
  daysBefore: number,
  isHoliday: (date: LocalDate.LocalDate) => boolean
): LocalDate.LocalDate => {
  const earliest = LocalDate.addDays(termEnds, -daysBefore)
  const wednesday = LocalDate.addDays(earliest, (3 - LocalDate.dayOfWeek(earliest) + 7) % 7)
  const blocked = [-1, 0, 1].some((shift) => isHoliday(LocalDate.addDays(wednesday, shift)))
  return blocked ? LocalDate.addDays(wednesday, 7) : wednesday
}

/**
 * The public holidays of a year (from {@link firstYear} to {@link lastYear})
 * computed from the rules: regular holidays, substitutes and, unless
 * switched off, the days of elections whose terms end that year. Throws a
 * `RangeError` outside those years.
 *
 * @since 0.4.0
 * @category holidays
 */
export const forYear = (year: number, options: Options = {}): Holidays => {
  if (!Number.isInteger(year) || year < firstYear || year > lastYear) {
    throw new RangeError(`Korean holidays are computed for ${firstYear}–${lastYear}; got ${year}`)
  }
  const holidays = regular(year)
  if (options.elections === false) return holidays
  const regularDays = { ...holidays }
  const isHoliday = (date: LocalDate.LocalDate) => regularDays[date] !== undefined
  for (const election of elections(options.presidentialTermEnds ?? LocalDate.make(2030, 6, 3))) {
    const termEnds = election.termEnds(year)
    if (termEnds !== undefined) add(holidays, electionDay(termEnds, election.daysBefore, isHoliday), election.name)
  }
  return holidays
}
