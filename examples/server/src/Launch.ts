/**
 * The server as `npm start` runs it, on the port `main.ts` is already
 * listening on (see Starting.ts): storage, then the demo district and the
 * demo staff access, then the announcement, then the API takes the port over.
 *
 * Storage is an SQLite file (./data/iljari.db) unless DATABASE_URL names a
 * PostgreSQL database; migrations run at start, and the demo district is
 * created on the first run, with demo staff accounts and API tokens (printed
 * at start). Access settings come from the environment: OFFICE_NETWORKS
 * (CIDR blocks, comma-separated; from elsewhere a second factor is
 * required), SECURE_COOKIES=true when it is served over TLS (the demo is
 * plain HTTP on loopback), the sign-in policy (MAX_FAILED_SIGN_INS,
 * LOCK_MINUTES, IDLE_MINUTES, SESSION_HOURS, SECOND_FACTOR_ROLES,
 * SECOND_FACTOR_DISTRICTS), and OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI
 * for single sign-on. The edge's settings too: BODY_LIMIT_BYTES, IMPORT_BODY_LIMIT_BYTES, TRUSTED_PROXIES,
 * SIGN_IN_RATE_LIMIT, HEAVY_RATE_LIMIT and SURVEY_RATE_LIMIT (SECURE_COOKIES=true also sends HSTS);
 * see `Edge.edgeSettingsFrom`.
 */
import { HttpServer } from "@effect/platform"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Argon2, SecondFactorTotp } from "@iljari/auth"
import { Policy } from "@iljari/core"
import { ReportSourceSql } from "@iljari/store-sql"
import { Console, Effect, Layer, Redacted } from "effect"
import { AccessSettings, demoOfficeNetworks, officeNetworks, policyFrom } from "./AccessSettings.js"
import { demoAccounts, demoPassword, demoTokens, seedDemoAccess } from "./DemoAccess.js"
import { EdgeSettings, edgeSettingsFrom } from "./Edge.js"
import { createDemo, hasDemo } from "./Seed.js"
import { HttpLive } from "./Server.js"
import type * as Starting from "./Starting.js"
import { databaseUrl, sqliteFile, Storage } from "./Storage.js"

const env = (name: string) => {
  const value = process.env[name]?.trim()
  return value === undefined || value === "" ? undefined : value
}

/**
 * The HTTP server over the port `Starting.listen` holds: serving hands it
 * every request (until then it answers 503), and closing the scope stops
 * listening. No WebSocket upgrades: the API and the web app use none.
 */
export const layerServer = (starting: Starting.Starting) =>
  Layer.merge(
    Layer.scoped(
      HttpServer.HttpServer,
      Effect.gen(function*() {
        yield* Effect.addFinalizer(() => Effect.promise(starting.close))
        const bound = starting.server.address()
        const hostname = typeof bound === "object" && bound !== null ? bound.address : starting.host
        return HttpServer.make({
          address: { _tag: "TcpAddress", hostname: hostname === "::" ? "0.0.0.0" : hostname, port: starting.port },
          serve: (app, middleware) =>
            Effect.acquireRelease(
              Effect.map(NodeHttpServer.makeHandler(app, middleware as never), starting.serve),
              () => Effect.sync(() => starting.serve(undefined))
            )
        })
      })
    ),
    NodeHttpServer.layerContext
  )

/**
 * The demo district and the demo staff access, as a first start creates them
 * (`scale` 1: the seeds' size); the port answers `PreparingDemoData` while
 * the district is being created.
 */
export const prepareDemo = (starting: Starting.Starting, scale = 1) =>
  Effect.gen(function*() {
    if (!(yield* hasDemo)) {
      starting.phase("PreparingDemoData")
      yield* createDemo(scale)
    }
    yield* seedDemoAccess
  })

/** Runs the server on the port `main.ts` listens on, until it is stopped. */
export const launch = (starting: Starting.Starting) => {
  const { host, port } = starting
  const issuer = env("OIDC_ISSUER")
  const Access = Layer.succeed(AccessSettings, {
    secureCookies: env("SECURE_COOKIES") === undefined ? false : env("SECURE_COOKIES") === "true",
    inOffice: officeNetworks(env("OFFICE_NETWORKS")?.split(",") ?? demoOfficeNetworks),
    ...(issuer === undefined ? {} : {
      singleSignOn: {
        config: {
          issuer,
          clientId: env("OIDC_CLIENT_ID") ?? "iljari",
          ...(env("OIDC_CLIENT_SECRET") === undefined ? {} : { clientSecret: Redacted.make(env("OIDC_CLIENT_SECRET")!) }),
          redirectUri: env("OIDC_REDIRECT_URI") ?? `http://${host}:${port}/auth/sso/callback`
        },
        afterSignIn: "/"
      }
    })
  })

  const announce = Effect.gen(function*() {
    const base = `http://${host}:${port}`
    yield* Console.log([
      "",
      `iljari demo server — ${databaseUrl ? "PostgreSQL" : `SQLite ${sqliteFile}`}`,
      `  API reference  ${base}/docs`,
      `  OpenAPI        ${base}/openapi.json`,
      `  DEMO staff accounts (password for all: ${demoPassword}; demo only, published):`,
      ...demoAccounts.map((a) => `    ${a.login.padEnd(24)} ${a.role.padEnd(9)} ${a.districtId} ${a.name}`),
      "  DEMO API tokens (Authorization: Bearer <token>; demo only, published):",
      ...demoTokens.map((t) => `    ${t.secret} ${t.scope.padEnd(5)} ${t.districtId} ${t.name}`),
      `  Try: curl -H "Authorization: Bearer ${demoTokens[0]!.secret}" "${base}/seekers?limit=2"`,
      `   or: curl -c jar -H "content-type: application/json" -d '{"login":"${demoAccounts[0]!.login}","password":"${demoPassword}"}' ${base}/auth/sign-in`,
      ""
    ].join("\n"))
  })

  const Main = HttpLive.pipe(
    HttpServer.withLogAddress,
    Layer.provide(layerServer(starting)),
    Layer.provide(Layer.effectDiscard(Effect.zipRight(prepareDemo(starting), announce))),
    Layer.provide(Layer.mergeAll(
      Argon2.layer(),
      SecondFactorTotp.layer({ issuer: "iljari 데모" }),
      Access,
      Layer.succeed(Policy.Policy, policyFrom(env)),
      Layer.succeed(EdgeSettings, edgeSettingsFrom(env))
    )),
    Layer.provide(ReportSourceSql.layer),
    Layer.provideMerge(Storage),
    Layer.provide(NodeContext.layer)
  )

  NodeRuntime.runMain(Layer.launch(Main))
}
