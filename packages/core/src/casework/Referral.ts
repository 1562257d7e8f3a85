/**
 * A referral (알선): the center proposes a seeker to an opening and follows
 * the application to its end. Its status moves only along the arrows below;
 * any other move is an {@link InvalidTransition}.
 *
 * ```
 * proposed → sent → interviewing → hired
 *     │        │          ├──────→ rejected
 *     │        ├──────────┼──────→ rejected
 *     └────────┴──────────┴──────→ withdrawn
 * ```
 *
 * @example
 * ```ts
 * import { Ids, LocalDate, Referral } from "@iljari/core"
 *
 * declare const referral: Referral.Referral
 * // proposed → sent → interviewing → hired; a wrong step is an InvalidTransition.
 * const sent = Referral.transition(referral, "sent", LocalDate.make(2026, 5, 14), Ids.CounselorId.make("counselor-01"))
 * Referral.transitions.proposed // the steps allowed from "proposed"
 * ```
 *
 * @since 0.1.0
 * @module
 * @category casework
 */
import { Context, Effect, Either, Schema } from "effect"
import { CounselorId, DistrictId, OpeningId, ReferralId, SeekerId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import { LocalDate } from "../kernel/LocalDate.js"
import { Note } from "../kernel/Text.js"
import * as Memory from "../kernel/Memory.js"
import type { Page, Paged, Store, Versioned } from "../kernel/Store.js"
import type { DuplicateId, PersistenceError } from "../kernel/Errors.js"

const statuses = codeSet("ReferralStatus", [
  ["proposed", { ko: "알선제안", en: "Proposed" }],
  ["sent", { ko: "알선(서류전달)", en: "Sent to the employer" }],
  ["interviewing", { ko: "면접진행", en: "Interviewing" }],
  ["hired", { ko: "채용", en: "Hired" }],
  ["rejected", { ko: "불합격", en: "Rejected" }],
  ["withdrawn", { ko: "철회", en: "Withdrawn" }]
])

/**
 * Where a referral stands.
 *
 * @since 0.1.0
 * @category codes
 */
export const ReferralStatus = statuses.schema
/** @since 0.1.0 @category codes */
export type ReferralStatus = typeof ReferralStatus.Type
/** @since 0.1.0 @category codes */
export const referralStatusLabel = statuses.label

/**
 * The moves each status allows. Terminal statuses allow none.
 *
 * @since 0.1.0
 * @category state machine
 */
export const transitions: { readonly [S in ReferralStatus]: ReadonlyArray<ReferralStatus> } = {
  proposed: ["sent", "withdrawn"],
  sent: ["interviewing", "rejected", "withdrawn"],
  interviewing: ["hired", "rejected", "withdrawn"],
  hired: [],
  rejected: [],
  withdrawn: []
}

/**
 * Whether a status is final.
 *
 * @since 0.1.0
 * @category state machine
 */
export const isTerminal = (status: ReferralStatus): boolean => transitions[status].length === 0

/**
 * A move the state machine does not allow.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidTransition extends Schema.TaggedError<InvalidTransition>()("InvalidTransition", {
  referralId: Schema.String,
  from: ReferralStatus,
  to: ReferralStatus
}) {
  override get message(): string {
    const allowed = transitions[this.from]
    return `Referral "${this.referralId}" cannot move from "${this.from}" (${referralStatusLabel(this.from)}) to "${this.to}" (${
      referralStatusLabel(this.to)
    }); ${allowed.length === 0 ? `"${this.from}" is final` : `from "${this.from}" it can move to ${allowed.join(", ")}`}`
  }
}

/**
 * Whether a referral is still under way (proposed, sent or interviewing):
 * a seeker has at most one such referral to each opening.
 *
 * @since 0.4.0
 * @category state machine
 */
export const isActive = (status: ReferralStatus): boolean => !isTerminal(status)

/**
 * A second active referral of one seeker to one opening: the seeker is
 * already proposed, sent or interviewing there. Move the existing referral
 * instead, or withdraw it first.
 *
 * @since 0.4.0
 * @category errors
 */
export class ActiveReferralExists extends Schema.TaggedError<ActiveReferralExists>()("ActiveReferralExists", {
  seekerId: SeekerId,
  openingId: OpeningId,
  /** The active referral already there. */
  referralId: ReferralId
}) {
  override get message(): string {
    return `Seeker "${this.seekerId}" already has an active referral to opening "${this.openingId}": "${this.referralId}"; a seeker is referred to an opening once at a time — move or withdraw that referral instead`
  }
}

/**
 * One step of a referral's history.
 *
 * @since 0.1.0
 * @category models
 */
export const Step = Schema.Struct({
  status: ReferralStatus,
  on: LocalDate,
  by: CounselorId
})
/** @since 0.1.0 @category models */
export type Step = typeof Step.Type

/**
 * A referral with its whole history; `status` is the last step's.
 *
 * @since 0.1.0
 * @category models
 */
export class Referral extends Schema.Class<Referral>("Referral")({
  id: ReferralId,
  districtId: DistrictId,
  seekerId: SeekerId,
  openingId: OpeningId,
  counselorId: CounselorId,
  status: ReferralStatus,
  history: Schema.NonEmptyArray(Step),
  notes: Schema.optionalWith(Note, { exact: true })
}) {}

/**
 * Moves a referral to `to` on a date, by a counselor, or fails with
 * {@link InvalidTransition} naming both states.
 *
 * @since 0.1.0
 * @category state machine
 */
export const transition = (
  referral: Referral,
  to: ReferralStatus,
  on: LocalDate,
  by: CounselorId
): Either.Either<Referral, InvalidTransition> =>
  transitions[referral.status].includes(to)
    ? Either.right(new Referral({ ...referral, status: to, history: [...referral.history, { status: to, on, by }] }))
    : Either.left(new InvalidTransition({ referralId: referral.id, from: referral.status, to }))

/**
 * The date the referral was first proposed.
 *
 * @since 0.1.0
 * @category queries
 */
export const proposedOn = (referral: Referral): LocalDate => referral.history[0].on

/**
 * Which referrals a list shows (a board by status, one counselor's, one
 * seeker's, one opening's): every criterion given must hold.
 *
 * @since 0.3.0
 * @category lists
 */
export const Filter = Schema.Struct({
  status: Schema.optionalWith(ReferralStatus, { exact: true }),
  counselorId: Schema.optionalWith(CounselorId, { exact: true }),
  seekerId: Schema.optionalWith(SeekerId, { exact: true }),
  openingId: Schema.optionalWith(OpeningId, { exact: true })
}).annotations({ identifier: "ReferralFilter" })
/** @since 0.3.0 @category lists */
export type Filter = typeof Filter.Type

/**
 * Whether a referral passes a list's filter.
 *
 * @since 0.3.0
 * @category lists
 */
export const passes = (filter: Filter) => (referral: Referral): boolean =>
  (filter.status === undefined || referral.status === filter.status) &&
  (filter.counselorId === undefined || referral.counselorId === filter.counselorId) &&
  (filter.seekerId === undefined || referral.seekerId === filter.seekerId) &&
  (filter.openingId === undefined || referral.openingId === filter.openingId)

/**
 * Newest first: the latest proposed first, then by id, descending.
 *
 * @since 0.3.0
 * @category lists
 */
export const newestFirst = (a: Referral, b: Referral): number => {
  const [x, y] = [proposedOn(a), proposedOn(b)]
  return x !== y ? (x < y ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}

/**
 * Referrals. A seeker has at most one active referral (proposed, sent or
 * interviewing) to each opening: inserting a second fails with
 * {@link ActiveReferralExists} naming the first, in every adapter (the SQL
 * ones by a partial unique index), however the inserts race.
 *
 * @since 0.1.0
 * @category ports
 */
export class ReferralRepository extends Context.Tag("@iljari/core/ReferralRepository")<ReferralRepository, Omit<Store<Referral, ReferralId>, "insert"> & {
  readonly insert: (record: Referral) => Effect.Effect<Versioned<Referral>, ActiveReferralExists | DuplicateId | PersistenceError>
  readonly listBySeeker: (
    districtId: DistrictId,
    seekerId: SeekerId
  ) => Effect.Effect<ReadonlyArray<Versioned<Referral>>, PersistenceError>
  /** The referrals that {@link passes pass} the filter, {@link newestFirst}: a page and the total. */
  readonly search: (
    districtId: DistrictId,
    filter: Filter,
    page?: Page
  ) => Effect.Effect<Paged<Versioned<Referral>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const referrals = Memory.store<Referral, ReferralId, ActiveReferralExists>(db, "referral", {
      key: (r) => (isActive(r.status) ? `${r.seekerId}\u0000${r.openingId}` : undefined),
      conflict: (r, existing) => new ActiveReferralExists({ seekerId: r.seekerId, openingId: r.openingId, referralId: existing.id })
    })
    return {
      ...referrals,
      listBySeeker: (districtId, seekerId) => referrals.filter(districtId, (r) => r.seekerId === seekerId),
      search: (districtId, filter, page) =>
        Memory.searched(referrals, districtId, passes(filter), newestFirst, page)
    }
  })
}
