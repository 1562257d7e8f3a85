import { y2025, y2026 } from "@hyunbinseo/holidays-kr/all"
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc, Schema } from "effect"
import * as BusinessCalendar from "../src/kernel/BusinessCalendar.js"
import * as LocalDate from "../src/kernel/LocalDate.js"
import { left, right } from "@iljari/test-support/either"

const d = (s: string) => s as LocalDate.LocalDate
const { korea } = BusinessCalendar


// Any date the Korean calendar covers, kept a week away from its edges so a
// walk to the next or previous business day stays covered.
const coveredDate = fc.date({
  min: new Date(Date.UTC(2018, 0, 8)),
  max: new Date(Date.UTC(2027, 11, 20)),
  noInvalidDate: true
}).map((date) => LocalDate.format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) as LocalDate.LocalDate)

describe("the Korean calendar", () => {
  it("covers 2018–2027 from the official list, then computed years to 2050, marked computed", () => {
    expect([BusinessCalendar.official.firstYear, BusinessCalendar.official.lastYear]).toEqual([2018, 2027])
    expect([korea.firstYear, korea.lastYear, korea.computedFrom]).toEqual([2018, 2050, 2028])
    expect(BusinessCalendar.covers(korea, d("2018-01-01"))).toBe(true)
    expect(BusinessCalendar.covers(korea, d("2050-12-31"))).toBe(true)
    expect(BusinessCalendar.covers(korea, d("2017-12-31"))).toBe(false)
    expect(BusinessCalendar.covers(korea, d("2051-01-01"))).toBe(false)
    expect(BusinessCalendar.isComputed(korea, d("2027-12-31"))).toBe(false)
    expect(BusinessCalendar.isComputed(korea, d("2028-01-01"))).toBe(true)
    expect(BusinessCalendar.isComputed(BusinessCalendar.official, d("2027-12-31"))).toBe(false)
  })

  it("knows 추석 and 설날 2026, and a weekday that is an ordinary business day", () => {
    expect(right(BusinessCalendar.holidayNames(korea, d("2026-09-25")))).toEqual(["추석"])
    expect(right(BusinessCalendar.holidayNames(korea, d("2026-02-16")))).toEqual(["설날 전날"])
    expect(right(BusinessCalendar.isBusinessDay(korea, d("2026-09-24")))).toBe(false) // a Thursday
    expect(right(BusinessCalendar.isBusinessDay(korea, d("2026-02-18")))).toBe(false) // a Wednesday
    expect(right(BusinessCalendar.isBusinessDay(korea, d("2026-09-23")))).toBe(true)
    expect(right(BusinessCalendar.holidayNames(korea, d("2026-09-23")))).toEqual([])
  })

  it("keeps both names of a day that is two holidays", () => {
    expect(right(BusinessCalendar.holidayNames(korea, d("2025-05-05")))).toEqual(["어린이날", "부처님 오신 날"])
  })

  it("treats weekends as closed though the package does not list them", () => {
    expect(right(BusinessCalendar.isBusinessDay(korea, d("2026-11-22")))).toBe(false) // Sunday
    expect(right(BusinessCalendar.isBusinessDay(korea, d("2026-11-21")))).toBe(false) // Saturday
    expect(right(BusinessCalendar.holidayNames(korea, d("2026-11-22")))).toEqual([])
    expect(right(BusinessCalendar.isBusinessDay(korea, d("2026-11-23")))).toBe(true)
  })

  it("holds exactly the package's holidays", () => {
    for (const table of [y2025, y2026]) {
      for (const [date, names] of Object.entries(table)) {
        expect(right(BusinessCalendar.holidayNames(korea, d(date)))).toEqual(names)
      }
    }
    const listed = Object.keys(korea.holidays).filter((date) => date.startsWith("2026-"))
    expect(listed.sort()).toEqual(Object.keys(y2026).sort())
  })

  it("moves across 추석 2026 (Thu 24 – Sat 26) to a business day", () => {
    expect(right(BusinessCalendar.rollForward(korea, d("2026-09-24")))).toBe("2026-09-28")
    expect(right(BusinessCalendar.rollBackward(korea, d("2026-09-27")))).toBe("2026-09-23")
    expect(right(BusinessCalendar.nextBusinessDay(korea, d("2026-09-23")))).toBe("2026-09-28")
    expect(right(BusinessCalendar.previousBusinessDay(korea, d("2026-09-28")))).toBe("2026-09-23")
    expect(right(BusinessCalendar.rollForward(korea, d("2026-09-23")))).toBe("2026-09-23")
    expect(right(BusinessCalendar.nextBusinessDay(korea, d("2026-09-22")))).toBe("2026-09-23")
  })

  it("moves across 설날 2026 (Mon 16 – Wed 18) and the weekend before it", () => {
    expect(right(BusinessCalendar.rollBackward(korea, d("2026-02-17")))).toBe("2026-02-13")
    expect(right(BusinessCalendar.rollForward(korea, d("2026-02-14")))).toBe("2026-02-19")
  })

  it("counts business days like LocalDate.daysBetween counts days", () => {
    // 24–26 추석, 27 Sunday, 28 Monday
    expect(right(BusinessCalendar.businessDaysBetween(korea, d("2026-09-23"), d("2026-09-28")))).toBe(1)
    expect(right(BusinessCalendar.businessDaysBetween(korea, d("2026-09-28"), d("2026-09-23")))).toBe(-1)
    expect(right(BusinessCalendar.businessDaysBetween(korea, d("2026-11-23"), d("2026-11-23")))).toBe(0)
    // November 2026 has 21 weekdays and no holiday
    expect(right(BusinessCalendar.businessDaysBetween(korea, d("2026-10-31"), d("2026-11-30")))).toBe(21)
  })
})

