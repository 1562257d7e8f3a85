import { Effect } from "effect"
import type { AuditAction } from "../../kernel/Audit.js"
import type { SeekerId } from "../../kernel/Ids.js"
import { type Actor, logAccessAll } from "../../kernel/UseCase.js"
import { SeekerRepository } from "../../registry/Seeker.js"

/**
 * Logs whose data café records (bookings, sign-ups) show: a seeker of the
 * district by their id; anyone else by the record's id, since a café may
 * know them by name or phone and the access log must hold ids only.
 */
export const logPeople = (
  actor: Actor,
  action: AuditAction,
  records: ReadonlyArray<{ readonly id: string; readonly personId: string }>,
  purpose: string
) =>
  Effect.gen(function*() {
    const seekers = yield* SeekerRepository
    const isSeeker = new Map<string, boolean>()
    for (const personId of new Set(records.map((r) => r.personId))) {
      const found = yield* seekers.get(actor.districtId, personId as SeekerId).pipe(
        Effect.as(true),
        Effect.catchTag("NotFound", () => Effect.succeed(false))
      )
      isSeeker.set(personId, found)
    }
    yield* logAccessAll(actor, action, "seeker", records.filter((r) => isSeeker.get(r.personId)).map((r) => r.personId), purpose)
    yield* logAccessAll(actor, action, "booking", records.filter((r) => !isSeeker.get(r.personId)).map((r) => r.id), purpose)
  })

/** The café's local day and time of day (Korea), `YYYY-MM-DD` and `HH:MM`. */
export const koreanNow = (millis: number) => {
  const iso = new Date(millis + 9 * 3_600_000).toISOString()
  return { on: iso.slice(0, 10), at: iso.slice(11, 16) }
}
