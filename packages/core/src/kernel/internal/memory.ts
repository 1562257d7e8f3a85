import { Context, Effect, Exit, FiberRef, Layer, Option } from "effect"
import { DuplicateId, NotFound, StaleVersion } from "../Errors.js"
import type { DistrictId } from "../Ids.js"
import type { Page, Paged, Versioned } from "../Store.js"

// The memory database knows no record kind: stores keep versioned records by
// kind, the audit log and the outbox keep lists, the outbox's leases a map.
interface Tables {
  records: Map<string, Map<string, Versioned<unknown>>>
  lists: Map<string, Array<unknown>>
  maps: Map<string, Map<string, unknown>>
}

export interface Database {
  tables: Tables
  readonly lock: Effect.Semaphore
}

const inTransaction = FiberRef.unsafeMake(false)

// A write outside a transaction takes the database's lock too, so that a
// concurrent transaction's rollback cannot erase it; inside one it already holds it.
export const exclusive = (db: Database) => <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.flatMap(FiberRef.get(inTransaction), (nested) => nested ? effect : db.lock.withPermits(1)(effect))

export const makeDatabase: Effect.Effect<Database> = Effect.map(Effect.makeSemaphore(1), (lock) => ({
  tables: { records: new Map(), lists: new Map(), maps: new Map() },
  lock
}))

/** The in-memory database the memory layers of every port share. */
export class MemoryDatabase extends Context.Tag("@iljari/core/MemoryDatabase")<MemoryDatabase, Database>() {}

export const layerDatabase: Layer.Layer<MemoryDatabase> = Layer.effect(MemoryDatabase, makeDatabase)

/** A port's memory layer: its implementation over the shared database. */
export const layerOver = <I, S>(tag: Context.Tag<I, S>, make: (db: Database) => S): Layer.Layer<I, never, MemoryDatabase> =>
  Layer.effect(tag, Effect.map(MemoryDatabase, make))

const table = (db: Database, kind: string): Map<string, Versioned<unknown>> => {
  let t = db.tables.records.get(kind)
  if (t === undefined) {
    t = new Map()
    db.tables.records.set(kind, t)
  }
  return t
}

// Ids are unique per district in the key, so one district can never reach another's row.
export const key = (districtId: DistrictId, id: string) => `${districtId}\u0000${id}`

const byId = <A extends { readonly id: string }>(a: Versioned<A>, b: Versioned<A>) =>
  a.value.id < b.value.id ? -1 : a.value.id > b.value.id ? 1 : 0

export const paged = <A>(rows: ReadonlyArray<A>, page?: Page): ReadonlyArray<A> => {
  const offset = page?.offset ?? 0
  return rows.slice(offset, page?.limit === undefined ? undefined : offset + page.limit)
}

export const counted = <A>(rows: ReadonlyArray<A>, page?: Page): Paged<A> => ({ items: paged(rows, page), total: rows.length })

/**
 * A store's search: the district's records that pass, in `order`, a page of
 * them — after `page.after`'s record, wherever it now sorts (keyset), when
 * named — and how many pass in all.
 */
export const searched = <A extends { readonly id: string; readonly districtId: DistrictId }, E>(
  records: { readonly filter: (districtId: DistrictId, predicate: (a: A) => boolean) => Effect.Effect<Array<Versioned<A>>, E> },
  districtId: DistrictId,
  passes: (a: A) => boolean,
  order: (a: A, b: A) => number,
  page?: Page
): Effect.Effect<Paged<Versioned<A>>, E> =>
  Effect.gen(function*() {
    const rows = (yield* records.filter(districtId, passes)).sort((a, b) => order(a.value, b.value))
    const after = page?.after
    if (after === undefined) return counted(rows, page)
    const [anchor] = yield* records.filter(districtId, (a) => a.id === after)
    const following = anchor === undefined ? [] : rows.filter((row) => order(row.value, anchor.value) > 0)
    return { items: paged(following, page), total: rows.length }
  })

/**
 * An "at most one" rule of a store, as a unique index would keep it: two
 * records of a district with the same defined key conflict.
 */
export interface Unique<A, E> {
  readonly key: (record: A) => string | undefined
  readonly conflict: (record: A, existing: A) => E
  /** The rule holds across districts (a sign-in name), not within each. */
  readonly acrossDistricts?: boolean
}

