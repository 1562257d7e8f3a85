import { describe, expect, it } from "@effect/vitest"
import { Codes } from "@iljari/core"
import * as TargetGroups from "../src/TargetGroups.js"

const counts = Codes.TargetGroup.literals.map((group) =>
  group === "youth"
    ? { group, seekers: 2, counseling: 2, placements: 1 }
    : group === "career-break-women"
    ? { group, seekers: 1, counseling: 1, placements: 0 }
    : group === "middle-aged"
    ? { group, seekers: 1, counseling: 2, placements: 1 }
    : { group, seekers: 0, counseling: 0, placements: 0 }
)

describe("TargetGroups", () => {
  it("gives each group's share of the center's results (March of the fixtures, by hand)", () => {
    const figure = TargetGroups.make(counts, { seekers: 3, counseling: 4, placements: 2 })
    expect(figure.rows.find((r) => r.group === "youth")).toEqual({
      group: "youth",
      seekers: 2,
      counseling: 2,
      placements: 1,
      seekerShare: 0.666,
      counselingShare: 0.5,
      placementShare: 0.5
    })
    expect(figure.rows.find((r) => r.group === "career-break-women")).toMatchObject({ seekerShare: 0.333, placementShare: 0 })
    // A seeker in two groups counts in both: the shares add up to more than 100%.
    expect(figure.rows.reduce((n, r) => n + (r.seekerShare ?? 0), 0)).toBeGreaterThan(1)
  })

  it("leaves out empty groups on request and labels groups in Korean and English", () => {
    const table = TargetGroups.table(TargetGroups.make(counts, { seekers: 3, counseling: 4, placements: 2 }), { skipEmpty: true })
    expect(table.rows.map((r) => r.cells["group"])).toEqual([
      { ko: "청년", en: "Youth" },
      { ko: "경력단절여성", en: "Women returning after a career break" },
      { ko: "신중년(장년)", en: "Middle-aged (50s–60s)" },
      { ko: "센터 전체", en: "Whole center" }
    ])
    expect(TargetGroups.table(TargetGroups.make(counts, { seekers: 0, counseling: 0, placements: 0 })).rows).toHaveLength(11)
  })
})
