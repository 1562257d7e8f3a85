/**
 * Destruction of a seeker's personal data (개인정보 파기), everywhere iljari
 * keeps it, and the retention sweep that finds whose period has ended.
 *
 * {@link eraseSeeker} reaches every store in one transaction: the seeker is
 * anonymised (`Seeker.anonymise`); the free text about them goes from
 * counseling, referral, placement and follow-up records, from their survey
 * answers, psychological-test results and training-demand answers; outreach
 * notes that name them lose their name, phone and e-mail; a manager's notes
 * on monitoring findings about them are emptied; survey links issued to
 * them no longer name them, and one not yet answered ends; study-room bookings
 * and job-café program sign-ups made under their name, phone or e-mail are
 * kept under their id instead;
 * every outbox message to or about them loses its parameters, and one not yet
 * delivered is cancelled. The records themselves stay, so every figure —
 * registrations, counseling, placements, follow-up results, survey scores,
 * outreach and test outcomes, bookings — is the same after as before. The
 * access log keeps its entries (ids only) and records the erasure with its
 * reason. Afterwards the storage drops its own old copies where it can
 * (`Transactor.shred`: SQLite truncates its WAL; see the storage guide for
 * PostgreSQL's VACUUM).
 *
 * @example
 * ```ts
 * import { Erasure, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const onRequest = Erasure.eraseSeeker(actor, Ids.SeekerId.make("seeker-0001"), "subject-request")
 * const nightly = Erasure.sweep(actor) // everyone past the retention period
 * ```
 *
 * @since 0.2.0
 * @module
 * @category privacy
 */
import { Context, DateTime, Effect } from "effect"
import type { ErasureReason } from "../kernel/Audit.js"
import * as Counseling from "../casework/Counseling.js"
import * as FollowUp from "../casework/FollowUp.js"
import type { SeekerId } from "../kernel/Ids.js"
import { type Actor, inTransaction, logAccess, logAccessAll, today } from "../kernel/UseCase.js"
import * as LegalPeriod from "../kernel/LegalPeriod.js"
import * as LocalDate from "../kernel/LocalDate.js"
import { Outbox } from "../kernel/Outbox.js"
import { Session as OutreachSession } from "../events/Outreach.js"
import * as Partner from "../events/Partner.js"
import { Placement } from "../casework/Placement.js"
import * as PsychTest from "../events/PsychTest.js"
import * as Referral from "../casework/Referral.js"
import { StudyRoomBookingRepository } from "../cafes/StudyRooms.js"
import { CounselingRepository } from "../casework/Counseling.js"
import { FollowUpRepository } from "../casework/FollowUp.js"
import * as MonitoringDecision from "../casework/MonitoringDecision.js"
import { PlacementRepository } from "../casework/Placement.js"
import { ReferralRepository } from "../casework/Referral.js"
import { IdempotencyStore } from "../kernel/Idempotency.js"
import { OutreachSessionRepository } from "../events/Outreach.js"
import { TrainingDemandRepository } from "../events/Partner.js"
import { PsychTestParticipantRepository } from "../events/PsychTest.js"
import { SurveyResponseRepository } from "../events/Survey.js"
import * as SurveyLink from "../events/SurveyLink.js"
import { Transactor } from "../kernel/Transactor.js"
import { SeekerRepository } from "../registry/Seeker.js"
import * as Seeker from "../registry/Seeker.js"
import { StoredBooking } from "../cafes/StudyRooms.js"
import { CafeSignUpRepository, StoredSignUp } from "../cafes/Cafes.js"
import * as Survey from "../events/Survey.js"

export {
  /**
   * Why personal data is destroyed: a code kept in the access log.
   *
   * @since 0.2.0
   * @category codes
   */
  ErasureReason as Reason,
  /** @since 0.2.0 @category codes */
  erasureReasonLabel as reasonLabel
} from "../kernel/Audit.js"

/**
 * How long a district keeps a seeker's data after their last activity
 * (개인정보 보유기간, as its personal-information file registers it). Provide
 * your own with `Effect.provideService(Erasure.Config, { retentionYears: 5 })`.
 *
 * @since 0.2.0
 * @category config
 */
export class Config extends Context.Reference<Config>()("@iljari/core/Erasure/Config", {
  defaultValue: (): { readonly retentionYears: number } => ({ retentionYears: 3 })
}) {}

const withoutNotes = <A extends { readonly notes?: unknown }>(record: A): Omit<A, "notes"> => {
  const { notes: _notes, ...rest } = record
  return rest
}

/** The ways a text can write the person's phone: as stored, digits only, spaced. */
const phonePattern = (phone: string) => new RegExp(phone.replace(/\D/g, "").split("").join("[-. ]?"), "g")

