// The example of docs/writing-an-adapter.md ("Property-testing your matching
// weights"), kept here so that it runs.
import { describe, expect, it } from "@effect/vitest"
import { Match } from "@iljari/core"
import { Arbitraries } from "@iljari/testing"
import { Either, FastCheck as fc } from "effect"

// Our district's weights: the commute counts nearly as much as the occupation.
const ours = Either.getOrThrow(Match.decodeConfig({
  weights: { occupation: 30, region: 25, wage: 15, education: 5, career: 10, employment: 10, certificates: 5 },
  hardConstraints: { openingOpen: true, requiredCertificates: true, headcount: true }
}))

describe("our matching weights", () => {
  it("give an opening that fits every wish the full 100", () => {
    fc.assert(fc.property(Arbitraries.fittingPair, ([seeker, opening]) => {
      expect(Match.score(seeker, opening, { config: ours }).total).toBe(100)
    }))
  })

  it("keep an opening in the wrong region above one in the wrong occupation, for the same seeker", () => {
    const seekerAndTwoOpenings = Arbitraries.seeker().chain((seeker) =>
      fc.tuple(fc.constant(seeker), Arbitraries.openingMissing(seeker, "region"), Arbitraries.openingMissing(seeker, "occupation"))
    )
    fc.assert(fc.property(seekerAndTwoOpenings, ([seeker, elsewhere, otherWork]) => {
      expect(Match.score(seeker, elsewhere, { config: ours }).total).toBeGreaterThan(Match.score(seeker, otherWork, { config: ours }).total)
    }))
  })

  it("never rank an opening that is filled, closed or asks for a certificate the seeker lacks", () => {
    fc.assert(fc.property(Arbitraries.ruledOutPair, ([seeker, opening]) => {
      expect(Match.score(seeker, opening, { config: ours }).eligible).toBe(false)
    }))
  })
})
