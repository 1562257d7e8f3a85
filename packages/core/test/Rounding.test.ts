import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import { Rounding, Targets, Validation } from "../src/index.js"

describe("Rounding: one policy for targets and rates", () => {
  it("rounds the seeds' targets to a unit, to the nearest: 2,800 / 6,920 / 2,060", () => {
    const tens: Rounding.Rounding = { mode: "nearest", unit: 10 }
    expect([2_797.2, 6_923.7, 2_061.15].map((value) => Rounding.round(value, tens))).toEqual([2_800, 6_920, 2_060])
  })

  it("rounds the seeds' execution rate to a tenth of a percent, down: 68.5%", () => {
    const tenthDown: Rounding.Rounding = { mode: "floor", decimals: 1 }
    // 2,227,790 ÷ 3,249,090 = 68.566…%, as a percent and as a fraction (two decimals finer).
    expect(Rounding.roundQuotient(2_227_790 * 100, 3_249_090, tenthDown)).toBe(68.5)
    expect(Rounding.roundQuotient(2_227_790, 3_249_090, Rounding.shift(tenthDown, 2))).toBe(0.685)
    expect(Rounding.roundQuotient(5, 0, tenthDown)).toBeUndefined()
  })

  it("gives the same steps for a number and for the exact quotient of whole numbers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom<Rounding.Mode>("nearest", "floor", "ceil"),
        fc.constantFrom(1, 5, 10),
        fc.integer({ min: 0, max: 3 }),
        (n, d, mode, unit, decimals) => {
          const policy = { mode, unit, decimals }
          const exact = Rounding.roundQuotient(n, d, policy)!
          // Both are multiples of the step, within one step of the quotient.
          const step = unit / 10 ** decimals
          expect(Math.abs(exact - n / d)).toBeLessThanOrEqual(step + 1e-9)
          expect(Math.abs(Rounding.round(n / d, policy) - exact)).toBeLessThanOrEqual(step + 1e-9)
        }
      )
    )
  })

  it("decodes a policy from a form, naming the field it refuses", () => {
    const decode = Validation.decodeEither(Rounding.Rounding)
    expect(Either.isRight(decode({ mode: "floor", decimals: 1 }))).toBe(true)
    const error = Either.getOrThrowWith(Either.flip(decode({ mode: "half-even", unit: 0, decimals: 7 })), () => new Error("decoded"))
    expect(error.issues.map((issue) => issue.path)).toEqual(["mode", "unit", "decimals"])
  })

  it("is the policy a plan takes, which refuses decimals: a target is a whole count", () => {
    const plan = Targets.plan({ year: 2016, growthPercent: 5, baseline: { openings: 2_664 }, rounding: { mode: "nearest", decimals: 1 } })
    expect(Either.isLeft(plan) && plan.left.field).toBe("rounding.decimals")
  })
})
