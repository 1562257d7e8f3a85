/**
 * The `Notifier` adapters: memory (records what was sent; can inject
 * failures for fault tests), console, SMTP (`nodemailer`) for e-mail, SOLAPI
 * for SMS/LMS, and a router that sends each channel to its own adapter.
 *
 * @example
 * ```ts
 * import { Notifiers } from "@iljari/notify"
 * import { Effect } from "effect"
 *
 * // In tests: a memory notifier that records what was sent.
 * const sent = Effect.map(Notifiers.MemoryOutbox, (outbox) => outbox.sent()).pipe(
 *   Effect.provide(Notifiers.layerMemory())
 * )
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Notifier } from "@iljari/core"
import { Clock, Context, Effect, Either, Layer } from "effect"
import { createHash } from "node:crypto"
import type { Transporter } from "nodemailer"
import * as Sms from "./Sms.js"

type Service = Notifier.Notifier["Type"]

/**
 * A delivery as the memory adapter recorded it.
 *
 * @since 0.1.0
 * @category memory
 */
export interface Recorded extends Notifier.Delivery {
  readonly at: number
  readonly providerId: string
}

/**
 * The memory adapter's record of deliveries, for tests.
 *
 * @since 0.1.0
 * @category memory
 */
export class MemoryOutbox extends Context.Tag("@iljari/notify/MemoryOutbox")<MemoryOutbox, {
  readonly sent: () => ReadonlyArray<Recorded>
}>() {}

/**
 * A notifier that records every delivery with the time it happened. With
 * `failureRate`, it fails that share of attempts (transiently), drawn from
 * a seeded generator so a fault test is reproducible.
 *
 * @since 0.1.0
 * @category memory
 */
