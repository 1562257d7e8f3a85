/**
 * The suite every ReportSource must pass — memory, SQLite and PostgreSQL —
 * against counts made by hand from test/fixtures.ts, and against the Node
 * aggregation over a random district's records.
 */
import { expect, it as vitest } from "@effect/vitest"
import { Codes, Counseling, FollowUp, type Ids, LocalDate, Placement, Referral, Repositories } from "@iljari/core"
import { DateTime, Effect, FastCheck as fc, Layer } from "effect"
import { Aggregate, ReportSource as Source } from "@iljari/report"

const { ReportSource } = Source
type ReportSource = Source.ReportSource
import type { Backend, Repos } from "./backends.js"
import { A, B, d, firstQuarter, k, march, opening, records, seeker } from "./fixtures.js"

const R = "11680" as Ids.DistrictId // the random district

const insertAll = (rows: {
  readonly seekers: ReadonlyArray<import("@iljari/core").Seeker.Seeker>
  readonly openings: ReadonlyArray<import("@iljari/core").Opening.Opening>
  readonly counselings: ReadonlyArray<Counseling.Counseling>
  readonly referrals: ReadonlyArray<Referral.Referral>
  readonly placements: ReadonlyArray<Placement.Placement>
  readonly followUps: ReadonlyArray<FollowUp.Check>
}) =>
  Effect.gen(function*() {
    const [s, o, c, r, p, f] = yield* Effect.all([
      Repositories.SeekerRepository,
      Repositories.OpeningRepository,
      Repositories.CounselingRepository,
      Repositories.ReferralRepository,
      Repositories.PlacementRepository,
      Repositories.FollowUpRepository
    ])
    yield* Effect.forEach(rows.seekers, s.insert, { discard: true })
    yield* Effect.forEach(rows.openings, o.insert, { discard: true })
    yield* Effect.forEach(rows.counselings, c.insert, { discard: true })
    yield* Effect.forEach(rows.referrals, r.insert, { discard: true })
    yield* Effect.forEach(rows.placements, p.insert, { discard: true })
    yield* Effect.forEach(rows.followUps, f.insert, { discard: true })
  })

// ---------------------------------------------------------------------------
// A random district: records drawn once from a fixed seed.
// ---------------------------------------------------------------------------

const day2016 = fc.integer({ min: 0, max: 365 }).map((n) => LocalDate.addDays(d("2016-01-01"), n))
const counselorArb = fc.constantFrom("k1", "k2", "k3", "k4").map(k)
const groupsArb = fc.subarray(Codes.TargetGroup.literals.filter((g) => !Codes.sensitiveTargetGroups.has(g)), { maxLength: 3 })

