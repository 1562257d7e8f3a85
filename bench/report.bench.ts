/**
 * report: the monthly report (`Report.monthly`, June 2016 with the year to
 * date) of one district holding 1,000,000 case records — seekers, openings,
 * counseling sessions, referrals, placements and follow-up checks over two
 * years — built two ways in the same run, on SQLite and on PostgreSQL:
 *
 * - `sql`: `ReportSourceSql.layer` (`@iljari/store-sql`), every count a `GROUP BY` in the database;
 * - `node`: `ReportSource.layerMemory` over the `@iljari/store-sql`
 *   repositories, which pull the rows into Node, decode them and count there.
 *
 * Both must produce the same report (checked). Goal: the SQL path is faster.
 * `ILJARI_REPORT_ROWS` changes the number of records.
 */
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import type { SqlClient } from "@effect/sql"
import { Counseling, FollowUp, type Ids, Opening, Placement, Referral, Seeker } from "@iljari/core"
import Database from "better-sqlite3"
import { Effect, Layer, ManagedRuntime, Redacted, Schema } from "effect"
import { isDeepStrictEqual } from "node:util"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import pg from "pg"
import { Report, ReportSource } from "../packages/report/src/index.js"
import { ReportSourceSql, StoreSql } from "../packages/store-sql/src/index.js"
import { seekerRow } from "../packages/test-support/src/rows.js"
import { acquirePostgres } from "../packages/test-support/src/postgres.js"
import { report } from "./measure.js"

const total = Number(process.env["ILJARI_REPORT_ROWS"] ?? 1_000_000)
const district = "11200" as Ids.DistrictId

// The mix of a center's records: half of them counseling sessions.
const shares = { counselings: 0.5, seekers: 0.15, followUps: 0.15, referrals: 0.1, openings: 0.05, placements: 0.05 } as const
const counts = Object.fromEntries(Object.entries(shares).map(([k, share]) => [k, Math.round(total * share)])) as Record<
  keyof typeof shares,
  number
>

// ---------------------------------------------------------------------------
// Rows, as @iljari/store-sql writes them: the queried columns and the record's JSON.
// ---------------------------------------------------------------------------

const day0 = Date.UTC(2015, 0, 1)
const dayOf = (i: number, salt: number) => new Date(day0 + (((i * 7919 + salt * 104_729) % 731) * 86_400_000)).toISOString().slice(0, 10)
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
const counselor = (i: number) => `counselor-0${1 + (i % 9)}`
const groups = [["middle-aged"], ["senior"], ["youth"], ["career-break-women"], [], ["middle-aged", "vulnerable"], ["middle-aged"]]
const seekerId = (i: number) => `seeker-${String(i % counts.seekers).padStart(7, "0")}`

type Row = { readonly table: string; readonly columns: Record<string, string | number | null>; readonly data: string }

const seekers = function*(): Generator<Row> {
  for (let i = 0; i < counts.seekers; i++) {
    const registeredOn = dayOf(i, 1)
    const record = { ...seekerRow(i), districtId: district, targetGroups: groups[i % groups.length]!, registeredAt: `${registeredOn}T01:00:00.000Z` }
    yield {
      table: "iljari_seekers",
      columns: { name: record.name, phone: record.contact.phone, birth_date: record.birthDate, registered_on: registeredOn },
      data: JSON.stringify(record)
    }
  }
}

const openings = function*(): Generator<Row> {
  for (let i = 0; i < counts.openings; i++) {
    const openedOn = dayOf(i, 2)
    const record = {
      id: `opening-${i}`,
      districtId: district,
      employerId: `employer-${i % 500}`,
      title: "사무보조 채용",
      occupation: ["0231", "5611", "5410", "4122", "6110"][i % 5],
      headcount: 1 + (i % 3),
      workRegion: "11200",
      wage: { type: "monthly", min: 2_000_000 + (i % 20) * 50_000 },
      educationMinimum: "00",
      career: { requirement: "any" },
      contractType: "open-ended",
      schedule: "full-time",
      workingDays: "five-days",
      requiredCertificates: [],
      preferredCertificates: [],
      preferences: [],
      openedOn,
      status: "open"
    }
    yield { table: "iljari_openings", columns: { employer_id: record.employerId, opened_on: openedOn }, data: JSON.stringify(record) }
  }
}

const counselings = function*(): Generator<Row> {
  for (let i = 0; i < counts.counselings; i++) {
    const heldOn = dayOf(i, 3)
    const record = { id: `counseling-${i}`, districtId: district, seekerId: seekerId(i * 31), counselorId: counselor(i), heldOn, channel: "visit" }
    yield { table: "iljari_counselings", columns: { seeker_id: record.seekerId, held_on: heldOn }, data: JSON.stringify(record) }
  }
}

