/**
 * Caseloads where staff meet them: a counselor works their own seekers, a
 * manager transfers a seeker with a reason, an administrator records no
 * casework, and a city analyst reaches no personal record.
 */
import { HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Audit, type Ids } from "@iljari/core"
import { seekerInput } from "@iljari/test-support/fixtures"
import { Effect, TestClock } from "effect"
import { call } from "./access.js"
import { as, clientFor, loginOf, staffLogin, TestServer } from "./server.js"

const { districtId: _d, id: _i, registeredAt: _r, ...seekerForm } = seekerInput

describe("caseloads over HTTP", () => {
  it.layer(TestServer)((it) => {
    it.effect("a counselor works their own caseload; a manager transfers a seeker; the case's status follows the work", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
        const kim = yield* clientFor(loginOf("counselor-01"))
        const lee = yield* clientFor(loginOf("counselor-02"))
        const manager = yield* clientFor(staffLogin("manager"))
        const seeker = yield* kim.seekers.register({ payload: seekerForm })
        expect([seeker.value.counselorId, seeker.value.status]).toEqual(["counselor-01", "registered"])
        expect((yield* kim.seekers.caseload({ urlParams: {} })).map((s) => s.value.id)).toEqual([seeker.value.id])

        const counsel = (who: "counselor-01" | "counselor-02") =>
          Effect.flatMap(as(loginOf(who)), (signed) =>
            call(HttpClientRequest.post("/counseling").pipe(
              signed,
              HttpClientRequest.bodyUnsafeJson({ seekerId: seeker.value.id, heldOn: "2026-03-02", channel: "visit" })
            )))
        const refused = yield* counsel("counselor-02")
        expect(refused.status).toBe(403)
        expect(JSON.parse(refused.text)).toMatchObject({ _tag: "NotYourCaseload" })
        expect((yield* counsel("counselor-01")).status).toBe(201)
        expect((yield* kim.seekers.get({ path: { id: seeker.value.id } })).value.status).toBe("in-counseling")

        // A counselor cannot hand their seeker's case to themselves from someone else, nor read another's caseload.
        expect((yield* Effect.flip(lee.seekers.caseload({ urlParams: { counselorId: "counselor-01" as Ids.CounselorId } })))._tag).toBe("NotYourCaseload")
        const current = yield* manager.seekers.get({ path: { id: seeker.value.id } })
        const moved = yield* manager.seekers.transfer({
          path: { id: seeker.value.id },
          payload: { to: "counselor-02" as Ids.CounselorId, reason: "workload", version: current.version }
        })
        expect(moved.value.counselorId).toBe("counselor-02")
        expect((yield* counsel("counselor-02")).status).toBe(201)
        expect((yield* counsel("counselor-01")).status).toBe(403)
        const log = yield* Effect.flatMap(Audit.AuditLog, (l) => l.list("11200" as Ids.DistrictId, { subjectId: seeker.value.id }))
        expect(log.some((e) => e.actor === "manager-01" && e.purpose === "seeker.transfer.workload")).toBe(true)
      }))

    it.effect("an administrator records no casework, and an analyst reaches no personal record", () =>
      Effect.gen(function*() {
        const admin = yield* as(staffLogin("admin"))
        const registered = yield* call(HttpClientRequest.post("/seekers").pipe(
          admin,
          HttpClientRequest.bodyUnsafeJson({ ...seekerForm, name: "관리자등록", contact: { phone: "010-3333-4444" } })
        ))
        expect(registered.status).toBe(201)
        const id = JSON.parse(registered.text).value.id as string
        const counseled = yield* call(HttpClientRequest.post("/counseling").pipe(
          admin,
          HttpClientRequest.bodyUnsafeJson({ seekerId: id, heldOn: "1970-01-01", channel: "visit" })
        ))
        expect([counseled.status, JSON.parse(counseled.text)._tag]).toEqual([403, "NotYourCaseload"])
        const analyst = yield* as(staffLogin("analyst", "11000"))
        for (const path of ["/seekers?limit=1", `/seekers/${id}`, "/follow-ups/ledger", "/audit", "/accounts"]) {
          expect((yield* call(HttpClientRequest.get(path).pipe(analyst))).status, path).toBe(403)
        }
      }))
  })
})
