/**
 * Staff access where a browser meets it: the shared suite on the memory
 * layers, and what does not depend on the store — the same work for an
 * unknown name and a wrong password, the second factor from outside the
 * office, single sign-on against a real identity provider, and no secret in
 * any log.
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Audit, Repositories } from "@iljari/core"
import { ReportSource } from "@iljari/report"
import { authorizeAt, browser, signInAs } from "@iljari/testing/oidc/browser"
import { accounts as providerAccounts, testProvider } from "@iljari/testing/oidc/provider"
import { countingHasher } from "@iljari/testing/storage/access"
import { Duration, Effect, Layer, Logger, Redacted, Ref, TestClock } from "effect"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { TOTP, URI } from "otpauth"
import { demoPassword, seedDemoAccess } from "../src/DemoAccess.js"
import { HttpLive } from "../src/Server.js"
import { accessSuite, call, postJson, seongdong, sessionCookieOf, signInWith, withCookieOnly } from "./access.js"
import { accessFor, apiToken, signIn, staffLogin, testArgon2, testServerWith, TestServer } from "./server.js"

accessSuite("memory", () => Layer.fresh(TestServer) as never)

describe("staff access over HTTP, on memory", () => {
  it.effect("answers an unknown name and a wrong password alike, after one password verification each", () =>
    Effect.gen(function*() {
      const verifications = yield* Ref.make(0)
      const server = testServerWith(Layer.mergeAll(accessFor(), countingHasher(verifications, testArgon2)))
      yield* Effect.gen(function*() {
        yield* Ref.set(verifications, 0)
        const unknown = yield* signInWith("nobody.at.all", demoPassword)
        expect(yield* Ref.get(verifications)).toBe(1)
        const wrong = yield* signInWith(staffLogin("counselor"), "Wrong#Password-1")
        expect(yield* Ref.get(verifications)).toBe(2)
        expect([unknown.status, unknown.text]).toEqual([wrong.status, wrong.text])
        expect(unknown.status).toBe(401)
        expect(sessionCookieOf(unknown.response)).toBeUndefined()
      }).pipe(Effect.provide(server))
    }))

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
      }).pipe(Effect.provide(testServerWith(accessFor({ inOffice: () => false }))))
    }))

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
      yield* Layer.launch(HttpLive.pipe(
        Layer.provide(Layer.effectDiscard(seedDemoAccess)),
        Layer.provide(sso),
        Layer.provide(ReportSource.layerMemory),
        Layer.provideMerge(Layer.merge(Repositories.layerMemory, Repositories.IdGenerator.layerSequential)),
        Layer.provide(NodeHttpServer.layer(createServer, { port, host: "127.0.0.1" }))
      )).pipe(Effect.forkScoped)
      yield* Effect.sleep("200 millis")

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

  it.effect("keeps passwords, tokens and session ids out of the server's log and the access log", () =>
    Effect.gen(function*() {
      const lines: Array<string> = []
      const capture = Logger.replace(Logger.defaultLogger, Logger.make(({ annotations, message }) => void lines.push(JSON.stringify({ message, annotations: [...annotations] }))))
      const secrets = yield* Effect.gen(function*() {
        yield* Effect.flatMap(HttpClient.HttpClient, (http) => http.execute(postJson("/auth/sign-in", { login: staffLogin("counselor"), password: "Wrong#Secret-99" })))
        yield* signInWith("someone.unknown", "Unknown#Secret-98")
        const { cookie, csrfToken } = yield* signIn(staffLogin("manager"))
        yield* call(HttpClientRequest.get("/seekers?limit=1").pipe(HttpClientRequest.bearerToken(apiToken("read"))))
        yield* call(HttpClientRequest.get("/seekers?limit=1").pipe(withCookieOnly(cookie)))
        yield* call(HttpClientRequest.post("/auth/sign-out").pipe(withCookieOnly(cookie), HttpClientRequest.setHeader("x-csrf-token", csrfToken)))
        const entries = yield* Effect.flatMap(Audit.AuditLog, (l) => l.list(seongdong))
        lines.push(...entries.map((e) => JSON.stringify(e)))
        return [demoPassword, "Wrong#Secret-99", "Unknown#Secret-98", apiToken("read"), cookie, csrfToken]
      }).pipe(Effect.provide(TestServer.pipe(Layer.provide(capture))))
      expect(lines.length).toBeGreaterThan(5)
      for (const secret of secrets) expect(lines.filter((line) => line.includes(secret))).toEqual([])
    }))
})

