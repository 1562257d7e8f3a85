/**
 * Targets (목표관리제): a district plans each year's targets from last year's
 * results and a growth rate, splits them into months and among its
 * counselors, and follows the pace week by week, month by month and for the
 * year to date, with a projection of where the year will end.
 *
 * Everything here is a pure function of counts. Targets never looks at a
 * placement record: the caller passes the number of placements that **count**
 * (the JobCenter use case leaves out post-hoc placements, 사후취업, and other
 * improper records), so a target can only ever be met by real results.
 *
 * Every figure a district may choose — growth, rounding, hand-set targets,
 * month weights, counselor weights, the pace tolerance — is a value passed in;
 * the defaults are exported and documented.
 *
 * Why one module of this size (about 900 lines): plan, splits, schedules,
 * pace and projection are one calculation from the year's target to today's
 * expected count, sharing the month weights, the rounding and the largest-
 * remainder split; the sections below are marked.
 *
 * @example
 * ```ts
 * import { Ids, Targets } from "@iljari/core"
 * import { Either } from "effect"
 *
 * // Next year's placements: 5% over this year's 914, rounded to tens, split over the months.
 * const annual = Targets.round(Targets.grow(914, 5), { mode: "nearest", unit: 10 })
 * const months = Targets.splitByMonth(annual)
 * // January's placements among three counselors.
 * const january = Either.flatMap(months, (byMonth) =>
 *   Targets.splitEqually(byMonth[0] ?? 0, [Ids.CounselorId.make("counselor-01"), Ids.CounselorId.make("counselor-02"), Ids.CounselorId.make("counselor-03")])
 * )
 * ```
 *
 * @since 0.1.0
 * @module
 * @category targets
 */
import { Either, Schema } from "effect"
import { CounselorId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Rounding from "../kernel/Rounding.js"

// ---------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------

const metrics = codeSet("TargetMetric", [
  ["openings", { ko: "구인", en: "Job openings" }],
  ["seekers", { ko: "구직", en: "Job seekers" }],
  ["placements", { ko: "취업", en: "Placements" }],
  ["counseling", { ko: "상담", en: "Counseling sessions" }]
])

/**
 * What a target is set for: openings received (구인), seekers registered
 * (구직), placements (취업) and counseling sessions (상담).
 *
 * @since 0.1.0
 * @category metrics
 */
export const Metric = metrics.schema
/** @since 0.1.0 @category metrics */
export type Metric = typeof Metric.Type
/** @since 0.1.0 @category metrics */
export const metricLabel = metrics.label

/**
 * Every metric, in the order a target table lists them.
 *
 * @since 0.1.0
 * @category metrics
 */
export const allMetrics: ReadonlyArray<Metric> = metrics.codes

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/**
 * A plan request that cannot be planned: a growth below -100%, a rounding
 * unit below 1, a count that is not a whole number, a hand-set target for a
 * metric without a baseline.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidPlan extends Schema.TaggedError<InvalidPlan>()("InvalidPlan", {
  /** The field at fault, written as a form path, e.g. `growthPercent` or `overrides.seekers`. */
  field: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `Cannot plan targets: ${this.field} ${this.reason}`
  }
}

