/**
 * Casework as use cases: counseling, referrals, placements (one per
 * referral) with their follow-up schedule, the follow-up ledger and digests,
 * and the monitoring review — each in its transaction, every read or write of
 * a seeker's data logged.
 *
 * @since 0.2.0
 */
import { Context, Effect, Option, Schema } from "effect"
import type { AuditLog } from "../kernel/Audit.js"
import type { PersistenceError } from "../kernel/Errors.js"
import type { IdGenerator } from "../kernel/IdGenerator.js"
import * as BusinessCalendar from "../kernel/BusinessCalendar.js"
import { ContractType, WorkSchedule } from "../kernel/Codes.js"
import { CounselingId, type CounselorId, EmployerId, FollowUpId, OpeningId, PlacementId, ReferralId, SeekerId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import type { Page, Versioned } from "../kernel/Store.js"
import { Note } from "../kernel/Text.js"
import * as UseCase from "../kernel/UseCase.js"
import { type Actor } from "../kernel/UseCase.js"
import * as Validation from "../kernel/Validation.js"
import { DesiredWage } from "../kernel/Wage.js"
import { CounselorRepository } from "../registry/Counselor.js"
import { EmployerRepository } from "../registry/Employer.js"
import * as Opening from "../registry/Opening.js"
import { OpeningRepository } from "../registry/Opening.js"
import * as Caseload from "../registry/Caseload.js"
import { SeekerRepository } from "../registry/Seeker.js"
import * as Counseling from "./Counseling.js"
import { CounselingRepository } from "./Counseling.js"
import * as CenterSettings from "./CenterSettings.js"
import * as FollowUp from "./FollowUp.js"
import { FollowUpRepository } from "./FollowUp.js"
import * as Monitoring from "./Monitoring.js"
import { AlreadyPlaced, Filter as PlacementFilter, Placement, PlacementRepository } from "./Placement.js"
import * as Referral from "./Referral.js"
import { ReferralRepository } from "./Referral.js"

const { boundedPage, enqueue, keysetPage, fieldsOf, inTransaction, invalid, logAccess, logAccessAll, newId, notBeyond, notInFuture, pageFrom, today } = UseCase

/**
 * How far ahead a placement's first day may lie, by default: a year. A
 * placement records a job agreed; a start beyond that is a typing error
 * (2099 for 2029), and its follow-up calendar would not be known.
 *
 * @since 0.4.0
 * @category placements
 */
export const placementHorizonDays = 365

/**
 * A district's settings for the use cases. Provide your own with
 * `Effect.provideService(JobCenter.Config, { ... })`.
 *
 * @since 0.1.0
 * @category config
 */
export class Config extends Context.Reference<Config>()("@iljari/core/Casework/Config", {
  defaultValue: (): {
    readonly followUpPolicy: FollowUp.Policy
    readonly calendar: BusinessCalendar.BusinessCalendar
    readonly monitoring: Monitoring.Config
  } => ({
    followUpPolicy: FollowUp.threeMonthly,
    calendar: BusinessCalendar.korea,
    monitoring: Monitoring.defaultConfig
  })
}) {}

/**
 * A referral to an opening that no longer takes candidates.
 *
 * @since 0.1.0
 * @category errors
 */
export class OpeningNotOpen extends Schema.TaggedError<OpeningNotOpen>()("OpeningNotOpen", {
  openingId: Schema.String,
  status: Opening.OpeningStatus
}) {
  override get message(): string {
    return `Opening "${this.openingId}" is ${this.status}, not open: it takes no new referrals`
  }
}


/**
 * The counseling form: what `logCounseling` decodes, and what an HTTP API
 * documents.
 *
 * @since 0.2.0
 * @category counseling
 */
export const CounselingRequest = Schema.Struct({
  seekerId: SeekerId,
  heldOn: LocalDate.LocalDate,
  channel: Counseling.CounselingChannel,
  notes: Schema.optionalWith(Note, { exact: true }),
  nextStep: Schema.optionalWith(Schema.String, { exact: true })
}).annotations({ identifier: "Counseling" })

/**
 * Logs a counseling session the acting counselor held with a seeker.
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const session = JobCenter.logCounseling(actor, {
 *   seekerId: "seeker-0001",
 *   heldOn: "2026-05-14",
 *   channel: "visit",
 *   notes: "경비직 희망, 이력서 보완 안내",
 *   nextStep: "다음 주 채용공고 3건 안내"
 * })
 * ```
 *
 * @since 0.1.0
 * @category counseling
 */
export const logCounseling = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* fieldsOf("Counseling", input)
    const request = yield* Validation.decode(CounselingRequest)(fields)
    yield* notInFuture("Counseling", "heldOn", request.heldOn, {
      en: "a counseling session is logged once it was held",
      ko: "상담은 한 뒤에 기록합니다"
    })
    const seeker = yield* Effect.flatMap(SeekerRepository, (repo) => repo.get(actor.districtId, request.seekerId))
    yield* Caseload.mayWorkOn(actor, seeker.value)
    const session = yield* Counseling.decode({
      ...fields,
      id: yield* newId(CounselingId, "counseling"),
      districtId: actor.districtId,
      counselorId: actor.counselorId
    })
    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* Effect.flatMap(CounselingRepository, (repo) => repo.insert(session))
      yield* Caseload.record(actor, session.seekerId, "counseling")
      yield* logAccess(actor, "update", "seeker", session.seekerId, "counseling.log")
      return stored
    }))
  })

