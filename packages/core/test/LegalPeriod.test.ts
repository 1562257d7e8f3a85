import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as LegalPeriod from "../src/kernel/LegalPeriod.js"
import * as LocalDate from "../src/kernel/LocalDate.js"

const d = (s: string) => s as LocalDate.LocalDate

// An independent reading of 민법 제160조 by walking the calendar with `Date`:
// a period of n months from the first day holds every day before the day that
// corresponds to it n months on; when that month has no such day, the period
// holds the whole month. The last day held is the period's end.
const referenceLastDay = (first: string, months: number): string => {
  const start = new Date(`${first}T00:00:00Z`)
  const targetMonth = start.getUTCFullYear() * 12 + start.getUTCMonth() + months
  const held = (day: Date) => {
    const month = day.getUTCFullYear() * 12 + day.getUTCMonth()
    return month < targetMonth || (month === targetMonth && day.getUTCDate() < start.getUTCDate())
  }
  const day = new Date(start)
  while (held(new Date(day.getTime() + 86_400_000))) day.setUTCDate(day.getUTCDate() + 1)
  return day.toISOString().slice(0, 10)
}

const date = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((day) => day.toISOString().slice(0, 10) as LocalDate.LocalDate)

describe("periods counted in months (민법 제160조)", () => {
  it("end on the day before the corresponding day, or on the last day of a month without one", () => {
    expect(LegalPeriod.lastDay(d("2026-01-31"), { months: 1 })).toBe("2026-02-28")
    expect(LegalPeriod.lastDay(d("2028-01-31"), { months: 1 })).toBe("2028-02-29")
    expect(LegalPeriod.lastDay(d("2026-01-30"), { months: 1 })).toBe("2026-02-28")
    expect(LegalPeriod.lastDay(d("2026-01-28"), { months: 1 })).toBe("2026-02-27")
    expect(LegalPeriod.lastDay(d("2026-03-01"), { months: 1 })).toBe("2026-03-31")
    expect(LegalPeriod.lastDay(d("2026-01-15"), { months: 3 })).toBe("2026-04-14")
    expect(LegalPeriod.lastDay(d("2026-11-30"), { months: 3 })).toBe("2027-02-28")
  })

  it("every month end, every length from 1 to 12 months, leap years included", () => {
    for (const year of [2023, 2024, 2100, 2000]) {
      for (let month = 1; month <= 12; month++) {
        const last = LocalDate.daysInMonth(year, month)
        for (const day of new Set([last - 3, last - 2, last - 1, last])) {
          const first = LocalDate.make(year, month, day)
          for (let months = 1; months <= 12; months++) {
            expect(LegalPeriod.lastDay(first, { months }), `${first} + ${months} months`).toBe(referenceLastDay(first, months))
          }
        }
      }
    }
  })

  it("agree with the calendar walk for any first day and length (property)", () => {
    fc.assert(fc.property(date, fc.integer({ min: 1, max: 48 }), (first, months) => {
      expect(LegalPeriod.lastDay(first, { months })).toBe(referenceLastDay(first, months))
    }), { numRuns: 2_000 })
  })

  it("a year is twelve months, and days and weeks count on from there", () => {
    fc.assert(fc.property(date, fc.integer({ min: 1, max: 5 }), (first, years) => {
      expect(LegalPeriod.lastDay(first, { years })).toBe(LegalPeriod.lastDay(first, { months: 12 * years }))
    }))
    expect(LegalPeriod.lastDay(d("2024-02-29"), { years: 1 })).toBe("2025-02-28")
    expect(LegalPeriod.lastDay(d("2026-03-02"), { days: 10 })).toBe("2026-03-11")
    expect(LegalPeriod.lastDay(d("2026-03-02"), { weeks: 2 })).toBe("2026-03-15")
    expect(LegalPeriod.lastDay(d("2026-01-31"), { months: 1, days: 1 })).toBe("2026-03-01")
  })

  it("consecutive periods from one first day tile the calendar without gaps or overlaps (property)", () => {
    fc.assert(fc.property(date, fc.integer({ min: 1, max: 36 }), (first, count) => {
      let previous = LocalDate.addDays(first, -1)
      for (let months = 1; months <= count; months++) {
        const end = LegalPeriod.lastDay(first, { months })
        expect(end > previous).toBe(true)
        previous = end
      }
    }), { numRuns: 300 })
  })
})

describe("consecutive periods", () => {
  it("follow one another from the first day, each ending where the whole run of them would (property)", () => {
    fc.assert(fc.property(date, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 24 }), (first, months, count) => {
      const periods = LegalPeriod.consecutive(first, { months }, count)
      expect(periods.length).toBe(count)
      expect(periods[0]!.from).toBe(first)
      periods.forEach((period, i) => {
        expect(period.to).toBe(referenceLastDay(first, months * (i + 1)))
        expect(period.from <= period.to).toBe(true)
        if (i > 0) expect(period.from).toBe(LocalDate.addDays(periods[i - 1]!.to, 1))
      })
    }), { numRuns: 300 })
  })

  it("do not drift after a short month", () => {
    expect(LegalPeriod.consecutive(d("2026-01-31"), { months: 1 }, 3)).toEqual([
      { from: "2026-01-31", to: "2026-02-28" },
      { from: "2026-03-01", to: "2026-03-30" },
      { from: "2026-03-31", to: "2026-04-30" }
    ])
    expect(LegalPeriod.consecutive(d("2026-03-02"), { weeks: 1 }, 2)).toEqual([
      { from: "2026-03-02", to: "2026-03-08" },
      { from: "2026-03-09", to: "2026-03-15" }
    ])
  })
})

describe("the first day (민법 제157조)", () => {
  it("is not counted after an event, and counted for a period starting at midnight", () => {
    expect(LegalPeriod.afterEvent(d("2024-02-29"), { years: 3 })).toEqual({ from: "2024-03-01", to: "2027-02-28" })
    expect(LegalPeriod.from(d("2026-01-31"), { months: 3 })).toEqual({ from: "2026-01-31", to: "2026-04-30" })
  })

  it("refuses a length that is not a period", () => {
    expect(() => LegalPeriod.lastDay(d("2026-01-31"), {})).toThrow("A period must be at least one day long")
    expect(() => LegalPeriod.lastDay(d("2026-01-31"), { months: -1 })).toThrow("A period's months must be a whole number of 0 or more; got -1")
    expect(() => LegalPeriod.lastDay(d("2026-01-31"), { days: 1.5 })).toThrow(RangeError)
  })
})
