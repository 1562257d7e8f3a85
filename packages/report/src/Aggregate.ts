/**
 * The counts a report needs, computed in Node over the few fields of each
 * record that matter ("facts"). The memory source maps the core's models to
 * facts; the benchmark's row-pulling path maps parsed rows to the same facts,
 * and the shared source suite checks every `ReportSource` against it, so all
 * of them aggregate with exactly this code.
 *
 * @example
 * ```ts
 * import { Aggregate, Period } from "@iljari/report"
 *
 * declare const facts: Parameters<typeof Aggregate.monthly>[1]
 * // Each month's counts, computed in Node from the few fields that matter.
 * const months = Aggregate.monthly(Period.month(2026, 5), facts)
 * ```
 *
 * @since 0.2.0
 * @module
 */
import type { Codes, Ids, LocalDate } from "@iljari/core"
import { allGroups, byCounselorId, type CounselorCounts, emptyGroup, emptyMonth, type FollowUpCounts, type MonthCounts, type TargetGroupCounts } from "./Counts.js"
import * as Period from "./Period.js"

/**
 * A seeker as the aggregations see it: the registration day and the target groups.
 *
 * @since 0.2.0
 * @category facts
 */
export interface SeekerFact {
  readonly id: string
  /** The registration day in Korea. */
  readonly registeredOn: LocalDate.LocalDate
  readonly targetGroups: ReadonlyArray<Codes.TargetGroup>
}
/**
 * An opening as the aggregations see it: the day it opened.
 *
 * @since 0.2.0
 * @category facts
 */
export interface OpeningFact {
  readonly openedOn: LocalDate.LocalDate
}
/**
 * A counseling session: the day, the counselor and the seeker.
 *
 * @since 0.2.0
 * @category facts
 */
export interface CounselingFact {
  readonly heldOn: LocalDate.LocalDate
  readonly counselorId: Ids.CounselorId
  readonly seekerId: string
}
/**
 * A referral: the day it was proposed and by whom.
 *
 * @since 0.2.0
 * @category facts
 */
export interface ReferralFact {
  readonly proposedOn: LocalDate.LocalDate
  readonly counselorId: Ids.CounselorId
}
/**
 * A placement: the start day, the counselor, the seeker, and whether it counts for the center (or was found by the seeker alone).
 *
 * @since 0.2.0
 * @category facts
 */
export interface PlacementFact {
  readonly startOn: LocalDate.LocalDate
  readonly counselorId: Ids.CounselorId
  readonly seekerId: string
  readonly countsForCenter: boolean
}
/**
 * A follow-up check: when it is due, and when it was done or cancelled.
 *
 * @since 0.2.0
 * @category facts
 */
export interface CheckFact {
  readonly dueOn: LocalDate.LocalDate
  readonly doneOn?: LocalDate.LocalDate | undefined
  readonly cancelledOn?: LocalDate.LocalDate | undefined
  readonly counselorId: Ids.CounselorId
}

type Mutable<A> = { -readonly [K in keyof A]: A[K] }

/**
 * Each month of the period: seekers registered, openings opened, counseling sessions held and placements started (the center's and self-found ones apart).
 *
 * @since 0.2.0
 * @category aggregations
 */
export const monthly = (
  period: Period.Period,
  facts: {
    readonly seekers: Iterable<SeekerFact>
    readonly openings: Iterable<OpeningFact>
    readonly counselings: Iterable<CounselingFact>
    readonly placements: Iterable<PlacementFact>
  }
): ReadonlyArray<MonthCounts> => {
  const months = new Map(Period.months(period).map((m) => [m, emptyMonth(m) as Mutable<MonthCounts>] as const))
  const bump = (date: LocalDate.LocalDate, field: Exclude<keyof MonthCounts, "month">) => {
    if (!Period.contains(period, date)) return
    const row = months.get(Period.monthKey(date))
    if (row !== undefined) row[field]++
  }
  for (const s of facts.seekers) bump(s.registeredOn, "seekers")
  for (const o of facts.openings) bump(o.openedOn, "openings")
  for (const c of facts.counselings) bump(c.heldOn, "counseling")
  for (const p of facts.placements) bump(p.startOn, p.countsForCenter ? "placements" : "selfFound")
  return [...months.values()]
}

