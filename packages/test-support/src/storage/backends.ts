import { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Repositories } from "@iljari/core"
import { Effect, Layer, Redacted } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"
import { StoreSql } from "@iljari/store-sql"

import { StorageSuite } from "@iljari/testing"

export type Backend = StorageSuite.Backend
type StoredText = StorageSuite.StoredText

export const memory: Backend = {
  name: "memory",
  layer: () => Layer.merge(Repositories.layerMemory, Repositories.IdGenerator.layerSequential),
  scan: Effect.map(Repositories.MemoryDatabase, (db) => StorageSuite.textsOf("memory", db.tables))
}

// Every table's every column: the catalog names the tables, whatever migration made them.
const scanSql = (tables: Effect.Effect<ReadonlyArray<string>, unknown, SqlClient.SqlClient>) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const found: Array<StoredText> = []
    for (const table of yield* tables) {
      const rows = yield* sql<Record<string, unknown>>`SELECT * FROM ${sql(table)}`
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value === "string") found.push({ where: `${table}.${column}`, text: value })
        }
      }
    }
    return found
  })

/** A new SQLite file in a temporary directory, deleted afterwards. */
export const sqliteFile = (): Effect.Effect<string, never, import("effect").Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync(() => mkdtempSync(join(tmpdir(), "iljari-sqlite-"))),
    (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
  ).pipe(Effect.map((dir) => join(dir, "iljari.db")))

/** Every storage port on an SQLite file, migrated, with its `SqlClient` and sequential ids. */
export const sqliteStore = (
  filename: string
): Layer.Layer<Repositories.Ports | Repositories.IdGenerator | SqlClient.SqlClient, unknown> =>
  StoreSql.layerWithMigrations.pipe(
    Layer.provideMerge(SqliteClient.layer({ filename })),
    Layer.merge(Repositories.IdGenerator.layerSequential)
  )

export const sqlite: Backend = {
  name: "SQLite",
  scan: scanSql(Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`, (rows) => rows.map((r) => r.name)))) as never,
  layer: () => Layer.unwrapScoped(Effect.map(sqliteFile(), sqliteStore))
}

let databases = 0

/** A new database on the run's PostgreSQL server, dropped afterwards. */
export const postgresDatabase = (serverUrl: string) =>
  Effect.acquireRelease(
    Effect.promise(async () => {
      const name = `iljari_test_${process.pid}_${++databases}`
      const admin = new pg.Client({ connectionString: serverUrl })
      await admin.connect()
      try {
        await admin.query(`CREATE DATABASE ${name}`)
      } finally {
        await admin.end()
      }
      const url = new URL(serverUrl)
      url.pathname = `/${name}`
      return { name, url: url.toString() }
    }),
    ({ name }) =>
      Effect.promise(async () => {
        const admin = new pg.Client({ connectionString: serverUrl })
        await admin.connect()
        try {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        } finally {
          await admin.end()
        }
      })
  )

export const postgres = (serverUrl: string): Backend => ({
  name: "PostgreSQL",
  scan: scanSql(Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      (rows) => rows.map((r) => r.table_name)
    ))) as never,
  layer: () =>
    Layer.unwrapScoped(Effect.map(postgresDatabase(serverUrl), ({ url }) =>
      StoreSql.layerWithMigrations.pipe(
        Layer.provideMerge(PgClient.layer({ url: Redacted.make(url), maxConnections: 10 })),
        Layer.merge(Repositories.IdGenerator.layerSequential)
      )))
})
