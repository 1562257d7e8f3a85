import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
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
