/**
 * The port a dispatcher delivers through: one rendered message to one
 * address on one channel (SMS/LMS, e-mail, or a KakaoTalk 알림톡 with its
 * substitute SMS). Adapters (memory, console, SMTP, SOLAPI) live in
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
 *     Effect.as(
 *       Effect.log(`${delivery.channel} to ${delivery.to}: ${delivery.channel === "kakao" ? delivery.templateCode : delivery.text}`),
 *       { providerId: "console" }
 *     )
 * })
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { Context, type Effect, Schema } from "effect"

/**
 * A rendered text ready for a provider: an SMS/LMS or an e-mail.
 *
 * @since 0.4.0
 * @category models
 */
export interface TextDelivery {
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
 * A KakaoTalk 알림톡: a template approved by Kakao (its code) filled with
 * variables, and the SMS/LMS the provider sends instead (대체발송) when the
 * recipient cannot receive it — no KakaoTalk, the channel blocked. One
 * delivery either way: the provider substitutes, iljari never sends twice.
 *
 * @since 0.4.0
 * @category models
 */
export interface AlimTalkDelivery {
  readonly channel: "kakao"
  /** The recipient's phone number (`010-1234-5678`). */
  readonly to: string
  /** The approved template's code at the provider (SOLAPI's `templateId`). */
  readonly templateCode: string
  /** The template's variables by name (`이름`, without `#{…}`), filled in. */
  readonly variables: Readonly<Record<string, string>>
  /** The text of the substitute SMS/LMS, within Korean SMS/LMS limits. */
  readonly fallback: { readonly text: string; readonly subject?: string }
  /** Providers that support it deduplicate on this key; it is the message's outbox key. */
  readonly idempotencyKey: string
}

/**
 * A rendered message ready for a provider.
 *
 * @since 0.1.0
 * @category models
 */
export type Delivery = TextDelivery | AlimTalkDelivery

/**
 * What a provider reports for a delivery it took: its id for the message
 * and, for a 알림톡 whose result it reported in time, how it reached the
 * person (`kakao`, or `sms-fallback` when the provider substituted an
 * SMS/LMS). Without `via`, the provider accepted the message on the
 * channel asked for and reported nothing more.
 *
 * @since 0.4.0
 * @category models
 */
export interface Receipt {
  readonly providerId: string
  readonly via?: "kakao" | "sms-fallback"
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
  /** Delivers, returning the provider's id for the message and, where it knows, how it went. */
  readonly send: (delivery: Delivery) => Effect.Effect<Receipt, DeliveryFailed>
}>() {}