/**
 * Each counselor's counseling sessions, referrals and placements in the period, in counselor-id order.
 *
 * @since 0.2.0
 * @category aggregations
 */
export const byCounselor = (
  period: Period.Period,
  facts: {
    readonly counselings: Iterable<CounselingFact>
    readonly referrals: Iterable<ReferralFact>
    readonly placements: Iterable<PlacementFact>
  }
): ReadonlyArray<CounselorCounts> => {
  const rows = new Map<string, Mutable<CounselorCounts>>()
  const row = (counselorId: Ids.CounselorId) => {
    let found = rows.get(counselorId)
    if (found === undefined) {
      found = { counselorId, counseling: 0, referrals: 0, placements: 0, selfFound: 0 }
      rows.set(counselorId, found)
    }
    return found
  }
  for (const c of facts.counselings) if (Period.contains(period, c.heldOn)) row(c.counselorId).counseling++
  for (const r of facts.referrals) if (Period.contains(period, r.proposedOn)) row(r.counselorId).referrals++
  for (const p of facts.placements) {
    if (Period.contains(period, p.startOn)) row(p.counselorId)[p.countsForCenter ? "placements" : "selfFound"]++
  }
  return [...rows.values()].sort(byCounselorId)
}

/**
 * Each counselor's follow-up checks due in the period: done on time, late, overdue or still pending as of `asOf`, and cancelled.
 *
 * @since 0.2.0
 * @category aggregations
 */
export const followUps = (
  period: Period.Period,
  asOf: LocalDate.LocalDate,
  checks: Iterable<CheckFact>
): ReadonlyArray<FollowUpCounts> => {
  const rows = new Map<string, Mutable<FollowUpCounts>>()
  for (const c of checks) {
    if (!Period.contains(period, c.dueOn)) continue
    let row = rows.get(c.counselorId)
    if (row === undefined) {
      row = { counselorId: c.counselorId, due: 0, onTime: 0, late: 0, overdue: 0, pending: 0, cancelled: 0 }
      rows.set(c.counselorId, row)
    }
    row.due++
    // The same order of tests as FollowUp.ledger: cancelled, done, then open.
    if (c.cancelledOn !== undefined) row.cancelled++
    else if (c.doneOn !== undefined) row[c.doneOn <= c.dueOn ? "onTime" : "late"]++
    else row[c.dueOn < asOf ? "overdue" : "pending"]++
  }
  return [...rows.values()].sort(byCounselorId)
}

/**
 * Seekers, counseling sessions and placements in the period for each target group (취업취약계층 and the others).
 *
 * @since 0.2.0
 * @category aggregations
 */
export const targetGroups = (
  period: Period.Period,
  facts: {
    readonly seekers: Iterable<SeekerFact>
    readonly counselings: Iterable<CounselingFact>
    readonly placements: Iterable<PlacementFact>
  }
): ReadonlyArray<TargetGroupCounts> => {
  const rows = new Map(allGroups.map((group) => [group, emptyGroup(group) as Mutable<TargetGroupCounts>] as const))
  const groupsOf = new Map<string, ReadonlyArray<Codes.TargetGroup>>()
  for (const s of facts.seekers) {
    groupsOf.set(s.id, s.targetGroups)
    if (Period.contains(period, s.registeredOn)) for (const g of s.targetGroups) rows.get(g)!.seekers++
  }
  for (const c of facts.counselings) {
    if (!Period.contains(period, c.heldOn)) continue
    for (const g of groupsOf.get(c.seekerId) ?? []) rows.get(g)!.counseling++
  }
  for (const p of facts.placements) {
    if (!p.countsForCenter || !Period.contains(period, p.startOn)) continue
    for (const g of groupsOf.get(p.seekerId) ?? []) rows.get(g)!.placements++
  }
  return [...rows.values()]
}
