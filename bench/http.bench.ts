/**
 * http: a bounded load test of the example server on loopback. The server
 * runs over an in-memory store holding a demo district at a tenth of the
 * seeds' scale; autocannon sends authenticated requests for a few seconds
 * per route. The reference, measured in the same run, is a bare Node HTTP
 * server answering the same bytes without routing, authentication, decoding
 * or storage: the ratio is what the whole stack costs.
 */
import { ReportSource } from "@iljari/report"
import { HttpServer } from "@effect/platform"
import { NodeContext, NodeHttpServer } from "@effect/platform-node"
import { JobCenter, Repositories, Seeker } from "@iljari/core"
import autocannon from "autocannon"
import { Argon2, SecondFactorTotp } from "@iljari/auth"
import { Effect, Either, Layer } from "effect"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { generate } from "../examples/server/src/Demo.js"
import { HttpLive } from "../examples/server/src/Server.js"
import { AccessSettings, demoOfficeNetworks, officeNetworks } from "../examples/server/src/AccessSettings.js"
import { demoTokens, seedDemoAccess } from "../examples/server/src/DemoAccess.js"
import { report } from "./measure.js"

const seconds = Number(process.env["ILJARI_HTTP_SECONDS"] ?? 3)
// The demo's read-write API token of Seongdong-gu: every request is authenticated by its digest.
const token = demoTokens.find((t) => t.districtId === "11200" && t.scope === "write")!.secret

const load = (url: string, headers: Record<string, string>) =>
  autocannon({ url, connections: 10, duration: seconds, headers }).then((r) => ({
    requestsPerSecond: Math.round(r.requests.average),
    latencyP50ms: r.latency.p50,
    latencyP99ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors
  }))

const program = Effect.gen(function*() {
  // Seed through the in-memory ports, as the demo does through SQL.
  const data = generate(yield* JobCenter.Config, 2016, 0.1)
  const seekers = yield* Repositories.SeekerRepository
  for (const row of data.seekers) yield* seekers.insert(Either.getOrThrow(Seeker.decodeEither(row)))
  const address = (yield* HttpServer.HttpServer).address as HttpServer.TcpAddress
  const base = `http://127.0.0.1:${address.port}`
  const auth = { authorization: `Bearer ${token}` }
  const route = "/seekers?limit=20"
  const body = yield* Effect.promise(() => fetch(base + route, { headers: auth }).then((r) => r.text()))

  const bare = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body))
  yield* Effect.promise(() => new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve)))
  const barePort = (bare.address() as AddressInfo).port
  const reference = yield* Effect.promise(() => load(`http://127.0.0.1:${barePort}${route}`, {}))
  bare.close()
  const list = yield* Effect.promise(() => load(base + route, auth))
  const first = Either.getOrThrow(Seeker.decodeEither(data.seekers[0]))
  const one = yield* Effect.promise(() => load(`${base}/seekers/${first.id}`, auth))
  report({
    bench: "http",
    seconds,
    connections: 10,
    seekers: data.seekers.length,
    routes: { "GET /seekers?limit=20": list, "GET /seekers/{id}": one },
    reference: { what: "bare node:http answering the same /seekers bytes", ...reference },
    ratio: Number((list.requestsPerSecond / reference.requestsPerSecond).toFixed(3))
  })
})

await Effect.runPromise(program.pipe(
  Effect.provide(HttpLive.pipe(
    Layer.provide(Layer.effectDiscard(seedDemoAccess)),
    Layer.provide(Layer.mergeAll(
      Argon2.layer(),
      SecondFactorTotp.layer({ issuer: "iljari bench" }),
      Layer.succeed(AccessSettings, { secureCookies: false, inOffice: officeNetworks(demoOfficeNetworks) })
    )),
    Layer.provide(ReportSource.layerMemory),
    Layer.provideMerge(Layer.merge(Repositories.layerMemory, Repositories.IdGenerator.layerSequential)),
    Layer.provideMerge(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })),
    Layer.provide(NodeContext.layer)
  )),
  Effect.scoped
))
process.exit(0)
