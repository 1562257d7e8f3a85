/**
 * The storage ports of a job center, listed once, and all of their memory
 * layers over one database.
 *
 * Each port lives beside its model (`SeekerRepository` in `Seeker`, …) and
 * is re-exported here under its name; {@link ports} is the one list of them
 * that the memory layer and every storage adapter are built from, so an
 * adapter that misses a port does not type-check.
 *
 * The memory layers share one in-memory database per layer instance, so they
 * roll back together; they serve tests (an integrator's too) and pass the same
 * suite as the SQL adapters.
 *
 * @example
 * ```ts
 * import { Repositories } from "@iljari/core"
 * import { Layer } from "effect"
 *
 * // Every port over memory, with ids numbered from 1: what your own tests run on.
 * const TestStorage = Layer.merge(Repositories.layerMemory, Repositories.IdGenerator.layerSequential)
 * // The ports by name, for an adapter of your own that must provide each of them.
 * const names = Object.keys(Repositories.ports)
 * ```
 *
 * @since 0.1.0
 * @module
 * @category facades
 */
import { Context, Layer } from "effect"
import { AccessRulesRepository } from "./access/AccessRules.js"
import { AccountRepository } from "./access/Account.js"
import { ApiTokenRepository } from "./access/ApiToken.js"
import { SessionRepository } from "./access/Session.js"
import { CafeProgramRepository, CafeRepository, CafeSignUpRepository } from "./cafes/Cafes.js"
import { StudyRoomBookingRepository } from "./cafes/StudyRooms.js"
import { CenterSettingsRepository } from "./casework/CenterSettings.js"
import { CounselingRepository } from "./casework/Counseling.js"
import { FollowUpRepository } from "./casework/FollowUp.js"
import { MonitoringDecisionRepository } from "./casework/MonitoringDecision.js"
import { PlacementRepository } from "./casework/Placement.js"
import { ReferralRepository } from "./casework/Referral.js"
import { DiscoveryVisitRepository } from "./events/DiscoveryVisit.js"
import { JobFairRepository } from "./events/JobFair.js"
import { OutreachSessionRepository } from "./events/Outreach.js"
import { PartnerRepository, TrainingDemandRepository } from "./events/Partner.js"
import { PsychTestParticipantRepository, PsychTestSessionRepository } from "./events/PsychTest.js"
import { QuestionnaireRepository, SurveyResponseRepository } from "./events/Survey.js"
import { SurveyLinkRepository } from "./events/SurveyLink.js"
import { AuditLog } from "./kernel/Audit.js"
import { IdempotencyStore } from "./kernel/Idempotency.js"
import { IdGenerator } from "./kernel/IdGenerator.js"
import * as Memory from "./kernel/Memory.js"
import { Outbox } from "./kernel/Outbox.js"
import { RateLimits } from "./kernel/RateLimit.js"
import { Transactor } from "./kernel/Transactor.js"
import { ImportStore } from "./onboarding/ImportStore.js"
import { CounselorRepository } from "./registry/Counselor.js"
import { EmployerRepository } from "./registry/Employer.js"
import { OpeningRepository } from "./registry/Opening.js"
import { SeekerRepository } from "./registry/Seeker.js"
import { ResultCounts } from "./targets/ResultCounts.js"

export type { KeysetPaged, Page, Paged, Store, Versioned } from "./kernel/Store.js"
export type { DuplicateProbe } from "./registry/Seeker.js"
export {
  AccessRulesRepository,
  AccountRepository,
  ApiTokenRepository,
  AuditLog,
  CafeProgramRepository,
  CafeRepository,
  CafeSignUpRepository,
  CenterSettingsRepository,
  CounselingRepository,
  CounselorRepository,
  DiscoveryVisitRepository,
  EmployerRepository,
  FollowUpRepository,
  IdempotencyStore,
  IdGenerator,
  ImportStore,
  JobFairRepository,
  MonitoringDecisionRepository,
  OpeningRepository,
  Outbox,
  OutreachSessionRepository,
  PartnerRepository,
  PlacementRepository,
  PsychTestParticipantRepository,
  PsychTestSessionRepository,
  QuestionnaireRepository,
  RateLimits,
  ReferralRepository,
  ResultCounts,
  SeekerRepository,
  SessionRepository,
  StudyRoomBookingRepository,
  SurveyLinkRepository,
  SurveyResponseRepository,
  TrainingDemandRepository,
  Transactor
}

/**
 * Every storage port, by name: the one list the memory layer and the
 * storage adapters are built from.
 *
 * @since 0.2.0
 * @category ports
 */
export const ports = {
  SeekerRepository,
  EmployerRepository,
  OpeningRepository,
  CounselorRepository,
  CounselingRepository,
  ReferralRepository,
  PlacementRepository,
  FollowUpRepository,
  MonitoringDecisionRepository,
  JobFairRepository,
  OutreachSessionRepository,
  DiscoveryVisitRepository,
  PsychTestSessionRepository,
  PsychTestParticipantRepository,
  PartnerRepository,
  TrainingDemandRepository,
  QuestionnaireRepository,
  SurveyResponseRepository,
  SurveyLinkRepository,
  StudyRoomBookingRepository,
  CafeRepository,
  CafeProgramRepository,
  CafeSignUpRepository,
  AccountRepository,
  SessionRepository,
  ApiTokenRepository,
  AccessRulesRepository,
  CenterSettingsRepository,
  ResultCounts,
  AuditLog,
  Outbox,
  IdempotencyStore,
  RateLimits,
  ImportStore,
  Transactor
} as const

/**
 * The ports of {@link ports}, as a layer provides them.
 *
 * @since 0.2.0
 * @category ports
 */
export type Ports = Context.Tag.Identifier<(typeof ports)[keyof typeof ports]>

/**
 * An implementation of every port of {@link ports}, by name — what a storage
 * adapter builds; {@link context} turns it into the services.
 *
 * @since 0.2.0
 * @category ports
 */
export type Implementations = { readonly [K in keyof typeof ports]: Context.Tag.Service<(typeof ports)[K]> }

/**
 * The services of an adapter's implementations, each under its port.
 *
 * @since 0.2.0
 * @category ports
 */
export const context = (implementations: Implementations): Context.Context<Ports> =>
  (Object.keys(ports) as Array<keyof typeof ports>).reduce(
    (services, name) => Context.add(services, ports[name] as never, implementations[name] as never),
    Context.empty() as Context.Context<Ports>
  )

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
 * Every storage port over one new in-memory database, and the database itself
 * (for a test that looks at everything stored).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory: Layer.Layer<Ports | Memory.MemoryDatabase> = (Layer.mergeAll as (
  ...layers: ReadonlyArray<Layer.Layer<never, never, Memory.MemoryDatabase>>
) => Layer.Layer<Ports, never, Memory.MemoryDatabase>)(
  ...Object.values(ports).map((port) => port.layerMemory as Layer.Layer<never, never, Memory.MemoryDatabase>)
).pipe(Layer.provideMerge(Memory.layerDatabase))
