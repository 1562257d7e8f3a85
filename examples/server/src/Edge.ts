/**
 * The server's edge: what every request meets before the API or the web app
 * sees it, and what every answer carries.
 *
 * - **The client's address**: the socket's peer, unless the peer is a trusted
 *   proxy (TRUSTED_PROXIES); then the rightmost address of `X-Forwarded-For`
 *   that is not a trusted proxy. The API, the web app, the access log, the
 *   office-network check and the rate limits all see this address.
 * - **A body limit** (BODY_LIMIT_BYTES, 1 MiB by default; 16 KiB for the
 *   sign-in routes, which anyone may call; IMPORT_BODY_LIMIT_BYTES, 20 MiB
 *   by default, for the web app's import uploads, whose page reads the body
 *   itself after the session and role are checked and answers a file over
 *   the limit in Korean, unread): a declared `Content-Length` over
 *   the limit is refused with 413 before anything is read; a body without a
 *   length (chunked) is read only when the API asks for it — after the
 *   caller is authenticated — and reading stops, with 413, as soon as it
 *   passes the limit. A refusal of a request whose body was not read closes
 *   the connection, so the rest is never read.
 * - **Rate limits** on sign-in (per address) and on the expensive routes
 *   (reports, match rankings, the ledger, the access log: per caller),
 *   counted in the database so that every process counts the same hits:
 *   429 with `Retry-After`.
 * - **Security headers** on every answer: `X-Content-Type-Options: nosniff`,
 *   `Referrer-Policy`, `Cache-Control: no-store` unless the answer set its
 *   own caching (the web app's assets), a Content-Security-Policy on HTML,
 *   and HSTS when the server is reached over TLS (SECURE_COOKIES=true).
 *
 * Every refusal is in the API's one error shape.
 */
import { HttpApp, HttpServerRequest, HttpServerResponse, type OpenApi } from "@effect/platform"
import { NodeHttpServerRequest } from "@effect/platform-node"
import { RateLimit } from "@iljari/core"
import { Context, Data, Duration, Effect, Either, Option, Schema } from "effect"
import { createHash } from "node:crypto"
import type { IncomingMessage } from "node:http"
import { BlockList, isIP, type Socket } from "node:net"
import * as E from "./ApiErrors.js"

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

/** What the edge enforces; `npm start` reads it from the environment ({@link edgeSettingsFrom}). */
export interface Settings {
  /** The largest request body, in bytes. */
  readonly bodyLimit: number
  /** The largest upload to the web app's import page (a district's spreadsheet), in bytes. */
  readonly importBodyLimit: number
  /** Whether a peer is a proxy whose `X-Forwarded-For` is believed. */
  readonly trustedProxy: (address: string) => boolean
  /** Whether the server is reached over TLS (then answers carry HSTS). */
  readonly tls: boolean
  /** Sign-in attempts (password or second factor) per client address. */
  readonly signInLimit: RateLimit.Rule
  /** Expensive requests (reports, rankings, ledgers, the access log) per caller. */
  readonly heavyLimit: RateLimit.Rule
  /**
   * Opening or answering the web app's public survey page (`/app/s/{token}`),
   * per client address and per link: the page counts them itself, to answer
   * with a Korean page rather than the API's error.
   */
  readonly surveyLimits: { readonly perAddress: RateLimit.Rule; readonly perLink: RateLimit.Rule }
}

/** The body limit of the routes anyone may call (signing in): a few hundred bytes are enough. */
export const publicBodyLimit = 16 * 1024

export const defaults: Settings = {
  bodyLimit: 1024 * 1024,
  importBodyLimit: 20 * 1024 * 1024,
  trustedProxy: () => false,
  tls: false,
  signInLimit: { limit: 30, window: Duration.minutes(10) },
  heavyLimit: { limit: 60, window: Duration.minutes(1) },
  surveyLimits: { perAddress: { limit: 30, window: Duration.minutes(10) }, perLink: { limit: 10, window: Duration.minutes(10) } }
}

/** The edge's settings; the defaults unless the server provides its own. */
export class EdgeSettings extends Context.Reference<EdgeSettings>()("EdgeSettings", { defaultValue: () => defaults }) {}

