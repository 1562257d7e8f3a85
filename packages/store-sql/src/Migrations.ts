/**
 * The schema of iljari's tables, as migrations that run on SQLite and on
 * PostgreSQL alike. Every table is prefixed `iljari_` so that iljari can live
 * in an integrator's database beside their own tables, and every table
 * carries the district (tenant) id as the first column of its primary key.
 *
 * @example
 * ```ts
 * import { Migrations } from "@iljari/store-sql"
 * import { SqliteClient } from "@effect/sql-sqlite-node"
 * import { Effect } from "effect"
 *
 * // Run the migrations on their own (a deployment step), and list what ran.
 * const migrated = Migrations.migrate.pipe(Effect.provide(SqliteClient.layer({ filename: "iljari.db" })))
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Migrator, SqlClient } from "@effect/sql"
import { Contact, Hangul } from "@iljari/core"
import { Effect } from "effect"
import { byteOrder } from "./internal/store.js"

/**
 * The table that records which migrations ran.
 *
 * @since 0.1.0
 * @category migrations
 */
export const migrationsTable = "iljari_migrations"

// Records are stored as their encoded JSON (`data`) beside the columns their
// queries filter on; `version` carries optimistic concurrency.
const recordTable = (name: string, columns: ReadonlyArray<string>) =>
  `CREATE TABLE ${name} (
    district_id TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    ${columns.map((c) => `${c},`).join("\n    ")}
    data TEXT NOT NULL,
    PRIMARY KEY (district_id, id)
  )`

// A field of a record's stored JSON, by its path (`"history", 0, "on"`).
const jsonField = (sql: SqlClient.SqlClient) => (...path: ReadonlyArray<string | number>) =>
  sql.onDialectOrElse({
    pg: () => `data::jsonb #>> '{${path.join(",")}}'`,
    orElse: () => `json_extract(data, '$${path.map((key) => (typeof key === "number" ? `[${key}]` : `.${key}`)).join("")}')`
  })

const createTables = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const run = (statement: string) => sql.unsafe(statement)
  yield* run(recordTable("iljari_seekers", ["name TEXT NOT NULL", "phone TEXT", "birth_date TEXT NOT NULL", "registered_on TEXT NOT NULL"]))
  yield* run("CREATE INDEX iljari_seekers_name_phone ON iljari_seekers (district_id, name, phone)")
  yield* run("CREATE INDEX iljari_seekers_name_birth ON iljari_seekers (district_id, name, birth_date)")
  yield* run(recordTable("iljari_employers", []))
  yield* run(recordTable("iljari_openings", ["employer_id TEXT NOT NULL", "opened_on TEXT NOT NULL"]))
  yield* run("CREATE INDEX iljari_openings_employer ON iljari_openings (district_id, employer_id)")
  yield* run(recordTable("iljari_counselors", []))
  yield* run(recordTable("iljari_counselings", ["seeker_id TEXT NOT NULL", "held_on TEXT NOT NULL"]))
  yield* run("CREATE INDEX iljari_counselings_seeker ON iljari_counselings (district_id, seeker_id)")
  yield* run("CREATE INDEX iljari_counselings_held ON iljari_counselings (district_id, held_on)")
  yield* run(recordTable("iljari_referrals", ["seeker_id TEXT NOT NULL"]))
  yield* run("CREATE INDEX iljari_referrals_seeker ON iljari_referrals (district_id, seeker_id)")
  yield* run(recordTable("iljari_placements", ["seeker_id TEXT NOT NULL", "start_on TEXT NOT NULL"]))
  yield* run("CREATE INDEX iljari_placements_seeker ON iljari_placements (district_id, seeker_id)")
  yield* run("CREATE INDEX iljari_placements_start ON iljari_placements (district_id, start_on)")
  yield* run(recordTable("iljari_follow_ups", ["counselor_id TEXT NOT NULL", "placement_id TEXT NOT NULL", "due_on TEXT NOT NULL"]))
  // The ledger reads one counselor's checks by due date.
  yield* run("CREATE INDEX iljari_follow_ups_ledger ON iljari_follow_ups (district_id, counselor_id, due_on)")
  yield* run("CREATE INDEX iljari_follow_ups_placement ON iljari_follow_ups (district_id, placement_id)")

  const serial = sql.onDialectOrElse({
    pg: () => "seq BIGSERIAL PRIMARY KEY",
    orElse: () => "seq INTEGER PRIMARY KEY AUTOINCREMENT"
  })
  yield* run(`CREATE TABLE iljari_audit_log (
    ${serial},
    district_id TEXT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    data TEXT NOT NULL
  )`)
  yield* run("CREATE INDEX iljari_audit_subject ON iljari_audit_log (district_id, subject_id)")
  yield* run("CREATE INDEX iljari_audit_actor ON iljari_audit_log (district_id, actor)")
  // Append-only, enforced by the database itself and not only by the port.
  yield* sql.onDialectOrElse({
    pg: () =>
      Effect.zipRight(
        run(`CREATE FUNCTION iljari_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'iljari_audit_log is append-only'; END $$`),
        run(`CREATE TRIGGER iljari_audit_append_only BEFORE UPDATE OR DELETE ON iljari_audit_log
          FOR EACH ROW EXECUTE FUNCTION iljari_audit_append_only()`)
      ),
    orElse: () =>
      Effect.zipRight(
        run(`CREATE TRIGGER iljari_audit_no_update BEFORE UPDATE ON iljari_audit_log
          BEGIN SELECT RAISE(ABORT, 'iljari_audit_log is append-only'); END`),
        run(`CREATE TRIGGER iljari_audit_no_delete BEFORE DELETE ON iljari_audit_log
          BEGIN SELECT RAISE(ABORT, 'iljari_audit_log is append-only'); END`)
      )
  })

  yield* run(`CREATE TABLE iljari_outbox (
    ${serial},
    district_id TEXT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    idempotency_key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    data TEXT NOT NULL
  )`)
  yield* run("CREATE INDEX iljari_outbox_status ON iljari_outbox (district_id, status)")
})

