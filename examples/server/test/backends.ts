/**
 * The real server over each SQL backend the library supports: an SQLite file
 * and a PostgreSQL database of the test run's server, migrated and empty.
 */
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Repositories } from "@iljari/core"
import { ReportSourceSql, StoreSql } from "@iljari/store-sql"
import { Effect, Layer, Redacted } from "effect"
import { postgresDatabase, sqliteFile } from "@iljari/test-support/storage/backends"
import { serverWith } from "./server.js"

const storageOver = (client: Layer.Layer<SqlClient.SqlClient, unknown>, ids = Repositories.IdGenerator.layerSequential) =>
  ReportSourceSql.layer.pipe(
    Layer.provideMerge(
      StoreSql.layerWithMigrations.pipe(Layer.provideMerge(client), Layer.merge(ids))
    )
  )

/**
 * One server process's storage on an existing PostgreSQL database, with
 * random ids, as each of several processes serving one database opens it.
 */
export const postgresStorageAt = (url: string) =>
  storageOver(PgClient.layer({ url: Redacted.make(url) }), Repositories.IdGenerator.layerRandom)

/** A new SQLite file, migrated, with the reports counted in SQL, as `npm start` runs it. */
export const sqliteStorage = () =>
  storageOver(Layer.unwrapScoped(Effect.map(sqliteFile(), (filename) => SqliteClient.layer({ filename }))))

/** A new database of the run's PostgreSQL server, migrated, with the reports counted in SQL. */
export const postgresStorage = (serverUrl: string) =>
  storageOver(
    Layer.unwrapScoped(Effect.map(postgresDatabase(serverUrl), ({ url }) => PgClient.layer({ url: Redacted.make(url) })))
  )

/** The server on a new SQLite file. */
export const sqliteServer = () => serverWith({ storage: sqliteStorage() })

/** The server on a new database of the run's PostgreSQL server. */
export const postgresServer = (serverUrl: string) => serverWith({ storage: postgresStorage(serverUrl) })
