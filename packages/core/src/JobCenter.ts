/**
 * The job center's daily work as use cases over the ports: registering
 * seekers, employers and openings; counseling; referrals; placements and
 * their follow-up; the ledger; the monitoring review; target pace.
 *
 * Every use case acts for an {@link Actor} — a staff member of one district —
 * and touches that district's records only. Every read or write of a seeker's
 * personal data leaves an audit entry (who, when, from where, whose data,
 * what). Input arrives as `unknown` and is decoded, so a bad form fails with a
 * `ValidationError` naming the fields and nothing is written.
 *
 * @since 0.1.0
 */
import { Context, DateTime, Effect, Option, Schema } from "effect"
import { type AuditAction, type AuditEntry, AuditLog, type AuditQuery } from "./kernel/Audit.js"
import * as BusinessCalendar from "./kernel/BusinessCalendar.js"
import { ContractType, WorkSchedule } from "./kernel/Codes.js"
import * as Counseling from "./casework/Counseling.js"
import * as Employer from "./registry/Employer.js"
import type { PersistenceError } from "./kernel/Errors.js"
import * as FollowUp from "./casework/FollowUp.js"
import * as UseCase from "./kernel/UseCase.js"
import {
  CounselingId,
  type CounselorId,
  EmployerId,
  FollowUpId,
  OpeningId,
  PlacementId,
  ReferralId,
  SeekerId
} from "./kernel/Ids.js"
import * as LocalDate from "./kernel/LocalDate.js"
import * as Monitoring from "./casework/Monitoring.js"
import * as Opening from "./registry/Opening.js"
import { AlreadyPlaced, Placement } from "./casework/Placement.js"
import * as Referral from "./casework/Referral.js"
import {
  CounselingRepository,
  CounselorRepository,
  EmployerRepository,
  FollowUpRepository,
  type IdGenerator,
  OpeningRepository,
  type Page,
  PlacementRepository,
  ReferralRepository,
  SeekerRepository,
  Transactor,
  type Versioned
} from "./Repositories.js"
import * as Seeker from "./registry/Seeker.js"
import * as Targets from "./targets/Targets.js"
import { Note } from "./kernel/Text.js"
import * as Validation from "./kernel/Validation.js"
import { DesiredWage } from "./kernel/Wage.js"

/**
 * Who is acting: a staff member of one district, and where the request came
 * from when the integrator knows it (an address, a terminal).
 *
 * @since 0.1.0
 * @category models
 */
export type Actor = UseCase.Actor

/**
 * A district's settings for the use cases. Provide your own with
 * `Effect.provideService(JobCenter.Config, { ... })`.
 *
 * @since 0.1.0
 * @category config
 */