// The dispatcher asks for pending messages whose backoff or quiet-hours hold has passed.
const outboxDelivery = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe("ALTER TABLE iljari_outbox ADD COLUMN not_before TEXT")
  yield* sql.unsafe("CREATE INDEX iljari_outbox_due ON iljari_outbox (status, not_before)")
})

// Job fairs: one record per fair, listed by date.
const jobFairs = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(recordTable("iljari_job_fairs", ["held_on TEXT NOT NULL"]))
  yield* sql.unsafe("CREATE INDEX iljari_job_fairs_held ON iljari_job_fairs (district_id, held_on)")
})

// Outreach, discovery visits, psychological tests, partners and surveys.
const events = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const run = (statement: string) => sql.unsafe(statement)
  yield* run(recordTable("iljari_outreach_sessions", ["held_on TEXT NOT NULL"]))
  yield* run("CREATE INDEX iljari_outreach_held ON iljari_outreach_sessions (district_id, held_on)")
  yield* run(recordTable("iljari_discovery_visits", ["visited_on TEXT NOT NULL"]))
  yield* run("CREATE INDEX iljari_discovery_visited ON iljari_discovery_visits (district_id, visited_on)")
  yield* run(recordTable("iljari_psych_test_sessions", ["held_on TEXT NOT NULL"]))
  yield* run(recordTable("iljari_partners", []))
  yield* run(recordTable("iljari_questionnaires", []))
  yield* run(recordTable("iljari_survey_responses", ["responded_on TEXT NOT NULL"]))
  yield* run("CREATE INDEX iljari_survey_responded ON iljari_survey_responses (district_id, responded_on)")
})

// Study-room bookings, and one row per district and day that bookings once
// locked (0008 drops it: they take `Transactor.lock` now).
const studyRooms = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(recordTable("iljari_study_room_bookings", ["booked_on TEXT NOT NULL"]))
  yield* sql.unsafe("CREATE INDEX iljari_study_room_day ON iljari_study_room_bookings (district_id, booked_on)")
  yield* sql.unsafe(`CREATE TABLE iljari_booking_days (
    district_id TEXT NOT NULL,
    day TEXT NOT NULL,
    PRIMARY KEY (district_id, day)
  )`)
})

