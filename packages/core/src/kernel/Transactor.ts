/**
 * Transactions over the storage ports, and the locks and clean-up that go
 * with them.
 *
 * @since 0.2.0
 */
import { Context, type Effect } from "effect"
import type { PersistenceError } from "./Errors.js"
import * as Memory from "./Memory.js"

/**
 * Runs an effect as one transaction: every write in it is kept, or none.
 *
 * @since 0.1.0
 * @category ports
 */
export class Transactor extends Context.Tag("@iljari/core/Transactor")<Transactor, {
  readonly withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | PersistenceError, R>
  /**
   * Within a transaction, waits for and holds `key` until the transaction
   * ends, so that decisions about one thing (a person's registration, say)
   * are taken one at a time, even by two processes. A check-then-insert
   * rule that no unique index can express holds under a race this way.
   */
  readonly lock: (key: string) => Effect.Effect<void, PersistenceError>
  /**
   * After personal data was overwritten and committed (an erasure), removes
   * the copies the storage itself may still hold, where it can: SQLite
   * checkpoints and truncates its write-ahead log. Runs outside a transaction.
   */
  readonly shred: Effect.Effect<void, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, Memory.transactor)
}