describe("outside the covered years", () => {
  it("refuses 2017 and 2051 with a message naming the date and the years", () => {
    const early = left(BusinessCalendar.isBusinessDay(korea, d("2017-12-29")))
    expect(early._tag).toBe("CalendarNotCovered")
    expect(early.date).toBe("2017-12-29")
    expect(early.message).toBe(
      "2017-12-29 is outside the holiday calendar \"대한민국 공휴일\", which covers 2018–2050: " +
        "whether it is a business day is unknown. Pass a calendar that covers 2017 " +
        "(BusinessCalendar.make or BusinessCalendar.extend)."
    )
    const late = left(BusinessCalendar.holidayNames(korea, d("2051-01-03")))
    expect(late.message).toMatch(/^2051-01-03 is outside .* covers 2018–2050: .* covers 2051 /)
  })

  it("refuses a walk or a count that leaves the covered years, naming the first uncovered date", () => {
    // 2050-12-30 is a Friday; the next business day would be in 2051.
    expect(left(BusinessCalendar.nextBusinessDay(korea, d("2050-12-30"))).date).toBe("2051-01-01")
    // 2018-01-01 is a holiday; the business day before it is in 2017.
    expect(left(BusinessCalendar.rollBackward(korea, d("2018-01-01"))).date).toBe("2017-12-31")
    expect(left(BusinessCalendar.businessDaysBetween(korea, d("2050-12-20"), d("2051-01-10"))).date).toBe("2051-01-01")
    expect(left(BusinessCalendar.businessDaysBetween(korea, d("2018-01-10"), d("2017-12-20"))).date).toBe("2017-12-21")
  })

  it("is an error value that serialises with its fields", () => {
    const error = left(BusinessCalendar.isBusinessDay(korea, d("2051-03-02")))
    expect(Schema.encodeSync(BusinessCalendar.CalendarNotCovered)(error)).toEqual({
      _tag: "CalendarNotCovered",
      date: "2051-03-02",
      calendar: "대한민국 공휴일",
      firstYear: 2018,
      lastYear: 2050
    })
  })
})

