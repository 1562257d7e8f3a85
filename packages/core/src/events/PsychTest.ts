/**
 * Vocational psychological tests (직업심리검사): group sessions for soldiers
 * about to be discharged, public-job participants and other groups; each
 * participant's result delivered to them alone — by e-mail only with their
 * consent, or in a 1:1 session — and the counseling or referral that
 * followed.
 *
 * Pure rules over plain records: registering within capacity, attendance,
 * delivering a result, linking the follow-on, and the outcome figures per
 * session and per target group.
 *
 * @example
 * ```ts
 * import { PsychTest } from "@iljari/core"
 *
 * declare const sessions: ReadonlyArray<PsychTest.Session>
 * declare const participants: ReadonlyArray<PsychTest.Participation>
 * const { bySession, byTargetGroup } = PsychTest.outcomes(sessions, participants)
 * ```
 *
 * @since 0.1.0
 * @module
 * @category events
 */
import { Context, DateTime, Effect, Either, Schema } from "effect"
import { TargetGroup } from "../kernel/Codes.js"
import * as Consent from "../kernel/Consent.js"
import { CounselingId, DistrictId, ReferralId, SeekerId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import type { Label as Text } from "../kernel/Labels.js"
import { LocalDate } from "../kernel/LocalDate.js"
import type { Seeker } from "../registry/Seeker.js"
import { Label, Note } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import type { DuplicateId, PersistenceError } from "../kernel/Errors.js"

const kinds = codeSet("PsychTestKind", [
  ["job-preference", { ko: "직업선호도검사", en: "Job preference test" }],
  ["aptitude", { ko: "직업적성검사", en: "Vocational aptitude test" }],
  ["values", { ko: "직업가치관검사", en: "Work values test" }],
  ["job-readiness", { ko: "구직준비도검사", en: "Job-search readiness test" }]
])

/** @since 0.1.0 @category codes */
export const Kind = kinds.schema
/** @since 0.1.0 @category codes */
export type Kind = typeof Kind.Type
/** @since 0.1.0 @category codes */
export const kindLabel = kinds.label

/**
 * A test session.
 *
 * @since 0.1.0
 * @category models
 */
export class Session extends Schema.Class<Session>("PsychTestSession")({
  id: Label,
  districtId: DistrictId,
  kind: Kind,
  heldOn: LocalDate,
  venue: Label,
  /** The partner hosting it, e.g. an army division or a public-works program. */
  partner: Schema.optionalWith(Label, { exact: true }),
  targetGroup: Schema.optionalWith(TargetGroup, { exact: true }),
  capacity: Schema.Int.pipe(Schema.between(1, 500, { message: () => "must be between 1 and 500 participants" }))
}) {}

/** @since 0.1.0 @category decoding */
export const decodeSession = Validation.decodeEither(Session)

/**
 * How a result reached the participant.
 *
 * @since 0.1.0
 * @category models
 */
export const Delivery = Schema.Literal("email", "in-person")
/** @since 0.1.0 @category models */
export type Delivery = typeof Delivery.Type

/**
 * One participant of a session.
 *
 * @since 0.1.0
 * @category models
 */
export class Participation extends Schema.Class<Participation>("PsychTestParticipation")({
  sessionId: Label,
  seekerId: SeekerId,
  attended: Schema.Boolean,
  result: Schema.optionalWith(Note, { exact: true }),
  deliveredOn: Schema.optionalWith(LocalDate, { exact: true }),
  deliveredBy: Schema.optionalWith(Delivery, { exact: true }),
  /** What followed: a counseling session or a referral. */
  counselingId: Schema.optionalWith(CounselingId, { exact: true }),
  referralId: Schema.optionalWith(ReferralId, { exact: true })
}) {}

/**
 * A stored participation: one seeker in one session, with the id and
 * district the center gives it. A seeker takes part in a session once.
 *
 * @since 0.2.0
 * @category models
 */
export class Participant extends Schema.Class<Participant>("PsychTestParticipant")({
  id: Label,
  districtId: DistrictId,
  ...Participation.fields
}) {}

/**
 * A participant as erasure leaves them: taking part, attendance and delivery
 * stay (the outcome figures count them), the result's text goes.
 *
 * @since 0.2.0
 * @category erasure
 */
export const erased = (participant: Participant): Participant => {
  const { result: _result, ...kept } = participant
  return new Participant(kept)
}

/**
 * A rule a step would break, with a reason in Korean and English.
 *
 * @since 0.1.0
 * @category errors
 */
export class Refused extends Schema.TaggedError<Refused>()("PsychTestRefused", {
  rule: Schema.Literal("session-full", "already-registered", "not-attended", "no-result", "already-delivered", "no-consent", "no-email"),
  reason: Schema.Struct({ ko: Schema.String, en: Schema.String })
}) {
  override get message() {
    return this.reason.en
  }
}

const refuse = (rule: Refused["rule"], reason: Text) => Either.left(new Refused({ rule, reason }))

/**
 * The refusal of a second registration of one seeker for one session.
 *
 * @since 0.2.0
 * @category errors
 */
export const alreadyRegistered = (): Refused =>
  new Refused({ rule: "already-registered", reason: { ko: "이미 신청한 참여자입니다", en: "The seeker is already registered" } })

/**
 * Registers a seeker for a session, within its capacity and once.
 *
 * @since 0.1.0
 * @category rules
 */
export const register = (
  session: Session,
  participants: ReadonlyArray<Participation>,
  seekerId: SeekerId
): Either.Either<Participation, Refused> => {
  const mine = participants.filter((p) => p.sessionId === session.id)
  if (mine.some((p) => p.seekerId === seekerId)) return Either.left(alreadyRegistered())
  if (mine.length >= session.capacity) {
    return refuse("session-full", {
      ko: `정원(${session.capacity}명)이 찼습니다`,
      en: `The session is full (${session.capacity} places)`
    })
  }
  return Either.right(new Participation({ sessionId: session.id, seekerId, attended: false }))
}

/**
 * Delivers a participant's result to them alone: in person always, by e-mail
 * only to an address on file with the seeker's consent to service messages
 * by e-mail at that moment.
 *
 * @since 0.1.0
 * @category rules
 */
export const deliver = (
  participation: Participation,
  seeker: Pick<Seeker, "id" | "consents" | "contact">,
  by: Delivery,
  on: LocalDate,
  at: DateTime.Utc
): Either.Either<Participation, Refused> => {
  if (!participation.attended) return refuse("not-attended", { ko: "검사에 참석하지 않았습니다", en: "The seeker did not sit the test" })
  if (participation.result === undefined) return refuse("no-result", { ko: "검사 결과가 없습니다", en: "There is no result yet" })
  if (participation.deliveredOn !== undefined) {
    return refuse("already-delivered", {
      ko: `${participation.deliveredOn}에 이미 전달했습니다`,
      en: `Already delivered on ${participation.deliveredOn}`
    })
  }
  if (by === "email") {
    if (seeker.contact.email === undefined) return refuse("no-email", { ko: "이메일 주소가 없습니다", en: "No e-mail address on file" })
    if (!Consent.isActive(seeker.consents, "service", at, "email")) {
      return refuse("no-consent", {
        ko: "이메일 수신 동의가 없어 1:1로 전달해야 합니다",
        en: "No consent to e-mail: deliver the result in person"
      })
    }
  }
  return Either.right(new Participation({ ...participation, deliveredOn: on, deliveredBy: by }))
}

/**
 * Outcome figures of a group of participations.
 *
 * @since 0.1.0
 * @category figures
 */
export interface Outcome {
  readonly key: string
  readonly registered: number
  readonly attended: number
  readonly delivered: number
  /** Participants whose result led to a counseling session or a referral. */
  readonly followedUp: number
}

/**
 * Outcomes per session, and per target group of the sessions (`none` for
 * sessions without one), in key order.
 *
 * @since 0.1.0
 * @category figures
 */
export const outcomes = (
  sessions: ReadonlyArray<Session>,
  participants: ReadonlyArray<Participation>
): { readonly bySession: ReadonlyArray<Outcome>; readonly byTargetGroup: ReadonlyArray<Outcome> } => {
  const groupOf = new Map(sessions.map((s) => [s.id, s.targetGroup ?? "none"]))
  const tally = (keyOf: (p: Participation) => string | undefined) => {
    const rows = new Map<string, { registered: number; attended: number; delivered: number; followedUp: number }>()
    for (const p of participants) {
      const key = keyOf(p)
      if (key === undefined) continue
      const row = rows.get(key) ?? { registered: 0, attended: 0, delivered: 0, followedUp: 0 }
      row.registered++
      if (p.attended) row.attended++
      if (p.attended && p.deliveredOn !== undefined) row.delivered++
      if (p.attended && (p.counselingId !== undefined || p.referralId !== undefined)) row.followedUp++
      rows.set(key, row)
    }
    return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, row]) => ({ key, ...row }))
  }
  return {
    bySession: tally((p) => (groupOf.has(p.sessionId) ? p.sessionId : undefined)),
    byTargetGroup: tally((p) => groupOf.get(p.sessionId))
  }
}

