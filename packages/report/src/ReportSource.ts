/**
 * Where a report's counts come from. `ReportSource` is a port: each method
 * returns the aggregated counts one figure needs, for one district and one
 * period, never the records themselves.
 *
 * - {@link ReportSource.layerMemory} counts over the core's storage ports
 *   (the memory layers in tests, or any other implementation of them): it
 *   lists the records and counts them in Node.
 * - {@link ReportSource.layerSql} counts **in the database** with `GROUP BY`
 *   over the tables of `@iljari/store-sql`, on SQLite and PostgreSQL alike;
 *   only the counts cross the wire. This is the one to use at scale.
 *
 * Both count the same things in the same way (one shared test suite holds
 * them to the same hand-computed figures):
 *
 * - a seeker counts on the day they registered, in Korea;
 * - a placement counts for the center only when it followed the center's own
 *   referral (`countsForCenter`); the others are counted apart as
 *   self-found (자체취업), so a target can only be met by real placements;
 * - a referral counts on the day it was first proposed;
 * - a follow-up check counts in the period its due date falls in.
 *
 * @since 0.1.0
 */
import type { SqlClient } from "@effect/sql"
import { type Codes, type Errors, type Ids, LocalDate, Referral, Repositories } from "@iljari/core"
import { Context, DateTime, Effect, Layer } from "effect"
import * as Aggregate from "./internal/aggregate.js"
import { makeSql } from "./internal/sql.js"
import type { Period } from "./Period.js"

/**
 * One month's results (`month` is `YYYY-MM`): openings received (구인),
 * seekers registered (구직), placements that count for the center (취업),
 * placements that do not (self-found, 자체취업) and counseling sessions (상담).
 *
 * @since 0.1.0
 * @category models
 */
export interface MonthCounts {
  readonly month: string
  readonly openings: number
  readonly seekers: number
  readonly placements: number
  readonly selfFound: number
  readonly counseling: number
}

/**
 * One counselor's results in a period: counseling sessions held, referrals
 * proposed, placements that count and self-found placements recorded.
 * Openings and seekers are not counted per counselor: the core's records do
 * not say who registered them.
 *
 * @since 0.1.0
 * @category models
 */
export interface CounselorCounts {
  readonly counselorId: Ids.CounselorId
  readonly counseling: number
  readonly referrals: number
  readonly placements: number
  readonly selfFound: number
}

/**
 * One counselor's follow-up checks due in a period, read as of a day, in the
 * categories of `FollowUp.ledger`: every due check is in exactly one of
 * `onTime` (done by its due date), `late` (done after it), `overdue` (not
 * done, due before the day of reading), `pending` (not done, due that day or
 * later) and `cancelled` (no longer needed: the seeker quit).
 *
 * @since 0.1.0
 * @category models
 */
export interface FollowUpCounts {
  readonly counselorId: Ids.CounselorId
  readonly due: number
  readonly onTime: number
  readonly late: number
  readonly overdue: number
  readonly pending: number
  readonly cancelled: number
}

/**
 * One target group's results in a period: seekers of the group registered,
 * counseling sessions with seekers of the group, and placements of seekers of
 * the group that count. A seeker in two groups counts in both.
 *
 * @since 0.1.0
 * @category models
 */
export interface TargetGroupCounts {
  readonly group: Codes.TargetGroup
  readonly seekers: number
  readonly counseling: number
  readonly placements: number
}

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

  /**
   * Counts in the database with `GROUP BY` over the `@iljari/store-sql`
   * tables, on the `SqlClient` in context (SQLite or PostgreSQL). The tables
   * must exist: run `StoreSql.migrate` first, or compose with
   * `StoreSql.layerWithMigrations`.
   */
  static readonly layerSql: Layer.Layer<ReportSource, never, SqlClient.SqlClient> = Layer.effect(this, makeSql)
}

/**
 * {@link ReportSource.layerMemory}: counts in Node over the core's storage ports.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory = ReportSource.layerMemory

/**
 * {@link ReportSource.layerSql}: counts with `GROUP BY` in SQLite or PostgreSQL.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerSql = ReportSource.layerSql
