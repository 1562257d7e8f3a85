/**
 * `npm start`: the demo district server on http://127.0.0.1:8080.
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
 * for single sign-on. The edge's settings too: BODY_LIMIT_BYTES, TRUSTED_PROXIES,
 * SIGN_IN_RATE_LIMIT and HEAVY_RATE_LIMIT (SECURE_COOKIES=true also sends HSTS);
 * see `Edge.edgeSettingsFrom`.
 */
import { HttpServer } from "@effect/platform"
import { NodeContext, NodeHttpServer, NodeRuntime } from "@effect/platform-node"
import { Argon2, SecondFactorTotp } from "@iljari/auth"
import { Policy } from "@iljari/core"
import { ReportSourceSql } from "@iljari/store-sql"
import { Console, Effect, Layer, Redacted } from "effect"
import { createServer } from "node:http"
import { AccessSettings, demoOfficeNetworks, officeNetworks, policyFrom } from "./AccessSettings.js"
import { demoAccounts, demoPassword, demoTokens, seedDemoAccess } from "./DemoAccess.js"
import { EdgeSettings, edgeSettingsFrom } from "./Edge.js"
import { seedDemo } from "./Seed.js"
import { HttpLive } from "./Server.js"
import { databaseUrl, sqliteFile, Storage } from "./Storage.js"

const port = Number(process.env["PORT"] ?? 8080)
const host = process.env["HOST"] ?? "127.0.0.1"

const env = (name: string) => {
  const value = process.env[name]?.trim()
  return value === undefined || value === "" ? undefined : value
}

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
  Layer.provide(NodeHttpServer.layer(createServer, { port, host })),
  Layer.provide(Layer.effectDiscard(Effect.zipRight(Effect.zipRight(seedDemo(), seedDemoAccess), announce))),
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
