/**
 * Telling every server process that a district's records changed in a way
 * its in-process caches must not outlive: today, an erasure, after which no
 * process may keep the person's data in its ranking index.
 *
 * Everything else a process needs lives in the database (sessions, sign-in
 * counters and locks, API tokens, the outbox and its leases), and the ranking
 * index checks the version of every record it shows against the store, so an
 * updated seeker is never shown stale by any process. An erasure goes
 * further: each process drops the district's index at once, so the erased
 * person's data does not stay in its memory until the index ages out.
 *
 * Over PostgreSQL the news travels by `pg_notify` on one channel, which every
 * process `LISTEN`s to (its own notifications included); over SQLite, one
 * process serves the file and the index is dropped in it.
 */
import { PgClient } from "@effect/sql-pg"
import { type Ids, Recommendations } from "@iljari/core"
import { Context, Effect, Layer, Option, Schedule, Stream } from "effect"

/** The PostgreSQL channel the processes listen on. */
export const channel = "iljari_district_changed"

export class Invalidation extends Context.Tag("iljari/server/Invalidation")<Invalidation, {
  /** The district's caches are dropped in every process. */
  readonly districtChanged: (districtId: Ids.DistrictId) => Effect.Effect<void>
}>() {}

export const layer = Layer.scoped(
  Invalidation,
  Effect.gen(function*() {
    const recommendations = yield* Recommendations.Recommendations
    const local = (districtId: Ids.DistrictId) => recommendations.invalidate(districtId)
    const pg = yield* Effect.serviceOption(PgClient.PgClient)
    if (Option.isNone(pg)) return { districtChanged: local }
    const client = pg.value
    // A listener that loses its connection listens again; meanwhile the
    // indexes still age out and check each record they show.
    yield* client.listen(channel).pipe(
      Stream.runForEach((payload) => local(payload as Ids.DistrictId)),
      Effect.tapError((error) => Effect.logWarning("listening for invalidations failed; listening again", error)),
      Effect.retry(Schedule.spaced("1 second")),
      Effect.forkScoped
    )
    return {
      districtChanged: (districtId) =>
        Effect.zipRight(
          local(districtId),
          // pg_notify, not the client's `notify`: NOTIFY takes no bound parameter for its payload.
          client`SELECT pg_notify(${channel}, ${districtId})`.pipe(
            Effect.catchAll((error) => Effect.logWarning("could not tell the other processes of a change", error))
          )
        )
    }
  })
)
