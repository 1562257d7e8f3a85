/**
 * Three dispatcher processes share one PostgreSQL outbox of 2,000 messages
 * and deliver to a real HTTP provider that fails 30 % of requests
 * transiently and honours idempotency keys. One dispatcher is killed with
 * SIGKILL between the provider's acceptance of a message and the outbox's
 * record of it, and restarted. The run starts at 07:59:50 Korea time.
 */
import { PgClient } from "@effect/sql-pg"
import { expect, it } from "@effect/vitest"
import { Outbox, Repositories } from "@iljari/core"
import { StoreSql } from "@iljari/store-sql"
import { describePostgres } from "@iljari/test-support/inject"
import { Effect, Layer, Redacted } from "effect"
import { build } from "esbuild"
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { postgresDatabase } from "@iljari/test-support/storage/backends"
import { district, message, seekerWith, serviceBoth } from "./fixtures.js"
import { type Peer, startPeer } from "./providerPeer.js"

const childScript = fileURLToPath(new URL("./fleet-child.ts", import.meta.url))
const messages = 2_000
const seekers = 100
const batchSize = 20
const leaseMillis = 2_000
const keyOf = (i: number) => `fleet-${i}`
const isUrgent = (i: number) => i % 10 === 0
// 08:00 in Korea on a Tuesday: the end of the quiet hours the run starts in.
const eight = Date.parse("2026-03-03T08:00:00+09:00")

interface Worker {
  readonly name: string
  readonly process: ChildProcess
  readonly output: () => string
  readonly errors: () => string
  readonly closed: Promise<void>
}

// The dispatcher process, built once into one file: the same sources as
// `node --import tsx --conditions=@iljari/source fleet-child.ts` runs, but a
// process boots in a fraction of a second instead of seconds of CPU
// (this machine has two cores, shared with three dispatchers and PostgreSQL).
const bundleChild = Effect.acquireRelease(
  Effect.promise(async () => {
    const dir = mkdtempSync(join(tmpdir(), "iljari-fleet-"))
    const outfile = join(dir, "fleet-child.mjs")
    await build({
      entryPoints: [childScript],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      conditions: ["@iljari/source"],
      external: ["pg-native"],
      // CommonJS dependencies (pg) call require.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: "error"
    })
    return { dir, outfile }
  }),
  ({ dir }) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
)

const startWorker = (script: string, name: string, options: object): Worker => {
  const child = spawn(process.execPath, [script, JSON.stringify({ ...options, worker: name })], {
    stdio: ["pipe", "pipe", "pipe"]
  })
  let out = ""
  let err = ""
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()))
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()))
  return {
    name,
    process: child,
    output: () => out,
    errors: () => err,
    closed: new Promise((resolve) => child.on("close", () => resolve()))
  }
}

const claims = (output: string) => [...output.matchAll(/^claimed (\d+) at \d+$/gm)].map((m) => Number(m[1]))

