import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import * as SupplyDemand from "../src/SupplyDemand.js"

// The seeds' mismatch in miniature: seekers want cleaning and security work
// (KECO 5), employers offer office (0), engineering (1) and design (4) jobs.
const occupation: ReadonlyArray<SupplyDemand.Entry> = [
  { key: "5", seekers: 250, positions: 60 },
  { key: "0", seekers: 40, positions: 120 },
  { key: "1", seekers: 0, positions: 50 },
  { key: "4", seekers: 10, positions: 30 },
  { key: "6", seekers: 60, positions: 40 },
  { key: "8", seekers: 40, positions: 0 }
]

describe("SupplyDemand", () => {
  it("compares the shares of seekers and positions by occupation group (counted by hand)", () => {
    const figure = Either.getOrThrow(SupplyDemand.make({ occupation }))
    const view = figure.views[0]!
    expect(view.total).toEqual({ seekers: 400, positions: 300, seekersPerPosition: 1.33 })
    expect(view.rows.map((r) => [r.key, r.seekerShare, r.positionShare, r.gap, r.seekersPerPosition])).toEqual([
      ["0", 0.1, 0.4, -0.3, 0.33],
      ["1", 0, 0.166, -0.166, 0],
      ["4", 0.025, 0.1, -0.075, 0.33],
      ["5", 0.625, 0.2, 0.425, 4.17],
      ["6", 0.15, 0.133, 0.017, 1.5],
      ["8", 0.1, 0, 0.1, undefined]
    ])
    expect(view.rows[3]!.label).toEqual({ ko: "미용·여행·숙박·음식·경비·청소직", en: "Beauty, travel, lodging, food, security and cleaning" })
  })

  it("labels education levels, wage bands and regions", () => {
    const figure = Either.getOrThrow(SupplyDemand.make({
      education: [{ key: "03", seekers: 230, positions: 80 }, { key: "00", seekers: 0, positions: 100 }, { key: "05", seekers: 50, positions: 80 }],
      wageBand: [{ key: "w4", seekers: 5, positions: 40 }, { key: "w0", seekers: 120, positions: 10 }],
      region: [{ key: "11215", seekers: 10, positions: 5 }, { key: "11200", seekers: 300, positions: 200 }]
    }))
    expect(figure.views.map((v) => v.dimension)).toEqual(["education", "wageBand", "region"])
    expect(figure.views[0]!.rows.map((r) => r.label.ko)).toEqual(["학력무관", "고졸", "대졸(4년)"])
    expect(figure.views[1]!.rows.map((r) => r.label.ko)).toEqual(["180만원 미만", "300만원 이상"])
    expect(figure.views[2]!.rows.map((r) => r.label.ko)).toEqual(["성동구", "광진구"])
  })

  it("bands monthly wages: from included, to excluded", () => {
    expect(SupplyDemand.defaultWageBands.map((b) => b.label)).toEqual([
      { ko: "180만원 미만", en: "under ₩1.8M" },
      { ko: "180만~220만원", en: "₩1.8M–2.2M" },
      { ko: "220만~260만원", en: "₩2.2M–2.6M" },
      { ko: "260만~300만원", en: "₩2.6M–3M" },
      { ko: "300만원 이상", en: "₩3M and over" }
    ])
    expect(SupplyDemand.bandOf(1_799_999)).toBe("w0")
    expect(SupplyDemand.bandOf(1_800_000)).toBe("w1")
    expect(SupplyDemand.bandOf(2_100_000)).toBe("w1")
    expect(SupplyDemand.bandOf(3_000_000)).toBe("w4")
  })

  it("refuses an unknown key, a repeated key and a count that is not whole", () => {
    const unknown = SupplyDemand.make({ occupation: [{ key: "X", seekers: 1, positions: 1 }] })
    expect(Either.isLeft(unknown) && unknown.left.message).toBe(
      "Cannot compute supply and demand: occupation[0].key must be a KECO major group, \"0\" to \"9\"; got \"X\""
    )
    const repeated = SupplyDemand.make({ region: [{ key: "11200", seekers: 1, positions: 1 }, { key: "11200", seekers: 1, positions: 1 }] })
    expect(Either.isLeft(repeated) && repeated.left.field).toBe("region[1].key")
    const fractional = SupplyDemand.make({ education: [{ key: "03", seekers: 1.5, positions: 1 }] })
    expect(Either.isLeft(fractional) && fractional.left.field).toBe("education[0].seekers")
  })

  it("makes one table per dimension, with a chart of the two shares", () => {
    const tables = SupplyDemand.tables(Either.getOrThrow(SupplyDemand.make({ occupation })))
    expect(tables.map((t) => [t.id, t.title.ko])).toEqual([["mismatch-occupation", "구인·구직 미스매치: 직종(대분류)"]])
    expect(tables[0]!.chart?.series).toEqual(["seekerShare", "positionShare"])
    expect(tables[0]!.rows.at(-1)).toMatchObject({ total: true, cells: { seekers: 400, positions: 300 } })
  })
})
