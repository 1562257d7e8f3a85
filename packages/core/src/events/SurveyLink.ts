/**
 * One-time survey links (만족도 조사 링크): a staff member issues a link to a
 * questionnaire for a seeker, who answers it without an account. The link
 * carries a random token shown once; only its SHA-256 digest is stored, so a
 * copy of the database answers no survey. A link expires after the days it
 * was issued for and is used once: the answer and the link's use are written
 * in one transaction that holds the link, so two answers sent at once keep
 * exactly one.
 *
 * The answer names the seeker and the counselor the link names — never the
 * form — so that scores split by counselor count what the center asked.
 *
 * @example
 * ```ts
 * import { JobCenter, SurveyLink } from "@iljari/core"
 * import { Effect, Redacted } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * // Issue a link for a seeker, then answer it as the seeker would, with the token only.
 * const answered = Effect.gen(function*() {
 *   const { token } = yield* SurveyLink.issue(actor, "survey-0001", { seekerId: "seeker-0001", days: 14 })
 *   return yield* SurveyLink.answer(Redacted.value(token), { answers: [{ questionId: "overall", rating: 5 }] })
 * })
 * ```
 *
 * @since 0.4.0
 * @module
 * @category events
 */
import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"
import { Context, DateTime, Effect, type Option, Redacted, Schema } from "effect"
import type { PersistenceError } from "../kernel/Errors.js"
import { CounselorId, DistrictId, SeekerId } from "../kernel/Ids.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import { Label } from "../kernel/Text.js"
import { Transactor } from "../kernel/Transactor.js"
import { IdGenerator } from "../kernel/IdGenerator.js"
import { type Actor, fieldsOf, inTransaction, logAccess, logAccessAll, now, today } from "../kernel/UseCase.js"
import * as Validation from "../kernel/Validation.js"
import { SeekerRepository } from "../registry/Seeker.js"
import * as Survey from "./Survey.js"
import { QuestionnaireRepository, SurveyResponseRepository } from "./Survey.js"

/**
 * A link as stored: whom and what it asks about, when it ends, and when it
 * was used (with the response it gave).
 *
 * @since 0.4.0
 * @category models
 */
export class Link extends Schema.Class<Link>("SurveyLink")({
  id: Label,
  districtId: DistrictId,
  questionnaireId: Label,
  /** The seeker asked; absent for an anonymous link. Erasure takes it away. */
  seekerId: Schema.optionalWith(SeekerId, { exact: true }),
  /** The counselor the answer is about. */
  counselorId: Schema.optionalWith(CounselorId, { exact: true }),
  /** The SHA-256 digest of the token, in hex; the token itself is never stored. */
  digest: Schema.String,
  issuedAt: Schema.DateTimeUtc,
  issuedBy: CounselorId,
  expiresAt: Schema.DateTimeUtc,
  usedAt: Schema.optionalWith(Schema.DateTimeUtc, { exact: true }),
  responseId: Schema.optionalWith(Label, { exact: true })
}) {}

/**
 * A link's state at an instant.
 *
 * @since 0.4.0
 * @category models
 */
export type Status = "open" | "used" | "expired"

/**
 * Whether a link may still be answered at `at`: used once, or past its end.
 *
 * @since 0.4.0
 * @category models
 */
export const statusAt = (link: Link, at: DateTime.DateTime): Status =>
  link.usedAt !== undefined ? "used" : DateTime.lessThan(at, link.expiresAt) ? "open" : "expired"

/**
 * The links of the district's questionnaires; `findByDigest` looks across
 * districts, since a token names no district.
 *
 * @since 0.4.0
 * @category ports
 */
export class SurveyLinkRepository extends Context.Tag("@iljari/core/SurveyLinkRepository")<SurveyLinkRepository, Store<Link, string> & {
  readonly findByDigest: (digest: string) => Effect.Effect<Option.Option<Versioned<Link>>, PersistenceError>
  readonly listByQuestionnaire: (districtId: DistrictId, questionnaireId: string) => Effect.Effect<ReadonlyArray<Versioned<Link>>, PersistenceError>
  readonly listBySeeker: (districtId: DistrictId, seekerId: SeekerId) => Effect.Effect<ReadonlyArray<Versioned<Link>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const links = Memory.store<Link, string>(db, "survey link")
    return {
      ...links,
      findByDigest: (digest) => links.find((l) => l.digest === digest),
      listByQuestionnaire: (districtId, questionnaireId) => links.filter(districtId, (l) => l.questionnaireId === questionnaireId),
      listBySeeker: (districtId, seekerId) => links.filter(districtId, (l) => l.seekerId === seekerId)
    }
  })
}

