/**
 * One JSON file holding a whole job center's records, and transactions over
 * it: the storage engine of the example adapter.
 *
 * The file's contents are kept in memory as they are on disk — encoded JSON,
 * never decoded records — and replaced, never changed in place, so that a
 * transaction is a working copy: committing writes it to disk (a temporary
 * file renamed over the old one, so a crash leaves the old file or the new
 * one, never half of one), failing drops it. One lock per file serialises the
 * writers; readers see the last commit, or their own transaction's copy.
 */
import { Errors } from "@iljari/core"
import { Effect, Either, Exit, FiberRef } from "effect"
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs"

/** A stored record: its version and its encoded JSON. */
export interface Row {
  readonly version: number
  readonly data: unknown
}

/** An outbox message, encoded, and the lease a dispatcher holds it under (`until` as ISO text). */
export interface Queued {
  readonly data: unknown
  readonly lease?: { readonly owner: string; readonly until: string }
}

/** What the file holds. */
export interface Contents {
  readonly format: 1
  /** Records by kind, then by `districtId/id`. */
  readonly records: { readonly [kind: string]: { readonly [key: string]: Row } }
  /** The audit log, oldest first. */
  readonly audit: ReadonlyArray<unknown>
  /** The outbox, in queue order. */
  readonly outbox: ReadonlyArray<Queued>
  /** Idempotency keys by `districtId/accountId/key`: the request's fingerprint, its answer once kept, the expiry (ISO text). */
  readonly idempotency?: { readonly [key: string]: IdempotencyRow }
  /** Import mappings by `districtId/ledger`, encoded: header texts, no personal data. */
  readonly importMappings?: { readonly [key: string]: unknown }
}

/** An idempotency key as the file keeps it. */
export interface IdempotencyRow {
  readonly fingerprint: string
  readonly answer?: { readonly status: number; readonly body: string }
  readonly expiresAt: string
}

export interface JsonFile {
  readonly path: string
  /** What the file on disk holds. */
  committed: Contents
  /** The running transaction's copy (the committed contents when none runs). */
  working: Contents
  readonly lock: Effect.Semaphore
}

const empty: Contents = { format: 1, records: {}, audit: [], outbox: [] }

const failure = (operation: string) => (cause: unknown) =>
  new Errors.PersistenceError({ operation, reason: cause instanceof Error ? cause.message : String(cause) })

/** Opens the file, or starts an empty one (written at the first commit). */
export const open = (path: string): Effect.Effect<JsonFile, Errors.PersistenceError> =>
  Effect.gen(function*() {
    const contents = yield* Effect.try({
      try: () => (existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Contents) : empty),
      catch: failure(`read ${path}`)
    })
    if (contents.format !== 1) return yield* Effect.fail(failure(`read ${path}`)(`unknown format ${String(contents.format)}`))
    return { path, committed: contents, working: contents, lock: yield* Effect.makeSemaphore(1) }
  })

// The file whose transaction the current fiber runs in, if any.
const current = FiberRef.unsafeMake<JsonFile | undefined>(undefined)

const commit = (file: JsonFile, next: Contents) =>
  Effect.try({
    try: () => {
      writeFileSync(`${file.path}.tmp`, JSON.stringify(next))
      renameSync(`${file.path}.tmp`, file.path)
      file.committed = next
      file.working = next
    },
    catch: failure(`write ${file.path}`)
  })

/** Reads the contents: the transaction's copy inside one, the last commit outside. */
export const read = <A, E>(file: JsonFile, f: (contents: Contents) => Effect.Effect<A, E>): Effect.Effect<A, E> =>
  Effect.flatMap(FiberRef.get(current), (tx) => Effect.suspend(() => f(tx === file ? file.working : file.committed)))

/**
 * Changes the contents: `f` answers the result and the new contents, or an
 * error and nothing changes. Inside a transaction the change joins it;
 * outside, it takes the lock and is committed at once.
 */
export const change = <A, E>(
  file: JsonFile,
  f: (contents: Contents) => Either.Either<readonly [A, Contents], E>
): Effect.Effect<A, E | Errors.PersistenceError> =>
  Effect.flatMap(FiberRef.get(current), (tx) =>
    tx === file
      ? Effect.suspend(() =>
        Either.match(f(file.working), {
          onLeft: (e) => Effect.fail(e),
          onRight: ([a, next]) => Effect.sync(() => (file.working = next, a))
        })
      )
      : file.lock.withPermits(1)(Effect.suspend(() =>
        Either.match(f(file.committed), {
          onLeft: (e): Effect.Effect<A, E | Errors.PersistenceError> => Effect.fail(e),
          onRight: ([a, next]) => Effect.as(commit(file, next), a)
        })
      )))

/**
 * Runs `effect` as one transaction: its changes are written together when it
 * succeeds, and none when it fails. A transaction inside one joins it.
 */
export const withTransaction = (file: JsonFile) =>
<A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | Errors.PersistenceError, R> =>
  Effect.flatMap(FiberRef.get(current), (tx) =>
    tx === file ? effect : file.lock.withPermits(1)(Effect.suspend(() => {
      file.working = file.committed
      return Effect.locally(effect, current, file).pipe(
        Effect.tap(() => commit(file, file.working)),
        Effect.onExit((exit) => Exit.isFailure(exit) ? Effect.sync(() => void (file.working = file.committed)) : Effect.void)
      )
    })))

/** The contents on disk now, read afresh: what an erasure must leave clean. */
export const onDisk = (file: JsonFile): Effect.Effect<unknown, Errors.PersistenceError> =>
  Effect.try({ try: () => (existsSync(file.path) ? JSON.parse(readFileSync(file.path, "utf8")) : empty), catch: failure(`read ${file.path}`) })
