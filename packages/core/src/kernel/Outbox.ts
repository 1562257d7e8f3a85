/**
 * Messages to send (SMS, e-mail, a call to make), written in the same
 * transaction as the change that caused them and delivered later by a
 * dispatcher, so that none is lost when a write fails or sent for a change
 * that was rolled back. The delivery state lives here too, so a dispatcher
 * that restarts picks up where the last one stopped, and so do the leases
 * that let several dispatcher workers share one outbox without two of them
 * delivering the same message.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter, Outbox } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // Queue a text message in the same transaction as the change that caused it;
 * // @iljari/notify's dispatcher delivers it, checking consent and quiet hours.
 * const queued = JobCenter.enqueue(actor, {
 *   purpose: "service",
 *   channel: "sms",
 *   idempotencyKey: "interview-notice:referral-0001",
 *   recipient: { kind: "seeker", id: Ids.SeekerId.make("seeker-0001") },
 *   urgent: false,
 *   template: "interview-notice", // one of @iljari/notify's Templates.korean
 *   params: { name: "김민수", employer: "성수디지털(주)", date: "5월 20일", time: "14:00", place: "성수이로 113" }
 * })
 * const shown = (message: Outbox.OutboxMessage) => Outbox.redacted(message)
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { Context, DateTime, type Duration, Effect, Schema } from "effect"
import { Channel } from "./Consent.js"
import { NotFound as NotFoundError, type NotFound, type PersistenceError } from "./Errors.js"
import { DistrictId, MessageId } from "./Ids.js"
import * as Memory from "./Memory.js"

/**
 * Who a message is for.
 *
 * @since 0.1.0
 * @category models
 */
export const Recipient = Schema.Struct({
  kind: Schema.Literal("seeker", "employer", "counselor"),
  id: Schema.String
})
/** @since 0.1.0 @category models */
export type Recipient = typeof Recipient.Type

/**
 * Where a message stands: waiting (`pending`, possibly until `notBefore`),
 * delivered (`sent`), refused for good (`refused`: no consent, no address,
 * too long — `lastError` says why), given up after too many failed
 * attempts (`dead`), or withdrawn before delivery because a person it
 * concerns was erased (`cancelled`).
 *
 * @since 0.1.0
 * @category models
 */
export const MessageStatus = Schema.Literal("pending", "sent", "refused", "dead", "cancelled")
/** @since 0.1.0 @category models */
export type MessageStatus = typeof MessageStatus.Type

/**
 * How a delivered or failed message went, as the provider reported it:
 * `sent` (accepted on the channel asked for; for a 알림톡, accepted without a
 * result reported in time), `kakao` (delivered as 알림톡), `sms-fallback`
 * (the provider substituted an SMS/LMS for the 알림톡: one delivery, by SMS),
 * or `failed` (given up: the provider refused it for good, or it failed too
 * often — `lastError` says why).
 *
 * @since 0.4.0
 * @category models
 */
export const Receipt = Schema.Struct({
  outcome: Schema.Literal("sent", "kakao", "sms-fallback", "failed"),
  /** The provider's id for the message (a SOLAPI group id, a Message-ID). */
  providerId: Schema.optionalWith(Schema.String, { exact: true })
})
/** @since 0.4.0 @category models */
export type Receipt = typeof Receipt.Type

/**
 * A message in the outbox.
 *
 * @since 0.1.0
 * @category models
 */
export class OutboxMessage extends Schema.Class<OutboxMessage>("OutboxMessage")({
  id: MessageId,
  districtId: DistrictId,
  createdAt: Schema.DateTimeUtc,
  /** One delivery per key, however often the dispatcher retries or restarts. */
  idempotencyKey: Schema.String,
  recipient: Recipient,
  channel: Channel,
  purpose: Schema.Literal("service", "advertising"),
  /** Urgent service messages are not held for quiet hours. */
  urgent: Schema.Boolean,
  /** A template name, such as `interview-notice`, and its parameters. */
  template: Schema.String,
  params: Schema.Record({ key: Schema.String, value: Schema.String }),
  status: MessageStatus,
  attempts: Schema.Int,
  /** Not to be attempted before this instant (a retry's backoff, or the end of quiet hours). */
  notBefore: Schema.optionalWith(Schema.DateTimeUtc, { exact: true }),
  sentAt: Schema.optionalWith(Schema.DateTimeUtc, { exact: true }),
  /** Why the last attempt failed, or why the message was refused. */
  lastError: Schema.optionalWith(Schema.String, { exact: true }),
  /**
   * The seekers whose personal data the parameters carry besides the
   * recipient (a counselor's digest names the people to call), so that
   * erasing one of them reaches this message too.
   */
  about: Schema.optionalWith(Schema.Array(Schema.String), { exact: true }),
  /** How the delivery went, once it is `sent` or `dead`. */
  receipt: Schema.optionalWith(Receipt, { exact: true })
}) {}