// ---------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------

/**
 * No link has this token.
 *
 * @since 0.4.0
 * @category errors
 */
export class LinkUnknown extends Schema.TaggedError<LinkUnknown>()("SurveyLinkUnknown", {}) {
  override get message(): string {
    return "No survey link has this address (이 주소의 설문 링크가 없습니다)"
  }
}

/**
 * The link ended before it was answered.
 *
 * @since 0.4.0
 * @category errors
 */
export class LinkExpired extends Schema.TaggedError<LinkExpired>()("SurveyLinkExpired", { expiresAt: Schema.DateTimeUtc }) {
  override get message(): string {
    return `The survey link ended at ${DateTime.formatIso(this.expiresAt)} (설문 링크의 기한이 지났습니다)`
  }
}

/**
 * The link was answered already: it answers once.
 *
 * @since 0.4.0
 * @category errors
 */
export class LinkUsed extends Schema.TaggedError<LinkUsed>()("SurveyLinkUsed", { usedAt: Schema.DateTimeUtc }) {
  override get message(): string {
    return `The survey link was answered at ${DateTime.formatIso(this.usedAt)}; it answers once (이미 응답한 설문 링크입니다)`
  }
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

// A token names itself (`iljari_v_`) so that a leaked one is recognised, and
// carries 256 random bits; a plain SHA-256 digest suffices to store it (as a
// session's secret is, see `Secret`: this layer may not import `access`).
const tokenPrefix = "iljari_v_"

const newToken = Effect.sync(() => {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32))
  return `${tokenPrefix}${btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`
})

/**
 * The digest a link stores for its token.
 *
 * @since 0.4.0
 * @category tokens
 */
export const digestOf = (token: string): string => bytesToHex(sha256(utf8ToBytes(token)))

/**
 * Whether a string has a token's shape (anything else is unknown without a
 * look in the store).
 *
 * @since 0.4.0
 * @category tokens
 */
export const isTokenShaped = (token: string): boolean => /^iljari_v_[A-Za-z0-9_-]{43}$/.test(token)

/**
 * The token as a request log may show it: its prefix and first characters.
 *
 * @since 0.4.0
 * @category tokens
 */
export const redact = (token: string): string => `${token.slice(0, tokenPrefix.length + 4)}…`

// ---------------------------------------------------------------------------
// Use cases
// ---------------------------------------------------------------------------

/**
 * How long a link may be issued for, in days (default 14).
 *
 * @since 0.4.0
 * @category models
 */
export const validity = { default: 14, min: 1, max: 60 } as const

/**
 * A request for a link: the seeker asked (none for an anonymous link), the
 * counselor the answer is about (the issuer when not named), and the days
 * it stays open.
 *
 * @since 0.4.0
 * @category models
 */
export const IssueRequest = Schema.Struct({
  seekerId: Schema.optional(SeekerId),
  counselorId: Schema.optional(CounselorId),
  days: Schema.optional(Schema.Int.pipe(Schema.between(validity.min, validity.max, {
    message: () => `must be a whole number of days from ${validity.min} to ${validity.max}`
  })))
}).annotations({ identifier: "SurveyLinkRequest" })

/** @since 0.4.0 @category models */
export type IssueRequest = typeof IssueRequest.Type

/**
 * A link just issued and its token, shown this once.
 *
 * @since 0.4.0
 * @category models
 */
export interface Issued {
  readonly link: Versioned<Link>
  readonly token: Redacted.Redacted<string>
}

