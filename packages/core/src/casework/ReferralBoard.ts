/**
 * Referrals as a screen shows them: the board by status (알선 현황), each
 * referral with the seeker's name, the opening's title, its employer and
 * whether the actor may move it; and one referral with its history, who took
 * each step, and the placement it led to. Each read is one access-log entry
 * per seeker shown.
 *
 * @example
 * ```ts
 * import { JobCenter, ReferralBoard } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const columns = ReferralBoard.board(actor, {}) // the district's referrals, one column per status
 * ```
 *
 * @since 0.3.0
 * @module
 * @category casework
 */
import { Effect, Option } from "effect"
import type { CounselorId, EmployerId, OpeningId, PlacementId, ReferralId, SeekerId } from "../kernel/Ids.js"
import type { LocalDate } from "../kernel/LocalDate.js"
import type { Page, Versioned } from "../kernel/Store.js"
import { type Actor, boundedPage, logAccessAll } from "../kernel/UseCase.js"
import * as Validation from "../kernel/Validation.js"
import * as Caseload from "../registry/Caseload.js"
import { CounselorRepository } from "../registry/Counselor.js"
import { type Opening, OpeningRepository } from "../registry/Opening.js"
import { type Seeker, SeekerRepository } from "../registry/Seeker.js"
import { namesOf } from "./CaseFile.js"
import { type Placement, PlacementRepository } from "./Placement.js"
import * as Referral from "./Referral.js"
import { ReferralRepository } from "./Referral.js"

/**
 * A referral with what a screen shows beside it. A record since removed
 * shows its id for a name.
 *
 * @since 0.3.0
 * @category models
 */
export interface Entry {
  readonly referral: Versioned<Referral.Referral>
  readonly seeker: { readonly id: SeekerId; readonly name: string }
  readonly opening: { readonly id: OpeningId; readonly title: string }
  /** The opening's employer, when the opening was found. */
  readonly employer: { readonly id: EmployerId; readonly name: string } | undefined
  /** The date of the referral's last step. */
  readonly lastStepOn: LocalDate
  /**
   * Whether the actor may move it: the seeker is in their caseload (a
   * counselor's own, a manager's district). Which moves are legal is
   * `Referral.transitions[status]`.
   */
  readonly movable: boolean
  /** For a hired referral, the placement recorded for it, if any (one is still to be recorded otherwise). */
  readonly placementId: PlacementId | undefined
}

/**
 * One status's column of the board: a page of its referrals, newest first,
 * and how many there are in all.
 *
 * @since 0.3.0
 * @category models
 */
export interface Column {
  readonly status: Referral.ReferralStatus
  readonly items: ReadonlyArray<Entry>
  readonly total: number
  readonly offset: number
  readonly limit: number
}

/**
 * Which referrals the board shows: every criterion of `Referral.Filter`
 * but the status, which is each column's.
 *
 * @since 0.3.0
 * @category models
 */
export const BoardFilter = Referral.Filter.omit("status").annotations({ identifier: "ReferralBoardFilter" })
/** @since 0.3.0 @category models */
export type BoardFilter = typeof BoardFilter.Type

/**
 * The statuses in the board's order: the way forward, then the two ends
 * that are not a hire.
 *
 * @since 0.3.0
 * @category models
 */
export const columns: ReadonlyArray<Referral.ReferralStatus> = ["proposed", "sent", "interviewing", "hired", "rejected", "withdrawn"]

const decodeFilter = Validation.decode(BoardFilter)

// The referrals with their names, the seekers found, and whether each may be moved.
const entriesOf = (actor: Actor, rows: ReadonlyArray<Versioned<Referral.Referral>>) =>
  Effect.gen(function*() {
    const seekers = yield* SeekerRepository
    const found = new Map<string, { readonly seeker: Seeker; readonly movable: boolean }>()
    for (const { value: seeker } of yield* seekers.getMany(actor.districtId, rows.map((row) => row.value.seekerId))) {
      found.set(seeker.id, { seeker, movable: yield* Effect.isSuccess(Caseload.mayWorkOn(actor, seeker)) })
    }
    const names = yield* namesOf(actor, { openings: rows.map((row) => row.value.openingId) })
    const placements = yield* PlacementRepository
    const placed = new Map<string, PlacementId>()
    for (const { value: r } of rows) {
      if (r.status !== "hired") continue
      const found = yield* placements.findByReferral(actor.districtId, r.id)
      if (Option.isSome(found)) placed.set(r.id, found.value.value.id)
    }
    return rows.map((row): Entry => {
      const r = row.value
      const seeker = found.get(r.seekerId)
      const employerId = names.employerOf(r.openingId)
      return {
        referral: row,
        seeker: { id: r.seekerId, name: seeker?.seeker.name ?? r.seekerId },
        opening: { id: r.openingId, title: names.opening(r.openingId) },
        employer: employerId === undefined ? undefined : { id: employerId, name: names.employer(employerId) },
        lastStepOn: r.history[r.history.length - 1]!.on,
        movable: seeker?.movable ?? false,
        placementId: placed.get(r.id)
      }
    })
  })