/**
 * A message as erasure leaves it: its delivery record (template, recipient,
 * status, times) without the parameters or the error text that could carry
 * the person's data; a message not yet delivered is cancelled.
 *
 * @since 0.2.0
 * @category erasure
 */
export const redacted = (message: OutboxMessage): OutboxMessage => {
  const { lastError: _error, notBefore: _notBefore, ...kept } = message
  return new OutboxMessage({ ...kept, params: {}, status: message.status === "pending" ? "cancelled" : message.status })
}

/**
 * Whether a message is to the seeker or carries their data.
 *
 * @since 0.2.0
 * @category erasure
 */
export const concerns = (message: OutboxMessage, seekerId: string): boolean =>
  (message.recipient.kind === "seeker" && message.recipient.id === seekerId) || (message.about ?? []).includes(seekerId)

/**
 * A dispatcher worker's hold on the messages it claimed: until `until`, no
 * other worker claims them, and only a save that presents this lease is
 * applied. The lease (owner and `until`) is the fencing token: a worker whose
 * lease ran out and whose messages were claimed again can no longer change them.
 *
 * @since 0.1.0
 * @category models
 */
export const Lease = Schema.Struct({
  /** The worker that holds the lease (its id, as it names itself). */
  owner: Schema.String,
  /** When the lease runs out; from then on any worker may claim the messages again. */
  until: Schema.DateTimeUtc
})
/** @since 0.1.0 @category models */
export type Lease = typeof Lease.Type

/**
 * What a claim took: the lease, and the messages held under it (oldest
 * first, possibly none).
 *
 * @since 0.1.0
 * @category models
 */
export interface Claimed {
  readonly lease: Lease
  readonly messages: ReadonlyArray<OutboxMessage>
}

/**
 * A save presented a lease that no longer holds the message: it was sent,
 * refused or dead-lettered meanwhile, or its lease ran out and another worker
 * (or a release) took it. Nothing was changed. A dispatcher logs this and
 * moves on; the message is in the hands of whoever holds it now.
 *
 * @since 0.1.0
 * @category errors
 */
export class LeaseLost extends Schema.TaggedError<LeaseLost>()("LeaseLost", {
  id: MessageId,
  /** The worker whose save was refused. */
  worker: Schema.String,
  /** The message's status now. */
  status: MessageStatus,
  /** Who holds the message now, if anyone does. */
  holder: Schema.optionalWith(Schema.String, { exact: true })
}) {
  override get message(): string {
    const why = this.status !== "pending"
      ? `it is already ${this.status}`
      : this.holder === undefined
      ? "its lease was released meanwhile"
      : this.holder === this.worker
      ? "its lease ran out and it was claimed again"
      : `its lease ran out and worker "${this.holder}" holds it now`
    return `Message "${this.id}" is no longer leased by worker "${this.worker}": ${why}; the save was not applied`
  }
}

/**
 * The outbox of one deployment, shared by any number of dispatcher workers:
 * each claims due messages under a lease, delivers them, and saves the result
 * under the same lease.
 *
 * @since 0.1.0
 * @category ports
 */
