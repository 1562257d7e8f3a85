import { Migrator, SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createConnection } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describePostgres } from "../src/inject.js"
import { acquirePostgres, findBinaries, startThrowaway } from "../src/postgres.js"

describePostgres("the run's PostgreSQL server", (databaseUrl) => {
  const Pg = Layer.orDie(PgClient.layer({ url: Redacted.make(databaseUrl), maxConnections: 2 }))

  it.layer(Pg)((it) => {
    it.effect("answers a query", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const rows = yield* sql<{ answer: number }>`SELECT 6 * 7 AS answer`
        expect(rows).toEqual([{ answer: 42 }])
      }))

    it.effect("runs a migrator with no migrations and records its table", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const migrate = Migrator.make({})
        const applied = yield* migrate({ loader: Migrator.fromRecord({}), table: "iljari_smoke_migrations" })
        expect(applied).toEqual([])
        const tables = yield* sql<{ name: string }>`
          SELECT table_name AS name FROM information_schema.tables
          WHERE table_name = 'iljari_smoke_migrations'`
        expect(tables.map((t) => t.name)).toEqual(["iljari_smoke_migrations"])
        yield* sql`DROP TABLE iljari_smoke_migrations`
      }))
  })
})

describe("acquirePostgres", () => {
  it("uses DATABASE_URL as it is, without starting a server", async () => {
    const result = await acquirePostgres({
      DATABASE_URL: "postgres://someone@db.example:5432/x",
      ILJARI_POSTGRES_ROOT: "/usr/lib/postgresql"
    })
    expect(result._tag).toBe("Available")
    if (result._tag === "Available") {
      expect(result.server).toMatchObject({ url: "postgres://someone@db.example:5432/x", origin: "DATABASE_URL" })
    }
  })

  it("reports why PostgreSQL is unavailable when there are no binaries", async () => {
    const result = await acquirePostgres({ ILJARI_POSTGRES_ROOT: "/nowhere/postgresql" })
    expect(result).toEqual({
      _tag: "Unavailable",
      reason: "no PostgreSQL binaries under /nowhere/postgresql/*/bin and DATABASE_URL is not set"
    })
  })

  it("picks the newest installed version that has both initdb and postgres", () => {
    const root = mkdtempSync(join(tmpdir(), "iljari-pgbin-"))
    try {
      const install = (version: string, tools: ReadonlyArray<string>) => {
        mkdirSync(join(root, version, "bin"), { recursive: true })
        for (const tool of tools) writeFileSync(join(root, version, "bin", tool), "")
      }
      install("13", ["postgres", "initdb"])
      install("15", ["postgres", "initdb"])
      install("16", ["psql"]) // a client-only install cannot serve
      install("9.6", ["postgres", "initdb"])
      expect(findBinaries(root)).toBe(join(root, "15", "bin"))
      expect(findBinaries(join(root, "missing"))).toBeUndefined()
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})

const bin = findBinaries()
describe.skipIf(bin === undefined)("a throwaway cluster", () => {
  it("serves on loopback and leaves nothing behind once stopped", async () => {
    const server = await startThrowaway(bin!)
    expect(server.url).toMatch(/^postgres:\/\/iljari@127\.0\.0\.1:\d+\/postgres$/)
    expect(existsSync(server.directory!)).toBe(true)
    const port = Number(new URL(server.url).port)
    expect(await accepts(port)).toBe(true)

    await server.stop()

    expect(existsSync(server.directory!)).toBe(false)
    expect(await accepts(port)).toBe(false)
  }, 60_000)
})

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