/**
 * A split that cannot be made: a total that is not a whole number, no one to
 * split among, a negative weight, weights that sum to 0, a counselor listed
 * twice.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidSplit extends Schema.TaggedError<InvalidSplit>()("InvalidSplit", {
  total: Schema.Number,
  reason: Schema.String
}) {
  override get message(): string {
    return `Cannot split ${this.total}: ${this.reason}`
  }
}

// The rules live once, here, and serve both the schemas (decoding user input)
// and the functions (which refuse the same values when called directly).
const countIssue = (n: number): string | undefined =>
  Number.isSafeInteger(n) && n >= 0 ? undefined : `must be a whole number of at least 0; got ${n}`

const growthIssue = (n: number): string | undefined =>
  Number.isFinite(n) && n >= -100
    ? undefined
    : `must be a growth in percent of at least -100 (a target cannot fall below zero), e.g. 5 for +5%; got ${n}`

const weightIssue = (n: number): string | undefined =>
  Number.isFinite(n) && n >= 0 ? undefined : `must be a number of at least 0; got ${n}`

const toleranceIssue = (n: number): string | undefined =>
  Number.isFinite(n) && n >= 0 && n < 1 ? undefined : `must be a fraction from 0 up to (not including) 1, e.g. 0.05 for ±5%; got ${n}`

const yearIssue = (n: number): string | undefined =>
  Number.isSafeInteger(n) && n >= 1900 && n <= 2199 ? undefined : `must be a year from 1900 to 2199; got ${n}`

const checked = (rule: (n: number) => string | undefined, identifier: string) =>
  Schema.Number.pipe(Schema.filter((n) => rule(n) ?? true)).annotations({ identifier })

// ---------------------------------------------------------------------------
// Schemas of the configuration and of a plan request
// ---------------------------------------------------------------------------

/**
 * A whole count of at least 0: a result, a target, a hand-set figure.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Count = checked(countIssue, "TargetCount")

/**
 * A plan year, 1900–2199 (the range of `LocalDate`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Year = checked(yearIssue, "TargetYear")

/**
 * Growth over the baseline in percent: `5` is +5%, `-10` is −10%. At least
 * −100, since a target cannot be negative.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GrowthPercent = checked(growthIssue, "GrowthPercent")

/**
 * A share weight of at least 0 (a month's or a counselor's). Weights are
 * relative: `[2, 1, 1]` and `[0.5, 0.25, 0.25]` split alike.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Weight = checked(weightIssue, "TargetWeight")

/**
 * The rounding used unless a plan names its own: to the nearest whole number.
 * A plan's rounding is a `Rounding.Rounding`, the project's one policy type;
 * targets are whole counts, so a plan refuses a policy with decimals.
 *
 * @since 0.1.0
 * @category rounding
 */
export const defaultRounding: Rounding.Rounding = { mode: "nearest", unit: 1 }

/**
 * A count per metric; a metric left out has no figure.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MetricCounts = Schema.Struct({
  openings: Schema.optionalWith(Count, { exact: true }),
  seekers: Schema.optionalWith(Count, { exact: true }),
  placements: Schema.optionalWith(Count, { exact: true }),
  counseling: Schema.optionalWith(Count, { exact: true })
}).annotations({ identifier: "MetricCounts" })
/** @since 0.1.0 @category schemas */
export type MetricCounts = typeof MetricCounts.Type