/**
 * The referral form: the seeker, the opening, and a note.
 *
 * @since 0.2.0
 * @category referrals
 */
export const ReferralRequest = Schema.Struct({
  seekerId: SeekerId,
  openingId: OpeningId,
  notes: Schema.optionalWith(Note, { exact: true })
}).annotations({ identifier: "Referral" })

/**
 * Proposes a seeker for an open opening: a referral in `proposed`. A seeker
 * already proposed, sent or interviewing for the opening fails with
 * `ActiveReferralExists` naming that referral.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const referral = JobCenter.proposeReferral(actor, {
 *   seekerId: Ids.SeekerId.make("seeker-0001"),
 *   openingId: Ids.OpeningId.make("opening-0001"),
 *   notes: "면접 동행 희망"
 * })
 * ```
 *
 * @since 0.1.0
 * @category referrals
 */
export const proposeReferral = (actor: Actor, request: typeof ReferralRequest.Type) =>
  Effect.gen(function*() {
    const seeker = yield* Effect.flatMap(SeekerRepository, (repo) => repo.get(actor.districtId, request.seekerId))
    yield* Caseload.mayWorkOn(actor, seeker.value)
    const opening = yield* Effect.flatMap(OpeningRepository, (repo) => repo.get(actor.districtId, request.openingId))
    if (opening.value.status !== "open") {
      return yield* new OpeningNotOpen({ openingId: opening.value.id, status: opening.value.status })
    }
    // One active referral per seeker and opening; the referrals' partial unique index keeps this under a race too.
    const active = (yield* Effect.flatMap(ReferralRepository, (repo) => repo.listBySeeker(actor.districtId, request.seekerId)))
      .find((r) => r.value.openingId === request.openingId && Referral.isActive(r.value.status))
    if (active !== undefined) {
      return yield* new Referral.ActiveReferralExists({ seekerId: request.seekerId, openingId: request.openingId, referralId: active.value.id })
    }
    const on = yield* today
    const referral = yield* Validation.decode(Referral.Referral)({
      id: yield* newId(ReferralId, "referral"),
      districtId: actor.districtId,
      seekerId: request.seekerId,
      openingId: request.openingId,
      counselorId: actor.counselorId,
      status: "proposed",
      history: [{ status: "proposed", on, by: actor.counselorId }],
      ...(request.notes === undefined ? {} : { notes: request.notes })
    })
    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* Effect.flatMap(ReferralRepository, (repo) => repo.insert(referral))
      yield* Caseload.record(actor, referral.seekerId, "referral")
      yield* logAccess(actor, "update", "seeker", referral.seekerId, "referral.propose")
      return stored
    }))
  })

/**
 * Moves a referral along its state machine; an illegal move fails with
 * `InvalidTransition` naming both states.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // proposed → sent → interviewing → hired (or rejected, withdrawn); a wrong step fails with InvalidTransition.
 * const sent = JobCenter.moveReferral(actor, {
 *   referralId: Ids.ReferralId.make("referral-0001"),
 *   to: "sent",
 *   expectedVersion: 1
 * })
 * ```
 *
 * @since 0.1.0
 * @category referrals
 */
