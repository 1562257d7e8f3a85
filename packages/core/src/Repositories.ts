/**
 * The storage ports of a job center and their in-memory implementations.
 *
 * Every method is scoped to a district: a record of another district is not
 * found, never returned. Records that change carry a version; an update names
 * the version it was based on and fails with `StaleVersion` when someone else
 * saved first. `Transactor.withTransaction` makes a use case that writes
 * several records commit all or nothing.
 *
 * The memory layers share one in-memory database per layer instance, so they
 * roll back together; they serve tests (an integrator's too) and pass the same
 * suite as the SQL adapters.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Option } from "effect"
import { AuditLog } from "./kernel/Audit.js"
import type { Counseling } from "./casework/Counseling.js"
import type { Counselor } from "./registry/Counselor.js"
import type { Employer } from "./registry/Employer.js"
import type { DuplicateId, NotFound, PersistenceError, StaleVersion } from "./kernel/Errors.js"
import type { Check } from "./casework/FollowUp.js"
import type {
  CounselingId,
  CounselorId,
  DistrictId,
  EmployerId,
  FollowUpId,
  JobFairId,
  OpeningId,
  PlacementId,
  ReferralId,
  SeekerId
} from "./kernel/Ids.js"
import * as Memory from "./kernel/internal/memory.js"
import type { LocalDate } from "./kernel/LocalDate.js"
import type { Opening } from "./registry/Opening.js"
import { Outbox } from "./kernel/Outbox.js"
import { AlreadyPlaced, type Placement } from "./casework/Placement.js"
import type { Visit as DiscoveryVisit } from "./events/DiscoveryVisit.js"
import type { JobFair } from "./events/JobFair.js"
import type { Session as OutreachSession } from "./events/Outreach.js"
import type { DemandResponse, Partner } from "./events/Partner.js"
import { alreadyRegistered, type Participant as PsychTestParticipant, type Refused as PsychTestRefused, type Session as PsychTestSession } from "./events/PsychTest.js"
import type { StoredBooking } from "./cafes/StudyRooms.js"
import type { Questionnaire, Response as SurveyResponse } from "./events/Survey.js"
import type { Referral } from "./casework/Referral.js"
import type { PhoneNumber } from "./kernel/Contact.js"
import type { Seeker } from "./registry/Seeker.js"

/**
 * A stored record and its version (1 when first stored, +1 on every update).
 *
 * @since 0.1.0
 * @category models
 */
export interface Versioned<A> {
  readonly value: A
  readonly version: number
}

/**
 * A slice of a listing, ordered by id.
 *
 * @since 0.1.0
 * @category models
 */
export interface Page {
  readonly offset?: number
  readonly limit?: number
}

/**
 * The methods every record store has.
 *
 * @since 0.1.0
 * @category ports
 */
export interface Store<A, Id extends string> {
  readonly insert: (record: A) => Effect.Effect<Versioned<A>, DuplicateId | PersistenceError>
  readonly get: (districtId: DistrictId, id: Id) => Effect.Effect<Versioned<A>, NotFound | PersistenceError>
  /** Replaces the record when `expectedVersion` is its current version. */
  readonly update: (
    record: A,
    expectedVersion: number
  ) => Effect.Effect<Versioned<A>, StaleVersion | NotFound | PersistenceError>
  readonly list: (districtId: DistrictId, page?: Page) => Effect.Effect<ReadonlyArray<Versioned<A>>, PersistenceError>
}

/**
 * What identifies a possible second registration of the same person.
 *
 * @since 0.1.0
 * @category models
 */
export interface DuplicateProbe {
  readonly name: string
  readonly phone?: PhoneNumber
  readonly birthDate: LocalDate
}

