import { SqliteClient } from "@effect/sql-sqlite-node"
import { describe, expect, it } from "@effect/vitest"
import { Notifier, Outbox, Repositories } from "@iljari/core"
import { StoreSql } from "@iljari/store-sql"
import { Context, DateTime, Deferred, Effect, Fiber, Layer, TestClock } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Dispatcher, Notifiers, QuietHours } from "../src/index.js"
import { config as center, district, message, seekerWith, serviceBoth } from "./fixtures.js"

const config: Dispatcher.Config = { ...Dispatcher.defaults, ...center, maxAttempts: 12 }
const messages = 1_000
const seekers = 100

// The store is a SQLite file; each phase opens its own client on it, as a
// restarted process would.
const storeOn = (filename: string) => StoreSql.layerWithMigrations.pipe(Layer.provideMerge(SqliteClient.layer({ filename })))

describe("the dispatcher under faults", () => {
  it.effect("delivers 1,000 messages exactly once despite 30 % provider failures and a restart, none in quiet hours", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "iljari-fault-"))
      yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(dir, { recursive: true, force: true })))
      const filename = join(dir, "iljari.db")
      // The provider outlives dispatcher restarts, like a real SMS service.
      const provider = yield* Layer.build(Notifiers.layerMemory({ failureRate: 0.3, seed: 2016 }))
      const memory = Context.get(provider, Notifiers.MemoryOutbox)
      const halfway = yield* Deferred.make<void>()
      // Signals the test once half the messages went out; the dispatcher is interrupted right there.
      const watched = Layer.succeed(Notifier.Notifier, {
        send: (delivery) =>
          Effect.tap(Context.get(provider, Notifier.Notifier).send(delivery), () =>
            memory.sent().length >= messages / 2 ? Deferred.succeed(halfway, undefined) : Effect.void)
      })

      // 20:55 in Korea: five minutes of daytime, then a night of quiet hours.
      yield* TestClock.setTime(Date.parse("2026-03-02T11:55:00Z"))
      // A restarted process is a new worker: the batch the interrupted one had claimed
      // waits for its lease (5 minutes) to run out, then the new one takes it.
      const drive = (worker: string) => Effect.gen(function*() {
        for (let step = 0; step < 5_000; step++) {
          yield* Dispatcher.dispatchOnce({ ...config, worker })
          const pending = yield* Effect.flatMap(Outbox.Outbox, (o) => o.list(district, "pending"))
          if (pending.length === 0) return
          yield* TestClock.adjust("1 minute")
        }
      })

      // Phase 1: enqueue, dispatch until half went out, then stop the dispatcher mid-round.
      yield* Effect.gen(function*() {
        const repo = yield* Repositories.SeekerRepository
        for (let i = 0; i < seekers; i++) yield* repo.insert(seekerWith(`s${i}`, serviceBoth, { phone: `010-0000-${String(1000 + i)}` }))
        const outbox = yield* Outbox.Outbox
        for (let i = 0; i < messages; i++) {
          yield* outbox.enqueue(message({ to: `s${i % seekers}`, idempotencyKey: `fault-${i}`, urgent: i % 10 === 0 }))
        }
        const dispatcher = yield* Effect.fork(drive("before-restart"))
        yield* Deferred.await(halfway)
        yield* Fiber.interrupt(dispatcher)
      }).pipe(Effect.provide(Layer.merge(storeOn(filename), watched)), Effect.scoped)
      const beforeRestart = memory.sent().length
      expect(beforeRestart).toBeGreaterThanOrEqual(messages / 2)
      expect(beforeRestart).toBeLessThan(messages)

      // Phase 2: a new client on the same file, a new dispatcher, to the end.
      const states = yield* Effect.gen(function*() {
        yield* drive("after-restart")
        return yield* Effect.flatMap(Outbox.Outbox, (o) => o.list(district))
      }).pipe(Effect.provide(Layer.merge(storeOn(filename), Layer.succeedContext(provider))), Effect.scoped)

      const sent = memory.sent()
      // Exactly once per idempotency key, none lost.
      const perKey = new Map<string, number>()
      for (const d of sent) perKey.set(d.idempotencyKey, (perKey.get(d.idempotencyKey) ?? 0) + 1)
      expect(perKey.size).toBe(messages)
      expect([...perKey.values()].every((n) => n === 1)).toBe(true)
      expect(states.every((m) => m.status === "sent")).toBe(true)
      // Failures really happened and were retried.
      expect(states.filter((m) => m.attempts > 1).length).toBeGreaterThan(200)
      // No service message that was not urgent arrived in quiet hours; urgent ones were not held.
      const urgent = new Set(states.filter((m) => m.urgent).map((m) => m.idempotencyKey))
      const atNight = sent.filter((d) => QuietHours.isQuiet(DateTime.unsafeMake(d.at)))
      expect(atNight.length).toBeGreaterThan(0)
      expect(atNight.every((d) => urgent.has(d.idempotencyKey))).toBe(true)
      // The held ones went out from 08:00.
      expect(sent.some((d) => !urgent.has(d.idempotencyKey) && d.at >= Date.parse("2026-03-02T23:00:00Z"))).toBe(true)
    }).pipe(Effect.scoped), 120_000)
})

