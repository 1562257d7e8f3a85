// The one engine behind BulkImport's functions and the ImportStore port:
// rows decoded one by one (every broken field named), ids repeated within the
// input or already stored, repeats of a person or a referral, and the valid
// rows written in batches, each batch in its own transaction.
import { SqlClient } from "@effect/sql"
import { Errors, type Ids, ImportRules, type Placement, type Seeker, Validation } from "@iljari/core"
import { Effect, Either, Schema, Stream } from "effect"
import { fastDecoder, jsonText } from "./fastDecode.js"
import { encodedJson } from "./json.js"
import { persistence, type TableSpec } from "./store.js"

/** A refused row and every reason. */
export interface RowFailure {
  readonly row: number
  readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }>
}

/** What a run did. */
export interface EngineReport {
  readonly written: number
  readonly skipped: number
  readonly failed: ReadonlyArray<RowFailure>
  readonly batches: number
}

/** How to run. */
export interface EngineOptions {
  readonly batchSize?: number
  /** Check everything, write nothing. */
  readonly dryRun?: boolean
  /**
   * What an id already stored is: `"refuse"` (BulkImport: a failure, and an
   * id repeated in another batch is found stored) or `"skip"` (the port:
   * counted in `skipped`; an id repeated anywhere in the input is refused
   * naming its first row).
   */
  readonly storedId: "refuse" | "skip"
  readonly onBatch?: (progress: { readonly batch: number; readonly rowsDone: number; readonly written: number }) => Effect.Effect<void>
}

/** One input row: its number and what was given. */
export interface Numbered {
  readonly row: number
  readonly record: unknown
}

type Issues = RowFailure["issues"]
const issue = (path: string, message: string): Issues => [{ path, message }]
// A decoded record is never an array; a row's issues are.
const isIssues = (decoded: unknown): decoded is Issues => Array.isArray(decoded)

/**
 * A rule of core's `ImportRules` and the column holding its key, so that the
 * stored candidates of a batch are found in one query.
 */
export type Repeats<A> = ImportRules.Repeats<A> & { readonly column: string }

// Seekers: candidates are the seekers of the same name (an erased seeker is neither looked up nor a candidate).
export const samePerson: Repeats<Seeker.Seeker> = { ...ImportRules.samePerson, column: "name" }

// Placements: the placements' unique index keeps a referral placed once too.
export const sameReferral: Repeats<Placement.Placement> = { ...ImportRules.sameReferral, column: "referral_id" }

