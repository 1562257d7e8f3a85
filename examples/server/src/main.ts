/**
 * `npm start`: the demo district server on http://127.0.0.1:8080.
 *
 * Storage is an SQLite file (./data/iljari.db) unless DATABASE_URL names a
 * PostgreSQL database; migrations run at start, and the demo district is
 * created on the first run. Users and their bearer tokens come from
 * users.json (USERS_FILE to use another).
 */
import { HttpServer } from "@effect/platform"
import { NodeContext, NodeHttpServer, NodeRuntime } from "@effect/platform-node"
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Repositories } from "@iljari/core"
import { ReportSourceSql, StoreSql } from "@iljari/store-sql"
import { Console, Effect, Layer, Redacted, Schema } from "effect"
import { mkdirSync, readFileSync } from "node:fs"
import { createServer } from "node:http"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { seedDemo } from "./Seed.js"
import { HttpLive } from "./Server.js"
import { Users, UsersFile } from "./Users.js"

const here = dirname(fileURLToPath(import.meta.url))
const port = Number(process.env["PORT"] ?? 8080)
const host = process.env["HOST"] ?? "127.0.0.1"
const usersFile = process.env["USERS_FILE"] ?? join(here, "..", "users.json")
const databaseUrl = process.env["DATABASE_URL"]
const sqliteFile = resolve(process.env["ILJARI_DB"] ?? join(here, "..", "..", "..", "data", "iljari.db"))

const client: Layer.Layer<SqlClient.SqlClient, unknown> = databaseUrl
  ? PgClient.layer({ url: Redacted.make(databaseUrl) })
  : Layer.unwrapEffect(Effect.sync(() => {
    mkdirSync(dirname(sqliteFile), { recursive: true })
    return SqliteClient.layer({ filename: sqliteFile })
  }))

const Storage = StoreSql.layerWithMigrations.pipe(
  Layer.provideMerge(client),
  Layer.merge(Repositories.IdGenerator.layerRandom)
)

const announce = Effect.gen(function*() {
  const users = Schema.decodeUnknownSync(UsersFile)(readFileSync(usersFile, "utf8"))
  const base = `http://${host}:${port}`
  yield* Console.log([
    "",
    `iljari demo server — ${databaseUrl ? "PostgreSQL" : `SQLite ${sqliteFile}`}`,
    `  API reference  ${base}/docs`,
    `  OpenAPI        ${base}/openapi.json`,
    "  Demo users (Authorization: Bearer <token>):",
    ...users.map((u) => `    ${u.token.padEnd(30)} ${u.role.padEnd(9)} ${u.districtId} ${u.name}`),
    `  Try: curl -H "Authorization: Bearer ${users[0]?.token}" "${base}/seekers?limit=2"`,
    ""
  ].join("\n"))
})

const Main = HttpLive.pipe(
  HttpServer.withLogAddress,
  Layer.provide(NodeHttpServer.layer(createServer, { port, host })),
  Layer.provide(Users.fromFile(usersFile)),
  Layer.provide(Layer.effectDiscard(Effect.zipRight(seedDemo(), announce))),
  Layer.provide(ReportSourceSql.layer),
  Layer.provideMerge(Storage),
  Layer.provide(NodeContext.layer)
)

NodeRuntime.runMain(Layer.launch(Main))