export const moveReferral = (
  actor: Actor,
  request: { readonly referralId: ReferralId; readonly to: Referral.ReferralStatus; readonly expectedVersion: number }
) =>
  Effect.gen(function*() {
    const repo = yield* ReferralRepository
    const current = yield* repo.get(actor.districtId, request.referralId)
    const seeker = yield* Effect.flatMap(SeekerRepository, (seekers) => seekers.get(actor.districtId, current.value.seekerId))
    yield* Caseload.mayWorkOn(actor, seeker.value)
    const moved = yield* Referral.transition(current.value, request.to, yield* today, actor.counselorId)
    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* repo.update(moved, request.expectedVersion)
      yield* logAccess(actor, "update", "seeker", moved.seekerId, "referral.move")
      return stored
    }))
  })

/**
 * One of the district's referrals with its version (`NotFound` for another
 * district's); the seeker it concerns is logged as read (`referral.view`).
 *
 * @example
 * ```ts
 * import { Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const referral = JobCenter.getReferral(actor, Ids.ReferralId.make("referral-0001"))
 * ```
 *
 * @since 0.3.0
 * @category referrals
 */
export const getReferral = (actor: Actor, referralId: ReferralId) =>
  Effect.gen(function*() {
    const row = yield* Effect.flatMap(ReferralRepository, (repo) => repo.get(actor.districtId, referralId))
    yield* logAccess(actor, "read", "seeker", row.value.seekerId, "referral.view")
    return row
  })

const decodeReferralFilter = Validation.decode(Referral.Filter)

/**
 * The district's referrals that pass the filter (`Referral.Filter`: a status
 * for a board's column, a counselor, a seeker, an opening), newest first: a
 * page of at most `maxPageSize` (the first by default, or the one `after` a
 * referral's id), how many there are in all and `next`, the id to ask the
 * next page after (`undefined` on the last). Each seeker the page shows is logged as read (`referral.list`).
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const interviewing = JobCenter.listReferrals(actor, { status: "interviewing" }, { limit: 20 })
 * ```
 *
 * @since 0.3.0
 * @category referrals
 */
export const listReferrals = (actor: Actor, filter: unknown, page: Page = {}) =>
  Effect.gen(function*() {
    const decoded = yield* decodeReferralFilter(filter)
    const slice = yield* boundedPage(page)
    const found = yield* Effect.flatMap(ReferralRepository, (repo) => keysetPage(slice, (page) => repo.search(actor.districtId, decoded, page)))
    yield* logAccessAll(actor, "read", "seeker", found.items.map((row) => row.value.seekerId), "referral.list")
    return found
  })


// ---------------------------------------------------------------------------
// Placements and follow-up
// ---------------------------------------------------------------------------

/**
 * The placement form: the seeker, the referral (absent for a job they found
 * alone), the start and the terms — what `recordPlacement` decodes, and what
 * an HTTP API documents.
 *
 * @since 0.2.0
 * @category placements
 */
export const PlacementRequest = Schema.Struct({
  seekerId: SeekerId,
  /** The center's referral that led to the job; absent for a job the seeker found alone. */
  referralId: Schema.optionalWith(ReferralId, { exact: true }),
  /** Required for a self-found job; taken from the referral's opening otherwise. */
  employerId: Schema.optionalWith(EmployerId, { exact: true }),
  startOn: LocalDate.LocalDate,
  contractType: ContractType,
  schedule: WorkSchedule,
  wage: Schema.optionalWith(DesiredWage, { exact: true }),
  notes: Schema.optionalWith(Note, { exact: true })
}).annotations({ identifier: "Placement" })

/**
 * What recording a placement stored.
 *
 * @since 0.1.0
 * @category placements
 */
export interface PlacementRecorded {
  readonly placement: Versioned<Placement>
  readonly followUps: ReadonlyArray<Versioned<FollowUp.Check>>
}

/**
 * Records a placement with its follow-up schedule, all or nothing. A
 * referral is placed once: a second placement of it fails with
 * `AlreadyPlaced`, naming the first.
 *
 * Through a referral of the center, the referral moves to `hired` (from
 * `interviewing`) and the placement counts for the center. Without one, the
 * placement is recorded as self-found and does not count. The schedule falls
 * on business days of the configured calendar, and the seeker is sent a
 * notice of the follow-up calls to expect (through the outbox).
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * const placed = Effect.map(
 *   JobCenter.recordPlacement(actor, {
 *     seekerId: "seeker-0001",
 *     referralId: "referral-0001",
 *     startOn: "2026-06-01",
 *     contractType: "open-ended",
 *     schedule: "full-time",
 *     wage: { type: "monthly", amount: 2_300_000 }
 *   }),
 *   // The follow-up checks are scheduled on business days by JobCenter.Config's policy.
 *   ({ followUps }) => followUps.map((check) => check.value.dueOn)
 * )
 * ```
 *
 * @since 0.1.0
 * @category placements
 */
