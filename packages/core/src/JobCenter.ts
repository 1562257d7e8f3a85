/**
 * The job center's daily work in one place: the use cases of the registry
 * (`Registration`), casework (`Casework`), targets (`Results`) and the access
 * log (`AccessLog`), and the plumbing they share (`UseCase`), re-exported
 * under the names integrators know.
 *
 * Every use case acts for an {@link Actor} — a staff member of one district —
 * and touches that district's records only. Every read or write of a seeker's
 * personal data leaves an audit entry (who, when, from where, whose data,
 * what). Input arrives as `unknown` and is decoded, so a bad form fails with a
 * `ValidationError` naming the fields and nothing is written.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter, Repositories } from "@iljari/core"
 * import { Effect, Layer } from "effect"
 *
 * const actor: JobCenter.Actor = {
 *   districtId: Ids.DistrictId.make("11200"), // 성동구
 *   counselorId: Ids.CounselorId.make("counselor-01"),
 *   origin: "10.0.0.7" // the request's address, for the access log
 * }
 *
 * const program = Effect.gen(function*() {
 *   const seeker = yield* JobCenter.registerSeeker(actor, {
 *     name: "김민수",
 *     contact: { phone: "010-1234-5678" },
 *     birthDate: "1962-05-14",
 *     gender: "male",
 *     addressRegion: "11200",
 *     desiredOccupations: ["5611"],
 *     desiredRegions: ["11200"],
 *     education: "03",
 *     careerMonths: 240,
 *     certificates: [],
 *     desiredEmployment: { contractTypes: ["open-ended"], schedules: ["full-time"] },
 *     targetGroups: [],
 *     consents: [{ purpose: "personal-data", givenAt: "2026-03-02T01:00:00.000Z" }],
 *     registrationChannel: "visit"
 *   })
 *   yield* JobCenter.logCounseling(actor, { seekerId: seeker.value.id, heldOn: "2026-05-14", channel: "visit" })
 *   return yield* JobCenter.auditTrail(actor, { subjectId: seeker.value.id })
 * })
 *
 * // Memory stores for a test; StoreSql.layer over SQLite or PostgreSQL in production.
 * const Storage = Layer.merge(Repositories.layerMemory, Repositories.IdGenerator.layerSequential)
 * Effect.runPromise(Effect.provide(program, Storage))
 * ```
 *
 * @since 0.1.0
 * @module
 * @category facades
 */
import type { Effect } from "effect"
import type { AuditAction, AuditEntry, AuditLog } from "./kernel/Audit.js"
import type { PersistenceError } from "./kernel/Errors.js"
import type { IdGenerator } from "./kernel/IdGenerator.js"
import type { LocalDate } from "./kernel/LocalDate.js"
import * as UseCase from "./kernel/UseCase.js"

/**
 * Who is acting: a staff member of one district, and where the request came
 * from when the integrator knows it (an address, a terminal).
 *
 * @since 0.1.0
 * @category models
 */
export type Actor = UseCase.Actor

/**
 * The civil date in Korea now, from Effect's `Clock`.
 *
 * @since 0.1.0
 * @category time
 */
export const today: Effect.Effect<LocalDate> = UseCase.today

/**
 * Writes an access-log entry for the actor (who, when, from where), e.g. for
 * a screen that shows seekers' data outside the use cases.
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // A read your own code does outside the use cases still leaves its entry.
 * const logged = JobCenter.logAccess(actor, "export", "seeker", "seeker-0001", "district-statistics")
 * ```
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
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const logged = JobCenter.logAccessAll(actor, "read", "seeker", ["seeker-0001", "seeker-0002"], "call-list")
 * ```
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
 * The most records a search or a list returns (and logs) at a time; a larger
 * page asked for is cut to it.
 *
 * @since 0.3.0
 * @category lists
 */
export const maxPageSize: number = UseCase.maxPageSize

/**
 * Queues a message in the outbox for the actor's district and returns it;
 * the dispatcher of `@iljari/notify` delivers it, checking consent and quiet
 * hours.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const notice = JobCenter.enqueue(actor, {
 *   purpose: "service",
 *   channel: "sms",
 *   idempotencyKey: "interview-notice:referral-0001",
 *   recipient: { kind: "seeker", id: Ids.SeekerId.make("seeker-0001") },
 *   urgent: false,
 *   template: "interview-notice", // one of @iljari/notify's Templates.korean
 *   params: { name: "김민수", employer: "성수디지털(주)", date: "5월 20일", time: "14:00", place: "성수이로 113" }
 * })
 * ```
 *
 * @since 0.1.0
 * @category outbox
 */
export const enqueue = UseCase.enqueue

export {
  /** @since 0.1.0 */
  DuplicateSeeker,
  /** @since 0.1.0 */
  getSeeker,
  /** @since 0.2.0 */
  listCounselors,
  /** @since 0.2.0 */
  listEmployers,
  /** @since 0.2.0 */
  listOpenings,
  /** @since 0.2.0 */
  listSeekers,
  /** @since 0.1.0 */
  registerEmployer,
  /** @since 0.1.0 */
  registerOpening,
  /** @since 0.1.0 */
  registerSeeker,
  /** @since 0.2.0 */
  seekerForEligibility,
  /** @since 0.1.0 */
  updateEmployer,
  /** @since 0.1.0 */
  updateOpening,
  /** @since 0.1.0 */
  updateSeeker
} from "./registry/Registration.js"

export {
  /** @since 0.3.0 */
  searchSeekers
} from "./registry/SeekerSearch.js"

export {
  /** @since 0.1.0 */
  Config,
  /** @since 0.2.0 */
  CounselingRequest,
  /** @since 0.1.0 */
  enqueueFollowUpDigests,
  /** @since 0.3.0 */
  followUpCallList,
  /** @since 0.4.0 */
  followUpCalls,
  /** @since 0.1.0 */
  followUpLedger,
  /** @since 0.4.0 */
  followUpLedgerWithVersions,
  /** @since 0.3.0 */
  getPlacement,
  /** @since 0.3.0 */
  getReferral,
  /** @since 0.4.0 */
  LedgerGroup,
  /** @since 0.3.0 */
  listPlacements,
  /** @since 0.3.0 */
  listReferrals,
  /** @since 0.1.0 */
  logCounseling,
  /** @since 0.1.0 */
  monitor,
  /** @since 0.1.0 */
  moveReferral,
  /** @since 0.1.0 */
  OpeningNotOpen,
  /** @since 0.4.0 */
  placementHorizonDays,
  /** @since 0.2.0 */
  PlacementRequest,
  /** @since 0.1.0 */
  proposeReferral,
  /** @since 0.1.0 */
  recordFollowUp,
  /** @since 0.1.0 */
  recordPlacement,
  /** @since 0.2.0 */
  ReferralRequest
} from "./casework/Casework.js"
export type {
  /** @since 0.3.0 */
  LedgerItem,
  /** @since 0.1.0 */
  PlacementRecorded
} from "./casework/Casework.js"

export {
  /** @since 0.1.0 */
  results,
  /** @since 0.1.0 */
  targetPace
} from "./targets/Results.js"
export type {
  /** @since 0.1.0 */
  MetricPace
} from "./targets/Results.js"

export {
  /** @since 0.3.0 */
  auditPage,
  /** @since 0.2.0 */
  auditTrail
} from "./privacy/AccessLog.js"
