// The one engine behind BulkImport's functions and the ImportStore port:
// rows decoded one by one (every broken field named), ids repeated within the
// input or already stored, repeats of a person or a referral, and the valid
// rows written in batches, each batch in its own transaction.
import { SqlClient } from "@effect/sql"
import { Errors, type Ids, type Placement, Seeker, Validation } from "@iljari/core"
import { Effect, Either, Schema, Stream } from "effect"
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

const issue = (path: string, message: string) => [{ path, message }]

/**
 * A second record of one thing that its id does not reveal (the same person
 * registered under two ids). Candidates share a key, stored in `column`:
 * stored ones are found in one query per batch, earlier rows of the input
 * from memory; `repeats` decides.
 */
export interface Repeats<A> {
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
export const samePerson: Repeats<Seeker.Seeker> = {
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
export const sameReferral: Repeats<Placement.Placement> = {
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

const byId = (a: { readonly id: string }, b: { readonly id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

type Stored = { readonly id: string; readonly key?: string | null; readonly data?: string | null }

/** The engine for one table, and the rule of its repeats if it has one. */
export const engine = <A extends { readonly id: string; readonly districtId: Ids.DistrictId }, I, U>(
  spec: TableSpec<A, I, U>,
  same?: Repeats<A>
) => {
  // Valid rows take the fast path; an invalid row is decoded again with every
  // error collected, so the report names all its fields.
  const quick = Schema.decodeUnknownEither(spec.schema, { onExcessProperty: "error" })
  const full = Validation.decodeEither(spec.schema as Schema.Schema<A, I, never>)
  const decodeStored = Schema.decodeUnknownEither(spec.schema)
  const json = spec.encode ?? encodedJson

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
      // The rows of this input kept so far, by key, so that a repeat names its
      // row, and their ids, so that the stored copy of one is not a candidate again.
      const kept = new Map<string, Array<{ readonly record: A; readonly row: number }>>()
      const keptIds = new Set<string>()
      const failed: Array<RowFailure> = []
      let written = 0
      let skipped = 0
      let batches = 0
      let rowsDone = 0

      const decodeRow = (input: unknown): Either.Either<A, RowFailure["issues"]> => {
        if (typeof input !== "object" || input === null || Array.isArray(input)) {
          return Either.left(issue("", "must be an object holding the record's fields"))
        }
        const given = (input as { districtId?: unknown }).districtId
        if (given !== undefined && given !== districtId) {
          return Either.left(issue("districtId", `belongs to district ${String(given)}, not ${districtId}, the one being imported into`))
        }
        const row = given === undefined ? { ...input, districtId } : input
        const fast = quick(row)
        if (Either.isRight(fast)) return Either.right(fast.right)
        return Either.mapLeft(full(row), (error) => error.issues.map(({ message, path }) => ({ path, message })))
      }

      type Valid = { readonly row: number; readonly record: A }

      const runBatch = (batch: ReadonlyArray<Numbered>) => {
        const batchFailed: Array<RowFailure> = []
        const valid: Array<Valid> = []
        const seen = skip ? seenAll : new Map<string, number>()
        for (const { record: input, row } of batch) {
          const decoded = decodeRow(input)
          if (Either.isLeft(decoded)) batchFailed.push({ row, issues: decoded.left })
          else if (seen.has(decoded.right.id)) {
            batchFailed.push({ row, issues: issue("id", `repeats the id of row ${seen.get(decoded.right.id)}`) })
          } else {
            seen.set(decoded.right.id, row)
            valid.push({ row, record: decoded.right })
          }
        }
        const rowsOf = batch.length === 0 ? "" : `rows ${batch[0]!.row}–${batch[batch.length - 1]!.row}`
        const check = Effect.gen(function*() {
          if (valid.length === 0) return [] as Array<Valid>
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
          // Stored records not written by this input, by key; the kept rows of this input are in `kept`.
          const storedByKey = new Map<string, Array<{ readonly record: A }>>()
          const wanted = new Set(keys)
          // By id, so that the record named among several is always the same one.
          for (const r of [...stored].sort(byId)) {
            taken.add(r.id)
            if (r.key == null || r.data == null || !wanted.has(r.key) || keptIds.has(r.id)) continue
            const record = yield* decodeStored(JSON.parse(r.data))
            const list = storedByKey.get(r.key)
            if (list === undefined) storedByKey.set(r.key, [{ record }])
            else list.push({ record })
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
              const inStore = firstRepeat(same, v.record, storedByKey.get(key) ?? [])
              if (inStore !== undefined) {
                batchFailed.push({
                  row: v.row,
                  issues: issue(
                    inStore.path,
                    `repeats the ${same.noun} already registered as "${inStore.other.record.id}" in this district (${inStore.rule}); update that record instead of importing a second one`
                  )
                })
                continue
              }
              const earlier = kept.get(key)
              const inInput = earlier === undefined ? undefined : firstRepeat(same, v.record, earlier)
              if (inInput !== undefined) {
                batchFailed.push({
                  row: v.row,
                  issues: issue(inInput.path, `repeats the ${same.noun} of row ${inInput.other.row} (${inInput.rule}); import each ${same.noun} once`)
                })
                continue
              }
              if (earlier === undefined) kept.set(key, [v])
              else earlier.push(v)
              keptIds.add(v.record.id)
            }
            fresh.push(v)
          }
          if (fresh.length > 0 && !dryRun) {
            yield* sql`INSERT INTO ${table} ${
              sql.insert(fresh.map(({ record }) => ({
                district_id: districtId,
                id: record.id,
                version: 1,
                ...spec.columns(record),
                data: json(record)
              })))
            }`
          }
          return fresh
        })
        return (dryRun ? check : sql.withTransaction(check)).pipe(
          Effect.mapError(persistence(`import ${spec.kind} ${rowsOf}`)),
          Effect.flatMap((fresh) => {
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