const randomRecords = () => {
  const [draw] = fc.sample(
    fc.record({
      seekers: fc.array(fc.tuple(fc.integer({ min: Date.UTC(2015, 11, 31), max: Date.UTC(2016, 11, 31, 23) }), groupsArb), {
        minLength: 40,
        maxLength: 40
      }),
      openings: fc.array(day2016, { minLength: 30, maxLength: 30 }),
      counselings: fc.array(fc.tuple(day2016, counselorArb, fc.nat(39)), { minLength: 120, maxLength: 120 }),
      referrals: fc.array(fc.tuple(day2016, counselorArb, fc.nat(39), fc.boolean()), { minLength: 40, maxLength: 40 }),
      placements: fc.array(fc.tuple(day2016, counselorArb, fc.nat(39), fc.boolean()), { minLength: 40, maxLength: 40 }),
      checks: fc.array(
        fc.tuple(day2016, counselorArb, fc.constantFrom("open", "early", "late", "cancelled"), fc.integer({ min: 0, max: 20 })),
        { minLength: 60, maxLength: 60 }
      )
    }),
    { seed: 20160301, numRuns: 1 }
  )
  const r = draw!
  const sid = (i: number) => `rs${i}`
  return {
    seekers: r.seekers.map(([at, groups], i) => seeker(sid(i), new Date(at).toISOString(), groups, R)),
    openings: r.openings.map((on, i) => opening(`ro${i}`, on, R)),
    counselings: r.counselings.map(([on, counselorId, s], i) =>
      new Counseling.Counseling({ ...records.counselings[0]!, id: `rc${i}` as Ids.CounselingId, districtId: R, heldOn: on, counselorId, seekerId: sid(s) as Ids.SeekerId })
    ),
    referrals: r.referrals.map(([on, counselorId, s, sent], i) =>
      new Referral.Referral({
        ...records.referrals[0]!,
        id: `rr${i}` as Ids.ReferralId,
        districtId: R,
        seekerId: sid(s) as Ids.SeekerId,
        // Each to its own opening: a seeker has one active referral per opening.
        openingId: `rro${i}` as Ids.OpeningId,
        counselorId,
        status: sent ? "sent" : "proposed",
        history: sent
          ? [{ status: "proposed", on, by: counselorId }, { status: "sent", on: LocalDate.addDays(on, 3), by: counselorId }]
          : [{ status: "proposed", on, by: counselorId }]
      })
    ),
    placements: r.placements.map(([on, counselorId, s, counts], i) => {
      const { referralId: _r, ...base } = records.placements[0]!
      return new Placement.Placement({
        ...base,
        ...(counts ? { referralId: `rr${i}` as Ids.ReferralId } : {}),
        id: `rp${i}` as Ids.PlacementId,
        districtId: R,
        seekerId: sid(s) as Ids.SeekerId,
        counselorId,
        startOn: on,
        recordedOn: on,
        verification: counts ? "center-referral" : "self-found",
        countsForCenter: counts
      })
    }),
    followUps: r.checks.map(([due, counselorId, state, shift], i) =>
      new FollowUp.Check({
        id: `rf${i}` as Ids.FollowUpId,
        districtId: R,
        placementId: "rp0" as Ids.PlacementId,
        seekerId: "rs0" as Ids.SeekerId,
        counselorId,
        sequence: 1,
        windowStart: LocalDate.addDays(due, -27),
        windowEnd: due,
        dueOn: due,
        ...(state === "early"
          ? { doneOn: LocalDate.addDays(due, -Math.min(shift, 27)), channel: "phone", outcome: "working" }
          : state === "late"
          ? { doneOn: LocalDate.addDays(due, 1 + shift), channel: "phone", outcome: "working" }
          : state === "cancelled"
          ? { cancelledOn: LocalDate.addDays(due, -shift) }
          : {})
      })
    )
  }
}

const random = randomRecords()

const seekerFacts = random.seekers.map((s): Aggregate.SeekerFact => ({
  id: s.id,
  registeredOn: LocalDate.fromEpochMillisInKorea(DateTime.toEpochMillis(s.registeredAt)),
  targetGroups: s.targetGroups
}))
const referralFacts = random.referrals.map((r) => ({ proposedOn: Referral.proposedOn(r), counselorId: r.counselorId }))

