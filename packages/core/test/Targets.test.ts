import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc, Schema } from "effect"
import type { CounselorId } from "../src/kernel/Ids.js"
import * as LocalDate from "../src/kernel/LocalDate.js"
import * as Targets from "../src/targets/Targets.js"
import * as Validation from "../src/kernel/Validation.js"
import { left, right } from "@iljari/test-support/either"

const date = (text: string) => Schema.decodeSync(LocalDate.LocalDate)(text)
const counselor = (id: string) => id as CounselorId
const repeat = <A>(value: A, times: number): Array<A> => Array.from({ length: times }, () => value)

// The seeds' 2016 target table: 2015 results +5%, rounded by hand.
const seed2015 = { openings: 2_664, seekers: 6_594, placements: 1_963 }
const seedRequest: Targets.PlanRequest = {
  year: 2016,
  growthPercent: 5,
  baseline: seed2015,
  // Nearest ten gives 2,800 and 2,060 but 6,920; the district wrote 6,930.
  rounding: { mode: "nearest", unit: 10 },
  overrides: { seekers: 6_930 }
}

const placements2016 = right(Targets.schedule(2016, 2_060))

describe("metrics", () => {
  it("lists openings, seekers, placements and counseling with Korean labels", () => {
    expect(Targets.allMetrics).toEqual(["openings", "seekers", "placements", "counseling"])
    expect(Targets.allMetrics.map((metric) => Targets.metricLabel(metric))).toEqual(["구인", "구직", "취업", "상담"])
    expect(Targets.metricLabel("placements", "en")).toBe("Placements")
  })

  it("rejects an unknown metric naming the accepted ones", () => {
    const result = Schema.decodeUnknownEither(Targets.Metric)("referrals")
    expect(Either.isLeft(result)).toBe(true)
    expect(String(Either.flip(result).pipe(Either.getOrThrow))).toContain("openings (Job openings)")
  })
})

describe("growth and rounding", () => {
  it("grows the seed's 2015 results by 5%", () => {
    expect(Targets.grow(2_664, 5)).toBeCloseTo(2_797.2, 9)
    expect(Targets.grow(6_594, 5)).toBeCloseTo(6_923.7, 9)
    expect(Targets.grow(1_963, 5)).toBeCloseTo(2_061.15, 9)
    expect(Targets.grow(1_963, -100)).toBe(0)
  })

  it.each([
    ["nearest", 10, [2_800, 6_920, 2_060]],
    ["ceil", 10, [2_800, 6_930, 2_070]],
    ["floor", 10, [2_790, 6_920, 2_060]],
    ["nearest", 100, [2_800, 6_900, 2_100]],
    ["nearest", 1, [2_797, 6_924, 2_061]]
  ] as const)("rounds the seed's exact targets %s to %i", (mode, unit, expected) => {
    const exact = [2_664, 6_594, 1_963].map((n) => Targets.grow(n, 5))
    expect(exact.map((value) => Targets.round(value, { mode, unit }))).toEqual(expected)
  })

  it("rounds halves up and ignores floating-point noise at a boundary", () => {
    expect(Targets.round(2_797.5)).toBe(2_798)
    expect(Targets.round(25, { mode: "nearest", unit: 10 })).toBe(30)
    expect(1.1 * 100).not.toBe(110) // 110.00000000000001
    expect(Targets.round(1.1 * 100, { mode: "ceil", unit: 1 })).toBe(110)
    expect(Targets.round(0.07 * 100 * 10, { mode: "ceil", unit: 10 })).toBe(70)
    expect(Targets.round(0.1 + 0.2, { mode: "floor", unit: 1 })).toBe(0)
  })

  it("gives a multiple of the unit between floor and ceiling", () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 1e7, noNaN: true }),
      fc.constantFrom(1, 5, 10, 100, 1_000),
      (value, unit) => {
        const floor = Targets.round(value, { mode: "floor", unit })
        const ceil = Targets.round(value, { mode: "ceil", unit })
        const nearest = Targets.round(value, { mode: "nearest", unit })
        for (const r of [floor, ceil, nearest]) expect(r % unit).toBe(0)
        expect(floor).toBeLessThanOrEqual(value + 1e-6)
        expect(ceil).toBeGreaterThanOrEqual(value - 1e-6)
        expect(ceil - floor).toBeLessThanOrEqual(unit)
        expect(Math.abs(nearest - value)).toBeLessThanOrEqual(unit / 2 + 1e-6)
      }
    ))
  })

  it("takes the monthly average as the annual target ÷ 12 rounded down", () => {
    expect([2_800, 6_930, 2_060].map(Targets.monthlyAverage)).toEqual([233, 577, 171])
    expect(Targets.monthlyAverage(11)).toBe(0)
    expect(Targets.monthlyAverage(12)).toBe(1)
  })
})

