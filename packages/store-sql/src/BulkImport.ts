/**
 * Bulk import of every record kind (from a spreadsheet export, Work24, a
 * previous system): rows are decoded one by one, valid rows are written in
 * batches, each batch in its own transaction, and every invalid row is
 * reported with its number and the fields it broke — valid rows are kept.
 * Rows are numbered from 1: row 1 is the first input row (a reader of a sheet
 * with a header row maps row 1 to the sheet's row 2).
 *
 * A crash (a killed process, a lost connection) leaves every committed batch
 * and no part of the batch in flight, so an import can be resumed from the
 * first row after the last committed batch.
 *
 * @since 0.1.0
 */
import { SqlClient } from "@effect/sql"
import { Errors, type Ids, Validation } from "@iljari/core"
import { Chunk, Effect, Either, Schema, Stream } from "effect"
import { encodedJson } from "./internal/json.js"
import { persistence, type TableSpec } from "./internal/store.js"
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

interface State {
  readonly rowsRead: number
  readonly imported: number
  readonly batches: number
  readonly failed: Array<RowFailure>
}

const issue = (path: string, message: string) => [{ path, message }]

const importInto = <A extends { readonly id: string; readonly districtId: Ids.DistrictId }, I>(spec: TableSpec<A, I>) => {
  // Valid rows take the fast path; an invalid row is decoded again with every
  // error collected, so the report names all its fields.
  const quick = Schema.decodeUnknownEither(spec.schema, { onExcessProperty: "error" })
  const full = Validation.decodeEither(spec.schema as Schema.Schema<A, I, never>)

  return <E = never, R = never>(
    districtId: Ids.DistrictId,
    rows: Iterable<unknown> | Stream.Stream<unknown, E, R>,
    options: ImportOptions = {}
  ): Effect.Effect<ImportReport, Errors.PersistenceError | E, SqlClient.SqlClient | R> =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const batchSize = options.batchSize ?? 500
      const table = sql(spec.table)

      const decodeRow = (input: unknown): Either.Either<A, RowFailure["issues"]> => {
        if (typeof input !== "object" || input === null || Array.isArray(input)) {
          return Either.left(issue("", "must be an object holding the record's fields"))
        }
        const given = (input as { districtId?: unknown }).districtId
        if (given !== undefined && given !== districtId) {
          return Either.left(issue("districtId", `belongs to district ${String(given)}, not ${districtId}, the one being imported into`))
        }
        const row = { ...input, districtId }
        const fast = quick(row)
        if (Either.isRight(fast)) return Either.right(fast.right)
        return Either.mapLeft(full(row), (error) => error.issues.map(({ message, path }) => ({ path, message })))
      }

      const writeBatch = (state: State, chunk: Chunk.Chunk<unknown>) =>
        Effect.gen(function*() {
          const failed: Array<RowFailure> = []
          const valid: Array<{ readonly row: number; readonly record: A }> = []
          const seen = new Map<string, number>()
          // Rows are numbered from 1; this batch holds rows first…last.
          const first = state.rowsRead + 1
          let row = state.rowsRead
          for (const input of chunk) {
            row++
            const decoded = decodeRow(input)
            if (Either.isLeft(decoded)) failed.push({ row, issues: decoded.left })
            else if (seen.has(decoded.right.id)) {
              failed.push({ row, issues: issue("id", `repeats the id of row ${seen.get(decoded.right.id)}`) })
            } else {
              seen.set(decoded.right.id, row)
              valid.push({ row, record: decoded.right })
            }
          }
          const last = row
          const written = yield* sql.withTransaction(Effect.gen(function*() {
            if (valid.length === 0) return 0
            const taken = new Set(
              (yield* sql<{ id: string }>`SELECT id FROM ${table} WHERE district_id = ${districtId} AND ${
                sql.in("id", valid.map((v) => v.record.id))
              }`).map((r) => r.id)
            )
            const fresh = valid.filter((v) => {
              if (!taken.has(v.record.id)) return true
              failed.push({ row: v.row, issues: issue("id", `"${v.record.id}" already exists in this district`) })
              return false
            })
            if (fresh.length > 0) {
              yield* sql`INSERT INTO ${table} ${
                sql.insert(fresh.map(({ record }) => ({
                  district_id: districtId,
                  id: record.id,
                  version: 1,
                  ...spec.columns(record),
                  data: encodedJson(record)
                })))
              }`
            }
            return fresh.length
          })).pipe(Effect.mapError(persistence(`import ${spec.kind} rows ${first}–${last}`)))
          const next: State = {
            rowsRead: last,
            imported: state.imported + written,
            batches: state.batches + 1,
            failed: [...state.failed, ...failed.sort((a, b) => a.row - b.row)]
          }
          if (options.onBatch !== undefined) {
            yield* options.onBatch({ batch: next.batches, rowsRead: next.rowsRead, imported: next.imported })
          }
          return next
        })

      const source: Stream.Stream<unknown, E, R> = Stream.StreamTypeId in (rows as object)
        ? rows as Stream.Stream<unknown, E, R>
        : Stream.fromIterable(rows as Iterable<unknown>)
      const final = yield* source.pipe(
        Stream.grouped(batchSize),
        Stream.runFoldEffect({ rowsRead: 0, imported: 0, batches: 0, failed: [] } as State, writeBatch)
      )
      return { imported: final.imported, failed: final.failed, batches: final.batches }
    })
}

/**
 * Imports seekers: encoded `Seeker` records (ids included), into one district.
 *
 * @since 0.1.0
 * @category import
 */
export const seekers = importInto(Tables.seekers)

/**
 * Imports openings: encoded `Opening` records (ids included), into one district.
 *
 * @since 0.1.0
 * @category import
 */
export const openings = importInto(Tables.openings)

/**
 * Imports employers: encoded `Employer` records, into one district.
 *
 * @since 0.1.0
 * @category import
 */
export const employers = importInto(Tables.employers)

/**
 * Imports staff: encoded `Counselor` records, into one district.
 *
 * @since 0.1.0
 * @category import
 */
export const counselors = importInto(Tables.counselors)

/**
 * Imports counseling sessions from a previous system.
 *
 * @since 0.1.0
 * @category import
 */
export const counselings = importInto(Tables.counselings)

/**
 * Imports referrals from a previous system.
 *
 * @since 0.1.0
 * @category import
 */
export const referrals = importInto(Tables.referrals)

/**
 * Imports placements from a previous system (their `countsForCenter` as recorded).
 *
 * @since 0.1.0
 * @category import
 */
export const placements = importInto(Tables.placements)

/**
 * Imports follow-up checks from a previous system.
 *
 * @since 0.1.0
 * @category import
 */
export const followUps = importInto(Tables.followUps)
