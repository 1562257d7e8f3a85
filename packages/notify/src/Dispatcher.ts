/**
 * The dispatcher: reads the outbox, decides for each due message whether it
 * may go now (consent, quiet hours, an address, SMS length) and how (SMS/LMS,
 * e-mail, or a KakaoTalk 알림톡 with SMS fallback for the kinds in
 * `config.kakao`), delivers it through the `Notifier`, and records the result
 * in the outbox — sent (with the provider's receipt: by Kakao, by the
 * substitute SMS), refused with the reason, retried later with exponential
 * backoff and jitter, or dead after too many attempts.
 *
 * Its state is the outbox's, so a dispatcher that restarts continues where
 * the last one stopped, and any number of dispatchers (workers) can share one
 * outbox: each round claims a batch under a lease, so no two workers hold the
 * same message, and records each result under that lease, so a worker whose
 * lease ran out (it stalled, or its messages went to another worker after it
 * crashed) changes nothing. The delivery and the record of it run
 * uninterruptibly together, so stopping a dispatcher never separates them;
 * providers also receive the message's idempotency key, so those that
 * deduplicate drop the one re-send a worker killed between the two can cause.
 *
 * @example
 * ```ts
 * import { Dispatcher, Notifiers } from "@iljari/notify"
 * import { Effect } from "effect"
 *
 * // Deliver the outbox forever, beside the app, over the same storage layers.
 * const config: Dispatcher.Config = {
 *   ...Dispatcher.defaults,
 *   center: { name: "성동구 일자리센터", phone: "02-2286-5000" },
 *   smsSender: "0222865000"
 * }
 * const dispatcher = Dispatcher.run(config).pipe(Effect.provide(Notifiers.layerConsole))
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Consent, type Errors, Notifier, Outbox, Repositories } from "@iljari/core"
import { Chunk, Clock, DateTime, Duration, Effect, Either, Option, Random, Schedule } from "effect"
import * as Kakao from "./Kakao.js"
import * as QuietHours from "./QuietHours.js"
import * as Sms from "./Sms.js"
import * as Templates from "./Templates.js"

/**
 * How a district's dispatcher works.
 *
 * @since 0.1.0
 * @category config
 */
export interface Config {
  /** The center's name and phone, as the templates show them. */
  readonly center: { readonly name: string; readonly phone: string }
  /** The pre-registered number SMS are sent from (발신번호 사전등록). */
  readonly smsSender: string
  readonly templates: ReadonlyArray<Templates.Template>
  /**
   * The district's approved KakaoTalk 알림톡 templates ({@link Kakao.decodeRegistry}):
   * an SMS message of a kind listed here goes as 알림톡, with its SMS text as
   * the substitute the provider sends when the person cannot receive it.
   * Consent and quiet hours are those of SMS. Without it, everything goes by SMS.
   *
   * @since 0.4.0
   */
  readonly kakao?: Kakao.Registry
  readonly quietHours: QuietHours.Window
  /** Attempts before a message is dead (dead-lettered). */
  readonly maxAttempts: number
  /** The delay before attempt n + 1 is this schedule's n-th delay. */
  readonly backoff: Schedule.Schedule<unknown>
  /** Messages claimed per round. */
  readonly batchSize: number
  /** Time between rounds when {@link run} loops. */
  readonly pollInterval: Duration.DurationInput
  /**
   * How long a round's claim holds its batch: longer than a batch takes to
   * deliver, as a worker stops starting deliveries once nine tenths of it have
   * passed and leaves the rest to the next claim. A crashed worker's batch
   * waits this long before another worker takes it over.
   */
  readonly leaseFor: Duration.DurationInput
  /**
   * This dispatcher's name in leases and logs (a host and process, say). Each
   * dispatcher sharing an outbox needs its own. By default {@link run} makes a
   * random one when it starts (and {@link dispatchOnce}, for each round).
   */
  readonly worker?: string
}

