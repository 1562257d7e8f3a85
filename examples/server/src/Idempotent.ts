/**
 * Idempotent creation: a POST that creates something runs once per
 * `Idempotency-Key` (see `Idempotency` in the core). The handler's result is
 * encoded here as the endpoint would encode it, kept with its status, and
 * answered; a replay answers the kept status and body byte for byte, with
 * `Idempotent-Replayed: true`. Keys belong to the caller's district and
 * account, and a key's request is its route and its body (as JSON, whatever
 * the order of its fields or its spacing).
 */
import { HttpApi, type HttpApiEndpoint, HttpApiSchema, HttpRouter, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { Idempotency, Validation } from "@iljari/core"
import { Effect, Layer, Schema } from "effect"
import { createHash } from "node:crypto"
import { Api } from "./Api.js"
import { CurrentUser } from "./Caller.js"
import { IdempotencyKeyHeader } from "./Params.js"

// Each endpoint by its method and path pattern, as the router names the route it runs.
const endpoints = (() => {
  const out = new Map<string, HttpApiEndpoint.HttpApiEndpoint.AnyWithProps>()
  HttpApi.reflect(Api, {
    onGroup: () => {},
    onEndpoint: ({ endpoint }) => void out.set(`${endpoint.method} ${endpoint.path}`, endpoint as unknown as HttpApiEndpoint.HttpApiEndpoint.AnyWithProps)
  })
  return out
})()

// JSON with every object's keys in order: two bodies that say the same thing read the same.
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : typeof value === "object" && value !== null
    ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
    : value

const decodeKey = Schema.decodeUnknown(IdempotencyKeyHeader, { onExcessProperty: "ignore" })

const keyOf = Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) =>
  decodeKey(request.headers).pipe(
    Effect.map((headers) => headers["idempotency-key"]),
    Effect.mapError(() =>
      new Validation.ValidationError({
        subject: "request",
        issues: [new Validation.ValidationIssue({
          path: "Idempotency-Key",
          message: "must be 1–255 visible ASCII characters, e.g. a UUID (보이는 ASCII 문자 1–255자여야 합니다. 예: UUID)"
        })]
      })
    )
  ))

/**
 * Runs a creating handler once per `Idempotency-Key`: without the header it
 * simply runs; with it, the first request runs and its answer is kept, a
 * repeat replays it, and a reuse for another request is refused.
 */
export const idempotent = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(keyOf, (key) =>
    key === undefined ? effect : Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const route = yield* HttpRouter.RouteContext
      const endpoint = endpoints.get(`${route.route.method} ${route.route.path}`)
      if (endpoint === undefined) return yield* effect
      const user = yield* CurrentUser
      const body = yield* Effect.orElseSucceed(request.json, () => null)
      const digest = createHash("sha256").update(JSON.stringify(canonical(body)) ?? "").digest("base64url")
      const status = HttpApiSchema.getStatusSuccess(endpoint.successSchema)
      const encode = Schema.encode(endpoint.successSchema as Schema.Schema<A, unknown>)
      const outcome = yield* Idempotency.once(
        {
          scope: { districtId: user.districtId, accountId: user.counselorId },
          key,
          fingerprint: `${request.method} ${request.url.split("?")[0]} ${digest}`
        },
        // The answer is the value as the endpoint encodes it.
        Effect.flatMap(effect, (value) => Effect.orDie(Effect.map(encode(value), (encoded) => JSON.stringify(encoded)))),
        (json) => ({ status, body: json })
      )
      return HttpServerResponse.text(outcome.answer.body, {
        status: outcome.answer.status,
        contentType: "application/json",
        ...(outcome._tag === "Replayed" ? { headers: { "idempotent-replayed": "true" } } : {})
      })
    }))

// An hour of real time, not the Clock's: a test clock moved a year ahead must not run a purge for every hour between.
const anHour = Effect.async<void>((resume) => {
  const timer = setTimeout(() => resume(Effect.void), 60 * 60 * 1000)
  timer.unref()
  return Effect.sync(() => clearTimeout(timer))
})

const purge = Idempotency.purgeExpired.pipe(
  Effect.catchAll((error) => Effect.logWarning(`expired idempotency keys were not purged: ${error.message}`))
)

/**
 * Removes expired keys at start and every hour after, so that the table
 * holds a day of keys, not every key ever sent. A failed purge is logged and
 * tried again an hour later.
 */
export const PurgeExpiredKeysLive = Layer.scopedDiscard(
  Effect.forkScoped(Effect.zipRight(purge, Effect.forever(Effect.zipRight(anHour, purge))))
)
