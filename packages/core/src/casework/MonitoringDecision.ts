/**
 * A manager's decision on a monitoring finding (부정 기록 점검): confirmed as
 * improper, to be put right, or cleared, each with a note. Decisions are
 * kept per district under the finding's key, so that the twice-monthly
 * review shows what was already looked at; every decision is audited
 * against the seekers and the counselor the finding names.
 *
 * A finding's key ({@link findingKey}) is made of its rule, its records and
 * what was found: the same finding in the next review keeps its decision,
 * and a finding whose facts changed (more placements, another status) asks
 * for a fresh look.
 *
 * @example
 * ```ts
 * import { JobCenter, LocalDate, MonitoringDecision } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const firstHalf = { from: LocalDate.make(2026, 5, 1), to: LocalDate.make(2026, 5, 15) }
 * // The review with what was decided so far, then one finding cleared.
 * const reviewed = MonitoringDecision.review(actor, firstHalf)
 * declare const key: string
 * const cleared = MonitoringDecision.decide(actor, { ...firstHalf, key, status: "cleared", note: "면접 일정 변경으로 확인됨" })
 * ```
 *
 * @since 0.4.0
 * @module
 * @category casework
 */
import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"
import { Context, Effect, Schema } from "effect"
import { codeSet } from "../kernel/CodeSet.js"
import { NotFound, StaleVersion } from "../kernel/Errors.js"
import { CounselorId, DistrictId, type PlacementId, type ReferralId, SeekerId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import { Note, text } from "../kernel/Text.js"
import { type Actor, checkPeriod, fieldsOf, inTransaction, logAccessAll, now } from "../kernel/UseCase.js"
import * as Validation from "../kernel/Validation.js"
import { reviewRecords, seekersNamedIn } from "./Casework.js"
import * as Monitoring from "./Monitoring.js"
import { PlacementRepository } from "./Placement.js"
import { ReferralRepository } from "./Referral.js"

const statuses = codeSet("FindingStatus", [
  ["confirmed", { ko: "부적정 확인", en: "Confirmed improper" }],
  ["cleared", { ko: "이상 없음", en: "Cleared" }]
])

/**
 * What a manager decided about a finding.
 *
 * @since 0.4.0
 * @category codes
 */
export const FindingStatus = statuses.schema
/** @since 0.4.0 @category codes */
export type FindingStatus = typeof FindingStatus.Type
/** @since 0.4.0 @category codes */
export const findingStatusLabel = statuses.label

/**
 * A decision on one finding, kept under the finding's key.
 *
 * @since 0.4.0
 * @category models
 */
export class Decision extends Schema.Class<Decision>("MonitoringDecision")({
  /** The finding's key ({@link findingKey}). */
  id: Schema.String,
  districtId: DistrictId,
  rule: Monitoring.Rule,
  status: FindingStatus,
  /** Why; emptied when a seeker the finding names is erased. */
  note: Note,
  /** The seekers the finding is about, its placements' and referrals' included: what erasure looks for. */
  seekerIds: Schema.Array(SeekerId),
  /** The counselor whose records the finding names, if one. */
  counselorId: Schema.optionalWith(CounselorId, { exact: true }),
  decidedBy: CounselorId,
  decidedAt: Schema.DateTimeUtc
}) {}

/**
 * The district's decisions: a store keyed by the finding's key.
 *
 * @since 0.4.0
 * @category ports
 */
export class MonitoringDecisionRepository extends Context.Tag("@iljari/core/MonitoringDecisionRepository")<
  MonitoringDecisionRepository,
  Store<Decision, string>
>() {
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<Decision, string>(db, "monitoring decision"))
}

/**
 * A finding's key: its rule and a digest of its records and of what was
 * found (the English detail), e.g. `late-record-3f9a…`. The same facts give
 * the same key in every review.
 *
 * @since 0.4.0
 * @category keys
 */
export const findingKey = (finding: Monitoring.Finding): string => {
  const records = finding.records.map((r) => `${r.kind}:${r.id}`).sort().join(",")
  const digest = bytesToHex(sha256(utf8ToBytes(`${finding.rule}\n${records}\n${finding.detail.en}`)))
  return `${finding.rule}-${digest.slice(0, 20)}`
}

/**
 * A finding of a review, its key, and the decision on it so far.
 *
 * @since 0.4.0
 * @category models
 */
export interface Reviewed {
  readonly key: string
  readonly finding: Monitoring.Finding
  readonly decision: Versioned<Decision> | undefined
}

/**
 * The monitoring review of a period (`JobCenter.monitor`: every seeker named
 * is logged as read), each finding with its key and the decision on it so
 * far, most severe first. The caller checks that the staff member may see
 * the monitoring review (`monitoring.read`).
 *
 * @example
 * ```ts
 * import { JobCenter, LocalDate, MonitoringDecision } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const reviewed = MonitoringDecision.review(actor, { from: LocalDate.make(2026, 5, 1), to: LocalDate.make(2026, 5, 15) })
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const review = (actor: Actor, period: Monitoring.Period) =>
  Effect.gen(function*() {
    yield* checkPeriod("Period", period)
    const findings = yield* reviewRecords(actor, period)
    yield* logAccessAll(actor, "read", "seeker", seekersNamedIn(findings), "monitoring.review")
    const keys = findings.map(findingKey)
    const decided = yield* Effect.flatMap(MonitoringDecisionRepository, (repo) => repo.getMany(actor.districtId, keys))
    const byKey = new Map(decided.map((row) => [row.value.id, row] as const))
    return findings.map((finding, i): Reviewed => ({ key: keys[i]!, finding, decision: byKey.get(keys[i]!) }))
  })

/**
 * A decision as a form sends it: the period reviewed (the finding is looked
 * for in it again), the finding's key, the status, a note, and the version
 * of the decision it changes (none for a first decision).
 *
 * @since 0.4.0
 * @category models
 */
