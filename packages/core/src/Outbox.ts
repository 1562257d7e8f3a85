/**
 * Messages to send (SMS, e-mail, a call to make), written in the same
 * transaction as the change that caused them and delivered later by a
 * dispatcher, so that none is lost when a write fails or sent for a change
 * that was rolled back. The delivery state lives here too, so a dispatcher
 * that restarts picks up where the last one stopped.
 *
 * @since 0.1.0
 */
import { Context, type DateTime, type Effect, Schema } from "effect"
import { Channel } from "./Consent.js"
import type { NotFound, PersistenceError } from "./Errors.js"
import { DistrictId, MessageId } from "./Ids.js"
import * as Memory from "./internal/memory.js"

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
 * too long — `lastError` says why), or given up after too many failed
 * attempts (`dead`).
 *
 * @since 0.1.0
 * @category models
 */
export const MessageStatus = Schema.Literal("pending", "sent", "refused", "dead")
/** @since 0.1.0 @category models */
export type MessageStatus = typeof MessageStatus.Type

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
  lastError: Schema.optionalWith(Schema.String, { exact: true })
}) {}

/**
 * The outbox of one deployment.
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
   * Pending messages of every district that may be attempted at `now`
   * (no `notBefore`, or `notBefore` ≤ `now`), oldest first, at most `limit`.
   * For the dispatcher, which serves the whole deployment.
   */
  readonly due: (now: DateTime.Utc, limit: number) => Effect.Effect<ReadonlyArray<OutboxMessage>, PersistenceError>
  /** Replaces a message's delivery state (status, attempts, notBefore, sentAt, lastError). */
  readonly save: (message: OutboxMessage) => Effect.Effect<void, NotFound | PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase` of `Repositories`. */
  static readonly layerMemory = Memory.layerOver(this, Memory.outbox)
}
