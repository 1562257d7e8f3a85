/**
 * The access log (접속기록) as managers review it.
 *
 * @example
 * ```ts
 * import { AccessLog, JobCenter, Staff } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const admin: Staff.Staff
 * const aboutMinsu = AccessLog.auditTrail(actor, { subjectId: "seeker-0001" })
 * const everything = AccessLog.accessRecords(admin, { limit: 100 })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category privacy
 */
import { DateTime, Effect } from "effect"
import { type AuditEntry, auditActionLabel, AuditLog, type AuditQuery } from "../kernel/Audit.js"
import { type Actor, boundedPage, logAccessAll, pageFrom } from "../kernel/UseCase.js"
import { require, type Staff } from "../access/Staff.js"

/**
 * The district's access log, oldest first (a page of 100 by default), for
 * the review the law asks of managers. Reading it is itself logged: one
 * entry per person whose accesses the page shows.
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const whoSawMinsu = JobCenter.auditTrail(actor, { subjectId: "seeker-0001" })
 * ```
 *
 * @since 0.2.0
 * @category audit
 */
export const auditTrail = (actor: Actor, query: AuditQuery = {}) =>
  Effect.gen(function*() {
    const entries = yield* Effect.flatMap(AuditLog, (log) => log.list(actor.districtId, { limit: 100, ...query }))
    yield* logReview(actor, entries)
    return entries
  })

// Reading the log is itself logged: one entry per person whose accesses are shown.
const logReview = (actor: Actor, entries: ReadonlyArray<AuditEntry>) => {
  const byKind = new Map<AuditEntry["subjectKind"], Array<string>>()
  for (const entry of entries) byKind.set(entry.subjectKind, [...(byKind.get(entry.subjectKind) ?? []), entry.subjectId])
  return Effect.forEach(byKind, ([kind, ids]) => logAccessAll(actor, "read", kind, ids, "audit.review"), { discard: true })
}

/**
 * A page of the district's access log read by keyset, oldest first: at most
 * `JobCenter.maxPageSize` (100) entries matching the query (a person, a
 * staff member, a period) after the entry `query.after` names — the last
 * one of the page before —, and the id to ask the next page `after`
 * (`next`, `undefined` on the last page). Entries written meanwhile are
 * neither repeated nor skipped, however long the review takes. Reading is
 * logged as {@link auditTrail}'s is.
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 * import { DateTime, Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * // May's log, 50 entries at a time.
 * const may = { from: DateTime.unsafeMake("2026-04-30T15:00:00Z"), before: DateTime.unsafeMake("2026-05-31T15:00:00Z"), limit: 50 }
 * const firstTwo = Effect.gen(function*() {
 *   const first = yield* JobCenter.auditPage(actor, may)
 *   return first.next === undefined ? [first] : [first, yield* JobCenter.auditPage(actor, { ...may, after: first.next })]
 * })
 * ```
 *
 * @since 0.3.0
 * @category audit
 */
export const auditPage = (actor: Actor, query: AuditQuery = {}) =>
  Effect.gen(function*() {
    const slice = yield* boundedPage(query)
    const found = yield* Effect.flatMap(AuditLog, (log) => log.list(actor.districtId, { ...query, ...slice, limit: slice.limit + 1 }))
    const page = pageFrom(found, slice.limit, (entry) => entry.id)
    yield* logReview(actor, page.items)
    return page
  })


/**
 * The access records of a period for the monthly review (접속기록 점검,
 * 개인정보의 안전성 확보조치 기준 제8조): every entry, of one staff member
 * (`actor`) or all, for those whose role may review them.
 *
 * @example
 * ```ts
 * import { AccessLog, Staff } from "@iljari/core"
 *
 * declare const admin: Staff.Staff // role "admin": reading the access log is their permission
 * const lastHundred = AccessLog.accessRecords(admin, { limit: 100 })
 * ```
 *
 * @since 0.3.0
 * @category audit
 */
export const accessRecords = (staff: Staff, query: AuditQuery) =>
  Effect.zipRight(require(staff, "audit.read"), auditTrail(staff, { limit: 1_000_000, ...query }))

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/**
 * Access records as CSV for an inspection (접속기록 점검), with a byte-order
 * mark so that Excel reads the Korean: one row per entry — the time in
 * Korea, who, what, whose record, why, from where and what changed.
 *
 * @example
 * ```ts
 * import { AccessLog, Staff } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const admin: Staff.Staff
 * const file = Effect.map(AccessLog.accessRecords(admin, { limit: 1000 }), AccessLog.csvOf)
 * ```
 *
 * @since 0.4.0
 * @category audit
 */
export const csvOf = (entries: ReadonlyArray<AuditEntry>): string =>
  "\uFEFF" + [
    ["일시 (KST)", "사용자", "행위", "대상 종류", "대상", "목적", "접속지", "내용"],
    ...entries.map((e) => [
      DateTime.formatIso(DateTime.addDuration(e.at, "9 hours")).replace("Z", "+09:00"),
      e.actor,
      auditActionLabel(e.action),
      e.subjectKind,
      e.subjectId,
      e.purpose,
      e.origin ?? "",
      e.detail ?? ""
    ])
  ].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n"
