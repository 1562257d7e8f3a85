/**
 * The access log for personal data (개인정보 보호법): who read or changed
 * whose data, when, from where, and why. It is append-only: the port has no
 * way to change or delete an entry, and storage adapters keep it that way.
 *
 * @since 0.1.0
 */
import { Context, type Effect, Schema } from "effect"
import type { PersistenceError } from "./Errors.js"
import { AuditEntryId, CounselorId, DistrictId } from "./Ids.js"
import { codeSet } from "./internal/codeSet.js"
import * as Memory from "./internal/memory.js"
import { Label } from "./Text.js"

const actions = codeSet("AuditAction", [
  ["read", { ko: "열람", en: "Read" }],
  ["create", { ko: "등록", en: "Create" }],
  ["update", { ko: "수정", en: "Update" }],
  ["export", { ko: "반출", en: "Export" }],
  ["erase", { ko: "파기", en: "Erase" }]
])

/**
 * What was done with the data.
 *
 * @since 0.1.0
 * @category codes
 */
export const AuditAction = actions.schema
/** @since 0.1.0 @category codes */
export type AuditAction = typeof AuditAction.Type
/** @since 0.1.0 @category codes */
export const auditActionLabel = actions.label

/**
 * One access to a person's data.
 *
 * @since 0.1.0
 * @category models
 */
export class AuditEntry extends Schema.Class<AuditEntry>("AuditEntry")({
  id: AuditEntryId,
  districtId: DistrictId,
  at: Schema.DateTimeUtc,
  /** Who: the staff member acting. */
  actor: CounselorId,
  /** From where: an address or terminal, when the integrator knows it. */
  origin: Schema.optionalWith(Label, { exact: true }),
  action: AuditAction,
  /**
   * Whose data: the kind of record and its id. A `person` is someone a job
   * café knows by its own id (a study-room booking's `personId`).
   */
  subjectKind: Schema.Literal("seeker", "employer", "counselor", "person"),
  subjectId: Schema.String,
  /** Which use case, e.g. `seeker.get`, `followUp.ledger`. */
  purpose: Schema.String
}) {}

/**
 * Which entries to read back.
 *
 * @since 0.1.0
 * @category models
 */
export interface AuditQuery {
  readonly subjectId?: string
  readonly actor?: CounselorId
}

/**
 * The append-only audit log of one deployment.
 *
 * @since 0.1.0
 * @category ports
 */
export class AuditLog extends Context.Tag("@iljari/core/AuditLog")<AuditLog, {
  readonly append: (entry: AuditEntry) => Effect.Effect<void, PersistenceError>
  /** Appends entries in one statement (a list's entries, say), all or none. */
  readonly appendAll: (entries: ReadonlyArray<AuditEntry>) => Effect.Effect<void, PersistenceError>
  /** The district's entries matching the query, oldest first. */
  readonly list: (districtId: DistrictId, query?: AuditQuery) => Effect.Effect<ReadonlyArray<AuditEntry>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase` of `Repositories`. */
  static readonly layerMemory = Memory.layerOver(this, Memory.auditLog)
}
