/**
 * Where a report's counts come from. `ReportSource` is a port: each method
 * returns the aggregated counts one figure needs, for one district and one
 * period, never the records themselves.
 *
 * - {@link ReportSource.layerMemory} counts over the core's storage ports
 *   (the memory layers in tests, or any other implementation of them): it
 *   lists the records and counts them in Node.
 * - a storage adapter may count **in its database**: `@iljari/store-sql`'s
 *   `ReportSourceSql.layer` counts with `GROUP BY` over its own tables, on
 *   SQLite and PostgreSQL alike, and only the counts cross the wire. This is
 *   the one to use at scale. This package knows no table.
 *
 * Every implementation counts the same things in the same way (one shared
 * test suite, `test/sourceSuite.ts`, holds them to the same hand-computed
 * figures):
 *
 * - a seeker counts on the day they registered, in Korea;
 * - a placement counts for the center only when it followed the center's own
 *   referral (`countsForCenter`); the others are counted apart as
 *   self-found (자체취업), so a target can only be met by real placements;
 * - a referral counts on the day it was first proposed;
 * - a follow-up check counts in the period its due date falls in.
 *
 * @example
 * ```ts
 * import { ReportSource } from "@iljari/report"
 * import { Repositories } from "@iljari/core"
 * import { Layer } from "effect"
 *
 * // The counts a report reads, from core's memory stores (store-sql counts them with GROUP BY instead).
 * const Source = ReportSource.layerMemory.pipe(Layer.provideMerge(Repositories.layerMemory))
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { type Errors, type Ids, LocalDate, Referral, Repositories } from "@iljari/core"
import { Context, DateTime, Effect, Layer } from "effect"
import type { CounselorCounts, FollowUpCounts, MonthCounts, TargetGroupCounts } from "./Counts.js"
import * as Aggregate from "./Aggregate.js"
import type { Period } from "./Period.js"

/**
 * The count shapes, defined in {@link Counts} and named here too.
 *
 * @since 0.1.0
 * @category models
 */
export type { CounselorCounts, FollowUpCounts, MonthCounts, TargetGroupCounts } from "./Counts.js"

/**
 * The source's methods. Results are in a fixed order: months in order (every
 * month the period touches, zeros included), counselors by id (only those
 * with something to count), target groups in the order of
 * `Codes.TargetGroup` (all of them, zeros included).
 *
 * @since 0.1.0
 * @category ports
 */
export interface Service {
  /** Results per month of the period. */
  readonly monthly: (
    districtId: Ids.DistrictId,
    period: Period
  ) => Effect.Effect<ReadonlyArray<MonthCounts>, Errors.PersistenceError>
  /** Results per counselor over the period. */
  readonly byCounselor: (
    districtId: Ids.DistrictId,
    period: Period
  ) => Effect.Effect<ReadonlyArray<CounselorCounts>, Errors.PersistenceError>
  /** Follow-up checks due in the period, per counselor, read as of `asOf`. */
  readonly followUps: (
    districtId: Ids.DistrictId,
    period: Period,
    asOf: LocalDate.LocalDate
  ) => Effect.Effect<ReadonlyArray<FollowUpCounts>, Errors.PersistenceError>
  /** Results per target group over the period. */
  readonly targetGroups: (
    districtId: Ids.DistrictId,
    period: Period
  ) => Effect.Effect<ReadonlyArray<TargetGroupCounts>, Errors.PersistenceError>
}

const registeredOn = (at: DateTime.Utc): LocalDate.LocalDate => LocalDate.fromEpochMillisInKorea(DateTime.toEpochMillis(at))

const makeMemory = Effect.gen(function*() {
  const [seekers, openings, counselings, referrals, placements, followUps] = yield* Effect.all([
    Repositories.SeekerRepository,
    Repositories.OpeningRepository,
    Repositories.CounselingRepository,
    Repositories.ReferralRepository,
    Repositories.PlacementRepository,
    Repositories.FollowUpRepository
  ])
  const values = <A>(rows: ReadonlyArray<Repositories.Versioned<A>>) => rows.map((row) => row.value)
  const seekerFacts = (districtId: Ids.DistrictId) =>
    Effect.map(seekers.list(districtId), (rows) =>
      rows.map(({ value: s }): Aggregate.SeekerFact => ({
        id: s.id,
        registeredOn: registeredOn(s.registeredAt),
        targetGroups: s.targetGroups
      })))
  const counselingFacts = (districtId: Ids.DistrictId, period: Period) =>
    Effect.map(counselings.listHeldBetween(districtId, period.from, period.to), values)
  const placementFacts = (districtId: Ids.DistrictId, period: Period) =>
    Effect.map(placements.listStartedBetween(districtId, period.from, period.to), values)

  const service: Service = {
    monthly: (districtId, period) =>
      Effect.map(
        Effect.all([
          seekerFacts(districtId),
          Effect.map(openings.list(districtId), values),
          counselingFacts(districtId, period),
          placementFacts(districtId, period)
        ]),
        ([seekers, openings, counselings, placements]) =>
          Aggregate.monthly(period, { seekers, openings, counselings, placements })
      ),
    byCounselor: (districtId, period) =>
      Effect.map(
        Effect.all([
          counselingFacts(districtId, period),
          Effect.map(referrals.list(districtId), (rows) =>
            rows.map(({ value: r }): Aggregate.ReferralFact => ({
              proposedOn: Referral.proposedOn(r),
              counselorId: r.counselorId
            }))),
          placementFacts(districtId, period)
        ]),
        ([counselings, referrals, placements]) => Aggregate.byCounselor(period, { counselings, referrals, placements })
      ),
    followUps: (districtId, period, asOf) =>
      Effect.map(followUps.list(districtId), (rows) => Aggregate.followUps(period, asOf, values(rows))),
    targetGroups: (districtId, period) =>
      Effect.map(
        Effect.all([seekerFacts(districtId), counselingFacts(districtId, period), placementFacts(districtId, period)]),
        ([seekers, counselings, placements]) => Aggregate.targetGroups(period, { seekers, counselings, placements })
      )
  }
  return service
})

/**
 * The port.
 *
 * @since 0.1.0
 * @category ports
 */
export class ReportSource extends Context.Tag("@iljari/report/ReportSource")<ReportSource, Service>() {
  /**
   * Counts over the core's storage ports, in Node: provide
   * `Repositories.layerMemory` in tests, or any implementation of the ports.
   */
  static readonly layerMemory: Layer.Layer<
    ReportSource,
    never,
    | Repositories.SeekerRepository
    | Repositories.OpeningRepository
    | Repositories.CounselingRepository
    | Repositories.ReferralRepository
    | Repositories.PlacementRepository
    | Repositories.FollowUpRepository
  > = Layer.effect(this, makeMemory)
}

/**
 * {@link ReportSource.layerMemory}: counts in Node over the core's storage ports.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory = ReportSource.layerMemory
