import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as Rate from "../src/Rate.js"

describe("Rate", () => {
  it("truncates to one decimal of a percent by default, as the seeds' budget table does", () => {
    // 2,227,790 ÷ 3,249,090 = 68.566…%: the seed prints 68.5%.
    expect(Rate.rate(2_227_790, 3_249_090)).toBe(0.685)
    expect(Rate.rate(2_227_790, 3_249_090, { decimals: 1, mode: "nearest" })).toBe(0.686)
    // 1,301,295 ÷ 1,887,159 = 68.955…%: the seed prints 68.9%, where rounding would give 69.0%.
    expect(Rate.rate(1_301_295, 1_887_159)).toBe(0.689)
    expect(Rate.rate(1_301_295, 1_887_159, { decimals: 1, mode: "nearest" })).toBe(0.69)
    expect(Rate.rate(1_301_295, 1_887_159, { decimals: 1, mode: "ceil" })).toBe(0.69)
  })

  it("divides whole numbers exactly, where floating point would drop a unit", () => {
    // 0.57 × 100 is 56.99999999999999 in floating point.
    expect(Math.floor((57 / 100) * 100)).toBe(56)
    expect(Rate.rate(57, 100, { decimals: 0, mode: "floor" })).toBe(0.57)
    expect(Rate.rate(1, 3)).toBe(0.333)
    expect(Rate.rate(2, 3, { decimals: 2, mode: "nearest" })).toBe(0.6667)
  })

  it("has no rate over zero", () => {
    expect(Rate.rate(0, 0)).toBeUndefined()
    expect(Rate.rate(5, 0)).toBeUndefined()
    expect(Rate.rate(0, 5)).toBe(0)
  })

  it("writes percents with the policy's decimals", () => {
    expect(Rate.percentText(0.685)).toBe("68.5%")
    expect(Rate.percentText(1)).toBe("100.0%")
    expect(Rate.percentText(0.57, 0)).toBe("57%")
    expect(Rate.roundFraction(1.0344827586, Rate.defaultRounding)).toBe(1.034)
  })

  it("floor ≤ nearest ≤ ceil, one unit apart at most, and exact on whole units", () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }), (n, d, decimals) => {
        const floor = Rate.rate(n, d, { decimals, mode: "floor" })!
        const nearest = Rate.rate(n, d, { decimals, mode: "nearest" })!
        const ceil = Rate.rate(n, d, { decimals, mode: "ceil" })!
        const units = (x: number) => Math.round(x * 10 ** (decimals + 2))
        expect(floor).toBeLessThanOrEqual(nearest)
        expect(nearest).toBeLessThanOrEqual(ceil)
        expect(units(ceil) - units(floor)).toBe((n * 10 ** (decimals + 2)) % d === 0 ? 0 : 1)
        expect(floor).toBeLessThanOrEqual(n / d + 1e-12)
        expect(ceil).toBeGreaterThanOrEqual(n / d - 1e-12)
      })
    )
  })
})