/** @since 0.1.0 @category ports */
export class SeekerRepository extends Context.Tag("@iljari/core/SeekerRepository")<SeekerRepository, Store<Seeker, SeekerId> & {
  /** Seekers with the same name and phone, or the same name and birth date. */
  readonly findPossibleDuplicates: (
    districtId: DistrictId,
    probe: DuplicateProbe
  ) => Effect.Effect<ReadonlyArray<Versioned<Seeker>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const seekers = Memory.store<Seeker, SeekerId>(db, "seeker")
    return {
      ...seekers,
      findPossibleDuplicates: (districtId, probe) =>
        seekers.filter(districtId, (s) =>
          s.name === probe.name &&
          ((probe.phone !== undefined && s.contact.phone === probe.phone) || s.birthDate === probe.birthDate)
        )
    }
  })
}

/** @since 0.1.0 @category ports */
export class EmployerRepository
  extends Context.Tag("@iljari/core/EmployerRepository")<EmployerRepository, Store<Employer, EmployerId>>()
{
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<Employer, EmployerId>(db, "employer"))
}

/** @since 0.1.0 @category ports */
export class OpeningRepository extends Context.Tag("@iljari/core/OpeningRepository")<OpeningRepository, Store<Opening, OpeningId> & {
  readonly listByEmployer: (
    districtId: DistrictId,
    employerId: EmployerId
  ) => Effect.Effect<ReadonlyArray<Versioned<Opening>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const openings = Memory.store<Opening, OpeningId>(db, "opening")
    return {
      ...openings,
      listByEmployer: (districtId, employerId) => openings.filter(districtId, (o) => o.employerId === employerId)
    }
  })
}

/** @since 0.1.0 @category ports */
export class CounselorRepository
  extends Context.Tag("@iljari/core/CounselorRepository")<CounselorRepository, Store<Counselor, CounselorId>>()
{
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<Counselor, CounselorId>(db, "counselor"))
}

/** @since 0.1.0 @category ports */
export class CounselingRepository extends Context.Tag("@iljari/core/CounselingRepository")<CounselingRepository, Store<Counseling, CounselingId> & {
  readonly listBySeeker: (
    districtId: DistrictId,
    seekerId: SeekerId
  ) => Effect.Effect<ReadonlyArray<Versioned<Counseling>>, PersistenceError>
  /** Sessions held between `from` and `to`, both included. */
  readonly listHeldBetween: (
    districtId: DistrictId,
    from: LocalDate,
    to: LocalDate
  ) => Effect.Effect<ReadonlyArray<Versioned<Counseling>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const counselings = Memory.store<Counseling, CounselingId>(db, "counseling session")
    return {
      ...counselings,
      listBySeeker: (districtId, seekerId) => counselings.filter(districtId, (c) => c.seekerId === seekerId),
      listHeldBetween: (districtId, from, to) => counselings.filter(districtId, (c) => c.heldOn >= from && c.heldOn <= to)
    }
  })
}

/** @since 0.1.0 @category ports */
export class ReferralRepository extends Context.Tag("@iljari/core/ReferralRepository")<ReferralRepository, Store<Referral, ReferralId> & {
  readonly listBySeeker: (
    districtId: DistrictId,
    seekerId: SeekerId
  ) => Effect.Effect<ReadonlyArray<Versioned<Referral>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const referrals = Memory.store<Referral, ReferralId>(db, "referral")
    return { ...referrals, listBySeeker: (districtId, seekerId) => referrals.filter(districtId, (r) => r.seekerId === seekerId) }
  })
}

/**
 * Placements. A referral is placed at most once: inserting a second placement
 * of one referral fails with `AlreadyPlaced` naming the first, in every
 * adapter (the SQL ones by a unique index), however the inserts race.
 *
 * @since 0.1.0
 * @category ports
 */
