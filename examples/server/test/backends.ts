/**
 * The real server over each SQL backend the library supports: an SQLite file
 * and a PostgreSQL database of the test run's server, migrated and empty.
 */
import { NodeHttpServer } from "@effect/platform-node"
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Repositories } from "@iljari/core"
import { ReportSourceSql, StoreSql } from "@iljari/store-sql"
import { Effect, Layer, Redacted } from "effect"
import { postgresDatabase, sqliteFile } from "@iljari/testing/storage/backends"
import { HttpLive } from "../src/Server.js"
import { seedDemoAccess } from "../src/DemoAccess.js"
import { accessFor } from "./server.js"

const serverOver = (client: Layer.Layer<SqlClient.SqlClient, unknown>) =>
  HttpLive.pipe(
    Layer.provide(Layer.effectDiscard(seedDemoAccess)),
    Layer.provide(accessFor()),
    Layer.provide(ReportSourceSql.layer),
    Layer.provideMerge(
      StoreSql.layerWithMigrations.pipe(Layer.provideMerge(client), Layer.merge(Repositories.IdGenerator.layerSequential))
    ),
    Layer.provideMerge(NodeHttpServer.layerTest),
    Layer.orDie
  )

/** The server on a new SQLite file, as `npm start` runs it. */
export const sqliteServer = () =>
  serverOver(Layer.unwrapScoped(Effect.map(sqliteFile(), (filename) => SqliteClient.layer({ filename }))))

/** The server on a new database of the run's PostgreSQL server. */
export const postgresServer = (serverUrl: string) =>
  serverOver(
    Layer.unwrapScoped(Effect.map(postgresDatabase(serverUrl), ({ url }) => PgClient.layer({ url: Redacted.make(url) })))
  )