const referrals = function*(): Generator<Row> {
  for (let i = 0; i < counts.referrals; i++) {
    const on = dayOf(i, 4)
    const by = counselor(i * 5)
    const sent = i % 2 === 0
    const record = {
      id: `referral-${i}`,
      districtId: district,
      seekerId: seekerId(i * 17),
      openingId: `opening-${i % counts.openings}`,
      counselorId: by,
      status: sent ? "sent" : "proposed",
      history: sent ? [{ status: "proposed", on, by }, { status: "sent", on: addDays(on, 1), by }] : [{ status: "proposed", on, by }]
    }
    yield { table: "iljari_referrals", columns: { seeker_id: record.seekerId }, data: JSON.stringify(record) }
  }
}

const placements = function*(): Generator<Row> {
  for (let i = 0; i < counts.placements; i++) {
    const startOn = dayOf(i, 5)
    const counts_ = i % 10 !== 0
    const record = {
      id: `placement-${i}`,
      districtId: district,
      seekerId: seekerId(i * 13),
      employerId: `employer-${i % 500}`,
      ...(counts_ ? { referralId: `referral-${i}` } : {}),
      counselorId: counselor(i * 3),
      startOn,
      recordedOn: startOn,
      contractType: "open-ended",
      schedule: "full-time",
      verification: counts_ ? "center-referral" : "self-found",
      countsForCenter: counts_
    }
    yield { table: "iljari_placements", columns: { seeker_id: record.seekerId, start_on: startOn }, data: JSON.stringify(record) }
  }
}

const followUps = function*(): Generator<Row> {
  for (let i = 0; i < counts.followUps; i++) {
    const dueOn = dayOf(i, 6)
    const state = i % 10
    const record = {
      id: `check-${i}`,
      districtId: district,
      placementId: `placement-${i % counts.placements}`,
      seekerId: seekerId(i * 13),
      counselorId: counselor(i * 7),
      sequence: 1 + (i % 3),
      windowStart: addDays(dueOn, -27),
      windowEnd: dueOn,
      dueOn,
      ...(state < 7
        ? { doneOn: addDays(dueOn, -(i % 5)), channel: "phone", outcome: "working" }
        : state === 7
        ? { doneOn: addDays(dueOn, 3), channel: "phone", outcome: "working" }
        : state === 8
        ? { cancelledOn: addDays(dueOn, -10) }
        : {})
    }
    yield {
      table: "iljari_follow_ups",
      columns: { counselor_id: record.counselorId, placement_id: record.placementId, due_on: dueOn },
      data: JSON.stringify(record)
    }
  }
}

const kinds = [
  ["seekers", seekers, Seeker.Seeker],
  ["openings", openings, Opening.Opening],
  ["counselings", counselings, Counseling.Counseling],
  ["referrals", referrals, Referral.Referral],
  ["placements", placements, Placement.Placement],
  ["followUps", followUps, FollowUp.Check]
] as const

// Every generated kind must decode, or the row-pulling path would fail half-way.
for (const [name, rows, schema] of kinds) {
  let n = 0
  for (const row of rows()) {
    Schema.decodeUnknownSync(schema as Schema.Schema<unknown, unknown>)(JSON.parse(row.data))
    if (++n === 200) break
  }
  if (n === 0 && counts[name] > 0) throw new Error(`no ${name} rows`)
}

// ---------------------------------------------------------------------------
// The two paths
// ---------------------------------------------------------------------------

const request: Report.MonthlyRequest = {
  districtId: district,
  year: 2016,
  month: 6,
  targets: { openings: 30_000, seekers: 80_000, placements: 25_000, counseling: 250_000 }
}

const timed = async <A>(run: () => Promise<A>) => {
  const start = performance.now()
  const value = await run()
  return { value, ms: performance.now() - start }
}

const median = (values: ReadonlyArray<number>) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const compare = async (client: () => Layer.Layer<SqlClient.SqlClient, unknown>) => {
  const sql = ManagedRuntime.make(ReportSourceSql.layer.pipe(Layer.provide(client())))
  const node = ManagedRuntime.make(ReportSource.layerMemory.pipe(Layer.provide(StoreSql.layer), Layer.provide(client())))
  try {
    const monthly = Report.monthly(request)
    // Warm up both (connections, JIT, the database's caches).
    const fromSql = await sql.runPromise(monthly)
    const sqlRounds: Array<number> = []
    for (let i = 0; i < 5; i++) sqlRounds.push((await timed(() => sql.runPromise(monthly))).ms)
    const nodeRounds: Array<number> = []
    let fromNode: Report.Report | undefined
    for (let i = 0; i < 2; i++) {
      const run = await timed(() => node.runPromise(monthly))
      fromNode = run.value
      nodeRounds.push(run.ms)
    }
    if (!isDeepStrictEqual(fromSql, fromNode)) throw new Error("the SQL and the Node paths made different reports")
    const sqlMs = median(sqlRounds)
    const nodeMs = Math.min(...nodeRounds)
    return {
      sqlMs: Math.round(sqlMs),
      nodeMs: Math.round(nodeMs),
      speedup: Number((nodeMs / sqlMs).toFixed(1)),
      sqlWins: sqlMs < nodeMs,
      placementsYearToDate: fromSql.tables[0]?.rows[2]?.cells["ytdActual"]
    }
  } finally {
    await sql.dispose()
    await node.dispose()
  }
}

