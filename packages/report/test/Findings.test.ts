import { describe, expect, it } from "@effect/vitest"
import { Monitoring } from "@iljari/core"
import * as Findings from "../src/Findings.js"
import { A, k, march, records } from "@iljari/test-support/report/fixtures"

describe("Findings", () => {
  it("tallies a real review of the fixtures by rule, severity and counselor", () => {
    // p1 and p2 count for the center but their referrals are not on record (high, k1); the five
    // seekers of district A share a name and birth date, counseled by k1 and k2 (high, no single counselor).
    const findings = Monitoring.review(
      { districtId: A, seekers: records.seekers, referrals: records.referrals, placements: records.placements, counselings: records.counselings },
      march
    )
    const figure = Findings.make(findings)
    expect(figure.total).toEqual({ high: 3, medium: 0, low: 0, total: 3 })
    expect(figure.byRule.filter((r) => r.total > 0)).toEqual([
      { rule: "placement-without-referral", high: 2, medium: 0, low: 0, total: 2 },
      { rule: "duplicate-seeker", high: 1, medium: 0, low: 0, total: 1 }
    ])
    expect(figure.byCounselor).toEqual([
      { counselorId: "k1", high: 2, medium: 0, low: 0, total: 2 },
      { counselorId: undefined, high: 1, medium: 0, low: 0, total: 1 }
    ])
  })

  it("lists every rule, the most severe findings first", () => {
    const finding = (rule: Monitoring.Rule, severity: Monitoring.Severity, counselorId?: string): Monitoring.Finding => ({
      rule,
      severity,
      ...(counselorId === undefined ? {} : { counselorId: k(counselorId) }),
      records: [],
      detail: { ko: rule, en: rule }
    })
    const figure = Findings.make([
      finding("volume-spike", "low", "k2"),
      finding("late-record", "medium", "k1"),
      finding("placement-without-referral", "high", "k1"),
      finding("late-record", "medium", "k2")
    ])
    expect(figure.byRule.map((r) => r.rule)).toEqual(Monitoring.Rule.literals)
    expect(figure.byRule.find((r) => r.rule === "late-record")).toEqual({ rule: "late-record", high: 0, medium: 2, low: 0, total: 2 })
    expect(figure.findings.map((f) => f.severity)).toEqual(["high", "medium", "medium", "low"])
    const [byRule, byCounselor, list] = Findings.tables(figure, { names: { k1: "김지현" } })
    expect(byRule!.rows.at(-1)?.cells).toMatchObject({ high: 1, medium: 2, low: 1, total: 4 })
    expect(byCounselor!.rows.map((r) => r.cells["counselor"])).toEqual(["김지현", "k2", { ko: "계", en: "Total" }])
    expect(list!.rows[0]?.cells).toMatchObject({ severity: { ko: "높음" }, rule: { ko: "알선 없는 알선취업" } })
  })
})