describe("the seed's target table", () => {
  it("reproduces 2,800 / 6,930 / 2,060 and 233 / 577 / 171 with the hand-set seekers figure", () => {
    const plan = right(Targets.plan(seedRequest))
    expect(plan.year).toBe(2016)
    expect(plan.rounding).toEqual({ mode: "nearest", unit: 10 })
    expect(plan.lines.map((line) => ({ ...line, exact: Math.round(line.exact * 100) / 100 }))).toEqual([
      { metric: "openings", baseline: 2_664, exact: 2_797.2, rounded: 2_800, target: 2_800, overridden: false, monthlyAverage: 233 },
      { metric: "seekers", baseline: 6_594, exact: 6_923.7, rounded: 6_920, target: 6_930, overridden: true, monthlyAverage: 577 },
      { metric: "placements", baseline: 1_963, exact: 2_061.15, rounded: 2_060, target: 2_060, overridden: false, monthlyAverage: 171 }
    ])
    expect(Targets.targetOf(plan, "seekers")).toBe(6_930)
    expect(Targets.targetOf(plan, "counseling")).toBeUndefined()
  })

  it("computes 6,920 for seekers without the override, and rounds to 1 by default", () => {
    const { overrides: _, ...computed } = seedRequest
    expect(right(Targets.plan(computed)).lines.map((line) => line.target)).toEqual([2_800, 6_920, 2_060])
    const { rounding: __, ...unrounded } = computed
    const plan = right(Targets.plan(unrounded))
    expect(plan.rounding).toEqual(Targets.defaultRounding)
    expect(plan.lines.map((line) => line.target)).toEqual([2_797, 6_924, 2_061])
  })

  it("can set every figure by hand", () => {
    const plan = right(Targets.plan({ ...seedRequest, overrides: { openings: 2_800, seekers: 6_930, placements: 2_060 } }))
    expect(plan.lines.every((line) => line.overridden)).toBe(true)
    expect(plan.lines.map((line) => line.target)).toEqual([2_800, 6_930, 2_060])
  })

  it("splits each annual target into months that sum to it", () => {
    const plan = right(Targets.plan(seedRequest))
    const months = plan.lines.map((line) => right(Targets.splitByMonth(line.target)))
    expect(months).toEqual([
      [...repeat(234, 4), ...repeat(233, 8)],
      [...repeat(578, 6), ...repeat(577, 6)],
      [...repeat(172, 8), ...repeat(171, 4)]
    ])
    // every month is the monthly average or one more
    plan.lines.forEach((line, i) => {
      for (const month of months[i]!) expect(month - line.monthlyAverage).toBeOneOf([0, 1])
    })
  })

  it("weights months by their days when asked (February gets less)", () => {
    expect(Targets.calendarDayWeights(2016)).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    expect(right(Targets.splitByMonth(2_060, Targets.calendarDayWeights(2016)))).toEqual([
      175, 163, 175, 169, 175, 169, 174, 174, 169, 174, 169, 174
    ])
  })
})

