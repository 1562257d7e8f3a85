/**
 * The in-memory database that every port's memory layer shares, and what a
 * port needs to build its memory layer over it: a store of versioned records
 * with optional "at most one" rules, and transactions that roll back across
 * all of them.
 *
 * @since 0.2.0
 */
export {
  /** The in-memory database (a `Context.Tag`). @since 0.2.0 */
  MemoryDatabase,
  /** A new, empty in-memory database. @since 0.2.0 */
  layerDatabase,
  /** A port's memory layer over the shared database. @since 0.2.0 */
  layerOver,
  /** A store of versioned records of one kind. @since 0.2.0 */
  store,
  /** Transactions over the database. @since 0.2.0 */
  transactor,
  /** A named list of the database (the audit log, the outbox). @since 0.2.0 */
  list,
  /** A named map of the database. @since 0.2.0 */
  map,
  /** Runs a write under the database's lock unless a transaction holds it. @since 0.2.0 */
  exclusive,
  /** The key of a district's record. @since 0.2.0 */
  key,
  /** A page of rows. @since 0.2.0 */
  paged,
  /** A page of rows and how many there are. @since 0.3.0 */
  counted,
  /** A store's search: a page of the records that pass, in order, after a record when named (keyset), and how many pass. @since 0.3.0 */
  searched
} from "./internal/memory.js"
export type {
  /** The database. @since 0.2.0 */
  Database,
  /** An "at most one" rule of a memory store. @since 0.2.0 */
  Unique
} from "./internal/memory.js"