const migrateOnly = (client: Layer.Layer<SqlClient.SqlClient, unknown>) =>
  Effect.runPromise(Effect.provide(Effect.void, StoreSql.layerWithMigrations.pipe(Layer.provideMerge(client))))

const columnsOf = (table: string) =>
  ({
    iljari_seekers: ["name", "phone", "birth_date", "registered_on"],
    iljari_openings: ["employer_id", "opened_on"],
    iljari_counselings: ["seeker_id", "held_on"],
    iljari_referrals: ["seeker_id"],
    iljari_placements: ["seeker_id", "start_on"],
    iljari_follow_ups: ["counselor_id", "placement_id", "due_on"]
  })[table]!

const tableOf = (name: string) =>
  ({
    seekers: "iljari_seekers",
    openings: "iljari_openings",
    counselings: "iljari_counselings",
    referrals: "iljari_referrals",
    placements: "iljari_placements",
    followUps: "iljari_follow_ups"
  })[name]!

const idOf = (data: string) => data.slice(7, data.indexOf("\"", 7))

const sqlite = async () => {
  const dir = mkdtempSync(join(tmpdir(), "iljari-bench-report-"))
  try {
    const filename = join(dir, "iljari.db")
    await migrateOnly(SqliteClient.layer({ filename }))
    const db = new Database(filename)
    db.pragma("journal_mode = WAL")
    const load = await timed(async () => {
      for (const [name, rows] of kinds) {
        const table = tableOf(name)
        const columns = columnsOf(table)
        const insert = db.prepare(
          `INSERT INTO ${table} (district_id, id, version, ${columns.join(", ")}, data) VALUES (?, ?, 1, ${columns.map(() => "?").join(", ")}, ?)`
        )
        db.transaction(() => {
          for (const row of rows()) insert.run(district, idOf(row.data), ...columns.map((c) => row.columns[c] ?? null), row.data)
        })()
      }
      db.exec("ANALYZE")
    })
    db.close()
    return { loadSeconds: Number((load.ms / 1000).toFixed(1)), ...(await compare(() => SqliteClient.layer({ filename }))) }
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
  const name = "iljari_bench_report"
  const url = Object.assign(new URL(server.url), { pathname: `/${name}` }).toString()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
    await migrateOnly(PgClient.layer({ url: Redacted.make(url) }))
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const load = await timed(async () => {
      for (const [kind, rows] of kinds) {
        const table = tableOf(kind)
        const columns = columnsOf(table)
        const all = ["id", ...columns, "data"]
        // One statement per 20,000 rows: each column as an array, unnested.
        const statement = `INSERT INTO ${table} (district_id, version, ${all.join(", ")}) SELECT '${district}', 1, * FROM unnest(${
          all.map((_, i) => `$${i + 1}::text[]`).join(", ")
        })`
        let batch: Array<Array<string | number | null>> = all.map(() => [])
        const flush = async () => {
          if (batch[0]!.length > 0) await client.query(statement, batch)
          batch = all.map(() => [])
        }
        for (const row of rows()) {
          batch[0]!.push(idOf(row.data))
          columns.forEach((c, i) => batch[i + 1]!.push(row.columns[c] ?? null))
          batch[all.length - 1]!.push(row.data)
          if (batch[0]!.length === 20_000) await flush()
        }
        await flush()
      }
      await client.query("ANALYZE")
    })
    await client.end()
    const result = await compare(() => PgClient.layer({ url: Redacted.make(url), maxConnections: 4 }))
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
    return { loadSeconds: Number((load.ms / 1000).toFixed(1)), ...result }
  } finally {
    await admin.end()
    await server.stop()
  }
}

report({
  bench: "report",
  unit: "ms per monthly report (June 2016, year to date), median of 5 (sql) / best of 2 (node)",
  records: total,
  mix: counts,
  goal: "sql (GROUP BY in the database) faster than node (rows pulled, decoded and counted in Node)",
  sqlite: await sqlite(),
  postgres: await postgres()
})
