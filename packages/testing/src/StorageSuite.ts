/**
 * The suites every storage adapter of `@iljari/core` must pass — the same ones
 * the memory layers, SQLite and PostgreSQL pass — as functions to call in a
 * vitest file with the adapter's own layer:
 *
 * ```ts
 * // test/storage.test.ts
 * import { StorageSuite } from "@iljari/testing"
 *
 * StorageSuite.run({
 *   name: "my district's database",
 *   layer: () => MyStore.layer(freshDatabase()),   // every port of Repositories.ports
 *   scan: everyTextInEveryTable                     // optional, but erasure is only proven with it
 * })
 * ```
 *
 * Each test builds a fresh store with `layer()`, so the layer must start
 * empty every time (a new file, database or schema).
 *
 * @example
 * ```ts
 * import { Repositories } from "@iljari/core"
 * import { StorageSuite } from "@iljari/testing"
 *
 * // In a vitest file: every suite, against a fresh store for each test.
 * StorageSuite.run({ name: "memory", layer: () => Repositories.layerMemory })
 * ```
 *
 * @since 0.0.0
 * @module
 */
import { accessSuite } from "./internal/storage/access.js"
import type { Backend } from "./internal/storage/backend.js"
import { erasureSuite } from "./internal/storage/erasure.js"
import { importSuite } from "./internal/storage/imports.js"
import { jobFairSuite } from "./internal/storage/jobFair.js"
import { sharedSuite } from "./internal/storage/records.js"

export type {
  /**
   * An adapter as the suites see it: a name, a fresh store per `layer()`, and
   * optionally a `scan` of every text it holds.
   *
   * @since 0.0.0
   * @category models
   */
  Backend,
  /**
   * What a suite's test runs with: every storage port, and an id generator.
   *
   * @since 0.0.0
   * @category models
   */
  Ports,
  /**
   * A text the store holds and where it sits (`table.column`, a file's JSON path).
   *
   * @since 0.0.0
   * @category models
   */
  StoredText
} from "./internal/storage/backend.js"

export {
  /**
   * Every string in a value and where it sits, walking objects, arrays and
   * Maps: for a `scan` over an adapter that keeps plain values.
   *
   * @since 0.0.0
   * @category scanning
   */
  textsOf,
  /**
   * Every text the ports list in the suites' districts: the default `scan`.
   *
   * @since 0.0.0
   * @category scanning
   */
  scanPorts
} from "./internal/storage/backend.js"

/**
 * Records and versions, districts kept apart, every finder and search of
 * every port, transactions that roll back, the outbox's claims and leases,
 * the "at most one" rules under concurrent writers, the period counts.
 *
 * @since 0.0.0
 * @category suites
 */
export const records = (backend: Backend): void => sharedSuite(backend)

/**
 * A whole job fair through core's use cases: pre-selection, invitations,
 * attendance, the timetable, results and the placements that count.
 *
 * @since 0.0.0
 * @category suites
 */
export const jobFair = (backend: Backend): void => void jobFairSuite(backend)

/**
 * Erasure (개인정보 파기): a seeker with data in every store is erased and
 * every text the store holds is scanned for them (`scan`); another seeker
 * keeps every trace, and no figure moves.
 *
 * @since 0.0.0
 * @category suites
 */
export const erasure = (backend: Backend): void => void erasureSuite(backend)

/**
 * Staff access: accounts, sign-in and lock-out, sessions, API tokens, a
 * second factor and the access rules; no secret kept in the clear.
 *
 * @since 0.0.0
 * @category suites
 */
export const access = (backend: Backend): void => accessSuite(backend)

/**
 * Imports (`ImportStore`): good rows written and bad ones reported by their
 * sheet rows and fields, ids already stored skipped on a rerun, ids and
 * people repeated within the input or against the store refused, a dry run
 * that checks everything and writes nothing, and the saved mappings.
 *
 * @since 0.4.0
 * @category suites
 */
export const imports = (backend: Backend): void => importSuite(backend)

/**
 * Every storage suite: {@link records}, {@link jobFair}, {@link erasure},
 * {@link access} and {@link imports}.
 *
 * @since 0.0.0
 * @category suites
 */
export const run = (backend: Backend): void => {
  records(backend)
  jobFair(backend)
  erasure(backend)
  access(backend)
  imports(backend)
}
