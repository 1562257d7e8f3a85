import type { SqlClient } from "@effect/sql"
import type { ResultCounts } from "@iljari/core"
import { Effect } from "effect"
import { persistence } from "./store.js"
import * as Tables from "./tables.js"

// COUNT comes back as a bigint string from PostgreSQL, a number from SQLite.
const count = (value: unknown): number => Number(value ?? 0)

/**
 * core's `ResultCounts` port in the database: four counts in one statement,
 * over the date columns (`registered_on` is the Korean civil date of the
 * registration instant, as core's `LocalDate.fromEpochMillisInKorea` gives
 * it) and, for a placement's `countsForCenter`, its JSON — read only for the
 * period's placements, which the start-date index finds. No record is decoded.
 */
export const makeResultCounts = (sql: SqlClient.SqlClient): ResultCounts.ResultCounts["Type"] => {
  const countsForCenter = sql.literal(sql.onDialectOrElse({
    pg: () => "(data::jsonb ->> 'countsForCenter') = 'true'",
    orElse: () => "json_extract(data, '$.countsForCenter') = 1"
  }))
  const seekers = sql(Tables.seekers.table)
  const openings = sql(Tables.openings.table)
  const placements = sql(Tables.placements.table)
  const counselings = sql(Tables.counselings.table)
  return {
    count: (districtId, { from, to }) =>
      sql<{ seekers: unknown; openings: unknown; placements: unknown; counseling: unknown }>`SELECT
        (SELECT COUNT(*) FROM ${seekers} WHERE district_id = ${districtId} AND registered_on BETWEEN ${from} AND ${to}) AS seekers,
        (SELECT COUNT(*) FROM ${openings} WHERE district_id = ${districtId} AND opened_on BETWEEN ${from} AND ${to}) AS openings,
        (SELECT COUNT(*) FROM ${placements}
          WHERE district_id = ${districtId} AND start_on BETWEEN ${from} AND ${to} AND ${countsForCenter}) AS placements,
        (SELECT COUNT(*) FROM ${counselings} WHERE district_id = ${districtId} AND held_on BETWEEN ${from} AND ${to}) AS counseling`.pipe(
        Effect.map(([row]) => ({
          seekers: count(row?.seekers),
          openings: count(row?.openings),
          placements: count(row?.placements),
          counseling: count(row?.counseling)
        })),
        Effect.mapError(persistence("count results"))
      )
  }
}
