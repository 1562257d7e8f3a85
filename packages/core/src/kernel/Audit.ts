/**
 * The access log for personal data (개인정보 보호법): who read or changed
 * whose data, when, from where, and why — and the access records of staff
 * accounts (개인정보의 안전성 확보조치 기준 제5조, 제8조): sign-ins, refusals,
 * locks, sign-outs, token use and every change of access rights. It is
 * append-only: the port has no way to change or delete an entry, and storage
 * adapters keep it that way; erasure never touches it.
 *
 * @example
 * ```ts
 * import { Audit, Ids, Repositories } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * // Every read or change of a person's data leaves an entry; an administrator lists them.
 * const whoReadMinsu = Effect.flatMap(Repositories.AuditLog, (log) =>
 *   log.list(Ids.DistrictId.make("11200"), { subjectId: "seeker-0001", limit: 50 })
 * )
 * Audit.auditActionLabel("read") // "열람"
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { Context, DateTime, Effect, Schema } from "effect"
import type { PersistenceError } from "./Errors.js"
import { AuditEntryId, CounselorId, DistrictId } from "./Ids.js"
import { codeSet } from "./CodeSet.js"
import * as Memory from "./Memory.js"
import { Label } from "./Text.js"

const actions = codeSet("AuditAction", [
  ["read", { ko: "열람", en: "Read" }],
  ["create", { ko: "등록", en: "Create" }],
  ["update", { ko: "수정", en: "Update" }],
  ["export", { ko: "반출", en: "Export" }],
  ["erase", { ko: "파기", en: "Erase" }],
  ["sign-in", { ko: "로그인", en: "Sign-in" }],
  ["sign-in-refused", { ko: "로그인 실패", en: "Sign-in refused" }],
  ["sign-out", { ko: "로그아웃", en: "Sign-out" }],
  ["lock", { ko: "계정 잠금", en: "Account locked" }],
  ["rights-change", { ko: "권한 변경", en: "Change of access rights" }],
  ["token-use", { ko: "API 토큰 사용", en: "API token used" }]
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

const erasureReasons = codeSet("ErasureReason", [
  ["retention-ended", { ko: "보유기간 경과", en: "Retention period ended" }],
  ["subject-request", { ko: "정보주체의 삭제 요구", en: "Deletion requested by the person" }],
  ["consent-withdrawn", { ko: "동의 철회", en: "Consent withdrawn" }],
  ["purpose-achieved", { ko: "처리 목적 달성", en: "Purpose of processing achieved" }]
])

/**
 * Why personal data was destroyed (개인정보 보호법 제21조, 제36조, 제37조): a
 * code, never free text, since the access log keeps it for years and cannot
 * be changed.
 *
 * @since 0.2.0
 * @category codes
 */
export const ErasureReason = erasureReasons.schema
/** @since 0.2.0 @category codes */
export type ErasureReason = typeof ErasureReason.Type
/** @since 0.2.0 @category codes */
export const erasureReasonLabel = erasureReasons.label

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
   * Whose data: the kind of record and its id. Ids only, never a name or a
   * phone number, since the log is kept for years and cannot be changed: a
   * study-room booking of someone who is not a seeker of the district is
   * logged by the booking's id (`booking`), which leads to the person while
   * the booking keeps their data.
   */
  subjectKind: Schema.Literal("seeker", "employer", "counselor", "booking", "account", "token"),
  subjectId: Schema.String,
  /** Which use case, e.g. `seeker.get`, `followUp.ledger`. */
  purpose: Schema.String,
  /** For an erasure: why. */
  reason: Schema.optionalWith(ErasureReason, { exact: true }),
  /**
   * For a change of access rights: what changed, e.g. `role: counselor →
   * manager`; for a refused sign-in: why (`password`, `locked`, `disabled`).
   * Never a password, a token or a person's data.
   */
  detail: Schema.optionalWith(Label, { exact: true })
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
  /** Entries at or after this instant. */
  readonly from?: DateTime.Utc
  /** Entries before this instant. */
  readonly before?: DateTime.Utc
  /**
   * Keyset paging: only the entries written after the entry with this id
   * (the last one of the page before), whether or not it matches the query;
   * an id the district's log does not have gives no entries.
   *
   * @since 0.3.0
   */
  readonly after?: string
  /** A slice of the matching entries, oldest first. */
  readonly offset?: number
  readonly limit?: number
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
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const log = Memory.list<AuditEntry>(db, "audit")
    const append = (entries: ReadonlyArray<AuditEntry>) =>
      Effect.sync(() => log.append(entries)).pipe(Memory.exclusive(db))
    return {
      append: (entry: AuditEntry) => append([entry]),
      appendAll: append,
      list: (districtId: DistrictId, query: AuditQuery = {}) =>
        Effect.sync(() => {
          const rows = log.rows()
          // The log is kept in the order it was written: what follows the entry named.
          const anchor = query.after === undefined ? -1 : rows.findIndex((e) => e.districtId === districtId && e.id === query.after)
          const start = query.after === undefined ? 0 : anchor === -1 ? rows.length : anchor + 1
          return Memory.paged(
            rows.slice(start).filter((e) =>
              e.districtId === districtId &&
              (query.subjectId === undefined || e.subjectId === query.subjectId) &&
              (query.actor === undefined || e.actor === query.actor) &&
              (query.from === undefined || DateTime.greaterThanOrEqualTo(e.at, query.from)) &&
              (query.before === undefined || DateTime.lessThan(e.at, query.before))
            ),
            query
          )
        })
    }
  })
}
