import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import * as Budget from "../src/Budget.js"

// The seeds' budget table (Yeongdeungpo), in thousand won.
const seed: ReadonlyArray<Budget.Line> = [
  { unitProject: "취업활동지원", budget: 1_229_775, spent: 830_446 },
  { unitProject: "지역일자리사업지원", budget: 1_887_159, spent: 1_301_295 },
  { unitProject: "행정운영경비", budget: 76_783, spent: 46_639 },
  { unitProject: "인력운영비", budget: 55_373, spent: 49_410 }
]

describe("Budget", () => {
  it("reproduces the seeds' table: 3,249,090 budgeted, 2,227,790 spent, 68.5%", () => {
    const figure = Either.getOrThrow(Budget.make(seed, { statedTotal: { budget: 3_249_090, spent: 2_227_790 } }))
    expect(figure.total).toEqual({ unitProject: "계", budget: 3_249_090, spent: 2_227_790, rate: 0.685, remaining: 1_021_300 })
    expect(figure.lines.map((l) => [l.unitProject, l.rate])).toEqual([
      ["취업활동지원", 0.675],
      ["지역일자리사업지원", 0.689],
      ["행정운영경비", 0.607],
      ["인력운영비", 0.892]
    ])
  })

  it("is spent ÷ budget, not the other way round", () => {
    const figure = Either.getOrThrow(Budget.make(seed))
    expect(figure.total.rate).toBeLessThan(1)
    expect(Either.getOrThrow(Budget.make([{ unitProject: "x", budget: 100, spent: 120 }])).total).toMatchObject({
      rate: 1.2,
      remaining: -20
    })
  })

  it("prints the table total first, with amounts in thousand won", () => {
    const table = Budget.table(Either.getOrThrow(Budget.make(seed)))
    expect(table.columns.map((c) => c.label.ko)).toEqual(["단위사업명", "예산액(천원)", "집행액(천원)", "잔액(천원)", "집행률"])
    expect(table.rows[0]).toEqual({
      cells: { unitProject: { ko: "계", en: "Total" }, budget: 3_249_090, spent: 2_227_790, remaining: 1_021_300, rate: 0.685 },
      total: true
    })
    expect(table.rows).toHaveLength(5)
  })

  it("refuses a stated total that is not the sum, a repeated project and a fractional amount", () => {
    const wrong = Budget.make(seed, { statedTotal: { budget: 3_249_091, spent: 2_227_790 } })
    expect(Either.isLeft(wrong) && wrong.left.message).toBe(
      "Cannot compute budget execution: statedTotal.budget is 3249091, but the lines add up to 3249090"
    )
    const repeated = Budget.make([...seed, seed[0]!])
    expect(Either.isLeft(repeated) && repeated.left.field).toBe("lines[4].unitProject")
    const fractional = Budget.make([{ unitProject: "x", budget: 10.5, spent: 1 }])
    expect(Either.isLeft(fractional) && fractional.left.field).toBe("lines[0].budget")
    const negative = Budget.make([{ unitProject: "x", budget: 10, spent: -1 }])
    expect(Either.isLeft(negative) && negative.left.field).toBe("lines[0].spent")
  })

  it("has no rate for a project with no budget", () => {
    expect(Either.getOrThrow(Budget.make([{ unitProject: "x", budget: 0, spent: 0 }])).total.rate).toBeUndefined()
  })
})
