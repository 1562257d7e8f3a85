/**
 * Messages to send (SMS, e-mail, a call to make), written in the same
 * transaction as the change that caused them and delivered later by a
 * dispatcher, so that none is lost when a write fails or sent for a change
 * that was rolled back.
 *
 * @since 0.1.0
 */
import { Context, type Effect, Schema } from "effect"
import { Channel } from "./Consent.js"
import type { PersistenceError } from "./Errors.js"
import { DistrictId, MessageId } from "./Ids.js"

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
 * A message waiting in the outbox, or its delivery state.
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
  urgent: Schema.Boolean,
  /** A template name, such as `placement-recorded`, and its parameters. */
  template: Schema.String,
  params: Schema.Record({ key: Schema.String, value: Schema.String }),
  status: Schema.Literal("pending", "sent", "dead"),
  attempts: Schema.Int
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
    status?: OutboxMessage["status"]
  ) => Effect.Effect<ReadonlyArray<OutboxMessage>, PersistenceError>
}>() {}
