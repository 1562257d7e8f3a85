// The monitoring review reads only what its rules look at (the period's
// placements, their referrals, the seekers who may be registered twice and
// their counseling): on any district's records it finds exactly what the
// pure review finds over every record.
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, FastCheck as fc, Layer } from "effect"
import { Config, reviewRecords } from "../src/casework/Casework.js"
import { Counseling, CounselingRepository } from "../src/casework/Counseling.js"
import * as Monitoring from "../src/casework/Monitoring.js"
import { Placement, PlacementRepository } from "../src/casework/Placement.js"
import { Referral, ReferralRepository, type ReferralStatus } from "../src/casework/Referral.js"
import type { CounselingId, CounselorId, DistrictId, EmployerId, PlacementId, ReferralId, SeekerId } from "../src/kernel/Ids.js"
import * as LocalDate from "../src/kernel/LocalDate.js"
import { layerMemory } from "../src/Repositories.js"
import * as Seeker from "../src/registry/Seeker.js"
import { seekerInput } from "@iljari/test-support/fixtures"

const A = "11200" as DistrictId
const B = "11215" as DistrictId
const day = (n: number) => LocalDate.addDays("2026-01-01" as LocalDate.LocalDate, n)
const statuses: ReadonlyArray<ReferralStatus> = ["proposed", "sent", "interviewing", "hired", "rejected"]

const district = fc.constantFrom(A, A, A, B)
const seekerArb = fc.record({
  district,
  name: fc.constantFrom("김하나", "이두리", "박세찌"),
  birth: fc.constantFrom("1990-01-01", "1991-02-02"),
  phone: fc.option(fc.constantFrom("010-1111-0001", "010-2222-0002"), { nil: undefined })
})
const referralArb = fc.record({ district, seeker: fc.nat(9), on: fc.nat(120), status: fc.constantFrom(...statuses) })
const placementArb = fc.record({
  district,
  seeker: fc.nat(9),
  referral: fc.option(fc.nat(12), { nil: undefined }),
  start: fc.nat(120),
  late: fc.nat(60),
  counselor: fc.constantFrom("c1", "c2"),
  counts: fc.boolean()
})
const counselingArb = fc.record({ district, seeker: fc.nat(9), on: fc.nat(120), counselor: fc.constantFrom("c1", "c2", "c3") })

describe("the monitoring review's reads", () => {
  it.effect("find what the review finds over every record of the district", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(
          fc.array(seekerArb, { maxLength: 10 }),
          fc.array(referralArb, { maxLength: 12 }),
          fc.array(placementArb, { maxLength: 15 }),
          fc.array(counselingArb, { maxLength: 15 }),
          fc.record({ from: fc.nat(100), length: fc.integer({ min: 1, max: 30 }) }),
          async (seekerRows, referralRows, placementRows, counselingRows, window) => {
            const seekers = seekerRows.map((s, i) =>
              Either.getOrThrow(Seeker.decodeEither({
                ...seekerInput,
                id: `s${i}`,
                districtId: s.district,
                name: s.name,
                birthDate: s.birth,
                contact: s.phone === undefined ? {} : { phone: s.phone }
              })))
            const referrals = referralRows.map((r, i) =>
              new Referral({
                id: `r${i}` as ReferralId,
                districtId: r.district,
                seekerId: `s${r.seeker}` as SeekerId,
                // An opening each: one active referral per seeker and opening.
                openingId: `o${i}` as never,
                counselorId: "c1" as CounselorId,
                status: r.status,
                history: [{ status: "proposed", on: day(r.on), by: "c1" as CounselorId }]
              }))
            // A referral leads to one placement; one through no referral is self-found and does not count.
            const placed = new Set<number>()
            const placements = placementRows.map((p, i) => {
              const referral = p.referral === undefined || placed.has(p.referral) ? undefined : p.referral
              if (referral !== undefined) placed.add(referral)
              return new Placement({
                id: `p${i}` as PlacementId,
                districtId: p.district,
                seekerId: `s${p.seeker}` as SeekerId,
                employerId: "e1" as EmployerId,
                ...(referral === undefined ? {} : { referralId: `r${referral}` as ReferralId, openingId: "o1" as never }),
                counselorId: p.counselor as CounselorId,
                startOn: day(p.start),
                recordedOn: day(p.start + p.late),
                contractType: "open-ended",
                schedule: "full-time",
                verification: referral === undefined ? "self-found" : "center-referral",
                countsForCenter: referral !== undefined && p.counts
              })
            })
            const counselings = counselingRows.map((c, i) =>
              new Counseling({
                id: `k${i}` as CounselingId,
                districtId: c.district,
                seekerId: `s${c.seeker}` as SeekerId,
                counselorId: c.counselor as CounselorId,
                heldOn: day(c.on),
                channel: "visit"
              }))
            const period = { from: day(window.from), to: day(window.from + window.length - 1) }
            const program = Effect.gen(function*() {
              const insert = <X>(repo: { readonly insert: (x: X) => Effect.Effect<unknown, unknown> }, rows: ReadonlyArray<X>) =>
                Effect.forEach(rows, (row) => repo.insert(row), { discard: true })
              yield* insert(yield* Seeker.SeekerRepository, seekers)
              yield* insert(yield* ReferralRepository, referrals)
              yield* insert(yield* PlacementRepository, placements)
              yield* insert(yield* CounselingRepository, counselings)
              const found = yield* reviewRecords({ districtId: A, counselorId: "m1" as CounselorId }, period)
              const config = yield* Config
              return { found, expected: Monitoring.review({ districtId: A, seekers, referrals, placements, counselings }, period, config.monitoring) }
            }).pipe(Effect.provide(Layer.fresh(layerMemory)))
            const { expected, found } = await Effect.runPromise(program as Effect.Effect<{
              readonly found: ReadonlyArray<Monitoring.Finding>
              readonly expected: ReadonlyArray<Monitoring.Finding>
            }>)
            expect(found).toEqual(expected)
          }
        ),
        { numRuns: 150 }
      )
    ))
})
