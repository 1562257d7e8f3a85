/**
 * Staff access where a browser and an integration meet it, on each storage
 * backend: the session cookie and its CSRF token, lock-out with one answer,
 * idle and absolute expiry, API tokens' scopes, and the administrator's
 * account management and access-record review.
 */
import { HttpClient, HttpClientRequest, type HttpClientResponse } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Audit, type Ids, Policy } from "@iljari/core"
import { seekerInput } from "@iljari/testing/fixtures"
import { Duration, Effect, type Layer, TestClock } from "effect"
import { demoPassword } from "../src/DemoAccess.js"
import { apiToken, as, signIn, staffLogin } from "./server.js"

export const seongdong = "11200" as Ids.DistrictId

export const call = (request: HttpClientRequest.HttpClientRequest) =>
  Effect.flatMap(HttpClient.HttpClient, (http) =>
    Effect.scoped(Effect.flatMap(http.execute(request), (response) =>
      Effect.map(response.text, (text) => ({ status: response.status, text, response })))))

export const postJson = (path: string, body: unknown) => HttpClientRequest.post(path).pipe(HttpClientRequest.bodyUnsafeJson(body))

export const signInWith = (login: string, password: string) => call(postJson("/auth/sign-in", { login, password }))

export const sessionCookieOf = (response: HttpClientResponse.HttpClientResponse) =>
  response.headers["set-cookie"] === undefined
    ? undefined
    : ([] as Array<string>).concat(response.headers["set-cookie"]).find((c) => c.startsWith("iljari_session="))

// A signed-in cookie without its CSRF token, as a page of another site could make a browser send it.
export const withCookieOnly = (cookie: string) => HttpClientRequest.setHeader("cookie", `iljari_session=${cookie}`)

const { districtId: _d, id: _i, registeredAt: _r, ...seekerForm } = seekerInput


