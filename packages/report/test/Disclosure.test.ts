import { describe, expect, it } from "@effect/vitest"
import { Targets } from "@iljari/core"
import { Either } from "effect"
import * as Disclosure from "../src/Disclosure.js"
import type * as Table from "../src/Table.js"
import { d } from "@iljari/test-support/report/fixtures"

// The seeds' target table: 2015 results + 5%, rounded to 10, seekers set by hand.
const plan = Either.getOrThrow(Targets.plan({
  year: 2016,
  growthPercent: 5,
  baseline: { openings: 2_664, seekers: 6_594, placements: 1_963 },
  rounding: { mode: "nearest", unit: 10 },
  overrides: { seekers: 6_930 }
}))

const ko = (cell: Table.Cell) => (typeof cell === "object" ? cell.ko : cell)

describe("Disclosure", () => {
  it("reproduces the seeds' table: 2015 results, 2016 targets, monthly averages", () => {
    const table = Disclosure.table(Disclosure.make(plan))
    expect(table.columns.map((c) => c.label.ko)).toEqual(["구분", "구인(건)", "구직(명)", "취업(명)", "비고"])
    expect(table.rows.map((r) => table.columns.map((c) => ko(r.cells[c.key])))).toEqual([
      ["2015년 실적", 2_664, 6_594, 1_963, undefined],
      ["2016년 목표", 2_800, 6_930, 2_060, "'15년 대비 5% 상향"],
      ["월평균", 233, 577, 171, undefined]
    ])
    expect(table.notes?.map((n) => n.ko)).toEqual([
      "목표 = 전년 실적 × 1.05, 10 단위 반올림. 월평균 = 연간 목표 ÷ 12 (내림).",
      "구직(명) 목표는 계산값 6,920(6,923.7)을 6,930(으)로 조정함."
    ])
  })

  it("adds this year's results and the share of each target achieved", () => {
    const figure = Disclosure.make(plan, { results: { openings: 700, seekers: 1_800, placements: 500 }, resultsThrough: d("2016-03-31") })
    expect(figure.lines.map((l) => [l.metric, l.result, l.rate])).toEqual([
      ["openings", 700, 0.25],
      ["seekers", 1_800, 0.259],
      ["placements", 500, 0.242]
    ])
    const table = Disclosure.table(figure)
    expect(table.rows).toHaveLength(4)
    expect(ko(table.rows[3]!.cells["row"])).toBe("2016년 실적 (~03.31)")
    expect(table.rows[3]!.cells).toMatchObject({ openings: 700, openingsRate: 0.25, seekersRate: 0.259, placementsRate: 0.242 })
  })

  it("words the remark for growth, decline and no change", () => {
    expect(Disclosure.growthRemark(2015, 5)).toEqual({ ko: "'15년 대비 5% 상향", en: "+5% on 2015" })
    expect(Disclosure.growthRemark(2015, -3)).toEqual({ ko: "'15년 대비 3% 하향", en: "−3% on 2015" })
    expect(Disclosure.growthRemark(2009, 0).ko).toBe("'09년 수준 유지")
  })
})
