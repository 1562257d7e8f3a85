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
import { SqlClient } from "@effect/sql"
import { Errors, type Ids, type Placement, Seeker, Validation } from "@iljari/core"
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

/**
 * A second record of one thing that its id does not reveal (the same person
 * registered under two ids). Candidates share a key, stored in `column`:
 * stored ones are found in one query per batch, earlier rows of the import
 * from memory; `repeats` decides.
 */
interface Repeats<A> {
  /** What a record is, in messages: "person". */
  readonly noun: string
  readonly column: string
  /** The record's value in `column`, or `undefined` for a record that is nobody's repeat. */
  readonly key: (record: A) => string | undefined
  /** Whether `record` repeats `other`: the field to name and the rule, in words. */
  readonly repeats: (record: A, other: A) => { readonly path: string; readonly rule: string } | undefined
}

// Seekers: registration's rule, Seeker.duplicateMatch. It needs the same name,
// so candidates are the seekers of the same name; an erased seeker
// (Seeker.anonymise) matches nobody, so it is neither looked up nor a candidate.
const samePerson: Repeats<Seeker.Seeker> = {
  noun: "person",
  column: "name",
  key: (seeker) => (seeker.erasedOn === undefined ? seeker.name : undefined),
  repeats: (seeker, other) => {
    switch (Seeker.duplicateMatch(seeker, other)) {
      case "name-and-phone":
        return { path: "contact.phone", rule: "same name and phone" }
      case "name-and-birth-date":
        return { path: "birthDate", rule: "same name and birth date" }
      case undefined:
        return undefined
    }
  }
}

// Placements: a referral is placed once, as the placements' unique index keeps it.
const sameReferral: Repeats<Placement.Placement> = {
  noun: "placement",
  column: "referral_id",
  key: (placement) => placement.referralId,
  repeats: (placement, other) =>
    placement.referralId !== undefined && placement.referralId === other.referralId
      ? { path: "referralId", rule: "a referral is placed once" }
      : undefined
}

// The first of `others` that `record` repeats, in order, with the rule it matched.
const firstRepeat = <A, O extends { readonly record: A }>(same: Repeats<A>, record: A, others: ReadonlyArray<O>) => {
  for (const other of others) {
    const found = same.repeats(record, other.record)
    if (found !== undefined) return { ...found, other }
  }
  return undefined
}

const importInto = <A extends { readonly id: string; readonly districtId: Ids.DistrictId }, I, U>(
  spec: TableSpec<A, I, U>,
  same?: Repeats<A>
) => {
  // Valid rows take the fast path; an invalid row is decoded again with every
  // error collected, so the report names all its fields.
  const quick = Schema.decodeUnknownEither(spec.schema, { onExcessProperty: "error" })
  const full = Validation.decodeEither(spec.schema as Schema.Schema<A, I, never>)
  const decodeStored = Schema.decodeUnknownEither(spec.schema)

  return <E = never, R = never>(
    districtId: Ids.DistrictId,
    rows: Iterable<unknown> | Stream.Stream<unknown, E, R>,
    options: ImportOptions = {}
  ): Effect.Effect<ImportReport, Errors.PersistenceError | E, SqlClient.SqlClient | R> =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const batchSize = options.batchSize ?? 500
      const table = sql(spec.table)
      // The rows of this import written so far, by id, so that a repeat of one
      // of them names its row; kept only when records can repeat one another.
      const importedRow = new Map<string, number>()

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

      type Valid = { readonly row: number; readonly record: A }
      type Stored = { readonly id: string; readonly key?: string | null; readonly data?: string }

      const writeBatch = (state: State, chunk: Chunk.Chunk<unknown>) =>
        Effect.gen(function*() {
          const failed: Array<RowFailure> = []
          const valid: Array<Valid> = []
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
            if (valid.length === 0) return []
            // One query finds the ids already taken and, when records can repeat
            // one another, the stored candidates sharing a key with the batch.
            const keys = same === undefined ? [] : [...new Set(valid.flatMap((v) => same.key(v.record) ?? []))]
            const ids = sql.in("id", valid.map((v) => v.record.id))
            const stored = same === undefined || keys.length === 0
              ? yield* sql<Stored>`SELECT id FROM ${table} WHERE district_id = ${districtId} AND ${ids}`
              : yield* sql.onDialectOrElse({
                // PostgreSQL combines the two indexes for an OR (a bitmap OR) and
                // plans the UNION ALL below in parallel, ten times slower for a batch.
                pg: () =>
                  sql<Stored>`SELECT id, ${sql(same.column)} AS ${sql("key")}, data FROM ${table} WHERE district_id = ${districtId} AND (${ids} OR ${
                    sql.in(same.column, keys)
                  })`,
                // SQLite answers the OR by scanning the district: two index lookups instead.
                orElse: () =>
                  sql<Stored>`SELECT id, NULL AS ${sql("key")}, NULL AS data FROM ${table} WHERE district_id = ${districtId} AND ${ids}
                    UNION ALL SELECT id, ${sql(same.column)}, data FROM ${table} WHERE district_id = ${districtId} AND ${
                    sql.in(same.column, keys)
                  }`
              })
            const taken = new Set<string>()
            // Stored records (`row` set when this import wrote them) and kept rows of this batch, by key.
            const candidates = new Map<string, Array<{ readonly record: A; readonly row: number | undefined }>>()
            const candidatesOf = (key: string) => {
              const list = candidates.get(key)
              if (list !== undefined) return list
              const created: Array<{ readonly record: A; readonly row: number | undefined }> = []
              candidates.set(key, created)
              return created
            }
            const wanted = new Set(keys)
            // By id, so that the seeker named among several is always the same one.
            for (const r of [...stored].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
              taken.add(r.id)
              if (r.key == null || r.data === undefined || !wanted.has(r.key)) continue
              const record = yield* decodeStored(JSON.parse(r.data))
              candidatesOf(r.key).push({ record, row: importedRow.get(r.id) })
            }
            // In input order, so that a row is compared with the rows before it
            // that were kept, as registering them one by one would.
            const fresh: Array<Valid> = []
            for (const v of valid) {
              if (taken.has(v.record.id)) {
                failed.push({ row: v.row, issues: issue("id", `"${v.record.id}" already exists in this district`) })
                continue
              }
              const key = same?.key(v.record)
              if (same !== undefined && key !== undefined) {
                const others = candidatesOf(key)
                const repeat = firstRepeat(same, v.record, others)
                if (repeat !== undefined) {
                  failed.push({
                    row: v.row,
                    issues: issue(
                      repeat.path,
                      repeat.other.row === undefined
                        ? `repeats the ${same.noun} already registered as "${repeat.other.record.id}" in this district (${repeat.rule}); update that record instead of importing a second one`
                        : `repeats the ${same.noun} of row ${repeat.other.row} (${repeat.rule}); import each ${same.noun} once`
                    )
                  })
                  continue
                }
                others.push({ record: v.record, row: v.row })
              }
              fresh.push(v)
            }
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
            return fresh
          })).pipe(Effect.mapError(persistence(`import ${spec.kind} rows ${first}–${last}`)))
          if (same !== undefined) for (const v of written) importedRow.set(v.record.id, v.row)
          const next: State = {
            rowsRead: last,
            imported: state.imported + written.length,
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
