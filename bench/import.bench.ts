/**
 * import: 100,000 seekers into SQLite and into PostgreSQL through
 * `BulkImport.seekers` (each row decoded and validated, batches of 500 in
 * transactions), against the raw driver inserting the same rows — the same
 * columns and the same JSON — in one transaction: a better-sqlite3 prepared
 * statement, and `pg` multi-row inserts. Goal: ratio ≥ 0.5 of the raw rate.
 * `port` is the same import through the `ImportStore` port (`write`, rows
 * numbered as a sheet numbers them), into a database of its own. `xlsx` is
 * the district's way in, end to end: the same seekers as a 100,000-row XLSX
 * seekers list, read (`@iljari/sheets`), mapped, decoded, checked and
 * committed by `SheetImport.commit` with its access-log entries.
 */
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { type Ids, ImportStore, Repositories, SheetImport } from "@iljari/core"
import { Xlsx } from "@iljari/sheets"
import { Effect, Layer, Redacted } from "effect"
import Database from "better-sqlite3"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import pg from "pg"
import { BulkImport, StoreSql } from "../packages/store-sql/src/index.js"
import { seekerRow } from "../packages/test-support/src/rows.js"
import { acquirePostgres } from "../packages/test-support/src/postgres.js"
import { report } from "./measure.js"

const rows = Number(process.env["ILJARI_IMPORT_ROWS"] ?? 100_000)
const district = "11200" as Ids.DistrictId
const input = Array.from({ length: rows }, (_, i) => seekerRow(i))

// What the raw driver writes for a row: the same columns iljari writes.
const rawValues = (row: ReturnType<typeof seekerRow>) => [
  district,
  row.id,
  1,
  row.name,
  row.contact.phone,
  row.birthDate,
  "2016-03-02",
  JSON.stringify({ ...row, districtId: district })
]

const timed = async (run: () => Promise<void> | void) => {
  const start = performance.now()
  await run()
  return (performance.now() - start) / 1000
}

const rate = (seconds: number) => Math.round(rows / seconds)

// Each way in as rows a second and as a share of the raw driver's rate.
const rates = (seconds: { readonly raw: number; readonly ours: number; readonly port: number; readonly xlsx: number }) => {
  const share = (s: number) => Number((seconds.raw / s).toFixed(3))
  return {
    iljari: rate(seconds.ours),
    raw: rate(seconds.raw),
    ratio: share(seconds.ours),
    port: { iljari: rate(seconds.port), ratio: share(seconds.port) },
    xlsx: { iljari: rate(seconds.xlsx), ratio: share(seconds.xlsx) }
  }
}

const iljariImport = (client: Layer.Layer<import("@effect/sql").SqlClient.SqlClient, unknown>) =>
  Effect.runPromise(
    Effect.gen(function*() {
      const start = performance.now()
      const result = yield* BulkImport.seekers(district, input)
      const seconds = (performance.now() - start) / 1000
      if (result.imported !== rows) throw new Error(`imported ${result.imported} of ${rows}: ${JSON.stringify(result.failed[0])}`)
      return seconds
    }).pipe(Effect.provide(StoreSql.layerWithMigrations.pipe(Layer.provideMerge(client))))
  )

const portImport = (client: Layer.Layer<import("@effect/sql").SqlClient.SqlClient, unknown>) =>
  Effect.runPromise(
    Effect.gen(function*() {
      const store = yield* ImportStore.ImportStore
      const numbered = input.map((record, i) => ({ row: i + 2, record }))
      const start = performance.now()
      const result = yield* store.write("seekers", district, numbered)
      const seconds = (performance.now() - start) / 1000
      if (result.written !== rows) throw new Error(`wrote ${result.written} of ${rows}: ${JSON.stringify(result.failed[0])}`)
      return seconds
    }).pipe(Effect.provide(StoreSql.layerWithMigrations.pipe(Layer.provideMerge(client))))
  )

// The same seekers as a district's XLSX seekers list: Korean headers, a title
// row, birth and registration dates as date cells (written once, not timed).
const xlsxFile = await Effect.runPromise(Xlsx.write([{
  name: "구직자 명단",
  headers: ["성명", "생년월일", "성별", "연락처", "거주지", "희망직종", "희망지역", "학력", "경력(개월)", "희망임금(월)", "대상구분", "등록일", "비고"],
  rows: input.map((row) => [
    row.name,
    new Date(`${row.birthDate}T00:00:00Z`),
    row.gender === "female" ? "여성" : "남성",
    row.contact.phone,
    "성동구",
    row.desiredOccupations[0]!,
    "성동구",
    "고졸",
    row.careerMonths,
    row.desiredWage.amount,
    "신중년(장년)",
    new Date("2016-03-02T00:00:00Z"),
    row.notes
  ])
}]))

