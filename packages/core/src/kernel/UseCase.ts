/**
 * The plumbing every use case shares: who acts, the time, new ids, refusing a
 * form, the access log, transactions and the outbox.
 *
 * @since 0.2.0
 */
import { Clock, DateTime, Effect, Schema } from "effect"
import { AuditEntry, type AuditAction, AuditLog, type ErasureReason } from "./Audit.js"
import { AuditEntryId, type CounselorId, type DistrictId, MessageId } from "./Ids.js"
import * as LocalDate from "./LocalDate.js"
import { Outbox, OutboxMessage } from "./Outbox.js"
import type { KeysetPaged, Page, Paged, Versioned } from "./Store.js"
import { IdGenerator } from "./IdGenerator.js"
import { Transactor } from "./Transactor.js"
import { ValidationError, ValidationIssue } from "./Validation.js"

export interface Actor {
  readonly districtId: DistrictId
  readonly counselorId: CounselorId
  readonly origin?: string
  /**
   * Whose casework the actor may record: their `own` caseload (a counselor),
   * the `district`'s (a manager, an integration; also when unset, as for the
   * library's own tools and imports), or `none` (an administrator, an analyst).
   */
  readonly caseload?: "own" | "district" | "none"
}

export const now = Effect.map(Clock.currentTimeMillis, (millis) => DateTime.unsafeMake(millis))

export const today: Effect.Effect<LocalDate.LocalDate> = Effect.map(Clock.currentTimeMillis, LocalDate.fromEpochMillisInKorea)

// One decoder per id schema, made once rather than per id.
const idDecoders = new WeakMap<Schema.Schema<any, string>, (id: string) => any>()
const idDecoder = <A>(brand: Schema.Schema<A, string>): (id: string) => A => {
  let decode = idDecoders.get(brand)
  if (decode === undefined) idDecoders.set(brand, decode = Schema.decodeSync(brand))
  return decode
}

export const newId = <A>(brand: Schema.Schema<A, string>, kind: string) => {
  const decode = idDecoder(brand)
  return Effect.flatMap(IdGenerator, (ids) => Effect.map(ids.next(kind), decode))
}

export const invalid = (subject: string, path: string, message: string) =>
  new ValidationError({ subject, issues: [new ValidationIssue({ path, message })] })

/**
 * A date of something that has happened (a session held, a contact made, a
 * birth) may not be after today, by the Clock in Korea: a ValidationError
 * naming the field, the rule and today otherwise. `what` says why in
 * English and Korean.
 */
export const notInFuture = (
  subject: string,
  path: string,
  date: LocalDate.LocalDate,
  what: { readonly en: string; readonly ko: string }
) =>
  Effect.flatMap(today, (on) =>
    date > on
      ? Effect.fail(invalid(subject, path, `must not be after today, ${on}: ${what.en}; got ${date} (${what.ko}: 오늘 ${on} 뒤의 날짜 ${date}는 쓸 수 없습니다)`))
      : Effect.void)

/**
 * A date that may lie ahead, but not beyond `days` after today (a job's
 * first day): a ValidationError naming the field, the rule and the last day
 * allowed otherwise.
 */
export const notBeyond = (
  subject: string,
  path: string,
  date: LocalDate.LocalDate,
  days: number,
  what: { readonly en: string; readonly ko: string }
) =>
  Effect.flatMap(today, (on) => {
    const last = LocalDate.addDays(on, days)
    return date > last
      ? Effect.fail(invalid(subject, path, `must not be after ${last}, ${days} days from today: ${what.en}; got ${date} (${what.ko}: ${last} 뒤의 날짜 ${date}는 쓸 수 없습니다)`))
      : Effect.void
  })

/**
 * A period's `to` may not be before its `from`: a ValidationError naming
 * `to` otherwise (an empty answer would read as a period without results).
 */
export const checkPeriod = (subject: string, period: { readonly from: LocalDate.LocalDate; readonly to: LocalDate.LocalDate }) =>
  period.to < period.from
    ? Effect.fail(invalid(subject, "to", `must not be before from (${period.from}); got ${period.to}`))
    : Effect.void

/** The most records a search or list returns (and logs) at a time. */
export const maxPageSize = 100

/** A page as {@link boundedPage} checked it. */
export interface Slice {
  readonly offset: number
  readonly limit: number
  readonly after?: string
}

/**
 * The page a search asks for, checked: whole numbers, `offset` from 0 and
 * `limit` from 1, a `limit` over {@link maxPageSize} (or none) read as that,
 * so that no request reads or logs more than a screenful; `after`, when
 * given, a record's id (1–200 characters).
 */
export const boundedPage = (page: Page): Effect.Effect<Slice, ValidationError> => {
  const offset = page.offset ?? 0
  const limit = page.limit ?? maxPageSize
  const issues: Array<ValidationIssue> = []
  if (!Number.isSafeInteger(offset) || offset < 0) {
    issues.push(new ValidationIssue({ path: "offset", message: `must be a whole number from 0 (0 이상의 정수); got ${offset}` }))
  }
  if (!Number.isSafeInteger(limit) || limit < 1) {
    issues.push(new ValidationIssue({ path: "limit", message: `must be a whole number from 1 (1 이상의 정수); got ${limit}` }))
  }
  if (page.after !== undefined && (typeof page.after !== "string" || page.after.length === 0 || page.after.length > 200)) {
    issues.push(new ValidationIssue({ path: "after", message: "must be the id of the last record of the page before (앞 페이지 마지막 기록의 번호)" }))
  }
  const [first, ...rest] = issues
  return first === undefined
    ? Effect.succeed({ offset, limit: Math.min(limit, maxPageSize), ...(page.after === undefined ? {} : { after: page.after }) })
    : Effect.fail(new ValidationError({ subject: "Page", issues: [first, ...rest] }))
}