export const recordPlacement = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const request = yield* Validation.decode(PlacementRequest)(yield* fieldsOf("Placement", input))
    yield* notBeyond("Placement", "startOn", request.startOn, placementHorizonDays, {
      en: "a placement records a job agreed, whose first day is at most a year ahead",
      ko: "취업은 합의된 일자리를 기록하므로 첫 출근일은 1년 안이어야 합니다"
    })
    // The district's own follow-up policy and closures, as set on the day it is recorded.
    const config = yield* CenterSettings.effective(actor.districtId, yield* Config)
    const seeker = yield* Effect.flatMap(SeekerRepository, (repo) => repo.get(actor.districtId, request.seekerId))
    yield* Caseload.mayWorkOn(actor, seeker.value)
    const referrals = yield* ReferralRepository
    const recordedOn = yield* today

    let hired: { readonly referral: Referral.Referral; readonly version: number } | undefined
    let employerId = request.employerId
    let openingId: OpeningId | undefined
    if (request.referralId !== undefined) {
      const referral = yield* referrals.get(actor.districtId, request.referralId)
      if (referral.value.seekerId !== request.seekerId) {
        return yield* invalid("Placement", "referralId", `is a referral of another seeker ("${referral.value.seekerId}")`)
      }
      // A referral is placed once; the placements' unique index keeps this under a race too.
      const placed = yield* Effect.flatMap(PlacementRepository, (repo) => repo.findByReferral(actor.districtId, referral.value.id))
      if (Option.isSome(placed)) {
        return yield* new AlreadyPlaced({ referralId: referral.value.id, placementId: placed.value.value.id })
      }
      const moved = referral.value.status === "hired"
        ? referral.value
        : yield* Referral.transition(referral.value, "hired", recordedOn, actor.counselorId)
      hired = { referral: moved, version: referral.version }
      const opening = yield* Effect.flatMap(OpeningRepository, (repo) => repo.get(actor.districtId, moved.openingId))
      if (employerId !== undefined && employerId !== opening.value.employerId) {
        return yield* invalid("Placement", "employerId", `differs from the referral's employer ("${opening.value.employerId}")`)
      }
      employerId = opening.value.employerId
      openingId = opening.value.id
    } else if (employerId === undefined) {
      return yield* invalid("Placement", "employerId", "is required for a job the seeker found without a referral")
    } else {
      yield* Effect.flatMap(EmployerRepository, (repo) => repo.get(actor.districtId, employerId!))
    }

    const placement = new Placement({
      id: yield* newId(PlacementId, "placement"),
      districtId: actor.districtId,
      seekerId: request.seekerId,
      employerId,
      ...(openingId === undefined ? {} : { openingId }),
      ...(hired === undefined ? {} : { referralId: hired.referral.id }),
      counselorId: actor.counselorId,
      startOn: request.startOn,
      recordedOn,
      contractType: request.contractType,
      schedule: request.schedule,
      ...(request.wage === undefined ? {} : { wage: request.wage }),
      verification: hired === undefined ? "self-found" : "center-referral",
      countsForCenter: hired !== undefined,
      ...(request.notes === undefined ? {} : { notes: request.notes })
    })
    const drafts = yield* FollowUp.schedule(request.startOn, config.followUpPolicy, config.calendar)
    const provisional = drafts.filter((draft) => draft.provisional === true).map((draft) => draft.dueOn)
    if (provisional.length > 0) {
      yield* Effect.logWarning(
        `Follow-up checks due ${provisional.join(", ")} rest on holidays computed from the rules: the calendar ` +
          `"${config.calendar.name}" has no official list for their year yet. Check them when a temporary holiday is declared.`
      )
    }
    const checks: Array<FollowUp.Check> = []
    for (const draft of drafts) {
      checks.push(
        new FollowUp.Check({
          ...draft,
          id: yield* newId(FollowUpId, "follow-up"),
          districtId: actor.districtId,
          placementId: placement.id,
          seekerId: placement.seekerId,
          counselorId: actor.counselorId
        })
      )
    }

    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* Effect.flatMap(PlacementRepository, (repo) => repo.insert(placement))
      // Saved even when it was already hired (without a placement), so that a
      // referral someone changed meanwhile fails the whole placement with StaleVersion.
      if (hired !== undefined) yield* referrals.update(hired.referral, hired.version)
      const followUps = yield* Effect.flatMap(FollowUpRepository, (repo) => Effect.forEach(checks, repo.insert))
      if (seeker.value.contact.phone !== undefined && checks.length > 0) {
        yield* enqueue(actor, {
          recipient: { kind: "seeker", id: placement.seekerId },
          channel: "sms",
          purpose: "service",
          urgent: false,
          template: "follow-up-schedule",
          params: { firstCheck: checks[0]!.dueOn, checks: String(checks.length) },
          idempotencyKey: `placement:${placement.id}:follow-up-schedule`
        })
      }
      yield* Caseload.record(actor, placement.seekerId, "placement")
      yield* logAccess(actor, "update", "seeker", placement.seekerId, "placement.record")
      return { placement: stored, followUps } satisfies PlacementRecorded
    }))
  })

