import { ReportSource } from "@iljari/report"
import { Cookies, HttpApiClient, HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Argon2, SecondFactorTotp } from "@iljari/auth"
import { type Password, Policy, Repositories, type SecondFactor } from "@iljari/core"
import { ReportSourceSql, StoreSql } from "@iljari/store-sql"
import { Effect, Layer } from "effect"
import { Api } from "../src/Api.js"
import { AccessSettings, demoOfficeNetworks, officeNetworks, policyFrom } from "../src/AccessSettings.js"
import { demoAccounts, demoPassword, demoTokens, seedDemoAccess } from "../src/DemoAccess.js"
import { defaults as edgeDefaults, EdgeSettings } from "../src/Edge.js"
import { seedDemo } from "../src/Seed.js"
import { HttpLive } from "../src/Server.js"

/**
 * What the server's staff access needs, as `npm start` provides it: real
 * Argon2id (cheaper parameters, so that hundreds of sign-ins stay quick),
 * real TOTP, the demo's office networks (loopback is an office) and its
 * demo accounts and tokens.
 */
export const testArgon2 = Argon2.layer({ memoryCost: 4096, timeCost: 1 })

export const accessFor = (settings: Partial<typeof AccessSettings.Service> = {}) =>
  Layer.mergeAll(
    testArgon2,
    SecondFactorTotp.layer({ issuer: "iljari test" }),
    Layer.succeed(AccessSettings, { secureCookies: false, inOffice: officeNetworks(demoOfficeNetworks), ...settings }),
    Layer.succeed(Policy.Policy, policyFrom(() => undefined))
  )

/** The sign-in name of a demo staff member by role and district. */
export const staffLogin = (role: string, district = "11200") =>
  demoAccounts.find((a) => a.role === role && a.districtId === district)!.login

/** The sign-in name of a demo staff member by staff id. */
export const loginOf = (counselorId: string) => demoAccounts.find((a) => a.id === counselorId)!.login

/** A demo API token's secret by scope and district. */
export const apiToken = (scope: "read" | "write", district = "11200") =>
  demoTokens.find((t) => t.scope === scope && t.districtId === district)!.secret

/** The memory layers with the reports counted over them: a fresh, empty store per call. */
export const memoryStorage = () =>
  ReportSource.layerMemory.pipe(Layer.provideMerge(Layer.merge(Repositories.layerMemory, Repositories.IdGenerator.layerSequential)))

/**
 * The edge as tests meet it: the defaults, but rate limits no test run
 * reaches (a test signs in from one address far more often than people do);
 * edge.test.ts sets the limits it checks.
 */
export const testEdge: EdgeSettings["Type"] = {
  ...edgeDefaults,
  signInLimit: { ...edgeDefaults.signInLimit, limit: 100_000 },
  heavyLimit: { ...edgeDefaults.heavyLimit, limit: 100_000 }
}

/**
 * The real server with the demo's accounts and tokens, over a storage, with
 * staff access as given (the demo's by default), on a free loopback port
 * with a client pointed at it unless another HTTP server is given.
 */
export const serverWith = (options: {
  readonly storage: Layer.Layer<any, any, any>
  readonly access?: Layer.Layer<AccessSettings | Password.PasswordHasher | SecondFactor.SecondFactor>
  readonly http?: Layer.Layer<any, any, any>
  /** The edge's settings (body limit, trusted proxies, TLS, rate limits); `testEdge` otherwise. */
  readonly edge?: Partial<EdgeSettings["Type"]>
}) =>
  HttpLive.pipe(
    Layer.provide(Layer.succeed(EdgeSettings, { ...testEdge, ...options.edge })),
    Layer.provide(Layer.effectDiscard(seedDemoAccess)),
    Layer.provide(options.access ?? accessFor()),
    Layer.provideMerge(options.storage),
    Layer.provideMerge(options.http ?? NodeHttpServer.layerTest),
    Layer.orDie
  ) as unknown as Layer.Layer<HttpClient.HttpClient | Repositories.Ports>