/**
 * A matcher of networks and addresses ("10.0.0.0/8", "192.0.2.10", "::1"),
 * an IPv4 address on a dual-stack socket (::ffff:a.b.c.d) included.
 */
export const networks = (entries: ReadonlyArray<string>): ((address: string) => boolean) => {
  const list = new BlockList()
  for (const entry of entries.map((e) => e.trim()).filter((e) => e !== "")) {
    const [address = "", bits] = entry.split("/")
    const family = isIP(address)
    if (family === 0 || (bits !== undefined && !/^\d+$/.test(bits))) {
      throw new Error(`Not an address or a network in CIDR notation: ${entry} (e.g. 10.0.0.5 or 10.0.0.0/8)`)
    }
    list.addSubnet(address, bits === undefined ? (family === 4 ? 32 : 128) : Number(bits), family === 4 ? "ipv4" : "ipv6")
  }
  return (address) => {
    const plain = unmapped(address)
    const family = isIP(plain)
    return family !== 0 && list.check(plain, family === 4 ? "ipv4" : "ipv6")
  }
}

const unmapped = (address: string) => (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address)

const Whole = (name: string, min: number) =>
  Schema.NumberFromString.pipe(
    Schema.int(),
    Schema.greaterThanOrEqualTo(min),
    Schema.annotations({ message: () => E.bilingual(`${name} must be a whole number of at least ${min}`, `${name}은(는) ${min} 이상의 정수여야 합니다`) })
  )

const decodeWhole = (name: string, min: number, value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback
  const decoded = Schema.decodeUnknownEither(Whole(name, min))(value)
  if (Either.isLeft(decoded)) throw new Error(`${name} must be a whole number of at least ${min}; got ${value}`)
  return decoded.right
}

/**
 * The edge's settings from the environment: BODY_LIMIT_BYTES,
 * IMPORT_BODY_LIMIT_BYTES, TRUSTED_PROXIES (addresses or CIDR blocks, comma-separated),
 * SECURE_COOKIES=true (served over TLS: HSTS), SIGN_IN_RATE_LIMIT (attempts
 * per address in 10 minutes) and HEAVY_RATE_LIMIT (expensive requests per
 * caller a minute).
 */
export const edgeSettingsFrom = (env: (name: string) => string | undefined): Settings => ({
  bodyLimit: decodeWhole("BODY_LIMIT_BYTES", 1024, env("BODY_LIMIT_BYTES"), defaults.bodyLimit),
  importBodyLimit: decodeWhole("IMPORT_BODY_LIMIT_BYTES", 1024, env("IMPORT_BODY_LIMIT_BYTES"), defaults.importBodyLimit),
  trustedProxy: networks(env("TRUSTED_PROXIES")?.split(",") ?? []),
  tls: env("SECURE_COOKIES") === "true",
  signInLimit: { ...defaults.signInLimit, limit: decodeWhole("SIGN_IN_RATE_LIMIT", 1, env("SIGN_IN_RATE_LIMIT"), defaults.signInLimit.limit) },
  heavyLimit: { ...defaults.heavyLimit, limit: decodeWhole("HEAVY_RATE_LIMIT", 1, env("HEAVY_RATE_LIMIT"), defaults.heavyLimit.limit) },
  surveyLimits: {
    ...defaults.surveyLimits,
    perAddress: {
      ...defaults.surveyLimits.perAddress,
      limit: decodeWhole("SURVEY_RATE_LIMIT", 1, env("SURVEY_RATE_LIMIT"), defaults.surveyLimits.perAddress.limit)
    }
  }
})

// ---------------------------------------------------------------------------
// The client's address
// ---------------------------------------------------------------------------

/**
 * The client's address: the peer's, or — when the peer is a trusted proxy —
 * the rightmost `X-Forwarded-For` hop that is not a trusted proxy (a client
 * can write anything to the left of what its first proxy appended).
 */