export const layerMemory = (
  options: { readonly failureRate?: number; readonly seed?: number } = {}
): Layer.Layer<MemoryOutbox | Notifier.Notifier> =>
  Layer.succeedContext((() => {
    const sent: Array<Recorded> = []
    let state = options.seed ?? 1
    // mulberry32: small, fast, reproducible
    const random = () => {
      state = (state + 0x6d2b79f5) | 0
      let t = Math.imul(state ^ (state >>> 15), 1 | state)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const notifier: Service = {
      send: (delivery) =>
        Effect.flatMap(Clock.currentTimeMillis, (at) => {
          if (random() < (options.failureRate ?? 0)) {
            return Effect.fail(new Notifier.DeliveryFailed({ reason: "injected provider failure", permanent: false }))
          }
          const providerId = `memory-${sent.length + 1}`
          sent.push({ ...delivery, at, providerId })
          return Effect.succeed({ providerId })
        })
    }
    return Context.make(MemoryOutbox, { sent: () => sent }).pipe(Context.add(Notifier.Notifier, notifier))
  })())

/**
 * A notifier that prints each delivery (for development and demos).
 *
 * @since 0.1.0
 * @category console
 */
export const layerConsole = Layer.succeed(Notifier.Notifier, {
  send: (delivery) =>
    Effect.as(
      Effect.log(`[${delivery.channel}] to ${delivery.to}${delivery.subject ? ` — ${delivery.subject}` : ""}\n${delivery.text}`),
      { providerId: `console-${delivery.idempotencyKey}` }
    )
})

/**
 * An e-mail notifier over a `nodemailer` transporter. The message id is
 * derived from the idempotency key, so a receiving system can drop a
 * duplicate.
 *
 * @since 0.1.0
 * @category smtp
 */
export const smtp = (transporter: Transporter, options: { readonly from: string; readonly messageIdDomain?: string }): Service => ({
  send: (delivery) =>
    delivery.channel !== "email"
      ? Effect.fail(new Notifier.DeliveryFailed({ reason: "the SMTP adapter delivers e-mail only", permanent: true }))
      : Effect.tryPromise({
        try: () =>
          transporter.sendMail({
            from: options.from,
            to: delivery.to,
            subject: delivery.subject ?? "",
            text: delivery.text,
            messageId: `<${delivery.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, "-")}@${options.messageIdDomain ?? "iljari"}>`
          }),
        catch: (error) =>
          new Notifier.DeliveryFailed({
            reason: String((error as Error).message ?? error),
            // 5xx answers (a refused recipient, say) will not succeed on retry.
            permanent: typeof (error as { responseCode?: number }).responseCode === "number" &&
              (error as { responseCode: number }).responseCode >= 500
          })
      }).pipe(Effect.map((info) => ({ providerId: String(info.messageId) })))
})

/**
 * SOLAPI keeps a message's `customFields` with it (keys up to 30 characters,
 * values up to 100) and shows them in its send history. iljari puts the
 * idempotency key there — as it is when it fits, else as `sha256:` and its
 * hex digest — so that a re-sent message can be traced to its outbox entry.
 * SOLAPI does not deduplicate on it (see {@link solapi}).
 *
 * @since 0.1.0
 * @category solapi
 */
export const solapiKeyField = (idempotencyKey: string): string =>
  idempotencyKey.length <= 100 ? idempotencyKey : `sha256:${createHash("sha256").update(idempotencyKey).digest("hex")}`

/**
 * The message SOLAPI receives for a delivery: numbers without hyphens, the
 * type chosen by EUC-KR length (SMS ≤ 90 bytes, else LMS with its subject),
 * the pre-registered sender number, and the idempotency key in
 * `customFields.idempotencyKey` ({@link solapiKeyField}).
 *
 * @since 0.1.0
 * @category solapi
 */
export const toSolapi = (
  delivery: Notifier.Delivery,
  sender: string
): Either.Either<
  {
    readonly to: string
    readonly from: string
    readonly text: string
    readonly type: "SMS" | "LMS"
    readonly subject?: string
    readonly customFields: { readonly idempotencyKey: string }
  },
  Sms.SmsRefused
> =>
  Either.map(Sms.classify(delivery.text, delivery.subject), (classified) => ({
    to: delivery.to.replace(/\D/g, ""),
    from: sender.replace(/\D/g, ""),
    text: delivery.text,
    type: classified.type,
    ...(classified.subject === undefined ? {} : { subject: classified.subject }),
    customFields: { idempotencyKey: solapiKeyField(delivery.idempotencyKey) }
  }))

/**
 * The part of SOLAPI's SDK iljari uses (`SolapiMessageService#send`).
 *
 * @since 0.1.0
 * @category solapi
 */
export interface SolapiClient {
  readonly send: (message: ReturnType<typeof toSolapi> extends Either.Either<infer R, unknown> ? R : never) => Promise<unknown>
}

/**
 * An SMS/LMS notifier over SOLAPI, e.g.
 * `solapi(new SolapiMessageService(apiKey, apiSecret), "02-2286-5000")`.
 *
 * Each message carries its idempotency key in `customFields`, but SOLAPI
 * cannot deduplicate on it: its send API has no idempotency key, its
 * `allowDuplicates: false` (the default, kept) only refuses the same
 * recipient twice within one request, and its message list cannot be
 * searched by custom field. A message the dispatcher re-sends after a lost
 * lease (a worker killed between SOLAPI's acceptance and the outbox's record)
 * therefore reaches the phone twice.
 *
 * @since 0.1.0
 * @category solapi
 */
export const solapi = (client: SolapiClient, sender: string): Service => ({
  send: (delivery) =>
    delivery.channel !== "sms"
      ? Effect.fail(new Notifier.DeliveryFailed({ reason: "the SOLAPI adapter delivers SMS and LMS only", permanent: true }))
      : Either.match(toSolapi(delivery, sender), {
        onLeft: (refused) => Effect.fail(new Notifier.DeliveryFailed({ reason: refused.reason, permanent: true })),
        onRight: (message) =>
          Effect.tryPromise({
            try: () => client.send(message),
            catch: (error) => new Notifier.DeliveryFailed({ reason: String((error as Error).message ?? error), permanent: false })
          }).pipe(Effect.map((response) => ({ providerId: String((response as { groupInfo?: { _id?: string } })?.groupInfo?._id ?? delivery.idempotencyKey) })))
      })
})

/**
 * A notifier that sends each channel to its own adapter.
 *
 * @since 0.1.0
 * @category routing
 */
export const byChannel = (routes: { readonly sms: Service; readonly email: Service }): Layer.Layer<Notifier.Notifier> =>
  Layer.succeed(Notifier.Notifier, { send: (delivery) => routes[delivery.channel].send(delivery) })
