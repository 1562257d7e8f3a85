/**
 * `@iljari/report`'s `ReportSource` port over this package's tables: every
 * count is a `GROUP BY` in the database, on SQLite and PostgreSQL alike, and
 * only the counts cross the wire. The report package owns the port and the
 * count shapes; the tables, and so the queries over them, are this package's.
 *
 * Dates the queries filter on are columns (`registered_on`, `opened_on`,
 * `held_on`, `start_on`, `due_on`); the counselor of a session, a referral or
 * a placement, a placement's `countsForCenter`, a referral's first day and a
 * check's `doneOn`/`cancelledOn` live only in the JSON `data` column and are
 * read with `json_extract` (SQLite) or jsonb operators (PostgreSQL).
 *
 * It counts exactly as `ReportSource.layerMemory` does: one shared suite
 * (`packages/report/test/sourceSuite.ts`) holds both to the same figures.
 *
 * @example
 * ```ts
 * import { ReportSourceSql } from "@iljari/store-sql"
 * import { SqliteClient } from "@effect/sql-sqlite-node"
 * import { Layer } from "effect"
 *
 * // @iljari/report's ReportSource, counted with GROUP BY over the same tables.
 * const Source = ReportSourceSql.layer.pipe(Layer.provide(SqliteClient.layer({ filename: "iljari.db" })))
 * ```
 *
 * @since 0.3.0
 * @module
 */
import { SqlClient, type Statement } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import type { Ids, LocalDate } from "@iljari/core"
import { Counts, Period, ReportSource } from "@iljari/report"
import { Effect, Layer } from "effect"
import { persistence } from "./internal/store.js"
import * as Tables from "./internal/tables.js"

type CounselorCounts = Counts.CounselorCounts
type FollowUpCounts = Counts.FollowUpCounts
type MonthCounts = Counts.MonthCounts
type TargetGroupCounts = Counts.TargetGroupCounts
type Service = ReportSource.Service

// COUNT and SUM come back as bigint strings from PostgreSQL, numbers from SQLite.
const count = (value: unknown): number => {
  const n = Number(value ?? 0)
  return Number.isFinite(n) ? n : 0
}

type Field = "counselorId" | "doneOn" | "cancelledOn" | "proposedOn"

/**
 * The source over the `SqlClient` in context.
 *
 * @since 0.3.0
 * @category constructors
 */