// Leases, so that several dispatcher workers can share the outbox: a claim sets
// who holds a message and until when, and a save is applied only under that
// lease. The index serves the claim: pending messages in queue order.
const outboxLease = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe("ALTER TABLE iljari_outbox ADD COLUMN lease_owner TEXT")
  yield* sql.unsafe("ALTER TABLE iljari_outbox ADD COLUMN lease_until TEXT")
  yield* sql.unsafe(
    "CREATE INDEX iljari_outbox_claim ON iljari_outbox (seq, not_before, lease_until) WHERE status = 'pending'"
  )
})

// A referral leads to one placement: a unique index over the referral, so
// that two racing placements cannot both be kept. Existing duplicates stop the
// migration with their ids, for the district to correct first.
const placementPerReferral = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe("ALTER TABLE iljari_placements ADD COLUMN referral_id TEXT")
  yield* sql.unsafe(`UPDATE iljari_placements SET referral_id = ${jsonField(sql)("referralId")}`)
  const repeated = yield* sql<{ district_id: string; referral_id: string }>`SELECT district_id, referral_id
    FROM iljari_placements WHERE referral_id IS NOT NULL
    GROUP BY district_id, referral_id HAVING COUNT(*) > 1`
  if (repeated.length > 0) {
    return yield* Effect.fail(new Error(
      `These referrals have more than one placement; keep one each, then migrate again: ${
        repeated.map((r) => `${r.district_id}/${r.referral_id}`).join(", ")
      }`
    ))
  }
  yield* sql.unsafe(
    "CREATE UNIQUE INDEX iljari_placements_referral ON iljari_placements (district_id, referral_id) WHERE referral_id IS NOT NULL"
  )
})

// What erasure needs to find a person everywhere: the seekers each outbox
// message is to or about, the seeker of a survey response, the person of a
// study-room booking; and stores for the two records that had none,
// psychological-test participants (one per seeker and session) and
// training-demand answers. Bookings lock their day with Transactor.lock now.
const erasureReach = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const run = (statement: string) => sql.unsafe(statement)
  const field = jsonField(sql)

  yield* run(`CREATE TABLE iljari_outbox_people (
    district_id TEXT NOT NULL,
    seeker_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    PRIMARY KEY (district_id, seeker_id, message_id)
  )`)
  yield* run(`INSERT INTO iljari_outbox_people (district_id, seeker_id, message_id)
    SELECT district_id, ${field("recipient", "id")}, id FROM iljari_outbox WHERE ${field("recipient", "kind")} = 'seeker'`)

  yield* run("ALTER TABLE iljari_survey_responses ADD COLUMN seeker_id TEXT")
  yield* run(`UPDATE iljari_survey_responses SET seeker_id = ${field("seekerId")}`)
  yield* run("CREATE INDEX iljari_survey_seeker ON iljari_survey_responses (district_id, seeker_id)")

  yield* run("ALTER TABLE iljari_study_room_bookings ADD COLUMN person_id TEXT")
  yield* run(`UPDATE iljari_study_room_bookings SET person_id = ${field("personId")}`)
  yield* run("CREATE INDEX iljari_study_room_person ON iljari_study_room_bookings (district_id, person_id)")
  yield* run("DROP TABLE iljari_booking_days")

  yield* run(recordTable("iljari_psych_test_participants", ["session_id TEXT NOT NULL", "seeker_id TEXT NOT NULL"]))
  yield* run("CREATE UNIQUE INDEX iljari_psych_test_once ON iljari_psych_test_participants (district_id, session_id, seeker_id)")
  yield* run("CREATE INDEX iljari_psych_test_seeker ON iljari_psych_test_participants (district_id, seeker_id)")

  yield* run(recordTable("iljari_training_demand", ["answered_on TEXT NOT NULL", "seeker_id TEXT"]))
  yield* run("CREATE INDEX iljari_training_demand_seeker ON iljari_training_demand (district_id, seeker_id)")
})