export class Config extends Context.Reference<Config>()("@iljari/core/JobCenter/Config", {
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
 * A seeker who is already registered: the same name and phone, or the same
 * name and birth date (`Seeker.duplicateMatch`). Use the existing record
 * instead of a second one.
 *
 * @since 0.1.0
 * @category errors
 */
export class DuplicateSeeker extends Schema.TaggedError<DuplicateSeeker>()("DuplicateSeeker", {
  existingId: Schema.String,
  match: Seeker.DuplicateMatch
}) {
  override get message(): string {
    return `This seeker is already registered as "${this.existingId}" (same ${
      this.match === "name-and-phone" ? "name and phone" : "name and birth date"
    }); update that record instead of registering a second one`
  }
}

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

// ---------------------------------------------------------------------------
// Plumbing shared by the use cases
// ---------------------------------------------------------------------------

const { fieldsOf, inTransaction, invalid, newId, now } = UseCase

/**
 * The civil date in Korea now, from Effect's `Clock`.
 *
 * @since 0.1.0
 * @category time
 */
export const today: Effect.Effect<LocalDate.LocalDate> = UseCase.today

/**
 * Writes an access-log entry for the actor (who, when, from where), e.g. for
 * a screen that shows seekers' data outside the use cases.
 *
 * @since 0.1.0
 * @category audit
 */
export const logAccess: (
  actor: Actor,
  action: AuditAction,
  subjectKind: AuditEntry["subjectKind"],
  subjectId: string,
  purpose: string
) => Effect.Effect<void, PersistenceError, AuditLog | IdGenerator> = UseCase.logAccess

/**
 * Writes one access-log entry per distinct subject, in one statement — for a
 * list or an export that shows many people's data.
 *
 * @since 0.2.0
 * @category audit
 */
export const logAccessAll: (
  actor: Actor,
  action: AuditAction,
  subjectKind: AuditEntry["subjectKind"],
  subjectIds: Iterable<string>,
  purpose: string
) => Effect.Effect<void, PersistenceError, AuditLog | IdGenerator> = UseCase.logAccessAll

/**
 * Queues a message in the outbox for the actor's district and returns it;
 * the dispatcher of `@iljari/notify` delivers it, checking consent and quiet
 * hours.
 *
 * @since 0.1.0
 * @category outbox
 */
export const enqueue = UseCase.enqueue

// ---------------------------------------------------------------------------
// Seekers
// ---------------------------------------------------------------------------

// Within the registration's transaction: one decision per person at a time,
// so that two counselors registering them at once cannot both succeed.
const checkDuplicates = (actor: Actor, seeker: Seeker.Seeker) =>
  Effect.gen(function*() {
    yield* Effect.flatMap(Transactor, (t) => t.lock(`iljari:seeker:${actor.districtId}:${seeker.name}`))
    const repo = yield* SeekerRepository
    const found = yield* repo.findPossibleDuplicates(actor.districtId, {
      name: seeker.name,
      birthDate: seeker.birthDate,
      ...(seeker.contact.phone === undefined ? {} : { phone: seeker.contact.phone })
    })
    for (const other of found) {
      const match = other.value.id === seeker.id ? undefined : Seeker.duplicateMatch(seeker, other.value)
      if (match !== undefined) return yield* new DuplicateSeeker({ existingId: other.value.id, match })
    }
  })

/**
 * Registers a seeker from a form: the id, district and registration time are
 * the center's; a person already registered is reported with the existing id
 * instead of being stored twice.
 *
 * @since 0.1.0
 * @category seekers
 */
export const registerSeeker = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* fieldsOf("Seeker", input, ["erasedOn"])
    const seeker = yield* Seeker.decode({
      ...fields,
      id: yield* newId(SeekerId, "seeker"),
      districtId: actor.districtId,
      registeredAt: DateTime.formatIso(yield* now)
    })
    return yield* inTransaction(Effect.gen(function*() {
      yield* checkDuplicates(actor, seeker)
      const stored = yield* Effect.flatMap(SeekerRepository, (repo) => repo.insert(seeker))
      yield* logAccess(actor, "create", "seeker", seeker.id, "seeker.register")
      return stored
    }))
  })

/**
 * Reads a seeker's record, leaving an audit entry.
 *
 * @since 0.1.0
 * @category seekers
 */
export const getSeeker = (actor: Actor, id: SeekerId) =>
  Effect.gen(function*() {
    const stored = yield* Effect.flatMap(SeekerRepository, (repo) => repo.get(actor.districtId, id))
    yield* logAccess(actor, "read", "seeker", id, "seeker.get")
    return stored
  })

/**
 * A page of the district's seekers, in id order (100 by default), each shown
 * seeker logged in one statement.
 *
 * @since 0.2.0
 * @category seekers
 */
export const listSeekers = (actor: Actor, page: Page = { limit: 100 }) =>
  Effect.gen(function*() {
    const rows = yield* Effect.flatMap(SeekerRepository, (repo) => repo.list(actor.districtId, page))
    yield* logAccessAll(actor, "read", "seeker", rows.map((row) => row.value.id), "seeker.list")
    return rows
  })

/**
 * A seeker's record for a program-eligibility check (their birth date and
 * residence decide several programs), logged as such.
 *
 * @since 0.2.0
 * @category seekers
 */
export const seekerForEligibility = (actor: Actor, id: SeekerId) =>
  Effect.gen(function*() {
    const stored = yield* Effect.flatMap(SeekerRepository, (repo) => repo.get(actor.districtId, id))
    yield* logAccess(actor, "read", "seeker", id, "seeker.eligibility")
    return stored
  })

/**
 * Replaces a seeker's fields from a form, based on the version the counselor
 * edited; a stale version fails with `StaleVersion` and changes nothing.
 *
 * @since 0.1.0
 * @category seekers
 */
export const updateSeeker = (actor: Actor, id: SeekerId, expectedVersion: number, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* fieldsOf("Seeker", input, ["erasedOn"])
    const repo = yield* SeekerRepository
    const current = yield* repo.get(actor.districtId, id)
    if (current.value.erasedOn !== undefined) {
      return yield* invalid("Seeker", "", `was erased on ${current.value.erasedOn}; register the person anew instead`)
    }
    const seeker = yield* Seeker.decode({
      ...fields,
      id,
      districtId: actor.districtId,
      registeredAt: DateTime.formatIso(current.value.registeredAt)
    })
    return yield* inTransaction(Effect.gen(function*() {
      yield* checkDuplicates(actor, seeker)
      const stored = yield* repo.update(seeker, expectedVersion)
      yield* logAccess(actor, "update", "seeker", id, "seeker.update")
      return stored
    }))
  })

