import { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { describe, expect, it } from "@effect/vitest"
import { describePostgres } from "@iljari/test-support/inject"
import { type Ids, ImportStore } from "@iljari/core"
import { Effect, Layer, Redacted } from "effect"
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { postgresDatabase, sqliteFile, sqliteStore } from "@iljari/test-support/storage/backends"
import { seekerRow } from "@iljari/test-support/rows"
import { portRecords, portRows, refused } from "./crash-records.js"

const child = fileURLToPath(new URL("./crash-child.ts", import.meta.url))

// Runs the import in a child process and kills it with SIGKILL once a few
// batches have committed, in the middle of a later one.
const importAndKill = (kind: "sqlite" | "pg", target: string, mode: "bulk" | "port" = "bulk") =>
  Effect.promise(() =>
    new Promise<number>((resolve, reject) => {
      const proc = spawn(process.execPath, ["--import", "tsx", "--conditions=@iljari/source", child, kind, target, mode], {
        stdio: ["ignore", "pipe", "pipe"]
      })
      let out = ""
      let err = ""
      let killed = false
      proc.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString()
        const committed = out.match(/committed \d+/g)?.length ?? 0
        if (!killed && committed >= 4) {
          killed = true
          // Let the next batch get under way before the kill.
          setTimeout(() => proc.kill("SIGKILL"), 7)
        }
      })
      proc.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()))
      proc.on("exit", (_code, signal) => {
        if (signal === "SIGKILL") resolve(Number(out.match(/committed (\d+)\n(?![\s\S]*committed)/)?.[1] ?? 0))
        else reject(new Error(`the import was not killed (finished on its own?): ${out.slice(-200)} ${err}`))
      })
    })
  )

const checkAfterCrash = (lastReported: number) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const counted = yield* sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM iljari_seekers`
    const count = Number(counted[0]!.n)
    // Every committed batch is there, and no part of the batch in flight.
    expect(count).toBeGreaterThanOrEqual(lastReported)
    expect(count % 250).toBe(0)
    const ids = yield* sql<{ id: string }>`SELECT id FROM iljari_seekers ORDER BY id`
    expect(ids.map((r) => r.id)).toEqual(Array.from({ length: count }, (_, i) => `seeker-${String(i).padStart(7, "0")}`))
    const malformed = yield* sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM iljari_seekers WHERE data NOT LIKE '{%}'`
    expect(Number(malformed[0]!.n)).toBe(0)
    return count
  })

describe("a bulk import killed with SIGKILL", () => {
  it.effect("leaves a SQLite file that opens, with every committed batch and no partial one", () =>
    Effect.gen(function*() {
      const filename = yield* sqliteFile()
      const lastReported = yield* importAndKill("sqlite", filename)
      expect(lastReported).toBeGreaterThanOrEqual(1_000)
      yield* Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        expect(yield* sql<{ integrity_check: string }>`PRAGMA integrity_check`).toEqual([{ integrity_check: "ok" }])
        yield* checkAfterCrash(lastReported)
      }).pipe(Effect.provide(SqliteClient.layer({ filename })))
    }).pipe(Effect.scoped), 120_000)
})

describe("an import through ImportStore killed with SIGKILL", () => {
  it.effect("is finished by a rerun of the same records: every good row exactly once", () =>
    Effect.gen(function*() {
      const filename = yield* sqliteFile()
      const lastReported = yield* importAndKill("sqlite", filename, "port")
      expect(lastReported).toBeGreaterThanOrEqual(1_000)
      yield* Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        expect(yield* sql<{ integrity_check: string }>`PRAGMA integrity_check`).toEqual([{ integrity_check: "ok" }])
        // Whole batches only: the rows of each committed batch of 250, refused ones left out.
        const before = Number((yield* sql<{ n: number }>`SELECT COUNT(*) AS n FROM iljari_seekers`)[0]!.n)
        const goodUpTo = (rows: number) => Array.from({ length: rows }, (_, i) => i).filter((i) => !refused(i)).length
        const batchesDone = Array.from({ length: portRows / 250 + 1 }, (_, b) => b).filter((b) => goodUpTo(b * 250) === before)
        expect(batchesDone).toHaveLength(1)
        expect(batchesDone[0]! * 250).toBeGreaterThanOrEqual(lastReported)

        const report = yield* Effect.flatMap(ImportStore.ImportStore, (store) =>
          store.write("seekers", "11200" as Ids.DistrictId, portRecords(), { batchSize: 250 }))
        const good = Array.from({ length: portRows }, (_, i) => i).filter((i) => !refused(i))
        expect(report.skipped).toBe(before)
        expect(report.written).toBe(good.length - before)
        expect(report.failed.map((f) => f.row)).toEqual(
          Array.from({ length: portRows }, (_, i) => i).filter(refused).map((i) => i + 3)
        )
        const ids = yield* sql<{ id: string }>`SELECT id FROM iljari_seekers ORDER BY id`
        expect(ids.map((r) => r.id)).toEqual(good.map((i) => seekerRow(i).id))
        const people = yield* sql<{ n: number }>`SELECT COUNT(DISTINCT name) AS n FROM iljari_seekers`
        expect(Number(people[0]!.n)).toBe(good.length)
      }).pipe(Effect.provide(sqliteStore(filename)))
    }).pipe(Effect.scoped), 180_000)
})

describePostgres("a bulk import into PostgreSQL killed with SIGKILL", (serverUrl) => {
  it.effect("leaves every committed batch and no partial one", () =>
    Effect.gen(function*() {
      const { url } = yield* postgresDatabase(serverUrl)
      const lastReported = yield* importAndKill("pg", url)
      expect(lastReported).toBeGreaterThanOrEqual(1_000)
      yield* checkAfterCrash(lastReported).pipe(
        Effect.provide(Layer.orDie(PgClient.layer({ url: Redacted.make(url) })))
      )
    }).pipe(Effect.scoped), 120_000)
})
