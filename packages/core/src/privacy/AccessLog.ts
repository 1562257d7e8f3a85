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
import { Effect } from "effect"
import { type AuditEntry, AuditLog, type AuditQuery } from "../kernel/Audit.js"
import { type Actor, logAccessAll } from "../kernel/UseCase.js"
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
    const byKind = new Map<AuditEntry["subjectKind"], Array<string>>()
    for (const entry of entries) byKind.set(entry.subjectKind, [...(byKind.get(entry.subjectKind) ?? []), entry.subjectId])
    yield* Effect.forEach(byKind, ([kind, ids]) => logAccessAll(actor, "read", kind, ids, "audit.review"), { discard: true })
    return entries
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