// ---------------------------------------------------------------------------
// Employers and openings
// ---------------------------------------------------------------------------

/**
 * Registers an employer from a form.
 *
 * @since 0.1.0
 * @category employers
 */
export const registerEmployer = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* fieldsOf("Employer", input)
    const employer = yield* Employer.decode({
      ...fields,
      id: yield* newId(EmployerId, "employer"),
      districtId: actor.districtId,
      registeredAt: DateTime.formatIso(yield* now)
    })
    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* Effect.flatMap(EmployerRepository, (repo) => repo.insert(employer))
      yield* logAccess(actor, "create", "employer", employer.id, "employer.register")
      return stored
    }))
  })

/**
 * A page of the district's employers, in id order (100 by default). Their
 * contact persons' names, phones and e-mail addresses are personal data, so
 * each employer shown is logged.
 *
 * @since 0.2.0
 * @category employers
 */
export const listEmployers = (actor: Actor, page: Page = { limit: 100 }) =>
  Effect.gen(function*() {
    const rows = yield* Effect.flatMap(EmployerRepository, (repo) => repo.list(actor.districtId, page))
    yield* logAccessAll(actor, "read", "employer", rows.map((row) => row.value.id), "employer.list")
    return rows
  })

/**
 * Replaces an employer's fields, based on the version edited.
 *
 * @since 0.1.0
 * @category employers
 */
export const updateEmployer = (actor: Actor, id: EmployerId, expectedVersion: number, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* fieldsOf("Employer", input)
    const repo = yield* EmployerRepository
    const current = yield* repo.get(actor.districtId, id)
    const employer = yield* Employer.decode({
      ...fields,
      id,
      districtId: actor.districtId,
      registeredAt: DateTime.formatIso(current.value.registeredAt)
    })
    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* repo.update(employer, expectedVersion)
      yield* logAccess(actor, "update", "employer", id, "employer.update")
      return stored
    }))
  })

const openingOf = (actor: Actor, fields: Record<string, unknown>, id: OpeningId) =>
  Effect.gen(function*() {
    const opening = yield* Opening.decode({ ...fields, id, districtId: actor.districtId })
    // The employer must be one of this district's.
    yield* Effect.flatMap(EmployerRepository, (repo) => repo.get(actor.districtId, opening.employerId))
    return opening
  })

/**
 * Registers an opening of one of the district's employers.
 *
 * @since 0.1.0
 * @category openings
 */
export const registerOpening = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* fieldsOf("Opening", input)
    const opening = yield* openingOf(actor, fields, yield* newId(OpeningId, "opening"))
    return yield* Effect.flatMap(OpeningRepository, (repo) => repo.insert(opening))
  })

/**
 * A page of the district's openings, in id order (100 by default).
 *
 * @since 0.2.0
 * @category openings
 */
export const listOpenings = (actor: Actor, page: Page = { limit: 100 }) =>
  Effect.flatMap(OpeningRepository, (repo) => repo.list(actor.districtId, page))

/**
 * Replaces an opening's fields (status included), based on the version edited.
 *
 * @since 0.1.0
 * @category openings
 */
export const updateOpening = (actor: Actor, id: OpeningId, expectedVersion: number, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* fieldsOf("Opening", input)
    const opening = yield* openingOf(actor, fields, id)
    return yield* Effect.flatMap(OpeningRepository, (repo) => repo.update(opening, expectedVersion))
  })

// ---------------------------------------------------------------------------
// Counseling and referrals
// ---------------------------------------------------------------------------

const CounselingRequest = Schema.Struct({
  seekerId: SeekerId,
  heldOn: LocalDate.LocalDate,
  channel: Counseling.CounselingChannel,
  notes: Schema.optionalWith(Note, { exact: true }),
  nextStep: Schema.optionalWith(Schema.String, { exact: true })
}).annotations({ identifier: "Counseling" })

/**
 * Logs a counseling session the acting counselor held with a seeker.
 *
 * @since 0.1.0
 * @category counseling
 */
export const logCounseling = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* fieldsOf("Counseling", input)
    const request = yield* Validation.decode(CounselingRequest)(fields)
    yield* Effect.flatMap(SeekerRepository, (repo) => repo.get(actor.districtId, request.seekerId))
    const session = yield* Counseling.decode({
      ...fields,
      id: yield* newId(CounselingId, "counseling"),
      districtId: actor.districtId,
      counselorId: actor.counselorId
    })
    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* Effect.flatMap(CounselingRepository, (repo) => repo.insert(session))
      yield* logAccess(actor, "update", "seeker", session.seekerId, "counseling.log")
      return stored
    }))
  })

