import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as DiscoveryVisit from "../src/events/DiscoveryVisit.js"
import * as LocalDate from "../src/kernel/LocalDate.js"
import { left, right } from "@iljari/test-support/either"

describe("DiscoveryVisit", () => {
  const visit = (id: string, visitedOn: string, name: string, findings: Array<Record<string, unknown>>) =>
    right(DiscoveryVisit.decodeVisit({
      id,
      districtId: "11200",
      visitedOn,
      counselorIds: ["counselor-01", "counselor-02"],
      target: "building",
      name,
      tenantsVisited: 12,
      findings
    }))

  it("tracks buildings, openings and positions against the 2016 plan", () => {
    const visits = [
      visit("v1", "2016-03-10", "성수 SK V1 센터", [
        { company: "성수디지털(주)", openingIds: ["o-1", "o-2"], positions: 3 },
        { company: "한빛소프트", openingIds: ["o-3"], positions: 1 }
      ]),
      visit("v2", "2016-03-24", "성수 SK V1 센터", [{ company: "성수디지털(주)", openingIds: ["o-2"], positions: 0 }]),
      visit("v3", "2016-04-07", "서울숲 IT캐슬", [{ company: "숲테크", openingIds: ["o-4"], positions: 2 }]),
      visit("v4", "2017-01-05", "서울숲 IT캐슬", [{ company: "숲테크", openingIds: ["o-9"], positions: 5 }])
    ]
    const p = DiscoveryVisit.progress(DiscoveryVisit.seedPlan2016, visits, "2016-06-30" as never)
    expect(p).toMatchObject({ visits: 3, buildings: 2, openings: 4, positions: 6 })
    expect(p.reached.buildings).toBeCloseTo(2 / 30, 12)
    expect(p.reached.positions).toBeCloseTo(6 / 270, 12)
    expect(p.yearElapsed).toBeCloseTo(182 / 366, 12)
    // The seed's visits run January to November (335 days in 2016), twice a month.
    expect(p.seasonElapsed).toBeCloseTo(182 / 335, 12)
    expect(p.visitsPlanned).toBe(12)
  })

  it("carries the seed's operating months: January to November 2016, twice a month", () => {
    const plan = DiscoveryVisit.seedPlan2016
    expect(plan.months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(DiscoveryVisit.plannedVisits(plan, "2016-01")).toBe(2)
    expect(DiscoveryVisit.plannedVisits(plan, "2016-11")).toBe(2)
    expect(DiscoveryVisit.plannedVisits(plan, "2016-12")).toBe(0)
    expect(DiscoveryVisit.operatesIn(plan, "2017-03")).toBe(false) // another year
    const december = DiscoveryVisit.progress(plan, [], "2016-12-31" as never)
    expect(december).toMatchObject({ seasonElapsed: 1, visitsPlanned: 22, yearElapsed: 1 })
  })

  it("reads a plan without months as the whole year, and names a plan's broken fields", () => {
    const plain = right(DiscoveryVisit.decodePlan({ year: 2026, buildings: 30, openings: 200, positions: 270 }))
    const p = DiscoveryVisit.progress(plain, [], "2026-03-31" as never)
    expect(p.seasonElapsed).toBeCloseTo(p.yearElapsed, 12)
    expect(p.visitsPlanned).toBe(0)
    expect(left(DiscoveryVisit.decodePlan({ year: 2026, buildings: -1, openings: 200, positions: 270, months: [12, 12] })).issues.map((i) => i.path))
      .toEqual(["buildings", "months[1]"])
  })

  it("the season's share gone never falls as the days pass, and is 0 before the season and 1 after it", () => {
    const months = fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 })
    fc.assert(fc.property(months, fc.integer({ min: 0, max: 364 }), (ms, day) => {
      const plan = right(DiscoveryVisit.decodePlan({ year: 2026, buildings: 1, openings: 1, positions: 1, months: ms, visitsPerMonth: 2 }))
      const on = LocalDate.addDays(LocalDate.make(2026, 1, 1), day)
      const today = DiscoveryVisit.progress(plan, [], on)
      const tomorrow = DiscoveryVisit.progress(plan, [], LocalDate.addDays(on, 1))
      expect(tomorrow.seasonElapsed).toBeGreaterThanOrEqual(today.seasonElapsed)
      expect(today.visitsPlanned).toBe(2 * ms.filter((m) => m <= LocalDate.parts(on).month).length)
      const first = Math.min(...ms)
      if (LocalDate.parts(on).month < first) expect(today.seasonElapsed).toBe(0)
      if (LocalDate.parts(on).month > Math.max(...ms)) expect(today.seasonElapsed).toBe(1)
    }))
  })
})
