// The SQL ReportSource on the backends of report's source suite: store-sql's
// tables on a SQLite file and on a PostgreSQL database, migrated and empty.
// (Moved from packages/report/test/backends.ts with the SQL source.)
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Effect, Layer, Redacted } from "effect"
import type { Backend } from "@iljari/test-support/report/backends"
import { ReportSourceSql, StoreSql } from "../src/index.js"
import { postgresDatabase, sqliteFile } from "@iljari/test-support/storage/backends"

const overSql = (client: Layer.Layer<SqlClient.SqlClient, unknown>) =>
  Layer.merge(ReportSourceSql.layer, StoreSql.layerWithMigrations).pipe(Layer.provide(client))

export const sqlite: Backend = {
  name: "SQLite",
  layer: () => Layer.unwrapScoped(Effect.map(sqliteFile(), (filename) => overSql(SqliteClient.layer({ filename }))))
}

export const postgres = (serverUrl: string): Backend => ({
  name: "PostgreSQL",
  layer: () =>
    Layer.unwrapScoped(Effect.map(postgresDatabase(serverUrl), ({ url }) =>
      overSql(PgClient.layer({ url: Redacted.make(url), maxConnections: 4 }))))
})