export const clientAddress = (peer: string | undefined, forwardedFor: string | undefined, trusted: (address: string) => boolean): string | undefined => {
  if (peer === undefined || forwardedFor === undefined || !trusted(peer)) return peer
  const hops = forwardedFor.split(",").map((hop) => hop.trim()).filter((hop) => hop !== "")
  let client = peer
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!
    // Garbage in the header: the last proxy that handed it over is all that is known.
    if (isIP(hop) === 0) return client
    client = unmapped(hop)
    if (!trusted(hop)) return client
  }
  return client
}

// ---------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------

class BodyTooLarge extends Data.TaggedError("BodyTooLarge")<{ readonly limit: number }> {}
class BodyNotJson extends Data.TaggedError("BodyNotJson")<{}> {}
class BodyUnreadable extends Data.TaggedError("BodyUnreadable")<{}> {}

const nodeSource = (request: HttpServerRequest.HttpServerRequest): IncomingMessage | undefined => {
  const source = NodeHttpServerRequest.toIncomingMessage(request) as IncomingMessage | undefined
  return source !== undefined && typeof source.on === "function" ? source : undefined
}

// Reads the body, and stops reading (leaving the rest unread) as soon as it passes the limit.
const readAtMost = (source: IncomingMessage, limit: number): Effect.Effect<Uint8Array, BodyTooLarge | BodyUnreadable> =>
  Effect.async((resume) => {
    const chunks: Array<Buffer> = []
    let size = 0
    const stop = () => {
      source.off("data", onData)
      source.off("end", onEnd)
      source.off("error", onError)
    }
    function onData(chunk: Buffer) {
      size += chunk.length
      if (size > limit) {
        stop()
        source.pause()
        resume(Effect.fail(new BodyTooLarge({ limit })))
      } else chunks.push(chunk)
    }
    function onEnd() {
      stop()
      resume(Effect.succeed(Buffer.concat(chunks)))
    }
    function onError() {
      stop()
      resume(Effect.fail(new BodyUnreadable()))
    }
    source.on("data", onData)
    source.once("end", onEnd)
    source.once("error", onError)
    return Effect.sync(stop)
  })

// How long a connection whose request was refused unread stays half-closed before it is let go.
const lingerMs = 2000

const lingering = new WeakSet<Socket>()

// Closes the connection of a request whose body was not all received, without reading the rest: Node would read and
// discard it (IncomingMessage#_dump) and then close the socket at once, and a socket closed with bytes unread is
// reset (RST) — a client still sending loses the answer it was sent. Here the body is marked as being read (asking
// for nothing: at most the stream's buffer more is read, then the socket stops reading), and the socket, when Node
// lets it go, closes its side only (the client reads the answer, then the end) and is destroyed a moment later. What
// the client still sends waits unread in the kernel's buffer, which is bounded; the server's memory is not touched.
const closeWithoutReading = (source: IncomingMessage) => {
  const socket = source.socket
  if (lingering.has(socket)) return
  lingering.add(socket)
  source.read(0)
  socket.destroySoon = () => {
    socket.end()
    const timer = setTimeout(() => socket.destroy(), lingerMs)
    timer.unref()
    socket.once("close", () => clearTimeout(timer))
  }
}

// What reading the body ran into, for the edge to answer in place of the app (the API turns a
// body it cannot read into a defect, which must not be answered as a server error).
interface BodyTrouble {
  trouble?: BodyTooLarge | BodyNotJson | BodyUnreadable
}

