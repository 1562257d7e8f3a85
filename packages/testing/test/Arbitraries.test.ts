import { describe, expect, it } from "@effect/vitest"
import { Codes, Employer, Match, Opening, Seeker } from "@iljari/core"
import { FastCheck as fc, Schema } from "effect"
import { Arbitraries } from "../src/index.js"

// Weights a district might choose: every criterion counts, some far more than others.
const weights = fc.record(Object.fromEntries(Match.criteria.map((c) => [c, fc.integer({ min: 1, max: 100 })])) as Record<Match.Criterion, fc.Arbitrary<number>>)
const configOf = (w: Match.Weights): Match.Config => ({ ...Match.defaultConfig, weights: w })

describe("realistic records", () => {
  it("names people as Koreans are named, and calls them on a 010 mobile number", () => {
    fc.assert(fc.property(Arbitraries.koreanName, Arbitraries.mobilePhone, (name, phone) => {
      expect(name).toMatch(/^[가-힣]{2,6}$/)
      expect(phone).toMatch(/^010-[2-9]\d{3}-\d{4}$/)
    }))
  })

  it("draws occupation codes from core's KECO middle groups, and wages at or above the minimum wage", () => {
    const middle = new Set(Codes.occupationGroups.middle.map(([code]) => code))
    fc.assert(fc.property(Arbitraries.occupationCode, Arbitraries.monthlyWage, Arbitraries.hourlyWage, (code, monthly, hourly) => {
      expect(Schema.is(Codes.OccupationCode)(code)).toBe(true)
      expect(middle.has(code.slice(0, 2))).toBe(true)
      expect(monthly).toBeGreaterThanOrEqual(Arbitraries.minimumMonthlyWage)
      expect(hourly).toBeGreaterThanOrEqual(10_030)
    }))
  })

  it("makes seekers, employers and openings that core's own schemas accept, in the district asked for", () => {
    fc.assert(
      fc.property(
        Arbitraries.seeker({ districtId: "11215" }),
        Arbitraries.employer(),
        Arbitraries.opening({ employerId: "employer-0000042" }),
        Arbitraries.counselor(),
        (seeker, employer, opening, counselor) => {
          expect(Seeker.decodeEither(Schema.encodeSync(Seeker.Seeker)(seeker))._tag).toBe("Right")
          expect(Employer.decodeEither(Schema.encodeSync(Employer.Employer)(employer))._tag).toBe("Right")
          expect(Opening.decodeEither(Schema.encodeSync(Opening.Opening)(opening))._tag).toBe("Right")
          expect([seeker.districtId, opening.employerId, counselor.districtId]).toEqual(["11215", "employer-0000042", "11200"])
        }
      ),
      { numRuns: 50 }
    )
  })
})

describe("openings that fit a seeker, or don't, by core's matching rules", () => {
  it("an opening that fits every wish scores 100 under any weights", () => {
    fc.assert(fc.property(Arbitraries.fittingPair, Arbitraries.anyWeights, ([seeker, opening], w) => {
      const score = Match.score(seeker, opening, { config: configOf(w) })
      expect(score.eligible).toBe(true)
      expect(score.total).toBe(100)
    }), { numRuns: 200 })
  })

  it("an opening a hard constraint rules out is never eligible, however well it fits", () => {
    fc.assert(fc.property(Arbitraries.ruledOutPair, ([seeker, opening]) => {
      const score = Match.score(seeker, opening)
      expect(score.eligible).toBe(false)
      expect(score.blockedBy.length).toBeGreaterThan(0)
    }), { numRuns: 200 })
  })

  it.each(Match.criteria)("an opening that misses on %s loses points there and nowhere else", (criterion) => {
    fc.assert(fc.property(Arbitraries.pairMissing(criterion), weights, ([seeker, opening], w) => {
      const score = Match.score(seeker, opening, { config: configOf(w) })
      expect(score.eligible).toBe(true)
      for (const part of score.parts) {
        if (part.criterion === criterion) expect(part.points).toBeLessThan(part.weight)
        else expect(part.points).toBe(part.weight)
      }
      expect(score.total).toBeLessThan(100)
    }), { numRuns: 100 })
  })
})

describe("any value a schema admits", () => {
  it("is a value of the schema", () => {
    fc.assert(fc.property(Arbitraries.anySeeker, Arbitraries.anyOpening, (seeker, opening) => {
      expect(Schema.is(Seeker.Seeker)(seeker)).toBe(true)
      expect(Schema.is(Opening.Opening)(opening)).toBe(true)
    }), { numRuns: 20 })
  })
})