/**
 * Issues a one-time link to a questionnaire of the actor's district (else
 * `NotFound`), for a seeker of the district when one is named (else
 * `NotFound`); the link is audited as written about the seeker. The token
 * is returned once. The caller checks the staff member records casework.
 *
 * @example
 * ```ts
 * import { JobCenter, SurveyLink } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const issued = SurveyLink.issue(actor, "survey-0001", { seekerId: "seeker-0001" }) // open 14 days
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const issue = (actor: Actor, questionnaireId: string, input: unknown) =>
  Effect.gen(function*() {
    const fields = yield* fieldsOf("SurveyLink", input)
    const request = yield* Validation.decode(IssueRequest)(fields)
    yield* Effect.flatMap(QuestionnaireRepository, (r) => r.get(actor.districtId, questionnaireId))
    if (request.seekerId !== undefined) {
      const seekerId = request.seekerId
      yield* Effect.flatMap(SeekerRepository, (r) => r.get(actor.districtId, seekerId))
    }
    const token = yield* newToken
    const issuedAt = yield* now
    const link = new Link({
      id: yield* nextId("survey-link"),
      districtId: actor.districtId,
      questionnaireId,
      ...(request.seekerId === undefined ? {} : { seekerId: request.seekerId }),
      counselorId: request.counselorId ?? actor.counselorId,
      digest: digestOf(token),
      issuedAt,
      issuedBy: actor.counselorId,
      expiresAt: DateTime.add(issuedAt, { days: request.days ?? validity.default })
    })
    const stored = yield* inTransaction(Effect.gen(function*() {
      const inserted = yield* Effect.flatMap(SurveyLinkRepository, (r) => r.insert(link))
      if (link.seekerId !== undefined) yield* logAccess(actor, "update", "seeker", link.seekerId, "survey.link", { detail: questionnaireId })
      return inserted
    }))
    return { link: stored, token: Redacted.make(token) } satisfies Issued
  })

const nextId = (kind: string) => Effect.flatMap(IdGenerator, (ids) => ids.next(kind))

// The link of a token, refused when unknown, used or ended.
const usable = (link: Versioned<Link> | undefined, at: DateTime.Utc) => {
  if (link === undefined) return Effect.fail(new LinkUnknown())
  if (link.value.usedAt !== undefined) return Effect.fail(new LinkUsed({ usedAt: link.value.usedAt }))
  if (!DateTime.lessThan(at, link.value.expiresAt)) return Effect.fail(new LinkExpired({ expiresAt: link.value.expiresAt }))
  return Effect.succeed(link)
}

const linkOf = (token: string) =>
  isTokenShaped(token)
    ? Effect.map(Effect.flatMap(SurveyLinkRepository, (r) => r.findByDigest(digestOf(token))), (found) => found._tag === "Some" ? found.value : undefined)
    : Effect.succeed(undefined)

/**
 * What a person with a link sees: the questionnaire to answer, or the
 * refusal of a link that is unknown, used or ended. No account is needed:
 * the token is the permission.
 *
 * @example
 * ```ts
 * import { SurveyLink } from "@iljari/core"
 *
 * declare const token: string // from the link's address
 * const questionnaire = SurveyLink.open(token)
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const open = (token: string) =>
  Effect.gen(function*() {
    const link = yield* usable(yield* linkOf(token), yield* now)
    const questionnaire = yield* Effect.flatMap(QuestionnaireRepository, (r) => r.get(link.value.districtId, link.value.questionnaireId))
    return { link: link.value, questionnaire: questionnaire.value }
  })

/**
 * Answers a link once: `{ answers }`, checked against the questionnaire
 * (`Survey.decodeResponse`); the response is given today in Korea, about the
 * seeker and the counselor the link names (a form that sets either, or the
 * response's other fields, is refused). The response and the link's use are
 * one transaction holding the link: of two answers at once, one is kept and
 * the other is refused as `SurveyLinkUsed`.
 *
 * @example
 * ```ts
 * import { SurveyLink } from "@iljari/core"
 *
 * declare const token: string
 * const response = SurveyLink.answer(token, { answers: [{ questionId: "overall", rating: 4 }] })
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const answer = (token: string, input: unknown) =>
  Effect.gen(function*() {
    const found = yield* usable(yield* linkOf(token), yield* now)
    const fields = yield* fieldsOf("SurveyResponse", input, ["id", "districtId", "questionnaireId", "respondedOn", "counselorId", "seekerId"])
    const { districtId, questionnaireId } = found.value
    const questionnaire = yield* Effect.flatMap(QuestionnaireRepository, (r) => r.get(districtId, questionnaireId))
    const id = yield* nextId("response")
    const respondedOn = yield* today
    return yield* inTransaction(Effect.gen(function*() {
      yield* Effect.flatMap(Transactor, (t) => t.lock(`iljari:survey-link:${districtId}:${found.value.id}`))
      const links = yield* SurveyLinkRepository
      // Read again under the lock: another answer may have used it meanwhile.
      const link = yield* usable(yield* links.get(districtId, found.value.id), yield* now)
      const response = yield* Effect.suspend(() =>
        Survey.decodeResponse(questionnaire.value)({
          answers: fields["answers"],
          id,
          districtId,
          questionnaireId,
          respondedOn,
          ...(link.value.counselorId === undefined ? {} : { counselorId: link.value.counselorId }),
          ...(link.value.seekerId === undefined ? {} : { seekerId: link.value.seekerId })
        })
      )
      const stored = yield* Effect.flatMap(SurveyResponseRepository, (r) => r.insert(response))
      yield* links.update(new Link({ ...link.value, usedAt: yield* now, responseId: response.id }), link.version)
      return stored
    }))
  })

/**
 * How a questionnaire's links stand: how many were issued, answered, still
 * open and ended unanswered.
 *
 * @since 0.4.0
 * @category models
 */