describe("plan requests", () => {
  it("decodes a request from a form", () => {
    const decoded = Validation.decodeEither(Targets.PlanRequest)({
      year: 2016,
      growthPercent: 5,
      baseline: { openings: 2_664, seekers: 6_594, placements: 1_963 },
      rounding: { mode: "nearest", unit: 10 },
      overrides: { seekers: 6_930 }
    })
    expect(right(decoded)).toEqual(seedRequest)
  })

  it("names every broken rule", () => {
    const error = left(Validation.decodeEither(Targets.PlanRequest)({
      year: 2016,
      growthPercent: -150,
      baseline: { openings: 2_664.5 },
      rounding: { mode: "half-even", unit: 0 }
    }))
    expect(error.issues.map((issue) => issue.path)).toEqual(["growthPercent", "baseline.openings", "rounding.mode", "rounding.unit"])
    expect(error.message).toContain("growthPercent: must be a growth in percent of at least -100")
    expect(error.message).toContain("got -150")
    expect(error.message).toContain("rounding.mode: must be one of nearest (Nearest), floor (Down), ceil (Up)")
  })

  it("refuses a hand-set target without a baseline, and an empty baseline", () => {
    const error = left(Validation.decodeEither(Targets.PlanRequest)({
      year: 2016,
      growthPercent: 5,
      baseline: { placements: 1_963 },
      overrides: { counseling: 12_000 }
    }))
    expect(error.issues.map((issue) => issue.path)).toEqual(["overrides.counseling"])
    const empty = left(Validation.decodeEither(Targets.PlanRequest)({ year: 2016, growthPercent: 5, baseline: {} }))
    expect(empty.issues.map((issue) => [issue.path, issue.message])).toEqual([
      ["baseline", "must give the result of at least one metric"]
    ])
  })

  it("refuses the same values when plan is called directly", () => {
    const error = left(Targets.plan({ ...seedRequest, growthPercent: -100.5 }))
    expect(error._tag).toBe("InvalidPlan")
    expect(error.field).toBe("growthPercent")
    expect(error.message).toBe(
      "Cannot plan targets: growthPercent must be a growth in percent of at least -100 (a target cannot fall below zero), e.g. 5 for +5%; got -100.5"
    )
    expect(left(Targets.plan({ ...seedRequest, rounding: { mode: "floor", unit: 0 } })).field).toBe("rounding.unit")
    expect(left(Targets.plan({ ...seedRequest, overrides: { counseling: 1 } })).field).toBe("overrides.counseling")
    expect(right(Targets.plan({ ...seedRequest, growthPercent: -100, overrides: {} })).lines.map((l) => l.target))
      .toEqual([0, 0, 0])
  })
})

