import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc, Option } from "effect"
import { Wage } from "../src/index.js"

describe("monthly normalisation", () => {
  it("reproduces the Ministry's published monthly minimum wages (hourly × 209)", () => {
    expect(Wage.toMonthly("hourly", 9_860)).toBe(2_060_740) // 2024
    expect(Wage.toMonthly("hourly", 10_030)).toBe(2_096_270) // 2025
  })

  it("makes a daily wage of eight hourly wages equal to the hourly month", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), (hourly) => {
      expect(Wage.toMonthly("daily", hourly * 8)).toBe(Wage.toMonthly("hourly", hourly))
    }))
  })

  it("divides a yearly salary by twelve and keeps a monthly one", () => {
    expect(Wage.toMonthly("yearly", 30_000_000)).toBe(2_500_000)
    expect(Wage.toMonthly("monthly", 2_100_000)).toBe(2_100_000)
  })

  it("takes a district's own factors", () => {
    const fortyHourWeekOnly = { ...Wage.defaultMonthlyFactors, hourly: 174, daily: 21.75 }
    expect(Wage.toMonthly("hourly", 10_000, fortyHourWeekOnly)).toBe(1_740_000)
    expect(Wage.toMonthly("daily", 100_000, fortyHourWeekOnly)).toBe(2_175_000)
  })
})

describe("the statutory minimum hourly wage by year", () => {
  it("lists every year from 2010 to 2026 once, in order, never falling", () => {
    expect(Wage.minimumHourlyWages.map((w) => w.year)).toEqual(Array.from({ length: 17 }, (_, i) => 2010 + i))
    for (let i = 1; i < Wage.minimumHourlyWages.length; i++) {
      expect(Wage.minimumHourlyWages[i]!.hourly).toBeGreaterThan(Wage.minimumHourlyWages[i - 1]!.hourly)
    }
  })

  it.each([
    [2013, 1_015_740],
    [2014, 1_088_890],
    [2015, 1_166_220],
    [2016, 1_260_270],
    [2018, 1_573_770],
    [2019, 1_745_150],
    [2020, 1_795_310],
    [2021, 1_822_480],
    [2022, 1_914_440],
    [2023, 2_010_580],
    [2024, 2_060_740],
    [2025, 2_096_270],
    [2026, 2_156_880]
  ])("%s: × 209 hours gives the notice's monthly figure, ₩%s", (year, monthly) => {
    expect(Wage.toMonthly("hourly", Option.getOrThrow(Wage.minimumHourlyWage(year)))).toBe(monthly)
  })

  it("knows 2014's ₩5,210 (the community-jobs seed) and no year it does not list", () => {
    expect(Wage.minimumHourlyWage(2014)).toEqual(Option.some(5_210))
    expect(Wage.minimumHourlyWage(2009)).toEqual(Option.none())
    expect(Wage.minimumHourlyWage(2027)).toEqual(Option.none())
  })
})