describe("an integrator's calendar", () => {
  it("adds a district's closure day to the Korean holidays", () => {
    const seongdong = right(BusinessCalendar.extend(korea, {
      name: "성동구청",
      holidays: { "2026-04-30": ["구청 휴무일"], "2026-05-05": ["어린이날", "구청 휴무일"] }
    }))
    expect(seongdong.name).toBe("성동구청")
    expect(right(BusinessCalendar.isBusinessDay(seongdong, d("2026-04-30")))).toBe(false)
    expect(right(BusinessCalendar.isBusinessDay(korea, d("2026-04-30")))).toBe(true)
    expect(right(BusinessCalendar.holidayNames(seongdong, d("2026-05-05")))).toEqual(["어린이날", "구청 휴무일"])
    // 05-01 노동절, 04-30 closure → back to Wednesday 04-29
    expect(right(BusinessCalendar.rollBackward(seongdong, d("2026-05-01")))).toBe("2026-04-29")
  })

  it("extends the official list's years with holidays the package does not publish yet", () => {
    const until2028 = right(BusinessCalendar.extend(BusinessCalendar.official, {
      lastYear: 2028,
      holidays: { "2028-01-01": ["1월 1일"], "2028-01-26": ["설날 전날"], "2028-01-27": ["설날"], "2028-01-28": ["설날 다음 날"] }
    }))
    expect(right(BusinessCalendar.nextBusinessDay(until2028, d("2027-12-31")))).toBe("2028-01-03")
    expect(right(BusinessCalendar.rollForward(until2028, d("2028-01-26")))).toBe("2028-01-31")
    expect(left(BusinessCalendar.isBusinessDay(until2028, d("2029-01-02"))).message).toContain("covers 2018–2028")
  })

  it("takes a published year's list in place of the computed one, which then stops being provisional", () => {
    // Say the gazette's 2028 moved the National Assembly election a week (the rules put it on 04-12).
    const computed2028 = Object.fromEntries(Object.entries(korea.holidays).filter(([date]) => date.startsWith("2028-")))
    expect(computed2028["2028-04-12"]).toEqual(["국회의원선거"])
    const { "2028-04-12": _moved, ...listed } = computed2028
    const published = right(BusinessCalendar.extend(korea, { computedFrom: 2029, holidays: { ...listed, "2028-04-19": ["국회의원선거"] } }))
    expect(right(BusinessCalendar.holidayNames(published, d("2028-04-12")))).toEqual([])
    expect(right(BusinessCalendar.holidayNames(published, d("2028-04-19")))).toEqual(["국회의원선거"])
    expect(BusinessCalendar.isComputed(published, d("2028-12-31"))).toBe(false)
    expect(BusinessCalendar.isComputed(published, d("2029-01-01"))).toBe(true)
    // Other years are the base's, merged as usual.
    expect(right(BusinessCalendar.holidayNames(published, d("2029-01-01")))).toEqual(["1월 1일"])
    const backwards = left(BusinessCalendar.extend(korea, { computedFrom: 2027, holidays: {} }))
    expect(backwards.issues[0]!.path).toBe("computedFrom")
    expect(backwards.message).toContain("must not be before the base's (2028)")
  })

  it("builds a calendar for the seeds' year 2016, which the package does not cover", () => {
    const y2016 = right(BusinessCalendar.make({
      name: "2016 공휴일",
      firstYear: 2016,
      lastYear: 2016,
      holidays: {
        "2016-02-08": ["설날"],
        "2016-02-09": ["설날 다음 날"],
        "2016-02-10": ["대체공휴일(설날)"],
        "2016-03-01": ["3ㆍ1절"]
      }
    }))
    expect(right(BusinessCalendar.rollForward(y2016, d("2016-02-08")))).toBe("2016-02-11")
    expect(right(BusinessCalendar.isBusinessDay(y2016, d("2016-03-02")))).toBe(true)
    expect(left(BusinessCalendar.isBusinessDay(korea, d("2016-03-02")))._tag).toBe("CalendarNotCovered")
  })

  it("refuses a holiday outside its years, a bad date and years upside down", () => {
    const outside = left(BusinessCalendar.make({
      name: "잘못된 달력",
      firstYear: 2016,
      lastYear: 2016,
      holidays: { "2017-01-01": ["1월 1일"] }
    }))
    expect(outside.issues.map(({ message, path }) => ({ message, path }))).toEqual([
      { path: "holidays.2017-01-01", message: "is outside the covered years 2016–2016" }
    ])
    const badDate = left(BusinessCalendar.make({ name: "x", firstYear: 2016, lastYear: 2016, holidays: { "2016-02-30": ["?"] } }))
    expect(badDate.issues[0]!.message).toMatch(/must be a calendar date written YYYY-MM-DD/)
    const reversed = left(BusinessCalendar.make({ name: "x", firstYear: 2020, lastYear: 2019, holidays: {} }))
    expect(reversed.issues[0]!.path).toBe("lastYear")
    // Shrinking the years would drop the base's holidays.
    expect(left(BusinessCalendar.extend(korea, { firstYear: 2025, holidays: {} })).issues.length).toBeGreaterThan(0)
  })

  it("round-trips through its JSON form", () => {
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(BusinessCalendar.BusinessCalendar)(korea)))
    const again = right(BusinessCalendar.decodeEither(json))
    expect(again.holidays).toEqual(korea.holidays)
    expect([again.firstYear, again.lastYear, again.computedFrom]).toEqual([2018, 2050, 2028])
  })
})

