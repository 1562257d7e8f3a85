import { describe, expect, it } from "@effect/vitest"
import { FollowUp, LocalDate } from "@iljari/core"
import { FastCheck as fc } from "effect"
import * as FollowUpRate from "../src/FollowUpRate.js"
import * as Aggregate from "../src/Aggregate.js"
import * as Rate from "../src/Rate.js"
import { check, d, k } from "@iljari/test-support/report/fixtures"

describe("FollowUpRate", () => {
  it("is on time ÷ (on time + late + overdue), per counselor and for the center (counted by hand)", () => {
    const figure = FollowUpRate.make([
      { counselorId: k("k1"), due: 4, onTime: 1, late: 1, overdue: 1, pending: 1, cancelled: 0 },
      { counselorId: k("k2"), due: 3, onTime: 1, late: 0, overdue: 0, pending: 1, cancelled: 1 },
      { counselorId: k("k3"), due: 1, onTime: 0, late: 0, overdue: 0, pending: 1, cancelled: 0 }
    ])
    expect(figure.rows.map((r) => r.rate)).toEqual([0.333, 1, undefined])
    expect(figure.total).toEqual({ counselorId: undefined, due: 8, onTime: 2, late: 1, overdue: 1, pending: 3, cancelled: 1, rate: 0.5 })
  })

  it("agrees with FollowUp.ledger's on-time rate over the same checks (property)", () => {
    const day = fc.integer({ min: 30, max: 200 }).map((n) => LocalDate.addDays(d("2016-01-01"), n))
    const arb = fc.array(
      fc.tuple(day, fc.constantFrom("k1", "k2"), fc.constantFrom("open", "early", "late", "cancelled"), fc.integer({ min: 0, max: 20 })),
      { maxLength: 40 }
    )
    fc.assert(
      fc.property(arb, day, (rows, asOf) => {
        const checks = rows.map(([due, counselor, state, shift], i) =>
          check(`f${i}`, counselor, due, state === "early"
            ? { doneOn: LocalDate.addDays(due, -shift) }
            : state === "late"
            ? { doneOn: LocalDate.addDays(due, shift + 1) }
            : state === "cancelled"
            ? { cancelledOn: LocalDate.addDays(due, -shift) }
            : {})
        )
        const period = { from: d("2016-01-01"), to: d("2016-12-31") }
        const figure = FollowUpRate.make(Aggregate.followUps(period, asOf, checks))
        const ledger = FollowUp.ledger(checks, asOf)
        expect(figure.total.onTime).toBe(ledger.onTime)
        expect(figure.total.rate).toBe(Rate.rate(ledger.onTime, ledger.done.length + ledger.overdue.length))
        expect(figure.total.pending).toBe(ledger.dueToday.length + ledger.upcoming.length)
      })
    )
  })
})
