/**
 * Two dispatchers on one PostgreSQL outbox, as two workers of one deployment
 * would run them: every message must reach the provider once.
 */
import { PgClient } from "@effect/sql-pg"
import { describe, expect, it } from "@effect/vitest"
import { Outbox, Repositories } from "@iljari/core"
import { StoreSql } from "@iljari/store-sql"
import { describePostgres } from "@iljari/test-support/inject"
import { Context, Effect, Layer, Redacted, TestClock } from "effect"
import { postgresDatabase } from "@iljari/test-support/storage/backends"
import { Dispatcher, Notifiers } from "../src/index.js"
import { config as center, message, seekerWith, serviceBoth } from "./fixtures.js"

const config: Dispatcher.Config = { ...Dispatcher.defaults, ...center, batchSize: 50 }
const messages = 300

describePostgres("two dispatchers on one PostgreSQL outbox", (serverUrl) => {
  describe("sharing the outbox", () => {
    // #14: with due() as a plain SELECT, both dispatchers took the same messages
    // (263 of 300 twice); now each claims its batch under a lease.
    it.effect("deliver every message once", () =>
      Effect.gen(function*() {
        const { url } = yield* postgresDatabase(serverUrl)
        const provider = yield* Layer.build(Notifiers.layerMemory())
        const sent = Context.get(provider, Notifiers.MemoryOutbox)
        // Each dispatcher is its own worker with its own connections.
        const worker = () =>
          StoreSql.layerWithMigrations.pipe(Layer.provideMerge(PgClient.layer({ url: Redacted.make(url), maxConnections: 2 })))
        yield* TestClock.setTime(Date.parse("2026-03-02T02:00:00Z"))
        yield* Effect.gen(function*() {
          const seekers = yield* Repositories.SeekerRepository
          for (let i = 0; i < 20; i++) yield* seekers.insert(seekerWith(`s${i}`, serviceBoth, { phone: `010-0000-${1000 + i}` }))
          const outbox = yield* Outbox.Outbox
          for (let i = 0; i < messages; i++) yield* outbox.enqueue(message({ to: `s${i % 20}`, idempotencyKey: `two-${i}` }))
        }).pipe(Effect.provide(worker()))
        const drain = (name: string) =>
          Effect.gen(function*() {
            while ((yield* Dispatcher.dispatchOnce({ ...config, worker: name })) > 0) yield* Effect.yieldNow()
          }).pipe(Effect.provide(Layer.merge(worker(), Layer.succeedContext(provider))))
        yield* Effect.all([drain("w1"), drain("w2")], { concurrency: "unbounded" })
        const perKey = new Map<string, number>()
        for (const d of sent.sent()) perKey.set(d.idempotencyKey, (perKey.get(d.idempotencyKey) ?? 0) + 1)
        expect(perKey.size).toBe(messages)
        expect([...perKey.values()].filter((n) => n > 1)).toEqual([])
      }).pipe(Effect.scoped), 60_000)
  })
})
