// The ImportStore port over SQL: BulkImport's engine, with ids already stored
// skipped, and the mappings in iljari_import_mappings.
import { SqlClient } from "@effect/sql"
import { ImportStore } from "@iljari/core"
import { Effect, Option, Schema } from "effect"
import { engine, sameReferral, samePerson } from "./importEngine.js"
import { persistence } from "./store.js"
import * as Tables from "./tables.js"

const decodeMapping = Schema.decodeUnknown(Schema.parseJson(ImportStore.SavedMapping))

export const makeImportStore = (sql: SqlClient.SqlClient): ImportStore.ImportStore["Type"] => {
  const engines = {
    seekers: engine(Tables.seekers, samePerson),
    employers: engine(Tables.employers),
    openings: engine(Tables.openings),
    placements: engine(Tables.placements, sameReferral),
    followUps: engine(Tables.followUps)
  } satisfies { readonly [K in ImportStore.RecordKind]: unknown }
  const mappings = sql("iljari_import_mappings")
  return {
    write: (kind, districtId, records, options = {}) => {
      const onBatch = options.onBatch
      return engines[kind](districtId, records, {
        storedId: "skip",
        dryRun: options.dryRun === true,
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        ...(onBatch === undefined ? {} : { onBatch: (p) => onBatch({ rowsDone: p.rowsDone, written: p.written }) })
      }).pipe(Effect.provideService(SqlClient.SqlClient, sql))
    },
    saveMapping: (districtId, ledger, mapping) =>
      sql`INSERT INTO ${mappings} ${
        sql.insert({ district_id: districtId, ledger, data: JSON.stringify(Schema.encodeSync(ImportStore.SavedMapping)(mapping)) })
      } ON CONFLICT (district_id, ledger) DO UPDATE SET data = excluded.data`.pipe(
        Effect.asVoid,
        Effect.mapError(persistence(`save the ${ledger} mapping`))
      ),
    mappingOf: (districtId, ledger) =>
      sql<{ readonly data: string }>`SELECT data FROM ${mappings} WHERE district_id = ${districtId} AND ledger = ${ledger}`.pipe(
        Effect.flatMap((rows) => rows.length === 0 ? Effect.succeed(Option.none()) : Effect.map(decodeMapping(rows[0]!.data), Option.some)),
        Effect.mapError(persistence(`read the ${ledger} mapping`))
      )
  }
}
