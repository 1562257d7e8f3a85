/**
 * The port a dispatcher delivers through: one rendered message to one
 * address on one channel. Adapters (memory, console, SMTP, SOLAPI) live in
 * `@iljari/notify`.
 *
 * @example
 * ```ts
 * import { Notifier } from "@iljari/core"
 * import { Effect, Layer } from "effect"
 *
 * // An adapter of your own for the port @iljari/notify's dispatcher sends through.
 * const PrintNotifier = Layer.succeed(Notifier.Notifier, {
 *   send: (delivery) =>
 *     Effect.as(Effect.log(`${delivery.channel} to ${delivery.to}: ${delivery.text}`), { providerId: "console" })
 * })
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { Context, type Effect, Schema } from "effect"

/**
 * A rendered message ready for a provider.
 *
 * @since 0.1.0
 * @category models
 */
export interface Delivery {
  /** `sms` covers SMS and LMS; the adapter picks by length. */
  readonly channel: "sms" | "email"
  /** A phone number (`010-1234-5678`) or an e-mail address. */
  readonly to: string
  readonly subject?: string
  readonly text: string
  /** Providers that support it deduplicate on this key; it is the message's outbox key. */
  readonly idempotencyKey: string
}

/**
 * A provider refused or failed a delivery. `permanent` failures (a rejected
 * address, a refused text) are not retried.
 *
 * @since 0.1.0
 * @category errors
 */
export class DeliveryFailed extends Schema.TaggedError<DeliveryFailed>()("DeliveryFailed", {
  reason: Schema.String,
  permanent: Schema.Boolean
}) {
  override get message(): string {
    return `Delivery failed${this.permanent ? " for good" : ""}: ${this.reason}`
  }
}

/**
 * Delivers rendered messages.
 *
 * @since 0.1.0
 * @category ports
 */
export class Notifier extends Context.Tag("@iljari/core/Notifier")<Notifier, {
  /** Delivers, returning the provider's id for the message. */
  readonly send: (delivery: Delivery) => Effect.Effect<{ readonly providerId: string }, DeliveryFailed>
}>() {}
