import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, DateTime, FastCheck as fc } from "effect"
import { LocalDate } from "../src/index.js"

const date = Arbitrary.make(LocalDate.LocalDate).filter((d) => d >= "1901-01-01" && d <= "2198-12-31")
const d = (s: string) => s as LocalDate.LocalDate

describe("LocalDate arithmetic", () => {
  it("adds months and keeps to the month's last day", () => {
    expect(LocalDate.addMonths(d("2016-01-31"), 1)).toBe("2016-02-29")
    expect(LocalDate.addMonths(d("2015-01-31"), 1)).toBe("2015-02-28")
    expect(LocalDate.addMonths(d("2016-11-30"), 3)).toBe("2017-02-28")
    expect(LocalDate.addMonths(d("2016-03-15"), -3)).toBe("2015-12-15")
  })

  it("knows weekdays, weeks and month ends", () => {
    expect(LocalDate.dayOfWeek(d("2026-11-22"))).toBe(0) // a Sunday
    expect([21, 22, 23, 27].map((day) => LocalDate.isWeekend(d(`2026-11-${day}`)))).toEqual([true, true, false, false])
    expect(LocalDate.startOfWeek(d("2026-11-22"))).toBe("2026-11-16")
    expect(LocalDate.startOfWeek(d("2026-11-16"))).toBe("2026-11-16")
    expect(LocalDate.endOfMonth(d("2024-02-10"))).toBe("2024-02-29")
    expect(LocalDate.startOfMonth(d("2024-02-10"))).toBe("2024-02-01")
  })

  it("reads the Korean civil date at an instant", () => {
    expect(LocalDate.fromEpochMillisInKorea(Date.parse("2026-11-22T14:59:59Z"))).toBe("2026-11-22")
    expect(LocalDate.fromEpochMillisInKorea(Date.parse("2026-11-22T15:00:00Z"))).toBe("2026-11-23")
  })

  it("starts a Korean day at the instant whose Korean date it is", () => {
    expect(DateTime.formatIso(LocalDate.startInKorea(d("2026-12-01")))).toBe("2026-11-30T15:00:00.000Z")
    fc.assert(fc.property(date, (day) => {
      const start = DateTime.toEpochMillis(LocalDate.startInKorea(day))
      expect(LocalDate.fromEpochMillisInKorea(start)).toBe(day)
      expect(LocalDate.fromEpochMillisInKorea(start - 1)).toBe(LocalDate.addDays(day, -1))
    }))
  })

  it("adding days and counting days between agree", () => {
    fc.assert(fc.property(date, fc.integer({ min: -400, max: 400 }), (start, n) => {
      const later = LocalDate.addDays(start, n)
      expect(LocalDate.daysBetween(start, later)).toBe(n)
      expect(LocalDate.addDays(later, -n)).toBe(start)
    }))
  })

  it("adding months never leaves the target month", () => {
    fc.assert(fc.property(date, fc.integer({ min: -24, max: 24 }), (start, n) => {
      const { month, year } = LocalDate.parts(start)
      const target = (year * 12 + month - 1 + n)
      const got = LocalDate.parts(LocalDate.addMonths(start, n))
      expect(got.year * 12 + got.month - 1).toBe(target)
      expect(got.day).toBe(Math.min(LocalDate.parts(start).day, LocalDate.daysInMonth(got.year, got.month)))
    }))
  })
})