/**
 * A shared text (an outreach session's notes) without the person in it: their
 * name (of two letters or more), phone (however written) and e-mail address
 * become `(파기됨)`.
 *
 * @since 0.2.0
 * @category rules
 */
export const withoutPerson = (text: string, person: Seeker.Seeker): string => {
  // A one-letter "name" would strike that letter from everyone's notes.
  let out = [...person.name].length < 2 ? text : text.split(person.name).join(Seeker.erasedName)
  if (person.contact.phone !== undefined) out = out.replace(phonePattern(person.contact.phone), Seeker.erasedName)
  if (person.contact.email !== undefined) out = out.split(person.contact.email).join(Seeker.erasedName)
  return out
}

// One erasure, all or nothing; the caller shreds afterwards.
const eraseOne = (actor: Actor, seekerId: SeekerId, reason: ErasureReason) =>
  inTransaction(Effect.gen(function*() {
    const on = yield* today
    const seekers = yield* SeekerRepository
    const seeker = yield* seekers.get(actor.districtId, seekerId)
    const person = seeker.value
    const erased = yield* seekers.update(Seeker.anonymise(person, on), seeker.version)
    const district = actor.districtId

    const counselings = yield* CounselingRepository
    for (const row of yield* counselings.listBySeeker(district, seekerId)) {
      const { nextStep: _next, ...rest } = withoutNotes(row.value)
      yield* counselings.update(new Counseling.Counseling(rest), row.version)
    }
    const referrals = yield* ReferralRepository
    for (const row of yield* referrals.listBySeeker(district, seekerId)) {
      yield* referrals.update(new Referral.Referral(withoutNotes(row.value)), row.version)
    }
    const [placements, followUps] = yield* Effect.all([PlacementRepository, FollowUpRepository])
    for (const row of yield* placements.listBySeeker(district, seekerId)) {
      yield* placements.update(new Placement(withoutNotes(row.value)), row.version)
      for (const check of yield* followUps.listByPlacement(district, row.value.id)) {
        yield* followUps.update(new FollowUp.Check(withoutNotes(check.value)), check.version)
      }
    }

    yield* Effect.flatMap(Outbox, (outbox) => outbox.redact(district, seekerId))

    const responses = yield* SurveyResponseRepository
    for (const row of yield* responses.listBySeeker(district, seekerId)) {
      yield* responses.update(Survey.erased(row.value), row.version)
    }
    const participants = yield* PsychTestParticipantRepository
    for (const row of yield* participants.listBySeeker(district, seekerId)) {
      yield* participants.update(PsychTest.erased(row.value), row.version)
    }
    const demand = yield* TrainingDemandRepository
    for (const row of yield* demand.listBySeeker(district, seekerId)) {
      yield* demand.update(Partner.erased(row.value), row.version)
    }
    // Outreach notes are the session's, shared with others: only the person goes.
    const sessions = yield* OutreachSessionRepository
    for (const row of yield* sessions.list(district)) {
      const notes = row.value.notes
      if (!row.value.registeredSeekerIds.includes(seekerId) || notes === undefined) continue
      const cleaned = withoutPerson(notes, person)
      if (cleaned !== notes) yield* sessions.update(new OutreachSession({ ...row.value, notes: cleaned as never }), row.version)
    }
    // A manager's note on a finding about them goes; the decision stays.
    yield* MonitoringDecision.forgetSeeker(district, seekerId)
    // The survey links issued to them: kept for the counts, without them; an unanswered one ends.
    yield* SurveyLink.forgetSeeker(district, seekerId)
    // A café may know the person by name, phone or e-mail: their bookings are kept under their id instead.
    const bookings = yield* StudyRoomBookingRepository
    const knownAs = person.erasedOn !== undefined
      ? []
      : [person.name, person.contact.phone, person.contact.phone?.replace(/\D/g, ""), person.contact.email].filter(
        (id): id is string => id !== undefined
      )
    for (const row of yield* bookings.listByPeople(district, knownAs)) {
      yield* bookings.update(new StoredBooking({ ...row.value, personId: seekerId }), row.version)
    }
    // So are their sign-ups for the cafés' programs.
    const signUps = yield* CafeSignUpRepository
    for (const row of yield* signUps.listByPeople(district, knownAs)) {
      yield* signUps.update(new StoredSignUp({ ...row.value, personId: seekerId }), row.version)
    }

    // The answers kept for idempotent retries may show the person (a registration's answer is the seeker).
    yield* Effect.flatMap(IdempotencyStore, (keys) =>
      keys.forget(district, [`"${seekerId}"`, ...knownAs.filter((text) => [...text].length >= 2)]))

    yield* logAccess(actor, "erase", "seeker", seekerId, "seeker.erase", { reason })
    return erased
  }))

