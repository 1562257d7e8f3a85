import { Migrator, SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { describe, expect, it } from "@effect/vitest"
import { Audit, Employer, type Ids, type LocalDate, Opening, Outbox, Placement, Referral, Repositories, Seeker } from "@iljari/core"
import { describePostgres } from "@iljari/test-support/inject"
import { DateTime, Effect, Either, Layer, Redacted, Schema } from "effect"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { Migrations, StoreSql } from "../src/index.js"
import { postgresDatabase, sqliteFile } from "@iljari/test-support/storage/backends"

const databaseSuite = (name: string, client: () => Layer.Layer<SqlClient.SqlClient, unknown>) =>
  describe(`the database on ${name}`, () => {
    const layer = () => StoreSql.layerWithMigrations.pipe(Layer.provideMerge(client()))

    it.effect("migrates once, records it in a prefixed table, and runs nothing the second time", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        expect(yield* Migrations.migrate).toEqual([])
        const done = yield* sql<{ name: string }>`SELECT name FROM iljari_migrations`
        expect(done.map((m) => m.name)).toEqual([
          "create_tables",
          "outbox_delivery",
          "job_fairs",
          "events",
          "study_rooms",
          "outbox_lease",
          "placement_per_referral",
          "erasure_reach",
          "staff_access",
          "caseloads",
          "search",
          "result_counts",
          "employer_opening_search",
          "idempotency_keys",
          "one_active_referral",
          "id_order",
          "rate_limits",
          "import_mappings",
          "monitoring_decisions",
          "center_settings",
          "survey_links",
          "job_cafes"
        ])
      }).pipe(Effect.provide(layer())))

    it.effect("reads a page in id order through an index in that order, whatever the database's collation", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const plan = yield* sql.onDialectOrElse({
          // Told not to sort, PostgreSQL names the index that gives the rows in order.
          pg: () =>
            sql.withTransaction(Effect.gen(function*() {
              yield* sql.unsafe("SET LOCAL enable_sort = off")
              yield* sql.unsafe("SET LOCAL enable_seqscan = off")
              return yield* sql.unsafe<Record<string, string>>(
                `EXPLAIN SELECT data FROM iljari_seekers WHERE district_id = '11200' ORDER BY id COLLATE "C" LIMIT 20`
              )
            })),
          orElse: () => sql.unsafe<Record<string, string>>("EXPLAIN QUERY PLAN SELECT data FROM iljari_seekers WHERE district_id = '11200' ORDER BY id LIMIT 20")
        })
        const text = plan.map((row) => Object.values(row).join(" ")).join("\n")
        expect(text).not.toMatch(/Sort|TEMP B-TREE/)
        expect(text).toMatch(/iljari_seekers_id_order|sqlite_autoindex_iljari_seekers_1/)
      }).pipe(Effect.provide(layer())))

    it.effect("stops before the one-placement-per-referral index when a referral already has two, naming it", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const before = Object.fromEntries(Object.entries(Migrations.migrations).filter(([id]) => id < "0006"))
        yield* Migrator.make({})({ loader: Migrator.fromRecord(before), table: Migrations.migrationsTable })
        for (const id of ["p1", "p2"]) {
          yield* sql`INSERT INTO iljari_placements (district_id, id, version, seeker_id, start_on, data)
            VALUES ('11200', ${id}, 1, 's1', '2026-03-09', ${JSON.stringify({ id, referralId: "r1" })})`
        }
        const refused = yield* Effect.flip(Layer.build(StoreSql.layerWithMigrations))
        expect(refused.message).toContain(
          "These referrals have more than one placement; keep one each, then migrate again: 11200/r1"
        )
        // Nothing of the failed migration is left half done.
        const columns = yield* sql`SELECT referral_id FROM iljari_placements`.pipe(Effect.either)
        expect(Either.isLeft(columns)).toBe(true)
      }).pipe(Effect.scoped, Effect.provide(client())))

    it.effect("stops before the one-active-referral index when a seeker has two active referrals to an opening, naming them", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const before = Object.fromEntries(Object.entries(Migrations.migrations).filter(([id]) => id < "0015"))
        yield* Migrator.make({})({ loader: Migrator.fromRecord(before), table: Migrations.migrationsTable })
        const referral = (id: string, status: string) =>
          sql`INSERT INTO iljari_referrals (district_id, id, version, seeker_id, status, counselor_id, opening_id, proposed_on, data)
            VALUES ('11200', ${id}, 1, 's1', ${status}, 'c1', 'o1', '2026-03-09', ${JSON.stringify({ id })})`
        // Ended ones do not count; two under way do.
        yield* referral("r1", "withdrawn")
        yield* referral("r2", "sent")
        yield* referral("r3", "proposed")
        const refused = yield* Effect.flip(Layer.build(StoreSql.layerWithMigrations))
        expect(refused.message).toContain(
          "These seekers have more than one active referral to one opening; withdraw all but one each, then migrate again: 11200/s1 → o1"
        )
        const columns = yield* sql`SELECT active_opening_id FROM iljari_referrals`.pipe(Effect.either)
        expect(Either.isLeft(columns)).toBe(true)
        // Withdrawn down to one, it migrates, and the one under way holds the opening.
        yield* sql`UPDATE iljari_referrals SET status = 'withdrawn' WHERE id = 'r3'`
        yield* Layer.build(StoreSql.layerWithMigrations)
        const rows = yield* sql<{ id: string; active_opening_id: string | null }>`SELECT id, active_opening_id FROM iljari_referrals ORDER BY id`
        expect(rows.map((r) => [r.id, r.active_opening_id])).toEqual([["r1", null], ["r2", "o1"], ["r3", null]])
      }).pipe(Effect.scoped, Effect.provide(client())))

    it.effect("scrubs the queried columns too when a seeker is anonymised", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const repo = yield* Repositories.SeekerRepository
        const seeker = Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, districtId: "11200" }))
        yield* repo.insert(seeker)
        yield* repo.update(Seeker.anonymise(seeker, "2029-03-02" as LocalDate.LocalDate), 1)
        const rows = yield* sql<{ name: string; phone: string | null; birth_date: string }>`SELECT name, phone, birth_date, name_key, phone_tail
          FROM iljari_seekers`
        expect(rows).toEqual([{ name: "(파기됨)", phone: null, birth_date: "1962-01-01", name_key: null, phone_tail: null }])
      }).pipe(Effect.provide(layer())))

    it.effect("fills the search columns of the records stored before 0011_search", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const before = Object.fromEntries(Object.entries(Migrations.migrations).filter(([id]) => id < "0011"))
        yield* Migrator.make({})({ loader: Migrator.fromRecord(before), table: Migrations.migrationsTable })
        const json = <A, I>(schema: Schema.Schema<A, I>, value: A) => JSON.stringify(Schema.encodeSync(schema)(value))
        // As the adapter of those migrations wrote them.
        const hong = Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, id: "s1", name: "홍길동", counselorId: "c1" }))
        const erased = Seeker.anonymise(
          Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, id: "s2", name: "홍길순" })),
          "2029-03-02" as LocalDate.LocalDate
        )
        for (const s of [hong, erased]) {
          yield* sql`INSERT INTO iljari_seekers (district_id, id, version, name, phone, birth_date, registered_on, counselor_id, status, data)
            VALUES (${s.districtId}, ${s.id}, 1, ${s.name}, ${s.contact.phone ?? null}, ${s.birthDate}, '2016-03-02', ${
            s.counselorId ?? null
          }, ${s.status}, ${json(Seeker.Seeker, s)})`
        }
        const by = "c1" as Ids.CounselorId
        const referral = new Referral.Referral({
          id: "r1" as Ids.ReferralId,
          districtId: hong.districtId,
          seekerId: hong.id,
          openingId: "o1" as Ids.OpeningId,
          counselorId: by,
          status: "sent",
          history: [{ status: "proposed", on: "2026-03-02" as LocalDate.LocalDate, by }, { status: "sent", on: "2026-03-03" as LocalDate.LocalDate, by }]
        })
        yield* sql`INSERT INTO iljari_referrals (district_id, id, version, seeker_id, data)
          VALUES ('11200', 'r1', 1, ${hong.id}, ${json(Referral.Referral, referral)})`
        const placement = new Placement.Placement({
          id: "p1" as Ids.PlacementId,
          districtId: hong.districtId,
          seekerId: hong.id,
          employerId: "e1" as Ids.EmployerId,
          counselorId: by,
          startOn: "2026-03-09" as LocalDate.LocalDate,
          recordedOn: "2026-03-09" as LocalDate.LocalDate,
          contractType: "open-ended",
          schedule: "full-time",
          verification: "self-found",
          countsForCenter: false
        })
        yield* sql`INSERT INTO iljari_placements (district_id, id, version, seeker_id, start_on, referral_id, data)
          VALUES ('11200', 'p1', 1, ${hong.id}, '2026-03-09', NULL, ${json(Placement.Placement, placement)})`

        expect((yield* Migrations.migrate).map(([, migration]) => migration)).toEqual(["search", "result_counts", "employer_opening_search", "idempotency_keys", "one_active_referral", "id_order", "rate_limits", "import_mappings", "monitoring_decisions", "center_settings", "survey_links", "job_cafes"])
        const district = hong.districtId
        const found = yield* Effect.gen(function*() {
          const seekers = yield* Repositories.SeekerRepository
          const search = (input: object) =>
            Effect.map(seekers.search(district, Schema.decodeUnknownSync(Seeker.SearchCriteria)(input)), (r) => r.items.map((row) => row.value.id))
          return {
            initials: yield* search({ name: "ㅎㄱ" }),
            tail: yield* search({ phoneTail: "5678" }),
            byTime: yield* search({ sort: "registeredAt", order: "desc" }),
            board: (yield* Effect.flatMap(Repositories.ReferralRepository, (r) => r.search(district, { status: "sent", counselorId: by, openingId: "o1" as Ids.OpeningId }))).total,
            placed: (yield* Effect.flatMap(Repositories.PlacementRepository, (r) => r.search(district, { counselorId: by }))).total
          }
        }).pipe(Effect.provide(StoreSql.layer))
        // The erased seeker's placeholder name is no one's.
        expect(found).toEqual({ initials: ["s1"], tail: ["s1"], byTime: ["s2", "s1"], board: 1, placed: 1 })
      }).pipe(Effect.provide(client())))

    it.effect("fills the search columns of the employers and openings stored before 0013_employer_opening_search", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const before = Object.fromEntries(Object.entries(Migrations.migrations).filter(([id]) => id < "0013"))
        yield* Migrator.make({})({ loader: Migrator.fromRecord(before), table: Migrations.migrationsTable })
        const json = <A, I>(schema: Schema.Schema<A, I>, value: A) => JSON.stringify(Schema.encodeSync(schema)(value))
        // As the adapter of those migrations wrote them.
        const employers = [
          ["e1", "성수디지털(주)", "2026-03-02T01:00:00.000Z"],
          ["e2", "Sungsu Labs", "2026-03-01T01:00:00.000Z"]
        ].map(([id, name, registeredAt]) =>
          Either.getOrThrow(Employer.decodeEither({ ...employerInput, id, name, registeredAt, districtId: "11200" }))
        )
        for (const e of employers) {
          yield* sql`INSERT INTO iljari_employers (district_id, id, version, data)
            VALUES (${e.districtId}, ${e.id}, 1, ${json(Employer.Employer, e)})`
        }
        const openings = [
          ["o1", "웹디자이너 채용", "open", "2016-03-02"],
          ["o2", "물류 상하차", "filled", "2016-03-03"]
        ].map(([id, title, status, openedOn]) =>
          Either.getOrThrow(Opening.decodeEither({ ...openingInput, id, title, status, openedOn, employerId: "e1", districtId: "11200" }))
        )
        for (const o of openings) {
          yield* sql`INSERT INTO iljari_openings (district_id, id, version, employer_id, opened_on, data)
            VALUES (${o.districtId}, ${o.id}, 1, ${o.employerId}, ${o.openedOn}, ${json(Opening.Opening, o)})`
        }

        expect((yield* Migrations.migrate).map(([, migration]) => migration)).toEqual(["employer_opening_search", "idempotency_keys", "one_active_referral", "id_order", "rate_limits", "import_mappings", "monitoring_decisions", "center_settings", "survey_links", "job_cafes"])
        const district = "11200" as Ids.DistrictId
        const found = yield* Effect.gen(function*() {
          const employerRepo = yield* Repositories.EmployerRepository
          const openingRepo = yield* Repositories.OpeningRepository
          const employer = (input: object) =>
            Effect.map(employerRepo.search(district, Schema.decodeUnknownSync(Employer.EmployerCriteria)(input)), (r) => r.items.map((row) => row.value.id))
          const opening = (input: object) =>
            Effect.map(openingRepo.search(district, Schema.decodeUnknownSync(Opening.OpeningCriteria)(input)), (r) => r.items.map((row) => row.value.id))
          return {
            initials: yield* employer({ name: "ㅅㅅㄷㅈㅌ" }),
            letters: yield* employer({ name: "LABS" }),
            byName: yield* employer({}),
            byTime: yield* employer({ sort: "registeredAt" }),
            title: yield* opening({ title: "ㅇㄷㅈㅇㄴ" }),
            status: yield* opening({ status: "filled" }),
            byTitle: yield* opening({ sort: "title", order: "asc" })
          }
        }).pipe(Effect.provide(StoreSql.layer))
        expect(found).toEqual({
          initials: ["e1"],
          letters: ["e2"],
          byName: ["e2", "e1"],
          byTime: ["e2", "e1"],
          title: ["o1"],
          status: ["o2"],
          byTitle: ["o2", "o1"]
        })
      }).pipe(Effect.provide(client())))

    it.effect("refuses to change or delete an audit entry, even by hand", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        yield* Effect.flatMap(Audit.AuditLog, (log) =>
          log.append(
            new Audit.AuditEntry({
              id: "a1" as Ids.AuditEntryId,
              districtId: "11200" as Ids.DistrictId,
              at: DateTime.unsafeMake("2026-03-02T01:00:00Z"),
              actor: "counselor-01" as Ids.CounselorId,
              action: "read",
              subjectKind: "seeker",
              subjectId: "s1",
              purpose: "seeker.get"
            })
          ))
        const update = yield* Effect.flip(sql`UPDATE iljari_audit_log SET actor = 'someone-else'`)
        expect(String(update.cause)).toContain("append-only")
        const remove = yield* Effect.flip(sql`DELETE FROM iljari_audit_log`)
        expect(String(remove.cause)).toContain("append-only")
        const rows = yield* sql<{ actor: string }>`SELECT actor FROM iljari_audit_log`
        expect(rows).toEqual([{ actor: "counselor-01" }])
      }).pipe(Effect.provide(layer())))
  })