// Staff access: accounts (a sign-in name is unique across districts, as is
// an identity provider's subject), browser sessions and API tokens, each
// found by the digest of its secret, and each district's access rules.
const staffAccess = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const run = (statement: string) => sql.unsafe(statement)
  yield* run(recordTable("iljari_accounts", ["login TEXT NOT NULL", "external_id TEXT"]))
  yield* run("CREATE UNIQUE INDEX iljari_accounts_login ON iljari_accounts (login)")
  yield* run("CREATE UNIQUE INDEX iljari_accounts_external ON iljari_accounts (external_id) WHERE external_id IS NOT NULL")
  yield* run(recordTable("iljari_sessions", ["digest TEXT NOT NULL", "expires_at TEXT NOT NULL"]))
  yield* run("CREATE UNIQUE INDEX iljari_sessions_digest ON iljari_sessions (digest)")
  yield* run(recordTable("iljari_api_tokens", ["digest TEXT NOT NULL"]))
  yield* run("CREATE UNIQUE INDEX iljari_api_tokens_digest ON iljari_api_tokens (digest)")
  yield* run(recordTable("iljari_access_rules", []))
})

// Caseloads: a seeker's responsible counselor and status as columns, for a
// counselor's list; read from the stored records, which had neither (status
// then reads as registered).
const caseloads = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const run = (statement: string) => sql.unsafe(statement)
  const field = jsonField(sql)
  yield* run("ALTER TABLE iljari_seekers ADD COLUMN counselor_id TEXT")
  yield* run("ALTER TABLE iljari_seekers ADD COLUMN status TEXT NOT NULL DEFAULT 'registered'")
  yield* run(`UPDATE iljari_seekers SET counselor_id = ${field("counselorId")}, status = COALESCE(${field("status")}, 'registered')`)
  yield* run("CREATE INDEX iljari_seekers_counselor ON iljari_seekers (district_id, counselor_id)")
})

// Seeker search (구직자 검색) and the casework boards. A seeker's name is kept
// as its search key (`Hangul.searchKey`, computed here: SQL knows no initial
// consonants) and the phone as its last four digits, neither for an erased
// seeker; the registration instant sorts. A referral's status, counselor,
// opening and proposal date, and a placement's counselor, filter the boards.
// A search inside the key cannot use a B-tree index: the indexes serve the
// phone tail, the filters and the sorts, in byte order as the queries sort.
const search = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const run = (statement: string) => sql.unsafe(statement)
  const field = jsonField(sql)
  const bytes = (column: string) => byteOrder(sql, column)

  for (const column of ["name_key", "phone_tail", "registered_at"]) {
    yield* run(`ALTER TABLE iljari_seekers ADD COLUMN ${column} TEXT`)
  }
  yield* run(`UPDATE iljari_seekers SET registered_at = ${field("registeredAt")}`)
  const seekers = yield* sql<{ district_id: string; id: string; name: string; phone: string | null }>`SELECT district_id, id, name, phone
    FROM iljari_seekers WHERE ${sql.literal(field("erasedOn"))} IS NULL`
  for (const seeker of seekers) {
    yield* sql`UPDATE iljari_seekers SET ${
      sql.update({
        name_key: Hangul.searchKey(seeker.name),
        phone_tail: seeker.phone === null ? null : Contact.phoneTail(seeker.phone as Contact.PhoneNumber)
      })
    } WHERE district_id = ${seeker.district_id} AND id = ${seeker.id}`
  }
  yield* run("CREATE INDEX iljari_seekers_phone_tail ON iljari_seekers (district_id, phone_tail)")
  yield* run("CREATE INDEX iljari_seekers_status ON iljari_seekers (district_id, status)")
  yield* run(`CREATE INDEX iljari_seekers_by_name ON iljari_seekers (district_id, ${bytes("name")}, ${bytes("id")})`)
  yield* run(`CREATE INDEX iljari_seekers_by_registration ON iljari_seekers (district_id, ${bytes("registered_at")}, ${bytes("id")})`)

  for (const column of ["status", "counselor_id", "opening_id", "proposed_on"]) {
    yield* run(`ALTER TABLE iljari_referrals ADD COLUMN ${column} TEXT`)
  }
  yield* run(`UPDATE iljari_referrals SET status = ${field("status")}, counselor_id = ${field("counselorId")},
    opening_id = ${field("openingId")}, proposed_on = ${field("history", 0, "on")}`)
  const newest = `${bytes("proposed_on")}, ${bytes("id")}`
  yield* run(`CREATE INDEX iljari_referrals_newest ON iljari_referrals (district_id, ${newest})`)
  yield* run(`CREATE INDEX iljari_referrals_board ON iljari_referrals (district_id, status, ${newest})`)
  yield* run(`CREATE INDEX iljari_referrals_counselor ON iljari_referrals (district_id, counselor_id, ${newest})`)
  yield* run("CREATE INDEX iljari_referrals_opening ON iljari_referrals (district_id, opening_id)")

  yield* run("ALTER TABLE iljari_placements ADD COLUMN counselor_id TEXT")
  yield* run(`UPDATE iljari_placements SET counselor_id = ${field("counselorId")}`)
  const started = `${bytes("start_on")}, ${bytes("id")}`
  yield* run(`CREATE INDEX iljari_placements_newest ON iljari_placements (district_id, ${started})`)
  yield* run(`CREATE INDEX iljari_placements_counselor ON iljari_placements (district_id, counselor_id, ${started})`)
})

