/**
 * The server processes the `http` benchmark starts (not a benchmark itself):
 *
 * - `ILJARI_BENCH_ROLE=seed`: migrates the storage (`ILJARI_DB` or
 *   `DATABASE_URL`, as `npm start` reads them), creates the demo district at
 *   `ILJARI_HTTP_SCALE` and the demo accounts, and exits.
 * - `ILJARI_BENCH_ROLE=serve`: the example server as `npm start` composes it,
 *   on `PORT`, in `ILJARI_BENCH_WORKERS` processes sharing the port (Node's
 *   cluster module hands each connection to one of them).
 * - `ILJARI_BENCH_ROLE=plain`: a bare `node:http` server answering each
 *   request kind with the bytes the real server answered it with (read from
 *   `ILJARI_BENCH_BODIES`), without routing, authentication or storage.
 * - `ILJARI_BENCH_ROLE=floor`: the same answers from Effect's HTTP server
 *   (`@effect/platform-node`, which the example server is built on), with
 *   nothing else: the most any server on this stack can answer.
 *
 * Each tells its parent `{ ready: port }` over IPC when it listens. A
 * server answers on `PORT + 1` how many SQL statements it has run (one
 * process only: the parent reads it around single requests).
 */
import { HttpServer, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { NodeContext, NodeHttpServer } from "@effect/platform-node"
import { Statement } from "@effect/sql"
import { Argon2, SecondFactorTotp } from "@iljari/auth"
import { Policy } from "@iljari/core"
import { ReportSourceSql } from "@iljari/store-sql"
import { Effect, Layer } from "effect"
import cluster from "node:cluster"
import { readFileSync } from "node:fs"
import { createServer } from "node:http"
import { AccessSettings, demoOfficeNetworks, officeNetworks, policyFrom } from "../examples/server/src/AccessSettings.js"
import { seedDemoAccess } from "../examples/server/src/DemoAccess.js"
import { seedDemo } from "../examples/server/src/Seed.js"
import { HttpLive } from "../examples/server/src/Server.js"
import { Storage } from "../examples/server/src/Storage.js"
import { kindOf } from "./http-workload.js"

const role = process.env["ILJARI_BENCH_ROLE"] ?? "serve"
const port = Number(process.env["PORT"] ?? 0)
const workers = Number(process.env["ILJARI_BENCH_WORKERS"] ?? 1)

const tell = (message: unknown) => process.send?.(message)

const Services = Layer.mergeAll(
  Argon2.layer(),
  SecondFactorTotp.layer({ issuer: "iljari bench" }),
  Layer.succeed(AccessSettings, { secureCookies: false, inOffice: officeNetworks(demoOfficeNetworks) }),
  Layer.succeed(Policy.Policy, policyFrom(() => undefined))
)

if (role === "seed") {
  const seed = Effect.zipRight(seedDemo(Number(process.env["ILJARI_HTTP_SCALE"] ?? 1)), seedDemoAccess)
  await Effect.runPromise(seed.pipe(Effect.provide(Layer.mergeAll(Services, Storage, NodeContext.layer)), Effect.scoped) as Effect.Effect<unknown, unknown>)
  process.exit(0)
} else if (role === "plain") {
  const bodies = JSON.parse(readFileSync(process.env["ILJARI_BENCH_BODIES"]!, "utf8")) as Record<string, { status: number; body: string }>
  const server = createServer((req, res) => {
    // Read the request's body, as a real server must, then answer.
    req.resume()
    req.on("end", () => {
      const answer = bodies[kindOf(req.method ?? "GET", req.url ?? "/")] ?? bodies["list"]!
      res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body)
    })
  })
  server.listen(port, "127.0.0.1", () => tell({ ready: port }))
} else if (role === "floor") {
  const bodies = JSON.parse(readFileSync(process.env["ILJARI_BENCH_BODIES"]!, "utf8")) as Record<string, { status: number; body: string }>
  const app = Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    // Read the request's body, as a real server must, then answer.
    yield* Effect.orDie(request.text)
    const answer = bodies[kindOf(request.method, request.url)] ?? bodies["list"]!
    return HttpServerResponse.text(answer.body, { status: answer.status, contentType: "application/json" })
  })
  const floor = HttpServer.serve(app).pipe(
    Layer.provide(NodeHttpServer.layer(createServer, { port, host: "127.0.0.1" })),
    Layer.tap(() => Effect.sync(() => tell({ ready: port })))
  )
  Effect.runFork(Layer.launch(floor))
} else if (cluster.isPrimary && workers > 1) {
  let ready = 0
  for (let i = 0; i < workers; i++) {
    cluster.fork().on("message", (message: { ready?: number }) => {
      if (message.ready !== undefined && ++ready === workers) tell({ ready: port })
    })
  }
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM")
    process.exit(0)
  })
} else {
  // Exit on SIGTERM, so that a profile (--cpu-prof) is written.
  process.on("SIGTERM", () => process.exit(0))
  // Every SQL statement the server runs is counted; PORT + 1 answers the count,
  // which the parent reads around one request of each kind.
  let statements = 0
  createServer((_req, res) => res.end(String(statements))).listen(port + 1, "127.0.0.1")
  const Counted = Statement.setTransformer((statement) => Effect.sync(() => (statements++, statement)))
  const Main = HttpLive.pipe(
    Layer.provide(Counted),
    Layer.provide(NodeHttpServer.layer(createServer, { port, host: "127.0.0.1" })),
    Layer.provide(Services),
    Layer.provide(ReportSourceSql.layer),
    Layer.provideMerge(Storage),
    Layer.provide(NodeContext.layer)
  )
  await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
    yield* Layer.build(Main)
    tell({ ready: port })
    return yield* Effect.never
  })) as Effect.Effect<unknown, unknown>)
}