// A deployment that queued messages before the outbox had leases keeps them deliverable.
const upgradeSuite = (name: string, client: () => Layer.Layer<SqlClient.SqlClient, unknown>) =>
  describe(`an outbox upgraded to leases on ${name}`, () => {
    it.effect("keeps the messages queued before 0006_outbox_lease claimable", () =>
      Effect.gen(function*() {
        const before = Object.fromEntries(Object.entries(Migrations.migrations).filter(([id]) => id < "0006"))
        yield* Migrator.make({})({ loader: Migrator.fromRecord(before), table: Migrations.migrationsTable })
        const queued = ["m1", "m2"].map((id) =>
          new Outbox.OutboxMessage({
            id: id as Ids.MessageId,
            districtId: "11200" as Ids.DistrictId,
            createdAt: DateTime.unsafeMake("2026-03-02T01:00:00Z"),
            idempotencyKey: `k-${id}`,
            recipient: { kind: "seeker", id: "s1" },
            channel: "sms",
            purpose: "service",
            urgent: false,
            template: "reemployment-support",
            params: {},
            status: "pending",
            attempts: 0
          })
        )
        // As the adapter of those migrations wrote them.
        const sql = yield* SqlClient.SqlClient
        for (const m of queued) {
          yield* sql`INSERT INTO iljari_outbox (district_id, id, idempotency_key, status, created_at, not_before, data)
            VALUES (${m.districtId}, ${m.id}, ${m.idempotencyKey}, 'pending', '2026-03-02T01:00:00.000Z', NULL, ${
            JSON.stringify(Schema.encodeSync(Outbox.OutboxMessage)(m))
          })`
        }
        // Every later migration runs now, the lease's first.
        const later = Object.keys(Migrations.migrations).filter((id) => id >= "0006").map((id) => id.slice(5))
        expect(later[0]).toBe("outbox_lease")
        expect((yield* Migrations.migrate).map(([, migration]) => migration)).toEqual(later)
        const claimed = yield* Effect.flatMap(Outbox.Outbox, (o) =>
          o.claim("w1", DateTime.unsafeMake("2026-03-02T02:00:00Z"), 10, "1 minute")).pipe(Effect.provide(StoreSql.layer))
        expect(claimed.messages).toEqual(queued)
        // 0008 learnt whom they are to: erasing the seeker reaches them.
        expect(yield* Effect.flatMap(Outbox.Outbox, (o) => o.redact("11200" as Ids.DistrictId, "s1")).pipe(Effect.provide(StoreSql.layer))).toBe(2)
      }).pipe(Effect.provide(client())))
  })

databaseSuite("SQLite", () => Layer.unwrapScoped(Effect.map(sqliteFile(), (filename) => SqliteClient.layer({ filename }))))

upgradeSuite("SQLite", () => Layer.unwrapScoped(Effect.map(sqliteFile(), (filename) => SqliteClient.layer({ filename }))))

describePostgres("PostgreSQL", (url) => {
  databaseSuite("PostgreSQL", () =>
    Layer.unwrapScoped(Effect.map(postgresDatabase(url), ({ url }) => PgClient.layer({ url: Redacted.make(url) }))))
  upgradeSuite("PostgreSQL", () =>
    Layer.unwrapScoped(Effect.map(postgresDatabase(url), ({ url }) => PgClient.layer({ url: Redacted.make(url) }))))
})