// A period's results (`ResultCounts`) are counted from the registration and
// opening dates: indexed, so that a count reads the period's index entries
// instead of every record of the district. Sessions and placements had theirs.
const resultCounts = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe("CREATE INDEX iljari_seekers_registered ON iljari_seekers (district_id, registered_on)")
  yield* sql.unsafe("CREATE INDEX iljari_openings_opened ON iljari_openings (district_id, opened_on)")
})

// Employer and opening search (구인업체·구인공고 검색): a name or title as it
// sorts, folded (`Hangul.folded`) and as its search key (`Hangul.searchKey`,
// both computed here: SQL knows neither) for `Hangul.textMatches`; an
// employer's registration instant and an opening's status. As for seekers,
// a search inside the text cannot use a B-tree index: the indexes serve the
// filters and the sorts, in byte order as the queries sort.
const employerOpeningSearch = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const run = (statement: string) => sql.unsafe(statement)
  const field = jsonField(sql)
  const bytes = (column: string) => byteOrder(sql, column)

  for (const column of ["name", "name_text", "name_key", "registered_at"]) {
    yield* run(`ALTER TABLE iljari_employers ADD COLUMN ${column} TEXT`)
  }
  yield* run(`UPDATE iljari_employers SET name = ${field("name")}, registered_at = ${field("registeredAt")}`)
  const employers = yield* sql<{ district_id: string; id: string; name: string }>`SELECT district_id, id, name FROM iljari_employers`
  for (const employer of employers) {
    yield* sql`UPDATE iljari_employers SET ${
      sql.update({ name_text: Hangul.folded(employer.name), name_key: Hangul.searchKey(employer.name) })
    } WHERE district_id = ${employer.district_id} AND id = ${employer.id}`
  }
  yield* run(`CREATE INDEX iljari_employers_by_name ON iljari_employers (district_id, ${bytes("name")}, ${bytes("id")})`)
  yield* run(`CREATE INDEX iljari_employers_by_registration ON iljari_employers (district_id, ${bytes("registered_at")}, ${bytes("id")})`)

  for (const column of ["title", "title_text", "title_key", "status"]) {
    yield* run(`ALTER TABLE iljari_openings ADD COLUMN ${column} TEXT`)
  }
  yield* run(`UPDATE iljari_openings SET title = ${field("title")}, status = ${field("status")}`)
  const openings = yield* sql<{ district_id: string; id: string; title: string }>`SELECT district_id, id, title FROM iljari_openings`
  for (const opening of openings) {
    yield* sql`UPDATE iljari_openings SET ${
      sql.update({ title_text: Hangul.folded(opening.title), title_key: Hangul.searchKey(opening.title) })
    } WHERE district_id = ${opening.district_id} AND id = ${opening.id}`
  }
  const newest = `${bytes("opened_on")}, ${bytes("id")}`
  yield* run(`CREATE INDEX iljari_openings_newest ON iljari_openings (district_id, ${newest})`)
  yield* run(`CREATE INDEX iljari_openings_by_status ON iljari_openings (district_id, status, ${newest})`)
  yield* run(`CREATE INDEX iljari_openings_by_employer ON iljari_openings (district_id, employer_id, ${newest})`)
  yield* run(`CREATE INDEX iljari_openings_by_title ON iljari_openings (district_id, ${bytes("title")}, ${bytes("id")})`)
})

