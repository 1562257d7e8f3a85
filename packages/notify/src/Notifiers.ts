/**
 * The `Notifier` adapters: memory (records what was sent; can inject
 * failures for fault tests), console, SMTP (`nodemailer`) for e-mail, SOLAPI
 * for SMS/LMS and for KakaoTalk 알림톡 with SMS fallback, and a router that
 * sends each channel to its own adapter.
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
import { Clock, Context, Duration, Effect, Either, Layer, Option } from "effect"
import type { Transporter } from "nodemailer"
import { digits, keyField } from "./internal/solapi.js"
import * as Kakao from "./Kakao.js"
import * as Sms from "./Sms.js"

type Service = Notifier.Notifier["Type"]

/**
 * A delivery as the memory adapter recorded it.
 *
 * @since 0.1.0
 * @category memory
 */
export type Recorded = Notifier.Delivery & {
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
      Effect.log(
        delivery.channel === "kakao"
          ? `[kakao] to ${delivery.to} — ${delivery.templateCode} ${JSON.stringify(delivery.variables)}\n(fallback) ${delivery.fallback.text}`
          : `[${delivery.channel}] to ${delivery.to}${delivery.subject ? ` — ${delivery.subject}` : ""}\n${delivery.text}`
      ),
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
export const solapiKeyField = (idempotencyKey: string): string => keyField(idempotencyKey)

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
  delivery: Notifier.TextDelivery,
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
    to: digits(delivery.to),
    from: digits(sender),
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
 * The part of SOLAPI's SDK the 알림톡 adapter uses
 * (`SolapiMessageService#send` and `#getMessages`).
 *
 * @since 0.4.0
 * @category solapi
 */
export interface SolapiKakaoClient {
  readonly send: (
    message: Kakao.SolapiAlimTalk,
    config: { readonly allowDuplicates: false; readonly showMessageList: true }
  ) => Promise<unknown>
  readonly getMessages: (query: {
    readonly to: string
    readonly startDate: Date
    readonly limit: number
    readonly startKey?: string
  }) => Promise<unknown>
}

/**
 * How the 알림톡 adapter talks to SOLAPI.
 *
 * @since 0.4.0
 * @category solapi
 */
export interface SolapiKakaoOptions {
  /** The Kakao channel's id at SOLAPI (`pfId`), the one the templates were approved for. */
  readonly pfId: string
  /** The pre-registered number the substitute SMS is sent from. */
  readonly sender: string
  /** How long one call to SOLAPI may take before it counts as a transient failure. Default 15 seconds. */
  readonly timeout?: Duration.DurationInput
  /** How long to wait, after SOLAPI accepted a 알림톡, for its result (Kakao or SMS). Default 10 seconds; 0 records acceptance only. */
  readonly reportWithin?: Duration.DurationInput
  /** How often to ask for the result meanwhile. Default 1 second. */
  readonly reportEvery?: Duration.DurationInput
  /** How far back to look for an earlier acceptance of the same key before sending. Default 7 days. */
  readonly lookback?: Duration.DurationInput
}

type SdkError = { readonly _tag?: string; readonly httpStatus?: number; readonly message?: string; readonly failedMessageList?: ReadonlyArray<{ readonly statusCode?: string; readonly statusMessage?: string }> }

// SOLAPI's SDK rejects with its own tagged errors: a 4xx (ClientError), a bad
// request it caught itself (BadRequestError) and a message SOLAPI refused to
// register (MessageNotReceivedError) will not succeed on retry; a 5xx, a
// network error or a 503 after the SDK's own retries may.
const failureOf = (what: string) => (error: unknown): Notifier.DeliveryFailed => {
  const e = (error ?? {}) as SdkError
  const refused = e.failedMessageList?.map((m) => `${m.statusCode ?? ""} ${m.statusMessage ?? ""}`.trim()).join("; ")
  const permanent = e._tag === "MessageNotReceivedError" || e._tag === "BadRequestError" || e._tag === "VariableValidationError" ||
    (e._tag === "ClientError" && e.httpStatus !== 429 && e.httpStatus !== 408)
  return new Notifier.DeliveryFailed({
    reason: `SOLAPI ${what}: ${refused ? `refused (${refused})` : String(e.message ?? error)}`,
    permanent
  })
}

/**
 * A KakaoTalk 알림톡 notifier over SOLAPI with SOLAPI's own substitute
 * sending, e.g.
 * `solapiKakao(new SolapiMessageService(apiKey, apiSecret), { pfId, sender: "02-2286-5000" })`.
 * One request per message: SOLAPI delivers the 알림톡, or — the person has
 * no KakaoTalk, or blocked the channel — the fallback SMS/LMS instead.
 *
 * A message is not delivered twice when a send is retried. SOLAPI has no
 * idempotency key and its message list cannot be searched by custom field,
 * so before sending, the adapter lists the messages SOLAPI holds for the
 * recipient's number since `lookback` and looks for the idempotency key in
 * their `customFields`: if SOLAPI already accepted the message (an earlier
 * attempt timed out after SOLAPI took it, or a worker died before recording
 * it), it is not sent again and its result is read instead. If that lookup
 * fails, nothing is sent (a transient failure, retried later).
 *
 * After sending, the adapter asks for the result for up to `reportWithin`:
 * the receipt says `via: "kakao"` or `via: "sms-fallback"`; a message whose
 * 알림톡 and substitute both failed is a permanent `DeliveryFailed`; a result
 * not reported in time leaves a receipt without `via` (accepted).
 *
 * @since 0.4.0
 * @category solapi
 */
export const solapiKakao = (client: SolapiKakaoClient, options: SolapiKakaoOptions): Service => {
  const timeout = options.timeout ?? "15 seconds"
  const reportWithin = Duration.toMillis(options.reportWithin ?? "10 seconds")
  const reportEvery = options.reportEvery ?? "1 second"
  const lookback = Duration.toMillis(options.lookback ?? "7 days")
  // The SDK takes no abort signal, so a call that runs out of time is left to
  // finish on its own. The timer is a plain one rather than an interruption,
  // so that it works inside the dispatcher's uninterruptible send-and-record.
  const call = <A>(what: string, run: () => Promise<A>) =>
    Effect.async<A, Notifier.DeliveryFailed>((resume) => {
      let settled = false
      const finish = (result: Effect.Effect<A, Notifier.DeliveryFailed>) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resume(result)
      }
      const timer = setTimeout(
        () => finish(Effect.fail(new Notifier.DeliveryFailed({ reason: `SOLAPI ${what}: no answer within ${Duration.format(timeout)}`, permanent: false }))),
        Duration.toMillis(timeout)
      )
      Promise.resolve().then(run).then((value) => finish(Effect.succeed(value)), (error) => finish(Effect.fail(failureOf(what)(error))))
      return Effect.sync(() => clearTimeout(timer))
    })
  // The messages SOLAPI holds for the number since the lookback that carry the key.
  const recordsOf = (to: string, key: string) =>
    Effect.gen(function*() {
      const startDate = new Date((yield* Clock.currentTimeMillis) - lookback)
      const found: Array<Kakao.StoredMessage> = []
      let startKey: string | undefined
      for (let page = 0; page < 20; page++) {
        const answer = (yield* call("message list", () =>
          client.getMessages({ to, startDate, limit: 100, ...(startKey === undefined ? {} : { startKey }) }))) as {
            readonly messageList?: Readonly<Record<string, Kakao.StoredMessage>>
            readonly nextKey?: string | null
          }
        for (const [id, m] of Object.entries(answer.messageList ?? {})) {
          if (m.customFields?.["idempotencyKey"] === key) found.push({ messageId: id, ...m })
        }
        if (answer.nextKey == null || answer.nextKey === startKey) break
        startKey = answer.nextKey
      }
      return found
    })
  // Waits for the result; a lookup that fails meanwhile ends the wait (the message is accepted either way).
  const report = (to: string, key: string, providerId: string, first: ReadonlyArray<Kakao.StoredMessage>) =>
    Effect.gen(function*() {
      const deadline = (yield* Clock.currentTimeMillis) + reportWithin
      let records = first
      while (true) {
        const outcome = Kakao.outcomeOf(records)
        if (outcome._tag === "Delivered") return { providerId, via: outcome.via } satisfies Notifier.Receipt
        if (outcome._tag === "Failed") return yield* Effect.fail(new Notifier.DeliveryFailed({ reason: outcome.reason, permanent: true }))
        if ((yield* Clock.currentTimeMillis) + Duration.toMillis(reportEvery) > deadline) return { providerId } satisfies Notifier.Receipt
        yield* Effect.sleep(reportEvery)
        const next = yield* Effect.option(recordsOf(to, key))
        if (Option.isNone(next)) return { providerId } satisfies Notifier.Receipt
        records = next.value
      }
    })
  return {
    send: (delivery) => {
      if (delivery.channel !== "kakao") {
        return Effect.fail(new Notifier.DeliveryFailed({ reason: "the SOLAPI 알림톡 adapter delivers 알림톡 only", permanent: true }))
      }
      return Either.match(Kakao.toSolapi(delivery, options), {
        onLeft: (refused) => Effect.fail(new Notifier.DeliveryFailed({ reason: `the fallback SMS: ${refused.reason}`, permanent: true })),
        onRight: (message) =>
          Effect.gen(function*() {
            const key = message.customFields.idempotencyKey
            const earlier = yield* recordsOf(message.to, key)
            if (earlier.length > 0) {
              yield* Effect.logInfo("SOLAPI already holds this message; not sending it again").pipe(
                Effect.annotateLogs({ idempotencyKey: delivery.idempotencyKey })
              )
              return yield* report(message.to, key, earlier[0]!.groupId ?? earlier[0]!.messageId ?? key, earlier)
            }
            const answer = (yield* call("send", () => client.send(message, { allowDuplicates: false, showMessageList: true }))) as {
              readonly groupInfo?: { readonly groupId?: string; readonly _id?: string }
              readonly failedMessageList?: ReadonlyArray<{ readonly statusCode?: string; readonly statusMessage?: string }>
            }
            const refused = answer.failedMessageList ?? []
            if (refused.length > 0) {
              return yield* Effect.fail(failureOf("send")({ _tag: "MessageNotReceivedError", failedMessageList: refused }))
            }
            const providerId = answer.groupInfo?.groupId ?? answer.groupInfo?._id ?? key
            return reportWithin <= 0 ? { providerId } : yield* report(message.to, key, providerId, [])
          })
      })
    }
  }
}

/**
 * A notifier that sends each channel to its own adapter.
 *
 * @since 0.1.0
 * @category routing
 */
export const byChannel = (
  routes: { readonly sms: Service; readonly email: Service; readonly kakao?: Service }
): Layer.Layer<Notifier.Notifier> =>
  Layer.succeed(Notifier.Notifier, {
    send: (delivery) => {
      const route = routes[delivery.channel]
      return route === undefined
        ? Effect.fail(new Notifier.DeliveryFailed({ reason: `no adapter for ${delivery.channel} deliveries`, permanent: true }))
        : route.send(delivery)
    }
  })
