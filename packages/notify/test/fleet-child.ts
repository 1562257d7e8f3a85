/**
 * One dispatcher process of the fleet fault test: `Dispatcher.run` over the
 * PostgreSQL outbox, delivering through `httpNotifier.ts`, on a clock shifted
 * by an offset. Without `offsetMillis` in its options it connects, prints
 * "ready" and waits for a line "start <offsetMillis>" on stdin, so that its
 * start-up does not eat into the run. Prints "claimed N at <ms>" for every
 * claim; SIGTERM stops it.
 *
 *   node --import tsx --conditions=@iljari/source fleet-child.ts '{"databaseUrl":…,"peer":…,"worker":…,…}'
 *
 * (`fleet.test.ts` bundles it with esbuild first, so that each process boots fast.)
 */
import { PgClient } from "@effect/sql-pg"
import { Outbox, Repositories } from "@iljari/core"
import { StoreSql } from "@iljari/store-sql"
import { Cause, Clock, Effect, Exit, Fiber, Layer, Redacted, Schedule } from "effect"
import { Dispatcher } from "../src/index.js"
import { config as center, district } from "./fixtures.js"
import { layerHttp } from "./httpNotifier.js"

interface Options {
  readonly databaseUrl: string
  readonly peer: string
  readonly worker: string
  readonly offsetMillis?: number
  readonly batchSize: number
  readonly leaseMillis: number
}

const options = JSON.parse(process.argv[2]!) as Options

// The real clock, shifted: the run starts just before 08:00 Korea time.
let offset = options.offsetMillis ?? 0
const real = Clock.make()
const shifted: Clock.Clock = {
  [Clock.ClockTypeId]: Clock.ClockTypeId,
  unsafeCurrentTimeMillis: () => real.unsafeCurrentTimeMillis() + offset,
  currentTimeMillis: Effect.sync(() => real.unsafeCurrentTimeMillis() + offset),
  unsafeCurrentTimeNanos: () => real.unsafeCurrentTimeNanos() + BigInt(offset) * 1_000_000n,
  currentTimeNanos: Effect.sync(() => real.unsafeCurrentTimeNanos() + BigInt(offset) * 1_000_000n),
  sleep: (duration) => real.sleep(duration)
}

// The offset, from the line "start <offsetMillis>" on stdin.
const startSignal = Effect.async<number>((resume) => {
  let input = ""
  process.stdin.on("data", (chunk: Buffer) => {
    input += chunk.toString()
    const start = input.match(/^start (-?\d+)$/m)
    if (start !== null) resume(Effect.succeed(Number(start[1])))
  })
})

const config: Dispatcher.Config = {
  ...Dispatcher.defaults,
  ...center,
  worker: options.worker,
  batchSize: options.batchSize,
  leaseFor: `${options.leaseMillis} millis`,
  pollInterval: "50 millis",
  maxAttempts: 20,
  // 50 ms doubling, at most half a second, jittered.
  backoff: Schedule.exponential("50 millis", 2).pipe(Schedule.union(Schedule.spaced("500 millis")), Schedule.jittered)
}

const storage = StoreSql.layer.pipe(
  Layer.provideMerge(PgClient.layer({ url: Redacted.make(options.databaseUrl), maxConnections: 3 }))
)

const program = Effect.gen(function*() {
  const outbox = yield* Outbox.Outbox
  if (options.offsetMillis === undefined) {
    // Connected and warmed up, then wait for the start.
    yield* Effect.flatMap(Repositories.SeekerRepository, (r) => r.list(district, { limit: 1 }))
    process.stdout.write("ready\n")
    offset = yield* startSignal
  }
  const reported: Outbox.Outbox["Type"] = {
    ...outbox,
    claim: (...args) =>
      Effect.tap(outbox.claim(...args), ({ messages }) =>
        messages.length === 0 ? Effect.void : Effect.sync(() => void process.stdout.write(`claimed ${messages.length} at ${Date.now()}\n`)))
  }
  return yield* Dispatcher.run(config).pipe(Effect.provideService(Outbox.Outbox, reported))
}).pipe(Effect.withClock(shifted), Effect.provide(Layer.merge(storage, layerHttp(options.peer, options.worker))))

const fiber = Effect.runFork(program)
fiber.addObserver((exit) => {
  if (Exit.isFailure(exit) && !Cause.isInterruptedOnly(exit.cause)) {
    process.stderr.write(`dispatcher ${options.worker} failed: ${String(exit.cause)}\n`)
    process.exit(1)
  }
})
process.on("SIGTERM", () => {
  Effect.runPromise(Fiber.interrupt(fiber)).then(() => process.exit(0))
})