// Idempotency keys (the `Idempotency` port): per district, account and key,
// the request's fingerprint and, once it succeeded, its answer; they expire.
const idempotencyKeys = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(`CREATE TABLE iljari_idempotency_keys (
    district_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER,
    answer TEXT,
    expires_at TEXT NOT NULL,
    PRIMARY KEY (district_id, account_id, idempotency_key)
  )`)
  yield* sql.unsafe("CREATE INDEX iljari_idempotency_keys_expiry ON iljari_idempotency_keys (expires_at)")
})

// One active referral (proposed, sent or interviewing) per seeker and
// opening: the opening as a column while the referral is under way, and a
// partial unique index over it, so that racing proposals cannot both be
// kept. Existing duplicates stop the migration with their ids, for the
// district to withdraw all but one first.
const oneActiveReferral = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe("ALTER TABLE iljari_referrals ADD COLUMN active_opening_id TEXT")
  yield* sql.unsafe(
    "UPDATE iljari_referrals SET active_opening_id = opening_id WHERE status IN ('proposed', 'sent', 'interviewing')"
  )
  const repeated = yield* sql<{ district_id: string; seeker_id: string; opening_id: string }>`SELECT district_id, seeker_id,
    active_opening_id AS opening_id FROM iljari_referrals WHERE active_opening_id IS NOT NULL
    GROUP BY district_id, seeker_id, active_opening_id HAVING COUNT(*) > 1`
  if (repeated.length > 0) {
    return yield* Effect.fail(new Error(
      `These seekers have more than one active referral to one opening; withdraw all but one each, then migrate again: ${
        repeated.map((r) => `${r.district_id}/${r.seeker_id} → ${r.opening_id}`).join(", ")
      }`
    ))
  }
  yield* sql.unsafe(
    "CREATE UNIQUE INDEX iljari_referrals_one_active ON iljari_referrals (district_id, seeker_id, active_opening_id) WHERE active_opening_id IS NOT NULL"
  )
})

// Every list is sorted by id byte by byte (`byteOrder`): SQLite's primary key
// (district_id, id) serves that order, but in a PostgreSQL database whose
// collation is not "C" it does not, and each page scanned and sorted the
// whole district (48 ms a page of seekers against 0.2 ms with an index in
// that order).
const idOrder = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const tables = [
    "iljari_seekers", "iljari_employers", "iljari_openings", "iljari_counselors", "iljari_counselings", "iljari_referrals",
    "iljari_placements", "iljari_follow_ups", "iljari_job_fairs", "iljari_outreach_sessions", "iljari_discovery_visits",
    "iljari_psych_test_sessions", "iljari_partners", "iljari_questionnaires", "iljari_survey_responses",
    "iljari_study_room_bookings", "iljari_psych_test_participants", "iljari_training_demand"
  ]
  yield* sql.onDialectOrElse({
    pg: () =>
      Effect.forEach(
        tables,
        (table) => sql.unsafe(`CREATE INDEX ${table}_id_order ON ${table} (district_id, ${byteOrder(sql, "id")})`),
        { discard: true }
      ),
    orElse: () => Effect.void
  })
})

// Rate limits: one counter per key (a route and a client address, say) for
// the window it counts in, so that every server process counts the same hits.
// Not a district's record: a key may stand for a caller before anyone knows
// their district.
const rateLimits = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(
    "CREATE TABLE iljari_rate_limits (limit_key TEXT PRIMARY KEY, window_start BIGINT NOT NULL, window_end BIGINT NOT NULL, hits INTEGER NOT NULL)"
  )
  yield* sql.unsafe("CREATE INDEX iljari_rate_limits_ended ON iljari_rate_limits (window_end)")
})

// Import mappings: the column mapping a district chose for each ledger it
// imports, kept for its next import. Header texts and field names only, no
// personal data.
const importMappings = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(
    "CREATE TABLE iljari_import_mappings (district_id TEXT NOT NULL, ledger TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (district_id, ledger))"
  )
})

// Managers' decisions on monitoring findings, one per district and finding
// key, listed in id order like every record table (0016).
const monitoringDecisions = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(recordTable("iljari_monitoring_decisions", []))
  yield* sql.onDialectOrElse({
    pg: () =>
      sql.unsafe(`CREATE INDEX iljari_monitoring_decisions_id_order ON iljari_monitoring_decisions (district_id, ${byteOrder(sql, "id")})`),
    orElse: () => Effect.void
  })
})