// The request as the API sees it: its body read at most up to the limit, once.
const guarded = (
  request: HttpServerRequest.HttpServerRequest,
  source: IncomingMessage,
  limit: number,
  seen: BodyTrouble
): HttpServerRequest.HttpServerRequest => {
  let bytes: Effect.Effect<Uint8Array, BodyTooLarge | BodyUnreadable> | undefined
  const noted = <A, E extends BodyTooLarge | BodyNotJson | BodyUnreadable>(effect: Effect.Effect<A, E>) =>
    Effect.tapError(effect, (error) => Effect.sync(() => void (seen.trouble ??= error)))
  const body = () => (bytes ??= Effect.runSync(Effect.cached(noted(readAtMost(source, limit)))))
  const text = () => Effect.map(body(), (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("utf8"))
  return Object.create(request, {
    arrayBuffer: { get: () => Effect.map(body(), (b) => b.slice().buffer) },
    text: { get: text },
    json: {
      get: () =>
        Effect.flatMap(text(), (t) =>
          noted(Effect.try({ try: () => (t === "" ? null : JSON.parse(t) as unknown), catch: () => new BodyNotJson() })))
    },
    urlParamsBody: {
      get: () => Effect.flatMap(text(), (t) => Effect.sync(() => [...new URLSearchParams(t)] as ReadonlyArray<[string, string]>))
    }
  }) as HttpServerRequest.HttpServerRequest
}

// ---------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------

const refusal = (status: number, body: E.ErrorBody, headers: Record<string, string> = {}) =>
  HttpServerResponse.unsafeJson(body, { status, headers })

const tooLarge = (limit: number) =>
  refusal(
    413,
    E.body(
      "PayloadTooLarge",
      `The request body is larger than this server accepts (${limit} bytes)`,
      `요청 본문이 이 서버가 받는 크기(${limit}바이트)보다 큽니다`,
      { limit }
    )
  )

const notJson = refusal(400, E.body("MalformedRequest", "The body is not valid JSON", "본문이 올바른 JSON이 아닙니다"))

const unreadable = refusal(400, E.body("MalformedRequest", "The request body could not be read", "요청 본문을 읽을 수 없습니다"))

const troubleAnswer = (trouble: BodyTooLarge | BodyNotJson | BodyUnreadable) =>
  trouble._tag === "BodyTooLarge" ? tooLarge(trouble.limit) : trouble._tag === "BodyNotJson" ? notJson : unreadable

const tooMany = (limited: RateLimit.RateLimited, what: { readonly en: string; readonly ko: string }) =>
  refusal(
    429,
    E.body(
      "RateLimited",
      `Too many ${what.en}: at most ${limited.limit} in ${limited.windowSeconds} seconds; try again in ${limited.retryAfterSeconds} seconds`,
      `${what.ko} 요청이 너무 많습니다: ${limited.windowSeconds}초에 ${limited.limit}번까지입니다. ${limited.retryAfterSeconds}초 뒤에 다시 해 보세요`,
      { limit: limited.limit, windowSeconds: limited.windowSeconds, retryAfterSeconds: limited.retryAfterSeconds }
    ),
    { "retry-after": String(limited.retryAfterSeconds) }
  )

// ---------------------------------------------------------------------------
// Rate limits
// ---------------------------------------------------------------------------

const pathOf = (url: string) => url.split("?")[0]!

/** Routes that sign in: limited per client address. */
export const isSignIn = (method: string, path: string, appPrefix: string) =>
  method === "POST" && ["/auth/sign-in", "/auth/second-factor", `${appPrefix}/sign-in`, `${appPrefix}/second-factor`].includes(path)

/**
 * The web app's import page: its posts are uploads, which the page reads
 * itself (after checking the session and the role) up to the import limit,
 * answering a body over it with its own page rather than this edge's JSON;
 * the form itself tells the person the limit.
 */
export const isImportPage = (path: string, appPrefix: string) => path === `${appPrefix}/import` || path.startsWith(`${appPrefix}/import/`)

/** Routes whose answers cost the server much (a report, a ranking, a ledger, the access log): limited per caller. */
export const isHeavy = (method: string, path: string) =>
  path.startsWith("/reports/") ||
  /^\/(seekers|openings)\/[^/]+\/matches$/.test(path) ||
  ["/follow-ups/ledger", "/audit", "/access-records"].includes(path) ||
  (method === "POST" && path === "/retention/sweep")

// Who is asking: their credential (as a digest, never stored as given), or else their address.
const callerKey = (request: HttpServerRequest.HttpServerRequest, address: string | undefined) => {
  const credential = request.headers["authorization"] ?? request.cookies["iljari_session"]
  return credential === undefined || credential === ""
    ? `address:${address ?? "unknown"}`
    : `caller:${createHash("sha256").update(credential).digest("base64url").slice(0, 32)}`
}

const limit = (key: string, rule: RateLimit.Rule, what: { readonly en: string; readonly ko: string }) =>
  RateLimit.take(key, rule).pipe(
    Effect.as(Option.none<HttpServerResponse.HttpServerResponse>()),
    Effect.catchTags({
      RateLimited: (limited) => Effect.succeed(Option.some(tooMany(limited, what))),
      // A store that cannot count lets the request through: the request itself will meet the store's state.
      PersistenceError: (error) => Effect.as(Effect.logWarning("Rate limit not counted", error.message), Option.none())
    })
  )

// ---------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------

const errorRef = { $ref: "#/components/schemas/Error" }

const minutes = (window: Duration.DurationInput) => {
  const n = Duration.toMinutes(window)
  return n === 1 ? "a minute" : `${n} minutes`
}

const mib = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`)

/**
 * What the edge may answer, in the API's document: a 413 `PayloadTooLarge`
 * on every operation that takes a body, and a 429 `RateLimited` (with
 * `Retry-After`) on the sign-in and the expensive routes, each in the one
 * error shape, as the edge's defaults have them.
 */
export const documentEdge = (spec: OpenApi.OpenAPISpec): OpenApi.OpenAPISpec => {
  const paths = structuredClone(spec.paths)
  for (const [path, item] of Object.entries(paths)) {
    // A path as a request names it: any value in place of each parameter.
    const concrete = path.replace(/\{[^}]+\}/g, "x")
    for (const [method, operation] of Object.entries(item as Record<string, OpenApi.OpenAPISpecOperation>)) {
      if (operation.requestBody !== undefined) {
        const limit = concrete.startsWith("/auth/") ? publicBodyLimit : defaults.bodyLimit
        operation.responses[413] = {
          description: `The request body is over the server's limit (${mib(limit)}${
            limit === defaults.bodyLimit ? " unless the server sets another" : " on the routes anyone may call"
          }): PayloadTooLarge, with the limit in bytes`,
          content: { "application/json": { schema: errorRef } }
        }
      }
      const upper = method.toUpperCase()
      const rule = isSignIn(upper, concrete, "") ? { rule: defaults.signInLimit, per: "sign-in attempts from one address" }
        : isHeavy(upper, concrete) ? { rule: defaults.heavyLimit, per: "expensive requests (reports, rankings, ledgers, logs) from one caller" }
        : undefined
      if (rule !== undefined) {
        operation.responses[429] = {
          description: `Too many ${rule.per} (${rule.rule.limit} in ${minutes(rule.rule.window)} unless the server sets another limit): RateLimited, with limit, windowSeconds and retryAfterSeconds`,
          content: { "application/json": { schema: errorRef } },
          headers: {
            "Retry-After": { description: "Seconds until a request may be made again", required: true, schema: { type: "integer", minimum: 1 } }
          }
        } as OpenApi.OpenApiSpecResponse
      }
    }
  }
  return { ...spec, paths }
}

// ---------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------

/** The Content-Security-Policy of the server's own HTML (the report, the API reference). */
export const htmlPolicy = (scriptHashes: ReadonlyArray<string> = []) =>
  [
    "default-src 'none'",
    `script-src 'self'${scriptHashes.map((hash) => ` '${hash}'`).join("")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'"
  ].join("; ")

