/**
 * A bulk import the crash test kills: imports 200,000 seeker rows in batches
 * of 250 into the database named on the command line, printing "committed N"
 * after each batch, until it is killed.
 *
 *   node --import tsx crash-child.ts sqlite /path/to/file.db
 *   node --import tsx crash-child.ts pg postgres://…
 *
 * With `port` after the target, writes {@link portRecords} through the
 * `ImportStore` port instead, printing "committed N" (rows done) after each batch.
 */
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { type Ids, ImportStore } from "@iljari/core"
import { Effect, Layer, Redacted, Stream } from "effect"
import { BulkImport, StoreSql } from "../src/index.js"
import { seekerRow } from "@iljari/test-support/rows"
import { portRecords } from "./crash-records.js"

const [kind, target, mode] = process.argv.slice(2)
const client: Layer.Layer<SqlClient.SqlClient, unknown> = kind === "pg"
  ? PgClient.layer({ url: Redacted.make(target!) })
  : SqliteClient.layer({ filename: target! })

const program: Effect.Effect<unknown, unknown, SqlClient.SqlClient | StoreSql.Ports> = mode === "port"
  ? Effect.flatMap(ImportStore.ImportStore, (store) =>
    store.write("seekers", "11200" as Ids.DistrictId, portRecords(), {
      batchSize: 250,
      onBatch: ({ rowsDone }) => Effect.sync(() => process.stdout.write(`committed ${rowsDone}\n`))
    }))
  : BulkImport.seekers("11200" as Ids.DistrictId, Stream.range(0, 199_999).pipe(Stream.map(seekerRow)), {
  batchSize: 250,
  onBatch: ({ imported }) => Effect.sync(() => process.stdout.write(`committed ${imported}\n`))
})

Effect.runPromise(program.pipe(Effect.provide(StoreSql.layerWithMigrations.pipe(Layer.provideMerge(client))))).then(
  () => process.stdout.write("finished\n"),
  (error) => {
    process.stderr.write(String(error) + "\n")
    process.exit(1)
  }
)
