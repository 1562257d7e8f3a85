/**
 * A counselor's desk today (오늘 할 일): the follow-up calls due and overdue,
 * their referrals waiting on an employer's answer, and the center's pace
 * against this month's target — one use case, so that a screen or a morning
 * digest shows the same day — and the monitoring findings about their own
 * records. It lives with the targets because it reads them.
 *
 * @example
 * ```ts
 * import { Desk, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const today = Desk.desk(actor, { seekers: 2400, counseling: 6000, openings: 1800, placements: 960 })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category targets
 */
import { Effect } from "effect"
import * as LocalDate from "../kernel/LocalDate.js"
import { type Actor, logAccessAll, today } from "../kernel/UseCase.js"
import { callList, type CallList, type Names, namesOf } from "../casework/CaseFile.js"
import { listReferrals, reviewRecords, seekersNamedIn } from "../casework/Casework.js"
import type { Referral } from "../casework/Referral.js"
import { type MetricPace, targetPace } from "./Results.js"
import type * as Targets from "./Targets.js"

/**
 * How many of the waiting referrals, and of each section of calls, the desk
 * shows (the board and the ledger have them all).
 *
 * @since 0.3.0
 * @category models
 */
export const waitingShown = 5

/**
 * The day at a glance.
 *
 * @since 0.3.0
 * @category models
 */
export interface Desk {
  readonly today: LocalDate.LocalDate
  readonly calls: CallList
  /** Referrals sent to employers or at interview, waiting on an answer: the oldest first few and how many. */
  readonly waiting: { readonly items: ReadonlyArray<Referral>; readonly total: number; readonly names: Names }
  /** The center's pace for this month, per metric. */
  readonly pace: ReadonlyArray<MetricPace>
}

/**
 * The counselor's desk today, against the district's annual targets.
 *
 * @example
 * ```ts
 * import { Desk, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // The today page: the calls, the counselor's pace against the district's targets, the findings.
 * const page = Desk.desk(actor, { seekers: 2400, counseling: 6000, openings: 1800, placements: 960 })
 * ```
 *
 * @since 0.3.0
 * @category use cases
 */
export const desk = (actor: Actor, targets: Targets.MetricCounts) =>
  Effect.gen(function*() {
    const day = yield* today
    const calls = yield* callList(actor, actor.counselorId, {}, waitingShown)
    const [sent, interviewing] = yield* Effect.all([
      listReferrals(actor, { status: "sent", counselorId: actor.counselorId }, { limit: waitingShown }),
      listReferrals(actor, { status: "interviewing", counselorId: actor.counselorId }, { limit: waitingShown })
    ])
    const waiting = [...sent.items, ...interviewing.items].map((row) => row.value)
      .sort((a, b) => a.history.at(-1)!.on.localeCompare(b.history.at(-1)!.on))
      .slice(0, waitingShown)
    const names = yield* namesOf(actor, { seekers: waiting.map((r) => r.seekerId), openings: waiting.map((r) => r.openingId) })
    const pace = yield* targetPace(actor, { year: Number(day.slice(0, 4)), targets, period: "month" })
    return {
      today: day,
      calls,
      waiting: { items: waiting, total: sent.total + interviewing.total, names },
      pace
    } satisfies Desk
  })

/**
 * The monitoring findings of the last 30 days that name the counselor (their
 * own records), each seeker named logged. Apart from the desk, since the
 * review reads the district's records: a screen can show the desk first.
 *
 * @example
 * ```ts
 * import { Desk, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const toFix = Desk.ownFindings(actor)
 * ```
 *
 * @since 0.3.0
 * @category use cases
 */
export const ownFindings = (actor: Actor) =>
  Effect.gen(function*() {
    const day = yield* today
    const findings = (yield* reviewRecords(actor, { from: LocalDate.addDays(day, -29), to: day }))
      .filter((f) => f.counselorId === actor.counselorId)
    yield* logAccessAll(actor, "read", "seeker", seekersNamedIn(findings), "monitoring.own")
    return findings
  })