export const accessSuite = (name: string, server: () => Layer.Layer<never, never, never>) =>
  describe(`staff access over HTTP on ${name}`, () => {
    it.layer(server() as never, { timeout: 60_000 })((it) => {
      it.effect("signs in with a session cookie a script cannot read, and a CSRF token for changes", () =>
        Effect.gen(function*() {
          const { response, status, text } = yield* signInWith(staffLogin("counselor"), demoPassword)
          expect(status).toBe(200)
          const cookie = sessionCookieOf(response)!
          expect(cookie).toMatch(/^iljari_session=iljari_s_[A-Za-z0-9_-]{43};/)
          expect(cookie).toContain("HttpOnly")
          expect(cookie).toContain("SameSite=Lax")
          expect(cookie).toContain("Path=/")
          expect(cookie).not.toContain("Secure") // the demo is plain HTTP on loopback
          const body = JSON.parse(text)
          expect(body.secondFactor).toBe("none")
          expect(body.account.login).toBe(staffLogin("counselor"))
          expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2|totp|recoveryCodes/)
        }))

      it.effect("refuses a state-changing request by cookie without its CSRF token; a read needs none", () =>
        Effect.gen(function*() {
          const { cookie, csrfToken } = yield* signIn(staffLogin("counselor"))
          const bare = yield* call(postJson("/seekers", seekerForm).pipe(withCookieOnly(cookie)))
          expect(bare.status).toBe(403)
          expect(bare.text).toContain("CSRF")
          const wrong = yield* call(postJson("/seekers", seekerForm).pipe(withCookieOnly(cookie), HttpClientRequest.setHeader("x-csrf-token", "0".repeat(64))))
          expect(wrong.status).toBe(403)
          const other = yield* signIn(staffLogin("counselor"))
          const another = yield* call(postJson("/seekers", seekerForm).pipe(withCookieOnly(cookie), HttpClientRequest.setHeader("x-csrf-token", other.csrfToken)))
          expect(another.status).toBe(403)
          const read = yield* call(HttpClientRequest.get("/seekers?limit=1").pipe(withCookieOnly(cookie)))
          expect(read.status).toBe(200)
          const right = yield* call(postJson("/seekers", seekerForm).pipe(withCookieOnly(cookie), HttpClientRequest.setHeader("x-csrf-token", csrfToken)))
          expect(right.status).toBe(201)
        }))

      it.effect("locks an account after 5 failures with the one answer, and lets it in after the set time", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-12-07T00:00:00Z"))
          const login = staffLogin("counselor", "11215")
          const refusals = []
          for (let i = 0; i < 5; i++) refusals.push(yield* signInWith(login, `Wrong#Guess-${i}`))
          const locked = yield* signInWith(login, demoPassword)
          const unknown = yield* signInWith("no.such.person", demoPassword)
          for (const refused of [...refusals, locked, unknown]) {
            expect([refused.status, refused.text]).toEqual([401, refusals[0]!.text])
          }
          expect(JSON.parse(locked.text).message).toContain("잠겨")
          yield* TestClock.adjust(Duration.minutes(Policy.defaults.lockMinutes))
          expect((yield* signInWith(login, demoPassword)).status).toBe(200)
        }))

      it.effect("ends a session at sign-out, after 30 idle minutes, and 12 hours after sign-in however busy", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-12-08T00:00:00Z"))
          const seekers = (signed: (r: HttpClientRequest.HttpClientRequest) => HttpClientRequest.HttpClientRequest) =>
            Effect.map(call(HttpClientRequest.get("/seekers?limit=1").pipe(signed)), (r) => r.status)

          const leaving = yield* as(staffLogin("manager"))
          expect((yield* call(HttpClientRequest.post("/auth/sign-out").pipe(leaving))).status).toBe(204)
          expect(yield* seekers(leaving)).toBe(401)

          const idle = yield* as(staffLogin("manager"))
          yield* TestClock.adjust(Duration.minutes(29))
          expect(yield* seekers(idle)).toBe(200)
          yield* TestClock.adjust(Duration.minutes(Policy.defaults.idleMinutes))
          expect(yield* seekers(idle)).toBe(401)

          const busy = yield* as(staffLogin("manager"))
          for (let quarter = 1; quarter < Policy.defaults.sessionHours * 4; quarter++) {
            yield* TestClock.adjust(Duration.minutes(15))
            expect(yield* seekers(busy)).toBe(200)
          }
          yield* TestClock.adjust(Duration.minutes(15))
          expect(yield* seekers(busy)).toBe(401)
        }))

      it.effect("lets an administrator manage accounts, logs every change of rights, and gives managers the access records", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-12-10T01:00:00Z"))
          const admin = yield* as(staffLogin("admin"))
          const weak = yield* call(postJson("/accounts", { login: "new.counselor", name: "신규", role: "counselor", password: "abcdefgh1" }).pipe(admin))
          expect(weak.status).toBe(400)
          expect(weak.text).toContain("10 characters of two kinds")
          expect(weak.text).toContain("두 종류")
          const made = yield* call(postJson("/accounts", { login: "new.counselor", name: "신규", role: "counselor", password: "Spring#Garden-7" }).pipe(admin))
          expect(made.status).toBe(201)
          const id = JSON.parse(made.text).id as string
          expect((yield* call(postJson("/accounts", { login: "new.counselor", name: "중복", role: "counselor" }).pipe(admin))).status).toBe(409)
          expect((yield* call(HttpClientRequest.put(`/accounts/${id}/role`).pipe(HttpClientRequest.bodyUnsafeJson({ role: "manager" }), admin))).status).toBe(200)
          expect((yield* signInWith("new.counselor", "Spring#Garden-7")).status).toBe(200)
          expect((yield* call(HttpClientRequest.put(`/accounts/${id}/status`).pipe(HttpClientRequest.bodyUnsafeJson({ status: "disabled" }), admin))).status).toBe(200)
          expect((yield* signInWith("new.counselor", "Spring#Garden-7")).status).toBe(401)
          // Only an administrator manages accounts.
          const manager = yield* as(staffLogin("manager"))
          expect((yield* call(HttpClientRequest.get("/accounts").pipe(manager))).status).toBe(403)

          const log = yield* Effect.flatMap(Audit.AuditLog, (l) => l.list(seongdong, { subjectId: id }))
          expect(log.filter((e) => e.action === "rights-change").map((e) => [e.actor, e.purpose])).toEqual([
            ["admin-01", "account.create.counselor"],
            ["admin-01", "account.role.manager"],
            ["admin-01", "account.status.disabled"]
          ])
          const csv = yield* call(HttpClientRequest.get("/access-records?from=2026-12-10&to=2026-12-10&format=csv").pipe(manager))
          expect(csv.status).toBe(200)
          expect(csv.response.headers["content-type"]).toContain("text/csv")
          expect(csv.text).toContain("권한 변경")
          expect(csv.text).toContain("로그인 실패")
          const mine = yield* call(HttpClientRequest.get(`/access-records?from=2026-12-10&to=2026-12-10&account=${id}`).pipe(manager))
          expect(JSON.parse(mine.text).map((e: Audit.AuditEntry) => e.action)).toEqual(["sign-in", "sign-in-refused"])
          expect((yield* call(HttpClientRequest.get("/access-records?from=2026-12-10&to=2026-12-10").pipe(yield* as(staffLogin("counselor"))))).status).toBe(403)

        // The administrator requires a second factor of managers: the next manager's sign-in asks to enrol.
        const rules = yield* call(HttpClientRequest.put("/settings/access").pipe(HttpClientRequest.bodyUnsafeJson({ secondFactorRoles: ["manager"] }), admin))
        expect([rules.status, JSON.parse(rules.text)]).toEqual([200, { secondFactorRoles: ["manager"] }])
        expect(JSON.parse((yield* signInWith(staffLogin("manager"), demoPassword)).text).secondFactor).toBe("enrol")
        expect(JSON.parse((yield* signInWith(staffLogin("counselor"), demoPassword)).text).secondFactor).toBe("none")
        expect((yield* call(HttpClientRequest.put("/settings/access").pipe(HttpClientRequest.bodyUnsafeJson({ secondFactorRoles: [] }), manager))).status).toBe(403)
        yield* call(HttpClientRequest.put("/settings/access").pipe(HttpClientRequest.bodyUnsafeJson({ secondFactorRoles: [] }), admin))
        }))
    })

    it.effect("scopes API tokens: a read token cannot write, another district's sees nothing, revoked and expired are refused", () =>
      Effect.gen(function*() {
        // A server of its own: the demo's tokens live a year from its start.
        const bearer = (token: string) => HttpClientRequest.bearerToken(token)
        const written = yield* call(postJson("/seekers", seekerForm).pipe(bearer(apiToken("write"))))
        expect(written.status).toBe(201)
        const seekerId = JSON.parse(written.text).value.id as string
        expect((yield* call(postJson("/seekers", seekerForm).pipe(bearer(apiToken("read"))))).status).toBe(403)
        expect((yield* call(HttpClientRequest.get(`/seekers/${seekerId}`).pipe(bearer(apiToken("read"))))).status).toBe(200)
        const elsewhere = yield* call(HttpClientRequest.get(`/seekers/${seekerId}`).pipe(bearer(apiToken("read", "11215"))))
        expect(elsewhere.status).toBe(404)
        expect((yield* call(HttpClientRequest.get("/seekers").pipe(bearer(apiToken("read", "11215"))))).text).not.toContain(seekerId)
        // An integration manages nothing.
        expect((yield* call(HttpClientRequest.get("/tokens").pipe(bearer(apiToken("write"))))).status).toBe(403)

        yield* TestClock.setTime(Date.parse("2026-12-09T00:00:00Z"))
        const admin = yield* as(staffLogin("admin"))
        const created = yield* call(postJson("/tokens", { name: "시험 연계", scope: "read", days: 1 }).pipe(admin))
        expect(created.status).toBe(201)
        const { secret, token } = JSON.parse(created.text)
        const listed = yield* call(HttpClientRequest.get("/tokens").pipe(admin))
        expect(listed.text).toContain(token.id)
        expect(listed.text).not.toContain(secret)
        expect((yield* call(HttpClientRequest.get("/seekers?limit=1").pipe(bearer(secret)))).status).toBe(200)
        yield* TestClock.adjust(Duration.days(1))
        const expired = yield* call(HttpClientRequest.get("/seekers?limit=1").pipe(bearer(secret)))
        expect([expired.status, JSON.parse(expired.text).message]).toEqual([401, expect.stringContaining("expired or revoked")])

        const admin2 = yield* as(staffLogin("admin"))
        const second = JSON.parse((yield* call(postJson("/tokens", { name: "폐기할 연계", scope: "write" }).pipe(admin2))).text)
        expect((yield* call(HttpClientRequest.del(`/tokens/${second.token.id}`).pipe(admin2))).status).toBe(200)
        expect((yield* call(HttpClientRequest.get("/seekers?limit=1").pipe(bearer(second.secret)))).status).toBe(401)
      }).pipe(Effect.provide(server() as Layer.Layer<HttpClient.HttpClient>)), { timeout: 60_000 })

  })
