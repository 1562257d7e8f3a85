/**
 * The use case behind "plan next year's targets": a district's results of
 * the year before, counted by its {@link ReportSource} (a `GROUP BY` in the
 * database), grown by a rate and rounded (core's `Targets.plan`), each target
 * split into twelve months that sum to it (`Targets.splitByMonth`), beside
 * the targets the district works to today. An HTTP handler only decodes the
 * query, calls {@link planFromLastYear} and maps its errors.
 *
 * The plan is aggregate figures of one district: it names no person.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { TargetPlanning } from "@iljari/report"
 *
 * const next = TargetPlanning.planFromLastYear(Ids.DistrictId.make("11200"), { year: 2027 })
 * ```
 *
 * @since 0.3.0
 * @module
 */
import { type Errors, type Ids, Targets } from "@iljari/core"
import { Effect } from "effect"
import * as Period from "./Period.js"
import { ReportSource } from "./ReportSource.js"

/**
 * The growth over last year's results a plan assumes when none is given, in
 * percent.
 *
 * @since 0.3.0
 * @category defaults
 */
export const defaultGrowthPercent = 5

/**
 * What a district asks for: the year to plan, the growth in percent
 * (default {@link defaultGrowthPercent}), the unit each target is rounded to
 * (nearest; default 1) and the targets it works to today, shown beside the
 * plan.
 *
 * @since 0.3.0
 * @category models
 */
export interface PlanQuery {
  readonly year: number
  readonly growthPercent?: number | undefined
  readonly roundTo?: number | undefined
  readonly current?: Targets.MetricCounts | undefined
}

/**
 * One metric of the plan: last year's count, the exact grown figure, the
 * target, its monthly average and its twelve months, and today's target
 * when the district has one.
 *
 * @since 0.3.0
 * @category models
 */
export interface PlannedLine {
  readonly metric: Targets.Metric
  readonly baseline: number
  readonly exact: number
  readonly target: number
  readonly monthlyAverage: number
  readonly months: ReadonlyArray<number>
  readonly current?: number
}

/**
 * @since 0.3.0
 * @category models
 */
export interface PlannedYear {
  readonly year: number
  readonly baselineYear: number
  readonly growthPercent: number
  readonly lines: ReadonlyArray<PlannedLine>
}

/**
 * Plans `query.year` for a district from its results of the year before.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { TargetPlanning } from "@iljari/report"
 *
 * // 2027's targets: 2026's results grown by 5%, rounded to tens.
 * const plan = TargetPlanning.planFromLastYear(Ids.DistrictId.make("11200"), { year: 2027, growthPercent: 5, roundTo: 10 })
 * ```
 *
 * @since 0.3.0
 * @category use cases
 */
export const planFromLastYear = (
  districtId: Ids.DistrictId,
  query: PlanQuery
): Effect.Effect<PlannedYear, Targets.InvalidPlan | Targets.InvalidSplit | Errors.PersistenceError, ReportSource> =>
  Effect.gen(function*() {
    const baselineYear = query.year - 1
    const source = yield* ReportSource
    const months = yield* source.monthly(districtId, Period.year(baselineYear))
    const baseline = Object.fromEntries(
      Targets.allMetrics.map((metric) => [metric, months.reduce((n, m) => n + m[metric], 0)])
    ) as Targets.MetricCounts
    const growthPercent = query.growthPercent ?? defaultGrowthPercent
    const plan = yield* Targets.plan({
      year: query.year,
      growthPercent,
      baseline,
      rounding: { mode: "nearest", unit: query.roundTo ?? 1 }
    })
    const lines = yield* Effect.forEach(plan.lines, (line) =>
      Effect.map(Targets.splitByMonth(line.target), (months): PlannedLine => {
        const current = query.current?.[line.metric]
        return {
          metric: line.metric,
          baseline: line.baseline,
          exact: line.exact,
          target: line.target,
          monthlyAverage: line.monthlyAverage,
          months,
          ...(current === undefined ? {} : { current })
        }
      }))
    return { year: plan.year, baselineYear, growthPercent, lines }
  })
