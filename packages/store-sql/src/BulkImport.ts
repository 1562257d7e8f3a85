/**
 * Bulk import of every record kind (from a spreadsheet export, Work24, a
 * previous system): rows are decoded one by one, valid rows are written in
 * batches, each batch in its own transaction, and every invalid row is
 * reported with its number and the fields it broke — valid rows are kept.
 * Rows are numbered from 1: row 1 is the first input row (a reader of a sheet
 * with a header row maps row 1 to the sheet's row 2).
 *
 * A seeker is refused as a duplicate by the rule registration uses
 * (`Seeker.duplicateMatch`: the same name and phone, or the same name and
 * birth date; an erased seeker is nobody's duplicate) when they repeat a row
 * imported earlier from the same input — the failure names that row — or a
 * seeker already stored in the district — the failure names that seeker's id.
 *
 * A crash (a killed process, a lost connection) leaves every committed batch
 * and no part of the batch in flight, so an import can be resumed from the
 * first row after the last committed batch.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { BulkImport } from "@iljari/store-sql"
 * import { Effect } from "effect"
 *
 * declare const rows: ReadonlyArray<unknown> // parsed from last year's spreadsheet
 * const imported = Effect.map(BulkImport.seekers(Ids.DistrictId.make("11200"), rows), (report) =>
 *   `${report.imported} imported; ${report.failed.length} refused`
 * )
 * ```
 *
 * @since 0.1.0
 * @module
 */
import type { SqlClient } from "@effect/sql"
import type { Errors, Ids } from "@iljari/core"
import { Effect, Stream } from "effect"
import { engine, type Numbered, type Repeats, sameReferral, samePerson } from "./internal/importEngine.js"
import type { TableSpec } from "./internal/store.js"
import * as Tables from "./internal/tables.js"

/**
 * A row that was not imported. `row` numbers input rows from 1: row 1 is the
 * first row given (the first element of the array or stream), and messages
 * that name another row ("repeats the id of row 3") number it the same way.
 *
 * @since 0.1.0
 * @category models
 */
export interface RowFailure {
  readonly row: number
  readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }>
}

/**
 * What an import did.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportReport {
  /** Rows written. */
  readonly imported: number
  /** Rows refused, with their reasons. */
  readonly failed: ReadonlyArray<RowFailure>
  /** Batches committed. */
  readonly batches: number
}

/**
 * How to import.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportOptions {
  /** Rows per transaction (default 500). */
  readonly batchSize?: number
  /**
   * Called after each batch commits, e.g. to log progress or remember where to
   * resume: `rowsRead` rows are done, so a resumed import starts at row
   * `rowsRead + 1`.
   */
  readonly onBatch?: (progress: { readonly batch: number; readonly rowsRead: number; readonly imported: number }) => Effect.Effect<void>
}

// Rows numbered from 1, the first input row.
function* numbered(rows: Iterable<unknown>): Generator<Numbered> {
  let row = 0
  for (const record of rows) yield { row: ++row, record }
}

const importInto = <A extends { readonly id: string; readonly districtId: Ids.DistrictId }, I, U>(
  spec: TableSpec<A, I, U>,
  same?: Repeats<A>
) => {
  const run = engine(spec, same)
  return <E = never, R = never>(
    districtId: Ids.DistrictId,
    rows: Iterable<unknown> | Stream.Stream<unknown, E, R>,
    options: ImportOptions = {}
  ): Effect.Effect<ImportReport, Errors.PersistenceError | E, SqlClient.SqlClient | R> => {
    const onBatch = options.onBatch
    const input = Stream.StreamTypeId in (rows as object)
      ? Stream.map(Stream.zipWithIndex(rows as Stream.Stream<unknown, E, R>), ([record, i]): Numbered => ({ row: i + 1, record }))
      : numbered(rows as Iterable<unknown>)
    return Effect.map(
      run(districtId, input, {
        storedId: "refuse",
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        ...(onBatch === undefined
          ? {}
          : { onBatch: (p) => onBatch({ batch: p.batch, rowsRead: p.rowsDone, imported: p.written }) })
      }),
      (report) => ({ imported: report.written, failed: report.failed, batches: report.batches })
    )
  }
}

