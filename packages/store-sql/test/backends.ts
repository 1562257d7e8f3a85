import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Repositories } from "@iljari/core"
import { Effect, Layer, Redacted } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"
import { StoreSql } from "../src/index.js"

export type Ports = StoreSql.Ports | Repositories.IdGenerator

/** A storage backend the shared suite runs against: a fresh, empty store per `layer()`. */
export interface Backend {
  readonly name: string
  readonly layer: () => Layer.Layer<Ports, unknown>
}

export const memory: Backend = {
  name: "memory",
  layer: () => Layer.merge(Repositories.layerMemory, Repositories.IdGenerator.layerSequential)
}

/** A new SQLite file in a temporary directory, deleted afterwards. */
export const sqliteFile = (): Effect.Effect<string, never, import("effect").Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync(() => mkdtempSync(join(tmpdir(), "iljari-sqlite-"))),
    (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
  ).pipe(Effect.map((dir) => join(dir, "iljari.db")))

export const sqlite: Backend = {
  name: "SQLite",
  layer: () =>
    Layer.unwrapScoped(Effect.map(sqliteFile(), (filename) =>
      StoreSql.layerWithMigrations.pipe(
        Layer.provideMerge(SqliteClient.layer({ filename })),
        Layer.merge(Repositories.IdGenerator.layerSequential)
      )))
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
  layer: () =>
    Layer.unwrapScoped(Effect.map(postgresDatabase(serverUrl), ({ url }) =>
      StoreSql.layerWithMigrations.pipe(
        Layer.provideMerge(PgClient.layer({ url: Redacted.make(url), maxConnections: 10 })),
        Layer.merge(Repositories.IdGenerator.layerSequential)
      )))
})