const byId = (a: { readonly id: string }, b: { readonly id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

type Stored = { readonly id: string; readonly key?: string | null; readonly data?: string | null }

// A decoded row a batch keeps until it is written, and where the parts of
// its JSON are when the fast decoder made them (`jsonParts` of the batch's
// parts from `jsonFrom`; -1 when it did not). A class, not an object
// literal: V8 moves the objects of a literal that often outlives a young
// collection straight to the old generation, and the young objects they
// point to are then copied by every young collection until a full one.
class Kept<A> {
  constructor(readonly row: number, readonly record: A, readonly jsonFrom: number, readonly jsonParts: number) {}
}

// A stored record a row may repeat (`row` set when this input wrote it).
class Found<A> {
  constructor(readonly row: number | undefined, readonly record: A) {}
}

// Records a row may repeat, by key: one record is held alone, several in an
// array (most keys have one, and an array per key is garbage the size of the batch).
class ByKey<V> {
  private readonly byKey = new Map<string, V | Array<V>>()
  get(key: string): ReadonlyArray<V> {
    const found = this.byKey.get(key)
    return found === undefined ? [] : Array.isArray(found) ? found : [found]
  }
  add(key: string, value: V) {
    const found = this.byKey.get(key)
    if (found === undefined) this.byKey.set(key, value)
    else if (Array.isArray(found)) found.push(value)
    else this.byKey.set(key, [found, value])
  }
}

/** The engine for one table, and the rule of its repeats if it has one. */
export const engine = <A extends { readonly id: string; readonly districtId: Ids.DistrictId }, I, U>(
  spec: TableSpec<A, I, U>,
  same?: Repeats<A>
) => {
  // Valid rows take the fast path; an invalid row is decoded again with every
  // error collected, so the report names all its fields.
  const fast = fastDecoder(spec.schema as Schema.Schema<A, I, never>)
  const quick = Schema.decodeUnknownEither(spec.schema, { onExcessProperty: "error" })
  const full = Validation.decodeEither(spec.schema as Schema.Schema<A, I, never>)
  const decodeStored = Schema.decodeUnknownEither(spec.schema)
  const json = spec.encode ?? encodedJson
  // The fast decoder's JSON of a record is its plain JSON, so it stands for
  // `encodedJson` (not for a table's own encoding).
  const fastJson = spec.encode === undefined

  return <E = never, R = never>(
    districtId: Ids.DistrictId,
    rows: Iterable<Numbered> | Stream.Stream<Numbered, E, R>,
    options: EngineOptions
  ): Effect.Effect<EngineReport, Errors.PersistenceError | E, SqlClient.SqlClient | R> =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const batchSize = Math.max(1, options.batchSize ?? 500)
      const skip = options.storedId === "skip"
      const dryRun = options.dryRun === true
      const table = sql(spec.table)
      // Ids of the whole input by their first row, when an id repeated
      // anywhere is refused naming that row (the port).
      const seenAll = new Map<string, number>()
      // The rows this input wrote, by id, so that a repeat of one (found stored)
      // names its row; only ids are kept, the records are read back with the
      // batch's candidates. A dry run writes nothing: it keeps the rows it
      // would have written, by key, in `wouldWrite`.
      const importedRow = new Map<string, number>()
      const wouldWrite = new ByKey<Kept<A>>()
      const failed: Array<RowFailure> = []
      const district = { districtId }
      let written = 0
      let skipped = 0
      let batches = 0
      let rowsDone = 0

      // The stored rows of `ids`, and, when records can repeat one another,
      // those sharing a key with the batch (with the key and the record).
      const storedOf = (ids: ReadonlyArray<string>, keys: ReadonlyArray<string>) =>
        sql.onDialectOrElse({
          // A probe of an index for each id and each key: LATERAL … OFFSET 0
          // keeps the planner from reading the district's rows instead, which
          // it does while the table has no statistics (a new district's
          // import) — 200 ms a batch at 100,000 seekers, against 3 ms.
          pg: () =>
            same === undefined || keys.length === 0
              ? sql<Stored>`SELECT s.id FROM unnest(${ids}::text[]) AS k(v)
                  CROSS JOIN LATERAL (SELECT id FROM ${table} WHERE district_id = ${districtId} AND id = k.v OFFSET 0) AS s`
              : sql<Stored>`SELECT s.id, NULL AS ${sql("key")}, NULL AS data FROM unnest(${ids}::text[]) AS k(v)
                  CROSS JOIN LATERAL (SELECT id FROM ${table} WHERE district_id = ${districtId} AND id = k.v OFFSET 0) AS s
                  UNION ALL SELECT s.id, s.${sql(same.column)}, s.data FROM unnest(${keys}::text[]) AS k(v)
                  CROSS JOIN LATERAL (SELECT id, ${sql(same.column)}, data FROM ${table} WHERE district_id = ${districtId} AND ${
                sql(same.column)
              } = k.v OFFSET 0) AS s`,
          // SQLite answers an OR of the two by scanning the district: two index lookups instead.
          orElse: () =>
            same === undefined || keys.length === 0
              ? sql<Stored>`SELECT id FROM ${table} WHERE district_id = ${districtId} AND ${sql.in("id", ids)}`
              : sql<Stored>`SELECT id, NULL AS ${sql("key")}, NULL AS data FROM ${table} WHERE district_id = ${districtId} AND ${
                sql.in("id", ids)
              }
                  UNION ALL SELECT id, ${sql(same.column)}, data FROM ${table} WHERE district_id = ${districtId} AND ${
                sql.in(same.column, keys)
              }`
        })

      // How the rows a batch keeps are inserted, the version written as 1.
      // PostgreSQL: an array a column, unnested into rows by one short
      // statement (the record tables' columns are TEXT, see Migrations) —
      // thousands of parameters would have it parse and plan a long statement
      // for every batch. Elsewhere: multi-row VALUES, split so that a
      // statement binds at most what the database binds (SQLite's
      // SQLITE_MAX_VARIABLE_NUMBER: 32,766 since 3.32, 999 before).
      const unnest = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
      const maxVariables = sql.onDialectOrElse({ sqlite: () => 32_766, mssql: () => 2_100, orElse: () => 999 })
      const texts = new Map<string, string>()
      const insertText = (rowCount: number, names: ReadonlyArray<string>) => {
        const key = `${unnest ? "unnest" : rowCount}/${names.join(",")}`
        const known = texts.get(key)
        if (known !== undefined) return known
        const given = ["id", ...names, "data"]
        const into = `INSERT INTO ${spec.table} (district_id, id, version, ${[...names, "data"].join(", ")})`
        const text = unnest
          ? `${into} SELECT $1, id, 1, ${[...names, "data"].join(", ")} FROM unnest(${
            given.map((_, c) => `$${c + 2}::text[]`).join(", ")
          }) AS u(${given.join(", ")})`
          : `${into} VALUES ${Array.from({ length: rowCount }, () => `(?, ?, 1, ${[...names, "data"].map(() => "?").join(", ")})`).join(", ")}`
        if (texts.size > 16) texts.clear()
        texts.set(key, text)
        return text
      }

      // The parts of the JSON of the batch's rows that the fast decoder made
      // (see Kept): one array for every batch, emptied once one is written.
      const parts: Array<string> = []
      // A row's record (and the number of parts of its JSON it added to
      // `parts`, or -1, in `partsAdded`), or the row's issues: no Either per row.
      let partsAdded = -1
      const decodeRow = (input: unknown): A | Issues => {
        partsAdded = -1
        if (typeof input !== "object" || input === null || Array.isArray(input)) {
          return ImportRules.messages.notAnObject
        }
        const given = (input as { districtId?: unknown }).districtId
        if (given !== undefined && given !== districtId) {
          return ImportRules.messages.otherDistrict(given, districtId)
        }
        if (fast !== undefined) {
          const decoded = fast.decode(input, district)
          if (decoded !== undefined) {
            if (fastJson && !dryRun) partsAdded = fast.json(parts) ?? -1
            return decoded
          }
        }
        const row = given === undefined ? { ...input, districtId } : input
        const plain = quick(row)
        if (Either.isRight(plain)) return plain.right
        const checked = full(row)
        return Either.isRight(checked) ? checked.right : checked.left.issues.map(({ message, path }) => ({ path, message }))
      }

      // The batch being gathered: each row is decoded as it arrives, so that
      // a batch keeps its decoded rows and nothing of the input. Its rows,
      // the rows it writes (`fresh`) and the values a statement binds are in
      // arrays made once for the run and emptied after each batch: V8 makes
      // new arrays in the old generation when the arrays made at a place in
      // the code mostly outlive a young collection, as a batch's do, and a
      // dead one there keeps what it held alive through every young
      // collection until a full one — measured as twice the collector's time.
      const valid: Array<Kept<A>> = []
      const fresh: Array<Kept<A>> = []
      const values: Array<unknown> = []
      const columnValues: Array<Array<unknown>> = []
      let batchFailed: Array<RowFailure> = []
      let seen = skip ? seenAll : new Map<string, number>()
      let firstRow = 0
      let lastRow = 0
      let gathered = 0
      const take = (row: number, input: unknown) => {
        if (gathered++ === 0) firstRow = row
        lastRow = row
        const jsonFrom = parts.length
        const decoded = decodeRow(input)
        if (isIssues(decoded)) return void batchFailed.push({ row, issues: decoded })
        const first = seen.get(decoded.id)
        if (first !== undefined) return void batchFailed.push({ row, issues: ImportRules.messages.repeatedId(first) })
        seen.set(decoded.id, row)
        valid.push(new Kept(row, decoded, jsonFrom, partsAdded))
      }

      // The gathered batch checked against the store and written, in one
      // transaction. Made when it runs (`flush` below): a generator keeps the
      // effect it last delegated to until its next `yield*`, and an effect
      // made beforehand would keep what the batch's check held (its rows, by
      // key) alive while the next batch is gathered.
      const writeBatch = () => {
        const batchFailures = batchFailed
        const rowCount = gathered
        const rowsOf = `rows ${firstRow}–${lastRow}`
        batchFailed = []
        if (!skip) seen = new Map()
        gathered = 0
        const check = Effect.gen(function*() {
          if (valid.length === 0) return
          // One query finds the ids already taken and, when records can repeat
          // one another, the stored candidates sharing a key with the batch.
          const keySet = new Set<string>()
          if (same !== undefined) {
            for (const v of valid) {
              const key = same.key(v.record)
              if (key !== undefined) keySet.add(key)
            }
          }
          const keys = [...keySet]
          const stored = yield* storedOf(valid.map((v) => v.record.id), keys)
          const taken = new Set<string>()
          // Stored records, then this batch's kept rows, by key; a dry run
          // compares with the rows of the batches before it first, which it
          // did not write.
          const candidates = new ByKey<Kept<A> | Found<A>>()
          // By id, so that the record named among several is always the same one.
          for (const r of [...stored].sort(byId)) {
            taken.add(r.id)
            if (r.key == null || r.data == null || !keySet.has(r.key)) continue
            const record = yield* decodeStored(JSON.parse(r.data))
            candidates.add(r.key, new Found(importedRow.get(r.id), record))
          }
          // In input order, so that a row is compared with the rows before it
          // that were kept, as registering them one by one would.
          for (const v of valid) {
            if (taken.has(v.record.id)) {
              if (skip) skipped++
              else batchFailures.push({ row: v.row, issues: issue("id", `"${v.record.id}" already exists in this district`) })
              continue
            }
            const key = same?.key(v.record)
            if (same !== undefined && key !== undefined) {
              const repeat = (dryRun ? ImportRules.firstRepeat(same, v.record, wouldWrite.get(key)) : undefined) ??
                ImportRules.firstRepeat(same, v.record, candidates.get(key))
              if (repeat !== undefined) {
                batchFailures.push({
                  row: v.row,
                  issues: repeat.other.row === undefined
                    ? ImportRules.messages.repeatsStored(same.noun, repeat, repeat.other.record.id)
                    : ImportRules.messages.repeatsRow(same.noun, repeat, repeat.other.row)
                })
                continue
              }
              candidates.add(key, v)
            }
            fresh.push(v)
          }
          if (dryRun && same !== undefined) {
            for (const v of fresh) {
              const key = same.key(v.record)
              if (key !== undefined) wouldWrite.add(key, v)
            }
          }
          if (fresh.length > 0 && !dryRun) {
            // The statement's text is made once per row count and dialect, and
            // the values bound in flat arrays: what sql.insert builds, without
            // building it again for every batch of thousands of values.
            const first = spec.columns(fresh[0]!.record)
            const names = Object.keys(first)
            const columnsOf = (i: number) => (i === 0 ? first : spec.columns(fresh[i]!.record))
            const jsonOf = (kept: Kept<A>) =>
              kept.jsonParts === -1 ? json(kept.record) : jsonText(parts, kept.jsonFrom, kept.jsonParts)
            if (unnest) {
              const width = names.length + 2
              while (columnValues.length < width) columnValues.push([])
              for (let i = 0; i < fresh.length; i++) {
                const columns = columnsOf(i)
                columnValues[0]![i] = fresh[i]!.record.id
                for (let c = 0; c < names.length; c++) columnValues[c + 1]![i] = columns[names[c]!]
                columnValues[width - 1]![i] = jsonOf(fresh[i]!)
              }
              yield* sql.unsafe(insertText(fresh.length, names), [districtId, ...columnValues.slice(0, width)])
            } else {
              // A batch with more values than the database binds in one
              // statement is written in as many as it takes, in its transaction.
              const width = names.length + 3
              const perStatement = Math.max(1, Math.floor(maxVariables / width))
              for (let from = 0; from < fresh.length; from += perStatement) {
                const to = Math.min(fresh.length, from + perStatement)
                let n = 0
                for (let i = from; i < to; i++) {
                  const columns = columnsOf(i)
                  values[n++] = districtId
                  values[n++] = fresh[i]!.record.id
                  for (const name of names) values[n++] = columns[name]
                  values[n++] = jsonOf(fresh[i]!)
                }
                values.length = n
                yield* sql.unsafe(insertText(to - from, names), values)
              }
            }
          }
        })
        return (dryRun ? check : sql.withTransaction(check)).pipe(
          Effect.mapError(persistence(`import ${spec.kind} ${rowsOf}`)),
          Effect.flatMap(() => {
            if (same !== undefined && !dryRun) for (const v of fresh) importedRow.set(v.record.id, v.row)
            written += fresh.length
            valid.length = 0
            fresh.length = 0
            values.length = 0
            for (const column of columnValues) column.length = 0
            parts.length = 0
            batches++
            rowsDone += rowCount
            for (const f of batchFailures.sort((a, b) => a.row - b.row)) failed.push(f)
            return options.onBatch === undefined ? Effect.void : options.onBatch({ batch: batches, rowsDone, written })
          })
        )
      }

      const flush = Effect.suspend(writeBatch)

      if (Stream.StreamTypeId in (rows as object)) {
        yield* Stream.runForEachChunk(rows as Stream.Stream<Numbered, E, R>, (chunk) =>
          Effect.gen(function*() {
            for (const numbered of chunk) {
              take(numbered.row, numbered.record)
              if (gathered === batchSize) yield* flush
            }
          }))
      } else {
        for (const numbered of rows as Iterable<Numbered>) {
          take(numbered.row, numbered.record)
          if (gathered === batchSize) yield* flush
        }
      }
      if (gathered > 0) yield* flush
      return { written, skipped, failed: skip ? failed.sort((a, b) => a.row - b.row) : failed, batches }
    })
}
