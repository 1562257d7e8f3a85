/**
 * Every storage port of `@iljari/core` over an `SqlClient`: provide
 * `SqliteClient.layer(...)` (`@effect/sql-sqlite-node`) for one counselor's
 * laptop or a small center, or `PgClient.layer(...)` (`@effect/sql-pg`) for a
 * city or national deployment, and the same code runs on either.
 *
 * @example
 * ```ts
 * import { Repositories } from "@iljari/core"
 * import { StoreSql } from "@iljari/store-sql"
 * import { SqliteClient } from "@effect/sql-sqlite-node"
 * import { Layer } from "effect"
 *
 * // Every core port over SQLite, migrated at start; PgClient.layer(...) for PostgreSQL instead.
 * const Storage = StoreSql.layerWithMigrations.pipe(
 *   Layer.provideMerge(SqliteClient.layer({ filename: "iljari.db" })),
 *   Layer.merge(Repositories.IdGenerator.layerRandom)
 * )
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Migrator, SqlClient } from "@effect/sql"
import {
  AccessRules,
  type CenterSettings,
  Account,
  ApiToken,
  Audit,
  type Cafes,
  Counseling,
  Counselor,
  Employer,
  Errors,
  FollowUp,
  Hangul,
  Idempotency,
  type Ids,
  type JobFair,
  Opening,
  Outbox,
  type Partner,
  Placement,
  type PsychTest,
  Referral,
  Repositories,
  Seeker,
  Session,
  type StudyRooms,
  type Survey,
  type SurveyLink
} from "@iljari/core"
import { SqlError } from "@effect/sql/SqlError"
import { DateTime, Effect, Layer, Option, Schema } from "effect"
import { makeImportStore } from "./internal/importStore.js"
import { encodedJson } from "./internal/json.js"
import { makeResultCounts } from "./internal/resultCounts.js"
import { makeStore, persistence, searchOf, type SortSpec, type TableSpec } from "./internal/store.js"
import * as Tables from "./internal/tables.js"
import { migrate } from "./Migrations.js"

type DistrictId = Ids.DistrictId

const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  // Freed pages are overwritten with zeros, so an erased record cannot be read back from the file.
  // Another process writing (an admin command beside the server) is waited
  // for, up to five seconds, instead of failing at once with SQLITE_BUSY.
  yield* sql.onDialectOrElse({
    sqlite: () => Effect.asVoid(Effect.zipRight(sql.unsafe("PRAGMA secure_delete = ON"), sql.unsafe("PRAGMA busy_timeout = 5000"))),
    orElse: () => Effect.void
  }).pipe(
    Effect.mapError(persistence("turn on secure_delete"))
  )

  const seekers = makeStore<Seeker.Seeker, typeof Seeker.Seeker.Encoded, Ids.SeekerId>(sql, Tables.seekers)
  const employers = makeStore<Employer.Employer, typeof Employer.Employer.Encoded, Ids.EmployerId>(sql, Tables.employers)
  const openings = makeStore<Opening.Opening, typeof Opening.Opening.Encoded, Ids.OpeningId>(sql, Tables.openings)
  const counselors = makeStore<Counselor.Counselor, typeof Counselor.Counselor.Encoded, Ids.CounselorId>(sql, Tables.counselors)
  const counselings = makeStore<Counseling.Counseling, typeof Counseling.Counseling.Encoded, Ids.CounselingId>(
    sql,
    Tables.counselings
  )
  const referrals = makeStore<Referral.Referral, typeof Referral.Referral.Encoded, Ids.ReferralId, Referral.ActiveReferralExists>(sql, Tables.referrals)
  const placements = makeStore<Placement.Placement, typeof Placement.Placement.Encoded, Ids.PlacementId, Placement.AlreadyPlaced>(
    sql,
    Tables.placements
  )
  const followUps = makeStore<FollowUp.Check, typeof FollowUp.Check.Encoded, Ids.FollowUpId>(sql, Tables.followUps)
  const jobFairs = makeStore<JobFair.JobFair, typeof JobFair.JobFair.Encoded, Ids.JobFairId>(sql, Tables.jobFairs)
  const bookings = makeStore<StudyRooms.StoredBooking, typeof StudyRooms.StoredBooking.Encoded, string>(sql, Tables.studyRoomBookings)
  const cafePrograms = makeStore<Cafes.StoredProgram, typeof Cafes.StoredProgram.Encoded, string>(sql, Tables.cafePrograms)
  const cafeSignUps = makeStore<Cafes.StoredSignUp, typeof Cafes.StoredSignUp.Encoded, string>(sql, Tables.cafeSignUps)
  const surveyResponses = makeStore<Survey.Response, typeof Survey.Response.Encoded, string>(sql, Tables.surveyResponses)
  const participants = makeStore<PsychTest.Participant, typeof PsychTest.Participant.Encoded, string, PsychTest.Refused>(
    sql,
    Tables.psychTestParticipants
  )
  const demand = makeStore<Partner.DemandResponse, typeof Partner.DemandResponse.Encoded, string>(sql, Tables.trainingDemand)
  const { where: _accounts, findAcross: findAccount, ...accountStore } = makeStore<
    Account.Account,
    typeof Account.Account.Encoded,
    Ids.CounselorId,
    Account.LoginTaken
  >(sql, Tables.accounts)
  const { where: _sessions, findAcross: findSession, ...sessionStore } = makeStore<Session.Session, typeof Session.Session.Encoded, Ids.SessionId>(
    sql,
    Tables.sessions
  )
  const { where: _tokens, findAcross: findToken, ...tokenStore } = makeStore<ApiToken.ApiToken, typeof ApiToken.ApiToken.Encoded, Ids.ApiTokenId>(
    sql,
    Tables.apiTokens
  )
  const { where: linkWhere, findAcross: findLink, ...linkStore } = makeStore<SurveyLink.Link, typeof SurveyLink.Link.Encoded, string>(
    sql,
    Tables.surveyLinks
  )
  // Records of outreach and events: plain stores, listed by district.
  const plain = <A extends { readonly id: string; readonly districtId: DistrictId }, I>(spec: TableSpec<A, I>) => {
    const { where: _, ...store } = makeStore<A, I, string>(sql, spec)
    return store
  }

  const decodeAudit = Schema.decodeUnknownEither(Audit.AuditEntry)
  const decodeMessage = Schema.decodeUnknownEither(Outbox.OutboxMessage)
  const decodeStatus = Schema.decodeUnknownEither(Outbox.MessageStatus)

  const auditRow = (entry: Audit.AuditEntry) => ({
    district_id: entry.districtId,
    id: entry.id,
    at: DateTime.formatIso(entry.at),
    actor: entry.actor,
    action: entry.action,
    subject_kind: entry.subjectKind,
    subject_id: entry.subjectId,
    data: encodedJson(entry)
  })
  // One statement per thousand entries (eight parameters each), within both
  // databases' limits on parameters; a list or a ledger is one statement.
  const appendAll = (entries: ReadonlyArray<Audit.AuditEntry>) =>
    Effect.forEach(
      Array.from({ length: Math.ceil(entries.length / 1000) }, (_, i) => entries.slice(i * 1000, (i + 1) * 1000)),
      (chunk) => sql`INSERT INTO iljari_audit_log ${sql.insert(chunk.map(auditRow))}`,
      { discard: true }
    ).pipe(Effect.mapError(persistence("append audit entries")))

  // Idempotency keys: one row per district, account and key. A claim is one
  // statement — an insert that takes a free key, or retakes an expired one —
  // so that two racing requests cannot both hold a key.
  const keys = sql("iljari_idempotency_keys")
  const claimKey = (
    scope: Idempotency.Scope,
    key: string,
    fingerprint: string,
    now: DateTime.Utc,
    expiresAt: DateTime.Utc
  ): Effect.Effect<Idempotency.Claim, SqlError> =>
    Effect.gen(function*() {
      const taken = yield* sql<{ fingerprint: string }>`INSERT INTO ${keys} ${
        sql.insert({
          district_id: scope.districtId,
          account_id: scope.accountId,
          idempotency_key: key,
          fingerprint,
          status: null,
          answer: null,
          expires_at: DateTime.formatIso(expiresAt)
        })
      } ON CONFLICT (district_id, account_id, idempotency_key) DO UPDATE SET fingerprint = excluded.fingerprint, status = NULL,
        answer = NULL, expires_at = excluded.expires_at WHERE ${keys}.expires_at <= ${DateTime.formatIso(now)} RETURNING fingerprint`
      if (taken.length === 1) return { _tag: "Claimed" } as const
      const [held] = yield* sql<{ fingerprint: string; status: number | string | null; answer: string | null }>`SELECT fingerprint, status, answer
        FROM ${keys} WHERE district_id = ${scope.districtId} AND account_id = ${scope.accountId} AND idempotency_key = ${key}`
      // Freed between the two statements: claim again.
      if (held === undefined) return yield* claimKey(scope, key, fingerprint, now, expiresAt)
      return held.status === null || held.answer === null
        ? { _tag: "Pending", fingerprint: held.fingerprint } as const
        : { _tag: "Completed", fingerprint: held.fingerprint, answer: { status: Number(held.status), body: held.answer } } as const
    })
  const idempotency: Idempotency.IdempotencyStore["Type"] = {
    claim: (scope, key, fingerprint, now, expiresAt) =>
      claimKey(scope, key, fingerprint, now, expiresAt).pipe(Effect.mapError(persistence("claim idempotency key"))),
    complete: (scope, key, answer, expiresAt) =>
      Effect.asVoid(sql`UPDATE ${keys} SET ${sql.update({ status: answer.status, answer: answer.body, expires_at: DateTime.formatIso(expiresAt) })}
        WHERE district_id = ${scope.districtId} AND account_id = ${scope.accountId} AND idempotency_key = ${key}`).pipe(
        Effect.mapError(persistence("keep idempotent answer"))
      ),
    release: (scope, key) =>
      Effect.asVoid(sql`DELETE FROM ${keys}
        WHERE district_id = ${scope.districtId} AND account_id = ${scope.accountId} AND idempotency_key = ${key} AND answer IS NULL`).pipe(
        Effect.mapError(persistence("release idempotency key"))
      ),
    purge: (before) =>
      sql<{ idempotency_key: string }>`DELETE FROM ${keys} WHERE expires_at <= ${DateTime.formatIso(before)} RETURNING idempotency_key`.pipe(
        Effect.map((rows) => rows.length),
        Effect.mapError(persistence("purge idempotency keys"))
      ),
    forget: (districtId, texts) =>
      texts.length === 0 ? Effect.succeed(0) : sql<{ idempotency_key: string }>`DELETE FROM ${keys} WHERE district_id = ${districtId}
        AND answer IS NOT NULL AND (${
        sql.or(texts.map((text) => sql.onDialectOrElse({ pg: () => sql`strpos(answer, ${text}) > 0`, orElse: () => sql`instr(answer, ${text}) > 0` })))
      }) RETURNING idempotency_key`.pipe(
        Effect.map((rows) => rows.length),
        Effect.mapError(persistence("forget idempotency answers"))
      )
  }

  const auditLog: Audit.AuditLog["Type"] = {
    append: (entry) => appendAll([entry]),
    appendAll,
    list: (districtId, query = {}) =>
      sql<{ data: string }>`SELECT data FROM iljari_audit_log WHERE ${
        sql.and([
          sql`district_id = ${districtId}`,
          ...(query.subjectId === undefined ? [] : [sql`subject_id = ${query.subjectId}`]),
          ...(query.actor === undefined ? [] : [sql`actor = ${query.actor}`]),
          // ISO instants in UTC compare as text in both databases.
          ...(query.from === undefined ? [] : [sql`at >= ${DateTime.formatIso(query.from)}`]),
          ...(query.before === undefined ? [] : [sql`at < ${DateTime.formatIso(query.before)}`]),
          // Keyset: the entries written after the one named (a missing one matches nothing).
          ...(query.after === undefined
            ? []
            : [sql`seq > (SELECT seq FROM iljari_audit_log WHERE district_id = ${districtId} AND id = ${query.after})`])
        ])
      } ORDER BY seq${
        query.limit === undefined && query.offset === undefined
          ? sql.literal("")
          : sql` LIMIT ${query.limit ?? 1_000_000_000} OFFSET ${query.offset ?? 0}`
      }`.pipe(
        Effect.flatMap((rows) => Effect.forEach(rows, (row) => decodeAudit(JSON.parse(row.data)))),
        Effect.mapError(persistence("list audit entries"))
      )
  }

  // One atomic statement per hit: the counter of an older window starts again from one.
  const rateLimits: Repositories.RateLimits["Type"] = {
    hit: (key, windowStart, windowEnd) =>
      Effect.gen(function*() {
        const rows = yield* sql<{ readonly hits: number | string }>`INSERT INTO iljari_rate_limits ${
          sql.insert({ limit_key: key, window_start: windowStart, window_end: windowEnd, hits: 1 })
        } ON CONFLICT (limit_key) DO UPDATE SET
          hits = CASE WHEN iljari_rate_limits.window_start = excluded.window_start THEN iljari_rate_limits.hits + 1 ELSE 1 END,
          window_start = excluded.window_start,
          window_end = excluded.window_end
        RETURNING hits`
        const hits = Number(rows[0]?.hits ?? 1)
        // A new window: drop the counters whose windows ended, so the table holds the keys in use.
        if (hits === 1) yield* sql`DELETE FROM iljari_rate_limits WHERE window_end <= ${windowStart}`
        return hits
      }).pipe(Effect.mapError(persistence("count a rate-limited request")))
  }

  const outbox: Outbox.Outbox["Type"] = {
    enqueue: (message) =>
      sql`INSERT INTO iljari_outbox ${
        sql.insert({
          district_id: message.districtId,
          id: message.id,
          idempotency_key: message.idempotencyKey,
          status: message.status,
          created_at: DateTime.formatIso(message.createdAt),
          not_before: message.notBefore === undefined ? null : DateTime.formatIso(message.notBefore),
          data: encodedJson(message)
        })
      } ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`.pipe(
        // The people it concerns, so that erasing one of them finds it.
        Effect.flatMap((inserted) => {
          const people = [...new Set([...(message.recipient.kind === "seeker" ? [message.recipient.id] : []), ...(message.about ?? [])])]
          return inserted.length === 0 || people.length === 0
            ? Effect.void
            : Effect.asVoid(sql`INSERT INTO iljari_outbox_people ${
              sql.insert(people.map((seekerId) => ({ district_id: message.districtId, seeker_id: seekerId, message_id: message.id })))
            }`)
        }),
        Effect.asVoid,
        Effect.mapError(persistence("enqueue message"))
      ),
    redact: (districtId, seekerId) =>
      sql<{ data: string }>`SELECT o.data FROM iljari_outbox o JOIN iljari_outbox_people p
        ON p.district_id = o.district_id AND p.message_id = o.id
        WHERE p.district_id = ${districtId} AND p.seeker_id = ${seekerId}`.pipe(
        Effect.flatMap((rows) => Effect.forEach(rows, (row) => decodeMessage(JSON.parse(row.data)))),
        Effect.flatMap((messages) =>
          Effect.forEach(messages, (message) => {
            const erased = Outbox.redacted(message)
            return sql`UPDATE iljari_outbox SET ${
              sql.update({ status: erased.status, not_before: null, data: encodedJson(erased), lease_owner: null, lease_until: null })
            } WHERE district_id = ${districtId} AND id = ${message.id}`
          }, { discard: true }).pipe(Effect.as(messages.length))
        ),
        Effect.mapError(persistence("redact messages"))
      ),
    // One statement picks and leases the batch. PostgreSQL locks the rows it
    // picks and skips those another worker's claim is locking, so concurrent
    // claims take disjoint batches without waiting; SQLite has one writer at a
    // time, so the statement alone is atomic there.
    claim: (worker, now, limit, leaseFor) => {
      const at = DateTime.formatIso(now)
      const lease: Outbox.Lease = { owner: worker, until: DateTime.addDuration(now, leaseFor) }
      const lock = sql.onDialectOrElse({
        pg: () => sql.literal(" FOR UPDATE SKIP LOCKED"),
        orElse: () => sql.literal("")
      })
      return sql<{ seq: number | string; data: string }>`UPDATE iljari_outbox SET ${
        sql.update({ lease_owner: worker, lease_until: DateTime.formatIso(lease.until) })
      } WHERE seq IN (SELECT seq FROM iljari_outbox WHERE status = 'pending' AND (not_before IS NULL OR not_before <= ${at}) AND (lease_until IS NULL OR lease_until <= ${at}) ORDER BY seq LIMIT ${
        Math.max(0, limit)
      }${lock}) RETURNING seq, data`.pipe(
        Effect.flatMap((rows) =>
          Effect.forEach(
            [...rows].sort((a, b) => Number(a.seq) - Number(b.seq)),
            (row) => decodeMessage(JSON.parse(row.data))
          )
        ),
        Effect.map((messages): Outbox.Claimed => ({ lease, messages })),
        Effect.mapError(persistence("claim due messages"))
      )
    },
    // Fenced: applied only while the message is pending and held by this very
    // lease; otherwise the row says why not.
    save: (lease, message) =>
      sql<{ id: string }>`UPDATE iljari_outbox SET ${
        sql.update({
          status: message.status,
          not_before: message.notBefore === undefined ? null : DateTime.formatIso(message.notBefore),
          data: encodedJson(message),
          lease_owner: null,
          lease_until: null
        })
      } WHERE district_id = ${message.districtId} AND id = ${message.id} AND status = 'pending' AND lease_owner = ${lease.owner} AND lease_until = ${
        DateTime.formatIso(lease.until)
      } RETURNING id`.pipe(
        Effect.mapError(persistence("save message")),
        Effect.flatMap((rows) =>
          rows.length === 1 ? Effect.void : sql<{ status: string; lease_owner: string | null }>`SELECT status, lease_owner FROM iljari_outbox WHERE district_id = ${message.districtId} AND id = ${message.id}`.pipe(
            Effect.flatMap((found) =>
              Effect.map(Effect.forEach(found, (row) => decodeStatus(row.status)), (statuses) => ({ found, statuses }))
            ),
            Effect.mapError(persistence("save message")),
            Effect.flatMap(({ found, statuses }): Effect.Effect<never, Errors.NotFound | Outbox.LeaseLost> =>
              found.length === 0
                ? Effect.fail(new Errors.NotFound({ kind: "outbox message", id: message.id }))
                : Effect.fail(
                  new Outbox.LeaseLost({
                    id: message.id,
                    worker: lease.owner,
                    status: statuses[0]!,
                    ...(found[0]!.lease_owner === null ? {} : { holder: found[0]!.lease_owner })
                  })
                )
            )
          )
        )
      ),
    list: (districtId, status) =>
      sql<{ data: string }>`SELECT data FROM iljari_outbox WHERE ${
        sql.and([sql`district_id = ${districtId}`, ...(status === undefined ? [] : [sql`status = ${status}`])])
      } ORDER BY seq`.pipe(
        Effect.flatMap((rows) => Effect.forEach(rows, (row) => decodeMessage(JSON.parse(row.data)))),
        Effect.mapError(persistence("list outbox"))
      )
  }

  const between = (column: string, from: string, to: string) => sql`${sql(column)} BETWEEN ${from} AND ${to}`
  const equals = (column: string, value: string) => sql`${sql(column)} = ${value}`
  // A filter's conditions: each column equal to its value, where one is given.
  const equalsGiven = (values: Record<string, string | undefined>) =>
    Object.entries(values).flatMap(([column, value]) => (value === undefined ? [] : [equals(column, value)]))
  // A sort by a column, then by id, both in one direction and byte by byte, as the memory layer compares.
  const sortedBy = (column: string | undefined, direction: "asc" | "desc"): SortSpec => ({
    columns: [...(column === undefined ? [] : [column]), "id"],
    direction
  })
  const seekerSortColumn: Record<Seeker.SearchSort, string | undefined> = { name: "name", registeredAt: "registered_at", id: undefined }
  const { where: seekerWhere, ...seekerStore } = seekers
  const { where: openingWhere, ...openingStore } = openings
  const { where: counselingWhere, ...counselingStore } = counselings
  const { where: referralWhere, ...referralStore } = referrals
  const { where: placementWhere, ...placementStore } = placements
  const { where: followUpWhere, ...followUpStore } = followUps
  const { where: employerWhere, ...employerStore } = employers
  const { where: _counselors, ...counselorStore } = counselors
  const { where: _jobFairs, ...jobFairStore } = jobFairs
  const { where: bookingWhere, ...bookingStore } = bookings
  const { where: programWhere, ...programStore } = cafePrograms
  const { where: signUpWhere, ...signUpStore } = cafeSignUps
  const { where: responseWhere, ...responseStore } = surveyResponses
  const { where: participantWhere, ...participantStore } = participants
  const { where: demandWhere, ...demandStore } = demand
  const seekerSearch = searchOf(sql, Tables.seekers, seekerWhere)
  const referralSearch = searchOf(sql, Tables.referrals, referralWhere)
  const placementSearch = searchOf(sql, Tables.placements, placementWhere)
  const employerSearch = searchOf(sql, Tables.employers, employerWhere)
  const openingSearch = searchOf(sql, Tables.openings, openingWhere)
  // A `Hangul.TextQuery` over a name's columns: its folded form inside the
  // folded name (a plain substring test, so `%` and `_` mean themselves), or
  // its 초성 pattern inside the name's search key.
  const textFound = (column: string, query: Hangul.TextQuery) => {
    const text = Hangul.folded(query)
    const inText = sql.onDialectOrElse({
      pg: () => sql`strpos(${sql(`${column}_text`)}, ${text}) > 0`,
      orElse: () => sql`instr(${sql(`${column}_text`)}, ${text}) > 0`
    })
    const initials = Hangul.initialsQuery(query)
    return initials === undefined
      ? inText
      : sql.or([inText, sql`${sql(`${column}_key`)} LIKE ${`%${Hangul.keyPattern(initials)}%`}`])
  }
  const employerSortColumn: Record<Employer.EmployerSort, string> = { name: "name", registeredAt: "registered_at" }
  const openingSortColumn: Record<Opening.OpeningSort, string> = { openedOn: "opened_on", title: "title" }

  return {
    SeekerRepository: {
      ...seekerStore,
      findPossibleDuplicates: (districtId: DistrictId, probe: Repositories.DuplicateProbe) =>
        seekerWhere(
          districtId,
          sql`name = ${probe.name} AND (birth_date = ${probe.birthDate}${
            probe.phone === undefined ? sql.literal("") : sql` OR phone = ${probe.phone}`
          })`
        ),
      // Both groupings are read from the (district, name, phone) and (district, name, birth date) indexes;
      // an erased seeker (whose name is the erased one) is nobody's repeat.
      listPossibleDuplicates: (d: DistrictId) =>
        seekerWhere(
          d,
          sql`name <> ${Seeker.erasedName} AND ((name, birth_date) IN (SELECT name, birth_date FROM iljari_seekers
              WHERE district_id = ${d} AND name <> ${Seeker.erasedName} GROUP BY name, birth_date HAVING COUNT(*) > 1)
            OR (name, phone) IN (SELECT name, phone FROM iljari_seekers WHERE district_id = ${d} AND phone IS NOT NULL
              GROUP BY name, phone HAVING COUNT(*) > 1))`
        ),
      listByCounselor: (d: DistrictId, counselorId: string, page?: Repositories.Page) =>
        seekerWhere(d, equals("counselor_id", counselorId), page),
      search: (d: DistrictId, criteria: Seeker.SearchCriteria, page?: Repositories.Page) =>
        seekerSearch(
          d,
          sql.and([
            ...(criteria.name === undefined ? [] : [sql`name_key LIKE ${`%${Hangul.keyPattern(criteria.name)}%`}`]),
            ...equalsGiven({ phone_tail: criteria.phoneTail, status: criteria.status, counselor_id: criteria.counselorId })
          ]),
          sortedBy(seekerSortColumn[criteria.sort], criteria.order),
          page
        )
    },
    EmployerRepository: {
      ...employerStore,
      search: (d: DistrictId, criteria: Employer.EmployerCriteria, page?: Repositories.Page) =>
        employerSearch(
          d,
          sql.and(criteria.name === undefined ? [] : [textFound("name", criteria.name)]),
          sortedBy(employerSortColumn[criteria.sort], criteria.order),
          page
        )
    },
    OpeningRepository: {
      ...openingStore,
      listByEmployer: (d: DistrictId, id: string) => openingWhere(d, equals("employer_id", id)),
      search: (d: DistrictId, criteria: Opening.OpeningCriteria, page?: Repositories.Page) =>
        openingSearch(
          d,
          sql.and([
            ...(criteria.title === undefined ? [] : [textFound("title", criteria.title)]),
            ...equalsGiven({ status: criteria.status, employer_id: criteria.employerId })
          ]),
          sortedBy(openingSortColumn[criteria.sort], criteria.order),
          page
        )
    },
    CounselorRepository: counselorStore,
    CounselingRepository: {
      ...counselingStore,
      listBySeeker: (d: DistrictId, id: string) => counselingWhere(d, equals("seeker_id", id)),
      listHeldBetween: (d: DistrictId, from: string, to: string) => counselingWhere(d, between("held_on", from, to))
    },
    ReferralRepository: {
      ...referralStore,
      listBySeeker: (d: DistrictId, id: string) => referralWhere(d, equals("seeker_id", id)),
      search: (d: DistrictId, filter: Referral.Filter, page?: Repositories.Page) =>
        referralSearch(
          d,
          sql.and(equalsGiven({ status: filter.status, counselor_id: filter.counselorId, seeker_id: filter.seekerId, opening_id: filter.openingId })),
          sortedBy("proposed_on", "desc"),
          page
        )
    },
    PlacementRepository: {
      ...placementStore,
      findByReferral: (d: DistrictId, id: string) => Effect.map(placementWhere(d, equals("referral_id", id)), (rows) => Option.fromNullable(rows[0])),
      listBySeeker: (d: DistrictId, id: string) => placementWhere(d, equals("seeker_id", id)),
      listStartedBetween: (d: DistrictId, from: string, to: string) => placementWhere(d, between("start_on", from, to)),
      search: (d: DistrictId, filter: Placement.Filter, page?: Repositories.Page) =>
        placementSearch(
          d,
          sql.and([
            ...equalsGiven({ counselor_id: filter.counselorId, seeker_id: filter.seekerId }),
            ...(filter.startedFrom === undefined ? [] : [sql`start_on >= ${filter.startedFrom}`]),
            ...(filter.startedTo === undefined ? [] : [sql`start_on <= ${filter.startedTo}`])
          ]),
          sortedBy("start_on", "desc"),
          page
        )
    },
    FollowUpRepository: {
      ...followUpStore,
      listByCounselor: (d: DistrictId, id: string) => followUpWhere(d, equals("counselor_id", id)),
      listByPlacement: (d: DistrictId, id: string) => followUpWhere(d, equals("placement_id", id))
    },
    JobFairRepository: jobFairStore,
    OutreachSessionRepository: plain(Tables.outreachSessions),
    DiscoveryVisitRepository: plain(Tables.discoveryVisits),
    PsychTestSessionRepository: plain(Tables.psychTestSessions),
    PartnerRepository: plain(Tables.partners),
    QuestionnaireRepository: plain(Tables.questionnaires),
    MonitoringDecisionRepository: plain(Tables.monitoringDecisions),
    SurveyResponseRepository: { ...responseStore, listBySeeker: (d: DistrictId, id: string) => responseWhere(d, equals("seeker_id", id)) },
    SurveyLinkRepository: {
      ...linkStore,
      findByDigest: (digest: string) => findLink("digest", digest),
      listByQuestionnaire: (d: DistrictId, id: string) => linkWhere(d, equals("questionnaire_id", id)),
      listBySeeker: (d: DistrictId, id: string) => linkWhere(d, equals("seeker_id", id))
    },
    StudyRoomBookingRepository: {
      ...bookingStore,
      listOn: (d: DistrictId, on: string) => bookingWhere(d, equals("booked_on", on)),
      listByPeople: (d: DistrictId, personIds: ReadonlyArray<string>) =>
        personIds.length === 0 ? Effect.succeed([]) : bookingWhere(d, sql.in("person_id", personIds))
    },
    CafeRepository: plain(Tables.jobCafes),
    CafeProgramRepository: {
      ...programStore,
      listByCafe: (d: DistrictId, id: string) => programWhere(d, equals("cafe_id", id)),
      listBetween: (d: DistrictId, from: string, to: string) => programWhere(d, sql`held_on BETWEEN ${from} AND ${to}`)
    },
    CafeSignUpRepository: {
      ...signUpStore,
      listByProgram: (d: DistrictId, id: string) => signUpWhere(d, equals("program_id", id)),
      listByPeople: (d: DistrictId, personIds: ReadonlyArray<string>) =>
        personIds.length === 0 ? Effect.succeed([]) : signUpWhere(d, sql.in("person_id", personIds))
    },
    PsychTestParticipantRepository: {
      ...participantStore,
      listBySession: (d: DistrictId, id: string) => participantWhere(d, equals("session_id", id)),
      listBySeeker: (d: DistrictId, id: string) => participantWhere(d, equals("seeker_id", id))
    },
    TrainingDemandRepository: { ...demandStore, listBySeeker: (d: DistrictId, id: string) => demandWhere(d, equals("seeker_id", id)) },
    AccountRepository: {
      ...accountStore,
      findByLogin: (login: string) => findAccount("login", login),
      findByExternalId: (externalId: string) => findAccount("external_id", externalId)
    },
    SessionRepository: { ...sessionStore, findByDigest: (digest: string) => findSession("digest", digest) },
    AccessRulesRepository: makeStore<AccessRules.Rules, typeof AccessRules.Rules.Encoded, "access">(sql, Tables.accessRules),
    CenterSettingsRepository: makeStore<CenterSettings.Settings, typeof CenterSettings.Settings.Encoded, "settings">(sql, Tables.centerSettings),
    ApiTokenRepository: { ...tokenStore, findByDigest: (digest: string) => findToken("digest", digest) },
    ResultCounts: makeResultCounts(sql),
    AuditLog: auditLog,
    Outbox: outbox,
    IdempotencyStore: idempotency,
    RateLimits: rateLimits,
    ImportStore: makeImportStore(sql),
    Transactor: {
      // SQLite copies the WAL into the file (whose freed pages secure_delete
      // zeroed) and truncates it, so no old frame keeps the erased record;
      // PostgreSQL keeps old row versions until VACUUM (see the storage guide).
      shred: sql.onDialectOrElse({
        sqlite: () => Effect.asVoid(sql.unsafe("PRAGMA wal_checkpoint(TRUNCATE)")),
        orElse: () => Effect.void
      }).pipe(Effect.mapError(persistence("checkpoint after erasure"))),
      // SQLite has one writer, and a transaction that read before another
      // wrote cannot write (SQLITE_BUSY); PostgreSQL takes an advisory lock
      // that its transaction releases.
      lock: (key: string) =>
        sql.onDialectOrElse<Effect.Effect<void>, never, Effect.Effect<void, SqlError>>({
          pg: () => Effect.asVoid(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`),
          orElse: () => Effect.void
        }).pipe(Effect.mapError(persistence("lock"))),
      withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) =>
        sql.withTransaction(effect).pipe(
          Effect.catchIf(
            (e: E | SqlError): e is SqlError => e instanceof SqlError,
            (e) => Effect.fail(persistence("transaction")(e))
          )
        )
    } satisfies Repositories.Transactor["Type"]
  }
})

/**
 * Every storage port over the `SqlClient` in context. Run {@link migrate}
 * first, or use {@link layerWithMigrations}.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = Layer.effectContext(Effect.map(make, (ports) => Repositories.context(ports satisfies Repositories.Implementations)))

/**
 * The ports {@link layer} provides.
 *
 * @since 0.1.0
 * @category layers
 */
export type Ports = Layer.Layer.Success<typeof layer>

/**
 * {@link layer}, after running the migrations that have not run yet.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithMigrations: Layer.Layer<Ports, Errors.PersistenceError, SqlClient.SqlClient> = Layer.provideMerge(
  layer,
  Layer.effectDiscard(migrate.pipe(
    Effect.mapError((error) => persistence("migrate")(error as never)),
    // A migration that fails is a defect to the Migrator; say which one and why.
    Effect.catchAllDefect((defect) =>
      defect instanceof Migrator.MigrationError
        ? Effect.fail(new Errors.PersistenceError({ operation: "migrate", reason: `${defect.message}: ${causeMessage(defect.cause)}` }))
        : Effect.die(defect)
    )
  ))
)

const causeMessage = (cause: unknown): string =>
  cause instanceof SqlError
    ? `${cause.message}${cause.cause instanceof Error ? `: ${cause.cause.message}` : ""}`
    : cause instanceof Error
    ? cause.message
    : String(cause)

export { migrate }
