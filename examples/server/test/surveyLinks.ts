/**
 * One-time survey links where a seeker and an integrator meet them: issued
 * through the JSON API, answered through the web app's public page with
 * real parallel requests, ended, rate-limited and erased — on SQLite and on
 * PostgreSQL (one test file per backend, as for the integrity suite).
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { type Ids, Repositories } from "@iljari/core"
import { Effect, type Layer, TestClock } from "effect"
import { seekerInput } from "@iljari/test-support/fixtures"
import { as, clientFor, staffLogin } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const district = "11200" as Ids.DistrictId

interface Answer {
  readonly status: number
  readonly text: string
  readonly retryAfter: string | undefined
}

// A request of the public answer page, as a browser with no cookie sends it.
const page = (method: "GET" | "POST", path: string, form?: Record<string, string>) =>
  Effect.gen(function*() {
    const http = yield* HttpClient.HttpClient
    const request = method === "GET" ? HttpClientRequest.get(path) : HttpClientRequest.post(path).pipe(HttpClientRequest.bodyUrlParams(form ?? {}))
    return yield* http.execute(request).pipe(
      Effect.flatMap((response) =>
        Effect.map(response.text, (text): Answer => ({ status: response.status, text, retryAfter: response.headers["retry-after"] }))
      ),
      Effect.scoped
    )
  })

// A JSON request as a signed-in staff member.
const staff = (login: string) =>
  Effect.gen(function*() {
    const http = yield* HttpClient.HttpClient
    const signed = yield* as(login)
    return (path: string, body: unknown) =>
      HttpClientRequest.post(path).pipe(
        signed,
        HttpClientRequest.bodyUnsafeJson(body),
        http.execute,
        Effect.flatMap((response) => Effect.map(response.json, (json: any) => ({ status: response.status, json }))),
        Effect.scoped
      )
  })

export const surveyLinksSuite = (name: string, server: () => Layer.Layer<never, never, never>) =>
  describe(`survey links through the server on ${name}`, () => {
    it.layer(server() as never, { timeout: 120_000 })((it) => {
      it.effect("keeps one answer of five raced, refuses an ended link, limits the tries, and leaves no link naming an erased seeker", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-05-04T01:00:00Z"))
          const client = yield* clientFor(staffLogin("counselor"))
          const seeker = yield* client.seekers.register({ payload: { ...seekerForm, name: "설문대상", contact: { phone: "010-4500-4600" } } })
          const questionnaire = yield* client.events.createSurvey({
            payload: {
              title: "상담 만족도",
              audience: "visitor",
              questions: [{ _tag: "rating", id: "q1", text: "상담에 만족하십니까?", required: true }, { _tag: "text", id: "q2", text: "하실 말씀", required: false }]
            }
          })
          const id = questionnaire.value.id
          const counselor = yield* staff(staffLogin("counselor"))
          const issue = (body: unknown) => counselor(`/surveys/${id}/links`, body)

          // Issued: the token in the answer, its digest alone stored.
          const issued = yield* issue({ seekerId: seeker.value.id })
          expect(issued).toMatchObject({ status: 201, json: { token: expect.stringMatching(/^iljari_v_/), link: { seekerId: seeker.value.id, counselorId: "counselor-01" } } })
          expect(issued.json.link.digest).toBeUndefined()
          const token: string = issued.json.token
          const stored = yield* Effect.flatMap(Repositories.SurveyLinkRepository, (r) => r.list(district))
          expect(JSON.stringify(stored)).not.toContain(token)
          // A seeker of no one, days out of bounds: refused, naming the field.
          expect(yield* issue({ seekerId: "seeker-nobody" })).toMatchObject({ status: 404 })
          expect(yield* issue({ days: 90 })).toMatchObject({ status: 400, json: { _tag: "ValidationError", field: "days" } })

          // Opened without an account; five answers at once: one kept, the others told it was used.
          expect((yield* page("GET", `/app/s/${token}`)).status).toBe(200)
          const missing = yield* page("POST", `/app/s/${token}`, { "a-q2": "좋았어요" })
          expect(missing.status).toBe(422)
          expect(missing.text).toContain("필수 문항입니다. &quot;상담에 만족하십니까?&quot;")
          const raced = yield* Effect.all(
            Array.from({ length: 5 }, (_, i) => page("POST", `/app/s/${token}`, { "a-q1": String(1 + i), "a-q2": `답 ${i}` })),
            { concurrency: "unbounded" }
          )
          expect(raced.map((a) => a.status).sort()).toEqual([200, 410, 410, 410, 410])
          for (const refused of raced.filter((a) => a.status === 410)) expect(refused.text).toContain("이미 응답한 설문입니다")
          const responses = yield* Effect.flatMap(Repositories.SurveyResponseRepository, (r) => r.list(district))
          expect(responses).toHaveLength(1)
          expect(responses[0]!.value).toMatchObject({ seekerId: seeker.value.id, counselorId: "counselor-01", respondedOn: "2026-05-04" })
          expect(yield* client.events.scores({ path: { id }, urlParams: { from: "2026-05-01" as never, to: "2026-05-31" as never } }))
            .toMatchObject([{ key: "all", responses: 1 }])

          // A link issued for one day is gone two days later.
          const short = (yield* issue({ days: 1 })).json.token as string
          // (Issued now, for the erasure below: the counselor's session ends in the two days.)
          const open = (yield* issue({ seekerId: seeker.value.id })).json.token as string
          yield* TestClock.adjust("2 days")
          const ended = yield* page("GET", `/app/s/${short}`)
          expect(ended.status).toBe(410)
          expect(ended.text).toContain("응답 기한이 지났습니다")
          expect((yield* page("POST", `/app/s/${short}`, { "a-q1": "5" })).status).toBe(410)

          // Erasing the seeker ends their open link, and no link names them.
          const erased = yield* staff(staffLogin("admin")).pipe(Effect.flatMap((admin) => admin(`/seekers/${seeker.value.id}/erasure`, { reason: "subject-request" })))
          expect(erased.status).toBe(200)
          const links = yield* Effect.flatMap(Repositories.SurveyLinkRepository, (r) => r.list(district))
          expect(links.filter((l) => l.value.seekerId !== undefined)).toEqual([])
          expect((yield* page("GET", `/app/s/${open}`)).status).toBe(410)

          // An address trying too often is told to wait, in Korean, with Retry-After.
          let answer = yield* page("GET", `/app/s/iljari_v_${"B".repeat(43)}`)
          for (let i = 0; i < 40 && answer.status === 404; i++) answer = yield* page("GET", `/app/s/iljari_v_${"B".repeat(43)}`)
          expect(answer.status).toBe(429)
          expect(answer.text).toContain("요청이 너무 많습니다")
          expect(Number(answer.retryAfter)).toBeGreaterThan(0)
        }))
    })
  })
