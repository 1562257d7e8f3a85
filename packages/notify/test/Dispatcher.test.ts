import { describe, expect, it } from "@effect/vitest"
import { Notifier, Outbox, Repositories } from "@iljari/core"
import { DateTime, Effect, Layer, Logger, LogLevel, TestClock } from "effect"
import { Dispatcher, Notifiers } from "../src/index.js"
import { config as center, district, message, seekerWith, serviceBoth } from "./fixtures.js"

const config: Dispatcher.Config = { ...Dispatcher.defaults, ...center }

// 10:00 in Korea (01:00 UTC): not quiet.
const morning = Date.parse("2026-03-02T01:00:00Z")
// 22:00 in Korea (13:00 UTC): quiet.
const night = Date.parse("2026-03-02T13:00:00Z")

const setup = (
  seekers: ReadonlyArray<ReturnType<typeof seekerWith>>,
  messages: ReadonlyArray<Outbox.OutboxMessage>,
  at: number
): Effect.Effect<void, unknown, Repositories.SeekerRepository | Outbox.Outbox> =>
  Effect.gen(function*() {
    yield* TestClock.setTime(at)
    const repo = yield* Repositories.SeekerRepository
    for (const s of seekers) yield* repo.insert(s)
    const outbox = yield* Outbox.Outbox
    for (const m of messages) yield* outbox.enqueue(m)
  })

const stateOf = (id: string) =>
  Effect.map(Effect.flatMap(Outbox.Outbox, (o) => o.list(district)), (all) => all.find((m) => m.id === id)!)

const layer = (options?: Parameters<typeof Notifiers.layerMemory>[0]) =>
  Layer.mergeAll(Repositories.layerMemory, Notifiers.layerMemory(options))

