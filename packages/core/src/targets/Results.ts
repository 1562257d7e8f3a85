/**
 * What the district achieved — per target metric, from its records — and its
 * pace against the year's targets (목표관리제).
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import type * as LocalDate from "../kernel/LocalDate.js"
import { type Actor, checkPeriod, today } from "../kernel/UseCase.js"
import { ResultCounts } from "./ResultCounts.js"
import * as Targets from "./Targets.js"

/**
 * What the district achieved in a period, per target metric: seekers
 * registered (on a day of the period in Korea), openings opened, placements
 * started that count for the center, counseling sessions held. Counted by
 * the `ResultCounts` port, where the records are.
 *
 * @example
 * ```ts
 * import { JobCenter, LocalDate } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const may = JobCenter.results(actor, { from: LocalDate.make(2026, 5, 1), to: LocalDate.make(2026, 5, 31) })
 * ```
 *
 * @since 0.1.0
 * @category targets
 */
export const results = (actor: Actor, period: { readonly from: LocalDate.LocalDate; readonly to: LocalDate.LocalDate }) =>
  Effect.zipRight(
    checkPeriod("Period", period),
    Effect.flatMap(ResultCounts, (counts) => counts.count(actor.districtId, { from: period.from, to: period.to }))
  )

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
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // This month's results against the year's targets, split evenly over the months.
 * const pace = JobCenter.targetPace(actor, {
 *   year: 2026,
 *   targets: { seekers: 2400, counseling: 6000, openings: 1800, placements: 960 },
 *   period: "month"
 * })
 * ```
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
    // Every metric reads the same two ranges: count each once.
    const counted = new Map<string, Effect.Effect.Success<ReturnType<typeof results>>>()
    const countsOf = (range: { readonly from: LocalDate.LocalDate; readonly to: LocalDate.LocalDate }) =>
      Effect.gen(function*() {
        const key = `${range.from}/${range.to}`
        const known = counted.get(key)
        if (known !== undefined) return known
        const fresh = yield* results(actor, range)
        counted.set(key, fresh)
        return fresh
      })
    for (const metric of Targets.allMetrics) {
      const annual = request.targets[metric]
      if (annual === undefined) continue
      const schedule = yield* Targets.schedule(request.year, annual, request.weights)
      const range = Targets.periodRange(schedule, request.period, asOf)
      const yearToDate = Targets.periodRange(schedule, "year", asOf)
      const inPeriod = yield* countsOf(range)
      const inYear = yield* countsOf(yearToDate)
      readings.push({
        metric,
        pace: Targets.pace(schedule, request.period, asOf, inPeriod[metric], request.options),
        projection: Targets.project(schedule, asOf, inYear[metric], request.options)
      })
    }
    return readings
  })

