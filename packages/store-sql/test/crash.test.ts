import { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { describe, expect, it } from "@effect/vitest"
import { describePostgres } from "@iljari/test-support/inject"
import { Effect, Layer, Redacted } from "effect"
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { postgresDatabase, sqliteFile } from "@iljari/test-support/storage/backends"

const child = fileURLToPath(new URL("./crash-child.ts", import.meta.url))

// Runs the import in a child process and kills it with SIGKILL once a few
// batches have committed, in the middle of a later one.
const importAndKill = (kind: "sqlite" | "pg", target: string) =>
  Effect.promise(() =>
    new Promise<number>((resolve, reject) => {
      const proc = spawn(process.execPath, ["--import", "tsx", "--conditions=@iljari/source", child, kind, target], {
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
