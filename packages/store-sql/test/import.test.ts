import { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { describePostgres } from "@iljari/testing/inject"
import type { Ids } from "@iljari/core"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Redacted, Stream } from "effect"
import { Repositories } from "@iljari/core"
import { BulkImport, StoreSql } from "../src/index.js"
import { postgresDatabase, sqliteFile } from "./backends.js"
import { openingInput } from "../../core/test/fixtures.js"
import { seekerRow } from "./rows.js"

const district = "11200" as Ids.DistrictId

type Sql = SqlClient.SqlClient | StoreSql.Ports

const importSuite = (name: string, layer: () => Layer.Layer<Sql, unknown>) =>
  describe(`bulk import on ${name}`, () => {
    it.effect("keeps every valid row and reports every invalid one with its fields", () =>
      Effect.gen(function*() {
        const rows: Array<unknown> = Array.from({ length: 1_050 }, (_, i) => seekerRow(i))
        rows[7] = { ...seekerRow(7), contact: { phone: "12345" } }
        rows[500] = { ...seekerRow(500), notes: "주민번호 620514-1234567", education: "00" }
        rows[501] = seekerRow(3) // repeats row 3's id, in another batch
        rows[502] = seekerRow(502) // …and this one repeats within its batch:
        rows[503] = seekerRow(502)
        rows[600] = "not a row"
        rows[601] = { ...seekerRow(601), districtId: "11215" }
        const report = yield* BulkImport.seekers(district, rows, { batchSize: 200 })
        expect(report.batches).toBe(6)
        expect(report.failed.map((f) => [f.row, f.issues.map((i) => `${i.path}: ${i.message}`)])).toEqual([
          [7, ["contact.phone: must be a Korean phone number such as 010-1234-5678 or 02-123-4567; got \"12345\""]],
          [500, [
            "education: must be the level the seeker attained (01 elementary … 07 doctorate); 00 means \"any\" and fits openings only",
            "notes: must not contain a resident registration number (주민등록번호); iljari never stores one — remove it"
          ]],
          [501, ["id: \"seeker-0000003\" already exists in this district"]],
          [503, ["id: repeats the id of row 502"]],
          [600, [": must be an object holding the record's fields"]],
          [601, ["districtId: belongs to district 11215, not 11200, the one being imported into"]]
        ])
        expect(report.imported).toBe(1_050 - 6)
        const repo = yield* Repositories.SeekerRepository
        const stored = yield* repo.list(district)
        expect(stored).toHaveLength(1_044)
        expect((yield* repo.get(district, "seeker-0000003" as Ids.SeekerId)).value.name).toBe("구직자3")
        expect(yield* Effect.flip(repo.get(district, "seeker-0000007" as Ids.SeekerId))).toMatchObject({ _tag: "NotFound" })
      }).pipe(Effect.provide(layer())))

    it.effect("imports openings the same way", () =>
      Effect.gen(function*() {
        const row = (i: number) => ({ ...openingInput, id: `opening-${i}`, districtId: undefined })
        const rows: Array<unknown> = Array.from({ length: 30 }, (_, i) => row(i))
        rows[4] = { ...row(4), wage: { type: "monthly", min: 3_000_000, max: 2_000_000 } }
        const report = yield* BulkImport.openings(district, rows.map((r) => JSON.parse(JSON.stringify(r))), { batchSize: 8 })
        expect(report.imported).toBe(29)
        expect(report.failed).toEqual([{ row: 4, issues: [{ path: "wage.max", message: "must not be below the minimum (3000000); got 2000000" }] }])
        const listed = yield* Effect.flatMap(Repositories.OpeningRepository, (r) => r.listByEmployer(district, "employer-0001" as Ids.EmployerId))
        expect(listed).toHaveLength(29)
      }).pipe(Effect.provide(layer())))

    it.effect("reads a stream and reports progress after each committed batch", () =>
      Effect.gen(function*() {
        const progress: Array<number> = []
        const report = yield* BulkImport.seekers(district, Stream.range(0, 249).pipe(Stream.map(seekerRow)), {
          batchSize: 100,
          onBatch: ({ imported }) => Effect.sync(() => void progress.push(imported))
        })
        expect(report).toEqual({ imported: 250, failed: [], batches: 3 })
        expect(progress).toEqual([100, 200, 250])
      }).pipe(Effect.provide(layer())))
  })

importSuite("SQLite", () =>
  Layer.unwrapScoped(Effect.map(sqliteFile(), (filename) =>
    StoreSql.layerWithMigrations.pipe(Layer.provideMerge(SqliteClient.layer({ filename }))))))

describePostgres("PostgreSQL", (url) =>
  importSuite("PostgreSQL", () =>
    Layer.unwrapScoped(Effect.map(postgresDatabase(url), ({ url }) =>
      StoreSql.layerWithMigrations.pipe(Layer.provideMerge(PgClient.layer({ url: Redacted.make(url) })))))))
