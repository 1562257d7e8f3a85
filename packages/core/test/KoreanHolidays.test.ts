import * as holidaysKr from "@hyunbinseo/holidays-kr/all"
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as BusinessCalendar from "../src/kernel/BusinessCalendar.js"
import * as KoreanHolidays from "../src/kernel/KoreanHolidays.js"
import * as LocalDate from "../src/kernel/LocalDate.js"
import { left, right } from "@iljari/test-support/either"

const d = (s: string) => s as LocalDate.LocalDate

// The gazette's list as the package publishes it, year by year.
const officialList: Record<string, ReadonlyArray<string>> = {}
for (const [key, table] of Object.entries(holidaysKr)) if (/^y\d{4}$/.test(key)) Object.assign(officialList, table)

// What no rule can compute: temporary holidays (an early presidential
// election among them) and election days, which are checked on their own.
const decided = (names: ReadonlyArray<string>) => names.some((name) => name.startsWith("임시공휴일") || name.includes("선거"))
const withoutDecided = (holidays: KoreanHolidays.Holidays) =>
  Object.fromEntries(Object.entries(holidays).filter(([, names]) => !decided(names)))

const computed = (from: number, to: number, options: KoreanHolidays.Options = {}) => {
  const holidays: Record<string, ReadonlyArray<string>> = {}
  for (let year = from; year <= to; year++) Object.assign(holidays, KoreanHolidays.forYear(year, options))
  return holidays
}