describePostgres("dispatchers sharing a PostgreSQL outbox under faults", (serverUrl) => {
  // Live: real time, real processes, real sleeps.
  it.live(
    "deliver 2,000 messages once each with 3 processes, one killed with SIGKILL and restarted, none in quiet hours",
    () =>
      Effect.gen(function*() {
        const { url } = yield* postgresDatabase(serverUrl)
        const { outfile } = yield* bundleChild
        const store = StoreSql.layerWithMigrations.pipe(
          Layer.provideMerge(PgClient.layer({ url: Redacted.make(url), maxConnections: 3 }))
        )
        yield* Effect.gen(function*() {
          const outbox = yield* Outbox.Outbox
          // The dispatchers start up, then their clock is set to read 07:59:50 Korea time.
          let offsetMillis = 0
          const workers = new Map<string, Worker>()
          let killed: { readonly worker: Worker; readonly acceptedBefore: number } | undefined
          let restarted: Worker | undefined
          const workerOptions = { databaseUrl: url, batchSize, leaseMillis }
          const peer: Peer = yield* Effect.acquireRelease(
            Effect.promise(() =>
              startPeer({
                seed: 2016,
                failureRate: 0.3,
                now: () => Date.now() + offsetMillis,
                quietUntil: eight,
                urgent: new Set(Array.from({ length: messages }, (_, i) => i).filter(isUrgent).map(keyOf)),
                // Mid-run, w2 dies right after the provider accepted one of its messages and
                // before the outbox records it: the worst moment. It is restarted at once.
                onAccept: (request, accepted) => {
                  if (killed !== undefined || request.worker !== "w2" || accepted < 800) return
                  const w2 = workers.get("w2")!
                  w2.process.kill("SIGKILL")
                  killed = { worker: w2, acceptedBefore: accepted }
                  restarted = startWorker(outfile, "w2", { ...workerOptions, peer: peer.url, offsetMillis })
                  workers.set("w2", restarted)
                }
              })
            ),
            (p) => Effect.promise(() => p.close())
          )
          yield* Effect.addFinalizer(() =>
            Effect.promise(async () => {
              for (const w of [...workers.values(), killed?.worker]) w?.process.kill("SIGKILL")
              await Promise.all([...workers.values()].map((w) => w.closed))
            })
          )
          // The dispatchers boot while the outbox fills.
          const booting = Date.now()
          for (const name of ["w1", "w2", "w3"]) workers.set(name, startWorker(outfile, name, { ...workerOptions, peer: peer.url }))
          // The outbox and the people it writes to, over the pool's three connections.
          const repo = yield* Repositories.SeekerRepository
          yield* Effect.forEach(
            Array.from({ length: seekers }, (_, i) => i),
            (i) => repo.insert(seekerWith(`s${i}`, serviceBoth, { phone: `010-0000-${String(1000 + i)}` })),
            { concurrency: 3, discard: true }
          )
          yield* Effect.forEach(
            Array.from({ length: messages }, (_, i) => i),
            (i) => outbox.enqueue(message({ to: `s${i % seekers}`, idempotencyKey: keyOf(i), urgent: isUrgent(i) })),
            { concurrency: 3, discard: true }
          )
          while (![...workers.values()].every((w) => w.output().startsWith("ready\n"))) {
            const failed = [...workers.values()].find((w) => w.process.exitCode !== null)
            if (failed !== undefined) throw new Error(`dispatcher ${failed.name} exited: ${failed.errors()}`)
            if (Date.now() - booting > 60_000) throw new Error("the dispatchers did not start within a minute")
            yield* Effect.sleep("50 millis")
          }
          const setupMillis = Date.now() - booting
          offsetMillis = eight - 10_000 - Date.now()
          const started = Date.now()
          for (const w of workers.values()) w.process.stdin!.write(`start ${offsetMillis}\n`)

          // Until every message is delivered and recorded (or the time is up): the provider
          // has every key and the outbox nothing pending.
          const finished = Effect.suspend(() =>
            peer.accepted.size < messages
              ? Effect.succeed(false)
              : Effect.map(outbox.list(district, "pending"), (pending) => pending.length === 0)
          )
          while (Date.now() - started < 90_000) {
            if (yield* finished) break
            const failed = [...workers.values()].find((w) => w.process.exitCode !== null)
            if (failed !== undefined) throw new Error(`dispatcher ${failed.name} exited: ${failed.errors()}`)
            yield* Effect.sleep("200 millis")
          }
          const elapsed = Date.now() - started
          for (const w of workers.values()) w.process.kill("SIGTERM")
          yield* Effect.promise(() => Promise.all([...workers.values(), killed?.worker].map((w) => w?.closed)))
          const states = yield* outbox.list(district)
          const sent = states.filter((m) => m.status === "sent").length
          const resends = peer.requests.filter((r) => r.outcome === "duplicate")
          const failed = peer.requests.filter((r) => r.outcome === "failed").length
          const urgentEarly = [...peer.accepted.values()].filter((r) => r.at < eight)
          const killedBatch = killed === undefined ? undefined : claims(killed.worker.output()).at(-1)
          const perWorker = Object.fromEntries(
            ["w1", "w2", "w3"].map((w) => [w, peer.requests.filter((r) => r.worker === w && r.outcome === "accepted").length])
          )
          const firstRequest = Math.min(...peer.requests.map((r) => r.at)) - (eight - 10_000)
          console.log(`fleet fault test: ${
            JSON.stringify({
              messages,
              setupMillis,
              elapsedMillis: elapsed,
              firstRequestAfterMillis: firstRequest,
              sent,
              requests: peer.requests.length,
              transientFailures: failed,
              accepted: peer.accepted.size,
              resendsOfAcceptedKeys: resends.length,
              resentKeys: resends.map((r) => r.key),
              killedAfterAccepted: killed?.acceptedBefore,
              killedWorkerLeasedBatch: killedBatch,
              urgentBefore0800: urgentEarly.length,
              deliveredInQuietHours: peer.deliveredInQuietHours.length,
              acceptedPerWorker: perWorker,
              retried: states.filter((m) => m.attempts > 1).length,
              maxAttempts: Math.max(...states.map((m) => m.attempts))
            })
          }`)
          expect(sent, [...workers.values()].map((w) => w.errors()).join("\n")).toBe(messages)

          // 0 lost: all 2,000 sent in the outbox, each key accepted exactly once by the provider.
          expect(states).toHaveLength(messages)
          expect(states.filter((m) => m.status !== "sent")).toEqual([])
          const keys = Array.from({ length: messages }, (_, i) => keyOf(i))
          expect([...peer.accepted.keys()].sort()).toEqual([...keys].sort())
          expect(peer.requests.filter((r) => r.outcome === "accepted")).toHaveLength(messages)

          // 0 delivered in quiet hours; the urgent ones went before 08:00, the others from 08:00.
          expect(peer.deliveredInQuietHours).toEqual([])
          expect(urgentEarly.length).toBeGreaterThan(0)
          expect(urgentEarly.every((r) => Number(r.key.slice("fleet-".length)) % 10 === 0)).toBe(true)

          // The kill happened mid-run, and the restarted worker took part after it.
          expect(killed).toBeDefined()
          expect(killed!.acceptedBefore).toBeLessThan(messages)
          expect(killedBatch).toBeGreaterThan(0)
          expect(killedBatch).toBeLessThanOrEqual(batchSize)
          expect(claims(restarted!.output()).length).toBeGreaterThan(0)

          // Re-sends of an accepted key: the message in flight when w2 died came again once
          // its lease ran out (the provider dropped it), and never more than w2's leased batch.
          expect(resends.length).toBeGreaterThanOrEqual(1)
          expect(resends.length).toBeLessThanOrEqual(killedBatch!)

          // The provider really failed, and the dispatchers really retried and shared the work.
          expect(failed / peer.requests.length).toBeGreaterThan(0.2)
          expect(states.filter((m) => m.attempts > 1).length).toBeGreaterThan(300)
          for (const n of Object.values(perWorker)) expect(n).toBeGreaterThan(100)
        }).pipe(Effect.provide(store))
      }).pipe(Effect.scoped),
    180_000
  )
})