/** The real server over the memory layers, with staff access as given. */
export const testServerWith = (access: Layer.Layer<AccessSettings | Password.PasswordHasher | SecondFactor.SecondFactor>) =>
  serverWith({ storage: memoryStorage(), access })

/** The real server on a free loopback port, over the memory layers, with the demo's staff access. */
export const TestServer = serverWith({ storage: memoryStorage() })

/**
 * Signs a demo staff member in over HTTP, as a browser would: what each of
 * their later requests must carry (the session cookie and the CSRF token).
 */
export const signIn = (login: string, password = demoPassword) =>
  Effect.gen(function*() {
    const http = yield* HttpClient.HttpClient
    const response = yield* http.execute(
      HttpClientRequest.post("/auth/sign-in").pipe(HttpClientRequest.bodyUnsafeJson({ login, password }))
    )
    const body = (yield* response.json) as { readonly csrfToken?: string }
    const cookie = Cookies.toRecord(response.cookies)["iljari_session"]
    if (response.status !== 200 || cookie === undefined || body.csrfToken === undefined) {
      return yield* Effect.dieMessage(`${login} could not sign in: ${response.status} ${JSON.stringify(body)}`)
    }
    return { cookie, csrfToken: body.csrfToken }
  }).pipe(Effect.scoped)

/** A request transformer acting as a signed-in demo staff member. */
export const as = (login: string) =>
  Effect.map(signIn(login), ({ cookie, csrfToken }) => (request: HttpClientRequest.HttpClientRequest) =>
    request.pipe(HttpClientRequest.setHeaders({ cookie: `iljari_session=${cookie}`, "x-csrf-token": csrfToken })))

/** An answer's status and JSON body. */
export interface Answer {
  readonly status: number
  readonly json: any
}

/** Requests as one demo staff member, each answered with its status and JSON body (for races and refusals). */
export const caller = (login: string) =>
  Effect.gen(function*() {
    const http = yield* HttpClient.HttpClient
    const signed = yield* as(login)
    return (method: "GET" | "POST" | "PUT", path: string, body?: unknown) =>
      (method === "GET" ? HttpClientRequest.get(path) : method === "PUT" ? HttpClientRequest.put(path) : HttpClientRequest.post(path)).pipe(
        signed,
        body === undefined ? (r) => r : HttpClientRequest.bodyUnsafeJson(body),
        http.execute,
        Effect.flatMap((response) =>
          Effect.map(response.text, (text): Answer => ({ status: response.status, json: text === "" ? undefined : JSON.parse(text) }))
        ),
        Effect.scoped
      )
  })

/** A typed client of the API, signed in as a demo staff member. */
export const clientFor = (login: string) =>
  Effect.flatMap(as(login), (signed) => HttpApiClient.make(Api, { transformClient: HttpClient.mapRequest(signed) }))

/** A typed client of the API, acting with an API token. */
export const clientWithToken = (bearer: string) =>
  HttpApiClient.make(Api, { transformClient: HttpClient.mapRequest(HttpClientRequest.bearerToken(bearer)) })

export const raw = Effect.map(HttpClient.HttpClient, (client) => client)

/**
 * The real server over SQLite (an in-memory database, migrated), with the
 * reports counted by store-sql's `ReportSourceSql.layer` as `npm start` does, and the demo
 * district seeded at a small scale.
 */
export const SqliteTestServer = (scale: number) =>
  HttpLive.pipe(
    Layer.provide(Layer.succeed(EdgeSettings, testEdge)),
    Layer.provide(Layer.effectDiscard(Effect.zipRight(seedDemo(scale), seedDemoAccess))),
    Layer.provide(accessFor()),
    Layer.provide(ReportSourceSql.layer),
    Layer.provideMerge(
      StoreSql.layerWithMigrations.pipe(
        Layer.provideMerge(SqliteClient.layer({ filename: ":memory:" })),
        Layer.merge(Repositories.IdGenerator.layerSequential)
      )
    ),
    Layer.provideMerge(NodeHttpServer.layerTest),
    Layer.orDie
  )