export const DecisionRequest = Schema.Struct({
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate,
  key: Schema.String.pipe(Schema.pattern(/^[a-z-]+-[0-9a-f]{20}$/, { message: () => "must be a finding's key, e.g. late-record-3f9a0c…" })),
  status: FindingStatus,
  note: text({ minLength: 1, maxLength: 1000, lines: true }),
  expectedVersion: Schema.optional(Schema.Int.pipe(Schema.positive()))
}).annotations({ identifier: "MonitoringDecisionRequest" })

/** @since 0.4.0 @category models */
export type DecisionRequest = typeof DecisionRequest.Type

// The seekers behind a finding's records: a placement's or a referral's seeker too.
const seekersBehind = (actor: Actor, finding: Monitoring.Finding) =>
  Effect.gen(function*() {
    const ids = <Id extends string>(kind: Monitoring.RecordRef["kind"]) =>
      finding.records.filter((r) => r.kind === kind).map((r) => r.id as Id)
    const [placements, referrals] = yield* Effect.all([
      Effect.flatMap(PlacementRepository, (repo) => repo.getMany(actor.districtId, ids<PlacementId>("placement"))),
      Effect.flatMap(ReferralRepository, (repo) => repo.getMany(actor.districtId, ids<ReferralId>("referral")))
    ])
    return [...new Set<SeekerId>([
      ...seekersNamedIn([finding]).map((id) => id as SeekerId),
      ...placements.map((p) => p.value.seekerId),
      ...referrals.map((r) => r.value.seekerId)
    ])].sort()
  })

/**
 * Records a manager's decision on a finding of a period's review: the
 * finding must still be found there (else `NotFound`); a changed decision
 * names the version it changes, and fails with `StaleVersion` when another
 * manager decided first. The decision is audited as an update of each
 * seeker and of the counselor the finding names. The caller checks
 * `monitoring.read`.
 *
 * @example
 * ```ts
 * import { JobCenter, MonitoringDecision } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const key: string
 * const confirmed = MonitoringDecision.decide(actor, {
 *   from: "2026-05-01",
 *   to: "2026-05-15",
 *   key,
 *   status: "confirmed",
 *   note: "취업 확인서 누락: 상담사에게 보완 요청"
 * })
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const decide = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* fieldsOf("MonitoringDecision", input)
    const request = yield* Validation.decode(DecisionRequest)(fields)
    const period = { from: request.from, to: request.to }
    yield* checkPeriod("MonitoringDecision", period)
    const finding = (yield* reviewRecords(actor, period)).find((f) => findingKey(f) === request.key)
    if (finding === undefined) return yield* Effect.fail(new NotFound({ kind: "monitoring finding", id: request.key }))
    const seekerIds = yield* seekersBehind(actor, finding)
    const decision = new Decision({
      id: request.key,
      districtId: actor.districtId,
      rule: finding.rule,
      status: request.status,
      note: request.note,
      seekerIds,
      ...(finding.counselorId === undefined ? {} : { counselorId: finding.counselorId }),
      decidedBy: actor.counselorId,
      decidedAt: yield* now
    })
    const detail = `${request.key}: ${request.status}`
    return yield* inTransaction(Effect.gen(function*() {
      const repo = yield* MonitoringDecisionRepository
      // A first decision that meets one made meanwhile is as stale as an old version.
      const stored = request.expectedVersion === undefined
        ? yield* repo.insert(decision).pipe(Effect.catchTag("DuplicateId", () =>
          Effect.flatMap(repo.get(actor.districtId, request.key), (current) =>
            Effect.fail(new StaleVersion({ kind: "monitoring decision", id: request.key, expected: 0, actual: current.version })))))
        : yield* repo.update(decision, request.expectedVersion)
      yield* logAccessAll(actor, "update", "seeker", seekerIds, "monitoring.decide", { detail })
      if (finding.counselorId !== undefined) {
        yield* logAccessAll(actor, "update", "counselor", [finding.counselorId], "monitoring.decide", { detail })
      }
      return stored
    }))
  })

/**
 * Empties the notes of the decisions about a seeker, for their erasure:
 * the decisions stay (what was decided, when and by whom), the free text
 * goes. Run inside the erasure's transaction.
 *
 * @example
 * ```ts
 * import { Ids, MonitoringDecision } from "@iljari/core"
 *
 * // What Erasure.eraseSeeker does for the decisions about the seeker it erases.
 * const emptied = MonitoringDecision.forgetSeeker(Ids.DistrictId.make("11200"), Ids.SeekerId.make("seeker-0001"))
 * ```
 *
 * @since 0.4.0
 * @category privacy
 */
export const forgetSeeker = (districtId: DistrictId, seekerId: SeekerId) =>
  Effect.gen(function*() {
    const repo = yield* MonitoringDecisionRepository
    const about = (yield* repo.list(districtId)).filter((row) => row.value.seekerIds.includes(seekerId) && row.value.note !== "")
    yield* Effect.forEach(about, (row) => repo.update(new Decision({ ...row.value, note: "" }), row.version), { discard: true })
    return about.length
  })
