/**
 * Integrity where a counselor meets it: through the HTTP server, with real
 * parallel requests, on SQLite and on PostgreSQL.
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { describePostgres } from "@iljari/testing/inject"
import { Outbox, Repositories, type Ids } from "@iljari/core"
import { Effect, type Layer, TestClock } from "effect"
import { employerInput, openingInput, seekerInput } from "../../../packages/core/test/fixtures.js"
import { postgresServer, sqliteServer } from "./backends.js"
import { clientFor, token, tokenOf } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
const { districtId: _g, id: _h, ...openingForm } = openingInput
const district = "11200" as Ids.DistrictId

// Parallel requests first, so that a PostgreSQL pool has its connections
// open and the race that follows is a real one (connecting serialises it).
const warmUp = Effect.gen(function*() {
  const http = yield* HttpClient.HttpClient
  yield* Effect.all(
    Array.from({ length: 20 }, () =>
      HttpClientRequest.get("/seekers?limit=1").pipe(
        HttpClientRequest.bearerToken(token("counselor")),
        http.execute,
        Effect.scoped
      )),
    { concurrency: "unbounded" }
  )
})

const integritySuite = (name: string, server: () => Layer.Layer<never, never, never>) =>
  describe(`integrity through the server on ${name}`, () => {
    it.layer(server() as never, { timeout: 120_000 })((it) => {
      it.effect("accepts exactly one of 50 parallel placements on one referral, from two counselors", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-03-09T01:00:00Z"))
          const client = yield* clientFor(token("counselor"))
          const seeker = yield* client.seekers.register({ payload: seekerForm })
          const employer = yield* client.employers.registerEmployer({ payload: employerForm })
          const opening = yield* client.employers.registerOpening({
            payload: { ...openingForm, employerId: employer.value.id, openedOn: "2026-03-02", closesOn: "2026-03-31" }
          })
          const referral = yield* client.cases.propose({ payload: { seekerId: seeker.value.id, openingId: opening.value.id } })
          yield* client.cases.move({ path: { id: referral.value.id }, payload: { to: "sent", version: 1 } })
          yield* client.cases.move({ path: { id: referral.value.id }, payload: { to: "interviewing", version: 2 } })

          yield* warmUp
          const http = yield* HttpClient.HttpClient
          const body = {
            seekerId: seeker.value.id,
            referralId: referral.value.id,
            startOn: "2026-03-09",
            contractType: "open-ended",
            schedule: "full-time"
          }
          const place = (bearer: string) =>
            HttpClientRequest.post("/placements").pipe(
              HttpClientRequest.bearerToken(bearer),
              HttpClientRequest.bodyUnsafeJson(body),
              http.execute,
              Effect.flatMap((response) => Effect.map(response.json, (json) => ({ status: response.status, json }))),
              Effect.scoped
            )
          const counselors = [tokenOf("counselor-01"), tokenOf("counselor-02")]
          const answers = yield* Effect.all(
            Array.from({ length: 50 }, (_, i) => place(counselors[i % 2]!)),
            { concurrency: "unbounded" }
          )
          const accepted = answers.filter((a) => a.status === 201)
          const refused = answers.filter((a) => a.status === 409)
          expect(accepted).toHaveLength(1)
          expect(refused).toHaveLength(49)
          const placementId = (accepted[0]!.json as { placement: { value: { id: string } } }).placement.value.id
          for (const answer of refused) {
            expect(answer.json).toMatchObject({ _tag: "AlreadyPlaced", referralId: referral.value.id, placementId })
          }
          // One more, after the race: refused too.
          expect((yield* place(counselors[0]!)).status).toBe(409)

          const placements = yield* Effect.flatMap(Repositories.PlacementRepository, (r) => r.list(district))
          expect(placements.map((p) => p.value.id)).toEqual([placementId])
          const checks = yield* Effect.flatMap(Repositories.FollowUpRepository, (r) => r.list(district))
          expect(checks).toHaveLength(3)
          const messages = yield* Effect.flatMap(Outbox.Outbox, (o) => o.list(district))
          expect(messages.map((m) => m.template)).toEqual(["follow-up-schedule"])
        }))

      it.effect("registers a person once when 50 counselors submit the same form at the same moment", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-03-09T01:00:00Z"))
          yield* warmUp
          const http = yield* HttpClient.HttpClient
          const form = { ...seekerForm, name: "최동시", contact: { phone: "010-2000-3000" }, birthDate: "1970-07-07" }
          const register = (bearer: string) =>
            HttpClientRequest.post("/seekers").pipe(
              HttpClientRequest.bearerToken(bearer),
              HttpClientRequest.bodyUnsafeJson(form),
              http.execute,
              Effect.flatMap((response) => Effect.map(response.json, (json) => ({ status: response.status, json }))),
              Effect.scoped
            )
          const counselors = [tokenOf("counselor-01"), tokenOf("counselor-02")]
          const answers = yield* Effect.all(
            Array.from({ length: 50 }, (_, i) => register(counselors[i % 2]!)),
            { concurrency: "unbounded" }
          )
          expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
          const refused = answers.filter((a) => a.status === 409)
          expect(refused).toHaveLength(49)
          for (const answer of refused) expect(answer.json).toMatchObject({ _tag: "DuplicateSeeker", match: "name-and-phone" })
          const stored = yield* Effect.flatMap(Repositories.SeekerRepository, (r) => r.list(district))
          expect(stored.filter((s) => s.value.name === "최동시")).toHaveLength(1)
        }))
    })
  })

integritySuite("SQLite", sqliteServer as never)
describePostgres("PostgreSQL", (url) => integritySuite("PostgreSQL", () => postgresServer(url) as never))
