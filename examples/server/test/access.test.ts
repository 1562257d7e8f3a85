/**
 * Staff access where a browser meets it: the shared suite on the memory
 * layers, and what does not depend on the store — the same work for an
 * unknown name and a wrong password, and no secret in any log.
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Audit } from "@iljari/core"
import { Doubles } from "@iljari/testing"
import { Effect, Layer, Logger, Ref } from "effect"
import { demoPassword } from "../src/DemoAccess.js"
import { accessSuite, call, postJson, seongdong, sessionCookieOf, signInWith, withCookieOnly } from "./access.js"
import { accessFor, apiToken, memoryStorage, signIn, staffLogin, testArgon2, testServerWith, TestServer } from "./server.js"

accessSuite("memory", memoryStorage)

describe("staff access over HTTP, on memory", () => {
  it.effect("answers an unknown name and a wrong password alike, after one password verification each", () =>
    Effect.gen(function*() {
      const verifications = yield* Ref.make(0)
      const server = testServerWith(Layer.mergeAll(accessFor(), Doubles.countingHasher(verifications, testArgon2)))
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

