import { SqlClient, type Statement } from "@effect/sql"
import { SqlError } from "@effect/sql/SqlError"
import { Errors, type Ids, type Repositories } from "@iljari/core"
import { Effect, Either, Option, ParseResult, Schema } from "effect"
import { encodedJson } from "./json.js"
import { fastDecoder } from "./fastDecode.js"

type DistrictId = Ids.DistrictId
type Versioned<A> = Repositories.Versioned<A>

/** A storage failure as the ports report it, never a defect. */
export const persistence = (operation: string) => (error: SqlError | ParseResult.ParseError) =>
  new Errors.PersistenceError({
    operation,
    reason: error instanceof SqlError
      ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ""}`
      : `a stored row does not decode: ${error.message}`
  })

export type Columns = Record<string, string | number | null>

/**
 * A text column compared byte by byte, as the memory layer compares by code
 * point: SQLite does so by default; PostgreSQL by the database's collation
 * (often a locale's) unless told `"C"`. Sorts and the indexes serving them
 * name it alike.
 */
export const byteOrder = (sql: SqlClient.SqlClient, column: string): string =>
  sql.onDialectOrElse({ pg: () => `${column} COLLATE "C"`, orElse: () => column })

export interface TableSpec<A, I, E = never> {
  readonly table: string
  readonly kind: string
  readonly schema: Schema.Schema<A, I>
  /**
   * The record's stored JSON, when plain `JSON.stringify` is not its encoding:
   * a record with `Redacted` fields (an account's password hash), which print
   * as `<redacted>`.
   */
  readonly encode?: (record: A) => string
  /** The queried columns a record fills besides `district_id`, `id`, `version` and `data`. */
  readonly columns: (record: A) => Columns
  /**
   * An "at most one" rule kept by a unique index over `district_id` and
   * `columns`: the error a conflicting insert fails with, naming the record
   * already there.
   */
  readonly unique?: {
    readonly columns: ReadonlyArray<string>
    readonly conflict: (record: A, existingId: string) => E
    /** The rule holds across districts (a sign-in name), not within each. */
    readonly acrossDistricts?: boolean
  }
}

/**
 * The most ids one statement of `getMany` binds: with the district, within
 * SQLite's oldest limit of 999 parameters (32,766 since 3.32) and
 * PostgreSQL's 65,535.
 */
export const idsPerStatement = 500

interface Row {
  readonly version: number | string
  readonly data: string
}

/**
 * The records a store decoded lately, keyed by the stored JSON they were
 * decoded from. Decoding checks every rule of the schema again (a seeker:
 * about a quarter of a millisecond; a ledger of 1,400 checks: tens), while a
 * row read again is the same text: the record decoded from it is the same.
 * A changed row is other text, decoded afresh whichever process changed it,
 * so nothing stale is ever answered. At most `decodedPerTable` are kept, the
 * oldest dropped first; a record updated here (an erasure, say) drops its
 * entry at once.
 */
const decodedPerTable = 5_000

const decodedRecords = <A extends { readonly id: string; readonly districtId: DistrictId }>() => {
  const byText = new Map<string, A>()
  const textOf = new Map<string, string>()
  const keyOf = (record: A) => `${record.districtId}/${record.id}`
  const forget = (record: A) => {
    const key = keyOf(record)
    const text = textOf.get(key)
    if (text === undefined) return
    textOf.delete(key)
    byText.delete(text)
  }
  return {
    get: (text: string) => byText.get(text),
    keep: (text: string, record: A) => {
      forget(record)
      if (byText.size >= decodedPerTable) {
        const oldest = byText.keys().next()
        if (oldest.done !== true) {
          const dropped = byText.get(oldest.value)
          byText.delete(oldest.value)
          if (dropped !== undefined) textOf.delete(keyOf(dropped))
        }
      }
      byText.set(text, record)
      textOf.set(keyOf(record), text)
    },
    forget
  }
}

/**
 * One repository over one table: the generic `Store` of the core ports, plus
 * `where` for the finders each repository adds.
 */
export const makeStore = <A extends { readonly id: string; readonly districtId: DistrictId }, I, Id extends string, E = never>(
  sql: SqlClient.SqlClient,
  spec: TableSpec<A, I, E>
) => {
  const decode = Schema.decodeUnknownEither(spec.schema)
  const json = spec.encode ?? encodedJson
  const table = sql(spec.table)
  // Ids are compared byte by byte on both databases, like the memory layer.
  const byId = sql.literal(byteOrder(sql, "id"))

  const recent = decodedRecords<A>()
  // A row not decoded lately takes the import's fast path (the same rules,
  // each distinct field value decoded once): a list of a whole district is
  // more rows than `recent` keeps. A row it does not answer is decoded in full.
  const fast = fastDecoder(spec.schema as Schema.Schema<A, I, never>)
  const toVersioned = (row: Row): Either.Either<Versioned<A>, ParseResult.ParseError> => {
    const version = Number(row.version)
    const known = recent.get(row.data)
    if (known !== undefined) return Either.right({ value: known, version })
    const parsed: unknown = JSON.parse(row.data)
    const quick = fast?.decode(parsed)
    if (quick !== undefined) {
      recent.keep(row.data, quick)
      return Either.right({ value: quick, version })
    }
    return Either.map(decode(parsed), (value) => {
      recent.keep(row.data, value)
      return { value, version }
    })
  }

  // A plain loop: a ledger decodes 1,400 rows, and an effect per row costs more than the loop.
  const rowsOf = (rows: ReadonlyArray<Row>): Effect.Effect<Array<Versioned<A>>, ParseResult.ParseError> => {
    const out: Array<Versioned<A>> = []
    for (const row of rows) {
      const decoded = toVersioned(row)
      if (Either.isLeft(decoded)) return Effect.fail(decoded.left)
      out.push(decoded.right)
    }
    return Effect.succeed(out)
  }

  const where = (districtId: DistrictId, condition: Statement.Fragment, page?: Repositories.Page, order = byId) =>
    Effect.flatMap(
      sql<Row>`SELECT version, data FROM ${table} WHERE district_id = ${districtId} AND ${condition} ORDER BY ${order}${
        page?.limit === undefined && page?.offset === undefined
          ? sql.literal("")
          : sql` LIMIT ${page.limit ?? 1_000_000_000} OFFSET ${page.offset ?? 0}`
      }`,
      rowsOf
    ).pipe(Effect.mapError(persistence(`list ${spec.kind}`)))

  const currentVersion = (districtId: DistrictId, id: string) =>
    Effect.map(
      sql<{ version: number | string }>`SELECT version FROM ${table} WHERE district_id = ${districtId} AND id = ${id}`,
      (rows) => (rows[0] === undefined ? undefined : Number(rows[0].version))
    )

  // Why an insert was refused: the id is taken, or the unique rule names the record already there.
  const conflict = (record: A) =>
    Effect.gen(function*() {
      if ((yield* currentVersion(record.districtId, record.id)) !== undefined) {
        return yield* Effect.fail(new Errors.DuplicateId({ kind: spec.kind, id: record.id }))
      }
      const unique = spec.unique
      if (unique !== undefined) {
        const values = spec.columns(record)
        const [existing] = yield* sql<{ id: string }>`SELECT id FROM ${table} WHERE ${
          sql.and([
            ...(unique.acrossDistricts === true ? [] : [sql`district_id = ${record.districtId}`]),
            ...unique.columns.map((column) => sql`${sql(column)} = ${values[column] ?? null}`)
          ])
        }`
        if (existing !== undefined) return yield* Effect.fail(unique.conflict(record, existing.id))
      }
      return yield* Effect.fail(new Errors.PersistenceError({
        operation: `insert ${spec.kind}`,
        reason: "the database refused the record as conflicting, and no conflicting record is left to name"
      }))
    })

  // The one record of any district with a column's value: for the few ports
  // that look across districts on purpose (a sign-in name, a secret's digest).
  const findAcross = (column: string, value: string) =>
    sql<Row>`SELECT version, data FROM ${table} WHERE ${sql(column)} = ${value}`.pipe(
      Effect.flatMap(rowsOf),
      Effect.map((rows) => Option.fromNullable(rows[0])),
      Effect.mapError(persistence(`find ${spec.kind}`))
    )

  return {
    where,
    findAcross,
    // ON CONFLICT DO NOTHING keeps a PostgreSQL transaction usable after a
    // conflict, so the refusal can be explained by reading what is there.
    insert: (record: A): Effect.Effect<Versioned<A>, E | Errors.DuplicateId | Errors.PersistenceError> =>
      sql<{ id: string }>`INSERT INTO ${table} ${
        sql.insert({
          district_id: record.districtId,
          id: record.id,
          version: 1,
          ...spec.columns(record),
          data: json(record)
        })
      } ON CONFLICT DO NOTHING RETURNING id`.pipe(
        Effect.mapError(persistence(`insert ${spec.kind}`)),
        Effect.flatMap((inserted) =>
          inserted.length === 1
            ? Effect.succeed({ value: record, version: 1 })
            : Effect.catchIf(conflict(record), (e) => e instanceof SqlError, (e) => Effect.fail(persistence(`insert ${spec.kind}`)(e as SqlError)))
        )
      ),
    get: (districtId: DistrictId, id: Id): Effect.Effect<Versioned<A>, Errors.NotFound | Errors.PersistenceError> =>
      sql<Row>`SELECT version, data FROM ${table} WHERE district_id = ${districtId} AND id = ${id}`.pipe(
        Effect.mapError(persistence(`get ${spec.kind}`)),
        Effect.flatMap((rows): Effect.Effect<Versioned<A>, Errors.NotFound | Errors.PersistenceError> =>
          rows[0] === undefined
            ? Effect.fail(new Errors.NotFound({ kind: spec.kind, id }))
            : Effect.mapError(toVersioned(rows[0]), persistence(`get ${spec.kind}`))
        )
      ),
    // One statement per `idsPerStatement` ids, so that a long list stays within
    // the databases' limits on bound parameters.
    getMany: (districtId: DistrictId, ids: Iterable<Id>): Effect.Effect<ReadonlyArray<Versioned<A>>, Errors.PersistenceError> => {
      const wanted = [...new Set(ids)]
      return Effect.forEach(
        Array.from({ length: Math.ceil(wanted.length / idsPerStatement) }, (_, i) => wanted.slice(i * idsPerStatement, (i + 1) * idsPerStatement)),
        (chunk) =>
          Effect.flatMap(sql<Row>`SELECT version, data FROM ${table} WHERE district_id = ${districtId} AND ${sql.in("id", chunk)}`, rowsOf)
      ).pipe(
        Effect.map((chunks) => chunks.flat()),
        Effect.mapError(persistence(`get ${spec.kind}`))
      )
    },
    update: (
      record: A,
      expectedVersion: number
    ): Effect.Effect<Versioned<A>, Errors.StaleVersion | Errors.NotFound | Errors.PersistenceError> =>
      Effect.gen(function*() {
        const updated = yield* sql<{ version: number | string }>`UPDATE ${table} SET ${
          sql.update({ version: expectedVersion + 1, ...spec.columns(record), data: json(record) })
        } WHERE district_id = ${record.districtId} AND id = ${record.id} AND version = ${expectedVersion} RETURNING version`
        recent.forget(record)
        if (updated.length === 1) return { value: record, version: expectedVersion + 1 }
        const actual = yield* currentVersion(record.districtId, record.id)
        return yield* actual === undefined
          ? Effect.fail(new Errors.NotFound({ kind: spec.kind, id: record.id }))
          : Effect.fail(new Errors.StaleVersion({ kind: spec.kind, id: record.id, expected: expectedVersion, actual }))
      }).pipe(Effect.catchTag("SqlError", (error) => Effect.fail(persistence(`update ${spec.kind}`)(error)))),
    list: (districtId: DistrictId, page?: Repositories.Page) => where(districtId, sql.literal("1 = 1"), page)
  }
}

/** A search's order: by these columns (the id last), all in one direction. */
export interface SortSpec {
  readonly columns: ReadonlyArray<string>
  readonly direction: "asc" | "desc"
}

/**
 * A search over a store's table, from its `where`: a page of the rows that
 * meet the condition, in the order given, and how many there are. With
 * `page.after`, the page starts after that record's sort key (keyset: its
 * key is read by id in the same statement, so the record need not meet the
 * condition any more; an id the district does not have matches no row).
 */
export const searchOf = <A>(
  sql: SqlClient.SqlClient,
  spec: { readonly table: string; readonly kind: string },
  where: (
    districtId: DistrictId,
    condition: Statement.Fragment,
    page?: Repositories.Page,
    order?: Statement.Fragment
  ) => Effect.Effect<ReadonlyArray<Versioned<A>>, Errors.PersistenceError>
) =>
(
  districtId: DistrictId,
  condition: Statement.Fragment,
  sort: SortSpec,
  page?: Repositories.Page
): Effect.Effect<Repositories.Paged<Versioned<A>>, Errors.PersistenceError> => {
  const table = sql(spec.table)
  const keyed = sort.columns.map((column) => byteOrder(sql, column))
  const order = sql.literal(keyed.map((column) => `${column} ${sort.direction.toUpperCase()}`).join(", "))
  const after = page?.after
  // Row values compare column by column, as the order does: (name, id) > (the record's name, its id).
  const following = after === undefined ? undefined : sql`(${sql.literal(keyed.join(", "))}) ${sql.literal(sort.direction === "asc" ? ">" : "<")} (SELECT ${
    sql.literal(sort.columns.join(", "))
  } FROM ${table} WHERE district_id = ${districtId} AND id = ${after})`
  return Effect.all({
    items: where(districtId, following === undefined ? condition : sql.and([condition, following]), page, order),
    total: sql<{ total: number | string }>`SELECT COUNT(*) AS total FROM ${table} WHERE district_id = ${districtId} AND ${condition}`.pipe(
      Effect.map((rows) => Number(rows[0]!.total)),
      Effect.mapError(persistence(`count ${spec.kind}`))
    )
  })
}