/**
 * One of the district's placements with its version (`NotFound` for another
 * district's); the seeker placed is logged as read (`placement.view`).
 *
 * @example
 * ```ts
 * import { Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const placement = JobCenter.getPlacement(actor, Ids.PlacementId.make("placement-0001"))
 * ```
 *
 * @since 0.3.0
 * @category placements
 */
export const getPlacement = (actor: Actor, placementId: PlacementId) =>
  Effect.gen(function*() {
    const row = yield* Effect.flatMap(PlacementRepository, (repo) => repo.get(actor.districtId, placementId))
    yield* logAccess(actor, "read", "seeker", row.value.seekerId, "placement.view")
    return row
  })

const decodePlacementFilter = Validation.decode(PlacementFilter)

/**
 * The district's placements that pass the filter (`Placement.Filter`: a
 * counselor, a seeker, a range of start dates), newest start first: a page of
 * at most `maxPageSize` (the first by default, or the one `after` a
 * placement's id), how many there are in all and `next`, the id to ask the
 * next page after (`undefined` on the last).
 * Each seeker the page shows is logged as read (`placement.list`).
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const thisYear = JobCenter.listPlacements(actor, { startedFrom: "2026-01-01", startedTo: "2026-12-31" })
 * ```
 *
 * @since 0.3.0
 * @category placements
 */
export const listPlacements = (actor: Actor, filter: unknown, page: Page = {}) =>
  Effect.gen(function*() {
    const decoded = yield* decodePlacementFilter(filter)
    const slice = yield* boundedPage(page)
    const found = yield* Effect.flatMap(PlacementRepository, (repo) => keysetPage(slice, (page) => repo.search(actor.districtId, decoded, page)))
    yield* logAccessAll(actor, "read", "seeker", found.items.map((row) => row.value.seekerId), "placement.list")
    return found
  })

/**
 * Records a follow-up check's result. A check can be recorded once, not
 * before its window opens and not in the future; "quit" opens re-employment
 * support — the seeker is invited back for counseling through the outbox —
 * and cancels the placement's later checks.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const recorded = JobCenter.recordFollowUp(actor, {
 *   checkId: Ids.FollowUpId.make("followup-0001"),
 *   expectedVersion: 1,
 *   result: { doneOn: "2026-07-01", channel: "phone", outcome: "working", notes: "근무 적응 양호" }
 * })
 * ```
 *
 * @since 0.1.0
 * @category follow-up
 */
export const recordFollowUp = (
  actor: Actor,
  request: { readonly checkId: FollowUp.Check["id"]; readonly expectedVersion: number; readonly result: unknown }
) =>
  Effect.gen(function*() {
    const result = yield* Validation.decode(FollowUp.Result)(request.result)
    const on = yield* today
    yield* notInFuture("FollowUpResult", "doneOn", result.doneOn, {
      en: "a follow-up contact is recorded once it was made",
      ko: "사후관리 연락은 한 뒤에 기록합니다"
    })
    const repo = yield* FollowUpRepository
    const current = yield* repo.get(actor.districtId, request.checkId)
    // The check's own counselor calls, even once the seeker moved to another caseload.
    if (current.value.counselorId !== actor.counselorId) {
      const seeker = yield* Effect.flatMap(SeekerRepository, (seekers) => seekers.get(actor.districtId, current.value.seekerId))
      yield* Caseload.mayWorkOn(actor, seeker.value)
    }
    const recorded = yield* FollowUp.record(current.value, result)
    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* repo.update(recorded.check, request.expectedVersion)
      if (recorded.reemploymentSupport) {
        // The job ended: its later checks are no longer due and must not turn overdue.
        const siblings = yield* repo.listByPlacement(actor.districtId, recorded.check.placementId)
        const versions = new Map(siblings.map((row) => [row.value.id, row.version] as const))
        const cancelled = FollowUp.cancelAfterQuit(recorded.check, siblings.map((row) => row.value), on)
        yield* Effect.forEach(cancelled, (check) => repo.update(check, versions.get(check.id)!))
        yield* enqueue(actor, {
          recipient: { kind: "seeker", id: recorded.check.seekerId },
          channel: "sms",
          purpose: "service",
          urgent: false,
          template: "reemployment-support",
          params: { counselorId: actor.counselorId },
          idempotencyKey: `follow-up:${recorded.check.id}:reemployment-support`
        })
        yield* Caseload.record(actor, recorded.check.seekerId, "quit")
      }
      yield* logAccess(actor, "update", "seeker", recorded.check.seekerId, "followUp.record")
      return { check: stored, reemploymentSupport: recorded.reemploymentSupport }
    }))
  })

