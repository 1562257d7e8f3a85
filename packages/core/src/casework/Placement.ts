/**
 * A placement (취업): a seeker started work. It counts toward the center's
 * results only when it follows the center's own referral; a job the seeker
 * found alone is recorded (it matters for follow-up and statistics) but
 * marked as not counting, so the figures count real placements, not
 * paperwork (사후취업).
 *
 * @example
 * ```ts
 * import { Ids, Placement } from "@iljari/core"
 *
 * declare const placements: ReadonlyArray<Placement.Placement>
 * const minsu = placements.filter(Placement.passes({ seekerId: Ids.SeekerId.make("seeker-0001") })).sort(Placement.newestFirst)
 * ```
 *
 * @since 0.1.0
 * @module
 * @category casework
 */
import { Context, Effect, Option, Schema } from "effect"
import { ContractType, WorkSchedule } from "../kernel/Codes.js"
import { CounselorId, DistrictId, EmployerId, OpeningId, PlacementId, ReferralId, SeekerId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import { LocalDate } from "../kernel/LocalDate.js"
import { Note } from "../kernel/Text.js"
import { DesiredWage } from "../kernel/Wage.js"
import * as Memory from "../kernel/Memory.js"
import type { Page, Paged, Store, Versioned } from "../kernel/Store.js"
import type { DuplicateId, PersistenceError } from "../kernel/Errors.js"

const verifications = codeSet("PlacementVerification", [
  ["center-referral", { ko: "센터 알선 취업", en: "Placed through the center's referral" }],
  ["self-found", { ko: "본인 구직(자체취업)", en: "Found by the seeker alone" }]
])

/**
 * How the placement came about.
 *
 * @since 0.1.0
 * @category codes
 */
export const Verification = verifications.schema
/** @since 0.1.0 @category codes */
export type Verification = typeof Verification.Type
/** @since 0.1.0 @category codes */
export const verificationLabel = verifications.label

/**
 * A placement. `countsForCenter` is decided when it is recorded: true exactly
 * when it follows a referral by the center that ended in a hire.
 *
 * @since 0.1.0
 * @category models
 */
export class Placement extends Schema.Class<Placement>("Placement")(
  Schema.Struct({
    id: PlacementId,
    districtId: DistrictId,
    seekerId: SeekerId,
    employerId: EmployerId,
    openingId: Schema.optionalWith(OpeningId, { exact: true }),
    referralId: Schema.optionalWith(ReferralId, { exact: true }),
    counselorId: CounselorId,
    startOn: LocalDate,
    /** The day the center recorded it; a long gap after `startOn` is what monitoring looks for. */
    recordedOn: LocalDate,
    contractType: ContractType,
    schedule: WorkSchedule,
    wage: Schema.optionalWith(DesiredWage, { exact: true }),
    verification: Verification,
    countsForCenter: Schema.Boolean,
    notes: Schema.optionalWith(Note, { exact: true })
  }).pipe(
    Schema.filter((p) => {
      if (p.verification === "center-referral" && p.referralId === undefined) {
        return { path: ["referralId"], message: "is required when the placement came through the center's referral" }
      }
      if (p.countsForCenter && p.verification !== "center-referral") {
        return { path: ["countsForCenter"], message: "can be true only for a placement through the center's referral" }
      }
      return true
    })
  )
) {}

/**
 * A second placement of one referral: a referral leads to one job, and the
 * center's figures count it once. Correct the existing placement instead.
 *
 * @since 0.2.0
 * @category errors
 */
export class AlreadyPlaced extends Schema.TaggedError<AlreadyPlaced>()("AlreadyPlaced", {
  referralId: ReferralId,
  /** The placement the referral already led to. */
  placementId: PlacementId
}) {
  override get message(): string {
    return `Referral "${this.referralId}" already led to placement "${this.placementId}"; a referral is placed once — correct that placement instead`
  }
}

/**
 * Which placements a list shows (one counselor's, one seeker's, those that
 * started within dates, both included): every criterion given must hold.
 *
 * @since 0.3.0
 * @category lists
 */
export const Filter = Schema.Struct({
  counselorId: Schema.optionalWith(CounselorId, { exact: true }),
  seekerId: Schema.optionalWith(SeekerId, { exact: true }),
  startedFrom: Schema.optionalWith(LocalDate, { exact: true }),
  startedTo: Schema.optionalWith(LocalDate, { exact: true })
}).pipe(
  Schema.filter((f) =>
    f.startedFrom === undefined || f.startedTo === undefined || f.startedFrom <= f.startedTo || {
      path: ["startedTo"],
      message: `must not be before startedFrom, ${f.startedFrom} (종료일이 시작일보다 앞섭니다); got ${f.startedTo}`
    }
  )
).annotations({ identifier: "PlacementFilter" })
/** @since 0.3.0 @category lists */
export type Filter = typeof Filter.Type

/**
 * Whether a placement passes a list's filter.
 *
 * @since 0.3.0
 * @category lists
 */
export const passes = (filter: Filter) => (placement: Placement): boolean =>
  (filter.counselorId === undefined || placement.counselorId === filter.counselorId) &&
  (filter.seekerId === undefined || placement.seekerId === filter.seekerId) &&
  (filter.startedFrom === undefined || placement.startOn >= filter.startedFrom) &&
  (filter.startedTo === undefined || placement.startOn <= filter.startedTo)

/**
 * Newest first: the latest start first, then by id, descending.
 *
 * @since 0.3.0
 * @category lists
 */
export const newestFirst = (a: Placement, b: Placement): number =>
  a.startOn !== b.startOn ? (a.startOn < b.startOn ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0

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
  /** The placements that {@link passes pass} the filter, {@link newestFirst}: a page and the total. */
  readonly search: (
    districtId: DistrictId,
    filter: Filter,
    page?: Page
  ) => Effect.Effect<Paged<Versioned<Placement>>, PersistenceError>
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
      listStartedBetween: (districtId, from, to) => placements.filter(districtId, (p) => p.startOn >= from && p.startOn <= to),
      search: (districtId, filter, page) =>
        Memory.searched(placements, districtId, passes(filter), newestFirst, page)
    }
  })
}