/**
 * Proposes a seeker for an open opening: a referral in `proposed`.
 *
 * @since 0.1.0
 * @category referrals
 */
export const proposeReferral = (
  actor: Actor,
  request: { readonly seekerId: SeekerId; readonly openingId: OpeningId; readonly notes?: string }
) =>
  Effect.gen(function*() {
    yield* Effect.flatMap(SeekerRepository, (repo) => repo.get(actor.districtId, request.seekerId))
    const opening = yield* Effect.flatMap(OpeningRepository, (repo) => repo.get(actor.districtId, request.openingId))
    if (opening.value.status !== "open") {
      return yield* new OpeningNotOpen({ openingId: opening.value.id, status: opening.value.status })
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
      yield* logAccess(actor, "update", "seeker", referral.seekerId, "referral.propose")
      return stored
    }))
  })

/**
 * Moves a referral along its state machine; an illegal move fails with
 * `InvalidTransition` naming both states.
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
    const moved = yield* Referral.transition(current.value, request.to, yield* today, actor.counselorId)
    return yield* inTransaction(Effect.gen(function*() {
      const stored = yield* repo.update(moved, request.expectedVersion)
      yield* logAccess(actor, "update", "seeker", moved.seekerId, "referral.move")
      return stored
    }))
  })

// ---------------------------------------------------------------------------
// Placements and follow-up
// ---------------------------------------------------------------------------

const PlacementRequest = Schema.Struct({
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
 * @since 0.1.0
 * @category placements
 */
export const recordPlacement = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const request = yield* Validation.decode(PlacementRequest)(yield* fieldsOf("Placement", input))
    const config = yield* Config
    const seeker = yield* Effect.flatMap(SeekerRepository, (repo) => repo.get(actor.districtId, request.seekerId))
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
      yield* logAccess(actor, "update", "seeker", placement.seekerId, "placement.record")
      return { placement: stored, followUps } satisfies PlacementRecorded
    }))
  })

/**
 * Records a follow-up check's result. A check can be recorded once, not
 * before its window opens and not in the future; "quit" opens re-employment
 * support — the seeker is invited back for counseling through the outbox —
 * and cancels the placement's later checks.
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
    if (result.doneOn > on) {
      return yield* invalid("FollowUpResult", "doneOn", `must not be in the future (today is ${on}); got ${result.doneOn}`)
    }
    const repo = yield* FollowUpRepository
    const current = yield* repo.get(actor.districtId, request.checkId)
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
      }
      yield* logAccess(actor, "update", "seeker", recorded.check.seekerId, "followUp.record")
      return { check: stored, reemploymentSupport: recorded.reemploymentSupport }
    }))
  })

/**
 * A counselor's follow-up ledger (취업자 사후관리대장) today: due today,
 * overdue, upcoming, done and the on-time rate.
 *
 * @since 0.1.0
 * @category follow-up
 */
export const followUpLedger = (actor: Actor, counselorId: CounselorId = actor.counselorId) =>
  Effect.gen(function*() {
    const rows = yield* Effect.flatMap(FollowUpRepository, (repo) => repo.listByCounselor(actor.districtId, counselorId))
    yield* logAccessAll(actor, "read", "seeker", rows.map((row) => row.value.seekerId), "followUp.ledger")
    return FollowUp.ledger(rows.map((row) => row.value), yield* today)
  })

/**
 * Queues each active counselor's daily follow-up digest (e-mail): the calls
 * due today and overdue, with each seeker's name and phone. Reading them is
 * audited per seeker. One digest per counselor a day, however often this
 * runs; counselors with nothing due get none.
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
 * The monitoring review of a period over the district's records.
 *
 * @since 0.1.0
 * @category monitoring
 */