/**
 * A counselor's follow-up ledger (취업자 사후관리대장) today: due today,
 * overdue, upcoming, done and the on-time rate.
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const mine = JobCenter.followUpLedger(actor, actor.counselorId) // due, overdue and done checks
 * ```
 *
 * @since 0.1.0
 * @category follow-up
 */
export const followUpLedger = (actor: Actor, counselorId: CounselorId = actor.counselorId) =>
  Effect.map(followUpLedgerWithVersions(actor, counselorId), ({ ledger }) => ledger)

/**
 * {@link followUpLedger} with each check's stored version, which recording
 * it needs: one read of the counselor's checks serves both.
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const mine = JobCenter.followUpLedgerWithVersions(actor)
 * // ledger.dueToday[0] is recorded with versions.get(ledger.dueToday[0].id)
 * ```
 *
 * @since 0.4.0
 * @category follow-up
 */
export const followUpLedgerWithVersions = (
  actor: Actor,
  counselorId: CounselorId = actor.counselorId
): Effect.Effect<
  { readonly ledger: FollowUp.Ledger; readonly versions: ReadonlyMap<FollowUpId, number> },
  PersistenceError,
  FollowUpRepository | AuditLog | IdGenerator
> =>
  Effect.gen(function*() {
    const rows = yield* Effect.flatMap(FollowUpRepository, (repo) => repo.listByCounselor(actor.districtId, counselorId))
    yield* logAccessAll(actor, "read", "seeker", rows.map((row) => row.value.seekerId), "followUp.ledger")
    return {
      ledger: FollowUp.ledger(rows.map((row) => row.value), yield* today),
      versions: new Map(rows.map((row) => [row.value.id, row.version]))
    }
  })

/**
 * A follow-up check as a call list shows it: the check with its version
 * (which recording it needs) and the seeker to phone — name, phone and the
 * seeker's version —, or `undefined` for a seeker no longer on record.
 *
 * @since 0.3.0
 * @category follow-up
 */
export interface LedgerItem {
  readonly value: FollowUp.Check
  readonly version: number
  readonly seeker:
    | {
      readonly id: SeekerId
      readonly name: string
      readonly phone: string | undefined
      readonly version: number
    }
    | undefined
}

/**
 * {@link followUpLedger} as a call list: the same groups and on-time rate,
 * each check with its version and the seeker's name, phone and version, so
 * that a counselor can phone everyone due without reading each seeker. The
 * seekers are read in one `getMany`; each is logged as read once
 * (`followUp.ledger`).
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * // Today's calls: who to phone, at which number, for which check.
 * const calls = Effect.map(JobCenter.followUpCallList(actor), (ledger) =>
 *   ledger.dueToday.map((item) => `${item.seeker?.name} ${item.seeker?.phone ?? "-"} (${item.value.sequence}차)`)
 * )
 * ```
 *
 * @since 0.3.0
 * @category follow-up
 */
export const followUpCallList = (actor: Actor, counselorId: CounselorId = actor.counselorId) =>
  Effect.gen(function*() {
    const rows = yield* Effect.flatMap(FollowUpRepository, (repo) => repo.listByCounselor(actor.districtId, counselorId))
    const item = yield* callItems(actor, rows, rows.map((row) => row.value))
    const ledger = FollowUp.ledger(rows.map((row) => row.value), yield* today)
    return {
      ...ledger,
      dueToday: ledger.dueToday.map(item),
      overdue: ledger.overdue.map(item),
      upcoming: ledger.upcoming.map(item),
      done: ledger.done.map(item),
      cancelled: ledger.cancelled.map(item)
    }
  })

