/**
 * A month of a counselor's follow-up ledger (월별 취업자 사후관리대장), to
 * print or file: every check due in the month — done, pending or cancelled —
 * with the seeker's name and phone, the employer and the placement's start
 * date. Reading it names people, so each person is logged as exported.
 *
 * Also one ledger row's calls — a check and the other checks of its
 * placement — for a screen that redraws that row alone after recording it,
 * logged as one read of that one person.
 *
 * @example
 * ```ts
 * import { JobCenter, LedgerExport } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const may = LedgerExport.monthLedger(actor, "2026-05") // one line per check, for 사후관리 대장
 * ```
 *
 * @since 0.3.0
 * @module
 * @category casework
 */
import { Effect, Schema } from "effect"
import type { CounselorId, EmployerId, FollowUpId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import type { Versioned } from "../kernel/Store.js"
import { type Actor, invalid, logAccess, logAccessAll, today } from "../kernel/UseCase.js"
import { CounselorRepository } from "../registry/Counselor.js"
import { SeekerRepository } from "../registry/Seeker.js"
import type { Call } from "./CaseFile.js"
import { namesOf } from "./CaseFile.js"
import type * as FollowUp from "./FollowUp.js"
import { FollowUpRepository } from "./FollowUp.js"
import { PlacementRepository } from "./Placement.js"

/**
 * One line of the month's ledger: the call, and the day the job started
 * (absent when the placement was since removed).
 *
 * @since 0.3.0
 * @category models
 */
export interface Line extends Call {
  readonly startOn?: LocalDate.LocalDate
}

/**
 * The month's ledger of one counselor.
 *
 * @since 0.3.0
 * @category models
 */
export interface MonthLedger {
  /** `YYYY-MM`. */
  readonly month: string
  readonly counselor: { readonly id: CounselorId; readonly name: string }
  /** The day it was read. */
  readonly today: LocalDate.LocalDate
  /** The checks due in the month, by due date, then sequence. */
  readonly lines: ReadonlyArray<Line>
}

/**
 * A counselor asked for a colleague's ledger: that is a manager's view (an
 * actor whose caseload is the district).
 *
 * @since 0.3.0
 * @category errors
 */
export class NotYourLedger extends Schema.TaggedError<NotYourLedger>()("NotYourLedger", {
  counselorId: Schema.String
}) {
  override get message(): string {
    return `Another counselor's follow-up ledger (${this.counselorId}) is for managers (다른 상담사의 사후관리대장은 관리자만 볼 수 있습니다)`
  }
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/

/**
 * Whether a text is a month as `YYYY-MM` (2026-12).
 *
 * @since 0.3.0
 * @category months
 */
export const isMonth = (text: string): boolean => monthPattern.test(text)

/**
 * The month's first and last days.
 *
 * @since 0.3.0
 * @category months
 */
export const daysOf = (month: string): { readonly first: LocalDate.LocalDate; readonly last: LocalDate.LocalDate } => {
  const first = `${month}-01` as LocalDate.LocalDate
  return { first, last: LocalDate.endOfMonth(first) }
}

/**
 * Reads a counselor's follow-up checks due in `month` (`YYYY-MM`): the
 * actor's own, or — for a manager (an actor whose caseload is the district)
 * — another counselor's of the district. One access-log entry per person
 * named (`export`, `followUp.ledgerExport`).
 *
 * Fails with `ValidationError` for a month that is not `YYYY-MM`,
 * `NotYourLedger` for a counselor asking for a colleague's ledger and
 * `NotFound` for a counselor not of the district.
 *
 * @example
 * ```ts
 * import { JobCenter, LedgerExport } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // The month's follow-up ledger (사후관리 대장) of the acting counselor, for printing or export.
 * const may = LedgerExport.monthLedger(actor, "2026-05")
 * ```
 *
 * @since 0.3.0
 * @category use cases
 */
export const monthLedger = (actor: Actor, month: string, counselorId: CounselorId = actor.counselorId) =>
  Effect.gen(function*() {
    if (!isMonth(month)) return yield* invalid("LedgerMonth", "month", `must be a month as YYYY-MM; got ${month}`)
    if (counselorId !== actor.counselorId && (actor.caseload ?? "district") !== "district") {
      return yield* new NotYourLedger({ counselorId })
    }
    const counselor = yield* Effect.flatMap(CounselorRepository, (repo) => repo.get(actor.districtId, counselorId))
    const { first, last } = daysOf(month)
    const rows = (yield* Effect.flatMap(FollowUpRepository, (repo) => repo.listByCounselor(actor.districtId, counselorId)))
      .filter((row) => row.value.dueOn >= first && row.value.dueOn <= last)
      .sort((a, b) => LocalDate.compare(a.value.dueOn, b.value.dueOn) || a.value.sequence - b.value.sequence)
    const [seekers, placements] = yield* Effect.all([SeekerRepository, PlacementRepository])
    const people = new Map<string, Call["seeker"]>()
    const started = new Map<string, { readonly employerId: EmployerId; readonly startOn: LocalDate.LocalDate }>()
    for (const { value: check } of rows) {
      if (!people.has(check.seekerId)) {
        const found = yield* Effect.option(seekers.get(actor.districtId, check.seekerId))
        const phone = found._tag === "Some" ? found.value.value.contact.phone : undefined
        people.set(check.seekerId, {
          id: check.seekerId,
          name: found._tag === "Some" ? found.value.value.name : check.seekerId,
          ...(phone === undefined ? {} : { phone })
        })
      }
      if (!started.has(check.placementId)) {
        const placement = yield* Effect.option(placements.get(actor.districtId, check.placementId))
        if (placement._tag === "Some") {
          started.set(check.placementId, { employerId: placement.value.value.employerId, startOn: placement.value.value.startOn })
        }
      }
    }
    const names = yield* namesOf(actor, { employers: [...started.values()].map((p) => p.employerId) })
    yield* logAccessAll(actor, "export", "seeker", people.keys(), "followUp.ledgerExport")
    const lineOf = (row: Versioned<FollowUp.Check>): Line => {
      const placement = started.get(row.value.placementId)
      return {
        check: row,
        seeker: people.get(row.value.seekerId)!,
        employer: placement === undefined ? "" : names.employer(placement.employerId),
        ...(placement === undefined ? {} : { startOn: placement.startOn })
      }
    }
    return {
      month,
      counselor: { id: counselor.value.id, name: counselor.value.name },
      today: yield* today,
      lines: rows.map(lineOf)
    } satisfies MonthLedger
  })

/**
 * A check's placement's calls.
 *
 * @since 0.3.0
 * @category models
 */
export interface PlacementCalls {
  readonly today: LocalDate.LocalDate
  /** The check asked for. */
  readonly call: Line
  /** Every check of the same placement, the one asked for included, by sequence (cancelled ones too). */
  readonly siblings: ReadonlyArray<Line>
}

/**
 * The call of one follow-up check with the other checks of its placement:
 * what a ledger row shows (the seeker's name and phone, the employer), to
 * redraw the row after recording it — and the rows a "quit" cancelled. One
 * access-log entry (`read`, `followUp.row`) for the seeker. A check of
 * another district is not found.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter, LedgerExport } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const calls = LedgerExport.placementCalls(actor, Ids.FollowUpId.make("followup-0001"))
 * ```
 *
 * @since 0.3.0
 * @category use cases
 */
export const placementCalls = (actor: Actor, checkId: FollowUpId) =>
  Effect.gen(function*() {
    const repo = yield* FollowUpRepository
    const current = yield* repo.get(actor.districtId, checkId)
    const rows = [...(yield* repo.listByPlacement(actor.districtId, current.value.placementId))]
      .sort((a, b) => a.value.sequence - b.value.sequence)
    const found = yield* Effect.option(Effect.flatMap(SeekerRepository, (seekers) => seekers.get(actor.districtId, current.value.seekerId)))
    const phone = found._tag === "Some" ? found.value.value.contact.phone : undefined
    const seeker: Call["seeker"] = {
      id: current.value.seekerId,
      name: found._tag === "Some" ? found.value.value.name : current.value.seekerId,
      ...(phone === undefined ? {} : { phone })
    }
    const placement = yield* Effect.option(Effect.flatMap(PlacementRepository, (placements) => placements.get(actor.districtId, current.value.placementId)))
    const names = yield* namesOf(actor, { employers: placement._tag === "Some" ? [placement.value.value.employerId] : [] })
    yield* logAccess(actor, "read", "seeker", seeker.id, "followUp.row")
    const lineOf = (row: Versioned<FollowUp.Check>): Line => ({
      check: row,
      seeker,
      employer: placement._tag === "Some" ? names.employer(placement.value.value.employerId) : "",
      ...(placement._tag === "Some" ? { startOn: placement.value.value.startOn } : {})
    })
    return {
      today: yield* today,
      call: lineOf(current),
      siblings: rows.map(lineOf)
    } satisfies PlacementCalls
  })
