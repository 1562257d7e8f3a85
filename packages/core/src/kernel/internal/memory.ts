import { Context, DateTime, Duration, Effect, Exit, FiberRef, Layer } from "effect"
import type { AuditEntry, AuditQuery } from "../Audit.js"
import { DuplicateId, NotFound, StaleVersion } from "../Errors.js"
import type { DistrictId } from "../Ids.js"
import type { Claimed, Lease, OutboxMessage } from "../Outbox.js"
import type { Page, Versioned } from "../../Repositories.js"

interface Tables {
  records: Map<string, Map<string, Versioned<unknown>>>
  audit: Array<AuditEntry>
  outbox: Array<OutboxMessage>
  /** The live or expired lease on each claimed outbox message, by district and id. */
  outboxLeases: Map<string, Lease>
}

export interface Database {
  tables: Tables
  readonly lock: Effect.Semaphore
}

const inTransaction = FiberRef.unsafeMake(false)

// A write outside a transaction takes the database's lock too, so that a
// concurrent transaction's rollback cannot erase it; inside one it already holds it.
const exclusive = (db: Database) => <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.flatMap(FiberRef.get(inTransaction), (nested) => nested ? effect : db.lock.withPermits(1)(effect))

export const makeDatabase: Effect.Effect<Database> = Effect.map(Effect.makeSemaphore(1), (lock) => ({
  tables: { records: new Map(), audit: [], outbox: [], outboxLeases: new Map() },
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
const key = (districtId: DistrictId, id: string) => `${districtId}\u0000${id}`

const byId = <A extends { readonly id: string }>(a: Versioned<A>, b: Versioned<A>) =>
  a.value.id < b.value.id ? -1 : a.value.id > b.value.id ? 1 : 0

const paged = <A>(rows: ReadonlyArray<A>, page?: Page): ReadonlyArray<A> => {
  const offset = page?.offset ?? 0
  return rows.slice(offset, page?.limit === undefined ? undefined : offset + page.limit)
}

/**
 * An "at most one" rule of a store, as a unique index would keep it: two
 * records of a district with the same defined key conflict.
 */
export interface Unique<A, E> {
  readonly key: (record: A) => string | undefined
  readonly conflict: (record: A, existing: A) => E
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
      if (row.value.districtId === record.districtId && unique!.key(row.value) === wanted) return row.value
    }
    return undefined
  }
  const filter = (districtId: DistrictId, predicate: (a: A) => boolean) =>
    Effect.sync(() =>
      [...rows().values()].filter((row) => row.value.districtId === districtId && predicate(row.value)).sort(byId)
    )
  return {
    filter,
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

export const auditLog = (db: Database) => ({
  append: (entry: AuditEntry) => Effect.sync(() => void db.tables.audit.push(entry)).pipe(exclusive(db)),
  appendAll: (entries: ReadonlyArray<AuditEntry>) => Effect.sync(() => void db.tables.audit.push(...entries)).pipe(exclusive(db)),
  list: (districtId: DistrictId, query: AuditQuery = {}) =>
    Effect.sync(() =>
      paged(
        db.tables.audit.filter((e) =>
          e.districtId === districtId &&
          (query.subjectId === undefined || e.subjectId === query.subjectId) &&
          (query.actor === undefined || e.actor === query.actor)
        ),
        query
      )
    )
})

// The outbox's leases live beside its messages, as the SQL adapter keeps them
// in columns beside the message's data; a save presents the lease it holds.
export const outbox = <LeaseLost>(
  db: Database,
  leaseLost: (message: OutboxMessage, worker: string, status: OutboxMessage["status"], holder: string | undefined) => LeaseLost
) => ({
  enqueue: (message: OutboxMessage) =>
    Effect.sync(() => {
      if (!db.tables.outbox.some((m) => m.idempotencyKey === message.idempotencyKey)) db.tables.outbox.push(message)
    }).pipe(exclusive(db)),
  list: (districtId: DistrictId, status?: OutboxMessage["status"]) =>
    Effect.sync(() =>
      db.tables.outbox.filter((m) => m.districtId === districtId && (status === undefined || m.status === status))
    ),
  claim: (worker: string, now: DateTime.Utc, limit: number, leaseFor: Duration.DurationInput) =>
    Effect.sync((): Claimed => {
      const lease: Lease = { owner: worker, until: DateTime.addDuration(now, leaseFor) }
      const claimable = (m: OutboxMessage) => {
        if (m.status !== "pending") return false
        if (m.notBefore !== undefined && DateTime.greaterThan(m.notBefore, now)) return false
        const held = db.tables.outboxLeases.get(key(m.districtId, m.id))
        return held === undefined || DateTime.lessThanOrEqualTo(held.until, now)
      }
      const messages = db.tables.outbox.filter(claimable).slice(0, Math.max(0, limit))
      for (const m of messages) db.tables.outboxLeases.set(key(m.districtId, m.id), lease)
      return { lease, messages }
    }).pipe(exclusive(db)),
  redact: (districtId: DistrictId, seekerId: string, redacted: (message: OutboxMessage) => OutboxMessage, concerns: (message: OutboxMessage, seekerId: string) => boolean) =>
    Effect.sync(() => {
      let changed = 0
      db.tables.outbox = db.tables.outbox.map((m) => {
        if (m.districtId !== districtId || !concerns(m, seekerId)) return m
        changed++
        db.tables.outboxLeases.delete(key(m.districtId, m.id))
        return redacted(m)
      })
      return changed
    }).pipe(exclusive(db)),
  save: (lease: Lease, message: OutboxMessage) =>
    Effect.suspend((): Effect.Effect<void, NotFound | LeaseLost> => {
      const index = db.tables.outbox.findIndex((m) => m.id === message.id && m.districtId === message.districtId)
      if (index === -1) return Effect.fail(new NotFound({ kind: "outbox message", id: message.id }))
      const current = db.tables.outbox[index]!
      const k = key(message.districtId, message.id)
      const held = db.tables.outboxLeases.get(k)
      // Fenced: only the lease that holds a pending message may record its attempt.
      if (current.status !== "pending" || held === undefined || held.owner !== lease.owner || !DateTime.Equivalence(held.until, lease.until)) {
        return Effect.fail(leaseLost(message, lease.owner, current.status, held?.owner))
      }
      db.tables.outbox[index] = message
      db.tables.outboxLeases.delete(k)
      return Effect.void
    }).pipe(exclusive(db))
})

const snapshot = (tables: Tables): Tables => ({
  records: new Map([...tables.records].map(([kind, rows]) => [kind, new Map(rows)])),
  audit: [...tables.audit],
  outbox: [...tables.outbox],
  outboxLeases: new Map(tables.outboxLeases)
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
