import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as Partner from "../src/events/Partner.js"
import { left, right } from "@iljari/test-support/either"

const option = (id: string, field: string, time: string, min = 2, max = 20) =>
  new Partner.ProgramOption({ id, title: id, partnerId: "womens-center", field: field as never, time: time as never, minParticipants: min, maxParticipants: max })

const answer = (respondent: string, group: string, fields: Array<string>, times: Array<string>) =>
  right(Partner.decodeDemandAnswer({ respondent, group, fields, times }))

describe("Partner", () => {
  it("decodes partners and demand answers, naming broken fields", () => {
    expect(right(Partner.decodePartner({ id: "kku", districtId: "11215", name: "건국대학교", kind: "university" })).kind)
      .toBe("university")
    const error = left(Partner.decodeDemandAnswer({ respondent: "r", group: "youth", fields: [], times: ["midnight"] }))
    expect(error.issues.map((i) => i.path)).toEqual(["fields", "times[0]"])
  })

  it("picks the programs that reach the most respondents, never below a class's minimum", () => {
    const options = [
      option("web-design-evening", "4122", "weekday-evening", 3),
      option("accounting-day", "0231", "weekday-day", 2),
      option("care-weekend", "55", "weekend", 5)
    ]
    const answers = [
      answer("a", "career-break-women", ["0231"], ["weekday-day"]),
      answer("b", "career-break-women", ["023"], ["weekday-day", "weekend"]),
      answer("c", "career-break-women", ["02"], ["weekday-day"]),
      answer("d", "youth", ["4122"], ["weekday-evening"]),
      answer("e", "youth", ["41"], ["weekday-evening"]),
      answer("f", "youth", ["412"], ["weekday-evening", "weekend"]),
      answer("g", "youth", ["4122"], ["weekday-evening"]),
      answer("h", "career-break-women", ["5510"], ["weekend"])
    ]
    const picks = Partner.pickPrograms(options, answers, 3)
    expect(picks.map((p) => [p.program.id, p.respondents])).toEqual([
      ["web-design-evening", ["d", "e", "f", "g"]],
      ["accounting-day", ["a", "b", "c"]]
    ])
    expect(picks[1]!.byGroup).toEqual([{ group: "career-break-women", count: 3 }])
  })

  it("never reaches a respondent twice, respects every class size, and ignores input order", () => {
    const codes = ["0231", "023", "02", "4122", "41", "5510"]
    const arbitraryAnswer = fc.record({
      group: fc.constantFrom("youth", "career-break-women"),
      fields: fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 3 }),
      times: fc.uniqueArray(fc.constantFrom("weekday-day", "weekday-evening", "weekend"), { minLength: 1, maxLength: 3 })
    })
    const arbitraryOption = fc.record({
      field: fc.constantFrom(...codes),
      time: fc.constantFrom("weekday-day", "weekday-evening", "weekend"),
      min: fc.integer({ min: 1, max: 4 }),
      extra: fc.integer({ min: 0, max: 6 })
    })
    fc.assert(
      fc.property(
        fc.array(arbitraryAnswer, { maxLength: 40 }),
        fc.array(arbitraryOption, { maxLength: 8 }),
        fc.integer({ min: 0, max: 5 }),
        (drawnAnswers, drawnOptions, slots) => {
          const answers = drawnAnswers.map((a, i) => answer(`r${String(i).padStart(2, "0")}`, a.group, a.fields, a.times))
          const options = drawnOptions.map((o, i) => option(`p${i}`, o.field, o.time, o.min, o.min + o.extra))
          const picks = Partner.pickPrograms(options, answers, slots)
          expect(picks.length).toBeLessThanOrEqual(slots)
          const everyone = picks.flatMap((p) => p.respondents)
          expect(new Set(everyone).size).toBe(everyone.length)
          for (const p of picks) {
            expect(p.respondents.length).toBeGreaterThanOrEqual(p.program.minParticipants)
            expect(p.respondents.length).toBeLessThanOrEqual(p.program.maxParticipants)
            expect(p.byGroup.reduce((a, g) => a + g.count, 0)).toBe(p.respondents.length)
          }
          expect(Partner.pickPrograms([...options].reverse(), [...answers].reverse(), slots)).toEqual(picks)
        }
      )
    )
  })

  it("summarises activities per partner and kind in a period", () => {
    const activities = [
      new Partner.Activity({ partnerId: "kku", kind: "co-hosted-fair", on: "2026-05-12" as never, eventId: "fair-05", people: 120 }),
      new Partner.Activity({ partnerId: "kku", kind: "co-hosted-fair", on: "2026-10-13" as never, people: 95 }),
      new Partner.Activity({ partnerId: "womens-center", kind: "training", on: "2026-06-01" as never, people: 18 }),
      new Partner.Activity({ partnerId: "kku", kind: "referral", on: "2025-12-01" as never, people: 3 })
    ]
    expect(Partner.activitySummary(activities, { from: "2026-01-01" as never, to: "2026-12-31" as never })).toEqual([
      { partnerId: "kku", kind: "co-hosted-fair", count: 2, people: 215 },
      { partnerId: "womens-center", kind: "training", count: 1, people: 18 }
    ])
  })
})
