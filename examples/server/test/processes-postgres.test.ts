/**
 * Two server processes on one PostgreSQL database (two servers here, each
 * with its own connections, ranking index and caches, as two processes
 * have): sessions live in the database, so one signs in through either;
 * an update or an erasure made through one is never shown stale by the
 * other; and an erasure tells every process to drop the district's index.
 */
import { PgClient } from "@effect/sql-pg"
import { expect, it } from "@effect/vitest"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { describePostgres } from "@iljari/test-support/inject"
import { postgresDatabase } from "@iljari/test-support/storage/backends"
import { Effect, Fiber, Layer, Redacted, Stream, TestClock } from "effect"
import { channel } from "../src/Invalidation.js"
import { postgresStorageAt } from "./backends.js"
import { clientFor, loginOf, serverWith, staffLogin } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
const { districtId: _g, id: _h, ...openingForm } = openingInput

describePostgres("two server processes on one PostgreSQL", (serverUrl) => {
  it.effect("an update or an erasure through one is never shown stale by the other", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
      const { url } = yield* postgresDatabase(serverUrl)
      // Built one after the other: the first migrates and seeds the demo's staff.
      const one = yield* Layer.build(serverWith({ storage: postgresStorageAt(url) }))
      const two = yield* Layer.build(serverWith({ storage: postgresStorageAt(url) }))
      const throughOne = (login: string) => Effect.provide(clientFor(login), one)
      const throughTwo = (login: string) => Effect.provide(clientFor(login), two)
      const counselorOne = yield* throughOne(loginOf("counselor-01"))
      const counselorTwo = yield* throughTwo(loginOf("counselor-01"))

      const seeker = yield* counselorOne.seekers.register({
        payload: { ...seekerForm, desiredOccupations: ["5410"], desiredRegions: [], certificates: [] }
      })
      const employer = yield* counselorOne.employers.registerEmployer({ payload: employerForm })
      const opening = yield* counselorOne.employers.registerOpening({
        payload: {
          ...openingForm,
          title: "아파트 경비원",
          occupation: "5410",
          employerId: employer.value.id,
          educationMinimum: "00",
          career: { requirement: "any" },
          preferredCertificates: [],
          openedOn: "2026-03-02",
          closesOn: "2026-03-31"
        }
      })
      const shownByTwo = () =>
        Effect.map(
          counselorTwo.matches.seekersForOpening({ path: { id: opening.value.id }, urlParams: {} }),
          (found) => found.matches.map((m) => m.seeker)
        )
      // The second process builds its index with the seeker as registered.
      expect((yield* shownByTwo()).map((s) => [s.id, s.name])).toEqual([[seeker.value.id, seeker.value.name]])

      // Renamed through the first: the second shows the new name, never the old one.
      const renamed = yield* counselorOne.seekers.update({
        path: { id: seeker.value.id },
        payload: { ...seekerForm, desiredOccupations: ["5410"], desiredRegions: [], certificates: [], name: "김민준", version: seeker.version }
      })
      expect(renamed.value.name).toBe("김민준")
      expect((yield* shownByTwo()).map((s) => s.name)).toEqual(["김민준"])
      expect((yield* counselorTwo.seekers.get({ path: { id: seeker.value.id } })).value.name).toBe("김민준")

      // Erased through the first (an administrator's right): every process hears of it,
      // and the second shows the person nowhere.
      const listener = yield* Layer.build(PgClient.layer({ url: Redacted.make(url) }))
      const heard = yield* Effect.flatMap(PgClient.PgClient, (pg) => pg.listen(channel).pipe(Stream.take(1), Stream.runCollect, Effect.fork)).pipe(
        Effect.provide(listener)
      )
      // Real time for the listener to be listening (the test's clock stands still).
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 300)))
      const admin = yield* throughOne(staffLogin("admin"))
      yield* admin.seekers.erase({ path: { id: seeker.value.id }, payload: { reason: "subject-request" } })
      expect([...(yield* Fiber.join(heard))]).toEqual(["11200"])
      expect(yield* shownByTwo()).toEqual([])
      const afterwards = yield* counselorTwo.seekers.get({ path: { id: seeker.value.id } })
      expect(afterwards.value.name).not.toBe("김민준")
      expect(afterwards.value.erasedOn).toBeDefined()
    }).pipe(Effect.scoped), { timeout: 120_000 })
})