// The call-list item of each check shown: the seekers shown read at once and
// each logged as read once (`followUp.ledger`).
const callItems = (actor: Actor, rows: ReadonlyArray<Versioned<FollowUp.Check>>, shown: ReadonlyArray<FollowUp.Check>) =>
  Effect.gen(function*() {
    const seekerIds = shown.map((check) => check.seekerId)
    const seekers = yield* Effect.flatMap(SeekerRepository, (repo) => repo.getMany(actor.districtId, seekerIds))
    yield* logAccessAll(actor, "read", "seeker", seekerIds, "followUp.ledger")
    const versions = new Map(rows.map((row) => [row.value.id, row.version]))
    const people = new Map(seekers.map((row) => [row.value.id, row]))
    return (check: FollowUp.Check): LedgerItem => {
      const seeker = people.get(check.seekerId)
      return {
        value: check,
        version: versions.get(check.id) ?? 1,
        seeker: seeker === undefined
          ? undefined
          : { id: seeker.value.id, name: seeker.value.name, phone: seeker.value.contact.phone, version: seeker.version }
      }
    }
  })

/**
 * The groups of a follow-up ledger: checks due today, overdue, upcoming,
 * done and cancelled.
 *
 * @since 0.4.0
 * @category follow-up
 */
export const LedgerGroup = Schema.Literal("dueToday", "overdue", "upcoming", "done", "cancelled").annotations({
  identifier: "LedgerGroup",
  description: "A group of the follow-up ledger: dueToday, overdue, upcoming, done or cancelled"
})
/** @since 0.4.0 @category follow-up */
export type LedgerGroup = typeof LedgerGroup.Type

// The order a group is paged in: by due date, then by id.
const byDueOn = (a: FollowUp.Check, b: FollowUp.Check) => LocalDate.compare(a.dueOn, b.dueOn) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * One group of {@link followUpCallList}, a page at a time: the checks of
 * the group by due date (then id), at most `maxPageSize` a page, each with
 * its version and the seeker to phone, how many the group holds, and the id
 * to ask the next page `after` (`undefined` on the last). Only the seekers
 * the page shows are read and logged (`followUp.ledger`): a counselor with
 * years of done checks phones today's calls without reading them all.
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // The first twenty overdue calls.
 * const calls = JobCenter.followUpCalls(actor, "overdue", { limit: 20 })
 * ```
 *
 * @since 0.4.0
 * @category follow-up
 */
export const followUpCalls = (actor: Actor, group: LedgerGroup, page: Page = {}, counselorId: CounselorId = actor.counselorId) =>
  Effect.gen(function*() {
    const slice = yield* boundedPage(page)
    const rows = yield* Effect.flatMap(FollowUpRepository, (repo) => repo.listByCounselor(actor.districtId, counselorId))
    const checks = [...FollowUp.ledger(rows.map((row) => row.value), yield* today)[group]].sort(byDueOn)
    // After the cursor's check wherever it now sorts (keyset): a check recorded
    // meanwhile, which left the group, still marks where the page ends.
    const anchor = slice.after === undefined ? undefined : rows.find((row) => row.value.id === slice.after)?.value
    const following = slice.after === undefined ? checks : anchor === undefined ? [] : checks.filter((check) => byDueOn(check, anchor) > 0)
    const shown = pageFrom(following, slice.limit, (check) => check.id)
    const item = yield* callItems(actor, rows, shown.items)
    return { items: shown.items.map(item), total: checks.length, next: shown.next }
  })

/**
 * Queues each active counselor's daily follow-up digest (e-mail): the calls
 * due today and overdue, with each seeker's name and phone. Reading them is
 * audited per seeker. One digest per counselor a day, however often this
 * runs; counselors with nothing due get none.
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // Run once each business morning: one message per counselor with checks due.
 * const queued = JobCenter.enqueueFollowUpDigests(actor)
 * ```
 *
 * @since 0.1.0
 * @category follow-up
 */