/**
 * The defaults: 8 attempts, backoff from one minute doubling with ±20 %
 * jitter (Effect's `Schedule.jittered`), 21:00–08:00 quiet, 100 messages a
 * round every 30 seconds, each round's batch leased for 5 minutes, and a
 * random worker name. `center` and `smsSender` have no default.
 *
 * @since 0.1.0
 * @category config
 */
export const defaults = {
  templates: Templates.korean,
  quietHours: QuietHours.legal,
  maxAttempts: 8,
  backoff: Schedule.exponential("1 minute", 2).pipe(Schedule.jittered),
  batchSize: 100,
  pollInterval: "30 seconds",
  leaseFor: "5 minutes"
} satisfies Omit<Config, "center" | "smsSender">

type Decision =
  | { readonly _tag: "Send"; readonly delivery: Notifier.Delivery }
  | { readonly _tag: "Hold"; readonly until: DateTime.Utc; readonly reason: string }
  | { readonly _tag: "Refuse"; readonly reason: string }

interface Addressee {
  readonly phone?: string
  readonly email?: string
  /** `undefined` for business contacts (employers, staff), who keep no consent records. */
  readonly consents?: ReadonlyArray<Consent.Consent>
}

const addressee = (
  message: Outbox.OutboxMessage
): Effect.Effect<
  Option.Option<Addressee>,
  never,
  Repositories.SeekerRepository | Repositories.EmployerRepository | Repositories.CounselorRepository
> =>
  Effect.gen(function*() {
    const { districtId, recipient } = message
    if (recipient.kind === "seeker") {
      const found = yield* Effect.option(Effect.flatMap(Repositories.SeekerRepository, (r) => r.get(districtId, recipient.id as never)))
      return Option.map(found, ({ value }) => ({ ...value.contact, consents: value.consents }))
    }
    if (recipient.kind === "employer") {
      const found = yield* Effect.option(Effect.flatMap(Repositories.EmployerRepository, (r) => r.get(districtId, recipient.id as never)))
      // The first contact person with a phone, and the first with an e-mail address.
      return Option.map(found, ({ value }) => {
        const phone = value.contacts.find((c) => c.phone !== undefined)?.phone
        const email = value.contacts.find((c) => c.email !== undefined)?.email
        return { ...(phone === undefined ? {} : { phone }), ...(email === undefined ? {} : { email }) }
      })
    }
    const found = yield* Effect.option(Effect.flatMap(Repositories.CounselorRepository, (r) => r.get(districtId, recipient.id as never)))
    return Option.map(found, ({ value }) => ({ ...value.contact }))
  })

const consentWords = { service: "서비스 안내 수신", advertising: "광고성 정보 수신" } as const

/**
 * What to do with a message at `now` — pure, given its addressee.
 *
 * @since 0.1.0
 * @category decisions
 */
