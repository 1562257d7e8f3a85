/**
 * A counseling session (취업상담) with a seeker: the unit the center's
 * counseling target (상담) counts.
 *
 * @example
 * ```ts
 * import { Counseling } from "@iljari/core"
 *
 * Counseling.counselingChannelLabel("outreach") // the Korean label
 * declare const form: unknown
 * const session = Counseling.decode(form) // fails with a ValidationError naming each field
 * ```
 *
 * @since 0.1.0
 * @module
 * @category casework
 */
import { Context, Effect, Schema } from "effect"
import { CounselingId, CounselorId, DistrictId, SeekerId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import { LocalDate } from "../kernel/LocalDate.js"
import { Label, Note } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import type { PersistenceError } from "../kernel/Errors.js"

const channels = codeSet("CounselingChannel", [
  ["visit", { ko: "방문상담", en: "Visit to the center" }],
  ["phone", { ko: "전화상담", en: "Phone" }],
  ["outreach", { ko: "찾아가는 일자리상담실", en: "Outreach counseling site" }],
  ["job-cafe", { ko: "일자리카페", en: "Job café" }],
  ["online", { ko: "온라인", en: "Online" }]
])

/**
 * Where or how the session took place.
 *
 * @since 0.1.0
 * @category codes
 */
export const CounselingChannel = channels.schema
/** @since 0.1.0 @category codes */
export type CounselingChannel = typeof CounselingChannel.Type
/** @since 0.1.0 @category codes */
export const counselingChannelLabel = channels.label

/**
 * A counseling session.
 *
 * @since 0.1.0
 * @category models
 */
export class Counseling extends Schema.Class<Counseling>("Counseling")({
  id: CounselingId,
  districtId: DistrictId,
  seekerId: SeekerId,
  counselorId: CounselorId,
  heldOn: LocalDate,
  channel: CounselingChannel,
  notes: Schema.optionalWith(Note, { exact: true }),
  nextStep: Schema.optionalWith(Label, { exact: true })
}) {}

/**
 * Decodes a counseling session, naming every broken rule.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = Validation.decode(Counseling)

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
