/**
 * The counts a {@link ReportSource.ReportSource} returns, one shape per
 * aggregate: what every implementation of the port (memory here, SQL in
 * `@iljari/store-sql`) produces and what the figures read. Their own module,
 * so that the port, its implementations and the figures all import them and
 * none imports another.
 *
 * @example
 * ```ts
 * import { Counts } from "@iljari/report"
 *
 * // The shapes a ReportSource answers with; an empty month to start from.
 * const may = Counts.emptyMonth("2026-05")
 * ```
 *
 * @since 0.3.0
 * @module
 */
import { Codes } from "@iljari/core"
import type { Ids, Targets } from "@iljari/core"

/**
 * One month's results (`month` is `YYYY-MM`): openings received (구인),
 * seekers registered (구직), placements that count for the center (취업),
 * placements that do not (self-found, 자체취업) and counseling sessions (상담).
 *
 * @since 0.3.0
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
 * @since 0.3.0
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
 * @since 0.3.0
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
 * @since 0.3.0
 * @category models
 */
export interface TargetGroupCounts {
  readonly group: Codes.TargetGroup
  readonly seekers: number
  readonly counseling: number
  readonly placements: number
}

/**
 * A month with nothing counted yet: the row a source gives for a month of the
 * period without records.
 *
 * @since 0.3.0
 * @category constructors
 */
export const emptyMonth = (month: string): MonthCounts => ({
  month,
  openings: 0,
  seekers: 0,
  placements: 0,
  selfFound: 0,
  counseling: 0
})

/**
 * Every target group, in the order a source lists them (that of
 * `Codes.TargetGroup`).
 *
 * @since 0.3.0
 * @category constructors
 */
export const allGroups: ReadonlyArray<Codes.TargetGroup> = Codes.TargetGroup.literals

/**
 * A target group with nothing counted yet.
 *
 * @since 0.3.0
 * @category constructors
 */
export const emptyGroup = (group: Codes.TargetGroup): TargetGroupCounts => ({ group, seekers: 0, counseling: 0, placements: 0 })

/**
 * Orders rows by counselor id, as a source returns them.
 *
 * @since 0.3.0
 * @category ordering
 */
export const byCounselorId = <A extends { readonly counselorId: string }>(a: A, b: A): number =>
  a.counselorId < b.counselorId ? -1 : a.counselorId > b.counselorId ? 1 : 0

/**
 * The months' results added up: one count per target metric, and the
 * self-found placements apart.
 *
 * @example
 * ```ts
 * import { Counts } from "@iljari/report"
 *
 * declare const months: ReadonlyArray<Counts.MonthCounts> // from the ReportSource
 * const yearToDate = Counts.sumMonths(months).placements
 * ```
 *
 * @since 0.3.0
 * @category figures
 */
export const sumMonths = (
  counts: ReadonlyArray<MonthCounts>
): Readonly<Record<Targets.Metric, number>> & { readonly selfFound: number } => ({
  openings: counts.reduce((n, c) => n + c.openings, 0),
  seekers: counts.reduce((n, c) => n + c.seekers, 0),
  placements: counts.reduce((n, c) => n + c.placements, 0),
  counseling: counts.reduce((n, c) => n + c.counseling, 0),
  selfFound: counts.reduce((n, c) => n + c.selfFound, 0)
})
