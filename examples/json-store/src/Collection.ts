/**
 * The records of one kind in the JSON file: what every store port has
 * (insert, get, getMany, update, list) with versions, districts kept apart,
 * and an optional "at most one" rule — over encoded rows that are decoded in
 * full on every read, so a row that no longer fits its schema is a
 * `PersistenceError`, never a record.
 */
import { Errors, type Ids, type Repositories } from "@iljari/core"
import { Effect, Either, Option, ParseResult, Schema } from "effect"
import { change, type Contents, type JsonFile, read, type Row } from "./JsonFile.js"

type Versioned<A> = Repositories.Versioned<A>

/** An "at most one" rule: two records (of a district, or of all) with the same defined key conflict. */
export interface Unique<A, E> {
  readonly key: (record: A) => string | undefined
  readonly conflict: (record: A, existing: A) => E
  readonly acrossDistricts?: boolean
}

// A district's rows sit under `districtId/id`; ids have no slash.
const keyOf = (districtId: string, id: string) => `${districtId}/${id}`

const byId = <A extends { readonly id: string }>(a: Versioned<A>, b: Versioned<A>) =>
  a.value.id < b.value.id ? -1 : a.value.id > b.value.id ? 1 : 0

/** A slice of rows, as a `Page` asks. */
export const paged = <A>(rows: ReadonlyArray<A>, page?: Repositories.Page): ReadonlyArray<A> => {
  const offset = page?.offset ?? 0
  return rows.slice(offset, page?.limit === undefined ? undefined : offset + page.limit)
}

export const collection = <A extends { readonly id: string; readonly districtId: Ids.DistrictId }, I, E = never>(
  file: JsonFile,
  kind: string,
  schema: Schema.Schema<A, I>,
  unique?: Unique<A, E>
) => {
  const decode = Schema.decodeUnknownEither(schema)
  const encode = Schema.encodeEither(schema)
  const persistence = (operation: string) => (error: ParseResult.ParseError) =>
    new Errors.PersistenceError({ operation: `${operation} ${kind}`, reason: ParseResult.TreeFormatter.formatErrorSync(error) })

  const rowsOf = (contents: Contents) => contents.records[kind] ?? {}
  const decodeRow = (row: Row): Either.Either<Versioned<A>, Errors.PersistenceError> =>
    Either.map(Either.mapLeft(decode(row.data), persistence("read")), (value) => ({ value, version: row.version }))
  // Every row (of a district, or of all), decoded, in id order.
  const decodeAll = (contents: Contents, districtId?: string) => {
    const rows: Array<Versioned<A>> = []
    for (const [key, row] of Object.entries(rowsOf(contents))) {
      if (districtId !== undefined && !key.startsWith(`${districtId}/`)) continue
      const decoded = decodeRow(row)
      if (Either.isLeft(decoded)) return Either.left(decoded.left)
      rows.push(decoded.right)
    }
    return Either.right(rows.sort(byId))
  }
  const withRow = (contents: Contents, key: string, row: Row): Contents => ({
    ...contents,
    records: { ...contents.records, [kind]: { ...rowsOf(contents), [key]: row } }
  })

  const filter = (districtId: Ids.DistrictId, predicate: (a: A) => boolean) =>
    read(file, (contents) => Either.map(decodeAll(contents, districtId), (rows) => rows.filter((row) => predicate(row.value))))

  return {
    filter,
    /** The one record, of any district, that matches: for a port that looks across districts on purpose. */
    find: (predicate: (a: A) => boolean) =>
      read(file, (contents) => Either.map(decodeAll(contents), (rows) => Option.fromNullable(rows.find((row) => predicate(row.value))))),
    insert: (record: A) =>
      change(file, (contents): Either.Either<readonly [Versioned<A>, Contents], Errors.DuplicateId | Errors.PersistenceError | E> => {
        const key = keyOf(record.districtId, record.id)
        if (rowsOf(contents)[key] !== undefined) return Either.left(new Errors.DuplicateId({ kind, id: record.id }))
        const wanted = unique?.key(record)
        if (unique !== undefined && wanted !== undefined) {
          const all = decodeAll(contents, unique.acrossDistricts === true ? undefined : record.districtId)
          if (Either.isLeft(all)) return Either.left(all.left)
          const existing = all.right.find((row) => unique.key(row.value) === wanted)
          if (existing !== undefined) return Either.left(unique.conflict(record, existing.value))
        }
        return Either.map(Either.mapLeft(encode(record), persistence("write")), (data) => {
          const stored = { value: record, version: 1 }
          return [stored, withRow(contents, key, { version: 1, data })] as const
        })
      }),
    get: (districtId: Ids.DistrictId, id: string) =>
      read(file, (contents): Either.Either<Versioned<A>, Errors.NotFound | Errors.PersistenceError> => {
        const row = rowsOf(contents)[keyOf(districtId, id)]
        return row === undefined ? Either.left(new Errors.NotFound({ kind, id })) : decodeRow(row)
      }),
    getMany: (districtId: Ids.DistrictId, ids: Iterable<string>) => {
      // Read the ids now: an iterator given once must serve every run of the effect.
      const wanted = [...new Set(ids)]
      return read(file, (contents) =>
        Either.all(wanted.flatMap((id) => {
          const row = rowsOf(contents)[keyOf(districtId, id)]
          return row === undefined ? [] : [decodeRow(row)]
        })))
    },
    update: (record: A, expectedVersion: number) =>
      change(file, (contents): Either.Either<readonly [Versioned<A>, Contents], Errors.NotFound | Errors.StaleVersion | Errors.PersistenceError> => {
        const key = keyOf(record.districtId, record.id)
        const current = rowsOf(contents)[key]
        if (current === undefined) return Either.left(new Errors.NotFound({ kind, id: record.id }))
        if (current.version !== expectedVersion) {
          return Either.left(new Errors.StaleVersion({ kind, id: record.id, expected: expectedVersion, actual: current.version }))
        }
        return Either.map(Either.mapLeft(encode(record), persistence("write")), (data) => {
          const version = current.version + 1
          return [{ value: record, version }, withRow(contents, key, { version, data })] as const
        })
      }),
    list: (districtId: Ids.DistrictId, page?: Repositories.Page) => Effect.map(filter(districtId, () => true), (rows) => paged(rows, page))
  }
}
