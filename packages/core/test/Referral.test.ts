import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import type { CounselorId, DistrictId, OpeningId, ReferralId, SeekerId } from "../src/kernel/Ids.js"
import type { LocalDate } from "../src/kernel/LocalDate.js"
import * as Referral from "../src/casework/Referral.js"

const start = new Referral.Referral({
  id: "referral-1" as ReferralId,
  districtId: "11200" as DistrictId,
  seekerId: "seeker-1" as SeekerId,
  openingId: "opening-1" as OpeningId,
  counselorId: "c1" as CounselorId,
  status: "proposed",
  history: [{ status: "proposed", on: "2026-03-02" as LocalDate, by: "c1" as CounselorId }]
})

// The arrows of the issue: proposed → sent → interviewing → hired | rejected | withdrawn.
const legal = new Set([
  "proposed>sent",
  "proposed>withdrawn",
  "sent>interviewing",
  "sent>rejected",
  "sent>withdrawn",
  "interviewing>hired",
  "interviewing>rejected",
  "interviewing>withdrawn"
])

const status = fc.constantFrom(...Referral.ReferralStatus.literals)

describe("the referral state machine", () => {
  it("allows exactly the documented moves", () => {
    for (const from of Referral.ReferralStatus.literals) {
      for (const to of Referral.ReferralStatus.literals) {
        expect(Referral.transitions[from].includes(to)).toBe(legal.has(`${from}>${to}`))
      }
    }
  })

  it("never reaches a state by an illegal move, whatever moves are tried", () => {
    fc.assert(fc.property(fc.array(status, { maxLength: 12 }), (attempts) => {
      let referral = start
      for (const to of attempts) {
        const from = referral.status
        const result = Referral.transition(referral, to, "2026-03-03" as LocalDate, "c1" as CounselorId)
        if (Either.isRight(result)) {
          expect(legal.has(`${from}>${to}`)).toBe(true)
          referral = result.right
        } else {
          expect(legal.has(`${from}>${to}`)).toBe(false)
          expect(result.left).toMatchObject({ _tag: "InvalidTransition", from, to })
        }
      }
      // The history is a legal path from "proposed", and its end is the status.
      const path = referral.history.map((step) => step.status)
      expect(path[0]).toBe("proposed")
      for (let i = 1; i < path.length; i++) expect(legal.has(`${path[i - 1]}>${path[i]}`)).toBe(true)
      expect(path[path.length - 1]).toBe(referral.status)
    }))
  })

  it("names both states and the way out in its error", () => {
    const hired = [ "sent", "interviewing", "hired" ].reduce(
      (r, to) => Either.getOrThrow(Referral.transition(r, to as Referral.ReferralStatus, "2026-03-04" as LocalDate, "c1" as CounselorId)),
      start
    )
    const error = Either.flip(Referral.transition(hired, "sent", "2026-03-05" as LocalDate, "c1" as CounselorId))
    expect(Either.getOrThrow(error).message).toBe(
      "Referral \"referral-1\" cannot move from \"hired\" (채용) to \"sent\" (알선(서류전달)); \"hired\" is final"
    )
  })
})