// The hashes of an HTML page's inline scripts, so that its policy allows those and nothing else.
const inlineScriptHashes = (html: string): ReadonlyArray<string> =>
  [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => `sha256-${createHash("sha256").update(m[1]!).digest("base64")}`)

const secured = (response: HttpServerResponse.HttpServerResponse, settings: Settings): HttpServerResponse.HttpServerResponse => {
  const set: Record<string, string> = {}
  const has = (name: string) => response.headers[name] !== undefined
  if (!has("x-content-type-options")) set["x-content-type-options"] = "nosniff"
  if (!has("referrer-policy")) set["referrer-policy"] = "no-referrer"
  // Personal data must not stay in a browser's or a proxy's cache; only an answer that chose its own caching keeps it.
  if (!has("cache-control")) set["cache-control"] = "no-store"
  const type = response.body._tag === "Empty" ? response.headers["content-type"] : response.body.contentType
  if ((type ?? "").startsWith("text/html") && !has("content-security-policy")) {
    const html = response.body._tag === "Uint8Array" ? new TextDecoder().decode(response.body.body) : ""
    set["content-security-policy"] = htmlPolicy(inlineScriptHashes(html))
    if (!has("x-frame-options")) set["x-frame-options"] = "DENY"
  }
  if (settings.tls && !has("strict-transport-security")) set["strict-transport-security"] = "max-age=31536000; includeSubDomains"
  return Object.keys(set).length === 0 ? response : HttpServerResponse.setHeaders(response, set)
}

