/**
 * Follow-up after a placement (취업자 사후관리): the center calls every seeker
 * it placed at least once a month for three months after the start date,
 * records how the job is going, and opens re-employment support for one who
 * quit. The counselor keeps the checks in the follow-up ledger
 * (취업자 사후관리대장).
 *
 * This module is pure: it builds a schedule from a start date, a
 * {@link Policy} and a `BusinessCalendar`, records a
 * check's result and reads the ledger on a given day. Ids, storage and the
 * clock belong to the use cases.
 *
 * @example
 * ```ts
 * import { BusinessCalendar, FollowUp, LocalDate } from "@iljari/core"
 *
 * // Monthly checks for three months after a placement starting on 2026-06-01, on business days.
 * const checks = FollowUp.schedule(LocalDate.make(2026, 6, 1), FollowUp.threeMonthly, BusinessCalendar.korea)
 * ```
 *
 * @since 0.1.0
 * @module
 * @category casework
 */
import { Context, Effect, Either, Schema } from "effect"
import { type BusinessCalendar, type CalendarNotCovered, isComputed, rollBackward } from "../kernel/BusinessCalendar.js"
import { CounselorId, DistrictId, FollowUpId, PlacementId, SeekerId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import * as LegalPeriod from "../kernel/LegalPeriod.js"
import * as LocalDate from "../kernel/LocalDate.js"
import { Note } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import type { PersistenceError } from "../kernel/Errors.js"

// ---------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------

/**
 * How long a placed seeker is followed and how often: `months` after the
 * start date, cut into windows of `intervalMonths`, with one check in each
 * window. `months` must be a multiple of `intervalMonths` so the windows tile
 * the period exactly.
 *
 * @since 0.1.0
 * @category policy
 */
export class Policy extends Schema.Class<Policy>("FollowUpPolicy")(
  Schema.Struct({
    months: Schema.Int.pipe(
      Schema.between(1, 36, { message: (issue) => `must be a whole number of months between 1 and 36; got ${String(issue.actual)}` })
    ),
    intervalMonths: Schema.Int.pipe(
      Schema.between(1, 12, { message: (issue) => `must be a whole number of months between 1 and 12; got ${String(issue.actual)}` })
    )
  }).pipe(
    Schema.filter((policy) =>
      policy.months % policy.intervalMonths === 0 || {
        path: ["intervalMonths"],
        message: `must divide months (${policy.months}) so the windows tile the period; got ${policy.intervalMonths}`
      }
    )
  )
) {}

/**
 * The seeds' rule: 3 months after the start date, one check a month.
 *
 * @since 0.1.0
 * @category policy
 */
export const threeMonthly: Policy = new Policy({ months: 3, intervalMonths: 1 })

/**
 * A preset after the US WIOA rule: follow-up for 12 months from the first day
 * of employment. WIOA fixes the duration only (state policies range from
 * monthly to quarterly contact), so the preset keeps the Korean centers'
 * cadence of one check a month: 12 checks. A district wanting quarterly
 * contact decodes `{ months: 12, intervalMonths: 3 }`.
 *
 * @since 0.1.0
 * @category policy
 */
export const wioa12: Policy = new Policy({ months: 12, intervalMonths: 1 })

/**
 * Decodes a district's policy from its configuration.
 *
 * @since 0.1.0
 * @category policy
 */
export const decodePolicy = Validation.decodeEither(Policy)

// ---------------------------------------------------------------------------
// Schedule
// ---------------------------------------------------------------------------

/**
 * One window of the follow-up period: from `windowStart` to `windowEnd`, both
 * included.
 *
 * @since 0.1.0
 * @category schedule
 */
export interface Window {
  /** 1 for the first window after the start date. */
  readonly sequence: number
  readonly windowStart: LocalDate.LocalDate
  readonly windowEnd: LocalDate.LocalDate
}

/**
 * A scheduled check before it has an id or an owner: its window and the
 * business day it is due. The use case adds the ids to make a {@link Check}.
 *
 * @since 0.1.0
 * @category schedule
 */
export interface Draft extends Window {
  readonly dueOn: LocalDate.LocalDate
  /**
   * Set when the due date rests on holidays computed from the rules, in a
   * year the calendar's official list does not cover yet
   * (`BusinessCalendar.isComputed`): a temporary holiday declared later may
   * fall on it.
   */
  readonly provisional?: true
}

/**
 * The windows of the follow-up period, counted as the Civil Act counts
 * periods (`LegalPeriod`): the start date is the first day (the job starts
 * at midnight), and window `i` ends where a period of `i × intervalMonths`
 * months from it ends — the day before the corresponding day, or the last
 * day of a month without one (from 01-31, window 1 ends on 02-28). The next
 * window starts the day after. Every boundary is counted from the start
 * date (not from the previous boundary), so a start on the 31st does not
 * drift to the 28th for the rest of the period; the windows tile the period.
 *
 * @since 0.1.0
 * @category schedule
 */
export const windows = (startDate: LocalDate.LocalDate, policy: Policy): ReadonlyArray<Window> => {
  const count = policy.months / policy.intervalMonths
  return LegalPeriod.consecutive(startDate, { months: policy.intervalMonths }, count)
    .map((period, i) => ({ sequence: i + 1, windowStart: period.from, windowEnd: period.to }))
}

/**
 * A window without a single business day (possible only with an integrator's
 * calendar that closes a whole month), so no check can be due in it.
 *
 * @since 0.1.0
 * @category errors
 */
export class NoBusinessDayInWindow extends Schema.TaggedError<NoBusinessDayInWindow>()("NoBusinessDayInWindow", {
  sequence: Schema.Int,
  windowStart: LocalDate.LocalDate,
  windowEnd: LocalDate.LocalDate,
  calendar: Schema.String
}) {
  override get message(): string {
    return `Follow-up window ${this.sequence} (${this.windowStart} to ${this.windowEnd}) has no business day ` +
      `in the calendar "${this.calendar}", so no check can be due in it`
  }
}

/**
 * The checks a placement starting on `startDate` needs: one per window, due
 * on the **window's last business day** — the anniversary of the start date
 * (one month, two months … later) moved back to the nearest business day, so
 * the call asks about a month the seeker has lived through and still falls
 * inside its own window. `dueOn` is a deadline: a check done earlier in the
 * window is on time.
 *
 * A due date in a year whose holidays the calendar computed from the rules
 * is marked `provisional`.
 *
 * Fails with `CalendarNotCovered` when a window end (or a day rolled back to)
 * lies outside the calendar's years.
 *
 * @since 0.1.0
 * @category schedule
 */
export const schedule = (
  startDate: LocalDate.LocalDate,
  policy: Policy,
  calendar: BusinessCalendar
): Either.Either<ReadonlyArray<Draft>, CalendarNotCovered | NoBusinessDayInWindow> => {
  const drafts: Array<Draft> = []
  for (const window of windows(startDate, policy)) {
    const due = rollBackward(calendar, window.windowEnd)
    if (Either.isLeft(due)) {
      // Rolling back out of an uncovered year from inside the window is a
      // calendar problem; rolling past the window start is a window problem.
      if (due.left.date < window.windowStart) return Either.left(noBusinessDay(window, calendar))
      return Either.left(due.left)
    }
    if (due.right < window.windowStart) return Either.left(noBusinessDay(window, calendar))
    drafts.push({ ...window, dueOn: due.right, ...(isComputed(calendar, due.right) ? { provisional: true as const } : {}) })
  }
  return Either.right(drafts)
}

const noBusinessDay = (window: Window, calendar: BusinessCalendar) =>
  new NoBusinessDayInWindow({ ...window, calendar: calendar.name })

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

const channels = codeSet("FollowUpChannel", [
  ["phone", { ko: "전화", en: "Phone call" }],
  ["visit", { ko: "내방", en: "Visit to the center" }],
  ["workplace-visit", { ko: "사업장 방문", en: "Visit to the workplace" }],
  ["sms", { ko: "문자", en: "SMS" }],
  ["email", { ko: "이메일", en: "E-mail" }],
  ["messenger", { ko: "메신저", en: "Messenger (e.g. KakaoTalk)" }]
])

/**
 * How a follow-up check reached the seeker (or the employer).
 *
 * @since 0.1.0
 * @category codes
 */
export const Channel = channels.schema
/** @since 0.1.0 @category codes */
export type Channel = typeof Channel.Type
/** @since 0.1.0 @category codes */
export const channelLabel = channels.label

const outcomes = codeSet("FollowUpOutcome", [
  ["working", { ko: "재직 중", en: "Working" }],
  ["difficulties", { ko: "적응 어려움", en: "Having difficulties adapting" }],
  ["quit", { ko: "퇴사 (재취업 지원)", en: "Quit (re-employment support)" }]
])

/**
 * What the check found: still working, working but having difficulties, or
 * quit — which opens re-employment support.
 *
 * @since 0.1.0
 * @category codes
 */
export const Outcome = outcomes.schema
/** @since 0.1.0 @category codes */
export type Outcome = typeof Outcome.Type
/** @since 0.1.0 @category codes */
export const outcomeLabel = outcomes.label

/**
 * One follow-up check of a placement: its window, the business day it is due
 * and, once done, when, how and what it found. `doneOn`, `channel` and
 * `outcome` are present together or not at all.
 *
 * @since 0.1.0
 * @category models
 */
export class Check extends Schema.Class<Check>("FollowUpCheck")(
  Schema.Struct({
    id: FollowUpId,
    districtId: DistrictId,
    placementId: PlacementId,
    seekerId: SeekerId,
    counselorId: CounselorId,
    sequence: Schema.Int.pipe(
      Schema.between(1, 36, { message: (issue) => `must be a whole number between 1 and 36; got ${String(issue.actual)}` })
    ),
    windowStart: LocalDate.LocalDate,
    windowEnd: LocalDate.LocalDate,
    dueOn: LocalDate.LocalDate,
    /** The due date rests on holidays computed from the rules, not on the official list (see {@link Draft}). */
    provisional: Schema.optionalWith(Schema.Literal(true), { exact: true }),
    doneOn: Schema.optionalWith(LocalDate.LocalDate, { exact: true }),
    channel: Schema.optionalWith(Channel, { exact: true }),
    outcome: Schema.optionalWith(Outcome, { exact: true }),
    notes: Schema.optionalWith(Note, { exact: true }),
    /** Set when the check is no longer needed: the seeker quit at an earlier check. */
    cancelledOn: Schema.optionalWith(LocalDate.LocalDate, { exact: true })
  }).pipe(
    Schema.filter((check) => {
      if (check.cancelledOn !== undefined && check.doneOn !== undefined) {
        return { path: ["cancelledOn"], message: "must be absent on a check that was done" }
      }
      if (check.windowEnd < check.windowStart) {
        return { path: ["windowEnd"], message: `must not be before windowStart (${check.windowStart})` }
      }
      if (check.dueOn < check.windowStart || check.dueOn > check.windowEnd) {
        return { path: ["dueOn"], message: `must lie in the window ${check.windowStart} to ${check.windowEnd}` }
      }
      const done = check.doneOn !== undefined
      const issues = (["doneOn", "channel", "outcome"] as const)
        .filter((field) => (check[field] !== undefined) !== done)
        .map((field) => ({
          path: [field],
          message: done ? "is required once the check is done" : "is recorded together with doneOn, channel and outcome"
        }))
      if (issues.length > 0) return issues
      if (check.doneOn !== undefined && check.doneOn < check.windowStart) {
        return { path: ["doneOn"], message: `must not be before the window start (${check.windowStart})` }
      }
      return true
    })
  )
) {}

/**
 * Decodes a check from storage or an integrator's JSON.
 *
 * @since 0.1.0
 * @category models
 */
export const decodeCheck = Validation.decodeEither(Check)

/**
 * Whether the check has been done.
 *
 * @since 0.1.0
 * @category queries
 */
export const isDone = (check: Check): boolean => check.doneOn !== undefined

// ---------------------------------------------------------------------------
// Recording a check
// ---------------------------------------------------------------------------

/**
 * What the counselor records: the day of the call (or visit), the channel,
 * the outcome and optional notes.
 *
 * @since 0.1.0
 * @category recording
 */
export const Result = Schema.Struct({
  doneOn: LocalDate.LocalDate,
  channel: Channel,
  outcome: Outcome,
  notes: Schema.optionalWith(Note, { exact: true })
}).annotations({ identifier: "FollowUpResult" })
/** @since 0.1.0 @category recording */
export type Result = typeof Result.Type

/**
 * Decodes a counselor's form into a {@link Result}.
 *
 * @since 0.1.0
 * @category recording
 */
export const decodeResult = Validation.decodeEither(Result)

/**
 * The check already has a result; a second call is a new fact for the notes
 * of a later check or a counseling session, not an overwrite.
 *
 * @since 0.1.0
 * @category errors
 */
export class FollowUpAlreadyRecorded extends Schema.TaggedError<FollowUpAlreadyRecorded>()("FollowUpAlreadyRecorded", {
  followUpId: FollowUpId,
  doneOn: LocalDate.LocalDate
}) {
  override get message(): string {
    return `Follow-up check ${this.followUpId} was already recorded as done on ${this.doneOn}`
  }
}

/**
 * The check was cancelled because the seeker quit at an earlier check; a new
 * placement brings a new schedule.
 *
 * @since 0.1.0
 * @category errors
 */
export class FollowUpCancelled extends Schema.TaggedError<FollowUpCancelled>()("FollowUpCancelled", {
  followUpId: FollowUpId,
  cancelledOn: LocalDate.LocalDate
}) {
  override get message(): string {
    return `Follow-up check ${this.followUpId} was cancelled on ${this.cancelledOn}: the seeker had quit`
  }
}

/**
 * The checks of the same placement that a "quit" makes unnecessary: those
 * after `quit` that are neither done nor cancelled, cancelled on `on`.
 *
 * @since 0.1.0
 * @category recording
 */
export const cancelAfterQuit = (
  quit: Check,
  placementChecks: ReadonlyArray<Check>,
  on: LocalDate.LocalDate
): ReadonlyArray<Check> =>
  placementChecks
    .filter((c) =>
      c.placementId === quit.placementId && c.sequence > quit.sequence && c.doneOn === undefined &&
      c.cancelledOn === undefined
    )
    .map((c) => new Check({ ...c, cancelledOn: on }))

/**
 * The result's date is before the check's window opened: a call made before
 * that month of work cannot report on it.
 *
 * @since 0.1.0
 * @category errors
 */
export class FollowUpBeforeWindow extends Schema.TaggedError<FollowUpBeforeWindow>()("FollowUpBeforeWindow", {
  followUpId: FollowUpId,
  doneOn: LocalDate.LocalDate,
  windowStart: LocalDate.LocalDate
}) {
  override get message(): string {
    return `Follow-up check ${this.followUpId} cannot be done on ${this.doneOn}, before its window opens on ${this.windowStart}`
  }
}

/**
 * A recorded check and whether its outcome opens re-employment support.
 *
 * @since 0.1.0
 * @category recording
 */
export interface Recorded {
  readonly check: Check
  /** `true` when the seeker quit: the use case opens re-employment support (재취업 지원). */
  readonly reemploymentSupport: boolean
}

/**
 * Records a check's result. Refuses a check that is already done and a date
 * before the window start; a date after `dueOn` is accepted and counts as
 * late in the {@link ledger}. (Refusing a date after today is the use case's
 * job: it holds the clock.)
 *
 * @since 0.1.0
 * @category recording
 */
export const record = (
  check: Check,
  result: Result
): Either.Either<Recorded, FollowUpAlreadyRecorded | FollowUpCancelled | FollowUpBeforeWindow> => {
  if (check.doneOn !== undefined) {
    return Either.left(new FollowUpAlreadyRecorded({ followUpId: check.id, doneOn: check.doneOn }))
  }
  if (check.cancelledOn !== undefined) {
    return Either.left(new FollowUpCancelled({ followUpId: check.id, cancelledOn: check.cancelledOn }))
  }
  if (result.doneOn < check.windowStart) {
    return Either.left(
      new FollowUpBeforeWindow({ followUpId: check.id, doneOn: result.doneOn, windowStart: check.windowStart })
    )
  }
  return Either.right({
    check: new Check({ ...check, ...result }),
    reemploymentSupport: result.outcome === "quit"
  })
}

// ---------------------------------------------------------------------------
// Ledger
// ---------------------------------------------------------------------------

/**
 * The follow-up ledger (취업자 사후관리대장) on a given day. Every check is in
 * exactly one of `dueToday`, `overdue`, `upcoming`, `done` and `cancelled`; each list is
 * sorted by `dueOn` (then by input order).
 *
 * @since 0.1.0
 * @category ledger
 */
export interface Ledger {
  readonly today: LocalDate.LocalDate
  /** Not done, due today. */
  readonly dueToday: ReadonlyArray<Check>
  /** Not done, due before today. */
  readonly overdue: ReadonlyArray<Check>
  /** Not done, due after today (its window may already be open). */
  readonly upcoming: ReadonlyArray<Check>
  /** Done, whenever. */
  readonly done: ReadonlyArray<Check>
  /** Cancelled after the seeker quit: neither due nor counted in the rate. */
  readonly cancelled: ReadonlyArray<Check>
  /** Done checks whose `doneOn` is on or before `dueOn`. */
  readonly onTime: number
  /** Done checks whose `doneOn` is after `dueOn`. */
  readonly late: number
  /**
   * `onTime / (done + overdue)`: of the checks whose timeliness is settled
   * (done, or not done with the due date past), the share done by the due
   * date. `undefined` when none is settled — no rate, rather than 0 or 1.
   */
  readonly onTimeRate: number | undefined
  /**
   * Open checks (neither done nor cancelled) whose due date is
   * `provisional`: it rests on holidays computed from the rules, so a
   * temporary holiday declared later may fall on it. 0 when every open due
   * date comes from the official list.
   */
  readonly provisional: number
}

/**
 * Reads the ledger on `today`. Pass one counselor's checks for the
 * counselor's ledger, a center's for the center's.
 *
 * A check due today and not yet done is neither on time nor late until the
 * day ends, so it is left out of the on-time rate, as are checks due later
 * and not done. A check done before its due date counts as on time at once.
 *
 * @since 0.1.0
 * @category ledger
 */
export const ledger = (checks: ReadonlyArray<Check>, today: LocalDate.LocalDate): Ledger => {
  const sorted = [...checks].sort((a, b) => LocalDate.compare(a.dueOn, b.dueOn))
  const dueToday: Array<Check> = []
  const overdue: Array<Check> = []
  const upcoming: Array<Check> = []
  const done: Array<Check> = []
  const cancelled: Array<Check> = []
  let onTime = 0
  let provisional = 0
  for (const check of sorted) {
    if (check.provisional === true && check.doneOn === undefined && check.cancelledOn === undefined) provisional++
    if (check.cancelledOn !== undefined) cancelled.push(check)
    else if (check.doneOn !== undefined) {
      done.push(check)
      if (check.doneOn <= check.dueOn) onTime++
    } else if (check.dueOn < today) overdue.push(check)
    else if (check.dueOn === today) dueToday.push(check)
    else upcoming.push(check)
  }
  const settled = done.length + overdue.length
  return {
    today,
    dueToday,
    overdue,
    upcoming,
    done,
    cancelled,
    onTime,
    late: done.length - onTime,
    onTimeRate: settled === 0 ? undefined : onTime / settled,
    provisional
  }
}

/** @since 0.1.0 @category ports */
export class FollowUpRepository extends Context.Tag("@iljari/core/FollowUpRepository")<FollowUpRepository, Store<Check, FollowUpId> & {
  readonly listByCounselor: (
    districtId: DistrictId,
    counselorId: CounselorId
  ) => Effect.Effect<ReadonlyArray<Versioned<Check>>, PersistenceError>
  readonly listByPlacement: (
    districtId: DistrictId,
    placementId: PlacementId
  ) => Effect.Effect<ReadonlyArray<Versioned<Check>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const followUps = Memory.store<Check, FollowUpId>(db, "follow-up check")
    return {
      ...followUps,
      listByCounselor: (districtId, counselorId) => followUps.filter(districtId, (c) => c.counselorId === counselorId),
      listByPlacement: (districtId, placementId) => followUps.filter(districtId, (c) => c.placementId === placementId)
    }
  })
}