export const enqueueFollowUpDigests = (actor: Actor) =>
  Effect.gen(function*() {
    const day = yield* today
    const [counselors, followUps, seekers] = yield* Effect.all([CounselorRepository, FollowUpRepository, SeekerRepository])
    let queued = 0
    for (const { value: counselor } of yield* counselors.list(actor.districtId)) {
      if (!counselor.active || counselor.contact.email === undefined) continue
      const rows = yield* followUps.listByCounselor(actor.districtId, counselor.id)
      const ledger = FollowUp.ledger(rows.map((row) => row.value), day)
      const calls = [...ledger.overdue, ...ledger.dueToday]
      if (calls.length === 0) continue
      const lines: Array<string> = []
      for (const check of calls) {
        const seeker = yield* seekers.get(actor.districtId, check.seekerId)
        const late = check.dueOn < day ? ` (지연, 기한 ${check.dueOn})` : ""
        lines.push(`- ${seeker.value.name} ${seeker.value.contact.phone ?? "전화번호 없음"} · ${check.sequence}차${late}`)
      }
      const named = calls.map((check) => check.seekerId)
      yield* logAccessAll(actor, "read", "seeker", named, "followUp.digest")
      yield* enqueue(actor, {
        recipient: { kind: "counselor", id: counselor.id },
        channel: "email",
        purpose: "service",
        urgent: false,
        template: "follow-up-digest",
        params: {
          counselor: counselor.name,
          date: day,
          dueToday: String(ledger.dueToday.length),
          overdue: String(ledger.overdue.length),
          list: lines.join("\n")
        },
        idempotencyKey: `follow-up-digest:${counselor.id}:${day}`,
        about: [...new Set(named)]
      })
      queued++
    }
    return queued
  })

// ---------------------------------------------------------------------------
// Review
// ---------------------------------------------------------------------------

/**
/**
 * The monitoring review of a period over the district's records, without the
 * access log: the caller logs the findings it shows (all of them for a
 * manager's review, a counselor's own on their desk).
 *
 * @since 0.3.0
 * @category monitoring
 */
export const reviewRecords = (actor: Actor, period: Monitoring.Period) =>
  Effect.gen(function*() {
    const config = yield* Config
    const length = LocalDate.daysBetween(period.from, period.to) + 1
    const historyFrom = LocalDate.addDays(period.from, -length * config.monitoring.volumeBaselinePeriods)
    const values = <A>(rows: ReadonlyArray<Versioned<A>>) => rows.map((row) => row.value)
    // Only what the rules look at, not the whole district: the placements of
    // the period and its baseline, their referrals, the seekers who may be
    // registered twice and those seekers' counseling.
    const [seekers, placements] = yield* Effect.all([
      Effect.flatMap(SeekerRepository, (repo) => repo.listPossibleDuplicates(actor.districtId)),
      Effect.flatMap(PlacementRepository, (repo) => repo.listStartedBetween(actor.districtId, historyFrom, period.to))
    ])
    const referralIds = placements.flatMap((row) => (row.value.referralId === undefined ? [] : [row.value.referralId]))
    const [referrals, counselings] = yield* Effect.all([
      Effect.flatMap(ReferralRepository, (repo) => repo.getMany(actor.districtId, referralIds)),
      Effect.flatMap(CounselingRepository, (repo) =>
        Effect.map(Effect.forEach(seekers, (row) => repo.listBySeeker(actor.districtId, row.value.id)), (lists) => lists.flat()))
    ])
    return Monitoring.review(
      {
        districtId: actor.districtId,
        seekers: values(seekers),
        referrals: values(referrals),
        placements: values(placements),
        counselings: values(counselings)
      },
      period,
      config.monitoring
    )
  })

/** The seekers a set of findings names. */
export const seekersNamedIn = (findings: ReadonlyArray<Monitoring.Finding>) =>
  findings.flatMap((finding) => finding.records.filter((r) => r.kind === "seeker").map((r) => r.id))

/**
 * The monitoring review of a period over the district's records.
 *
 * @example
 * ```ts
 * import { JobCenter, LocalDate } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // The twice-monthly review of improper records (the first half of May).
 * const findings = JobCenter.monitor(actor, { from: LocalDate.make(2026, 5, 1), to: LocalDate.make(2026, 5, 15) })
 * ```
 *
 * @since 0.1.0
 * @category monitoring
 */
export const monitor = (actor: Actor, period: Monitoring.Period) =>
  Effect.gen(function*() {
    yield* UseCase.checkPeriod("Period", period)
    const findings = yield* reviewRecords(actor, period)
    yield* logAccessAll(actor, "read", "seeker", seekersNamedIn(findings), "monitoring.review")
    return findings
  })