describe("splits among counselors", () => {
  const [c1, c2, c3] = [counselor("c1"), counselor("c2"), counselor("c3")]

  it("splits equally, the extra units going to the lowest ids whatever the order", () => {
    expect(right(Targets.splitEqually(2_060, [c1, c2, c3]))).toEqual([
      { counselorId: c1, target: 687 },
      { counselorId: c2, target: 687 },
      { counselorId: c3, target: 686 }
    ])
    expect(right(Targets.splitEqually(2_060, [c3, c1, c2]))).toEqual([
      { counselorId: c3, target: 686 },
      { counselorId: c1, target: 687 },
      { counselorId: c2, target: 687 }
    ])
  })

  it("splits by weight; an absent counselor (weight 0) gets nothing", () => {
    expect(right(Targets.splitAmongCounselors(2_060, [
      { counselorId: c1 },
      { counselorId: c2, weight: 0.5 },
      { counselorId: c3, weight: 0 }
    ])).map((part) => part.target)).toEqual([1_373, 687, 0])
  })

  it("fails with a readable InvalidSplit", () => {
    expect(left(Targets.splitAmongCounselors(100, [{ counselorId: c1, weight: 0 }, { counselorId: c2, weight: 0 }])).message)
      .toBe("Cannot split 100: the counselor list gives every counselor a weight of 0")
    expect(left(Targets.splitEqually(100, [])).message).toBe("Cannot split 100: the counselor list must name at least one counselor")
    expect(left(Targets.splitEqually(100, [c1, c1])).message).toBe("Cannot split 100: the counselor list repeats counselor c1")
    expect(left(Targets.splitAmongCounselors(100, [{ counselorId: c1, weight: -1 }, { counselorId: c2 }])).message)
      .toBe("Cannot split 100: the weight of counselor c1 must be a number of at least 0; got -1")
    expect(left(Targets.splitEqually(10.5, [c1])).message).toBe(
      "Cannot split 10.5: the total must be a whole number of at least 0; got 10.5"
    )
    expect(left(Targets.apportion(10, [0, 0])).message).toBe(
      "Cannot split 10: the weights sum to 0, so no one can receive a share"
    )
    expect(left(Targets.splitByMonth(10, [1, 1])).reason).toContain("12 month weights")
  })

  it("decodes counselor shares and refuses a repeated counselor", () => {
    expect(right(Validation.decodeEither(Targets.CounselorShares)([{ counselorId: "c1", weight: 2 }, { counselorId: "c2" }])))
      .toEqual([{ counselorId: c1, weight: 2 }, { counselorId: c2 }])
    const error = left(Validation.decodeEither(Targets.CounselorShares)([{ counselorId: "c1" }, { counselorId: "c1" }]))
    expect(error.issues.map((issue) => [issue.path, issue.message])).toEqual([["[1].counselorId", "repeats counselor c1"]])
  })

  const weightsArb = fc.array(fc.nat({ max: 100 }), { minLength: 1, maxLength: 20 }).filter((ws) => ws.some((w) => w > 0))

  it("apportions parts that sum to the whole, each the floor or ceiling of its share", () => {
    fc.assert(fc.property(fc.nat({ max: 1_000_000 }), weightsArb, (total, weights) => {
      const parts = right(Targets.apportion(total, weights))
      const sum = weights.reduce((a, b) => a + b, 0)
      expect(parts).toHaveLength(weights.length)
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
      parts.forEach((part, i) => {
        const quota = (total * weights[i]!) / sum
        expect(Number.isInteger(part)).toBe(true)
        expect(part).toBeGreaterThanOrEqual(Math.floor(quota))
        expect(part).toBeLessThanOrEqual(Math.ceil(quota))
        if (weights[i] === 0) expect(part).toBe(0)
      })
    }))
  })

  it("splits equally into parts that differ by at most 1 and do not depend on the order", () => {
    const idsArb = fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 30 })
    fc.assert(fc.property(fc.nat({ max: 100_000 }), idsArb, fc.nat(), (total, ids, seed) => {
      const parts = right(Targets.splitEqually(total, ids.map(counselor)))
      const targets = parts.map((part) => part.target)
      expect(targets.reduce((a, b) => a + b, 0)).toBe(total)
      expect(Math.max(...targets) - Math.min(...targets)).toBeLessThanOrEqual(1)
      expect(Math.min(...targets)).toBeGreaterThanOrEqual(0)
      // the larger parts go to the lowest ids
      const sorted = [...parts].sort((a, b) => (a.counselorId < b.counselorId ? -1 : 1)).map((p) => p.target)
      expect(sorted).toEqual([...sorted].sort((a, b) => b - a))
      // a rotation of the list gives every counselor the same part
      const k = seed % ids.length
      const rotated = right(Targets.splitEqually(total, [...ids.slice(k), ...ids.slice(0, k)].map(counselor)))
      expect(new Map(rotated.map((p) => [p.counselorId, p.target]))).toEqual(new Map(parts.map((p) => [p.counselorId, p.target])))
    }))
  })

  it("splits a year into 12 non-negative months that sum to it, for any month weights", () => {
    const monthWeights = fc.array(fc.nat({ max: 31 }), { minLength: 12, maxLength: 12 }).filter((ws) => ws.some((w) => w > 0))
    fc.assert(fc.property(fc.nat({ max: 1_000_000 }), monthWeights, (annual, weights) => {
      const months = right(Targets.splitByMonth(annual, weights))
      expect(months).toHaveLength(12)
      expect(months.reduce((a, b) => a + b, 0)).toBe(annual)
      for (const month of months) expect(month).toBeGreaterThanOrEqual(0)
    }))
  })
})