export const make: Effect.Effect<ReportSource.Service, never, SqlClient.SqlClient> = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const isPg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
  const lit = (text: string) => sql.literal(text)

  // The JSON document of a row (`j` in the subqueries), parsed once per row on PostgreSQL.
  const doc = lit(isPg ? "data::jsonb" : "data")
  const jsonPath: Record<Field, string> = {
    counselorId: isPg ? "(j ->> 'counselorId')" : "json_extract(j, '$.counselorId')",
    doneOn: isPg ? "(j ->> 'doneOn')" : "json_extract(j, '$.doneOn')",
    cancelledOn: isPg ? "(j ->> 'cancelledOn')" : "json_extract(j, '$.cancelledOn')",
    proposedOn: isPg ? "(j #>> '{history,0,on}')" : "json_extract(j, '$.history[0].on')"
  }
  const field = (name: Field) => lit(jsonPath[name])
  const counts = lit(isPg ? "((j ->> 'countsForCenter') = 'true')" : "(json_extract(j, '$.countsForCenter') = 1)")

  const run = <A extends object>(operation: string, statement: Statement.Statement<A>) =>
    Effect.mapError(statement, (error: SqlError) => persistence(operation)(error))

  // The tables, named where they are defined.
  const seekers = sql(Tables.seekers.table)
  const openings = sql(Tables.openings.table)
  const counselings = sql(Tables.counselings.table)
  const referrals = sql(Tables.referrals.table)
  const placements = sql(Tables.placements.table)
  const followUpChecks = sql(Tables.followUps.table)

  const monthly: Service["monthly"] = (districtId, period) =>
    run(
      "count results by month",
      sql<{ metric: string; month: string; n: unknown }>`
        SELECT 'openings' AS metric, substr(opened_on, 1, 7) AS month, COUNT(*) AS n FROM ${openings}
          WHERE district_id = ${districtId} AND opened_on BETWEEN ${period.from} AND ${period.to} GROUP BY substr(opened_on, 1, 7)
        UNION ALL
        SELECT 'seekers', substr(registered_on, 1, 7), COUNT(*) FROM ${seekers}
          WHERE district_id = ${districtId} AND registered_on BETWEEN ${period.from} AND ${period.to} GROUP BY substr(registered_on, 1, 7)
        UNION ALL
        SELECT 'counseling', substr(held_on, 1, 7), COUNT(*) FROM ${counselings}
          WHERE district_id = ${districtId} AND held_on BETWEEN ${period.from} AND ${period.to} GROUP BY substr(held_on, 1, 7)
        UNION ALL
        SELECT CASE WHEN ${counts} THEN 'placements' ELSE 'selfFound' END, substr(start_on, 1, 7), COUNT(*)
          FROM (SELECT start_on, ${doc} AS j FROM ${placements}
            WHERE district_id = ${districtId} AND start_on BETWEEN ${period.from} AND ${period.to}) p
          GROUP BY CASE WHEN ${counts} THEN 'placements' ELSE 'selfFound' END, substr(start_on, 1, 7)`
    ).pipe(Effect.map((rows): ReadonlyArray<MonthCounts> => {
      const months = new Map(Period.months(period).map((m) => [m, { ...Counts.emptyMonth(m) }] as const))
      for (const row of rows) {
        const target = months.get(row.month) as Record<string, number> | undefined
        if (target !== undefined && row.metric in target) target[row.metric] = count(row.n)
      }
      return [...months.values()]
    }))

  const byCounselor: Service["byCounselor"] = (districtId, period) =>
    run(
      "count results by counselor",
      sql<{ counselor_id: string; metric: string; n: unknown }>`
        SELECT ${field("counselorId")} AS counselor_id, 'counseling' AS metric, COUNT(*) AS n
          FROM (SELECT ${doc} AS j FROM ${counselings}
            WHERE district_id = ${districtId} AND held_on BETWEEN ${period.from} AND ${period.to}) c
          GROUP BY ${field("counselorId")}
        UNION ALL
        SELECT ${field("counselorId")}, 'referrals', COUNT(*)
          FROM (SELECT ${doc} AS j FROM ${referrals} WHERE district_id = ${districtId}) r
          WHERE ${field("proposedOn")} BETWEEN ${period.from} AND ${period.to}
          GROUP BY ${field("counselorId")}
        UNION ALL
        SELECT ${field("counselorId")}, CASE WHEN ${counts} THEN 'placements' ELSE 'selfFound' END, COUNT(*)
          FROM (SELECT ${doc} AS j FROM ${placements}
            WHERE district_id = ${districtId} AND start_on BETWEEN ${period.from} AND ${period.to}) p
          GROUP BY ${field("counselorId")}, CASE WHEN ${counts} THEN 'placements' ELSE 'selfFound' END`
    ).pipe(Effect.map((rows): ReadonlyArray<CounselorCounts> => {
      const byId = new Map<string, { -readonly [K in keyof CounselorCounts]: CounselorCounts[K] }>()
      for (const row of rows) {
        let target = byId.get(row.counselor_id)
        if (target === undefined) {
          target = { counselorId: row.counselor_id as Ids.CounselorId, counseling: 0, referrals: 0, placements: 0, selfFound: 0 }
          byId.set(row.counselor_id, target)
        }
        if (row.metric === "counseling" || row.metric === "referrals" || row.metric === "placements" || row.metric === "selfFound") {
          target[row.metric] = count(row.n)
        }
      }
      return [...byId.values()]
        .sort(Counts.byCounselorId)
    }))

  const followUps: Service["followUps"] = (districtId, period, asOf: LocalDate.LocalDate) =>
    run(
      "count follow-up checks",
      sql<{ counselor_id: string; due: unknown; on_time: unknown; late: unknown; overdue: unknown; pending: unknown; cancelled: unknown }>`
        SELECT counselor_id,
          COUNT(*) AS due,
          SUM(CASE WHEN cancelled_on IS NULL AND done_on IS NOT NULL AND done_on <= due_on THEN 1 ELSE 0 END) AS on_time,
          SUM(CASE WHEN cancelled_on IS NULL AND done_on IS NOT NULL AND done_on > due_on THEN 1 ELSE 0 END) AS late,
          SUM(CASE WHEN cancelled_on IS NULL AND done_on IS NULL AND due_on < ${asOf} THEN 1 ELSE 0 END) AS overdue,
          SUM(CASE WHEN cancelled_on IS NULL AND done_on IS NULL AND due_on >= ${asOf} THEN 1 ELSE 0 END) AS pending,
          SUM(CASE WHEN cancelled_on IS NOT NULL THEN 1 ELSE 0 END) AS cancelled
        FROM (SELECT counselor_id, due_on, ${field("doneOn")} AS done_on, ${field("cancelledOn")} AS cancelled_on
          FROM (SELECT counselor_id, due_on, ${doc} AS j FROM ${followUpChecks}
            WHERE district_id = ${districtId} AND due_on BETWEEN ${period.from} AND ${period.to}) f0) f
        GROUP BY counselor_id`
    ).pipe(Effect.map((rows) =>
      rows
        .map((row): FollowUpCounts => ({
          counselorId: row.counselor_id as Ids.CounselorId,
          due: count(row.due),
          onTime: count(row.on_time),
          late: count(row.late),
          overdue: count(row.overdue),
          pending: count(row.pending),
          cancelled: count(row.cancelled)
        }))
        .sort(Counts.byCounselorId)
    ))

  // A seeker's target groups are a JSON array: one row per (seeker, group).
  const groupsOf = (alias: string) =>
    lit(
      isPg
        ? `CROSS JOIN LATERAL jsonb_array_elements_text(${alias}.data::jsonb -> 'targetGroups') AS g(value)`
        : `CROSS JOIN json_each(${alias}.data, '$.targetGroups') AS g`
    )
  const placementCounts = lit(
    isPg ? "((p.data::jsonb ->> 'countsForCenter') = 'true')" : "(json_extract(p.data, '$.countsForCenter') = 1)"
  )

  const targetGroups: Service["targetGroups"] = (districtId, period) =>
    run(
      "count results by target group",
      sql<{ grp: string; metric: string; n: unknown }>`
        SELECT g.value AS grp, 'seekers' AS metric, COUNT(*) AS n
          FROM ${seekers} s ${groupsOf("s")}
          WHERE s.district_id = ${districtId} AND s.registered_on BETWEEN ${period.from} AND ${period.to}
          GROUP BY g.value
        UNION ALL
        SELECT g.value, 'counseling', COUNT(*)
          FROM ${counselings} c
          JOIN ${seekers} s ON s.district_id = c.district_id AND s.id = c.seeker_id
          ${groupsOf("s")}
          WHERE c.district_id = ${districtId} AND c.held_on BETWEEN ${period.from} AND ${period.to}
          GROUP BY g.value
        UNION ALL
        SELECT g.value, 'placements', COUNT(*)
          FROM ${placements} p
          JOIN ${seekers} s ON s.district_id = p.district_id AND s.id = p.seeker_id
          ${groupsOf("s")}
          WHERE p.district_id = ${districtId} AND p.start_on BETWEEN ${period.from} AND ${period.to} AND ${placementCounts}
          GROUP BY g.value`
    ).pipe(Effect.map((rows): ReadonlyArray<TargetGroupCounts> => {
      const groups = new Map(
        Counts.allGroups.map((group) => [group, { ...Counts.emptyGroup(group) }] as const)
      )
      for (const row of rows) {
        const target = groups.get(row.grp as never) as Record<string, unknown> | undefined
        if (target !== undefined && row.metric in target) target[row.metric] = count(row.n)
      }
      return [...groups.values()]
    }))

  const service: Service = { monthly, byCounselor, followUps, targetGroups }
  return service
})

/**
 * The `ReportSource` port counted in the database, over the `SqlClient` in
 * context (SQLite or PostgreSQL). The tables must exist: run
 * `StoreSql.migrate` first, or compose with `StoreSql.layerWithMigrations`.
 *
 * @since 0.3.0
 * @category layers
 */
export const layer: Layer.Layer<ReportSource.ReportSource, never, SqlClient.SqlClient> = Layer.effect(ReportSource.ReportSource, make)
