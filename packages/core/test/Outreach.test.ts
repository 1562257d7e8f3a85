import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as Outreach from "../src/events/Outreach.js"
import { left, right } from "@iljari/test-support/either"

const session = (id: string, heldOn: string, site: string, extra: Record<string, unknown> = {}) =>
  right(Outreach.decodeSession({
    id,
    districtId: "11200",
    heldOn,
    site,
    siteName: site === "subway-station" ? "왕십리역" : site === "shelter" ? "시립24시간게스트하우스" : "성동구립도서관",
    counselorIds: ["counselor-01"],
    counselled: 10,
    counselingIds: [],
    registeredSeekerIds: [],
    ...extra
  }))

describe("Outreach", () => {
  it("compares a month with the seeds' plan of four stations, one shelter and one library", () => {
    const sessions = [
      session("a", "2016-04-05", "subway-station", { registeredSeekerIds: ["s-1", "s-2"], counselingIds: ["c-1", "c-2", "c-3"] }),
      session("b", "2016-04-12", "subway-station", { registeredSeekerIds: ["s-3"] }),
      session("c", "2016-04-19", "subway-station"),
      session("d", "2016-04-21", "shelter", { registeredSeekerIds: ["s-2"] }),
      session("e", "2016-04-26", "library"),
      session("f", "2016-05-03", "subway-station")
    ]
    const april = Outreach.progress(Outreach.seedPlan("2016-04"), sessions)
    expect(april.bySite).toEqual([
      { site: "subway-station", planned: 4, held: 3, shortfall: 1 },
      { site: "shelter", planned: 1, held: 1, shortfall: 0 },
      { site: "library", planned: 1, held: 1, shortfall: 0 }
    ])
    expect(april).toMatchObject({ planned: 6, held: 5, counselled: 50, counseling: 3, registrations: 3, met: false })
  })

  it("plans no session in January or December 2016: the seed runs February to November", () => {
    for (const month of ["2016-01", "2016-12"]) {
      const plan = Outreach.seedPlan(month)
      expect(plan.sessions).toEqual([])
      expect(Outreach.operatesIn(Outreach.seedOperatingPlan, month)).toBe(false)
      const p = Outreach.progress(plan, [session("x", `${month}-05`, "library")])
      expect(p).toMatchObject({ planned: 0, held: 1, met: true })
    }
    expect(Outreach.seedOperatingPlan.months).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    for (const month of ["2016-02", "2016-11"]) expect(Outreach.progress(Outreach.seedPlan(month), []).planned).toBe(6)
  })

  it("a district's operating plan is data: decoded, with every broken field named", () => {
    const summer = right(Outreach.decodeOperatingPlan({ months: [7, 8], sessions: [{ site: "market", count: 2 }] }))
    expect(Outreach.planFor(summer, "2026-08").sessions).toEqual([{ site: "market", count: 2 }])
    expect(Outreach.planFor(summer, "2026-09").sessions).toEqual([])
    const error = left(Outreach.decodeOperatingPlan({ months: [0, 7, 7, 13], sessions: [{ site: "park", count: 1 }] }))
    expect(error.issues.map((i) => i.path)).toEqual(["months[0]", "months[3]", "sessions[0].site"])
    expect(left(Outreach.decodeOperatingPlan({ months: [], sessions: [] })).issues.map((i) => `${i.path}: ${i.message}`))
      .toEqual(["months: must list at least one entry"])
  })

  it("never plans a session in a month an operating plan leaves out, and plans them all in the others", () => {
    const plans = fc.record({
      months: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
      sessions: fc.array(fc.record({ site: fc.constantFrom(...Outreach.SiteKind.literals), count: fc.integer({ min: 0, max: 100 }) }), { maxLength: 6 })
    })
    fc.assert(fc.property(plans, fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (input, year, m) => {
      const plan = right(Outreach.decodeOperatingPlan(input))
      const month = `${year}-${String(m).padStart(2, "0")}`
      const monthly = Outreach.planFor(plan, month)
      expect(monthly.month).toBe(month)
      expect(monthly.sessions).toEqual(input.months.includes(m) ? input.sessions : [])
    }))
  })

  it("names broken fields of a session", () => {
    const error = left(Outreach.decodeSession({ id: "x", districtId: "11200", heldOn: "2016-04-31", site: "park", siteName: "", counselorIds: [], counselled: -1, counselingIds: [], registeredSeekerIds: [] }))
    expect(error.issues.map((i) => i.path)).toEqual(["heldOn", "site", "siteName", "counselorIds", "counselled"])
  })

  it("held never exceeds the sessions given; shortfalls and held add up to the plan", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), site: fc.constantFrom("subway-station", "shelter", "library", "market") }), { maxLength: 12 }),
        (drawn) => {
          const sessions = drawn.map((d, i) => session(`s${i}`, `2016-06-${String(d.day).padStart(2, "0")}`, d.site))
          const p = Outreach.progress(Outreach.seedPlan("2016-06"), sessions)
          expect(p.held).toBe(sessions.length)
          for (const row of p.bySite) expect(row.held + row.shortfall).toBeGreaterThanOrEqual(row.planned)
          expect(p.met).toBe(p.bySite.every((r) => r.held >= r.planned))
        }
      )
    )
  })
})
