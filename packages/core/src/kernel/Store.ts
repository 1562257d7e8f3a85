/**
 * What every record store has: versioned records, pages of a listing, and
 * the generic `Store` methods each port extends with its own finders.
 *
 * Every method is scoped to a district: a record of another district is not
 * found, never returned. Records that change carry a version; an update names
 * the version it was based on and fails with `StaleVersion` when someone else
 * saved first.
 *
 * @since 0.2.0
 */
import type { Effect } from "effect"
import type { DuplicateId, NotFound, PersistenceError, StaleVersion } from "./Errors.js"
import type { DistrictId } from "./Ids.js"

/**
 * A stored record and its version (1 when first stored, +1 on every update).
 *
 * @since 0.1.0
 * @category models
 */
export interface Versioned<A> {
  readonly value: A
  readonly version: number
}

/**
 * A slice of a listing, ordered by id (a search: in its own order).
 *
 * @since 0.1.0
 * @category models
 */
export interface Page {
  readonly offset?: number
  readonly limit?: number
  /**
   * Keyset paging, honoured by the stores' `search` methods: only the
   * records that come after the record with this id in the search's order
   * — the last one of the page before —, found by their sort key rather
   * than counted past, so that a record added or changed meanwhile neither
   * repeats nor hides one. The record named need not pass the search's
   * criteria any more; an id the district does not have gives an empty
   * page. `offset`, when also given, skips within what follows.
   *
   * @since 0.3.0
   */
  readonly after?: string
}

/**
 * A page of a search and how many records the whole search found, so that a
 * screen can offer the other pages.
 *
 * @since 0.3.0
 * @category models
 */
export interface Paged<A> {
  readonly items: ReadonlyArray<A>
  readonly total: number
}

/**
 * A page of a search read by keyset (`Page.after`): the page, how many
 * records the whole search found, and the id to ask the next page `after`
 * — `undefined` on the last page.
 *
 * @since 0.3.0
 * @category models
 */
export interface KeysetPaged<A> extends Paged<A> {
  readonly next: string | undefined
}

/**
 * The methods every record store has.
 *
 * @since 0.1.0
 * @category ports
 */
export interface Store<A, Id extends string> {
  readonly insert: (record: A) => Effect.Effect<Versioned<A>, DuplicateId | PersistenceError>
  readonly get: (districtId: DistrictId, id: Id) => Effect.Effect<Versioned<A>, NotFound | PersistenceError>
  /**
   * The district's records with these ids, each once and in no particular
   * order, in one read (or a few, for a long list): an id not found, or
   * another district's, is skipped, not an error. For a screen that names
   * the records it lists, instead of one {@link get} each.
   *
   * @since 0.3.0
   */
  readonly getMany: (districtId: DistrictId, ids: Iterable<Id>) => Effect.Effect<ReadonlyArray<Versioned<A>>, PersistenceError>
  /** Replaces the record when `expectedVersion` is its current version. */
  readonly update: (
    record: A,
    expectedVersion: number
  ) => Effect.Effect<Versioned<A>, StaleVersion | NotFound | PersistenceError>
  readonly list: (districtId: DistrictId, page?: Page) => Effect.Effect<ReadonlyArray<Versioned<A>>, PersistenceError>
}
