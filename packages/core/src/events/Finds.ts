/**
 * What the center's events find, registered where they were found: the job
 * seekers met at an outreach session (찾아가는 일자리상담실) or signed up for a
 * psychological test, and the employers a discovery visit (일자리발굴단) found.
 *
 * Each use case registers the person or employer and records them on the
 * event in one transaction, so an event never names a record that was not
 * kept, and a refused registration (a duplicate seeker, a bad form) leaves
 * the event as it was. Events are appended to under a lock of the event,
 * not by version: two counselors registering people met at one session at
 * the same moment both keep theirs.
 *
 * @example
 * ```ts
 * import { EventFinds, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const seekerForm: unknown // a seeker's registration form, as JobCenter.registerSeeker takes it
 * // A person met at the session at 왕십리역 is registered and counted as the session's registration.
 * const registered = EventFinds.registerAtOutreach(actor, "outreach-0003", seekerForm)
 * ```
 *
 * @since 0.4.0
 * @module
 * @category events
 */
import { Effect, Schema } from "effect"
import type { SeekerId } from "../kernel/Ids.js"
import { Transactor } from "../kernel/Transactor.js"
import { type Actor, inTransaction, logAccess, logAccessAll } from "../kernel/UseCase.js"
import * as Validation from "../kernel/Validation.js"
import { registerEmployer, registerSeeker } from "../registry/Registration.js"
import { SeekerRepository } from "../registry/Seeker.js"
import * as DiscoveryVisit from "./DiscoveryVisit.js"
import * as Events from "./Events.js"
import { OpeningRepository } from "../registry/Opening.js"
import type { EmployerId, OpeningId } from "../kernel/Ids.js"
import { type Employer, EmployerRepository } from "../registry/Employer.js"
import * as Outreach from "./Outreach.js"

const lockEvent = (actor: Actor, kind: string, id: string) =>
  Effect.flatMap(Transactor, (t) => t.lock(`iljari:${kind}:${actor.districtId}:${id}`))

// The session as it now stands, with one more registered seeker (once). It
// is answered with the seekers registered before, who are logged as read.
const appendToOutreach = (actor: Actor, sessionId: string, seekerId: SeekerId) =>
  Effect.gen(function*() {
    yield* lockEvent(actor, "outreach-session", sessionId)
    const store = yield* Outreach.OutreachSessionRepository
    const current = yield* store.get(actor.districtId, sessionId)
    const others = current.value.registeredSeekerIds.filter((id) => id !== seekerId)
    yield* logAccessAll(actor, "read", "seeker", others, "outreach.read")
    yield* logAccess(actor, "update", "seeker", seekerId, "outreach.register")
    if (others.length < current.value.registeredSeekerIds.length) return current
    return yield* store.update(
      new Outreach.Session({ ...current.value, registeredSeekerIds: [...current.value.registeredSeekerIds, seekerId] }),
      current.version
    )
  })

/**
 * Registers a person met at an outreach session as a job seeker and records
 * them as one of the session's registrations. A person already registered
 * is refused as `DuplicateSeeker` (with the existing record's id), as any
 * registration is; {@link addToOutreach} records them instead.
 *
 * @example
 * ```ts
 * import { EventFinds, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const seekerForm: unknown
 * const registered = EventFinds.registerAtOutreach(actor, "outreach-0003", seekerForm)
 * ```
 *
 * @since 0.4.0
 * @category outreach
 */
export const registerAtOutreach = (actor: Actor, sessionId: string, seekerForm: unknown) =>
  inTransaction(Effect.gen(function*() {
    // The session first: a form for a session that is not there registers no one.
    yield* Effect.flatMap(Outreach.OutreachSessionRepository, (r) => r.get(actor.districtId, sessionId))
    const seeker = yield* registerSeeker(actor, seekerForm)
    const session = yield* appendToOutreach(actor, sessionId, seeker.value.id)
    return { seeker, session }
  }))

/**
 * Records a seeker registered before (found as a duplicate at the session,
 * say) as met at an outreach session.
 *
 * @example
 * ```ts
 * import { EventFinds, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const session = EventFinds.addToOutreach(actor, "outreach-0003", Ids.SeekerId.make("seeker-0042"))
 * ```
 *
 * @since 0.4.0
 * @category outreach
 */
export const addToOutreach = (actor: Actor, sessionId: string, seekerId: SeekerId) =>
  inTransaction(Effect.gen(function*() {
    yield* Effect.flatMap(SeekerRepository, (r) => r.get(actor.districtId, seekerId))
    return yield* appendToOutreach(actor, sessionId, seekerId)
  }))

const positionsOf = Validation.decode(Schema.Struct({ positions: DiscoveryVisit.Finding.fields.positions }))