export class PlacementRepository extends Context.Tag("@iljari/core/PlacementRepository")<PlacementRepository, Omit<Store<Placement, PlacementId>, "insert"> & {
  readonly insert: (record: Placement) => Effect.Effect<Versioned<Placement>, AlreadyPlaced | DuplicateId | PersistenceError>
  /** The placement a referral led to, if any. */
  readonly findByReferral: (
    districtId: DistrictId,
    referralId: ReferralId
  ) => Effect.Effect<Option.Option<Versioned<Placement>>, PersistenceError>
  readonly listBySeeker: (
    districtId: DistrictId,
    seekerId: SeekerId
  ) => Effect.Effect<ReadonlyArray<Versioned<Placement>>, PersistenceError>
  /** Placements that started between `from` and `to`, both included. */
  readonly listStartedBetween: (
    districtId: DistrictId,
    from: LocalDate,
    to: LocalDate
  ) => Effect.Effect<ReadonlyArray<Versioned<Placement>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const placements = Memory.store<Placement, PlacementId, AlreadyPlaced>(db, "placement", {
      key: (p) => p.referralId,
      conflict: (p, existing) => new AlreadyPlaced({ referralId: p.referralId!, placementId: existing.id })
    })
    return {
      ...placements,
      findByReferral: (districtId, referralId) =>
        Effect.map(placements.filter(districtId, (p) => p.referralId === referralId), (rows) => Option.fromNullable(rows[0])),
      listBySeeker: (districtId, seekerId) => placements.filter(districtId, (p) => p.seekerId === seekerId),
      listStartedBetween: (districtId, from, to) => placements.filter(districtId, (p) => p.startOn >= from && p.startOn <= to)
    }
  })
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

/**
 * Runs an effect as one transaction: every write in it is kept, or none.
 *
 * @since 0.1.0
 * @category ports
 */
export class Transactor extends Context.Tag("@iljari/core/Transactor")<Transactor, {
  readonly withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | PersistenceError, R>
  /**
   * Within a transaction, waits for and holds `key` until the transaction
   * ends, so that decisions about one thing (a person's registration, say)
   * are taken one at a time, even by two processes. A check-then-insert
   * rule that no unique index can express holds under a race this way.
   */
  readonly lock: (key: string) => Effect.Effect<void, PersistenceError>
  /**
   * After personal data was overwritten and committed (an erasure), removes
   * the copies the storage itself may still hold, where it can: SQLite
   * checkpoints and truncates its write-ahead log. Runs outside a transaction.
   */
  readonly shred: Effect.Effect<void, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, Memory.transactor)
}

/**
 * Hands out ids for new records.
 *
 * @since 0.1.0
 * @category ports
 */
export class IdGenerator extends Context.Tag("@iljari/core/IdGenerator")<IdGenerator, {
  /** A new id for a record of `kind` (e.g. `seeker`), unique in the deployment. */
  readonly next: (kind: string) => Effect.Effect<string>
}>() {
  /** Random UUIDs (v4). */
  static readonly layerRandom = Layer.succeed(this, {
    next: () => Effect.sync(() => globalThis.crypto.randomUUID())
  })
  /** Readable, predictable ids (`seeker-000001`), for tests and demos. */
  static readonly layerSequential = Layer.sync(this, () => {
    const counters = new Map<string, number>()
    return {
      next: (kind) =>
        Effect.sync(() => {
          const n = (counters.get(kind) ?? 0) + 1
          counters.set(kind, n)
          return `${kind}-${String(n).padStart(6, "0")}`
        })
    }
  })
}

/**
 * The in-memory database the ports' memory layers share, so that a memory
 * transaction rolls back across them.
 *
 * @since 0.1.0
 * @category layers
 */
export const MemoryDatabase = Memory.MemoryDatabase

/**
 * A new, empty in-memory database.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemoryDatabase = Memory.layerDatabase

/**
 * The store of job fairs (see `JobFair`).
 *
 * @since 0.1.0
 * @category ports
 */
export class JobFairRepository
  extends Context.Tag("@iljari/core/JobFairRepository")<JobFairRepository, Store<JobFair, JobFairId>>()
{
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<JobFair, JobFairId>(db, "job fair"))
}