// ---------------------------------------------------------------------------
// The middleware
// ---------------------------------------------------------------------------

/**
 * The edge around the server's app: the client's address, the body limit,
 * the rate limits and the security headers (see the module's comment).
 */
export const edge = (options: { readonly appPrefix: string }) =>
<E, R>(app: HttpApp.Default<E, R>): HttpApp.Default<E, R | RateLimit.RateLimits> =>
  Effect.gen(function*() {
    const settings = yield* EdgeSettings
    const original = yield* HttpServerRequest.HttpServerRequest
    const source = nodeSource(original)
    const path = pathOf(original.url)
    // What every answer leaves with: the security headers; and, when the request's body was not all received, the
    // connection closes without the rest being read.
    const finish = (response: HttpServerResponse.HttpServerResponse) => {
      const out = secured(response, settings)
      if (source === undefined || source.complete) return out
      closeWithoutReading(source)
      return HttpServerResponse.setHeader(out, "connection", "close")
    }
    const seen: BodyTrouble = {}
    // The app's answer is sent as the app returns it (this middleware wraps an app whose answers, failures included,
    // are already sent), so the answer is finished here, in a pre-response handler: a body the API could not read
    // (too large, not JSON) is answered with its refusal, not with the server error the API made of it.
    yield* HttpApp.appendPreResponseHandler((_request, response) =>
      Effect.succeed(finish(seen.trouble === undefined ? response : troubleAnswer(seen.trouble)))
    )
    const peer = Option.getOrUndefined(original.remoteAddress)
    const address = clientAddress(peer, original.headers["x-forwarded-for"], settings.trustedProxy)
    const request = address === peer || address === undefined ? original : original.modify({ remoteAddress: address })

    const importPage = isImportPage(path, options.appPrefix)
    const bodyLimit = path.startsWith("/auth/") || isSignIn(original.method, path, options.appPrefix)
      ? publicBodyLimit
      : importPage
      ? settings.importBodyLimit
      : settings.bodyLimit
    const declared = Number(original.headers["content-length"] ?? "0")
    // The refusals made here, before the app runs, are sent as they are returned: they are finished here.
    // An import upload over its limit is the page's to refuse (it reads nothing either): it explains it in Korean.
    if (!importPage && Number.isFinite(declared) && declared > bodyLimit) return finish(tooLarge(bodyLimit))

    const refused = isSignIn(original.method, path, options.appPrefix)
      ? yield* limit(`sign-in:${address ?? "unknown"}`, settings.signInLimit, { en: "sign-in attempts", ko: "로그인" })
      : isHeavy(original.method, path)
      ? yield* limit(`heavy:${callerKey(original, address)}`, settings.heavyLimit, { en: "expensive requests (reports, rankings, ledgers)", ko: "보고서·추천·대장" })
      : Option.none()
    if (Option.isSome(refused)) return finish(refused.value)

    const guardedRequest = source === undefined ? request : guarded(request, source, bodyLimit, seen)
    const exit = yield* Effect.exit(
      Effect.provideService(app, HttpServerRequest.HttpServerRequest, guardedRequest).pipe(
        HttpServerRequest.withMaxBodySize(Option.some(bodyLimit))
      )
    )
    // Already sent by the pre-response handler; returned as well, so that the access log records the refusal, not a failure.
    if (seen.trouble !== undefined) return troubleAnswer(seen.trouble)
    return yield* exit
  })
