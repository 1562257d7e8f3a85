/**
 * How many records of a period count towards the district's targets
 * (목표관리제): seekers registered, openings opened, placements that count
 * for the center started, counseling sessions held — counted where the
 * records are, so that a pace reading does not decode the whole district.
 *
 * The memory implementation counts over the repositories (and is what
 * `Repositories.layerMemory` provides); `@iljari/store-sql` counts in the
 * database. The shared storage suite holds them to the same counts.
 *
 * @example
 * ```ts
 * import { Ids, LocalDate, ResultCounts } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * // The port the results read; the memory layer and store-sql count the same records.
 * const may = Effect.flatMap(ResultCounts.ResultCounts, (counts) =>
 *   counts.count(Ids.DistrictId.make("11200"), { from: LocalDate.make(2026, 5, 1), to: LocalDate.make(2026, 5, 31) })
 * )
 * ```
 *
 * @since 0.3.0
 * @module
 * @category targets
 */
import { Context, DateTime, Effect, Layer } from "effect"
import { CounselingRepository } from "../casework/Counseling.js"
import { PlacementRepository } from "../casework/Placement.js"
import type { PersistenceError } from "../kernel/Errors.js"
import type { DistrictId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import { OpeningRepository } from "../registry/Opening.js"
import { SeekerRepository } from "../registry/Seeker.js"

/**
 * A period of civil dates in Korea, both days included.
 *
 * @since 0.3.0
 * @category models
 */
export interface Period {
  readonly from: LocalDate.LocalDate
  readonly to: LocalDate.LocalDate
}

/**
 * What a district achieved in a period, per target metric.
 *
 * @since 0.3.0
 * @category models
 */
export interface Counts {
  /** Seekers registered on a day of the period, in Korea (an instant at 23:30 KST is on that day). */
  readonly seekers: number
  /** Openings whose `openedOn` is in the period. */
  readonly openings: number
  /** Placements that count for the center (`countsForCenter`) whose `startOn` is in the period. */
  readonly placements: number
  /** Counseling sessions whose `heldOn` is in the period. */
  readonly counseling: number
}

/**
 * Counts a district's results of a period.
 *
 * @since 0.3.0
 * @category ports
 */
export class ResultCounts extends Context.Tag("@iljari/core/ResultCounts")<ResultCounts, {
  readonly count: (districtId: DistrictId, period: Period) => Effect.Effect<Counts, PersistenceError>
}>() {
  /**
   * Counts over the repositories' own finders: the whole district's seekers
   * and openings, the period's placements and sessions. For the memory
   * layers, or an adapter of the repositories that has no cheaper count.
   */
  static readonly layerFromRepositories: Layer.Layer<
    ResultCounts,
    never,
    SeekerRepository | OpeningRepository | PlacementRepository | CounselingRepository
  > = Layer.effect(
    this,
    Effect.map(
      Effect.all([SeekerRepository, OpeningRepository, PlacementRepository, CounselingRepository]),
      ([seekers, openings, placements, counselings]) => ({
        count: (districtId, period) =>
          Effect.gen(function*() {
            const within = (date: LocalDate.LocalDate) => date >= period.from && date <= period.to
            const [registered, opened, started, held] = yield* Effect.all([
              seekers.list(districtId),
              openings.list(districtId),
              placements.listStartedBetween(districtId, period.from, period.to),
              counselings.listHeldBetween(districtId, period.from, period.to)
            ])
            return {
              seekers: registered.filter((row) =>
                within(LocalDate.fromEpochMillisInKorea(DateTime.toEpochMillis(row.value.registeredAt)))
              ).length,
              openings: opened.filter((row) => within(row.value.openedOn)).length,
              placements: started.filter((row) => row.value.countsForCenter).length,
              counseling: held.length
            }
          })
      })
    )
  )

  /** The memory implementation, over the shared `MemoryDatabase` (through the repositories' memory layers). */
  static readonly layerMemory = this.layerFromRepositories.pipe(
    Layer.provide(Layer.mergeAll(
      SeekerRepository.layerMemory,
      OpeningRepository.layerMemory,
      PlacementRepository.layerMemory,
      CounselingRepository.layerMemory
    ))
  )
}
