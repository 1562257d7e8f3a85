/**
 * What the district achieved — per target metric, from its records — and its
 * pace against the year's targets (목표관리제).
 *
 * @since 0.2.0
 */
import { DateTime, Effect } from "effect"
import { CounselingRepository } from "../casework/Counseling.js"
import { PlacementRepository } from "../casework/Placement.js"
import * as LocalDate from "../kernel/LocalDate.js"
import { type Actor, today } from "../kernel/UseCase.js"
import { OpeningRepository } from "../registry/Opening.js"
import { SeekerRepository } from "../registry/Seeker.js"
import * as Targets from "./Targets.js"

/**
 * What the district achieved in a period, per target metric. Only placements
 * that count for the center are counted.
 *
 * @since 0.1.0
 * @category targets
 */
export const results = (actor: Actor, period: { readonly from: LocalDate.LocalDate; readonly to: LocalDate.LocalDate }) =>
  Effect.gen(function*() {
    const within = (date: LocalDate.LocalDate) => date >= period.from && date <= period.to
    const [seekers, openings, placements, counselings] = yield* Effect.all([
      Effect.flatMap(SeekerRepository, (repo) => repo.list(actor.districtId)),
      Effect.flatMap(OpeningRepository, (repo) => repo.list(actor.districtId)),
      Effect.flatMap(PlacementRepository, (repo) => repo.listStartedBetween(actor.districtId, period.from, period.to)),
      Effect.flatMap(CounselingRepository, (repo) => repo.listHeldBetween(actor.districtId, period.from, period.to))
    ])
    return {
      seekers: seekers.filter((row) =>
        within(LocalDate.fromEpochMillisInKorea(DateTime.toEpochMillis(row.value.registeredAt)))
      ).length,
      openings: openings.filter((row) => within(row.value.openedOn)).length,
      placements: placements.filter((row) => row.value.countsForCenter).length,
      counseling: counselings.length
    }
  })

/**
 * A metric's pace for the period containing today, and its year-end
 * projection.
 *
 * @since 0.1.0
 * @category targets
 */
export interface MetricPace {
  readonly metric: Targets.Metric
  readonly pace: Targets.Pace
  readonly projection: Targets.Projection
}

/**
 * The district's pace against its annual targets (목표관리제) as of today:
 * expected vs actual for the week, month or year to date, and the year-end
 * projection, from the records themselves (only counting placements).
 *
 * @since 0.1.0
 * @category targets
 */
export const targetPace = (
  actor: Actor,
  request: {
    readonly year: number
    /** The annual target per metric, e.g. a `Targets.plan`'s or one counselor's share. */
    readonly targets: Targets.MetricCounts
    readonly period: Targets.PacePeriod
    readonly weights?: Targets.MonthWeights
    readonly options?: Targets.PaceOptions
  }
) =>
  Effect.gen(function*() {
    const asOf = yield* today
    const readings: Array<MetricPace> = []
    for (const metric of Targets.allMetrics) {
      const annual = request.targets[metric]
      if (annual === undefined) continue
      const schedule = yield* Targets.schedule(request.year, annual, request.weights)
      const range = Targets.periodRange(schedule, request.period, asOf)
      const yearToDate = Targets.periodRange(schedule, "year", asOf)
      const inPeriod = yield* results(actor, range)
      const inYear = yield* results(actor, yearToDate)
      readings.push({
        metric,
        pace: Targets.pace(schedule, request.period, asOf, inPeriod[metric], request.options),
        projection: Targets.project(schedule, asOf, inYear[metric], request.options)
      })
    }
    return readings
  })