export const decide = (
  config: Config,
  message: Outbox.OutboxMessage,
  who: Option.Option<Addressee>,
  now: DateTime.Utc
): Decision => {
  if (Option.isNone(who)) return { _tag: "Refuse", reason: `no ${message.recipient.kind} "${message.recipient.id}" in district ${message.districtId}` }
  const { consents, email, phone } = who.value
  const channel = message.channel
  if (consents === undefined && message.purpose === "advertising") {
    return { _tag: "Refuse", reason: "advertising goes only to people whose consent is on record" }
  }
  if (consents !== undefined && !Consent.isActive(consents, message.purpose, now, channel)) {
    return {
      _tag: "Refuse",
      reason: `no active consent to ${message.purpose} messages by ${channel} (${consentWords[message.purpose]} 동의 없음)`
    }
  }
  if (QuietHours.isQuiet(now, config.quietHours)) {
    const nightConsent = consents !== undefined && Consent.isActive(consents, "advertising-at-night", now, channel)
    const mayGo = message.purpose === "advertising" ? nightConsent : message.urgent
    if (!mayGo) {
      return {
        _tag: "Hold",
        until: QuietHours.endOf(now, config.quietHours),
        reason: message.purpose === "advertising"
          ? "quiet hours: no consent to advertising at night (야간 광고 수신 동의 없음)"
          : "quiet hours: service messages wait for the morning"
      }
    }
  }
  const to = channel === "sms" ? phone : channel === "email" ? email : undefined
  if (channel === "phone") return { _tag: "Refuse", reason: "phone calls are made by counselors, not by the dispatcher" }
  if (to === undefined) return { _tag: "Refuse", reason: `the ${message.recipient.kind} has no ${channel === "sms" ? "phone number" : "e-mail address"}` }
  if (channel === "sms" && config.kakao?.[message.template] !== undefined) {
    const talk = Kakao.alimtalk(
      { registry: config.kakao, templates: config.templates, center: config.center },
      { kind: message.template, params: message.params, to, idempotencyKey: message.idempotencyKey }
    )
    return Either.isLeft(talk)
      ? { _tag: "Refuse", reason: talk.left._tag === "SmsRefused" ? talk.left.reason : talk.left.message }
      : { _tag: "Send", delivery: talk.right }
  }
  const rendered = Templates.render(config.templates, message.template, message.params, config.center)
  if (Either.isLeft(rendered)) return { _tag: "Refuse", reason: rendered.left.message }
  if (channel === "sms") {
    const sms = Sms.classify(rendered.right.text, rendered.right.subject)
    if (Either.isLeft(sms)) return { _tag: "Refuse", reason: sms.left.reason }
  }
  return {
    _tag: "Send",
    delivery: {
      channel,
      to,
      text: rendered.right.text,
      ...(rendered.right.subject === undefined ? {} : { subject: rendered.right.subject }),
      idempotencyKey: message.idempotencyKey
    }
  }
}

const delayBefore = (config: Config, attempt: number) =>
  Effect.map(
    Schedule.run(Schedule.delays(config.backoff), 0, Array.from({ length: attempt }, () => undefined)),
    // Whole milliseconds: jitter yields fractions, and stored instants are in milliseconds.
    (delays) => Duration.millis(Math.ceil(Duration.toMillis(Option.getOrElse(Chunk.last(delays), () => Duration.zero))))
  )

const processOne = (config: Config, lease: Outbox.Lease, message: Outbox.OutboxMessage) =>
  Effect.gen(function*() {
    const outbox = yield* Outbox.Outbox
    const now = DateTime.unsafeMake(yield* Clock.currentTimeMillis)
    const decision = decide(config, message, yield* addressee(message), now)
    // Every record goes under the round's lease; the outbox refuses it once the lease is lost.
    const save = (patch: Partial<Outbox.OutboxMessage>) => {
      const { lastError: _e, notBefore: _n, ...rest } = message
      return outbox.save(lease, new Outbox.OutboxMessage({ ...rest, ...patch }))
    }
    if (decision._tag === "Refuse") return yield* save({ status: "refused", lastError: decision.reason })
    if (decision._tag === "Hold") return yield* save({ notBefore: decision.until, lastError: decision.reason })
    const notifier = yield* Notifier.Notifier
    const attempts = message.attempts + 1
    // Deliver and record as one step: an interrupted dispatcher never delivers without recording.
    return yield* Effect.uninterruptible(
      notifier.send(decision.delivery).pipe(
        Effect.matchEffect({
          onSuccess: (receipt) =>
            save({ status: "sent", attempts, sentAt: now, receipt: { outcome: receipt.via ?? "sent", providerId: receipt.providerId } }),
          onFailure: (failure) =>
            failure.permanent || attempts >= config.maxAttempts
              ? save({ status: "dead", attempts, lastError: failure.reason, receipt: { outcome: "failed" } })
              : Effect.flatMap(delayBefore(config, attempts), (delay) =>
                save({ attempts, notBefore: DateTime.addDuration(now, delay), lastError: failure.reason }))
        })
      )
    )
  }).pipe(
    // Not an error: whoever holds the message now records it. Logged, and the round goes on.
    Effect.catchTag("LeaseLost", (lost) =>
      Effect.logWarning(lost.message).pipe(
        Effect.annotateLogs({ worker: lost.worker, message: lost.id, status: lost.status, holder: lost.holder ?? "none" })
      ))
  )

