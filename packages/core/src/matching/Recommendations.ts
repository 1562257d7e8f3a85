/**
 * Recommendations for counselors: the best openings for a seeker and the
 * seekers to call for an opening, each with its explained score, from the
 * district's stored records.
 *
 * A {@link Recommendations} service keeps one {@link Ranking.Index} per
 * district and rebuilds it when it is older than `maxAge` (5 minutes by
 * default), and at once when the record asked about is newer than the index
 * (a seeker who just changed their wishes, an opening registered a minute
 * ago), so the record a counselor is looking at is always ranked as it is
 * now. The rest of the district may be up to `maxAge` old. Only open
 * openings are indexed; the headcount constraint counts the placements
 * recorded against each opening.
 *
 * Every seeker whose data a recommendation shows is written to the access
 * log, like any other read of personal data.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter, Match, Recommendations } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * const openingsFor = Effect.gen(function*() {
 *   const recommendations = yield* Recommendations.Recommendations
 *   const found = yield* recommendations.openingsFor(actor, Ids.SeekerId.make("seeker-0001"), 10)
 *   return found.map(({ match, record }) => [record.value.title, Match.explain(match)])
 * })
 * const layer = Recommendations.layer({ maxAge: "5 minutes" })
 * ```
 *
 * @since 0.1.0
 * @module
 * @category matching
 */
import { Context, Deferred, Duration, Effect, Layer } from "effect"
import type { AuditLog } from "../kernel/Audit.js"
import type { NotFound, PersistenceError } from "../kernel/Errors.js"
import type { DistrictId, OpeningId, SeekerId } from "../kernel/Ids.js"
import { type Actor, logAccess, logAccessAll, today } from "../kernel/UseCase.js"
import type { LocalDate } from "../kernel/LocalDate.js"
import * as Match from "./Match.js"
import type { Opening } from "../registry/Opening.js"
import * as Ranking from "./Ranking.js"
import { PlacementRepository } from "../casework/Placement.js"
import { type IdGenerator } from "../kernel/IdGenerator.js"
import { type Versioned } from "../kernel/Store.js"
import { OpeningRepository } from "../registry/Opening.js"
import { SeekerRepository } from "../registry/Seeker.js"
import type { Seeker } from "../registry/Seeker.js"

/**
 * A recommended record with its explained score.
 *
 * @since 0.1.0
 * @category models
 */
export interface Recommendation<A> {
  readonly record: Versioned<A>
  readonly match: Match.MatchScore
}

interface Snapshot {
  readonly builtAt: number
  readonly asOf: LocalDate
  readonly config: Match.Config
  readonly index: Ranking.Index
  readonly seekers: ReadonlyMap<string, Versioned<Seeker>>
  readonly openings: ReadonlyMap<string, Versioned<Opening>>
  readonly placed: ReadonlyMap<string, number>
}

/**
 * How recommendations are kept.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** How old a district's index may get before a query rebuilds it. */
  readonly maxAge?: Duration.DurationInput
}

/**
 * The recommendation service.
 *
 * @since 0.1.0
 * @category service
 */
export class Recommendations extends Context.Tag("@iljari/core/Recommendations")<Recommendations, {
  readonly openingsFor: (
    actor: Actor,
    seekerId: SeekerId,
    k: number
  ) => Effect.Effect<ReadonlyArray<Recommendation<Opening>>, NotFound | PersistenceError>
  readonly seekersFor: (
    actor: Actor,
    openingId: OpeningId,
    k: number
  ) => Effect.Effect<ReadonlyArray<Recommendation<Seeker>>, NotFound | PersistenceError>
  /** Drops a district's index, so the next query rebuilds it (after a bulk import, say). */
  readonly invalidate: (districtId: DistrictId) => Effect.Effect<void>
}>() {}

/**
 * What the service reads and writes: the stores it ranks from and the
 * access log.
 *
 * @since 0.1.0
 * @category layers
 */
export type Requirements = SeekerRepository | OpeningRepository | PlacementRepository | AuditLog | IdGenerator

// Open openings, every seeker, and how many placements each opening has.
// Erased seekers are nobody to recommend.
const load = (districtId: DistrictId) =>
  Effect.gen(function*() {
    const seekers = (yield* Effect.flatMap(SeekerRepository, (r) => r.list(districtId))).filter((s) => s.value.erasedOn === undefined)
    const openings = (yield* Effect.flatMap(OpeningRepository, (r) => r.list(districtId)))
      .filter((o) => o.value.status === "open")
    const asOf = yield* today
    const earliest = openings.reduce<LocalDate | undefined>(
      (min, o) => (min === undefined || o.value.openedOn < min ? o.value.openedOn : min),
      undefined
    )
    const placements = earliest === undefined
      ? []
      : yield* Effect.flatMap(PlacementRepository, (r) => r.listStartedBetween(districtId, earliest, asOf))
    const placed = new Map<string, number>()
    for (const { value } of placements) {
      if (value.openingId !== undefined) placed.set(value.openingId, (placed.get(value.openingId) ?? 0) + 1)
    }
    return { seekers, openings, placed, asOf }
  })

