/**
 * Caseloads (담당 사례): every seeker has a responsible counselor, set at
 * registration and transferable with a reason, and a status the use cases
 * keep. A counselor records casework for their own caseload only; a manager
 * for the whole district; an administrator or an analyst for none — the
 * actor's `caseload`, set from their role, says which.
 *
 * @example
 * ```ts
 * import { Caseload, Ids, JobCenter } from "@iljari/core"
 *
 * declare const manager: JobCenter.Actor
 * const mine = Caseload.caseload(manager, Ids.CounselorId.make("counselor-01"))
 * const moved = Caseload.transfer(manager, Ids.SeekerId.make("seeker-0001"), {
 *   to: Ids.CounselorId.make("counselor-02"),
 *   reason: "workload",
 *   version: 3
 * })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category registry
 */
import { Effect, Schema } from "effect"
import { codeSet } from "../kernel/CodeSet.js"
import { CounselorId, type SeekerId } from "../kernel/Ids.js"
import type { Page } from "../kernel/Store.js"
import { Transactor } from "../kernel/Transactor.js"
import { type Actor, inTransaction, logAccess, logAccessAll } from "../kernel/UseCase.js"
import { CounselorRepository } from "./Counselor.js"
import { Seeker, SeekerRepository, type SeekerStatus } from "./Seeker.js"

/**
 * A seeker outside the actor's caseload, or casework by a role that records
 * none.
 *
 * @since 0.3.0
 * @category errors
 */
export class NotYourCaseload extends Schema.TaggedError<NotYourCaseload>()("NotYourCaseload", {
  seekerId: Schema.String,
  message: Schema.String
}) {}

/**
 * Succeeds when the actor may record casework for the seeker: anyone whose
 * caseload is the district (a manager, an integration, the library's own
 * tools), a counselor for the seekers they are responsible for.
 *
 * @since 0.3.0
 * @category caseloads
 */
export const mayWorkOn = (actor: Actor, seeker: Seeker): Effect.Effect<void, NotYourCaseload> => {
  const caseload = actor.caseload ?? "district"
  if (caseload === "district") return Effect.void
  if (caseload === "own" && seeker.counselorId === actor.counselorId) return Effect.void
  return Effect.fail(new NotYourCaseload({
    seekerId: seeker.id,
    message: caseload === "none"
      ? "Your role records no casework (상담·알선 기록 권한이 없습니다)"
      : `Seeker ${seeker.id} is not in your caseload; ask a manager to transfer them to you (담당 구직자가 아닙니다. 관리자에게 이관을 요청하세요)`
  }))
}

// The order a case moves through; an event never moves it back, except as said.
const rank: Record<SeekerStatus, number> = { "registered": 0, "in-counseling": 1, "referred": 2, "placed": 3, "closed": 4 }

/**
 * What a case event makes of a seeker's status: counseling reopens a closed
 * case; `quit` (a placed seeker left the job) brings them back to counseling;
 * otherwise a case only moves forward.
 *
 * @since 0.3.0
 * @category caseloads
 */
export const next = (current: SeekerStatus, event: "counseling" | "referral" | "placement" | "quit" | "close"): SeekerStatus => {
  switch (event) {
    case "counseling":
      return current === "closed" || current === "registered" ? "in-counseling" : current
    case "referral":
      return rank[current] < rank["referred"] ? "referred" : current
    case "placement":
      return "placed"
    case "quit":
      return "in-counseling"
    case "close":
      return "closed"
  }
}

/**
 * Moves a seeker's status for a case event, within the caller's transaction
 * and under the seeker's lock, so that racing events cannot lose one another.
 *
 * @example
 * ```ts
 * import { Caseload, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // What the use cases do themselves; your own casework (an import, a tool) moves the status the same way.
 * const recorded = Caseload.record(actor, Ids.SeekerId.make("seeker-0001"), "counseling")
 * ```
 *
 * @since 0.3.0
 * @category caseloads
 */
export const record = (actor: Actor, seekerId: SeekerId, event: Parameters<typeof next>[1]) =>
  Effect.gen(function*() {
    yield* Effect.flatMap(Transactor, (t) => t.lock(`iljari:seeker-status:${actor.districtId}:${seekerId}`))
    const repo = yield* SeekerRepository
    const current = yield* repo.get(actor.districtId, seekerId)
    const status = next(current.value.status, event)
    if (status !== current.value.status) yield* repo.update(new Seeker({ ...current.value, status }), current.version)
  }).pipe(
    // An edit of the seeker's form may land in between: read again and re-apply.
    Effect.retry({ while: (error) => error._tag === "StaleVersion", times: 5 }),
    Effect.catchTag("StaleVersion", Effect.die)
  )

