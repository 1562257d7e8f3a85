import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import * as JobFairs from "../src/JobFairs.js"
import { d } from "@iljari/test-support/report/fixtures"

// The seeds' 2015 line: 12 fairs ('일 잡는 데이'), 22 people hired.
const hired = [2, 1, 3, 2, 1, 2, 2, 1, 3, 2, 1, 2]
const fairs: ReadonlyArray<JobFairs.Fair> = hired.map((h, i) => ({
  name: `일 잡는 데이 ${i + 1}회`,
  heldOn: d(`2015-${String(12 - i).padStart(2, "0")}-15`),
  employers: 4,
  invited: 20,
  attended: 12,
  interviewed: 10,
  hired: h
}))

describe("JobFairs", () => {
  it("totals the seeds' year: 12 fairs, 22 hired, and the rate of each step (by hand)", () => {
    const figure = Either.getOrThrow(JobFairs.make(fairs))
    expect(figure.total).toEqual({
      count: 12,
      employers: 48,
      invited: 240,
      attended: 144,
      interviewed: 120,
      hired: 22,
      attendanceRate: 0.6,
      interviewRate: 0.833,
      hireRate: 0.183,
      placementRate: 0.152
    })
    // Fairs in date order.
    expect(figure.fairs[0]!.heldOn).toBe("2015-01-15")
    expect(figure.fairs[0]).toMatchObject({ hired: 2, hireRate: 0.2, placementRate: 0.166 })
  })

  it("refuses a step larger than the one before it", () => {
    const bad = JobFairs.make([{ ...fairs[0]!, attended: 21 }])
    expect(Either.isLeft(bad) && bad.left.message).toBe(
      "Cannot compute job-fair outcomes: fairs[0].attended must not exceed invited (20); got 21"
    )
    const hiredTooMany = JobFairs.make([fairs[0]!, { ...fairs[1]!, hired: 11 }])
    expect(Either.isLeft(hiredTooMany) && hiredTooMany.left.field).toBe("fairs[1].hired")
    expect(Either.isLeft(JobFairs.make([{ ...fairs[0]!, invited: -1 }]))).toBe(true)
  })

  it("prints one row per fair and the total", () => {
    const table = JobFairs.table(Either.getOrThrow(JobFairs.make(fairs)))
    expect(table.rows).toHaveLength(13)
    expect(table.rows[12]).toMatchObject({ total: true, cells: { name: { ko: "합계 (12회)" }, hired: 22, hireRate: 0.183 } })
  })
})