const shred = Effect.flatMap(Transactor, (t) => t.shred)

/**
 * Destroys a seeker's personal data in every store, all or nothing, for the
 * reason given; see the module's description for what stays.
 *
 * @example
 * ```ts
 * import { Erasure, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // The seeker asked for their data to be destroyed (개인정보 파기); statistics keep what is anonymous.
 * const erased = Erasure.eraseSeeker(actor, Ids.SeekerId.make("seeker-0001"), "subject-request")
 * ```
 *
 * @since 0.2.0
 * @category destruction
 */
export const eraseSeeker = (actor: Actor, seekerId: SeekerId, reason: ErasureReason) =>
  Effect.tap(eraseOne(actor, seekerId, reason), () => shred)

/**
 * A seeker whose retention period has ended: their last activity and the day
 * their data became due for destruction.
 *
 * @since 0.2.0
 * @category retention
 */
export interface Due {
  readonly seekerId: SeekerId
  readonly name: string
  readonly lastActivity: LocalDate.LocalDate
  readonly dueSince: LocalDate.LocalDate
}

/**
 * The seekers of the district whose retention period (`Config`) has ended:
 * nothing happened with them — registration, counseling, a referral step, a
 * placement's start, a follow-up call — for `retentionYears` years. Already
 * erased seekers are not listed. Oldest activity first. Each listed seeker
 * is logged, since the list names them.
 *
 * @example
 * ```ts
 * import { Erasure, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const due = Erasure.retentionDue(actor) // seekers past the retention period
 * ```
 *
 * @since 0.2.0
 * @category retention
 */
export const retentionDue = (actor: Actor) =>
  Effect.gen(function*() {
    const { retentionYears } = yield* Config
    const asOf = yield* today
    const district = actor.districtId
    const [seekers, counselings, referrals, placements, checks] = yield* Effect.all([
      Effect.flatMap(SeekerRepository, (r) => r.list(district)),
      Effect.flatMap(CounselingRepository, (r) => r.list(district)),
      Effect.flatMap(ReferralRepository, (r) => r.list(district)),
      Effect.flatMap(PlacementRepository, (r) => r.list(district)),
      Effect.flatMap(FollowUpRepository, (r) => r.list(district))
    ])
    const last = new Map<string, LocalDate.LocalDate>()
    const saw = (seekerId: string, on: LocalDate.LocalDate) => {
      const known = last.get(seekerId)
      if (known === undefined || on > known) last.set(seekerId, on)
    }
    for (const { value } of seekers) saw(value.id, LocalDate.fromEpochMillisInKorea(DateTime.toEpochMillis(value.registeredAt)))
    for (const { value } of counselings) saw(value.seekerId, value.heldOn)
    for (const { value } of referrals) for (const step of value.history) saw(value.seekerId, step.on)
    for (const { value } of placements) saw(value.seekerId, value.startOn)
    for (const { value } of checks) if (value.doneOn !== undefined) saw(value.seekerId, value.doneOn)
    const due: Array<Due> = []
    for (const { value } of seekers) {
      if (value.erasedOn !== undefined) continue
      const lastActivity = last.get(value.id)!
      // Kept for `retentionYears` counted as the Civil Act counts (the day of
      // the activity itself not counted); due the day after that period ends.
      const dueSince = LocalDate.addDays(LegalPeriod.afterEvent(lastActivity, { years: retentionYears }).to, 1)
      if (dueSince <= asOf) due.push({ seekerId: value.id, name: value.name, lastActivity, dueSince })
    }
    due.sort((a, b) => (a.lastActivity < b.lastActivity ? -1 : a.lastActivity > b.lastActivity ? 1 : a.seekerId < b.seekerId ? -1 : 1))
    yield* logAccessAll(actor, "read", "seeker", due.map((d) => d.seekerId), "retention.due")
    return due
  })

/**
 * The retention sweep: erases every seeker {@link retentionDue} lists, each
 * in its own transaction with `retention-ended` in the access log, then lets
 * the storage drop its old copies once. Returns the erased seekers' ids.
 *
 * @example
 * ```ts
 * import { Erasure, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // A nightly job: erase everyone past the retention period.
 * const erasedIds = Erasure.sweep(actor)
 * ```
 *
 * @since 0.2.0
 * @category retention
 */
export const sweep = (actor: Actor) =>
  Effect.gen(function*() {
    const due = yield* retentionDue(actor)
    yield* Effect.forEach(due, (d) => eraseOne(actor, d.seekerId, "retention-ended"), { discard: true })
    if (due.length > 0) yield* shred
    return due.map((d) => d.seekerId)
  })