/**
 * Outreach sessions (see `Outreach`).
 *
 * @since 0.1.0
 * @category ports
 */
export class OutreachSessionRepository extends Context.Tag("@iljari/core/OutreachSessionRepository")<OutreachSessionRepository, Store<OutreachSession, string>>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<OutreachSession, string>(db, "outreach session"))
}

/**
 * Employer-discovery visits (see `DiscoveryVisit`).
 *
 * @since 0.1.0
 * @category ports
 */
export class DiscoveryVisitRepository extends Context.Tag("@iljari/core/DiscoveryVisitRepository")<DiscoveryVisitRepository, Store<DiscoveryVisit, string>>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<DiscoveryVisit, string>(db, "discovery visit"))
}

/**
 * Psychological test sessions (see `PsychTest`).
 *
 * @since 0.1.0
 * @category ports
 */
export class PsychTestSessionRepository extends Context.Tag("@iljari/core/PsychTestSessionRepository")<PsychTestSessionRepository, Store<PsychTestSession, string>>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<PsychTestSession, string>(db, "psychological test session"))
}

/**
 * Partner institutions (see `Partner`).
 *
 * @since 0.1.0
 * @category ports
 */
export class PartnerRepository extends Context.Tag("@iljari/core/PartnerRepository")<PartnerRepository, Store<Partner, string>>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<Partner, string>(db, "partner"))
}

/**
 * Satisfaction questionnaires (see `Survey`).
 *
 * @since 0.1.0
 * @category ports
 */
export class QuestionnaireRepository extends Context.Tag("@iljari/core/QuestionnaireRepository")<QuestionnaireRepository, Store<Questionnaire, string>>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<Questionnaire, string>(db, "questionnaire"))
}

/**
 * Satisfaction survey responses (see `Survey`).
 *
 * @since 0.1.0
 * @category ports
 */
export class SurveyResponseRepository extends Context.Tag("@iljari/core/SurveyResponseRepository")<SurveyResponseRepository, Store<SurveyResponse, string> & {
  /** The responses a seeker gave under their name (anonymous ones are nobody's). */
  readonly listBySeeker: (districtId: DistrictId, seekerId: SeekerId) => Effect.Effect<ReadonlyArray<Versioned<SurveyResponse>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const responses = Memory.store<SurveyResponse, string>(db, "survey response")
    return { ...responses, listBySeeker: (districtId, seekerId) => responses.filter(districtId, (r) => r.seekerId === seekerId) }
  })
}

/**
 * The participants of psychological test sessions (see `PsychTest`). A
 * seeker takes part in a session once: a second registration fails with
 * `PsychTestRefused` (`already-registered`) in every adapter.
 *
 * @since 0.2.0
 * @category ports
 */
export class PsychTestParticipantRepository extends Context.Tag("@iljari/core/PsychTestParticipantRepository")<PsychTestParticipantRepository, Omit<Store<PsychTestParticipant, string>, "insert"> & {
  readonly insert: (record: PsychTestParticipant) => Effect.Effect<Versioned<PsychTestParticipant>, PsychTestRefused | DuplicateId | PersistenceError>
  readonly listBySession: (districtId: DistrictId, sessionId: string) => Effect.Effect<ReadonlyArray<Versioned<PsychTestParticipant>>, PersistenceError>
  readonly listBySeeker: (districtId: DistrictId, seekerId: SeekerId) => Effect.Effect<ReadonlyArray<Versioned<PsychTestParticipant>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const participants = Memory.store<PsychTestParticipant, string, PsychTestRefused>(db, "psychological test participant", {
      key: (p) => `${p.sessionId}\u0000${p.seekerId}`,
      conflict: () => alreadyRegistered()
    })
    return {
      ...participants,
      listBySession: (districtId, sessionId) => participants.filter(districtId, (p) => p.sessionId === sessionId),
      listBySeeker: (districtId, seekerId) => participants.filter(districtId, (p) => p.seekerId === seekerId)
    }
  })
}

