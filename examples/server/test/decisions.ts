/**
 * Managers' decisions on monitoring findings where an integrator's app meets
 * them: through the HTTP server, with real parallel requests, on SQLite and
 * on PostgreSQL (one test file per backend, as for the integrity suite).
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { type Ids, Placement, Repositories } from "@iljari/core"
import { Effect, type Layer, TestClock } from "effect"
import { seekerInput } from "@iljari/test-support/fixtures"
import { as, caller, clientFor, staffLogin } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const district = "11200" as Ids.DistrictId

export const decisionsSuite = (name: string, server: () => Layer.Layer<never, never, never>) =>
  describe(`monitoring decisions through the server on ${name}`, () => {
    it.layer(server() as never, { timeout: 120_000 })((it) => {
      it.effect("keeps one decision of five raced, refuses a stale one and a counselor, and empties the note on erasure", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-03-20T01:00:00Z"))
          const client = yield* clientFor(staffLogin("counselor"))
          const seeker = yield* client.seekers.register({ payload: { ...seekerForm, name: "점검대상", contact: { phone: "010-4300-4400" } } })
          // Credited to the center through a referral that does not exist: a finding of the first half of March.
          yield* Effect.flatMap(Repositories.PlacementRepository, (r) =>
            r.insert(
              new Placement.Placement({
                id: "placement-unreferred" as Ids.PlacementId,
                districtId: district,
                seekerId: seeker.value.id,
                employerId: "employer-x" as Ids.EmployerId,
                referralId: "referral-missing" as Ids.ReferralId,
                counselorId: "counselor-01" as Ids.CounselorId,
                startOn: "2026-03-09" as never,
                recordedOn: "2026-03-09" as never,
                contractType: "open-ended",
                schedule: "full-time",
                verification: "center-referral",
                countsForCenter: true
              })
            ))
          const manager = yield* caller(staffLogin("manager"))
          const period = { from: "2026-03-01", to: "2026-03-15" }
          const review = yield* manager("GET", `/monitoring?from=${period.from}&to=${period.to}`)
          expect(review.status).toBe(200)
          const finding = review.json.find((f: any) => f.rule === "placement-without-referral")
          expect(finding).toMatchObject({ key: expect.stringMatching(/^placement-without-referral-[0-9a-f]{20}$/) })
          expect(finding.decision).toBeUndefined()
          const path = `/monitoring/findings/${finding.key}/decision`

          // Five first decisions at once: one is kept, the others are told another came first.
          const raced = yield* Effect.all(
            Array.from({ length: 5 }, (_, i) => manager("PUT", path, { ...period, status: "confirmed", note: `알선 기록 확인 필요 ${i}` })),
            { concurrency: "unbounded" }
          )
          expect(raced.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409])
          for (const refused of raced.filter((a) => a.status === 409)) expect(refused.json).toMatchObject({ _tag: "StaleVersion" })
          const kept = yield* Effect.flatMap(Repositories.MonitoringDecisionRepository, (r) => r.list(district))
          expect(kept).toHaveLength(1)

          const cleared = yield* manager("PUT", path, { ...period, status: "cleared", note: "알선 기록 보완됨", version: 1 })
          expect(cleared).toMatchObject({ status: 200, json: { version: 2, value: { status: "cleared", seekerIds: [seeker.value.id] } } })
          expect(yield* manager("PUT", path, { ...period, status: "confirmed", note: "다시", version: 1 })).toMatchObject({
            status: 409,
            json: { _tag: "StaleVersion" }
          })
          // A note holding a resident registration number is refused, naming the note; nothing changes.
          const withNumber = yield* manager("PUT", path, { ...period, status: "confirmed", note: "본인 확인 900101-1234567", version: 2 })
          expect(withNumber).toMatchObject({ status: 400, json: { _tag: "ValidationError", field: "note" } })
          const again = yield* manager("GET", `/monitoring?from=${period.from}&to=${period.to}`)
          expect(again.json.find((f: any) => f.key === finding.key).decision).toMatchObject({ version: 2, value: { status: "cleared" } })

          // A counselor may neither read the review nor decide.
          const counselor = yield* caller(staffLogin("counselor"))
          expect((yield* counselor("GET", `/monitoring?from=${period.from}&to=${period.to}`)).status).toBe(403)
          expect((yield* counselor("PUT", path, { ...period, status: "confirmed", note: "x", version: 2 })).status).toBe(403)

          // Erasing the seeker empties the decision's note; the decision stays.
          const http = yield* HttpClient.HttpClient
          const erased = yield* HttpClientRequest.post(`/seekers/${seeker.value.id}/erasure`).pipe(
            yield* as(staffLogin("admin")),
            HttpClientRequest.bodyUnsafeJson({ reason: "subject-request" }),
            http.execute,
            Effect.scoped
          )
          expect(erased.status).toBe(200)
          const after = yield* Effect.flatMap(Repositories.MonitoringDecisionRepository, (r) => r.get(district, finding.key))
          expect(after.value).toMatchObject({ status: "cleared", note: "" })
        }))
    })
  })