/**
 * Psychological test sessions (see `PsychTest`).
 *
 * @since 0.1.0
 * @category ports
 */
export class PsychTestSessionRepository extends Context.Tag("@iljari/core/PsychTestSessionRepository")<PsychTestSessionRepository, Store<Session, string>>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<Session, string>(db, "psychological test session"))
}

/**
 * The participants of psychological test sessions (see `PsychTest`). A
 * seeker takes part in a session once: a second registration fails with
 * `Refused` (`already-registered`) in every adapter.
 *
 * @since 0.2.0
 * @category ports
 */
export class PsychTestParticipantRepository extends Context.Tag("@iljari/core/PsychTestParticipantRepository")<PsychTestParticipantRepository, Omit<Store<Participant, string>, "insert"> & {
  readonly insert: (record: Participant) => Effect.Effect<Versioned<Participant>, Refused | DuplicateId | PersistenceError>
  readonly listBySession: (districtId: DistrictId, sessionId: string) => Effect.Effect<ReadonlyArray<Versioned<Participant>>, PersistenceError>
  readonly listBySeeker: (districtId: DistrictId, seekerId: SeekerId) => Effect.Effect<ReadonlyArray<Versioned<Participant>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const participants = Memory.store<Participant, string, Refused>(db, "psychological test participant", {
      key: (p) => `${p.sessionId}\u0000${p.seekerId}`,
      conflict: () => alreadyRegistered()
    })
    return {
      ...participants,
      listBySession: (districtId, sessionId) => participants.filter(districtId, (p) => p.sessionId === sessionId),
      listBySeeker: (districtId, seekerId) => participants.filter(districtId, (p) => p.seekerId === seekerId)
    }
  })
}
