import { describe, expect, it } from "vitest"
import * as DiscoveryVisit from "../src/events/DiscoveryVisit.js"
import { right } from "@iljari/test-support/either"

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
  })
})