/**
 * A page cut from what follows the page before (read with one more than
 * `limit`, or all of it): the first `limit`, and the id of the last of them
 * to ask the next page `after` — `undefined` when nothing follows.
 */
export const pageFrom = <A>(following: ReadonlyArray<A>, limit: number, idOf: (a: A) => string) => {
  const items = following.slice(0, limit)
  const last = items[items.length - 1]
  return { items, next: following.length > limit && last !== undefined ? idOf(last) : undefined }
}

/**
 * A search's page read by keyset: one record more than the page is asked
 * of the store, to tell whether another page follows, and the page answered
 * with the id to ask the next one `after` (`undefined` on the last page).
 */
export const keysetPage = <A extends { readonly id: string }, E, R>(
  slice: Slice,
  search: (page: Page) => Effect.Effect<Paged<Versioned<A>>, E, R>
): Effect.Effect<KeysetPaged<Versioned<A>>, E, R> =>
  Effect.map(search({ ...slice, limit: slice.limit + 1 }), (found) => ({
    ...pageFrom(found.items, slice.limit, (row) => row.value.id),
    total: found.total
  }))

// Forms arrive as unknown; anything but a plain object is refused before decoding,
// and so are fields only the center sets (an erasure date, say).
export const fieldsOf = (
  subject: string,
  input: unknown,
  reserved: ReadonlyArray<string> = []
): Effect.Effect<Record<string, unknown>, ValidationError> => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return Effect.fail(invalid(subject, "", "must be an object holding the record's fields"))
  }
  const taken = reserved.find((field) => field in input)
  return taken === undefined
    ? Effect.succeed(input as Record<string, unknown>)
    : Effect.fail(invalid(subject, taken, "is set by the center, not by a form"))
}

/**
 * One access-log entry per distinct subject, written in one statement: a
 * list of a hundred seekers is one insert, not a hundred.
 */
export const logAccessAll = (
  actor: Actor,
  action: AuditAction,
  subjectKind: AuditEntry["subjectKind"],
  subjectIds: Iterable<string>,
  purpose: string,
  about: { readonly reason?: ErasureReason; readonly detail?: string } = {}
) =>
  Effect.gen(function*() {
    const subjects = [...new Set(subjectIds)]
    if (subjects.length === 0) return
    const at = yield* now
    // The entries differ only in their ids (each decoded by `newId`) and
    // subjects (any string): the first is checked in full, and the others are
    // made from its checked fields without checking them again, which cost
    // half a millisecond an entry (a ledger of 500 seekers: a quarter second).
    const first = new AuditEntry({
      id: yield* newId(AuditEntryId, "audit"),
      districtId: actor.districtId,
      at,
      actor: actor.counselorId,
      ...(actor.origin === undefined ? {} : { origin: actor.origin }),
      action,
      subjectKind,
      subjectId: subjects[0]!,
      purpose,
      ...(about.reason === undefined ? {} : { reason: about.reason }),
      ...(about.detail === undefined ? {} : { detail: about.detail })
    })
    // The others' ids are the first's with a sequence number (`<id>-1`, `<id>-2`, …),
    // unique as the first is and adjacent in the log's index of ids, where
    // random ids would each land on another page (the database writes a page
    // per entry); a new id each when the suffix would not fit an id's 64 characters.
    const entries: Array<AuditEntry> = [first]
    const numbered = first.id.length + 1 + String(subjects.length).length <= 64
    for (let i = 1; i < subjects.length; i++) {
      const id = numbered ? AuditEntryId.make(`${first.id}-${i}`, { disableValidation: true }) : yield* newId(AuditEntryId, "audit")
      entries.push(new AuditEntry({ ...first, id, subjectId: subjects[i]! }, true))
    }
    yield* Effect.flatMap(AuditLog, (log) => log.appendAll(entries))
  })

export const logAccess = (
  actor: Actor,
  action: AuditAction,
  subjectKind: AuditEntry["subjectKind"],
  subjectId: string,
  purpose: string,
  about: { readonly reason?: ErasureReason; readonly detail?: string } = {}
) => logAccessAll(actor, action, subjectKind, [subjectId], purpose, about)

export const inTransaction = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(Transactor, (t) => t.withTransaction(effect))

export const enqueue = (
  actor: Actor,
  message: Pick<
    OutboxMessage,
    "recipient" | "channel" | "purpose" | "urgent" | "template" | "params" | "idempotencyKey"
  > & Partial<Pick<OutboxMessage, "about">>
) =>
  Effect.gen(function*() {
    const outbox = yield* Outbox
    const queued = new OutboxMessage({
      ...message,
      id: yield* newId(MessageId, "message"),
      districtId: actor.districtId,
      createdAt: yield* now,
      status: "pending",
      attempts: 0
    })
    yield* outbox.enqueue(queued)
    return queued
  })