describe("pace", () => {
  it("reads the year to date against the monthly targets", () => {
    expect(placements2016.months).toEqual([...repeat(172, 8), ...repeat(171, 4)])
    const onTrack = Targets.pace(placements2016, "year", date("2016-03-31"), 500)
    expect(onTrack).toMatchObject({
      period: "year",
      from: "2016-01-01",
      to: "2016-03-31",
      end: "2016-12-31",
      target: 2_060,
      expected: 516,
      actual: 500,
      difference: -16,
      status: "on-track"
    })
    expect(onTrack.ratio).toBeCloseTo(500 / 516, 12)
    expect(Targets.pace(placements2016, "year", date("2016-03-31"), 480).status).toBe("behind")
    expect(Targets.pace(placements2016, "year", date("2016-03-31"), 550).status).toBe("ahead")
    // a district that tolerates ±10% sees 480 of 516 as on track
    expect(Targets.pace(placements2016, "year", date("2016-03-31"), 480, { tolerance: 0.1 }).status).toBe("on-track")
  })

  it("reads a month to date pro rata by its days", () => {
    const feb = Targets.pace(placements2016, "month", date("2016-02-15"), 80)
    expect(feb).toMatchObject({ from: "2016-02-01", to: "2016-02-15", end: "2016-02-29", target: 172, status: "behind" })
    expect(feb.expected).toBeCloseTo((172 * 15) / 29, 12)
  })

  it("reads a week from Monday, across a month boundary", () => {
    const week = Targets.pace(placements2016, "week", date("2016-03-02"), 20) // a Wednesday
    expect(week).toMatchObject({ from: "2016-02-29", to: "2016-03-02", end: "2016-03-06", status: "ahead" })
    expect(week.expected).toBeCloseTo(172 / 29 + (172 * 2) / 31, 12)
    expect(week.target).toBeCloseTo(172 / 29 + (172 * 6) / 31, 12)
  })

  it("cuts a week at the edges of the year and clamps a date outside it", () => {
    const newYear = Targets.pace(placements2016, "week", date("2016-01-01"), 0) // a Friday
    expect(newYear).toMatchObject({ from: "2016-01-01", to: "2016-01-01", end: "2016-01-03", status: "behind" })
    expect(newYear.expected).toBeCloseTo(172 / 31, 12)
    expect(Targets.periodRange(placements2016, "week", date("2016-12-30")))
      .toEqual({ from: "2016-12-26", to: "2016-12-30", end: "2016-12-31" })
    const late = Targets.pace(placements2016, "year", date("2017-01-05"), 2_060)
    expect(late).toMatchObject({ to: "2016-12-31", expected: 2_060, ratio: 1, status: "on-track" })
  })

  it("is on track with nothing expected and nothing done, ahead with something done", () => {
    const none = right(Targets.schedule(2016, 0))
    expect(Targets.pace(none, "month", date("2016-05-10"), 0)).toMatchObject({ expected: 0, ratio: undefined, status: "on-track" })
    expect(Targets.pace(none, "month", date("2016-05-10"), 3)).toMatchObject({ ratio: undefined, status: "ahead" })
  })

  it("expects exactly the months' targets: month pace targets sum to the year, weeks too", () => {
    const days = LocalDate.daysBetween(date("2016-01-01"), date("2016-12-31"))
    const monthEnds = Array.from({ length: 12 }, (_, i) => LocalDate.endOfMonth(LocalDate.make(2016, i + 1, 1)))
    expect(monthEnds.map((end) => Targets.pace(placements2016, "month", end, 0).target)).toEqual(placements2016.months)
    let weeks = 0
    for (let d = date("2016-01-03"); LocalDate.daysBetween(date("2016-01-01"), d) <= days + 6; d = LocalDate.addDays(d, 7)) {
      weeks += Targets.pace(placements2016, "week", d, 0).target
    }
    expect(weeks).toBeCloseTo(2_060, 9)
  })

  const scheduleArb = fc.record({
    year: fc.integer({ min: 1990, max: 2100 }),
    annual: fc.nat({ max: 100_000 }),
    weights: fc.oneof(
      fc.constant(Targets.equalMonths),
      fc.array(fc.nat({ max: 31 }), { minLength: 12, maxLength: 12 }).filter((ws) => ws.some((w) => w > 0))
    )
  }).map(({ annual, weights, year }) => right(Targets.schedule(year, annual, weights)))

  const dayOf = (year: number, offset: number) => LocalDate.addDays(LocalDate.make(year, 1, 1), offset)

  it("expects more as the year goes on, and the whole target by December 31", () => {
    fc.assert(fc.property(scheduleArb, fc.nat({ max: 365 }), fc.nat({ max: 365 }), (s, a, b) => {
      const [early, late] = [dayOf(s.year, Math.min(a, b)), dayOf(s.year, Math.max(a, b))]
      const e1 = Targets.pace(s, "year", early, 0).expected
      const e2 = Targets.pace(s, "year", late, 0).expected
      expect(e1).toBeLessThanOrEqual(e2)
      expect(e2).toBeLessThanOrEqual(s.annual)
      expect(Targets.pace(s, "year", LocalDate.make(s.year, 12, 31), 0).expected).toBe(s.annual)
      // within a month and within a week too
      if (LocalDate.startOfMonth(early) === LocalDate.startOfMonth(late)) {
        expect(Targets.pace(s, "month", early, 0).expected).toBeLessThanOrEqual(Targets.pace(s, "month", late, 0).expected)
      }
      if (LocalDate.startOfWeek(early) === LocalDate.startOfWeek(late)) {
        expect(Targets.pace(s, "week", early, 0).expected).toBeLessThanOrEqual(Targets.pace(s, "week", late, 0).expected)
      }
    }))
  })

  it("agrees with itself: difference and ratio follow from expected and actual", () => {
    fc.assert(fc.property(scheduleArb, fc.nat({ max: 365 }), fc.constantFrom(...Targets.PacePeriod.literals), fc.nat({ max: 100_000 }), (s, offset, period, actual) => {
      const p = Targets.pace(s, period, dayOf(s.year, offset), actual)
      expect(p.difference).toBe(actual - p.expected)
      expect(p.expected).toBeLessThanOrEqual(p.target)
      expect(p.from <= p.to && p.to <= p.end).toBe(true)
      if (p.expected > 0) expect(p.ratio).toBe(actual / p.expected)
      expect(p.status).toBe(
        p.expected === 0
          ? actual > 0 ? "ahead" : "on-track"
          : actual > p.expected * 1.05 ? "ahead" : actual < p.expected * 0.95 ? "behind" : "on-track"
      )
    }))
  })
})

