import { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { describePostgres } from "@iljari/test-support/inject"
import type { Ids } from "@iljari/core"
import { describe, expect, it } from "@effect/vitest"
import { Effect, FastCheck as fc, Layer, Redacted, Runtime, Schema, Stream } from "effect"
import { Repositories, Seeker } from "@iljari/core"
import { BulkImport, StoreSql } from "../src/index.js"
import { postgresDatabase, sqliteFile } from "@iljari/test-support/storage/backends"
import { openingInput } from "@iljari/test-support/fixtures"
import { seekerRow } from "@iljari/test-support/rows"

const district = "11200" as Ids.DistrictId

type Sql = SqlClient.SqlClient | StoreSql.Ports

const messages = (report: BulkImport.ImportReport) =>
  report.failed.map((f) => [f.row, f.issues.map((i) => `${i.path}: ${i.message}`)])

// A seeker as stored before the import, and one whose personal data was destroyed.
const stored = (row: object, into: Ids.DistrictId = district) =>
  Effect.flatMap(Repositories.SeekerRepository, (repo) =>
    Effect.flatMap(Seeker.decode({ ...row, districtId: into }), (seeker) => repo.insert(seeker)))
const erase = (row: object) => {
  const { districtId: _, ...encoded } = Schema.encodeSync(Seeker.Seeker)(
    Seeker.anonymise(Schema.decodeUnknownSync(Seeker.Seeker)({ ...row, districtId: district }), "2025-01-31" as never)
  )
  return encoded
}
const storedIds = (into: Ids.DistrictId) =>
  Effect.flatMap(Repositories.SeekerRepository, (repo) => repo.list(into)).pipe(
    Effect.map((rows) => rows.map((r) => r.value.id as string).sort())
  )

// Files of seekers drawn from few names, phones and birth dates, so that the
// same person turns up by phone and by birth date, within the file and
// against seekers stored before; some seekers, in the file and in the store,
// are erased.
interface Person {
  readonly name: string
  readonly phone: string | undefined
  readonly birthDate: string
  readonly erased: boolean
}
const personArb: fc.Arbitrary<Person> = fc.record({
  name: fc.constantFrom("김하나", "이하나", "박두리"),
  phone: fc.constantFrom("010-1111-2222", "010-3333-4444", "02-123-4567", undefined),
  birthDate: fc.constantFrom("1970-05-01", "1970-06-02", "1985-07-03"),
  erased: fc.integer({ min: 0, max: 9 }).map((n) => n < 2)
})
const fileArb = fc.record({
  before: fc.array(personArb, { maxLength: 6 }),
  file: fc.array(personArb, { minLength: 1, maxLength: 24 }),
  batchSize: fc.integer({ min: 1, max: 8 })
})
const rowOf = (person: Person, id: string, i: number) => {
  const row = {
    ...seekerRow(i),
    id,
    name: person.name,
    contact: person.phone === undefined ? {} : { phone: person.phone },
    birthDate: person.birthDate
  }
  return person.erased ? erase(row) : row
}
// The rule, spelled out for the test: erased seekers are nobody's duplicate.
const samePerson = (a: Person, b: Person) =>
  !a.erased && !b.erased && a.name === b.name &&
  ((a.phone !== undefined && a.phone === b.phone) || a.birthDate === b.birthDate)

const importSuite = (name: string, layer: () => Layer.Layer<Sql, unknown>) =>
  describe(`bulk import on ${name}`, () => {
    it.effect("keeps every valid row and reports every invalid one with its fields", () =>
      Effect.gen(function*() {
        const rows: Array<unknown> = Array.from({ length: 1_050 }, (_, i) => seekerRow(i))
        rows[7] = { ...seekerRow(7), contact: { phone: "12345" } }
        rows[500] = { ...seekerRow(500), notes: "주민번호 620514-1234567", education: "00" }
        rows[501] = seekerRow(3) // repeats row 4's id, in another batch
        rows[502] = seekerRow(502) // …and this one repeats within its batch:
        rows[503] = seekerRow(502)
        rows[600] = "not a row"
        rows[601] = { ...seekerRow(601), districtId: "11215" }
        const report = yield* BulkImport.seekers(district, rows, { batchSize: 200 })
        expect(report.batches).toBe(6)
        // Rows are numbered from 1: rows[7] is row 8.
        expect(messages(report)).toEqual([
          [8, ["contact.phone: must be a Korean phone number such as 010-1234-5678 or 02-123-4567; got \"12345\""]],
          [501, [
            "education: must be the level the seeker attained (01 elementary … 07 doctorate); 00 means \"any\" and fits openings only",
            "notes: must not contain a resident registration number (주민등록번호); iljari never stores one — remove it"
          ]],
          [502, ["id: \"seeker-0000003\" already exists in this district"]],
          [504, ["id: repeats the id of row 503"]],
          [601, [": must be an object holding the record's fields"]],
          [602, ["districtId: belongs to district 11215, not 11200, the one being imported into"]]
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
        expect(report.failed).toEqual([{ row: 5, issues: [{ path: "wage.max", message: "must not be below the minimum (3000000); got 2000000" }] }])
        const listed = yield* Effect.flatMap(Repositories.OpeningRepository, (r) => r.listByEmployer(district, "employer-0001" as Ids.EmployerId))
        expect(listed).toHaveLength(29)
      }).pipe(Effect.provide(layer())))

    it.effect("places a referral once: a row repeating a placed referral is refused, in the file or in the district", () =>
      Effect.gen(function*() {
        const placement = (i: number, referralId?: string) => ({
          id: `placement-${i}`,
          seekerId: `seeker-${i}`,
          employerId: "employer-0001",
          ...(referralId === undefined
            ? { verification: "self-found", countsForCenter: false }
            : { referralId, openingId: "opening-0001", verification: "center-referral", countsForCenter: true }),
          counselorId: "counselor-01",
          startOn: "2026-03-09",
          recordedOn: "2026-03-10",
          contractType: "open-ended",
          schedule: "full-time"
        })
        yield* BulkImport.placements(district, [placement(0, "referral-a")])
        const report = yield* BulkImport.placements(district, [
          placement(1, "referral-b"),
          placement(2, "referral-a"), // placed already, in the district
          placement(3),
          placement(4, "referral-b"), // placed by row 1 of this file
          placement(5),
          placement(6, "referral-c")
        ], { batchSize: 4 })
        expect(report.imported).toBe(4)
        expect(report.failed).toEqual([
          { row: 2, issues: [{ path: "referralId", message: "repeats the placement already registered as \"placement-0\" in this district (a referral is placed once); update that record instead of importing a second one" }] },
          { row: 4, issues: [{ path: "referralId", message: "repeats the placement of row 1 (a referral is placed once); import each placement once" }] }
        ])
        const stored = yield* Effect.flatMap(Repositories.PlacementRepository, (r) => r.list(district))
        expect(stored.map((p) => p.value.id)).toEqual(["placement-0", "placement-1", "placement-3", "placement-5", "placement-6"])
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

    // A batch of 6,000 seekers binds 78,000 values: more than SQLite's 32,766
    // and PostgreSQL's 65,535 in one statement. It failed with "too many SQL
    // variables"; it is written in several statements, still one transaction.
    it.effect("writes a batch larger than one statement can bind", () =>
      Effect.gen(function*() {
        const rows = Array.from({ length: 6_000 }, (_, i) => seekerRow(i))
        const report = yield* BulkImport.seekers(district, [...rows, seekerRow(17)], { batchSize: 6_001 })
        expect(report.imported).toBe(6_000)
        expect(report.batches).toBe(1)
        expect(messages(report)).toEqual([[6_001, ["id: repeats the id of row 18"]]])
        const sql = yield* SqlClient.SqlClient
        const counted = yield* sql<{ count: number | string }>`SELECT COUNT(*) AS count FROM iljari_seekers WHERE district_id = ${district}`
        expect(Number(counted[0]?.count)).toBe(6_000)
        const last = yield* Effect.flatMap(Repositories.SeekerRepository, (repo) => repo.get(district, rows[5_999]!.id as Ids.SeekerId))
        expect(Schema.encodeSync(Seeker.Seeker)(last.value as Seeker.Seeker)).toEqual({ ...rows[5_999], districtId: district, status: "registered" })
      }).pipe(Effect.provide(layer())), 60_000)

    // #14: rows were numbered from 0. Row 1 is the first input row.
    it.effect("numbers rows from 1, the first input row, in failures and messages", () =>
      Effect.gen(function*() {
        const report = yield* BulkImport.seekers(district, [seekerRow(0), "not a row", seekerRow(0), seekerRow(3)], { batchSize: 3 })
        expect(messages(report)).toEqual([
          [2, [": must be an object holding the record's fields"]],
          [3, ["id: repeats the id of row 1"]]
        ])
        const sql = yield* SqlClient.SqlClient
        yield* sql`DROP TABLE iljari_seekers`
        const error = yield* Effect.flip(BulkImport.seekers(district, [seekerRow(0), seekerRow(1), seekerRow(2)], { batchSize: 2 }))
        expect(error).toMatchObject({ _tag: "PersistenceError", operation: "import seeker rows 1–2" })
      }).pipe(Effect.provide(layer())))

    // #14: an import stored the same person twice under a new id, where
    // registration refuses them (JobCenter.DuplicateSeeker).
    it.effect("refuses a row repeating an earlier row's person, by name and phone or name and birth date", () =>
      Effect.gen(function*() {
        const rows: Array<unknown> = Array.from({ length: 11 }, (_, i) => seekerRow(i))
        // Row 4 is row 3's person (same name and birth date), in the same batch.
        rows[3] = { ...seekerRow(3), name: "구직자2", birthDate: seekerRow(2).birthDate }
        // Row 6 is row 2's person (same name and phone), in the next batch.
        rows[5] = { ...seekerRow(5), name: "구직자1", contact: seekerRow(1).contact }
        // Row 8 is row 7's person: no phone given, same birth date.
        rows[7] = { ...seekerRow(7), name: "구직자6", contact: {}, birthDate: seekerRow(6).birthDate }
        // Not duplicates: row 4's name without its phone or birth date, row 1's phone under another name.
        rows[8] = { ...seekerRow(8), name: "구직자4", contact: {}, birthDate: "1999-12-31" }
        rows[9] = { ...seekerRow(9), contact: seekerRow(0).contact }
        // Row 11 is row 1 again under a new id: the phone rule is named first, as registration does.
        rows[10] = { ...seekerRow(0), id: "seeker-0000010" }
        const report = yield* BulkImport.seekers(district, rows, { batchSize: 4 })
        expect(messages(report)).toEqual([
          [4, ["birthDate: repeats the person of row 3 (same name and birth date); import each person once"]],
          [6, ["contact.phone: repeats the person of row 2 (same name and phone); import each person once"]],
          [8, ["birthDate: repeats the person of row 7 (same name and birth date); import each person once"]],
          [11, ["contact.phone: repeats the person of row 1 (same name and phone); import each person once"]]
        ])
        expect(report.imported).toBe(7)
        expect(yield* storedIds(district)).toEqual([0, 1, 2, 4, 6, 8, 9].map((i) => seekerRow(i).id))
      }).pipe(Effect.provide(layer())))

    it.effect("refuses a row repeating a seeker already stored in the district, naming that seeker", () =>
      Effect.gen(function*() {
        yield* stored(seekerRow(100))
        yield* stored(seekerRow(101))
        yield* stored(erase(seekerRow(102)))
        yield* stored(seekerRow(103), "11215" as Ids.DistrictId)
        const report = yield* BulkImport.seekers(district, [
          { ...seekerRow(0), name: "구직자100", contact: seekerRow(100).contact },
          { ...seekerRow(1), name: "구직자101", contact: {}, birthDate: seekerRow(101).birthDate },
          // The stored 구직자102 was erased, 구직자103 belongs to another district: neither counts.
          { ...seekerRow(2), name: "구직자102", contact: seekerRow(102).contact, birthDate: seekerRow(102).birthDate },
          { ...seekerRow(3), name: "구직자103", contact: seekerRow(103).contact, birthDate: seekerRow(103).birthDate },
          // The stored record itself again: its id is what is wrong, said once.
          seekerRow(100),
          seekerRow(5)
        ])
        expect(messages(report)).toEqual([
          [1, [
            "contact.phone: repeats the person already registered as \"seeker-0000100\" in this district (same name and phone); update that record instead of importing a second one"
          ]],
          [2, [
            "birthDate: repeats the person already registered as \"seeker-0000101\" in this district (same name and birth date); update that record instead of importing a second one"
          ]],
          [5, ["id: \"seeker-0000100\" already exists in this district"]]
        ])
        expect(report.imported).toBe(3)
      }).pipe(Effect.provide(layer())))

    it.effect("never counts erased seekers as duplicates, in the file or in the store", () =>
      Effect.gen(function*() {
        // Erased, 구직자200, 245 and 290 share a name, (파기됨), and a birth date, 1970-01-01.
        yield* stored(erase(seekerRow(200)))
        const rows = [erase(seekerRow(245)), erase(seekerRow(290))]
        expect(rows.map((r) => [r.name, r.birthDate])).toEqual([[Seeker.erasedName, "1970-01-01"], [Seeker.erasedName, "1970-01-01"]])
        const report = yield* BulkImport.seekers(district, rows)
        expect(report).toEqual({ imported: 2, failed: [], batches: 1 })
      }).pipe(Effect.provide(layer())))

    // Each run imports into a district of its own, so that runs share the database and not their seekers.
    it.effect("refuses exactly the rows repeating an earlier row's or a stored seeker's person (property)", () =>
      Effect.gen(function*() {
        const runtime = yield* Effect.runtime<Sql>()
        let run = 0
        const property = fc.asyncProperty(fileArb, ({ batchSize, before, file }) =>
          Runtime.runPromise(runtime)(Effect.gen(function*() {
            const into = `41${String(++run).padStart(3, "0")}` as Ids.DistrictId
            const storedId = (k: number) => `seeker-s${k}`
            for (const [k, person] of before.entries()) yield* stored(rowOf(person, storedId(k), k), into)
            const report = yield* BulkImport.seekers(into, file.map((person, i) => rowOf(person, `seeker-f${i + 1}`, i)), { batchSize })

            // Expected: in input order, a row is refused when it is the same person as a
            // stored seeker or an earlier row that was imported; every other row is imported.
            const kept: Array<{ readonly ref: string; readonly person: Person }> = before.map((person, k) => ({
              ref: `already registered as "${storedId(k)}" in this district`,
              person
            }))
            const refused = new Map<number, Array<{ readonly ref: string; readonly person: Person }>>()
            const importedIds: Array<string> = []
            for (const [i, person] of file.entries()) {
              const repeats = kept.filter((k) => samePerson(person, k.person))
              if (repeats.length > 0) refused.set(i + 1, repeats)
              else {
                kept.push({ ref: `of row ${i + 1}`, person })
                importedIds.push(`seeker-f${i + 1}`)
              }
            }
            expect(report.failed.map((f) => f.row)).toEqual([...refused.keys()])
            for (const failure of report.failed) {
              // One issue, naming a seeker or row this row repeats, and the rule it matched by.
              expect(failure.issues).toHaveLength(1)
              const [{ message, path }] = failure.issues as [{ path: string; message: string }]
              const person = file[failure.row - 1]!
              const named = refused.get(failure.row)!.find((k) => message.startsWith(`repeats the person ${k.ref} (`))
              expect(named, message).toBeDefined()
              const byPhone = person.phone !== undefined && person.phone === named!.person.phone
              expect(path).toBe(byPhone ? "contact.phone" : "birthDate")
              expect(message).toContain(byPhone ? "(same name and phone)" : "(same name and birth date)")
            }
            expect(report.imported).toBe(importedIds.length)
            expect(yield* storedIds(into)).toEqual([...before.map((_, k) => storedId(k)), ...importedIds].sort())
          }))
        )
        yield* Effect.promise(() => fc.assert(property, { numRuns: 40 }))
      }).pipe(Effect.provide(layer())), 120_000)
  })

importSuite("SQLite", () =>
  Layer.unwrapScoped(Effect.map(sqliteFile(), (filename) =>
    StoreSql.layerWithMigrations.pipe(Layer.provideMerge(SqliteClient.layer({ filename }))))))

describePostgres("PostgreSQL", (url) =>
  importSuite("PostgreSQL", () =>
    Layer.unwrapScoped(Effect.map(postgresDatabase(url), ({ url }) =>
      StoreSql.layerWithMigrations.pipe(Layer.provideMerge(PgClient.layer({ url: Redacted.make(url) })))))))
