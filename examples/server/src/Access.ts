/**
 * Who is calling: a staff member's session cookie, or an integration's API
 * token in the bearer scheme. A session must be complete (a pending second
 * factor lets it reach only /auth), and a state-changing request it
 * authenticates must carry its CSRF token; a read-only token may only read.
 */
import { HttpServerRequest } from "@effect/platform"
import { ApiToken, Secret, Session } from "@iljari/core"
import { Effect, Layer, Option, Redacted } from "effect"
import { Authentication, Forbidden, Unauthorized, User } from "./Api.js"

export const csrfHeader = "x-csrf-token"

const reads = new Set(["GET", "HEAD", "OPTIONS"])

export const refused = new Unauthorized({
  message: "Sign in (POST /auth/sign-in) or send an API token as Authorization: Bearer <token> (로그인하거나 API 토큰을 보내세요)"
})

// A state-changing request the cookie authenticates must carry the session's CSRF token.
const checkCsrf = (request: HttpServerRequest.HttpServerRequest, secret: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    if (reads.has(request.method) || Secret.equals(request.headers[csrfHeader] ?? "", yield* Session.csrfTokenOf(secret))) return
    return yield* new Forbidden({
      message: `A request signed in by cookie must send its CSRF token in the ${csrfHeader} header (CSRF 토큰이 없거나 맞지 않습니다)`
    })
  })

const bySession = (request: HttpServerRequest.HttpServerRequest, secret: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const { account, session } = yield* Effect.catchTag(Session.resume(secret), "SessionEnded", (ended) => new Unauthorized({ message: ended.message }))
    if (session.stage !== "complete") {
      return yield* new Unauthorized({ message: "Give the second factor first (POST /auth/second-factor) (2단계 인증을 먼저 하세요)" })
    }
    // An analyst reads aggregate figures, nothing that names a person.
    if (account.role === "analyst" && !new URL(request.url, "http://server").pathname.startsWith("/reports/")) {
      return yield* new Forbidden({ message: "An analyst reads the reports' figures only (통계 분석가는 집계 보고서만 볼 수 있습니다)" })
    }
    yield* checkCsrf(request, secret)
    return new User({
      name: account.name,
      counselorId: account.id,
      districtId: account.districtId,
      role: account.role,
      scope: "write",
      grants: account.grants
    })
  })

const byToken = (request: HttpServerRequest.HttpServerRequest, secret: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const origin = Option.getOrUndefined(request.remoteAddress)
    const token = yield* Effect.catchTag(ApiToken.authenticate(secret, origin), "TokenRefused", (e) => new Unauthorized({ message: e.message }))
    if (token.scope === "read" && !reads.has(request.method)) {
      return yield* new Forbidden({ message: "This API token may only read (읽기 전용 API 토큰입니다)" })
    }
    return new User({
      name: token.name,
      counselorId: ApiToken.actorOf(token),
      districtId: token.districtId,
      role: "integration",
      scope: token.scope,
      grants: []
    })
  })

// Both schemes run this one function: the API builder tries the schemes in
// turn and answers with the last one's failure, which must be the real reason.
const authenticate = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const bearer = (request.headers["authorization"] ?? "").match(/^Bearer (.+)$/)?.[1]
  if (bearer !== undefined) return yield* byToken(request, Redacted.make(bearer))
  const cookie = request.cookies["iljari_session"]
  if (cookie !== undefined && cookie !== "") return yield* bySession(request, Redacted.make(cookie))
  return yield* refused
}).pipe(
  // A store that cannot answer is a server error (logged with its cause), not a refusal.
  Effect.catchTag("PersistenceError", Effect.die)
)

export const AuthenticationLive = Layer.effect(
  Authentication,
  // The request is the middleware's to give; the stores are the server's.
  Effect.map(Effect.context<Exclude<Effect.Effect.Context<typeof authenticate>, HttpServerRequest.HttpServerRequest>>(), (services) => {
    const run = Effect.provide(authenticate, services)
    return Authentication.of({ session: () => run, bearer: () => run })
  })
)

/**
 * The session cookie's secret of a request to /auth, which may come before
 * the second factor; a state-changing request must carry its CSRF token.
 */
export const sessionSecret = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const cookie = request.cookies["iljari_session"]
  if (cookie === undefined || cookie === "") return yield* refused
  const secret = Redacted.make(cookie)
  yield* checkCsrf(request, secret)
  return secret
})