/**
 * Answers to the training demand survey (see `Partner`).
 *
 * @since 0.2.0
 * @category ports
 */
export class TrainingDemandRepository extends Context.Tag("@iljari/core/TrainingDemandRepository")<TrainingDemandRepository, Store<DemandResponse, string> & {
  /** The answers a seeker gave under their name. */
  readonly listBySeeker: (districtId: DistrictId, seekerId: SeekerId) => Effect.Effect<ReadonlyArray<Versioned<DemandResponse>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const answers = Memory.store<DemandResponse, string>(db, "training demand answer")
    return { ...answers, listBySeeker: (districtId, seekerId) => answers.filter(districtId, (a) => a.seekerId === seekerId) }
  })
}

/**
 * Study-room bookings (see `StudyRooms`).
 *
 * @since 0.1.0
 * @category ports
 */
export class StudyRoomBookingRepository extends Context.Tag("@iljari/core/StudyRoomBookingRepository")<
  StudyRoomBookingRepository,
  Store<StoredBooking, string> & {
    readonly listOn: (districtId: DistrictId, on: string) => Effect.Effect<ReadonlyArray<Versioned<StoredBooking>>, PersistenceError>
    /** The bookings of anyone the café knows by one of `personIds`. */
    readonly listByPeople: (
      districtId: DistrictId,
      personIds: ReadonlyArray<string>
    ) => Effect.Effect<ReadonlyArray<Versioned<StoredBooking>>, PersistenceError>
  }
>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const store = Memory.store<StoredBooking, string>(db, "study-room booking")
    return {
      ...store,
      listOn: (districtId: DistrictId, on: string) => store.filter(districtId, (b) => b.on === on),
      listByPeople: (districtId: DistrictId, personIds: ReadonlyArray<string>) =>
        store.filter(districtId, (b) => personIds.includes(b.personId))
    }
  })
}

/**
 * Every storage port over one new in-memory database, and the database itself
 * (for a test that looks at everything stored).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory: Layer.Layer<
  | Memory.MemoryDatabase
  | SeekerRepository
  | EmployerRepository
  | OpeningRepository
  | CounselorRepository
  | CounselingRepository
  | ReferralRepository
  | PlacementRepository
  | FollowUpRepository
  | JobFairRepository
  | OutreachSessionRepository
  | DiscoveryVisitRepository
  | PsychTestSessionRepository
  | PartnerRepository
  | QuestionnaireRepository
  | SurveyResponseRepository
  | StudyRoomBookingRepository
  | PsychTestParticipantRepository
  | TrainingDemandRepository
  | AuditLog
  | Outbox
  | Transactor
> = Layer.mergeAll(
  // Casework
  Layer.mergeAll(
    SeekerRepository.layerMemory,
    EmployerRepository.layerMemory,
    OpeningRepository.layerMemory,
    CounselorRepository.layerMemory,
    CounselingRepository.layerMemory,
    ReferralRepository.layerMemory,
    PlacementRepository.layerMemory,
    FollowUpRepository.layerMemory
  ),
  // Events and cafés
  Layer.mergeAll(
    JobFairRepository.layerMemory,
    OutreachSessionRepository.layerMemory,
    DiscoveryVisitRepository.layerMemory,
    PsychTestSessionRepository.layerMemory,
    PsychTestParticipantRepository.layerMemory,
    PartnerRepository.layerMemory,
    TrainingDemandRepository.layerMemory,
    QuestionnaireRepository.layerMemory,
    SurveyResponseRepository.layerMemory,
    StudyRoomBookingRepository.layerMemory
  ),
  AuditLog.layerMemory,
  Outbox.layerMemory,
  Transactor.layerMemory
).pipe(Layer.provideMerge(Memory.layerDatabase))

