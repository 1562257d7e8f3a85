import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as Match from "../src/matching/Match.js"
import type * as Opening from "../src/registry/Opening.js"
import * as OpeningModule from "../src/registry/Opening.js"
import * as Ranking from "../src/matching/Ranking.js"
import * as Seeker from "../src/registry/Seeker.js"
import { right } from "@iljari/test-support/either"
import { openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { crowdedPopulation, population, protectedFields } from "./matchData.js"

// The slowest possible reference: explain every pair with Match.score, keep
// the eligible ones, sort by score then id.
const naiveTopOpenings = (seeker: Seeker.Seeker, openings: ReadonlyArray<Opening.Opening>, k: number, config?: Match.Config) =>
  openings
    .map((o) => Match.score(seeker, o, config === undefined ? {} : { config }))
    .filter((m) => m.eligible)
    .sort((a, b) => b.total - a.total || (a.openingId < b.openingId ? -1 : 1))
    .slice(0, k)
    .map((m) => ({ id: m.openingId, score: m.total }))

const naiveTopSeekers = (opening: Opening.Opening, seekers: ReadonlyArray<Seeker.Seeker>, k: number) =>
  seekers
    .map((s) => Match.score(s, opening))
    .filter((m) => m.eligible)
    .sort((a, b) => b.total - a.total || (a.seekerId < b.seekerId ? -1 : 1))
    .slice(0, k)
    .map((m) => ({ id: m.seekerId, score: m.total }))

const k = fc.integer({ min: 1, max: 12 })

describe("Ranking", () => {
  it("top openings for a seeker equal scoring every pair and sorting, ties by id", () => {
    fc.assert(
      fc.property(population(12, 80), k, ([seekers, openings], k) => {
        const index = Ranking.makeIndex(seekers, openings)
        for (const s of seekers) expect(Ranking.topOpenings(index, s.id, k)).toEqual(naiveTopOpenings(s, openings, k))
      }),
      { numRuns: 60 }
    )
  })

  it("top seekers for an opening equal scoring every pair and sorting, ties by id", () => {
    fc.assert(
      fc.property(population(80, 12), k, ([seekers, openings], k) => {
        const index = Ranking.makeIndex(seekers, openings)
        for (const o of openings) expect(Ranking.topSeekers(index, o.id, k)).toEqual(naiveTopSeekers(o, seekers, k))
      }),
      { numRuns: 60 }
    )
  })

  it("stays exact among many near-ties, and then scores fewer pairs than brute force", () => {
    fc.assert(
      fc.property(crowdedPopulation(120, 120), k, ([seekers, openings], k) => {
        const index = Ranking.makeIndex(seekers, openings)
        for (const s of seekers.slice(0, 10)) expect(Ranking.topOpenings(index, s.id, k)).toEqual(naiveTopOpenings(s, openings, k))
        for (const o of openings.slice(0, 10)) expect(Ranking.topSeekers(index, o.id, k)).toEqual(naiveTopSeekers(o, seekers, k))
      }),
      { numRuns: 40 }
    )
    // A fixed crowd of 200 × 200 with a handful of perfect fits per seeker:
    // the index must stop early on both sides.
    const [seekers, openings] = fc.sample(crowdedPopulation(200, 200, 200), { numRuns: 1, seed: 7 })[0]!
    expect(seekers.length * openings.length).toBe(40_000)
    const index = Ranking.makeIndex(seekers, openings)
    const pruned = new Ranking.Workspace(index, 5)
    const brute = new Ranking.Workspace(index, 5)
    const items = new Int32Array(5)
    const scores = new Int32Array(5)
    for (let i = 0; i < index.seekerIds.length; i++) {
      Ranking.topOpeningsInto(pruned, i, items, scores)
      Ranking.bruteForceTopOpeningsInto(brute, i, items, scores)
    }
    for (let j = 0; j < index.openingIds.length; j++) {
      Ranking.topSeekersInto(pruned, j, items, scores)
      Ranking.bruteForceTopSeekersInto(brute, j, items, scores)
    }
    expect(pruned.scored).toBeLessThan(brute.scored / 2)
  })

  it("the nightly run for all seekers equals the brute-force reference", () => {
    fc.assert(
      fc.property(population(40, 150), k, ([seekers, openings], k) => {
        const index = Ranking.makeIndex(seekers, openings)
        const all = Ranking.topOpeningsForAll(index, k)
        const ws = new Ranking.Workspace(index, k)
        const items = new Int32Array(k)
        const scores = new Int32Array(k)
        index.seekerIds.forEach((_, i) => {
          const n = Ranking.bruteForceTopOpeningsInto(ws, i, items, scores)
          expect(all[i]).toEqual(Array.from({ length: n }, (_, r) => ({ id: index.openingIds[items[r]!], score: scores[r]! / 1000 })))
        })
      }),
      { numRuns: 40 }
    )
  })

  it("honours a district's weights and switched-off constraints exactly like Match.score", () => {
    const config: Match.Config = {
      weights: { occupation: 10, region: 40, wage: 5, education: 0, career: 20, employment: 5, certificates: 20 },
      hardConstraints: { openingOpen: false, requiredCertificates: false, headcount: true }
    }
    fc.assert(
      fc.property(population(8, 60), k, ([seekers, openings], k) => {
        const index = Ranking.makeIndex(seekers, openings, { config })
        for (const s of seekers) expect(Ranking.topOpenings(index, s.id, k)).toEqual(naiveTopOpenings(s, openings, k, config))
      }),
      { numRuns: 30 }
    )
  })

  it("never ranks differently when birth dates, genders or target groups change", () => {
    fc.assert(
      fc.property(
        population(20, 60),
        fc.array(protectedFields, { minLength: 20, maxLength: 20 }),
        k,
        ([seekers, openings], changes, k) => {
          const changed = seekers.map((s, i) => new Seeker.Seeker({ ...s, ...changes[i] } as never))
          const before = Ranking.makeIndex(seekers, openings)
          const after = Ranking.makeIndex(changed, openings)
          expect(Ranking.topOpeningsForAll(after, k)).toEqual(Ranking.topOpeningsForAll(before, k))
          for (const o of openings) expect(Ranking.topSeekers(after, o.id, k)).toEqual(Ranking.topSeekers(before, o.id, k))
        }
      ),
      { numRuns: 40 }
    )
  })

  it("leaves out erased seekers and openings that are filled or closed", () => {
    fc.assert(
      fc.property(population(10, 40), ([seekers, openings]) => {
        const erased = seekers.map((s, i) => (i % 2 === 0 ? Seeker.anonymise(s, "2026-01-01" as never) : s))
        const index = Ranking.makeIndex(erased, openings)
        expect(index.seekerIds).toEqual(erased.filter((s) => s.erasedOn === undefined).map((s) => s.id).sort())
        const listed = new Set(Ranking.topOpeningsForAll(index, 1000).flat().map((r) => r.id))
        for (const o of openings) if (o.status !== "open") expect(listed.has(o.id)).toBe(false)
      }),
      { numRuns: 30 }
    )
  })

  it("breaks a tie at the pruning bound in favour of the smaller id", () => {
    // Two perfect fits in buckets of equal bound; the one with the smaller id
    // sits in the bucket visited second, so stopping at "bound ≤ k-th score"
    // instead of "bound < k-th score" would return the wrong one.
    const perfect = { desiredRegions: ["11000"], desiredEmployment: { contractTypes: [], schedules: [] }, certificates: [] }
    const job = {
      wage: { type: "monthly", min: 3_000_000 },
      educationMinimum: "00",
      career: { requirement: "any" },
      requiredCertificates: [],
      preferredCertificates: []
    }
    const seekers = [
      right(Seeker.decodeEither({ ...seekerInput, ...perfect, id: "s-1", desiredOccupations: ["5611"] })),
      right(Seeker.decodeEither({ ...seekerInput, ...perfect, id: "s-2", desiredOccupations: ["561"] }))
    ]
    const openings = [
      right(OpeningModule.decodeEither({ ...openingInput, ...job, id: "o-1", occupation: "5611", workRegion: "11215" })),
      right(OpeningModule.decodeEither({ ...openingInput, ...job, id: "o-2", occupation: "5611", workRegion: "11200" }))
    ]
    const index = Ranking.makeIndex(seekers, openings)
    expect(Ranking.topOpenings(index, "s-1" as never, 1)).toEqual([{ id: "o-1", score: 100 }])
    expect(Ranking.topSeekers(index, "o-1" as never, 1)).toEqual([{ id: "s-1", score: 100 }])
  })

  it("answers nothing for unknown ids and k ≤ 0", () => {
    fc.assert(
      fc.property(population(3, 3), ([seekers, openings]) => {
        const index = Ranking.makeIndex(seekers, openings)
        expect(Ranking.topOpenings(index, "nobody" as never, 5)).toEqual([])
        expect(Ranking.topSeekers(index, "nothing" as never, 5)).toEqual([])
        expect(Ranking.topOpenings(index, seekers[0]!.id, 0)).toEqual([])
      }),
      { numRuns: 5 }
    )
  })
})