/**
 * The board of the district's referrals that pass the filter (a counselor's,
 * a seeker's, an opening's; all when empty): a column per status, each a page
 * of its own (`pages[status]`, the first `limit` by default, at most
 * `maxPageSize`) with the names resolved. Every seeker shown is logged as
 * read once (`referral.board`).
 *
 * @example
 * ```ts
 * import { JobCenter, ReferralBoard } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // One column per status, 20 cards each, for the acting counselor.
 * const columns = ReferralBoard.board(actor, { counselorId: actor.counselorId }, {}, 20)
 * ```
 *
 * @since 0.3.0
 * @category use cases
 */
export const board = (
  actor: Actor,
  filter: unknown,
  pages: Partial<Record<Referral.ReferralStatus, Page>> = {},
  limit = 10
) =>
  Effect.gen(function*() {
    const decoded = yield* decodeFilter(filter)
    const repo = yield* ReferralRepository
    const slices = yield* Effect.forEach(columns, (status) => boundedPage({ limit, ...pages[status] }))
    const found = yield* Effect.forEach(columns, (status, i) => repo.search(actor.districtId, { ...decoded, status }, slices[i]))
    const entries = yield* entriesOf(actor, found.flatMap((page) => page.items))
    yield* logAccessAll(actor, "read", "seeker", entries.map((entry) => entry.seeker.id), "referral.board")
    const byId = new Map(entries.map((entry) => [entry.referral.value.id, entry]))
    return columns.map((status, i): Column => ({
      status,
      items: found[i]!.items.map((row) => byId.get(row.value.id)!),
      total: found[i]!.total,
      offset: slices[i]!.offset,
      limit: slices[i]!.limit
    }))
  })

/**
 * One referral as its page shows it: the entry, the names of the staff who
 * took its steps, the placement it led to, if any, and its opening.
 *
 * @since 0.3.0
 * @category models
 */
export interface Details {
  readonly entry: Entry
  /** A staff member's name by id (one no longer on record shows its id). */
  readonly staff: (id: CounselorId) => string
  readonly placement: Versioned<Placement> | undefined
  /** The opening as stored (its terms prefill a placement), when it was found. */
  readonly opening: Opening | undefined
}

/**
 * Reads one referral with its names, its steps' staff and its placement;
 * one access-log entry for the seeker (`referral.view`). Another district's
 * referral is not found.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter, ReferralBoard } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const card = ReferralBoard.details(actor, Ids.ReferralId.make("referral-0001"))
 * ```
 *
 * @since 0.3.0
 * @category use cases
 */
export const details = (actor: Actor, referralId: ReferralId) =>
  Effect.gen(function*() {
    const row = yield* Effect.flatMap(ReferralRepository, (repo) => repo.get(actor.districtId, referralId))
    const [entry] = yield* entriesOf(actor, [row])
    const counselors = yield* CounselorRepository
    const people = new Map<string, string>()
    for (const id of new Set([row.value.counselorId, ...row.value.history.map((step) => step.by)])) {
      const found = yield* Effect.option(counselors.get(actor.districtId, id))
      if (Option.isSome(found)) people.set(id, found.value.value.name)
    }
    const placement = yield* Effect.flatMap(PlacementRepository, (repo) => repo.findByReferral(actor.districtId, referralId))
    const opening = yield* Effect.option(Effect.flatMap(OpeningRepository, (repo) => repo.get(actor.districtId, row.value.openingId)))
    yield* logAccessAll(actor, "read", "seeker", [row.value.seekerId], "referral.view")
    return {
      entry: entry!,
      staff: (id) => people.get(id) ?? id,
      placement: Option.getOrUndefined(placement),
      opening: Option.getOrUndefined(Option.map(opening, (found) => found.value))
    } satisfies Details
  })