export interface Counts {
  readonly issued: number
  readonly used: number
  readonly open: number
  readonly expired: number
}

/**
 * A questionnaire's links, newest first, each with its status now, and
 * their counts; the seekers they name are logged as read. The caller checks
 * the staff member records casework.
 *
 * @example
 * ```ts
 * import { JobCenter, SurveyLink } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const links = SurveyLink.list(actor, "survey-0001")
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const list = (actor: Actor, questionnaireId: string) =>
  Effect.gen(function*() {
    yield* Effect.flatMap(QuestionnaireRepository, (r) => r.get(actor.districtId, questionnaireId))
    const rows = yield* Effect.flatMap(SurveyLinkRepository, (r) => r.listByQuestionnaire(actor.districtId, questionnaireId))
    const at = yield* now
    const links = rows
      .map((row) => ({ link: row.value, status: statusAt(row.value, at) }))
      .sort((a, b) => DateTime.toEpochMillis(b.link.issuedAt) - DateTime.toEpochMillis(a.link.issuedAt) || (a.link.id < b.link.id ? 1 : -1))
    yield* logAccessAll(actor, "read", "seeker", links.flatMap(({ link }) => link.seekerId === undefined ? [] : [link.seekerId]), "survey.links")
    const count = (status: Status) => links.filter((l) => l.status === status).length
    const counts: Counts = { issued: links.length, used: count("used"), open: count("open"), expired: count("expired") }
    return { links, counts }
  })

/**
 * Takes a seeker out of their links, for their erasure: each link stays (a
 * count of what was asked) without their id, and one not yet answered ends
 * now. Run inside the erasure's transaction.
 *
 * @example
 * ```ts
 * import { Ids, SurveyLink } from "@iljari/core"
 *
 * // What Erasure.eraseSeeker does for the links issued to the seeker it erases.
 * const forgotten = SurveyLink.forgetSeeker(Ids.DistrictId.make("11200"), Ids.SeekerId.make("seeker-0001"))
 * ```
 *
 * @since 0.4.0
 * @category privacy
 */
export const forgetSeeker = (districtId: DistrictId, seekerId: SeekerId) =>
  Effect.gen(function*() {
    const repo = yield* SurveyLinkRepository
    const at = yield* now
    const theirs = yield* repo.listBySeeker(districtId, seekerId)
    yield* Effect.forEach(theirs, (row) => {
      const { seekerId: _erased, ...rest } = row.value
      const ended = rest.usedAt === undefined && DateTime.lessThan(at, rest.expiresAt) ? { expiresAt: at } : {}
      return repo.update(new Link({ ...rest, ...ended }), row.version)
    }, { discard: true })
    return theirs.length
  })
