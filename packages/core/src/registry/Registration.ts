/**
 * The registry's use cases: registering seekers (once per person), employers
 * and openings, and reading them — every read or write of a person's data
 * logged. Input arrives as `unknown` and is decoded, so a bad form fails with
 * a `ValidationError` naming the fields and nothing is written.
 *
 * @since 0.2.0
 */
import { DateTime, Effect, Schema } from "effect"
import { EmployerId, OpeningId, SeekerId } from "../kernel/Ids.js"
import type { Page } from "../kernel/Store.js"
import { Transactor } from "../kernel/Transactor.js"
import * as UseCase from "../kernel/UseCase.js"
import { type Actor } from "../kernel/UseCase.js"
import * as Caseload from "./Caseload.js"
import { CounselorRepository } from "./Counselor.js"
import * as Employer from "./Employer.js"
import { EmployerRepository } from "./Employer.js"
import * as Opening from "./Opening.js"
import { OpeningRepository } from "./Opening.js"
import * as Seeker from "./Seeker.js"
import { SeekerRepository } from "./Seeker.js"

const { fieldsOf, inTransaction, invalid, logAccess, logAccessAll, newId, now } = UseCase

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
    const fields = yield* fieldsOf("Seeker", input, Seeker.centerFields)
    const seeker = yield* Seeker.decode({
      ...fields,
      id: yield* newId(SeekerId, "seeker"),
      districtId: actor.districtId,
      registeredAt: DateTime.formatIso(yield* now),
      // A counselor who registers a seeker is responsible for them; a manager assigns one later.
      ...(actor.caseload === "own" ? { counselorId: actor.counselorId } : {}),
      status: "registered"
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
    // A record sent back as read may carry its caseload fields; changing them is a transfer or a case event.
    if ("counselorId" in fields && fields["counselorId"] !== current.value.counselorId) {
      return yield* invalid("Seeker", "counselorId", "changes by a transfer (PUT /seekers/{id}/counselor), not by an update")
    }
    if ("status" in fields && fields["status"] !== current.value.status) {
      return yield* invalid("Seeker", "status", "is kept by the case's events (counseling, referral, placement, closing), not by an update")
    }
    yield* Caseload.mayWorkOn(actor, current.value)
    const seeker = yield* Seeker.decode({
      ...fields,
      id,
      districtId: actor.districtId,
      registeredAt: DateTime.formatIso(current.value.registeredAt),
      ...(current.value.counselorId === undefined ? {} : { counselorId: current.value.counselorId }),
      status: current.value.status
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

/**
 * The district's staff records (names for reports and ledgers).
 *
 * @since 0.2.0
 * @category staff
 */
export const listCounselors = (actor: Actor) => Effect.flatMap(CounselorRepository, (repo) => repo.list(actor.districtId))