describe("projection", () => {
  it("extrapolates the year to date at its pace", () => {
    const june = Targets.project(placements2016, date("2016-06-30"), 1_000)
    expect(june).toMatchObject({ asOf: "2016-06-30", actual: 1_000, expected: 1_032, target: 2_060, status: "on-track" })
    expect(june.projected).toBeCloseTo((1_000 * 2_060) / 1_032, 9) // ≈ 1,996.1
    expect(june.gap).toBeCloseTo(june.projected - 2_060, 9)
    expect(Targets.project(placements2016, date("2016-03-31"), 516).projected).toBe(2_060)
    expect(Targets.project(placements2016, date("2016-12-31"), 2_100).projected).toBe(2_100)
  })

  it("is linear in the days elapsed with calendar-day weights", () => {
    const s = right(Targets.schedule(2016, 3_660, Targets.calendarDayWeights(2016)))
    expect(s.months).toEqual([310, 290, 310, 300, 310, 300, 310, 310, 300, 310, 300, 310])
    // 2016-04-10 is day 101 of 366
    expect(Targets.project(s, date("2016-04-10"), 505).projected).toBeCloseTo((505 * 366) / 101, 9)
  })

  it("adds the whole target while nothing is expected yet", () => {
    const fromMarch = right(Targets.schedule(2016, 1_000, [0, 0, ...repeat(1, 10)]))
    expect(Targets.project(fromMarch, date("2016-02-10"), 7)).toMatchObject({ expected: 0, projected: 1_007, status: "ahead" })
  })

  const scheduleArb = fc.record({
    year: fc.integer({ min: 1990, max: 2100 }),
    annual: fc.nat({ max: 100_000 }),
    weights: fc.array(fc.integer({ min: 1, max: 31 }), { minLength: 12, maxLength: 12 })
  }).map(({ annual, weights, year }) => right(Targets.schedule(year, annual, weights)))

  it("equals the actual at year end and is never below it", () => {
    fc.assert(fc.property(scheduleArb, fc.nat({ max: 365 }), fc.nat({ max: 200_000 }), (s, offset, actual) => {
      expect(Targets.project(s, LocalDate.make(s.year, 12, 31), actual).projected).toBe(actual)
      const p = Targets.project(s, LocalDate.addDays(LocalDate.make(s.year, 1, 1), offset), actual)
      expect(p.projected).toBeGreaterThanOrEqual(actual)
    }))
  })

  it("is above the target exactly when the year to date is ahead of expected, and shares its status", () => {
    fc.assert(fc.property(scheduleArb, fc.nat({ max: 365 }), fc.nat({ max: 200_000 }), (s, offset, actual) => {
      const asOf = LocalDate.addDays(LocalDate.make(s.year, 1, 1), offset)
      const projection = Targets.project(s, asOf, actual)
      const ytd = Targets.pace(s, "year", asOf, actual)
      expect(projection.status).toBe(ytd.status)
      expect(projection.expected).toBe(ytd.expected)
      expect(Math.sign(projection.gap)).toBe(Math.sign(ytd.difference))
      // while something is expected, projected ÷ target is the pace ratio
      if (ytd.ratio !== undefined && s.annual > 0) {
        expect(projection.projected / s.annual).toBeCloseTo(ytd.ratio, 9)
      }
    }))
  })
})
