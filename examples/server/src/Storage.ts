/**
 * The server's storage as `npm start` and `npm run admin` open it: an
 * SQLite file (./data/iljari.db, or ILJARI_DB) unless DATABASE_URL names a
 * PostgreSQL database; migrations run first. DATABASE_POOL_SIZE sets how
 * many PostgreSQL connections one server process keeps (20 by default;
 * keep processes × pool size under the server's max_connections).
 */
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Repositories } from "@iljari/core"
import { StoreSql } from "@iljari/store-sql"
import { Effect, Layer, Redacted } from "effect"
import { mkdirSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
export const databaseUrl = process.env["DATABASE_URL"]
export const sqliteFile = resolve(process.env["ILJARI_DB"] ?? join(here, "..", "..", "..", "data", "iljari.db"))

const client: Layer.Layer<SqlClient.SqlClient, unknown> = databaseUrl
  ? PgClient.layer({ url: Redacted.make(databaseUrl), maxConnections: Number(process.env["DATABASE_POOL_SIZE"] ?? 20) })
  : Layer.unwrapEffect(Effect.sync(() => {
    mkdirSync(dirname(sqliteFile), { recursive: true })
    return SqliteClient.layer({ filename: sqliteFile })
  }))

export const Storage = StoreSql.layerWithMigrations.pipe(
  Layer.provideMerge(client),
  Layer.merge(Repositories.IdGenerator.layerRandom)
)
