/**
 * Staff access where a browser and an integration meet it, on each storage
 * backend: the session cookie and its CSRF token, lock-out with one answer,
 * idle and absolute expiry, API tokens' scopes, the administrator's account
 * management and access-record review, the second factor from outside the
 * office, and single sign-on against a real identity provider.
 */
import { HttpClient, HttpClientRequest, type HttpClientResponse } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Audit, type Ids, Policy } from "@iljari/core"
import { seekerInput } from "@iljari/test-support/fixtures"
import { Duration, Effect, Layer, Redacted, TestClock } from "effect"
import { demoPassword } from "../src/DemoAccess.js"
import { NodeHttpServer } from "@effect/platform-node"
import { authorizeAt, browser, signInAs } from "@iljari/test-support/oidc/browser"
import { accounts as providerAccounts, testProvider } from "@iljari/test-support/oidc/provider"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { TOTP, URI } from "otpauth"
import { accessFor, apiToken, as, serverWith, signIn, staffLogin } from "./server.js"

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


export const accessSuite = (name: string, storage: () => Layer.Layer<any, any, any>) =>
  describe(`staff access over HTTP on ${name}`, () => {
    const server = () => serverWith({ storage: storage() })

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
          expect(JSON.parse(locked.text).messageKo).toContain("잠겨")
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

      it.effect("lets an administrator set the center's settings: the defaults until then, a refused value named, the change logged", () =>
        Effect.gen(function*() {
          yield* TestClock.setTime(Date.parse("2026-12-10T01:00:00Z"))
          const admin = yield* as(staffLogin("admin"))
          const put = (body: unknown, who = admin) => call(HttpClientRequest.put("/settings/center").pipe(HttpClientRequest.bodyUnsafeJson(body), who))
          const before = yield* call(HttpClientRequest.get("/settings/center").pipe(admin))
          expect(JSON.parse(before.text)).toEqual({ followUpPolicy: { months: 3, intervalMonths: 1 }, growthPercent: 5, closures: [] })
          const wrong = yield* put({ followUpPolicy: { months: 6, intervalMonths: 4 }, growthPercent: 7, closures: [] })
          expect(wrong.status).toBe(400)
          expect(JSON.parse(wrong.text)).toMatchObject({ _tag: "ValidationError", field: "followUpPolicy.intervalMonths" })
          const set = yield* put({ followUpPolicy: { months: 6, intervalMonths: 2 }, growthPercent: 7, closures: [{ on: "2026-12-18", name: "구청 개청기념일" }] })
          expect([set.status, JSON.parse(set.text)]).toEqual([200, {
            followUpPolicy: { months: 6, intervalMonths: 2 },
            growthPercent: 7,
            closures: [{ on: "2026-12-18", name: "구청 개청기념일" }]
          }])
          // Plans assume the district's growth; only an administrator sets or reads the settings.
          expect(JSON.parse((yield* call(HttpClientRequest.get("/targets/plan?year=2027").pipe(admin))).text).growthPercent).toBe(7)
          const manager = yield* as(staffLogin("manager"))
          expect((yield* put({ followUpPolicy: { months: 3, intervalMonths: 1 }, growthPercent: 5, closures: [] }, manager)).status).toBe(403)
          expect((yield* call(HttpClientRequest.get("/settings/center").pipe(manager))).status).toBe(403)
          const log = yield* Effect.flatMap(Audit.AuditLog, (l) => l.list(seongdong, { subjectId: "admin-01" }))
          expect(log.find((e) => e.purpose === "settings.center")?.detail).toBe("defaults → followUp 6/2, growth 7%, closures 2026-12-18")
          yield* put({ followUpPolicy: { months: 3, intervalMonths: 1 }, growthPercent: 5, closures: [] })
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

    it.effect("asks for a second factor from outside the office: enrolment by QR code, then codes, a recovery code once", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-12-11T00:00:00Z"))
        // Every address is outside the office here.
        yield* Effect.gen(function*() {
          const login = staffLogin("counselor")
          const first = yield* signInWith(login, demoPassword)
          expect(JSON.parse(first.text).secondFactor).toBe("enrol")
          const cookie = sessionCookieOf(first.response)!.split(";")[0]!.split("=")[1]!
          const csrf = JSON.parse(first.text).csrfToken as string
          const signed = (r: HttpClientRequest.HttpClientRequest) => r.pipe(withCookieOnly(cookie), HttpClientRequest.setHeader("x-csrf-token", csrf))
          expect((yield* call(HttpClientRequest.get("/seekers?limit=1").pipe(signed))).status).toBe(401)

          const shown = JSON.parse((yield* call(HttpClientRequest.post("/auth/enrolment").pipe(signed))).text)
          expect(shown.qrSvg).toContain("<svg")
          const app = URI.parse(shown.uri) as TOTP
          const code = () => Effect.map(TestClock.currentTimeMillis, (timestamp) => app.generate({ timestamp }))
          const confirmed = yield* call(postJson("/auth/enrolment/confirm", { code: yield* code() }).pipe(signed))
          expect(confirmed.status).toBe(200)
          const recoveryCodes = JSON.parse(confirmed.text).recoveryCodes as Array<string>
          expect((yield* call(HttpClientRequest.get("/seekers?limit=1").pipe(signed))).status).toBe(200)

          yield* TestClock.adjust(Duration.seconds(30))
          const again = yield* signInWith(login, demoPassword)
          expect(JSON.parse(again.text).secondFactor).toBe("code")
          const cookie2 = sessionCookieOf(again.response)!.split(";")[0]!.split("=")[1]!
          const signed2 = (r: HttpClientRequest.HttpClientRequest) =>
            r.pipe(withCookieOnly(cookie2), HttpClientRequest.setHeader("x-csrf-token", JSON.parse(again.text).csrfToken))
          expect((yield* call(postJson("/auth/second-factor", { code: "123456" }).pipe(signed2))).status).toBe(401)
          expect((yield* call(postJson("/auth/second-factor", { code: recoveryCodes[0] }).pipe(signed2))).status).toBe(200)
          expect((yield* call(HttpClientRequest.get("/seekers?limit=1").pipe(signed2))).status).toBe(200)

          const third = yield* signInWith(login, demoPassword)
          const cookie3 = sessionCookieOf(third.response)!.split(";")[0]!.split("=")[1]!
          const signed3 = (r: HttpClientRequest.HttpClientRequest) =>
            r.pipe(withCookieOnly(cookie3), HttpClientRequest.setHeader("x-csrf-token", JSON.parse(third.text).csrfToken))
          expect((yield* call(postJson("/auth/second-factor", { code: recoveryCodes[0] }).pipe(signed3))).status).toBe(401)
        }).pipe(Effect.provide(serverWith({ storage: storage(), access: accessFor({ inOffice: () => false }) })))
      }), { timeout: 60_000 })

    it.scopedLive("signs a staff member in through the district's identity provider (OpenID Connect, PKCE)", () =>
      Effect.gen(function*() {
        // The provider must know the server's callback before the server starts: a port chosen first.
        const port = yield* Effect.promise(() =>
          new Promise<number>((resolve) => {
            const probe = createServer().listen(0, "127.0.0.1", () => {
              const { port } = probe.address() as AddressInfo
              probe.close(() => resolve(port))
            })
          })
        )
        const base = `http://127.0.0.1:${port}`
        const callback = `${base}/auth/sso/callback`
        const idp = yield* testProvider({ redirectUri: callback })
        const sso = accessFor({
          singleSignOn: {
            config: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: Redacted.make(idp.clientSecret), redirectUri: callback, allowHttp: true },
            afterSignIn: "/docs"
          }
        })
        // Built into the test's scope: it serves until the test ends.
        yield* Layer.build(serverWith({ storage: storage(), access: sso, http: NodeHttpServer.layer(createServer, { port, host: "127.0.0.1" }) }))
        const minji = providerAccounts[0]!
        // The administrator maps the provider's subject to an account.
        const json = (response: Response) => response.json() as Promise<any>
        const admin = yield* Effect.promise(() =>
          fetch(`${base}/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login: staffLogin("admin"), password: demoPassword }) })
            .then(async (r) => ({ cookie: r.headers.getSetCookie()[0]!.split(";")[0]!, csrf: (await json(r)).csrfToken as string })))
        const created = yield* Effect.promise(() =>
          fetch(`${base}/accounts`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie: admin.cookie, "x-csrf-token": admin.csrf },
            body: JSON.stringify({ login: "minji.kim", name: minji.name, role: "counselor", externalId: `${idp.issuer}#${minji.sub}` })
          }).then((r) => r.status))
        expect(created).toBe(201)

        const send = browser()
        const start = yield* Effect.promise(() => send(new URL(`${base}/auth/sso`)))
        expect(start.status).toBe(302)
        const toProvider = new URL(start.headers.get("location")!)
        expect(toProvider.origin).toBe(idp.issuer)
        expect(toProvider.searchParams.get("code_challenge_method")).toBe("S256")
        const back = yield* authorizeAt(toProvider, callback, signInAs(minji.sub), send)
        const landed = yield* Effect.promise(() => send(back))
        expect([landed.status, landed.headers.get("location")]).toEqual([303, "/docs"])
        const session = yield* Effect.promise(() => send(new URL(`${base}/auth/session`)).then(async (r) => ({ status: r.status, body: await json(r) })))
        expect(session.status).toBe(200)
        expect(session.body.account.login).toBe("minji.kim")
        // The same callback again: the code is spent.
        const replay = yield* Effect.promise(() => browser()(back))
        expect(replay.status).toBe(401)
      }), { timeout: 60_000 })
  })
