/**
 * What the field work finds, where an integrator's app meets it: through the
 * HTTP server, with real parallel requests, on SQLite and on PostgreSQL (one
 * test file per backend). People registered at one session at once are all
 * kept on it; one person registered twice at once is one seeker; a test
 * session's last places go to exactly as many newcomers, and the refused
 * ones are not registered at all.
 */
import { describe, expect, it } from "@effect/vitest"
import { type Ids, Repositories } from "@iljari/core"
import { Effect, type Layer, TestClock } from "effect"
import { seekerInput } from "@iljari/test-support/fixtures"
import { caller, staffLogin } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const district = "11200" as Ids.DistrictId
const person = (name: string, i: number) => ({ ...seekerForm, name, contact: { phone: `010-5100-${String(1000 + i)}` } })

export const fieldWorkSuite = (name: string, server: () => Layer.Layer<never, never, never>) =>
  describe(`field work through the server on ${name}`, () => {
    it.layer(server() as never, { timeout: 120_000 })((it) => {
      it.effect("keeps every person registered at a session at once, one seeker for one person, and no newcomer past a test's capacity", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-05-08T01:00:00Z"))
          const counselor = yield* caller(staffLogin("counselor"))
          const held = yield* counselor("POST", "/outreach-sessions", {
            heldOn: "2026-05-07",
            site: "subway-station",
            siteName: "성수역",
            counselorIds: ["counselor-01"],
            counselled: 20,
            counselingIds: [],
            registeredSeekerIds: []
          })
          expect(held.status).toBe(201)
          const session = `/outreach-sessions/${held.json.value.id}`

          // Six people at once: all registered, all on the session.
          const six = yield* Effect.all(
            Array.from({ length: 6 }, (_, i) => counselor("POST", `${session}/seekers`, person(`역만남${i}`, i))),
            { concurrency: "unbounded" }
          )
          expect(six.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201])
          const registered = six.map((a) => a.json.seeker.value.id).sort()
          expect([...(yield* counselor("GET", session)).json.value.registeredSeekerIds].sort()).toEqual(registered)

          // One person twice at once: one seeker, once on the session; the other answer names them.
          const twice = yield* Effect.all([0, 1].map(() => counselor("POST", `${session}/seekers`, person("두번온", 50))), { concurrency: "unbounded" })
          expect(twice.map((a) => a.status).sort()).toEqual([201, 409])
          const duplicate = twice.find((a) => a.status === 409)!.json
          const kept = twice.find((a) => a.status === 201)!.json.seeker.value.id
          expect(duplicate).toMatchObject({ _tag: "DuplicateSeeker", existingId: kept })
          const added = yield* counselor("PUT", `${session}/seekers/${kept}`)
          expect(added.json.value.registeredSeekerIds.filter((id: string) => id === kept)).toHaveLength(1)

          // A test session with three places and five newcomers at once: three are registered and signed up, two are neither.
          const test = yield* counselor("POST", "/psych-tests", { kind: "aptitude", heldOn: "2026-05-20", venue: "센터 교육장", capacity: 3 })
          const five = yield* Effect.all(
            Array.from({ length: 5 }, (_, i) => counselor("POST", `/psych-tests/${test.json.value.id}/seekers`, person(`검사처음${i}`, 100 + i))),
            { concurrency: "unbounded" }
          )
          expect(five.map((a) => a.status).sort()).toEqual([201, 201, 201, 409, 409])
          for (const refused of five.filter((a) => a.status === 409)) expect(refused.json).toMatchObject({ _tag: "PsychTestRefused" })
          const participants = (yield* counselor("GET", `/psych-tests/${test.json.value.id}/participants`)).json
          expect(participants).toHaveLength(3)
          const seekers = yield* Effect.flatMap(Repositories.SeekerRepository, (r) => r.list(district))
          const newcomers = seekers.filter((s) => s.value.name.startsWith("검사처음")).map((s) => s.value.id).sort()
          expect(newcomers).toEqual(participants.map((p: any) => p.value.seekerId).sort())

          // A visit's finding: a bad number of positions names the field and registers no employer.
          const visit = yield* counselor("POST", "/discovery-visits", {
            visitedOn: "2026-05-07", counselorIds: ["counselor-01"], target: "building", name: "성수 에이스타워", tenantsVisited: 5, findings: []
          })
          const employersBefore = (yield* Effect.flatMap(Repositories.EmployerRepository, (r) => r.list(district))).length
          const bad = yield* counselor("POST", `/discovery-visits/${visit.json.value.id}/employers`, {
            employer: { name: "성수정밀(주)", businessNumber: "101-81-27387", addressRegion: "11200", size: "small", source: "discovery-visit", contacts: [] },
            positions: -2
          })
          expect(bad).toMatchObject({ status: 400, json: { _tag: "ValidationError", field: "positions" } })
          expect((yield* Effect.flatMap(Repositories.EmployerRepository, (r) => r.list(district))).length).toBe(employersBefore)
          expect((yield* counselor("GET", `/discovery-visits/${visit.json.value.id}`)).json.value.findings).toEqual([])
        }))
    })
  })