describe("holidays computed from the rules", () => {
  it("equal the official list for 2018–2027 day for day and name for name, elections and temporary holidays aside", () => {
    const years = Object.keys(officialList).map((date) => Number(date.slice(0, 4)))
    expect([Math.min(...years), Math.max(...years)]).toEqual([2018, 2027])
    expect(withoutDecided(computed(2018, 2027, { elections: false }))).toEqual(withoutDecided(officialList))
  })

  it("put the elections of 공직선거법 제34조 on the days the official list gives them", () => {
    const listed = Object.entries(officialList).filter(([, names]) => names.some((name) => name.includes("선거")))
    // 2025-06-03 was an early presidential election (a temporary holiday): no rule gives it.
    const regular = listed.filter(([date]) => date !== "2025-06-03").map(([date]) => date).sort()
    expect(regular).toEqual(["2018-06-13", "2020-04-15", "2022-03-09", "2022-06-01", "2024-04-10", "2026-06-03"])
    // The president elected in 2017 (early) served until 2022-05-09.
    const elections = Object.entries(computed(2018, 2026, { presidentialTermEnds: d("2022-05-09") }))
      .filter(([, names]) => names.some((name) => name.includes("선거")))
      .map(([date]) => date)
      .sort()
    expect(elections).toEqual(regular)
  })

  it("move an election a week when the Wednesday touches a holiday: 2018 (현충일) and 2030 (the day before 현충일)", () => {
    // 30 days before 2018-06-30 is 05-31; the first Wednesday, 06-06, is 현충일.
    expect(KoreanHolidays.forYear(2018)["2018-06-13"]).toEqual(["전국동시지방선거"])
    expect(KoreanHolidays.forYear(2030)["2030-06-05"]).toBeUndefined()
    expect(KoreanHolidays.forYear(2030)["2030-06-12"]).toEqual(["전국동시지방선거"])
    // 70 days before the president's term ends on 2030-06-03: 03-25, a Monday.
    expect(KoreanHolidays.forYear(2030)["2030-03-27"]).toEqual(["대통령선거"])
    expect(KoreanHolidays.forYear(2028)["2028-04-12"]).toEqual(["국회의원선거"])
  })

  it("make up a day lost to a weekend or to another holiday, by the rules of the year", () => {
    // 추석 2028 (10-02 – 10-04) holds 개천절 on 10-03: one day lost, made up on Thursday 10-05.
    expect(KoreanHolidays.forYear(2028)["2028-10-03"]).toEqual(["추석", "개천절"])
    expect(KoreanHolidays.forYear(2028)["2028-10-05"]).toEqual(["대체공휴일(개천절)"])
    // 한글날 on a Saturday: made up since 2021 (2021-10-11), not in 2015.
    expect(KoreanHolidays.forYear(2021)["2021-10-11"]).toEqual(["대체공휴일(한글날)"])
    expect(KoreanHolidays.forYear(2015)["2015-10-12"]).toBeUndefined()
    // 기독탄신일 on a Sunday: made up since 2023, not in 2022.
    expect(KoreanHolidays.forYear(2022)["2022-12-26"]).toBeUndefined()
    expect(KoreanHolidays.forYear(2033)["2033-12-26"]).toEqual(["대체공휴일(기독탄신일)"])
    // 설날 on a Saturday is not made up (설날 2021: Thu 11 – Sat 13).
    expect(Object.values(KoreanHolidays.forYear(2021)).flat()).not.toContain("대체공휴일(설날)")
  })

  it("refuse a year the rules or the lunar tables do not cover", () => {
    expect(() => KoreanHolidays.forYear(2013)).toThrow("Korean holidays are computed for 2014–2050; got 2013")
    expect(() => KoreanHolidays.forYear(2051)).toThrow(RangeError)
    const calendar = left(BusinessCalendar.computed({ firstYear: 2030, lastYear: 2060 }))
    expect(calendar.message).toBe(
      "Invalid BusinessCalendar: lastYear: must be a year from 2014 to 2050, the years the rules and the lunar tables cover; got 2060"
    )
  })

  it("every year 2014–2050: three days of 설날 and of 추석, each substitute on a weekday no other holiday holds", () => {
    fc.assert(fc.property(fc.integer({ min: KoreanHolidays.firstYear, max: KoreanHolidays.lastYear }), (year) => {
      const holidays = KoreanHolidays.forYear(year)
      for (const group of ["설날", "추석"]) {
        const days = Object.keys(holidays).filter((date) => holidays[date]!.some((name) => name.startsWith(group) && !name.startsWith("대체"))).sort()
        expect(days).toHaveLength(3)
        expect(LocalDate.daysBetween(d(days[0]!), d(days[2]!))).toBe(2)
      }
      for (const [date, names] of Object.entries(holidays)) {
        if (!names.some((name) => name.startsWith("대체공휴일"))) continue
        expect(names).toHaveLength(1)
        expect([1, 2, 3, 4, 5]).toContain(LocalDate.dayOfWeek(d(date)))
      }
    }), { numRuns: 100 })
  })
})

describe("the Korean calendar past the official list", () => {
  it("keeps the list where it has one and computes the years after it", () => {
    const { korea } = BusinessCalendar
    // The list's early election and temporary holidays stay.
    expect(right(BusinessCalendar.holidayNames(korea, d("2025-06-03")))).toEqual(["임시공휴일(대통령선거)"])
    expect(right(BusinessCalendar.holidayNames(korea, d("2024-04-10")))).toEqual(["제22대국회의원선거"])
    // 설날 2028 (01-26 – 01-28), computed.
    expect(right(BusinessCalendar.holidayNames(korea, d("2028-01-27")))).toEqual(["설날"])
    expect(right(BusinessCalendar.nextBusinessDay(korea, d("2028-01-25")))).toBe("2028-01-31")
    expect(Object.keys(korea.holidays).filter((date) => date.startsWith("2029-")).sort())
      .toEqual(Object.keys(KoreanHolidays.forYear(2029)).sort())
  })

  it("lets a district add a temporary holiday in a computed year and keeps the years marked computed", () => {
    const declared = right(BusinessCalendar.extend(BusinessCalendar.korea, { holidays: { "2028-10-02": ["임시공휴일"] } }))
    expect(right(BusinessCalendar.holidayNames(declared, d("2028-10-02")))).toEqual(["추석 전날", "임시공휴일"])
    expect(declared.computedFrom).toBe(2028)
  })
})