/**
 * Registers an employer a discovery visit found, and records it on the
 * visit as a finding with the positions it offers (its openings are
 * registered afterwards, on the employer, and {@link addOpening} records
 * them on the finding).
 *
 * @example
 * ```ts
 * import { EventFinds, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const employerForm: unknown // an employer's registration form, as JobCenter.registerEmployer takes it
 * const found = EventFinds.registerAtVisit(actor, "visit-0007", employerForm, 3)
 * ```
 *
 * @since 0.4.0
 * @category discovery visits
 */
export const registerAtVisit = (actor: Actor, visitId: string, employerForm: unknown, positions: unknown) =>
  inTransaction(Effect.gen(function*() {
    yield* Effect.flatMap(DiscoveryVisit.DiscoveryVisitRepository, (r) => r.get(actor.districtId, visitId))
    const offered = yield* positionsOf({ positions })
    const employer = yield* registerEmployer(actor, employerForm)
    const visit = yield* appendFinding(actor, visitId, employer.value, offered.positions)
    return { employer, visit }
  }))

/**
 * Records an employer registered before (a business the center knew) as
 * found by a discovery visit, with the positions it offers now. An employer
 * the visit found already is refused.
 *
 * @example
 * ```ts
 * import { EventFinds, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const visit = EventFinds.addToVisit(actor, "visit-0007", Ids.EmployerId.make("employer-0031"), 2)
 * ```
 *
 * @since 0.4.0
 * @category discovery visits
 */
export const addToVisit = (actor: Actor, visitId: string, employerId: EmployerId, positions: unknown) =>
  inTransaction(Effect.gen(function*() {
    const offered = yield* positionsOf({ positions })
    const employer = yield* Effect.flatMap(EmployerRepository, (r) => r.get(actor.districtId, employerId))
    return yield* appendFinding(actor, visitId, employer.value, offered.positions)
  }))

const refusedOnVisit = (message: string) =>
  new Validation.ValidationError({ subject: "DiscoveryVisit", issues: [new Validation.ValidationIssue({ path: "employerId", message })] })

// The visit as it now stands, with one more employer found.
const appendFinding = (actor: Actor, visitId: string, employer: Pick<Employer, "id" | "name">, positions: number) =>
  Effect.gen(function*() {
    yield* lockEvent(actor, "discovery-visit", visitId)
    const store = yield* DiscoveryVisit.DiscoveryVisitRepository
    const current = yield* store.get(actor.districtId, visitId)
    if (current.value.findings.some((f) => f.employerId === employer.id)) {
      return yield* Effect.fail(refusedOnVisit("is found by the visit already"))
    }
    const finding: DiscoveryVisit.Finding = { company: employer.name, employerId: employer.id, openingIds: [], positions }
    return yield* store.update(
      new DiscoveryVisit.Visit({ ...current.value, findings: [...current.value.findings, finding] }),
      current.version
    )
  })

/**
 * Records an opening registered with an employer a visit found on that
 * visit's finding, so that the visit counts it towards the year's openings.
 * An opening of another employer, or one recorded already, is refused.
 *
 * @example
 * ```ts
 * import { EventFinds, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const visit = EventFinds.addOpening(actor, "visit-0007", Ids.OpeningId.make("opening-0120"))
 * ```
 *
 * @since 0.4.0
 * @category discovery visits
 */
export const addOpening = (actor: Actor, visitId: string, openingId: OpeningId) =>
  inTransaction(Effect.gen(function*() {
    yield* lockEvent(actor, "discovery-visit", visitId)
    const store = yield* DiscoveryVisit.DiscoveryVisitRepository
    const current = yield* store.get(actor.districtId, visitId)
    const opening = (yield* Effect.flatMap(OpeningRepository, (r) => r.get(actor.districtId, openingId))).value
    const at = current.value.findings.findIndex((f) => f.employerId === opening.employerId)
    if (at < 0 || current.value.findings[at]!.openingIds.includes(opening.id)) {
      return yield* Effect.fail(new Validation.ValidationError({
        subject: "DiscoveryVisit",
        issues: [new Validation.ValidationIssue({
          path: "openingId",
          message: at < 0
            ? "must be an opening of an employer the visit found"
            : "is recorded on the visit already"
        })]
      }))
    }
    const findings = current.value.findings.map((f, i) => (i === at ? { ...f, openingIds: [...f.openingIds, opening.id] } : f))
    return yield* store.update(new DiscoveryVisit.Visit({ ...current.value, findings }), current.version)
  }))

/**
 * Registers a person as a job seeker and signs them up for a
 * psychological-test session, within its capacity, in one transaction: a
 * full session registers no one.
 *
 * @example
 * ```ts
 * import { EventFinds, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const seekerForm: unknown
 * const signedUp = EventFinds.registerForTest(actor, "psych-test-0002", seekerForm)
 * ```
 *
 * @since 0.4.0
 * @category psychological tests
 */
export const registerForTest = (actor: Actor, sessionId: string, seekerForm: unknown) =>
  inTransaction(Effect.gen(function*() {
    const seeker = yield* registerSeeker(actor, seekerForm)
    const participant = yield* Events.registerParticipant(actor, sessionId, seeker.value.id)
    return { seeker, participant }
  }))
