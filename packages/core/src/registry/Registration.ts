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

const { fieldsOf, inTransaction, invalid, logAccess, logAccessAll, newId, notInFuture, now } = UseCase

const bornBeforeToday = { en: "a birth date cannot be in the future", ko: "생년월일은 미래일 수 없습니다" }

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
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor // a counselor of 성동구 ("11200")
 * const registered = JobCenter.registerSeeker(actor, {
 *   name: "김민수",
 *   contact: { phone: "010-1234-5678" },
 *   birthDate: "1962-05-14",
 *   gender: "male",
 *   addressRegion: "11200",
 *   desiredOccupations: ["5611"], // KECO 청소원
 *   desiredRegions: ["11200", "11215"],
 *   education: "03",
 *   careerMonths: 240,
 *   certificates: ["지게차운전기능사"],
 *   desiredEmployment: { contractTypes: ["open-ended"], schedules: ["full-time"] },
 *   targetGroups: ["middle-aged"],
 *   consents: [{ purpose: "personal-data", givenAt: "2026-03-02T01:00:00.000Z" }],
 *   registrationChannel: "visit"
 * }).pipe(
 *   // The same person (name and phone, or name and birth date) is not stored twice.
 *   Effect.catchTag("DuplicateSeeker", (duplicate) => Effect.fail(`already registered as ${duplicate.existingId}`))
 * )
 * ```
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
    yield* notInFuture("Seeker", "birthDate", seeker.birthDate, bornBeforeToday)
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
 * @example
 * ```ts
 * import { Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const seeker = JobCenter.getSeeker(actor, Ids.SeekerId.make("seeker-0001")) // logged as a read
 * ```
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
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const firstPage = JobCenter.listSeekers(actor, { limit: 50 })
 * ```
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
 * @example
 * ```ts
 * import { Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const seeker = JobCenter.seekerForEligibility(actor, Ids.SeekerId.make("seeker-0001"))
 * ```
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
 * @example
 * ```ts
 * import { Ids, JobCenter } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * const id = Ids.SeekerId.make("seeker-0001")
 * const moved = Effect.gen(function*() {
 *   const current = yield* JobCenter.getSeeker(actor, id)
 *   // The whole form, with the version it was read at: a concurrent change fails with StaleVersion.
 *   return yield* JobCenter.updateSeeker(actor, id, current.version, { ...current.value, addressRegion: "11215" })
 * })
 * ```
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
    yield* notInFuture("Seeker", "birthDate", seeker.birthDate, bornBeforeToday)
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
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const employer = JobCenter.registerEmployer(actor, {
 *   name: "성수디지털(주)",
 *   businessNumber: "124-81-00998",
 *   industry: "소프트웨어 개발 및 공급업",
 *   addressRegion: "11200",
 *   address: "서울특별시 성동구 성수이로 113",
 *   size: "small",
 *   contacts: [{ name: "이영희", role: "인사담당", phone: "02-123-4567" }],
 *   source: "knowledge-industry-center"
 * })
 * ```
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
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const employers = JobCenter.listEmployers(actor, { limit: 100 })
 * ```
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
 * @example
 * ```ts
 * import { EmployerSearch, Ids, JobCenter } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * const id = Ids.EmployerId.make("employer-0001")
 * const grown = Effect.gen(function*() {
 *   const current = yield* EmployerSearch.getEmployer(actor, id)
 *   return yield* JobCenter.updateEmployer(actor, id, current.version, { ...current.value, size: "medium" })
 * })
 * ```
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
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const opening = JobCenter.registerOpening(actor, {
 *   employerId: "employer-0001",
 *   title: "웹디자이너 채용",
 *   occupation: "4122",
 *   headcount: 2,
 *   workRegion: "11200",
 *   wage: { type: "yearly", min: 28_000_000, max: 34_000_000 },
 *   educationMinimum: "04",
 *   career: { requirement: "experienced", minimumMonths: 12 },
 *   contractType: "open-ended",
 *   schedule: "full-time",
 *   workingDays: "five-days",
 *   weeklyHours: 40,
 *   workingHours: { start: "09:00", end: "18:00" },
 *   requiredCertificates: [],
 *   preferredCertificates: ["웹디자인기능사"],
 *   preferences: [],
 *   openedOn: "2026-05-04",
 *   closesOn: "2026-05-31",
 *   status: "open"
 * })
 * ```
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
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const openings = JobCenter.listOpenings(actor, { limit: 100 })
 * ```
 *
 * @since 0.2.0
 * @category openings
 */
export const listOpenings = (actor: Actor, page: Page = { limit: 100 }) =>
  Effect.flatMap(OpeningRepository, (repo) => repo.list(actor.districtId, page))

/**
 * Replaces an opening's fields (status included), based on the version edited.
 *
 * @example
 * ```ts
 * import { EmployerSearch, Ids, JobCenter } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * const id = Ids.OpeningId.make("opening-0001")
 * const extended = Effect.gen(function*() {
 *   const current = yield* EmployerSearch.getOpening(actor, id)
 *   return yield* JobCenter.updateOpening(actor, id, current.version, { ...current.value, closesOn: "2026-06-15" })
 * })
 * ```
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
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * const names = Effect.map(JobCenter.listCounselors(actor), (rows) => rows.map((row) => row.value.name))
 * ```
 *
 * @since 0.2.0
 * @category staff
 */
export const listCounselors = (actor: Actor) => Effect.flatMap(CounselorRepository, (repo) => repo.list(actor.districtId))

