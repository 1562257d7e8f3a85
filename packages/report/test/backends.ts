// The storage backends the ReportSource suite runs against: the memory source
// over the core's memory repositories, and the SQL source over the
// @iljari/store-sql tables on a SQLite file and on a PostgreSQL database.
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Repositories } from "@iljari/core"
import { StoreSql } from "@iljari/store-sql"
import { Effect, Layer, Redacted } from "effect"
import { postgresDatabase, sqliteFile } from "@iljari/testing/storage/backends"
import { ReportSource } from "../src/ReportSource.js"

export type Repos =
  | Repositories.SeekerRepository
  | Repositories.OpeningRepository
  | Repositories.CounselingRepository
  | Repositories.ReferralRepository
  | Repositories.PlacementRepository
  | Repositories.FollowUpRepository

export interface Backend {
  readonly name: string
  /** A fresh, empty store with the report source over it. */
  readonly layer: () => Layer.Layer<ReportSource | Repos, unknown>
}

export const memory: Backend = {
  name: "memory",
  layer: () => ReportSource.layerMemory.pipe(Layer.provideMerge(Repositories.layerMemory))
}

const overSql = (client: Layer.Layer<SqlClient.SqlClient, unknown>) =>
  Layer.merge(ReportSource.layerSql, StoreSql.layerWithMigrations).pipe(Layer.provide(client))

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