export class Outbox extends Context.Tag("@iljari/core/Outbox")<Outbox, {
  /** Adds a message; a message whose idempotency key is already queued is ignored. */
  readonly enqueue: (message: OutboxMessage) => Effect.Effect<void, PersistenceError>
  readonly list: (
    districtId: DistrictId,
    status?: MessageStatus
  ) => Effect.Effect<ReadonlyArray<OutboxMessage>, PersistenceError>
  /**
   * Claims, atomically, at most `limit` messages of every district (oldest
   * first) that are `pending`, may be attempted at `now` (no `notBefore`, or
   * `notBefore` ≤ `now`) and are under no live lease (none, or one whose
   * `until` ≤ `now`), and leases them to `worker` until `now + leaseFor`.
   * Two workers never hold the same message at once; a crashed worker's
   * messages are claimable again once its lease has run out.
   *
   * @since 0.1.0
   */
  readonly claim: (
    worker: string,
    now: DateTime.Utc,
    limit: number,
    leaseFor: Duration.DurationInput
  ) => Effect.Effect<Claimed, PersistenceError>
  /**
   * Records the result of an attempt — the message's delivery state (status,
   * attempts, notBefore, sentAt, lastError, receipt) — and releases its lease. Fenced:
   * applied only if the message is still `pending` and still held by exactly
   * this lease (owner and `until`), else `LeaseLost` and nothing changes, so a
   * message is marked `sent` at most once. `NotFound` if there is no such message.
   *
   * @since 0.1.0
   */
  readonly save: (lease: Lease, message: OutboxMessage) => Effect.Effect<void, LeaseLost | NotFound | PersistenceError>
  /**
   * Erasure: every message of the district to or about the seeker
   * ({@link concerns}) becomes {@link redacted} — its parameters and error
   * text gone, cancelled if not yet delivered, its lease released (a worker
   * holding it can no longer record it). Returns how many messages changed.
   *
   * @since 0.2.0
   */
  readonly redact: (districtId: DistrictId, seekerId: string) => Effect.Effect<number, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase` of `Repositories`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    // The leases live beside the messages, as the SQL adapter keeps them in
    // columns beside the message's data; a save presents the lease it holds.
    const messages = Memory.list<OutboxMessage>(db, "outbox")
    const leases = () => Memory.map<Lease>(db, "outbox leases")
    return {
      enqueue: (message: OutboxMessage) =>
        Effect.sync(() => {
          if (!messages.rows().some((m) => m.idempotencyKey === message.idempotencyKey)) messages.append([message])
        }).pipe(Memory.exclusive(db)),
      list: (districtId: DistrictId, status?: MessageStatus) =>
        Effect.sync(() => messages.rows().filter((m) => m.districtId === districtId && (status === undefined || m.status === status))),
      claim: (worker: string, now: DateTime.Utc, limit: number, leaseFor: Duration.DurationInput) =>
        Effect.sync((): Claimed => {
          const lease: Lease = { owner: worker, until: DateTime.addDuration(now, leaseFor) }
          const claimable = (m: OutboxMessage) => {
            if (m.status !== "pending") return false
            if (m.notBefore !== undefined && DateTime.greaterThan(m.notBefore, now)) return false
            const held = leases().get(Memory.key(m.districtId, m.id))
            return held === undefined || DateTime.lessThanOrEqualTo(held.until, now)
          }
          const claimed = messages.rows().filter(claimable).slice(0, Math.max(0, limit))
          for (const m of claimed) leases().set(Memory.key(m.districtId, m.id), lease)
          return { lease, messages: claimed }
        }).pipe(Memory.exclusive(db)),
      save: (lease: Lease, message: OutboxMessage) =>
        Effect.suspend((): Effect.Effect<void, NotFound | LeaseLost> => {
          const rows = messages.rows()
          const index = rows.findIndex((m) => m.id === message.id && m.districtId === message.districtId)
          if (index === -1) return Effect.fail(new NotFoundError({ kind: "outbox message", id: message.id }))
          const current = rows[index]!
          const k = Memory.key(message.districtId, message.id)
          const held = leases().get(k)
          // Fenced: only the lease that holds a pending message may record its attempt.
          if (current.status !== "pending" || held === undefined || held.owner !== lease.owner || !DateTime.Equivalence(held.until, lease.until)) {
            return Effect.fail(new LeaseLost({ id: message.id, worker: lease.owner, status: current.status, ...(held === undefined ? {} : { holder: held.owner }) }))
          }
          messages.replace(rows.map((m, i) => (i === index ? message : m)))
          leases().delete(k)
          return Effect.void
        }).pipe(Memory.exclusive(db)),
      redact: (districtId: DistrictId, seekerId: string) =>
        Effect.sync(() => {
          let changed = 0
          messages.replace(messages.rows().map((m) => {
            if (m.districtId !== districtId || !concerns(m, seekerId)) return m
            changed++
            leases().delete(Memory.key(m.districtId, m.id))
            return redacted(m)
          }))
          return changed
        }).pipe(Memory.exclusive(db))
    }
  })
}