/**
 * The service over the storage ports, with the configuration in
 * `Match.CurrentConfig`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<Recommendations, never, Requirements> =>
  Layer.scoped(
    Recommendations,
    Effect.gen(function*() {
      const maxAge = Duration.toMillis(Duration.decode(options.maxAge ?? Duration.minutes(5)))
      const context = yield* Effect.context<Requirements>()
      const scope = yield* Effect.scope
      // Per district: the snapshot in use, the build under way (which every
      // query needing a newer snapshot joins), and a generation that
      // `invalidate` moves on, so that a build begun before it is not kept.
      // A query the snapshot in use can answer never waits for a build.
      const districts = new Map<DistrictId, {
        current?: Snapshot
        building?: { readonly generation: number; readonly done: Deferred.Deferred<Snapshot, PersistenceError> }
        generation: number
      }>()
      const stateOf = (districtId: DistrictId) => {
        let state = districts.get(districtId)
        if (state === undefined) districts.set(districtId, state = { generation: 0 })
        return state
      }

      const build = (districtId: DistrictId, config: Match.Config, now: number) =>
        Effect.gen(function*() {
          const { asOf, openings, placed, seekers } = yield* load(districtId)
          const index = Ranking.makeIndex(seekers.map((s) => s.value), openings.map((o) => o.value), {
            config,
            asOf,
            placed
          })
          return {
            builtAt: now,
            asOf,
            config,
            index,
            seekers: new Map(seekers.map((s) => [s.value.id, s])),
            openings: new Map(openings.map((o) => [o.value.id, o])),
            placed
          } satisfies Snapshot
        }).pipe(Effect.provide(context))

      // Starts a build in the layer's scope (a query that gives up waiting
      // does not stop it for the others) and returns what it will give.
      const startBuild = (districtId: DistrictId, config: Match.Config, now: number) =>
        Effect.gen(function*() {
          const state = stateOf(districtId)
          const generation = state.generation
          const done = yield* Deferred.make<Snapshot, PersistenceError>()
          state.building = { generation, done }
          yield* build(districtId, config, now).pipe(
            Effect.tap((built) =>
              Effect.sync(() => {
                const latest = stateOf(districtId)
                if (latest.generation === generation && (latest.current === undefined || latest.current.builtAt <= built.builtAt)) {
                  latest.current = built
                }
              })
            ),
            Effect.exit,
            Effect.flatMap((exit) =>
              Effect.sync(() => {
                const latest = stateOf(districtId)
                if (latest.building?.done === done) delete latest.building
              }).pipe(Effect.zipRight(Deferred.done(done, exit)))
            ),
            Effect.forkIn(scope)
          )
          return done
        })

      // The district's snapshot, rebuilt when too old or when `current` says
      // it does not hold the record being asked about as it is now.
      const snapshot = (districtId: DistrictId, current: (snapshot: Snapshot) => boolean) =>
        Effect.gen(function*() {
          const now = yield* Effect.clockWith((clock) => clock.currentTimeMillis)
          const config = yield* Match.CurrentConfig
          const usable = (snap: Snapshot | undefined): snap is Snapshot =>
            snap !== undefined && now - snap.builtAt <= maxAge && snap.config === config && current(snap)
          const state = stateOf(districtId)
          if (usable(state.current)) return state.current
          // Join the build under way, if it may hold the record as it is now.
          const building = state.building
          if (building !== undefined && building.generation === state.generation) {
            const joined = yield* Deferred.await(building.done)
            if (usable(joined)) return joined
          }
          return yield* Effect.flatMap(startBuild(districtId, config, now), Deferred.await)
        })

      const explain = (snap: Snapshot, seeker: Seeker, opening: Opening) =>
        Match.score(seeker, opening, { config: snap.config, asOf: snap.asOf, placed: snap.placed.get(opening.id) ?? 0 })

      return {
        openingsFor: (actor, seekerId, k) =>
          Effect.gen(function*() {
            const seeker = yield* Effect.flatMap(SeekerRepository, (r) => r.get(actor.districtId, seekerId))
            yield* logAccess(actor, "read", "seeker", seekerId, "recommendations.openings")
            const snap = yield* snapshot(actor.districtId, (s) => s.seekers.get(seekerId)?.version === seeker.version)
            return Ranking.topOpenings(snap.index, seekerId, k).map((ranked) => {
              const opening = snap.openings.get(ranked.id)!
              return { record: opening, match: explain(snap, seeker.value, opening.value) }
            })
          }).pipe(Effect.provide(context)),

        // The seekers shown are read from the store as they are now: one
        // changed (or erased) since the index was built rebuilds it, so a
        // name is never shown from a stale snapshot, not even for a minute.
        seekersFor: (actor, openingId, k) =>
          Effect.gen(function*() {
            const opening = yield* Effect.flatMap(OpeningRepository, (r) => r.get(actor.districtId, openingId))
            const seekers = yield* SeekerRepository
            const rank = (rebuild: boolean) =>
              Effect.gen(function*() {
                const snap = yield* snapshot(
                  actor.districtId,
                  (s) => !rebuild && (opening.value.status !== "open" || s.openings.get(openingId)?.version === opening.version)
                )
                const ranked = Ranking.topSeekers(snap.index, openingId, k)
                const current = yield* Effect.forEach(ranked, (r) => seekers.get(actor.districtId, r.id as SeekerId))
                const stale = current.some((row) => snap.seekers.get(row.value.id)?.version !== row.version)
                return { snap, current, stale }
              })
            const first = yield* rank(false)
            const { current, snap } = first.stale ? yield* rank(true) : first
            const shown = current.filter((row) => row.value.erasedOn === undefined)
            yield* logAccessAll(actor, "read", "seeker", shown.map((row) => row.value.id), "recommendations.seekers")
            return shown.map((row) => ({ record: row, match: explain(snap, row.value, opening.value) }))
          }).pipe(Effect.provide(context)),

        invalidate: (districtId) =>
          Effect.sync(() => {
            const state = stateOf(districtId)
            state.generation++
            delete state.current
          })
      }
    })
  )