/**
 * What the dispatcher needs: the outbox, the notifier, and the repositories
 * it finds addresses and consents in.
 *
 * @since 0.1.0
 * @category dispatch
 */
export type Requirements =
  | Outbox.Outbox
  | Notifier.Notifier
  | Repositories.SeekerRepository
  | Repositories.EmployerRepository
  | Repositories.CounselorRepository

/**
 * A random worker name, for dispatchers that were not given one.
 *
 * @since 0.1.0
 * @category dispatch
 */
export const randomWorker: Effect.Effect<string> = Effect.map(
  Random.nextIntBetween(0, 36 ** 8),
  (n) => `dispatcher-${n.toString(36).padStart(8, "0")}`
)

/**
 * One round: claims up to `batchSize` due messages of every district under a
 * lease of `leaseFor`, and handles them one after another, each result saved
 * under the lease. Once nine tenths of the lease have passed it starts no
 * more deliveries: what is left goes back to the outbox when the lease runs
 * out. Returns how many messages the round claimed.
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@iljari/notify"
 *
 * declare const config: Dispatcher.Config
 * // One round: claim a batch under a lease, deliver or refuse each message; the count handled.
 * const handled = Dispatcher.dispatchOnce(config)
 * ```
 *
 * @since 0.1.0
 * @category dispatch
 */
export const dispatchOnce = (config: Config): Effect.Effect<number, Errors.NotFound | Errors.PersistenceError, Requirements> =>
  Effect.gen(function*() {
    const worker = config.worker ?? (yield* randomWorker)
    const now = DateTime.unsafeMake(yield* Clock.currentTimeMillis)
    const { lease, messages } = yield* Effect.flatMap(Outbox.Outbox, (o) => o.claim(worker, now, config.batchSize, config.leaseFor))
    const lastStart = lease.until.epochMillis - Duration.toMillis(config.leaseFor) / 10
    for (let i = 0; i < messages.length; i++) {
      if ((yield* Clock.currentTimeMillis) >= lastStart) {
        yield* Effect.logWarning(
          `lease running out: ${messages.length - i} of ${messages.length} messages left for the next claim; ` +
            "raise leaseFor or lower batchSize"
        ).pipe(Effect.annotateLogs({ worker }))
        break
      }
      yield* processOne(config, lease, messages[i]!)
    }
    return messages.length
  })

/**
 * Dispatches for ever under one worker name (`config.worker`, or a random
 * one): a round, then the next as soon as a full batch was claimed, else
 * after `pollInterval`.
 *
 * @example
 * ```ts
 * import { Dispatcher } from "@iljari/notify"
 *
 * const config: Dispatcher.Config = {
 *   ...Dispatcher.defaults,
 *   center: { name: "성동구 일자리센터", phone: "02-2286-5000" },
 *   smsSender: "0222865000"
 * }
 * const forever = Dispatcher.run(config) // provide the storage layers and a Notifier
 * ```
 *
 * @since 0.1.0
 * @category dispatch
 */
export const run = (config: Config): Effect.Effect<never, Errors.NotFound | Errors.PersistenceError, Requirements> =>
  Effect.flatMap(config.worker === undefined ? randomWorker : Effect.succeed(config.worker), (worker) =>
    Effect.forever(
      Effect.flatMap(
        dispatchOnce({ ...config, worker }),
        (claimed) => (claimed < config.batchSize ? Effect.sleep(config.pollInterval) : Effect.void)
      )
    ))