const reasons = codeSet("TransferReason", [
  ["workload", { ko: "업무량 조정", en: "Balancing workloads" }],
  ["leave", { ko: "담당자 휴직·퇴직", en: "The counselor is on leave or left" }],
  ["request", { ko: "구직자 요청", en: "The seeker asked" }],
  ["specialty", { ko: "전문 분야", en: "Another counselor's specialty" }],
  ["other", { ko: "기타", en: "Other" }]
])

/**
 * Why a seeker moves to another counselor: a code, since the access log that
 * keeps it is never erased and must not hold free text about a person.
 *
 * @since 0.3.0
 * @category codes
 */
export const TransferReason = reasons.schema
/** @since 0.3.0 @category codes */
export type TransferReason = typeof TransferReason.Type
/** @since 0.3.0 @category codes */
export const transferReasonLabel = reasons.label

/**
 * A transfer: to whom, why, and the version of the seeker it is based on.
 *
 * @since 0.3.0
 * @category requests
 */
export const TransferRequest = Schema.Struct({
  to: CounselorId,
  reason: TransferReason,
  version: Schema.Int.pipe(Schema.positive())
}).annotations({ identifier: "Transfer" })
/** @since 0.3.0 @category requests */
export type TransferRequest = typeof TransferRequest.Type

/**
 * Makes another counselor of the district responsible for a seeker (담당자
 * 이관), logged with the reason. A manager transfers anyone; a counselor the
 * seekers of their own caseload.
 *
 * @example
 * ```ts
 * import { Caseload, Ids, JobCenter } from "@iljari/core"
 *
 * declare const manager: JobCenter.Actor
 * const transferred = Caseload.transfer(manager, Ids.SeekerId.make("seeker-0001"), {
 *   to: Ids.CounselorId.make("counselor-02"),
 *   reason: "leave",
 *   version: 3
 * })
 * ```
 *
 * @since 0.3.0
 * @category caseloads
 */
export const transfer = (actor: Actor, seekerId: SeekerId, request: TransferRequest) =>
  Effect.gen(function*() {
    const repo = yield* SeekerRepository
    const current = yield* repo.get(actor.districtId, seekerId)
    yield* mayWorkOn(actor, current.value)
    // The new counselor must be one of the district's staff records.
    yield* Effect.flatMap(CounselorRepository, (counselors) => counselors.get(actor.districtId, request.to))
    return yield* inTransaction(Effect.gen(function*() {
      const moved = yield* repo.update(new Seeker({ ...current.value, counselorId: request.to }), request.version)
      yield* logAccess(actor, "update", "seeker", seekerId, `seeker.transfer.${request.reason}`)
      return moved
    }))
  })

/**
 * Closes a seeker's case (the seeker found work alone, moved away, or asked).
 *
 * @example
 * ```ts
 * import { Caseload, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const closed = Caseload.close(actor, Ids.SeekerId.make("seeker-0001"), 4)
 * ```
 *
 * @since 0.3.0
 * @category caseloads
 */
export const close = (actor: Actor, seekerId: SeekerId, expectedVersion: number) =>
  Effect.gen(function*() {
    const repo = yield* SeekerRepository
    const current = yield* repo.get(actor.districtId, seekerId)
    yield* mayWorkOn(actor, current.value)
    return yield* inTransaction(Effect.gen(function*() {
      const closed = yield* repo.update(new Seeker({ ...current.value, status: "closed" }), expectedVersion)
      yield* logAccess(actor, "update", "seeker", seekerId, "seeker.close")
      return closed
    }))
  })

/**
 * A counselor's caseload (the actor's own unless another is named — which a
 * counselor may not), each seeker shown logged.
 *
 * @example
 * ```ts
 * import { Caseload, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const mine = Caseload.caseload(actor) // the acting counselor's seekers
 * ```
 *
 * @since 0.3.0
 * @category caseloads
 */
export const caseload = (actor: Actor, counselorId: CounselorId = actor.counselorId, page: Page = { limit: 100 }) =>
  Effect.gen(function*() {
    if (actor.caseload === "own" && counselorId !== actor.counselorId) {
      return yield* new NotYourCaseload({
        seekerId: "",
        message: "A counselor sees their own caseload only (본인 담당 사례만 볼 수 있습니다)"
      })
    }
    const rows = yield* Effect.flatMap(SeekerRepository, (repo) => repo.listByCounselor(actor.districtId, counselorId, page))
    yield* logAccessAll(actor, "read", "seeker", rows.map((row) => row.value.id), "seeker.caseload")
    return rows
  })