// End to end: the XLSX file read, every row mapped, decoded and checked, and
// committed through SheetImport with its access-log entries.
const xlsxImport = (client: Layer.Layer<import("@effect/sql").SqlClient.SqlClient, unknown>) =>
  Effect.runPromise(
    Effect.gen(function*() {
      const actor = { districtId: district, counselorId: "bench" as Ids.CounselorId }
      const start = performance.now()
      const [sheet] = yield* Xlsx.read(xlsxFile)
      const outcome = yield* SheetImport.commit(actor, { ledger: "seekers", sheet: sheet! })
      const seconds = (performance.now() - start) / 1000
      if (outcome.created.seekers !== rows) throw new Error(`imported ${outcome.created.seekers} of ${rows}: ${JSON.stringify(outcome.failures[0] ?? outcome.mappingProblems[0])}`)
      return seconds
    }).pipe(
      Effect.provide(StoreSql.layerWithMigrations.pipe(Layer.provideMerge(client), Layer.merge(Repositories.IdGenerator.layerRandom)))
    )
  )

const migrateOnly = (client: Layer.Layer<import("@effect/sql").SqlClient.SqlClient, unknown>) =>
  Effect.runPromise(Effect.provide(Effect.void, StoreSql.layerWithMigrations.pipe(Layer.provideMerge(client))))

const insertSql =
  "INSERT INTO iljari_seekers (district_id, id, version, name, phone, birth_date, registered_on, data) VALUES "

const sqlite = async () => {
  const dir = mkdtempSync(join(tmpdir(), "iljari-bench-"))
  try {
    const rawFile = join(dir, "raw.db")
    await migrateOnly(SqliteClient.layer({ filename: rawFile }))
    const db = new Database(rawFile)
    db.pragma("journal_mode = WAL")
    const insert = db.prepare(insertSql + "(?, ?, ?, ?, ?, ?, ?, ?)")
    const raw = await timed(() => db.transaction(() => { for (const row of input) insert.run(...rawValues(row)) })())
    db.close()
    const ours = await iljariImport(SqliteClient.layer({ filename: join(dir, "iljari.db") }))
    const port = await portImport(SqliteClient.layer({ filename: join(dir, "port.db") }))
    const xlsx = await xlsxImport(SqliteClient.layer({ filename: join(dir, "xlsx.db") }))
    return rates({ raw, ours, port, xlsx })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const postgres = async () => {
  const availability = await acquirePostgres()
  if (availability._tag === "Unavailable") return { skipped: availability.reason }
  const { server } = availability
  const admin = new pg.Client({ connectionString: server.url })
  await admin.connect()
  const urlOf = (name: string) => Object.assign(new URL(server.url), { pathname: `/${name}` }).toString()
  try {
    for (const name of ["iljari_bench_raw", "iljari_bench_ours", "iljari_bench_port", "iljari_bench_xlsx"]) {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`)
      await admin.query(`CREATE DATABASE ${name}`)
    }
    await migrateOnly(PgClient.layer({ url: Redacted.make(urlOf("iljari_bench_raw")) }))
    const client = new pg.Client({ connectionString: urlOf("iljari_bench_raw") })
    await client.connect()
    const batch = 1_000 // 8,000 parameters a statement, well under PostgreSQL's 65,535
    const raw = await timed(async () => {
      await client.query("BEGIN")
      for (let from = 0; from < rows; from += batch) {
        const slice = input.slice(from, from + batch)
        const params = slice.flatMap(rawValues)
        const tuples = slice.map((_, r) => `(${Array.from({ length: 8 }, (_, c) => `$${r * 8 + c + 1}`).join(", ")})`)
        await client.query(insertSql + tuples.join(", "), params)
      }
      await client.query("COMMIT")
    })
    await client.end()
    const ours = await iljariImport(PgClient.layer({ url: Redacted.make(urlOf("iljari_bench_ours")) }))
    const port = await portImport(PgClient.layer({ url: Redacted.make(urlOf("iljari_bench_port")) }))
    const xlsx = await xlsxImport(PgClient.layer({ url: Redacted.make(urlOf("iljari_bench_xlsx")) }))
    for (const name of ["iljari_bench_raw", "iljari_bench_ours", "iljari_bench_port", "iljari_bench_xlsx"]) {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
    }
    return rates({ raw, ours, port, xlsx })
  } finally {
    await admin.end()
    await server.stop()
  }
}

report({
  bench: "import",
  unit: "seekers/s",
  rows,
  goal: "ratio (iljari rate ÷ raw driver rate) ≥ 0.5",
  sqlite: await sqlite(),
  postgres: await postgres()
})
