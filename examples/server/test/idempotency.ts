/**
 * Idempotent creation and one active referral per seeker and opening, where
 * a counselor's app meets them: through the HTTP server, with real parallel
 * requests, on SQLite and on PostgreSQL (one test file per backend, as for
 * the integrity suite).
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Repositories, type Ids } from "@iljari/core"
import { Effect, type Layer, TestClock } from "effect"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { as, clientFor, staffLogin } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
const { districtId: _g, id: _h, ...openingForm } = openingInput
const district = "11200" as Ids.DistrictId

interface Answer {
  readonly status: number
  readonly json: any
  readonly text: string
  readonly replayed: string | undefined
}

// POSTs as one staff member, with an Idempotency-Key when given: the answer's status, body and replay header.
const poster = (login: string) =>
  Effect.gen(function*() {
    const http = yield* HttpClient.HttpClient
    const signed = yield* as(login)
    return (path: string, body: unknown, key?: string) =>
      HttpClientRequest.post(path).pipe(
        signed,
        key === undefined ? (r) => r : HttpClientRequest.setHeader("Idempotency-Key", key),
        HttpClientRequest.bodyUnsafeJson(body),
        http.execute,
        Effect.flatMap((response) =>
          Effect.map(response.text, (text): Answer => ({
            status: response.status,
            text,
            json: text === "" ? undefined : JSON.parse(text),
            replayed: response.headers["idempotent-replayed"]
          }))
        ),
        Effect.scoped
      )
  })

// A seeker of the counselor's caseload and an open opening.
const seekerAndOpening = (name: string, phone: string) =>
  Effect.gen(function*() {
    const client = yield* clientFor(staffLogin("counselor"))
    const seeker = yield* client.seekers.register({ payload: { ...seekerForm, name, contact: { phone } } })
    const employer = yield* client.employers.registerEmployer({ payload: employerForm })
    const opening = yield* client.employers.registerOpening({
      payload: { ...openingForm, employerId: employer.value.id, openedOn: "2026-03-02", closesOn: "2026-03-31" }
    })
    return { seekerId: seeker.value.id, openingId: opening.value.id }
  })

const referralsOf = (seekerId: string) =>
  Effect.flatMap(Repositories.ReferralRepository, (r) => r.listBySeeker(district, seekerId as Ids.SeekerId))

export const idempotencySuite = (name: string, server: () => Layer.Layer<never, never, never>) =>
  describe(`idempotent creation through the server on ${name}`, () => {
    it.layer(server() as never, { timeout: 120_000 })((it) => {
      it.effect("replays a registration sent twice with one Idempotency-Key, and refuses the key for another body", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-03-09T01:00:00Z"))
          const post = yield* poster(staffLogin("counselor"))
          const form = { ...seekerForm, name: "재전송", contact: { phone: "010-4100-4200" } }
          const first = yield* post("/seekers", form, "register-resend-1")
          expect(first.status).toBe(201)
          expect(first.replayed).toBeUndefined()
          // The same request again — its fields in another order — is the first answer, byte for byte.
          const reordered = Object.fromEntries(Object.entries(form).reverse())
          const again = yield* post("/seekers", reordered, "register-resend-1")
          expect(again).toMatchObject({ status: 201, text: first.text, replayed: "true" })
          const stored = yield* Effect.flatMap(Repositories.SeekerRepository, (r) => r.list(district))
          expect(stored.filter((s) => s.value.name === "재전송")).toHaveLength(1)

          // The key for another body, or another route, is refused in the one error shape; nothing is created.
          const other = yield* post("/seekers", { ...form, name: "다른사람" }, "register-resend-1")
          expect(other.status).toBe(422)
          expect(other.json).toMatchObject({ _tag: "IdempotencyKeyReused", field: "Idempotency-Key", key: "register-resend-1" })
          expect(other.json.messageKo).toContain("Idempotency-Key")
          const elsewhere = yield* post("/employers", employerForm, "register-resend-1")
          expect(elsewhere.json).toMatchObject({ _tag: "IdempotencyKeyReused" })
          const after = yield* Effect.flatMap(Repositories.SeekerRepository, (r) => r.list(district))
          expect(after.filter((s) => s.value.name === "다른사람")).toHaveLength(0)

          // A key that is not 1–255 visible ASCII characters is a ValidationError naming the header.
          const bad = yield* post("/employers", employerForm, "x".repeat(300))
          expect(bad.status).toBe(400)
          expect(bad.json).toMatchObject({ _tag: "ValidationError", field: "Idempotency-Key" })
        }))

      it.effect("keeps keys per account: another counselor's request with the same key is their own", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-03-09T01:00:00Z"))
          const { seekerId } = yield* seekerAndOpening("열쇠주인", "010-4300-4400")
          const counselor = yield* poster(staffLogin("counselor"))
          const manager = yield* poster(staffLogin("manager"))
          const session = { seekerId, heldOn: "2026-03-09", channel: "visit", notes: "이력서 상담" }
          const mine = yield* counselor("/counseling", session, "counsel-1")
          const theirs = yield* manager("/counseling", session, "counsel-1")
          expect([mine.status, theirs.status]).toEqual([201, 201])
          expect(theirs.replayed).toBeUndefined()
          expect(theirs.json.value.id).not.toBe(mine.json.value.id)
          expect((yield* counselor("/counseling", session, "counsel-1")).json.value.id).toBe(mine.json.value.id)
          const sessions = yield* Effect.flatMap(Repositories.CounselingRepository, (r) => r.listBySeeker(district, seekerId as Ids.SeekerId))
          expect(sessions).toHaveLength(2)
        }))

      it.effect("creates one referral when five proposals with one Idempotency-Key race; all five get its answer", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-03-09T01:00:00Z"))
          const { openingId, seekerId } = yield* seekerAndOpening("동시제안", "010-4500-4600")
          const post = yield* poster(staffLogin("counselor"))
          const answers = yield* Effect.all(
            Array.from({ length: 5 }, () => post("/referrals", { seekerId, openingId }, "propose-race-1")),
            { concurrency: "unbounded" }
          )
          expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201])
          expect(new Set(answers.map((a) => a.text)).size).toBe(1)
          expect(answers.filter((a) => a.replayed === "true")).toHaveLength(4)
          const stored = yield* referralsOf(seekerId)
          expect(stored.map((r) => r.value.id)).toEqual([answers[0]!.json.value.id])
        }))

      it.effect("keeps one active referral when five different proposals of a seeker to an opening race", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-03-09T01:00:00Z"))
          const { openingId, seekerId } = yield* seekerAndOpening("경합제안", "010-4700-4800")
          const counselor = yield* poster(staffLogin("counselor"))
          const manager = yield* poster(staffLogin("manager"))
          const answers = yield* Effect.all(
            Array.from({ length: 5 }, (_, i) => (i % 2 === 0 ? counselor : manager)("/referrals", { seekerId, openingId, notes: `제안 ${i}` })),
            { concurrency: "unbounded" }
          )
          const accepted = answers.filter((a) => a.status === 201)
          expect(accepted).toHaveLength(1)
          const referralId = accepted[0]!.json.value.id
          const refused = answers.filter((a) => a.status === 409)
          expect(refused).toHaveLength(4)
          for (const answer of refused) {
            expect(answer.json).toMatchObject({ _tag: "ActiveReferralExists", seekerId, openingId, referralId, field: "openingId" })
            expect(answer.json.messageKo).toContain("진행 중인 알선")
          }
          expect((yield* referralsOf(seekerId)).map((r) => r.value.id)).toEqual([referralId])

          // Withdrawn, the seeker may be proposed to the opening again.
          const client = yield* clientFor(staffLogin("counselor"))
          yield* client.cases.move({ path: { id: referralId }, payload: { to: "withdrawn", version: 1 } })
          expect((yield* counselor("/referrals", { seekerId, openingId })).status).toBe(201)
          expect(yield* referralsOf(seekerId)).toHaveLength(2)
        }))
    })
  })
