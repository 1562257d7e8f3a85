/**
 * What a counselor reads to work on people, gathered in one use case each
 * and logged as one read per person: a seeker's whole case file, and the
 * follow-up calls to make with the names and numbers to call.
 *
 * @example
 * ```ts
 * import { CaseFile, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const file = CaseFile.caseFile(actor, Ids.SeekerId.make("seeker-0001"))
 * const calls = CaseFile.callList(actor) // today's follow-up calls, overdue ones, the upcoming ones
 * ```
 *
 * @since 0.3.0
 * @module
 * @category casework
 */
import { Effect } from "effect"
import type { CounselorId, EmployerId, OpeningId, SeekerId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Outbox from "../kernel/Outbox.js"
import type { Versioned } from "../kernel/Store.js"
import { type Actor, logAccess, logAccessAll, today } from "../kernel/UseCase.js"
import { EmployerRepository } from "../registry/Employer.js"
import { OpeningRepository } from "../registry/Opening.js"
import { type Seeker, SeekerRepository } from "../registry/Seeker.js"
import { type Counseling, CounselingRepository } from "./Counseling.js"
import * as FollowUp from "./FollowUp.js"
import { FollowUpRepository } from "./FollowUp.js"
import { type Placement, PlacementRepository } from "./Placement.js"
import { type Referral, ReferralRepository } from "./Referral.js"

/**
 * The names a screen shows beside ids: seekers', openings' titles and
 * employers' (a record since removed shows its id).
 *
 * @since 0.3.0
 * @category models
 */
export interface Names {
  readonly seeker: (id: SeekerId) => string
  readonly opening: (id: OpeningId) => string
  readonly employer: (id: EmployerId) => string
  /** The employer of an opening, when the opening was found. */
  readonly employerOf: (id: OpeningId) => EmployerId | undefined
}

/**
 * Looks up the names of the records a screen shows (an opening's employer
 * too), in one read per kind. Reading seekers' names is the caller's to log.
 *
 * @example
 * ```ts
 * import { CaseFile, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const names = CaseFile.namesOf(actor, {
 *   seekers: [Ids.SeekerId.make("seeker-0001")],
 *   openings: [Ids.OpeningId.make("opening-0001")]
 * })
 * ```
 *
 * @since 0.3.0
 * @category use cases
 */
export const namesOf = (
  actor: Actor,
  ids: { readonly seekers?: Iterable<SeekerId>; readonly openings?: Iterable<OpeningId>; readonly employers?: Iterable<EmployerId> }
) =>
  Effect.gen(function*() {
    const [seekerRepo, openingRepo, employerRepo] = yield* Effect.all([SeekerRepository, OpeningRepository, EmployerRepository])
    const seekers = yield* seekerRepo.getMany(actor.districtId, ids.seekers ?? [])
    const openings = yield* openingRepo.getMany(actor.districtId, ids.openings ?? [])
    const employers = yield* employerRepo.getMany(actor.districtId, [
      ...(ids.employers ?? []),
      ...openings.map((row) => row.value.employerId)
    ])
    const people = new Map<string, string>(seekers.map((row) => [row.value.id, row.value.name]))
    const titles = new Map<string, string>(openings.map((row) => [row.value.id, row.value.title]))
    const firms = new Map<string, string>(employers.map((row) => [row.value.id, row.value.name]))
    const employerOfOpening = new Map<string, EmployerId>(openings.map((row) => [row.value.id, row.value.employerId]))
    const names: Names = {
      seeker: (id) => people.get(id) ?? id,
      opening: (id) => titles.get(id) ?? id,
      employer: (id) => firms.get(id) ?? id,
      employerOf: (id) => employerOfOpening.get(id)
    }
    return names
  })

/**
 * A seeker's case file (상담 카드): the record with its version, counseling
 * sessions, referrals, placements, follow-up checks and the messages sent
 * about them.
 *
 * @since 0.3.0
 * @category models
 */
export interface CaseFile {
  readonly seeker: Versioned<Seeker>
  readonly counselings: ReadonlyArray<Versioned<Counseling>>
  readonly referrals: ReadonlyArray<Versioned<Referral>>
  readonly placements: ReadonlyArray<Versioned<Placement>>
  readonly checks: ReadonlyArray<Versioned<FollowUp.Check>>
  readonly messages: ReadonlyArray<Outbox.OutboxMessage>
  readonly names: Names
}

/**
 * Reads a seeker's case file, newest first in each part; one access-log
 * entry. Another district's seeker is not found.
 *
 * @example
 * ```ts
 * import { CaseFile, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // The seeker with their counseling, referrals, placements, checks and messages, in one read.
 * const file = CaseFile.caseFile(actor, Ids.SeekerId.make("seeker-0001"))
 * ```
 *
 * @since 0.3.0
 * @category use cases
 */
export const caseFile = (actor: Actor, seekerId: SeekerId) =>
  Effect.gen(function*() {
    const seeker = yield* Effect.flatMap(SeekerRepository, (repo) => repo.get(actor.districtId, seekerId))
    const [counselings, referrals, placements, messages] = yield* Effect.all([
      Effect.flatMap(CounselingRepository, (repo) => repo.listBySeeker(actor.districtId, seekerId)),
      Effect.flatMap(ReferralRepository, (repo) => repo.listBySeeker(actor.districtId, seekerId)),
      Effect.flatMap(PlacementRepository, (repo) => repo.listBySeeker(actor.districtId, seekerId)),
      Effect.flatMap(Outbox.Outbox, (outbox) => outbox.list(actor.districtId))
    ])
    const checks = yield* Effect.flatMap(FollowUpRepository, (repo) =>
      Effect.forEach(placements, (p) => repo.listByPlacement(actor.districtId, p.value.id)))
    const names = yield* namesOf(actor, {
      openings: [...referrals.map((r) => r.value.openingId), ...placements.flatMap((p) => p.value.openingId === undefined ? [] : [p.value.openingId])],
      employers: placements.map((p) => p.value.employerId)
    })
    yield* logAccess(actor, "read", "seeker", seekerId, "seeker.caseFile")
    const newest = <A>(on: (a: A) => string) => (a: A, b: A) => on(b).localeCompare(on(a))
    return {
      seeker,
      counselings: [...counselings].sort(newest((c) => c.value.heldOn)),
      referrals: [...referrals].sort(newest((r) => r.value.history.at(-1)!.on)),
      placements: [...placements].sort(newest((p) => p.value.startOn)),
      checks: checks.flat().sort((a, b) => a.value.dueOn.localeCompare(b.value.dueOn)),
      messages: messages.filter((m) => Outbox.concerns(m, seekerId)),
      names
    } satisfies CaseFile
  })

/**
 * A follow-up call to make or made: the check with its version (to record
 * it), and whom to call at which employer.
 *
 * @since 0.3.0
 * @category models
 */
export interface Call {
  readonly check: Versioned<FollowUp.Check>
  readonly seeker: { readonly id: SeekerId; readonly name: string; readonly phone?: string }
  readonly employer: string
}

/**
 * One section of the call list: a page of its calls, and how many there are.
 *
 * @since 0.3.0
 * @category models
 */
export interface Section {
  readonly calls: ReadonlyArray<Call>
  readonly total: number
  /** The page shown (clamped to the last), from 1, and how many pages there are. */
  readonly page: number
  readonly pages: number
}

/**
 * A counselor's follow-up ledger with the people to call, a page of each
 * section at a time.
 *
 * @since 0.3.0
 * @category models
 */
export interface CallList {
  readonly today: LocalDate.LocalDate
  readonly dueToday: Section
  /** The longest overdue first. */
  readonly overdue: Section
  /** Not done, due after today, whose window is open or due within {@link lookAheadDays}. */
  readonly upcoming: Section
  /** Not done and further ahead than that. */
  readonly later: number
  /** The most recently done first. */
  readonly done: Section
  readonly onTimeRate: number | undefined
  /** Open checks whose due date rests on computed holidays (`FollowUp.Ledger`'s `provisional`). */
  readonly provisional: number
}

/**
 * The sections of a call list.
 *
 * @since 0.3.0
 * @category models
 */
export type CallSection = "dueToday" | "overdue" | "upcoming" | "done"

/**
 * How far ahead the upcoming calls reach (a check whose window is open shows
 * whatever its due date, since recording it early counts as on time).
 *
 * @since 0.3.0
 * @category models
 */
export const lookAheadDays = 30

/**
 * Whether a check not done is one to call about soon: its window is open, or
 * it is due within {@link lookAheadDays}.
 *
 * @since 0.3.0
 * @category models
 */
export const isSoon = (check: FollowUp.Check, today: LocalDate.LocalDate) =>
  check.windowStart <= today || check.dueOn <= LocalDate.addDays(today, lookAheadDays)

const recentFirst = (a: FollowUp.Check, b: FollowUp.Check) =>
  (b.doneOn ?? "").localeCompare(a.doneOn ?? "") || b.dueOn.localeCompare(a.dueOn)

/**
 * The counselor's follow-up ledger (사후관리대장) today: for each section the
 * page asked for (the first by default, `perPage` calls), each check with the
 * seeker's name and phone and the employer. Only the people on the pages
 * returned are read, and each is logged once.
 *
 * @example
 * ```ts
 * import { CaseFile, JobCenter } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * const today = Effect.map(CaseFile.callList(actor), (calls) => [calls.dueToday, calls.overdue])
 * ```
 *
 * @since 0.3.0
 * @category use cases
 */
export const callList = (
  actor: Actor,
  counselorId: CounselorId = actor.counselorId,
  pages: Partial<Record<CallSection, number>> = {},
  perPage = 20
) =>
  Effect.gen(function*() {
    const rows = yield* Effect.flatMap(FollowUpRepository, (repo) => repo.listByCounselor(actor.districtId, counselorId))
    const day = yield* today
    const ledger = FollowUp.ledger(rows.map((row) => row.value), day)
    const versions = new Map(rows.map((row) => [row.value.id, row]))
    const upcoming = ledger.upcoming.filter((check) => isSoon(check, day))
    const slice = (checks: ReadonlyArray<FollowUp.Check>, section: CallSection) => {
      const count = Math.max(1, Math.ceil(checks.length / perPage))
      const page = Math.min(Math.max(1, Math.floor(pages[section] ?? 1)), count)
      return { checks: checks.slice((page - 1) * perPage, page * perPage), total: checks.length, page, pages: count }
    }
    const shown = {
      dueToday: slice(ledger.dueToday, "dueToday"),
      overdue: slice(ledger.overdue, "overdue"),
      upcoming: slice(upcoming, "upcoming"),
      done: slice([...ledger.done].sort(recentFirst), "done")
    }
    const checks = Object.values(shown).flatMap((section) => section.checks)
    // One read for the people shown (whoever's caseload they are in now) and
    // one for their jobs.
    const [seekers, placements] = yield* Effect.all([SeekerRepository, PlacementRepository])
    const found = new Map((yield* seekers.getMany(actor.districtId, checks.map((c) => c.seekerId))).map((row) => [row.value.id, row.value]))
    const employers = new Map(
      (yield* placements.getMany(actor.districtId, checks.map((c) => c.placementId))).map((row) => [row.value.id, row.value.employerId])
    )
    const names = yield* namesOf(actor, { employers: employers.values() })
    yield* logAccessAll(actor, "read", "seeker", checks.map((c) => c.seekerId), "followUp.callList")
    const callOf = (check: FollowUp.Check): Call => {
      const seeker = found.get(check.seekerId)
      const employerId = employers.get(check.placementId)
      return {
        check: versions.get(check.id)!,
        seeker: seeker === undefined
          ? { id: check.seekerId, name: check.seekerId }
          : { id: check.seekerId, name: seeker.name, ...(seeker.contact.phone === undefined ? {} : { phone: seeker.contact.phone }) },
        employer: employerId === undefined ? "" : names.employer(employerId)
      }
    }
    const section = ({ checks, ...rest }: ReturnType<typeof slice>): Section => ({ calls: checks.map(callOf), ...rest })
    return {
      today: day,
      dueToday: section(shown.dueToday),
      overdue: section(shown.overdue),
      upcoming: section(shown.upcoming),
      later: ledger.upcoming.length - upcoming.length,
      done: section(shown.done),
      onTimeRate: ledger.onTimeRate,
      provisional: ledger.provisional
    } satisfies CallList
  })