export const monitor = (actor: Actor, period: Monitoring.Period) =>
  Effect.gen(function*() {
    const config = yield* Config
    const length = LocalDate.daysBetween(period.from, period.to) + 1
    const historyFrom = LocalDate.addDays(period.from, -length * config.monitoring.volumeBaselinePeriods)
    const values = <A>(rows: ReadonlyArray<Versioned<A>>) => rows.map((row) => row.value)
    const [seekers, referrals, placements, counselings] = yield* Effect.all([
      Effect.flatMap(SeekerRepository, (repo) => repo.list(actor.districtId)),
      Effect.flatMap(ReferralRepository, (repo) => repo.list(actor.districtId)),
      Effect.flatMap(PlacementRepository, (repo) => repo.listStartedBetween(actor.districtId, historyFrom, period.to)),
      Effect.flatMap(CounselingRepository, (repo) => repo.list(actor.districtId))
    ])
    const findings = Monitoring.review(
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
    const named = findings.flatMap((finding) => finding.records.filter((r) => r.kind === "seeker").map((r) => r.id))
    yield* logAccessAll(actor, "read", "seeker", named, "monitoring.review")
    return findings
  })

/**
 * What the district achieved in a period, per target metric. Only placements
 * that count for the center are counted.
 *
 * @since 0.1.0
 * @category targets
 */
export const results = (actor: Actor, period: { readonly from: LocalDate.LocalDate; readonly to: LocalDate.LocalDate }) =>
  Effect.gen(function*() {
    const within = (date: LocalDate.LocalDate) => date >= period.from && date <= period.to
    const [seekers, openings, placements, counselings] = yield* Effect.all([
      Effect.flatMap(SeekerRepository, (repo) => repo.list(actor.districtId)),
      Effect.flatMap(OpeningRepository, (repo) => repo.list(actor.districtId)),
      Effect.flatMap(PlacementRepository, (repo) => repo.listStartedBetween(actor.districtId, period.from, period.to)),
      Effect.flatMap(CounselingRepository, (repo) => repo.listHeldBetween(actor.districtId, period.from, period.to))
    ])
    return {
      seekers: seekers.filter((row) =>
        within(LocalDate.fromEpochMillisInKorea(DateTime.toEpochMillis(row.value.registeredAt)))
      ).length,
      openings: openings.filter((row) => within(row.value.openedOn)).length,
      placements: placements.filter((row) => row.value.countsForCenter).length,
      counseling: counselings.length
    }
  })

/**
 * A metric's pace for the period containing today, and its year-end
 * projection.
 *
 * @since 0.1.0
 * @category targets
 */
export interface MetricPace {
  readonly metric: Targets.Metric
  readonly pace: Targets.Pace
  readonly projection: Targets.Projection
}

/**
 * The district's pace against its annual targets (목표관리제) as of today:
 * expected vs actual for the week, month or year to date, and the year-end
 * projection, from the records themselves (only counting placements).
 *
 * @since 0.1.0
 * @category targets
 */
export const targetPace = (
  actor: Actor,
  request: {
    readonly year: number
    /** The annual target per metric, e.g. a `Targets.plan`'s or one counselor's share. */
    readonly targets: Targets.MetricCounts
    readonly period: Targets.PacePeriod
    readonly weights?: Targets.MonthWeights
    readonly options?: Targets.PaceOptions
  }
) =>
  Effect.gen(function*() {
    const asOf = yield* today
    const readings: Array<MetricPace> = []
    for (const metric of Targets.allMetrics) {
      const annual = request.targets[metric]
      if (annual === undefined) continue
      const schedule = yield* Targets.schedule(request.year, annual, request.weights)
      const range = Targets.periodRange(schedule, request.period, asOf)
      const yearToDate = Targets.periodRange(schedule, "year", asOf)
      const inPeriod = yield* results(actor, range)
      const inYear = yield* results(actor, yearToDate)
      readings.push({
        metric,
        pace: Targets.pace(schedule, request.period, asOf, inPeriod[metric], request.options),
        projection: Targets.project(schedule, asOf, inYear[metric], request.options)
      })
    }
    return readings
  })

// ---------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------

/**
 * The district's staff records (names for reports and ledgers).
 *
 * @since 0.2.0
 * @category staff
 */
export const listCounselors = (actor: Actor) => Effect.flatMap(CounselorRepository, (repo) => repo.list(actor.districtId))

// ---------------------------------------------------------------------------
// The access log
// ---------------------------------------------------------------------------

/**
 * The district's access log, oldest first (a page of 100 by default), for
 * the review the law asks of managers. Reading it is itself logged: one
 * entry per person whose accesses the page shows.
 *
 * @since 0.2.0
 * @category audit
 */
export const auditTrail = (actor: Actor, query: AuditQuery = {}) =>
  Effect.gen(function*() {
    const entries = yield* Effect.flatMap(AuditLog, (log) => log.list(actor.districtId, { limit: 100, ...query }))
    const byKind = new Map<AuditEntry["subjectKind"], Array<string>>()
    for (const entry of entries) byKind.set(entry.subjectKind, [...(byKind.get(entry.subjectKind) ?? []), entry.subjectId])
    yield* Effect.forEach(byKind, ([kind, ids]) => logAccessAll(actor, "read", kind, ids, "audit.review"), { discard: true })
    return entries
  })