interface Issue {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

// Rules that involve more than one field of a request.
const crossIssues = (request: {
  readonly baseline: MetricCounts
  readonly overrides?: MetricCounts
  readonly rounding?: Rounding.Rounding
}): ReadonlyArray<Issue> => [
  ...((request.rounding?.decimals ?? 0) === 0
    ? []
    : [{ path: ["rounding", "decimals"], message: "must be 0: a target is a whole count" }]),
  ...(allMetrics.some((metric) => request.baseline[metric] !== undefined)
    ? []
    : [{ path: ["baseline"], message: "must give the result of at least one metric" }]),
  ...allMetrics
    .filter((metric) => request.overrides?.[metric] !== undefined && request.baseline[metric] === undefined)
    .map((metric) => ({
      path: ["overrides", metric],
      message: `sets a ${metric} target by hand but the baseline has no ${metric} result to plan from`
    }))
]

/**
 * A request to plan a year's targets: the baseline (usually last year's
 * results), the growth, the rounding (default {@link defaultRounding}) and
 * hand-set targets that replace the computed ones, as when a district
 * rounds 6,923.7 to 6,930 by hand. Decode user input with
 * `Validation.decode(Targets.PlanRequest)`.
 *
 * @since 0.1.0
 * @category plan
 */
export const PlanRequest = Schema.Struct({
  year: Year,
  growthPercent: GrowthPercent,
  baseline: MetricCounts,
  rounding: Schema.optionalWith(Rounding.Rounding, { exact: true }),
  overrides: Schema.optionalWith(MetricCounts, { exact: true })
}).pipe(
  Schema.filter((request) => crossIssues(request))
).annotations({ identifier: "PlanRequest" })
/** @since 0.1.0 @category plan */
export type PlanRequest = typeof PlanRequest.Type

// ---------------------------------------------------------------------------
// Rounding and growth
// ---------------------------------------------------------------------------

/**
 * A baseline grown by a percentage, unrounded: `grow(2_664, 5)` is 2,797.2.
 *
 * @since 0.1.0
 * @category rounding
 */
export const grow = (baseline: number, growthPercent: number): number => (baseline * (100 + growthPercent)) / 100

/**
 * Rounds a figure of at least 0 by a policy, by default
 * {@link defaultRounding}: `round(6_923.7, { mode: "nearest", unit: 10 })` is
 * 6,920. Halves round up. It is `Rounding.round` with the targets' default.
 *
 * @since 0.1.0
 * @category rounding
 */
export const round = (value: number, rounding: Rounding.Rounding = defaultRounding): number => Rounding.round(value, rounding)

/**
 * The monthly average a target table shows: the annual target divided by 12,
 * rounded down (2,800 → 233). The 12 months of {@link splitByMonth} add up to
 * the annual target instead; some of them are one more than this average.
 *
 * @since 0.1.0
 * @category plan
 */
export const monthlyAverage = (annual: number): number => Math.floor(annual / 12)

// ---------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------

/**
 * One row of a target table.
 *
 * @since 0.1.0
 * @category plan
 */
export interface PlanLine {
  readonly metric: Metric
  /** The baseline result, e.g. last year's 2,664 openings. */
  readonly baseline: number
  /** The baseline grown, unrounded (2,797.2). */
  readonly exact: number
  /** `exact` rounded by the plan's policy. */
  readonly rounded: number
  /** The target: the hand-set figure when there is one, else `rounded`. */
  readonly target: number
  /** Whether `target` was set by hand. */
  readonly overridden: boolean
  /** {@link monthlyAverage} of the target. */
  readonly monthlyAverage: number
}

/**
 * A year's targets, one line per metric in the baseline, in the order of
 * {@link allMetrics}.
 *
 * @since 0.1.0
 * @category plan
 */
export interface Plan {
  readonly year: number
  readonly growthPercent: number
  /** The rounding that was applied (the default when the request named none). */
  readonly rounding: Rounding.Rounding
  readonly lines: ReadonlyArray<PlanLine>
}

const roundingIssues = (rounding: Rounding.Rounding): ReadonlyArray<Issue> => {
  const problem = Rounding.issue(rounding)
  return problem === undefined ? [] : [{ path: ["rounding", problem.field], message: problem.reason }]
}

const requestIssues = (request: PlanRequest): ReadonlyArray<Issue> => {
  const field = (path: ReadonlyArray<string>, message: string | undefined): ReadonlyArray<Issue> =>
    message === undefined ? [] : [{ path, message }]
  const counts = (name: string, values: MetricCounts | undefined) =>
    allMetrics.flatMap((metric) => {
      const value = values?.[metric]
      return value === undefined ? [] : field([name, metric], countIssue(value))
    })
  return [
    ...field(["year"], yearIssue(request.year)),
    ...field(["growthPercent"], growthIssue(request.growthPercent)),
    ...(request.rounding === undefined ? [] : roundingIssues(request.rounding)),
    ...counts("baseline", request.baseline),
    ...counts("overrides", request.overrides),
    ...crossIssues(request)
  ]
}

/**
 * Plans a year: each baseline figure is grown by the growth rate, rounded by
 * the policy, and replaced by its hand-set override when there is one. Fails
 * with {@link InvalidPlan} on a request the {@link PlanRequest} schema would
 * refuse.
 *
 * @since 0.1.0
 * @category plan
 */
export const plan = (request: PlanRequest): Either.Either<Plan, InvalidPlan> => {
  const issue = requestIssues(request)[0]
  if (issue !== undefined) {
    return Either.left(new InvalidPlan({ field: issue.path.map(String).join("."), reason: issue.message }))
  }
  const rounding = request.rounding ?? defaultRounding
  const lines = allMetrics.flatMap((metric): ReadonlyArray<PlanLine> => {
    const baseline = request.baseline[metric]
    if (baseline === undefined) return []
    const exact = grow(baseline, request.growthPercent)
    const rounded = round(exact, rounding)
    const override = request.overrides?.[metric]
    const target = override ?? rounded
    return [{ metric, baseline, exact, rounded, target, overridden: override !== undefined, monthlyAverage: monthlyAverage(target) }]
  })
  return Either.right({ year: request.year, growthPercent: request.growthPercent, rounding, lines })
}

/**
 * The target a plan sets for a metric, or `undefined` when it sets none.
 *
 * @since 0.1.0
 * @category plan
 */
export const targetOf = (plan: Plan, metric: Metric): number | undefined =>
  plan.lines.find((line) => line.metric === metric)?.target

// ---------------------------------------------------------------------------
// Splits
// ---------------------------------------------------------------------------

// Largest remainder (Hamilton): everyone gets the floor of their exact share,
// and the units left over go one each to the largest remainders, ties to the
// lower index. Assumes a valid total and weights with a positive sum.
const largestRemainder = (total: number, weights: ReadonlyArray<number>): ReadonlyArray<number> => {
  const sum = weights.reduce((a, b) => a + b, 0)
  const quotas = weights.map((weight) => (total * weight) / sum)
  const parts = quotas.map(Math.floor)
  const remainder = (i: number) => (quotas[i] ?? 0) - (parts[i] ?? 0)
  // A zero weight never receives a leftover unit: an absent counselor gets 0.
  const order = weights
    .map((weight, i) => ({ weight, i }))
    .filter(({ weight }) => weight > 0)
    .map(({ i }) => i)
    .sort((a, b) => remainder(b) - remainder(a) || a - b)
  let leftover = total - parts.reduce((a, b) => a + b, 0)
  // In exact arithmetic 0 ≤ leftover < order.length; the loops also absorb
  // floating-point drift of a unit either way.
  for (let k = 0; leftover > 0; k++, leftover--) {
    const i = order[k % order.length]!
    parts[i] = (parts[i] ?? 0) + 1
  }
  for (let k = order.length - 1; leftover < 0; k = (k - 1 + order.length) % order.length) {
    const i = order[k]!
    if ((parts[i] ?? 0) > 0) {
      parts[i] = (parts[i] ?? 0) - 1
      leftover++
    }
  }
  return parts
}

const splitIssue = (
  total: number,
  weights: ReadonlyArray<number>,
  name: (index: number) => string,
  nothing: string
): InvalidSplit | undefined => {
  const totalProblem = countIssue(total)
  if (totalProblem !== undefined) return new InvalidSplit({ total, reason: `the total ${totalProblem}` })
  if (weights.length === 0) return new InvalidSplit({ total, reason: nothing })
  const bad = weights.findIndex((weight) => weightIssue(weight) !== undefined)
  if (bad >= 0) return new InvalidSplit({ total, reason: `the weight of ${name(bad)} ${weightIssue(weights[bad]!)}` })
  if (weights.reduce((a, b) => a + b, 0) <= 0) {
    return new InvalidSplit({ total, reason: "the weights sum to 0, so no one can receive a share" })
  }
  return undefined
}

/**
 * Splits a whole number into whole parts proportional to the weights, by the
 * largest-remainder method: the parts sum exactly to the total, each is the
 * floor or the ceiling of its exact share, a weight of 0 gets 0, and ties go
 * to the lower index.
 *
 * @since 0.1.0
 * @category splits
 */
export const apportion = (
  total: number,
  weights: ReadonlyArray<number>
): Either.Either<ReadonlyArray<number>, InvalidSplit> => {
  const issue = splitIssue(total, weights, (i) => `part ${i + 1}`, "there is nothing to split it among")
  return issue === undefined ? Either.right(largestRemainder(total, weights)) : Either.left(issue)
}

const monthNumbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const

/**
 * Twelve weights, January to December, of at least 0 and not all 0.
 *
 * @since 0.1.0
 * @category splits
 */
export const MonthWeights = Schema.Array(Weight).pipe(
  Schema.filter((weights) =>
    weights.length !== 12
      ? `must give 12 weights, January to December; got ${weights.length}`
      : weights.some((weight) => weight > 0) || "must not all be 0"
  )
).annotations({ identifier: "MonthWeights" })
/** @since 0.1.0 @category splits */
export type MonthWeights = typeof MonthWeights.Type

/**
 * Every month weighs the same: the default, matching a target table that
 * gives one monthly average for every month.
 *
 * @since 0.1.0
 * @category splits
 */
export const equalMonths: MonthWeights = monthNumbers.map(() => 1)

/**
 * Each month weighs its number of days (February less), which makes the
 * pace and the projection linear in the days elapsed. For weights by
 * business days, count them with a holiday calendar and pass the counts.
 *
 * @since 0.1.0
 * @category splits
 */
export const calendarDayWeights = (year: number): MonthWeights =>
  monthNumbers.map((month) => LocalDate.daysInMonth(year, month))

/**
 * Splits an annual target into 12 monthly targets that sum exactly to it
 * (largest remainder; a unit left over goes to the earlier month on a tie).
 * With {@link equalMonths}, 2,800 gives 234 for January to April and 233 for
 * the other months.
 *
 * @since 0.1.0
 * @category splits
 */
export const splitByMonth = (
  annual: number,
  weights: MonthWeights = equalMonths
): Either.Either<ReadonlyArray<number>, InvalidSplit> => {
  if (weights.length !== 12) {
    return Either.left(
      new InvalidSplit({ total: annual, reason: `there must be 12 month weights, January to December; got ${weights.length}` })
    )
  }
  const issue = splitIssue(annual, weights, (i) => `month ${i + 1}`, "there are no months")
  return issue === undefined ? Either.right(largestRemainder(annual, weights)) : Either.left(issue)
}

/**
 * A counselor's share of a target; the weight defaults to 1 (an equal
 * share). Weight a part-time counselor 0.5 and an absent one 0.
 *
 * @since 0.1.0
 * @category splits
 */
export const CounselorShare = Schema.Struct({
  counselorId: CounselorId,
  weight: Schema.optionalWith(Weight, { exact: true })
}).annotations({ identifier: "CounselorShare" })
/** @since 0.1.0 @category splits */
export type CounselorShare = typeof CounselorShare.Type

const sharesIssues = (shares: ReadonlyArray<CounselorShare>): ReadonlyArray<Issue> => {
  if (shares.length === 0) return [{ path: [], message: "must name at least one counselor" }]
  const seen = new Set<string>()
  const duplicates = shares.flatMap((share, i) => {
    const repeated = seen.has(share.counselorId)
    seen.add(share.counselorId)
    return repeated ? [{ path: [i, "counselorId"], message: `repeats counselor ${share.counselorId}` }] : []
  })
  const weights = shares.map((share) => share.weight ?? 1)
  // A negative weight is the weight's own issue; only valid weights can sum to 0.
  const allZero = weights.every((weight) => weightIssue(weight) === undefined) &&
    weights.reduce((a, b) => a + b, 0) <= 0
  return [...duplicates, ...(allZero ? [{ path: [], message: "gives every counselor a weight of 0" }] : [])]
}

/**
 * The counselors a target is split among, each at most once, with weights
 * that are not all 0.
 *
 * @since 0.1.0
 * @category splits
 */
export const CounselorShares = Schema.Array(CounselorShare).pipe(
  Schema.filter((shares) => sharesIssues(shares))
).annotations({ identifier: "CounselorShares" })
/** @since 0.1.0 @category splits */
export type CounselorShares = typeof CounselorShares.Type

/**
 * One counselor's part of a target.
 *
 * @since 0.1.0
 * @category splits
 */
export interface CounselorTarget {
  readonly counselorId: CounselorId
  readonly target: number
}

/**
 * Splits a target among counselors by weight (largest remainder): the parts
 * sum exactly to the total, and a unit left over goes to the lower counselor
 * id on a tie, so the result does not depend on the order of the list. The
 * result is in the order of `shares`.
 *
 * @since 0.1.0
 * @category splits
 */
export const splitAmongCounselors = (
  total: number,
  shares: ReadonlyArray<CounselorShare>
): Either.Either<ReadonlyArray<CounselorTarget>, InvalidSplit> => {
  const totalProblem = countIssue(total)
  if (totalProblem !== undefined) return Either.left(new InvalidSplit({ total, reason: `the total ${totalProblem}` }))
  const sharesProblem = sharesIssues(shares)[0]
  if (sharesProblem !== undefined) {
    return Either.left(new InvalidSplit({ total, reason: `the counselor list ${sharesProblem.message}` }))
  }
  // Sort by id so that ties are broken by id, whatever the order given.
  const byId = shares
    .map((share, index) => ({ share, index }))
    .sort((a, b) => (a.share.counselorId < b.share.counselorId ? -1 : a.share.counselorId > b.share.counselorId ? 1 : 0))
  const weights = byId.map(({ share }) => share.weight ?? 1)
  const issue = splitIssue(total, weights, (i) => `counselor ${byId[i]!.share.counselorId}`, "there are no counselors")
  if (issue !== undefined) return Either.left(issue)
  const parts = largestRemainder(total, weights)
  const targets: Array<number> = shares.map(() => 0)
  byId.forEach(({ index }, i) => {
    targets[index] = parts[i] ?? 0
  })
  return Either.right(shares.map((share, i) => ({ counselorId: share.counselorId, target: targets[i] ?? 0 })))
}

/**
 * Splits a target equally among counselors: the parts differ by at most 1,
 * and the extra units go to the lowest ids.
 *
 * @since 0.1.0
 * @category splits
 */
export const splitEqually = (
  total: number,
  counselorIds: ReadonlyArray<CounselorId>
): Either.Either<ReadonlyArray<CounselorTarget>, InvalidSplit> =>
  splitAmongCounselors(total, counselorIds.map((counselorId) => ({ counselorId })))

// ---------------------------------------------------------------------------
// Schedules and pace
// ---------------------------------------------------------------------------

/**
 * One annual target laid out over its year: the 12 monthly targets of
 * {@link splitByMonth}. Within a month every day expects the same share of
 * the month's target, so the expected count for any stretch of days follows.
 *
 * @since 0.1.0
 * @category pace
 */
export interface Schedule {
  readonly year: number
  readonly annual: number
  /** January to December; they sum to `annual`. */
  readonly months: ReadonlyArray<number>
}

/**
 * Lays out an annual target (the whole center's, or one counselor's) over
 * its year with the month weights (default {@link equalMonths}).
 *
 * @since 0.1.0
 * @category pace
 */
export const schedule = (
  year: number,
  annual: number,
  weights: MonthWeights = equalMonths
): Either.Either<Schedule, InvalidPlan | InvalidSplit> => {
  const problem = yearIssue(year)
  if (problem !== undefined) return Either.left(new InvalidPlan({ field: "year", reason: problem }))
  return Either.map(splitByMonth(annual, weights), (months) => ({ year, annual, months }))
}

const periods = codeSet("PacePeriod", [
  ["week", { ko: "주간", en: "Week to date" }],
  ["month", { ko: "월간", en: "Month to date" }],
  ["year", { ko: "연간 누계", en: "Year to date" }]
])

/**
 * The stretch a pace is read over: the week (from Monday), the month, or the
 * year, up to the day of the reading.
 *
 * @since 0.1.0
 * @category pace
 */
export const PacePeriod = periods.schema
/** @since 0.1.0 @category pace */
export type PacePeriod = typeof PacePeriod.Type
/** @since 0.1.0 @category pace */
export const pacePeriodLabel = periods.label

const statuses = codeSet("PaceStatus", [
  ["ahead", { ko: "초과", en: "Ahead" }],
  ["on-track", { ko: "정상", en: "On track" }],
  ["behind", { ko: "미달", en: "Behind" }]
])

/**
 * Where the actual stands against the expected: more than the tolerance
 * above (`ahead`), within it (`on-track`) or more than it below (`behind`).
 *
 * @since 0.1.0
 * @category pace
 */
export const PaceStatus = statuses.schema
/** @since 0.1.0 @category pace */
export type PaceStatus = typeof PaceStatus.Type
/** @since 0.1.0 @category pace */
export const paceStatusLabel = statuses.label

/**
 * How a pace is judged: `tolerance` is the fraction of the expected count
 * the actual may miss or exceed and still be on track.
 *
 * @since 0.1.0
 * @category pace
 */
export const PaceOptions = Schema.Struct({
  tolerance: checked(toleranceIssue, "PaceTolerance")
}).annotations({ identifier: "PaceOptions" })
/** @since 0.1.0 @category pace */
export type PaceOptions = typeof PaceOptions.Type

/**
 * The pace options used unless a district passes its own: on track within
 * ±5% of the expected count.
 *
 * @since 0.1.0
 * @category pace
 */
export const defaultPaceOptions: PaceOptions = { tolerance: 0.05 }

const firstDay = (s: Schedule): LocalDate.LocalDate => LocalDate.make(s.year, 1, 1)
const lastDay = (s: Schedule): LocalDate.LocalDate => LocalDate.make(s.year, 12, 31)
const clamp = (s: Schedule, date: LocalDate.LocalDate): LocalDate.LocalDate =>
  LocalDate.max(firstDay(s), LocalDate.min(lastDay(s), date))

// Both ends inside the schedule's year. A whole month expects exactly its
// target, so month and year-end figures are whole numbers.
const expectedWithin = (s: Schedule, from: LocalDate.LocalDate, to: LocalDate.LocalDate): number => {
  if (from > to) return 0
  const a = LocalDate.parts(from)
  const b = LocalDate.parts(to)
  let sum = 0
  for (let month = a.month; month <= b.month; month++) {
    const days = LocalDate.daysInMonth(s.year, month)
    const first = month === a.month ? a.day : 1
    const last = month === b.month ? b.day : days
    const target = s.months[month - 1] ?? 0
    sum += last - first + 1 === days ? target : (target * (last - first + 1)) / days
  }
  return sum
}

/**
 * The count a schedule expects from `from` to `to`, both days included; days
 * outside the schedule's year expect nothing.
 *
 * @since 0.1.0
 * @category pace
 */
export const expectedBetween = (s: Schedule, from: LocalDate.LocalDate, to: LocalDate.LocalDate): number =>
  expectedWithin(s, LocalDate.max(from, firstDay(s)), LocalDate.min(to, lastDay(s)))

/**
 * The days a pace covers: `from` to `to` (the day of the reading) and the
 * period's last day `end`, all within the schedule's year.
 *
 * @since 0.1.0
 * @category pace
 */
export interface PeriodRange {
  readonly from: LocalDate.LocalDate
  readonly to: LocalDate.LocalDate
  readonly end: LocalDate.LocalDate
}

/**
 * The days of a period as of a date. The date is clamped into the schedule's
 * year (a reading after December 31 reads the whole year), and a week that
 * crosses New Year is cut at the year's edge, since the other days belong to
 * another year's plan. Count the actual over `from`–`to`.
 *
 * @since 0.1.0
 * @category pace
 */
export const periodRange = (s: Schedule, period: PacePeriod, asOf: LocalDate.LocalDate): PeriodRange => {
  const to = clamp(s, asOf)
  if (period === "year") return { from: firstDay(s), to, end: lastDay(s) }
  if (period === "month") return { from: LocalDate.startOfMonth(to), to, end: LocalDate.endOfMonth(to) }
  const monday = LocalDate.startOfWeek(to)
  return { from: clamp(s, monday), to, end: clamp(s, LocalDate.addDays(monday, 6)) }
}

/**
 * A pace reading: what was expected so far in the period, what was achieved,
 * and the verdict.
 *
 * @since 0.1.0
 * @category pace
 */
export interface Pace extends PeriodRange {
  readonly period: PacePeriod
  /** What the whole period expects (`from`–`end`). */
  readonly target: number
  /** What the period expects so far (`from`–`to`); not rounded. */
  readonly expected: number
  /** The count achieved over `from`–`to`, as passed in. */
  readonly actual: number
  /** `actual − expected`: positive when ahead. */
  readonly difference: number
  /** `actual ÷ expected`, or `undefined` while nothing is expected yet. */
  readonly ratio: number | undefined
  readonly status: PaceStatus
}

const statusOf = (actual: number, expected: number, tolerance: number): PaceStatus => {
  if (expected <= 0) return actual > 0 ? "ahead" : "on-track"
  const ratio = actual / expected
  return ratio > 1 + tolerance ? "ahead" : ratio < 1 - tolerance ? "behind" : "on-track"
}

/**
 * Reads the pace of a schedule for a week, month or year to date. `actual`
 * is the count achieved over the period's `from`–`to` (see
 * {@link periodRange}) and, for placements, counts only placements that
 * count.
 *
 * @since 0.1.0
 * @category pace
 */
export const pace = (
  s: Schedule,
  period: PacePeriod,
  asOf: LocalDate.LocalDate,
  actual: number,
  options: PaceOptions = defaultPaceOptions
): Pace => {
  const range = periodRange(s, period, asOf)
  const expected = expectedWithin(s, range.from, range.to)
  return {
    period,
    ...range,
    target: expectedWithin(s, range.from, range.end),
    expected,
    actual,
    difference: actual - expected,
    ratio: expected > 0 ? actual / expected : undefined,
    status: statusOf(actual, expected, options.tolerance)
  }
}

// ---------------------------------------------------------------------------
// Projection
// ---------------------------------------------------------------------------

/**
 * Where the year is heading at the current pace.
 *
 * @since 0.1.0
 * @category projection
 */
export interface Projection {
  /** The day of the reading, clamped into the year. */
  readonly asOf: LocalDate.LocalDate
  /** The count achieved in the year so far. */
  readonly actual: number
  /** What the schedule expected by `asOf`. */
  readonly expected: number
  /** The annual target. */
  readonly target: number
  /** The projected year-end count; not rounded, never below `actual`. */
  readonly projected: number
  /** `projected − target`: positive when the year is heading above target. */
  readonly gap: number
  /** The year-to-date pace's status, which the projection shares. */
  readonly status: PaceStatus
}

/**
 * Projects the year-end count from the year to date: the actual scaled by
 * the share of the year's target expected so far (`actual × target ÷
 * expected`). With {@link calendarDayWeights} that is linear in the days
 * elapsed. It equals the actual at year end, is never below it, and is above
 * the target exactly when the year-to-date pace is above expected. While
 * nothing is expected yet it is the actual plus the whole target.
 *
 * @since 0.1.0
 * @category projection
 */
export const project = (
  s: Schedule,
  asOf: LocalDate.LocalDate,
  actualYearToDate: number,
  options: PaceOptions = defaultPaceOptions
): Projection => {
  const ytd = pace(s, "year", asOf, actualYearToDate, options)
  const projected = ytd.expected > 0
    ? Math.max(actualYearToDate, (actualYearToDate * s.annual) / ytd.expected)
    : actualYearToDate + s.annual
  return {
    asOf: ytd.to,
    actual: actualYearToDate,
    expected: ytd.expected,
    target: s.annual,
    projected,
    gap: projected - s.annual,
    status: ytd.status
  }
}
