// The one engine behind BulkImport's functions and the ImportStore port:
// rows decoded one by one (every broken field named), ids repeated within the
// input or already stored, repeats of a person or a referral, and the valid
// rows written in batches, each batch in its own transaction.
import { SqlClient } from "@effect/sql"
import { Errors, type Ids, ImportRules, type Placement, type Seeker, Validation } from "@iljari/core"
import { Effect, Either, Schema, Stream } from "effect"
import { fastDecoder, joinJson } from "./fastDecode.js"
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
      const wouldWrite = new Map<string, Array<Candidate>>()
      const failed: Array<RowFailure> = []
      const district = { districtId }
      let written = 0
      let skipped = 0
      let batches = 0
      let rowsDone = 0

      // The most values one statement binds: SQLite's SQLITE_MAX_VARIABLE_NUMBER
      // (32,766 since 3.32; better-sqlite3 bundles a newer one), PostgreSQL's
      // 65,535 parameters of a message; 999, SQLite's limit before 3.32, elsewhere.
      const maxVariables = sql.onDialectOrElse({ sqlite: () => 32_766, pg: () => 65_535, mssql: () => 2_100, orElse: () => 999 })
      // INSERT statements by row count, the version written as 1. PostgreSQL
      // numbers its parameters (`$n`): the district is bound once, as $1;
      // elsewhere (`?`) it is bound on every row.
      const numbered = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
      const shared = numbered ? 1 : 0
      const texts = new Map<string, string>()
      const insertText = (rowCount: number, names: ReadonlyArray<string>) => {
        const key = `${rowCount}/${names.join(",")}`
        const known = texts.get(key)
        if (known !== undefined) return known
        const columns = ["district_id", "id", "version", ...names, "data"]
        const tuples: Array<string> = []
        let n = shared
        const next = () => (numbered ? `$${++n}` : "?")
        for (let r = 0; r < rowCount; r++) {
          tuples.push(`(${[numbered ? "$1" : "?", next(), "1", ...names.map(next), next()].join(", ")})`)
        }
        const text = `INSERT INTO ${spec.table} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`
        if (texts.size > 16) texts.clear()
        texts.set(key, text)
        return text
      }

      // A row's record (and, when the fast decoder made it, its JSON in
      // `decodedJson`), or the row's issues: no Either per row.
      let decodedJson: string | ReadonlyArray<string> | undefined
      const decodeRow = (input: unknown): A | Issues => {
        decodedJson = undefined
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
            if (fastJson) decodedJson = fast.json()
            return decoded
          }
        }
        const row = given === undefined ? { ...input, districtId } : input
        const plain = quick(row)
        if (Either.isRight(plain)) return plain.right
        const checked = full(row)
        return Either.isRight(checked) ? checked.right : checked.left.issues.map(({ message, path }) => ({ path, message }))
      }

      type Valid = { readonly row: number; readonly record: A; readonly json: string | ReadonlyArray<string> | undefined }
      // A record a row may repeat: stored (`row` set when this input wrote it) or a row of this input.
      type Candidate = { readonly record: A; readonly row: number | undefined }

      const runBatch = (batch: ReadonlyArray<Numbered>) => {
        const batchFailed: Array<RowFailure> = []
        const valid: Array<Valid> = []
        const seen = skip ? seenAll : new Map<string, number>()
        for (const { record: input, row } of batch) {
          const decoded = decodeRow(input)
          if (isIssues(decoded)) batchFailed.push({ row, issues: decoded })
          else {
            const first = seen.get(decoded.id)
            if (first !== undefined) batchFailed.push({ row, issues: ImportRules.messages.repeatedId(first) })
            else {
              seen.set(decoded.id, row)
              valid.push({ row, record: decoded, json: decodedJson })
            }
          }
        }
        const rowsOf = batch.length === 0 ? "" : `rows ${batch[0]!.row}–${batch[batch.length - 1]!.row}`
        const check = Effect.gen(function*() {
          if (valid.length === 0) return [] as Array<Valid>
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
          // Stored records and kept rows of this batch (and, in a dry run, of
          // the batches before), by key.
          const candidates = new Map<string, Array<Candidate>>()
          const candidatesOf = (key: string) => {
            const list = candidates.get(key)
            if (list !== undefined) return list
            const created: Array<Candidate> = dryRun ? [...(wouldWrite.get(key) ?? [])] : []
            candidates.set(key, created)
            return created
          }
          const wanted = keySet
          // By id, so that the record named among several is always the same one.
          for (const r of [...stored].sort(byId)) {
            taken.add(r.id)
            if (r.key == null || r.data == null || !wanted.has(r.key)) continue
            const record = yield* decodeStored(JSON.parse(r.data))
            candidatesOf(r.key).push({ record, row: importedRow.get(r.id) })
          }
          // In input order, so that a row is compared with the rows before it
          // that were kept, as registering them one by one would.
          const fresh: Array<Valid> = []
          for (const v of valid) {
            if (taken.has(v.record.id)) {
              if (skip) skipped++
              else batchFailed.push({ row: v.row, issues: issue("id", `"${v.record.id}" already exists in this district`) })
              continue
            }
            const key = same?.key(v.record)
            if (same !== undefined && key !== undefined) {
              const others = candidatesOf(key)
              const repeat = ImportRules.firstRepeat(same, v.record, others)
              if (repeat !== undefined) {
                batchFailed.push({
                  row: v.row,
                  issues: repeat.other.row === undefined
                    ? ImportRules.messages.repeatsStored(same.noun, repeat, repeat.other.record.id)
                    : ImportRules.messages.repeatsRow(same.noun, repeat, repeat.other.row)
                })
                continue
              }
              others.push(v)
              if (dryRun) {
                const list = wouldWrite.get(key)
                if (list === undefined) wouldWrite.set(key, [v])
                else list.push(v)
              }
            }
            fresh.push(v)
          }
          if (fresh.length > 0 && !dryRun) {
            // The statement's text is made once per row count and dialect, and
            // the values bound in one flat array: what sql.insert builds, without
            // building it again for every batch of thousands of values. A batch
            // with more values than the database binds in one statement is
            // written in as many statements as it takes, in the same transaction.
            const first = spec.columns(fresh[0]!.record)
            const names = Object.keys(first)
            const width = names.length + 3 - shared
            const perStatement = Math.max(1, Math.floor((maxVariables - shared) / width))
            for (let from = 0; from < fresh.length; from += perStatement) {
              const to = Math.min(fresh.length, from + perStatement)
              const values: Array<unknown> = new Array(shared + (to - from) * width)
              let n = 0
              if (shared === 1) values[n++] = districtId
              for (let i = from; i < to; i++) {
                const { json: made, record } = fresh[i]!
                const columns = i === 0 ? first : spec.columns(record)
                if (shared === 0) values[n++] = districtId
                values[n++] = record.id
                for (const name of names) values[n++] = columns[name]
                values[n++] = made === undefined ? json(record) : joinJson(made)
              }
              yield* sql.unsafe(insertText(to - from, names), values)
            }
          }
          return fresh
        })
        return (dryRun ? check : sql.withTransaction(check)).pipe(
          Effect.mapError(persistence(`import ${spec.kind} ${rowsOf}`)),
          Effect.flatMap((fresh) => {
            if (same !== undefined && !dryRun) for (const v of fresh) importedRow.set(v.record.id, v.row)
            written += fresh.length
            batches++
            rowsDone += batch.length
            for (const f of batchFailed.sort((a, b) => a.row - b.row)) failed.push(f)
            return options.onBatch === undefined ? Effect.void : options.onBatch({ batch: batches, rowsDone, written })
          })
        )
      }

      if (Stream.StreamTypeId in (rows as object)) {
        yield* (rows as Stream.Stream<Numbered, E, R>).pipe(
          Stream.grouped(batchSize),
          Stream.runForEach((chunk) => runBatch(Array.from(chunk)))
        )
      } else {
        let batch: Array<Numbered> = []
        for (const numbered of rows as Iterable<Numbered>) {
          batch.push(numbered)
          if (batch.length === batchSize) {
            yield* runBatch(batch)
            batch = []
          }
        }
        if (batch.length > 0) yield* runBatch(batch)
      }
      return { written, skipped, failed: skip ? failed.sort((a, b) => a.row - b.row) : failed, batches }
    })
}
