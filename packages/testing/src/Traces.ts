/**
 * A person who leaves traces in every store — name, phone, e-mail and notes
 * carrying markers of their own — for an adapter's own check of what its
 * storage keeps after an erasure (the bytes of a file, a write-ahead log, a
 * backup), beyond what {@link StorageSuite.erasure} scans.
 *
 * ```ts
 * const [person] = fc.sample(Traces.markers, 1)
 * const setting = yield* Traces.setUp
 * const id = yield* Traces.seedPerson(person, setting)
 * yield* Traces.erase(id)
 * // then: no text of Traces.traces(person) in the adapter's files
 * ```
 *
 * @example
 * ```ts
 * import { Traces } from "@iljari/testing"
 * import { Effect, FastCheck as fc } from "effect"
 *
 * const [person] = fc.sample(Traces.markers, 1)
 * const leftBehind = Effect.gen(function*() {
 *   if (person === undefined) return []
 *   const setting = yield* Traces.setUp
 *   const id = yield* Traces.seedPerson(person, setting)
 *   yield* Traces.erase(id)
 *   return Traces.traces(person) // texts the adapter's files must no longer hold
 * })
 * ```
 *
 * @since 0.0.0
 * @module
 */
export {
  /**
   * Runs the erasure use case for the seeker, as an administrator would.
   *
   * @example
   * ```ts
   * import { Ids } from "@iljari/core"
   * import { Traces } from "@iljari/testing"
   *
   * const erased = Traces.erase(Ids.SeekerId.make("seeker-0001"))
   * ```
   *
   * @since 0.0.0
   */
  erase,
  /**
   * People to seed: each with a unique marker in every identifying field.
   *
   * @since 0.0.0
   */
  markers,
  /**
   * Stores one person's casework and events, touching every store; their seeker id.
   *
   * @example
   * ```ts
   * import { Traces } from "@iljari/testing"
   * import { Effect } from "effect"
   *
   * declare const person: Traces.Markers
   * const seeded = Effect.flatMap(Traces.setUp, (setting) => Traces.seedPerson(person, setting))
   * ```
   *
   * @since 0.0.0
   */
  seedPerson,
  /**
   * The employer, opening, questionnaire and test session people are seeded against.
   *
   * @since 0.0.0
   */
  setUp,
  /**
   * The texts that would reveal the person, however a column stores them.
   *
   * @since 0.0.0
   */
  traces
} from "./internal/storage/erasure.js"
export type {
  /** @since 0.0.0 */
  Markers,
  /** @since 0.0.0 */
  Setting
} from "./internal/storage/erasure.js"
