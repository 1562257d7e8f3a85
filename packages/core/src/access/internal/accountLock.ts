import { Effect } from "effect"
import { NotFound, type PersistenceError, StaleVersion } from "../../kernel/Errors.js"
import type { CounselorId } from "../../kernel/Ids.js"
import { Transactor } from "../../kernel/Transactor.js"
import { inTransaction } from "../../kernel/UseCase.js"

const isDefect = (e: unknown): e is NotFound | StaleVersion => e instanceof NotFound || e instanceof StaleVersion

/**
 * A change of an account in a transaction that holds the account's lock, so
 * that racing sign-ins and changes apply one after another. Under the lock a
 * version conflict cannot happen, and accounts are never deleted, so either
 * is a defect, not an answer.
 */
export const underLock = <A, E, R>(
  accountId: CounselorId,
  change: Effect.Effect<A, E, R>
): Effect.Effect<A, Exclude<E, NotFound | StaleVersion> | PersistenceError, R | Transactor> =>
  inTransaction(Effect.zipRight(Effect.flatMap(Transactor, (t) => t.lock(`account:${accountId}`)), change)).pipe(
    Effect.catchAll((error) => isDefect(error) ? Effect.die(error) : Effect.fail(error as Exclude<E, NotFound | StaleVersion> | PersistenceError))
  )
