/**
 * The access log (접속기록) as managers review it.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import { type AuditEntry, AuditLog, type AuditQuery } from "../kernel/Audit.js"
import { type Actor, logAccessAll } from "../kernel/UseCase.js"

/**
 * The district's access log, oldest first (a page of 100 by default), for
 * the review the law asks of managers. Reading it is itself logged: one
 * entry per person whose accesses the page shows.
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