/**
 * Imports seekers: encoded `Seeker` records (ids included), into one district.
 * A seeker already there — the same name and phone, or the same name and
 * birth date, as `JobCenter.registerSeeker` refuses — is refused, naming the
 * earlier row or the stored seeker's id; erased seekers never count.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { BulkImport } from "@iljari/store-sql"
 *
 * declare const rows: ReadonlyArray<unknown> // one seeker record per row
 * // A person already in the file or the district is refused, with the row's number and reason.
 * const report = BulkImport.seekers(Ids.DistrictId.make("11200"), rows, { batchSize: 500 })
 * ```
 *
 * @since 0.1.0
 * @category import
 */
export const seekers = importInto(Tables.seekers, samePerson)

/**
 * Imports openings: encoded `Opening` records (ids included), into one district.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { BulkImport } from "@iljari/store-sql"
 *
 * declare const rows: ReadonlyArray<unknown>
 * const report = BulkImport.openings(Ids.DistrictId.make("11200"), rows)
 * ```
 *
 * @since 0.1.0
 * @category import
 */
export const openings = importInto(Tables.openings)

/**
 * Imports employers: encoded `Employer` records, into one district.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { BulkImport } from "@iljari/store-sql"
 *
 * declare const rows: ReadonlyArray<unknown>
 * const report = BulkImport.employers(Ids.DistrictId.make("11200"), rows)
 * ```
 *
 * @since 0.1.0
 * @category import
 */
export const employers = importInto(Tables.employers)

/**
 * Imports staff: encoded `Counselor` records, into one district.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { BulkImport } from "@iljari/store-sql"
 *
 * const report = BulkImport.counselors(Ids.DistrictId.make("11200"), [
 *   { id: "counselor-01", districtId: "11200", name: "박상담", role: "counselor", contact: { phone: "02-2286-5000" }, active: true }
 * ])
 * ```
 *
 * @since 0.1.0
 * @category import
 */
export const counselors = importInto(Tables.counselors)

/**
 * Imports counseling sessions from a previous system.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { BulkImport } from "@iljari/store-sql"
 *
 * declare const rows: ReadonlyArray<unknown>
 * const report = BulkImport.counselings(Ids.DistrictId.make("11200"), rows)
 * ```
 *
 * @since 0.1.0
 * @category import
 */
export const counselings = importInto(Tables.counselings)

/**
 * Imports referrals from a previous system.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { BulkImport } from "@iljari/store-sql"
 *
 * declare const rows: ReadonlyArray<unknown>
 * const report = BulkImport.referrals(Ids.DistrictId.make("11200"), rows)
 * ```
 *
 * @since 0.1.0
 * @category import
 */
export const referrals = importInto(Tables.referrals)

/**
 * Imports placements from a previous system (their `countsForCenter` as recorded). A
 * referral is placed once: a row repeating a placed referral (in the file or
 * in the district) is refused, naming the placement or row it repeats.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { BulkImport } from "@iljari/store-sql"
 *
 * declare const rows: ReadonlyArray<unknown>
 * // A referral placed twice is refused on its row instead of failing the batch.
 * const report = BulkImport.placements(Ids.DistrictId.make("11200"), rows)
 * ```
 *
 * @since 0.1.0
 * @category import
 */
export const placements = importInto(Tables.placements, sameReferral)

/**
 * Imports follow-up checks from a previous system.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { BulkImport } from "@iljari/store-sql"
 *
 * declare const rows: ReadonlyArray<unknown>
 * const report = BulkImport.followUps(Ids.DistrictId.make("11200"), rows)
 * ```
 *
 * @since 0.1.0
 * @category import
 */
export const followUps = importInto(Tables.followUps)