describe("business-day properties", () => {
  it("a weekend or a listed holiday is never a business day; any other covered day is", () => {
    fc.assert(fc.property(coveredDate, (date) => {
      const weekday = LocalDate.dayOfWeek(date)
      const expected = weekday !== 0 && weekday !== 6 && korea.holidays[date] === undefined
      expect(right(BusinessCalendar.isBusinessDay(korea, date))).toBe(expected)
    }), { numRuns: 500 })
  })

  it("the next business day is a business day with none in between", () => {
    fc.assert(fc.property(coveredDate, (date) => {
      const next = right(BusinessCalendar.nextBusinessDay(korea, date))
      expect(next > date).toBe(true)
      expect(right(BusinessCalendar.isBusinessDay(korea, next))).toBe(true)
      for (let day = LocalDate.addDays(date, 1); day < next; day = LocalDate.addDays(day, 1)) {
        expect(right(BusinessCalendar.isBusinessDay(korea, day))).toBe(false)
      }
      expect(right(BusinessCalendar.businessDaysBetween(korea, date, next))).toBe(1)
    }), { numRuns: 300 })
  })

  it("the previous business day is a business day with none in between", () => {
    fc.assert(fc.property(coveredDate, (date) => {
      const previous = right(BusinessCalendar.previousBusinessDay(korea, date))
      expect(previous < date).toBe(true)
      expect(right(BusinessCalendar.isBusinessDay(korea, previous))).toBe(true)
      for (let day = LocalDate.addDays(previous, 1); day < date; day = LocalDate.addDays(day, 1)) {
        expect(right(BusinessCalendar.isBusinessDay(korea, day))).toBe(false)
      }
    }), { numRuns: 300 })
  })

  it("rolling keeps a business day and otherwise agrees with next/previous", () => {
    fc.assert(fc.property(coveredDate, (date) => {
      const open = right(BusinessCalendar.isBusinessDay(korea, date))
      expect(right(BusinessCalendar.rollForward(korea, date))).toBe(
        open ? date : right(BusinessCalendar.nextBusinessDay(korea, date))
      )
      expect(right(BusinessCalendar.rollBackward(korea, date))).toBe(
        open ? date : right(BusinessCalendar.previousBusinessDay(korea, date))
      )
    }), { numRuns: 300 })
  })

  it("business days between add up and change sign when reversed", () => {
    fc.assert(fc.property(coveredDate, coveredDate, coveredDate, (a, b, c) => {
      const ab = right(BusinessCalendar.businessDaysBetween(korea, a, b))
      const bc = right(BusinessCalendar.businessDaysBetween(korea, b, c))
      expect(right(BusinessCalendar.businessDaysBetween(korea, a, c))).toBe(ab + bc)
      expect(right(BusinessCalendar.businessDaysBetween(korea, b, a))).toBe(0 - ab) // and never -0
      // never more than the days themselves
      expect(Math.abs(ab)).toBeLessThanOrEqual(Math.abs(LocalDate.daysBetween(a, b)))
    }), { numRuns: 100 })
  })
})
