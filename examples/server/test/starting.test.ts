/**
 * `npm start` answers at once: its port answers 503 with `Retry-After` in the
 * API's error shape — `Starting`, then `PreparingDemoData` while a first
 * start creates the demo district — and then the API, with the demo data.
 * The port, the demo's preparation and the server are main.ts's (through
 * Starting.ts and Launch.ts), over an SQLite file, at a small scale.
 */
import { SqliteClient } from "@effect/sql-sqlite-node"
import { describe, expect, it } from "@effect/vitest"
import { Repositories } from "@iljari/core"
import { ReportSourceSql, StoreSql } from "@iljari/store-sql"
import { sqliteFile } from "@iljari/test-support/storage/backends"
import { Deferred, Effect, Fiber, Layer } from "effect"
import { layerServer, prepareDemo } from "../src/Launch.js"
import { HttpLive } from "../src/Server.js"
import * as Starting from "../src/Starting.js"
import { accessFor, apiToken } from "./server.js"

interface Answer {
  readonly status: number
  readonly retryAfter: string | null
  readonly body: { readonly _tag?: string; readonly message?: string; readonly messageKo?: string }
}

const get = (starting: Starting.Starting, path: string, headers: Record<string, string> = {}) =>
  Effect.promise(() =>
    fetch(`http://127.0.0.1:${starting.port}${path}`, { headers }).then(async (r): Promise<Answer> => ({
      status: r.status,
      retryAfter: r.headers.get("retry-after"),
      body: await r.json()
    }))
  )

// Asks again until `done` holds, as a client told to retry would.
const until = (ask: Effect.Effect<Answer>, done: (answer: Answer) => boolean) =>
  Effect.repeat(Effect.delay(ask, "20 millis"), { until: done }).pipe(Effect.timeout("60 seconds"))

// The port `main.ts` opens first, on a free loopback port, closed at the end.
const listen = Effect.acquireRelease(
  Effect.promise(() => Starting.listen({ host: "127.0.0.1", port: 0 })),
  (starting) => Effect.promise(starting.close)
)

// What `Launch.launch` runs, over an SQLite file: the demo prepared on the port (each phase it
// announces noted in `phases`), then `prepared` is completed and `held` awaited, then the API takes the port.
const launch = (
  starting: Starting.Starting,
  filename: string,
  gates: { readonly prepared: Deferred.Deferred<void>; readonly held: Deferred.Deferred<void> },
  phases: Array<Starting.Phase>
) => {
  const noting: Starting.Starting = {
    ...starting,
    phase: (phase) => {
      phases.push(phase)
      starting.phase(phase)
    }
  }
  return HttpLive.pipe(
    Layer.provide(layerServer(noting)),
    Layer.provide(Layer.effectDiscard(prepareDemo(noting, 0.02).pipe(
      Effect.zipRight(Deferred.succeed(gates.prepared, undefined)),
      Effect.zipRight(Deferred.await(gates.held))
    ))),
    Layer.provide(accessFor()),
    Layer.provide(ReportSourceSql.layer),
    Layer.provideMerge(
      StoreSql.layerWithMigrations.pipe(
        Layer.provideMerge(SqliteClient.layer({ filename })),
        // Random ids, as npm start's: a second start must not reuse the first one's.
        Layer.merge(Repositories.IdGenerator.layerRandom)
      )
    ),
    Layer.launch,
    Effect.orDie
  )
}

// One start on `filename`: what the port answered once the demo was prepared and before the API
// took over, the phases announced, and the first answers of the API.
const start = (filename: string) =>
  Effect.scoped(Effect.gen(function*() {
    const starting = yield* listen
    const gates = { prepared: yield* Deferred.make<void>(), held: yield* Deferred.make<void>() }
    const phases: Array<Starting.Phase> = []
    const server = yield* Effect.forkScoped(launch(starting, filename, gates, phases))
    // (A server that fails to start fails the test at once.)
    yield* Effect.raceFirst(Deferred.await(gates.prepared), Fiber.join(server))
    const whilePreparing = { openApi: yield* get(starting, "/openapi.json"), seekers: yield* seekers(starting) }
    yield* Deferred.succeed(gates.held, undefined)
    const openApi = yield* until(get(starting, "/openapi.json"), (a) => a.status !== 503)
    return { whilePreparing, phases, openApi, seekers: yield* seekers(starting) }
  }))

const seekers = (starting: Starting.Starting) => get(starting, "/seekers?limit=1", { authorization: `Bearer ${apiToken("read")}` })

describe("npm start's port", () => {
  it.scopedLive("answers 503 Starting before anything has loaded, on every path, in the API's error shape", () =>
    Effect.gen(function*() {
      const starting = yield* listen
      for (const path of ["/openapi.json", "/seekers?limit=1", "/app/", "/docs"]) {
        const answer = yield* get(starting, path)
        expect(answer).toEqual({
          status: 503,
          retryAfter: String(Starting.retryAfterSeconds),
          body: {
            _tag: "Starting",
            message: "The server is starting; ask again in a few seconds",
            messageKo: "서버를 시작하는 중입니다. 몇 초 뒤에 다시 요청하세요"
          }
        })
      }
    }))

  it.scopedLive("answers 503 PreparingDemoData while a first start creates the demo, then the API with the demo data; a second start is never preparing", () =>
    Effect.gen(function*() {
      const filename = yield* sqliteFile()

      const first = yield* start(filename)
      expect(first.phases).toEqual(["PreparingDemoData"])
      for (const answer of [first.whilePreparing.openApi, first.whilePreparing.seekers]) {
        expect(answer.status).toBe(503)
        expect(answer.retryAfter).toBe(String(Starting.retryAfterSeconds))
        expect(answer.body).toEqual({
          _tag: "PreparingDemoData",
          message: "The server is creating the demo district (first start only); ask again in a few seconds",
          messageKo: "데모 자치구 자료를 만드는 중입니다(처음 시작할 때만). 몇 초 뒤에 다시 요청하세요"
        })
      }
      expect(first.openApi.status).toBe(200)
      expect(first.seekers.status).toBe(200)
      expect(first.seekers.body).toHaveLength(1)

      // The data is there: the port says Starting until the API serves the same demo.
      const second = yield* start(filename)
      expect(second.phases).toEqual([])
      expect(second.whilePreparing.openApi.body._tag).toBe("Starting")
      expect(second.openApi.status).toBe(200)
      expect(second.seekers.body).toEqual(first.seekers.body)
    }))
})