// A district's own settings of its casework (follow-up policy, growth, closure days): one row per district.
const centerSettings = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(recordTable("iljari_center_settings", []))
})

// Job cafés, their program sessions and the sign-ups, per district; lists
// in id order like every record table (0016). A program is found by its café
// and by its day, a sign-up by its session and by the person.
const jobCafes = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const run = (statement: string) => sql.unsafe(statement)
  yield* run(recordTable("iljari_job_cafes", []))
  yield* run(recordTable("iljari_cafe_programs", ["cafe_id TEXT NOT NULL", "held_on TEXT NOT NULL"]))
  yield* run("CREATE INDEX iljari_cafe_programs_cafe ON iljari_cafe_programs (district_id, cafe_id)")
  yield* run("CREATE INDEX iljari_cafe_programs_day ON iljari_cafe_programs (district_id, held_on)")
  yield* run(recordTable("iljari_cafe_sign_ups", ["program_id TEXT NOT NULL", "person_id TEXT NOT NULL"]))
  yield* run("CREATE INDEX iljari_cafe_sign_ups_program ON iljari_cafe_sign_ups (district_id, program_id)")
  yield* run("CREATE INDEX iljari_cafe_sign_ups_person ON iljari_cafe_sign_ups (district_id, person_id)")
  yield* sql.onDialectOrElse({
    pg: () =>
      Effect.forEach(
        ["iljari_job_cafes", "iljari_cafe_programs", "iljari_cafe_sign_ups"],
        (table) => run(`CREATE INDEX ${table}_id_order ON ${table} (district_id, ${byteOrder(sql, "id")})`),
        { discard: true }
      ),
    orElse: () => Effect.void
  })
})

// One-time survey links: found across districts by their token's digest (one
// link a digest), listed by questionnaire, and by seeker for an erasure.
const surveyLinks = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const run = (statement: string) => sql.unsafe(statement)
  yield* run(recordTable("iljari_survey_links", ["digest TEXT NOT NULL", "questionnaire_id TEXT NOT NULL", "seeker_id TEXT"]))
  yield* run("CREATE UNIQUE INDEX iljari_survey_links_digest ON iljari_survey_links (digest)")
  yield* run("CREATE INDEX iljari_survey_links_questionnaire ON iljari_survey_links (district_id, questionnaire_id)")
  yield* run("CREATE INDEX iljari_survey_links_seeker ON iljari_survey_links (district_id, seeker_id)")
  yield* sql.onDialectOrElse({
    pg: () => run(`CREATE INDEX iljari_survey_links_id_order ON iljari_survey_links (district_id, ${byteOrder(sql, "id")})`),
    orElse: () => Effect.void
  })
})

/**
 * Every migration, by id and name, for `Migrator.fromRecord`.
 *
 * @since 0.1.0
 * @category migrations
 */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "0001_create_tables": createTables,
  "0002_outbox_delivery": outboxDelivery,
  "0003_job_fairs": jobFairs,
  "0004_events": events,
  "0005_study_rooms": studyRooms,
  "0006_outbox_lease": outboxLease,
  "0007_placement_per_referral": placementPerReferral,
  "0008_erasure_reach": erasureReach,
  "0009_staff_access": staffAccess,
  "0010_caseloads": caseloads,
  "0011_search": search,
  "0012_result_counts": resultCounts,
  "0013_employer_opening_search": employerOpeningSearch,
  "0014_idempotency_keys": idempotencyKeys,
  "0015_one_active_referral": oneActiveReferral,
  "0016_id_order": idOrder,
  "0017_rate_limits": rateLimits,
  "0018_import_mappings": importMappings,
  "0019_monitoring_decisions": monitoringDecisions,
  "0020_center_settings": centerSettings,
  "0021_survey_links": surveyLinks,
  "0022_job_cafes": jobCafes
}

/**
 * Runs the migrations that have not run yet; returns those it ran.
 *
 * @since 0.1.0
 * @category migrations
 */
export const migrate = Migrator.make({})({ loader: Migrator.fromRecord(migrations), table: migrationsTable })