export const store = <A extends { readonly id: string; readonly districtId: DistrictId }, Id extends string, E = never>(
  db: Database,
  kind: string,
  unique?: Unique<A, E>
) => {
  const rows = () => table(db, kind) as Map<string, Versioned<A>>
  const conflicting = (record: A): A | undefined => {
    const wanted = unique?.key(record)
    if (wanted === undefined) return undefined
    for (const row of rows().values()) {
      if ((unique!.acrossDistricts === true || row.value.districtId === record.districtId) && unique!.key(row.value) === wanted) {
        return row.value
      }
    }
    return undefined
  }
  const filter = (districtId: DistrictId, predicate: (a: A) => boolean) =>
    Effect.sync(() =>
      [...rows().values()].filter((row) => row.value.districtId === districtId && predicate(row.value)).sort(byId)
    )
  return {
    filter,
    /** The one record, of any district, that matches: for a port that looks across districts on purpose. */
    find: (predicate: (a: A) => boolean) =>
      Effect.sync(() => Option.fromNullable([...rows().values()].find((row) => predicate(row.value)))),
    insert: (record: A) =>
      Effect.suspend((): Effect.Effect<Versioned<A>, DuplicateId | E> => {
        const k = key(record.districtId, record.id)
        if (rows().has(k)) return Effect.fail(new DuplicateId({ kind, id: record.id }))
        const existing = conflicting(record)
        if (existing !== undefined) return Effect.fail(unique!.conflict(record, existing))
        const stored = { value: record, version: 1 }
        rows().set(k, stored)
        return Effect.succeed(stored)
      }).pipe(exclusive(db)),
    get: (districtId: DistrictId, id: Id) =>
      Effect.suspend(() => {
        const row = rows().get(key(districtId, id))
        return row === undefined ? Effect.fail(new NotFound({ kind, id })) : Effect.succeed(row)
      }),
    getMany: (districtId: DistrictId, ids: Iterable<Id>) => {
      // Read the ids now: an iterator given once must serve every run of the effect.
      const wanted = [...new Set(ids)]
      return Effect.sync(() =>
        wanted.flatMap((id) => {
          const row = rows().get(key(districtId, id))
          return row === undefined ? [] : [row]
        })
      )
    },
    update: (record: A, expectedVersion: number) =>
      Effect.suspend((): Effect.Effect<Versioned<A>, NotFound | StaleVersion> => {
        const k = key(record.districtId, record.id)
        const current = rows().get(k)
        if (current === undefined) return Effect.fail(new NotFound({ kind, id: record.id }))
        if (current.version !== expectedVersion) {
          return Effect.fail(new StaleVersion({ kind, id: record.id, expected: expectedVersion, actual: current.version }))
        }
        const stored = { value: record, version: current.version + 1 }
        rows().set(k, stored)
        return Effect.succeed(stored)
      }).pipe(exclusive(db)),
    list: (districtId: DistrictId, page?: Page) => Effect.map(filter(districtId, () => true), (all) => paged(all, page))
  }
}

/** A named list of the database (the audit log, the outbox), read and replaced whole. */
export const list = <A>(db: Database, name: string) => ({
  rows: (): Array<A> => (db.tables.lists.get(name) ?? []) as Array<A>,
  replace: (rows: Array<A>) => void db.tables.lists.set(name, rows),
  // In place: an append must not copy a list that grows with every request
  // (the audit log). A transaction's snapshot holds its own copy.
  append: (rows: ReadonlyArray<A>) => {
    const current = db.tables.lists.get(name)
    if (current === undefined) db.tables.lists.set(name, [...rows])
    else for (const row of rows) current.push(row)
  }
})

/** A named map of the database (the outbox's leases). */
export const map = <A>(db: Database, name: string): Map<string, A> => {
  let m = db.tables.maps.get(name)
  if (m === undefined) {
    m = new Map()
    db.tables.maps.set(name, m)
  }
  return m as Map<string, A>
}

const snapshot = (tables: Tables): Tables => ({
  records: new Map([...tables.records].map(([kind, rows]) => [kind, new Map(rows)])),
  lists: new Map([...tables.lists].map(([name, rows]) => [name, [...rows]])),
  maps: new Map([...tables.maps].map(([name, entries]) => [name, new Map(entries)]))
})

// Transactions take the database's one lock and restore a snapshot when they
// fail; a transaction inside a transaction joins the outer one.
export const transactor = (db: Database) => ({
  // The transaction already holds the database's one lock.
  lock: (_key: string) => Effect.void,
  // Nothing outlives an overwrite in memory.
  shred: Effect.void,
  withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.flatMap(FiberRef.get(inTransaction), (nested) =>
      nested ? effect : db.lock.withPermits(1)(
        Effect.suspend(() => {
          const before = snapshot(db.tables)
          return effect.pipe(
            Effect.locally(inTransaction, true),
            Effect.onExit((exit) => Exit.isFailure(exit) ? Effect.sync(() => void (db.tables = before)) : Effect.void)
          )
        })
      ))
})