export const sourceSuite = (backend: Backend) => {
  const seeded: Layer.Layer<ReportSource | Repos, unknown> = Layer.effectDiscard(
    Effect.zipRight(insertAll(records), insertAll(random))
  ).pipe(Layer.provideMerge(backend.layer()))

  vitest.layer(seeded, { timeout: 60_000 })(`ReportSource on ${backend.name}`, (it) => {
    it.effect("counts each month's openings, seekers (by the day in Korea), counseling and placements", () =>
      Effect.gen(function*() {
        const source = yield* ReportSource
        expect(yield* source.monthly(A, firstQuarter)).toEqual([
          { month: "2016-01", openings: 0, seekers: 1, placements: 0, selfFound: 0, counseling: 0 },
          { month: "2016-02", openings: 1, seekers: 0, placements: 1, selfFound: 0, counseling: 1 },
          { month: "2016-03", openings: 2, seekers: 3, placements: 2, selfFound: 1, counseling: 4 }
        ])
        // A period inside a month counts only its own days.
        expect(yield* source.monthly(A, { from: d("2016-03-02"), to: d("2016-03-30") })).toEqual([
          { month: "2016-03", openings: 0, seekers: 1, placements: 2, selfFound: 1, counseling: 3 }
        ])
        expect(yield* source.monthly(B, march)).toEqual([
          { month: "2016-03", openings: 1, seekers: 1, placements: 1, selfFound: 0, counseling: 1 }
        ])
      }))

    it.effect("counts per counselor: sessions, referrals by the day first proposed, placements that count", () =>
      Effect.gen(function*() {
        const source = yield* ReportSource
        expect(yield* source.byCounselor(A, march)).toEqual([
          { counselorId: "k1", counseling: 2, referrals: 1, placements: 2, selfFound: 0 },
          { counselorId: "k2", counseling: 2, referrals: 1, placements: 0, selfFound: 1 }
        ])
        expect(yield* source.byCounselor(A, { from: d("2016-02-01"), to: d("2016-02-29") })).toEqual([
          { counselorId: "k1", counseling: 1, referrals: 1, placements: 0, selfFound: 0 },
          { counselorId: "k2", counseling: 0, referrals: 0, placements: 1, selfFound: 0 }
        ])
      }))

    it.effect("sorts follow-up checks due in the period as the ledger does", () =>
      Effect.gen(function*() {
        const source = yield* ReportSource
        expect(yield* source.followUps(A, march, d("2016-03-20"))).toEqual([
          { counselorId: "k1", due: 4, onTime: 1, late: 1, overdue: 1, pending: 1, cancelled: 0 },
          { counselorId: "k2", due: 3, onTime: 1, late: 0, overdue: 0, pending: 1, cancelled: 1 }
        ])
        // At month end every open check of k1 is overdue.
        const atEnd = yield* source.followUps(A, march, d("2016-04-01"))
        expect(atEnd[0]).toEqual({ counselorId: "k1", due: 4, onTime: 1, late: 1, overdue: 2, pending: 0, cancelled: 0 })
      }))

    it.effect("counts by target group, a seeker in two groups in both", () =>
      Effect.gen(function*() {
        const source = yield* ReportSource
        const groups = yield* source.targetGroups(A, march)
        expect(groups.map((g) => g.group)).toEqual(Codes.TargetGroup.literals)
        expect(groups.filter((g) => g.seekers + g.counseling + g.placements > 0)).toEqual([
          { group: "youth", seekers: 2, counseling: 2, placements: 1 },
          { group: "career-break-women", seekers: 1, counseling: 1, placements: 0 },
          { group: "middle-aged", seekers: 1, counseling: 2, placements: 1 }
        ])
      }))

    it.effect("agrees with the Node aggregation over a random district's records", () =>
      Effect.gen(function*() {
        const source = yield* ReportSource
        for (const period of [{ from: d("2016-01-01"), to: d("2016-12-31") }, { from: d("2016-02-10"), to: d("2016-05-20") }]) {
          const facts = {
            seekers: seekerFacts,
            openings: random.openings,
            counselings: random.counselings,
            referrals: referralFacts,
            placements: random.placements
          }
          expect(yield* source.monthly(R, period)).toEqual(Aggregate.monthly(period, facts))
          expect(yield* source.byCounselor(R, period)).toEqual(Aggregate.byCounselor(period, facts))
          expect(yield* source.targetGroups(R, period)).toEqual(Aggregate.targetGroups(period, facts))
          expect(yield* source.followUps(R, period, d("2016-04-15"))).toEqual(
            Aggregate.followUps(period, d("2016-04-15"), random.followUps)
          )
        }
        // The random district's records are not nothing.
        const year = yield* source.monthly(R, { from: d("2016-01-01"), to: d("2016-12-31") })
        expect(year.reduce((n, m) => n + m.counseling, 0)).toBeGreaterThan(100)
      }))

    it.effect("the follow-up counts agree with FollowUp.ledger's on-time rate", () =>
      Effect.gen(function*() {
        const source = yield* ReportSource
        const asOf = d("2016-06-30")
        const period = { from: d("2016-01-01"), to: d("2016-12-31") }
        const rows = yield* source.followUps(R, period, asOf)
        const onTime = rows.reduce((n, r) => n + r.onTime, 0)
        const settled = rows.reduce((n, r) => n + r.onTime + r.late + r.overdue, 0)
        expect(onTime / settled).toBe(FollowUp.ledger(random.followUps, asOf).onTimeRate)
      }))
  })
}