describe("the dispatcher's rules", () => {
  it.effect("sends a service message to a consenting seeker, as SMS or LMS by length", () =>
    Effect.gen(function*() {
      const short = message({ to: "s1", template: "reemployment-support", params: {} })
      const long = message({ to: "s1" })
      yield* setup([seekerWith("s1", serviceBoth)], [short, long], morning)
      expect(yield* Dispatcher.dispatchOnce(config)).toBe(2)
      // Text deliveries only: no 알림톡 templates are configured.
      const sent = (yield* Notifiers.MemoryOutbox).sent().filter((d) => d.channel !== "kakao")
      expect(sent.map((d) => [d.to, d.subject, d.idempotencyKey])).toEqual([
        ["010-1234-5678", undefined, short.idempotencyKey],
        ["010-1234-5678", "면접 안내", long.idempotencyKey]
      ])
      expect(sent[1]!.text).toContain("기업: 성수디지털")
      expect((yield* stateOf(long.id))).toMatchObject({ status: "sent", attempts: 1, receipt: { outcome: "sent", providerId: "memory-2" } })
    }).pipe(Effect.provide(layer())))

  it.effect("refuses without consent, and says why", () =>
    Effect.gen(function*() {
      const service = message({ to: "s1" })
      const ad = message({ to: "s2", purpose: "advertising", template: "job-fair-advertisement", params: { date: "3월 10일" } })
      yield* setup([seekerWith("s1", []), seekerWith("s2", serviceBoth)], [service, ad], morning)
      yield* Dispatcher.dispatchOnce(config)
      expect((yield* Notifiers.MemoryOutbox).sent()).toEqual([])
      expect(yield* stateOf(service.id)).toMatchObject({
        status: "refused",
        lastError: "no active consent to service messages by sms (서비스 안내 수신 동의 없음)"
      })
      expect(yield* stateOf(ad.id)).toMatchObject({
        status: "refused",
        lastError: "no active consent to advertising messages by sms (광고성 정보 수신 동의 없음)"
      })
    }).pipe(Effect.provide(layer())))

  it.effect("holds service messages and non-consented advertising until 08:00, sends urgent and night-consented ones", () =>
    Effect.gen(function*() {
      const service = message({ to: "s1" })
      const urgent = message({ to: "s1", urgent: true, template: "reemployment-support", params: {} })
      const ad = message({ to: "s1", purpose: "advertising", template: "job-fair-advertisement", params: { date: "3월 10일" } })
      const nightAd = message({ to: "s2", purpose: "advertising", template: "job-fair-advertisement", params: { date: "3월 10일" } })
      const ads = [{ purpose: "advertising", channel: "sms" }]
      yield* setup(
        [seekerWith("s1", [...serviceBoth, ...ads]), seekerWith("s2", [...ads, { purpose: "advertising-at-night", channel: "sms" }])],
        [service, urgent, ad, nightAd],
        night
      )
      yield* Dispatcher.dispatchOnce(config)
      const memory = yield* Notifiers.MemoryOutbox
      expect(memory.sent().map((d) => d.idempotencyKey)).toEqual([urgent.idempotencyKey, nightAd.idempotencyKey])
      const held = yield* stateOf(service.id)
      expect(held.status).toBe("pending")
      expect(DateTime.formatIso(held.notBefore!)).toBe("2026-03-02T23:00:00.000Z") // 08:00 in Korea
      expect((yield* stateOf(ad.id)).lastError).toBe("quiet hours: no consent to advertising at night (야간 광고 수신 동의 없음)")
      // Nothing is due again before 08:00; then both go.
      yield* TestClock.setTime(Date.parse("2026-03-02T22:59:00Z"))
      expect(yield* Dispatcher.dispatchOnce(config)).toBe(0)
      yield* TestClock.setTime(Date.parse("2026-03-02T23:00:00Z"))
      expect(yield* Dispatcher.dispatchOnce(config)).toBe(2)
      expect(memory.sent().map((d) => d.idempotencyKey)).toEqual([urgent, nightAd, service, ad].map((m) => m.idempotencyKey))
    }).pipe(Effect.provide(layer())))

  it.effect("refuses what cannot be sent: no address, too long, unknown template or recipient", () =>
    Effect.gen(function*() {
      const noPhone = message({ to: "s2" })
      const tooLong = message({ to: "s1", params: { name: "가".repeat(1000), employer: "x", date: "x", time: "x", place: "x" } })
      const unknownTemplate = message({ to: "s1", template: "no-such-template" })
      const nobody = message({ to: "s9" })
      yield* setup([seekerWith("s1", serviceBoth), seekerWith("s2", serviceBoth, { email: "a@example.kr" })], [noPhone, tooLong, unknownTemplate, nobody], morning)
      yield* Dispatcher.dispatchOnce(config)
      expect(yield* Effect.all([noPhone, tooLong, unknownTemplate, nobody].map((m) => Effect.map(stateOf(m.id), (s) => [s.status, s.lastError])))).toEqual([
        ["refused", "the seeker has no phone number"],
        ["refused", expect.stringMatching(/^the text is \d+ bytes in EUC-KR; an LMS carries at most 2000$/)],
        ["refused", "Template \"no-such-template\": no such template"],
        ["refused", "no seeker \"s9\" in district 11200"]
      ])
    }).pipe(Effect.provide(layer())))

  it.effect("retries with growing, jittered backoff and gives up after the last attempt", () =>
    Effect.gen(function*() {
      const m = message({ to: "s1" })
      yield* setup([seekerWith("s1", serviceBoth)], [m], morning)
      const waits: Array<number> = []
      for (let attempt = 1; attempt <= config.maxAttempts; attempt++) {
        yield* Dispatcher.dispatchOnce(config)
        const state = yield* stateOf(m.id)
        expect(state.attempts).toBe(attempt)
        if (attempt < config.maxAttempts) {
          expect(state.status).toBe("pending")
          const now = yield* TestClock.currentTimeMillis
          waits.push(state.notBefore!.epochMillis - now)
          yield* TestClock.setTime(state.notBefore!.epochMillis)
        } else {
          expect(state).toMatchObject({ status: "dead", lastError: "injected provider failure" })
        }
      }
      // One minute doubling, ±20 % jitter.
      waits.forEach((wait, i) => {
        const nominal = 60_000 * 2 ** i
        expect(wait).toBeGreaterThanOrEqual(nominal * 0.8)
        expect(wait).toBeLessThanOrEqual(nominal * 1.2)
      })
    }).pipe(Effect.provide(layer({ failureRate: 1 }))))

  it.effect("marks a permanently refused delivery dead at once", () =>
    Effect.gen(function*() {
      const m = message({ to: "s1" })
      yield* setup([seekerWith("s1", serviceBoth)], [m], morning)
      yield* Dispatcher.dispatchOnce(config).pipe(
        Effect.provideService(Notifier.Notifier, {
          send: () => Effect.fail(new Notifier.DeliveryFailed({ reason: "number not in service", permanent: true }))
        })
      )
      expect(yield* stateOf(m.id)).toMatchObject({ status: "dead", attempts: 1, lastError: "number not in service" })
    }).pipe(Effect.provide(layer())))

  it.effect("lets two dispatchers share one outbox: each message is delivered once", () =>
    Effect.gen(function*() {
      const messages = Array.from({ length: 30 }, () => message({ to: "s1", template: "reemployment-support", params: {} }))
      yield* setup([seekerWith("s1", serviceBoth)], messages, morning)
      const provider = yield* Notifier.Notifier
      // Each delivery yields, so the two workers' rounds interleave message by message.
      const interleaving = Notifier.Notifier.of({ send: (delivery) => Effect.zipRight(Effect.yieldNow(), provider.send(delivery)) })
      const round = (worker: string) => Dispatcher.dispatchOnce({ ...config, worker, batchSize: 4 })
      for (let i = 0; i < 20; i++) {
        const claimed = yield* Effect.all([round("a"), round("b")], { concurrency: "unbounded" }).pipe(
          Effect.provideService(Notifier.Notifier, interleaving)
        )
        if (claimed[0] + claimed[1] === 0) break
        // Both workers had work in the same rounds.
        if (i === 0) expect(claimed).toEqual([4, 4])
      }
      const keys = (yield* Notifiers.MemoryOutbox).sent().map((d) => d.idempotencyKey)
      expect([...keys].sort()).toEqual(messages.map((m) => m.idempotencyKey).sort())
      const states = yield* Effect.flatMap(Outbox.Outbox, (o) => o.list(district))
      expect(states.every((m) => m.status === "sent" && m.attempts === 1)).toBe(true)
    }).pipe(Effect.provide(layer())))

  it.effect("logs a lost lease and goes on; the worker that holds the message records it", () =>
    Effect.gen(function*() {
      const first = message({ to: "s1", template: "reemployment-support", params: {} })
      const second = message({ to: "s1", template: "reemployment-support", params: {} })
      yield* setup([seekerWith("s1", serviceBoth)], [first, second], morning)
      const provider = yield* Notifier.Notifier
      const services = yield* Effect.context<Dispatcher.Requirements>()
      const logs: Array<string> = []
      const capture = Logger.replace(
        Logger.defaultLogger,
        Logger.make(({ message: m }) => void logs.push(Array.isArray(m) ? m.join(" ") : String(m)))
      )
      let stalled = false
      // Worker "a" stalls in its first delivery until its lease has run out, and worker "b"
      // takes the batch over meanwhile.
      const stalling = Notifier.Notifier.of({
        send: (delivery) =>
          Effect.gen(function*() {
            if (!stalled) {
              stalled = true
              yield* TestClock.adjust(config.leaseFor)
              const taken = yield* Dispatcher.dispatchOnce({ ...config, worker: "b" }).pipe(Effect.provide(services), Effect.orDie)
              expect(taken).toBe(2)
            }
            return yield* provider.send(delivery)
          })
      })
      expect(yield* Dispatcher.dispatchOnce({ ...config, worker: "a" }).pipe(
        Effect.provideService(Notifier.Notifier, stalling),
        Effect.provide(Layer.merge(capture, Logger.minimumLogLevel(LogLevel.Warning)))
      )).toBe(2)
      // "b" delivered and recorded both; "a"'s late delivery of the first is the one re-send
      // a provider without idempotency keys would pass on, and its record was refused.
      expect((yield* Notifiers.MemoryOutbox).sent().map((d) => d.idempotencyKey)).toEqual(
        [first, second, first].map((m) => m.idempotencyKey)
      )
      expect(yield* stateOf(first.id)).toMatchObject({ status: "sent", attempts: 1 })
      expect(yield* stateOf(second.id)).toMatchObject({ status: "sent", attempts: 1 })
      expect(logs).toEqual([
        `Message "${first.id}" is no longer leased by worker "a": it is already sent; the save was not applied`,
        "lease running out: 1 of 2 messages left for the next claim; raise leaseFor or lower batchSize"
      ])
    }).pipe(Effect.provide(layer())))
})
