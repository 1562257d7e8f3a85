/**
 * The server's edge as a hostile or a careless client meets it: bodies too
 * large (refused before they are read, the server's memory unmoved), the
 * security headers on personal data and on HTML, client addresses behind a
 * trusted proxy, and the rate limits of sign-in and of the expensive routes.
 */
import { HttpClient, HttpClientRequest, HttpServer } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Audit, type Ids, type Repositories } from "@iljari/core"
import { Duration, Effect, Layer } from "effect"
import { type ChildProcess, spawn } from "node:child_process"
import { get as httpGet } from "node:http"
import { connect } from "node:net"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { clientAddress, networks } from "../src/Edge.js"
import { apiToken, memoryStorage, serverWith, signIn, staffLogin } from "./server.js"

const here = dirname(fileURLToPath(import.meta.url))
const MB = 1024 * 1024
const seongdong = "11200" as Ids.DistrictId

interface Outcome {
  readonly status: number | undefined
  readonly headers: Record<string, string>
  readonly body: string
  /** Body bytes handed to the socket when the first byte of the answer arrived. */
  readonly sentAtAnswer: number | undefined
  /** Body bytes handed to the socket before the server closed the connection (or the client gave up). */
  readonly sent: number
  readonly answeredAfterMs: number | undefined
  /** Whether the server closed the connection (its side of it), rather than keeping it or leaving the client waiting. */
  readonly closedByServer: boolean
}

/**
 * Sends a request with a large body over a raw socket, as fast as the
 * server takes it, and notes how much was sent when the answer came and
 * when the server closed the connection. It stops when the server closes
 * its side (a server that does so without reading the rest would leave the
 * client's last bytes unsent for ever), when a whole answer has come on a
 * connection the server keeps open, or after 10 seconds.
 */
const sendLarge = (port: number, options: {
  readonly path: string
  readonly headers?: Record<string, string>
  readonly bytes: number
  readonly chunked: boolean
}) =>
  Effect.async<Outcome>((resume) => {
    const socket = connect(port, "127.0.0.1")
    const started = Date.now()
    const piece = Buffer.alloc(64 * 1024, 0x20)
    let sent = 0
    let sentAtAnswer: number | undefined
    let answeredAfterMs: number | undefined
    let received = Buffer.alloc(0)
    let closed = false
    const pump = () => {
      while (!closed && sent < options.bytes) {
        const part = piece.subarray(0, Math.min(piece.length, options.bytes - sent))
        const ok = socket.write(options.chunked ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from("\r\n")]) : part)
        sent += part.length
        if (!ok) return void socket.once("drain", pump)
      }
      if (!closed && options.chunked) socket.write("0\r\n\r\n")
    }
    const answer = () => {
      const text = received.toString("utf8")
      const end = text.indexOf("\r\n\r\n")
      const [statusLine = "", ...lines] = (end < 0 ? text : text.slice(0, end)).split("\r\n")
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]))
      const body = end < 0 ? "" : text.slice(end + 4)
      return { status: Number(statusLine.split(" ")[1]) || undefined, headers, body, whole: end >= 0 && Buffer.byteLength(body) >= Number(headers["content-length"] ?? Infinity) }
    }
    const done = (closedByServer: boolean) => {
      if (closed) return
      closed = true
      clearTimeout(timer)
      socket.destroy()
      const { status, headers, body } = answer()
      resume(Effect.succeed({ status, headers, body, sentAtAnswer, sent, answeredAfterMs, closedByServer }))
    }
    const timer = setTimeout(() => done(false), 10_000)
    socket.on("connect", () => {
      const head = {
        host: `127.0.0.1:${port}`,
        "content-type": "application/json",
        ...(options.chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(options.bytes) }),
        ...options.headers
      }
      socket.write(`POST ${options.path} HTTP/1.1\r\n${Object.entries(head).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`)
      pump()
    })
    socket.on("data", (data) => {
      if (sentAtAnswer === undefined) {
        sentAtAnswer = sent
        answeredAfterMs = Date.now() - started
      }
      received = Buffer.concat([received, data])
      const { headers, whole } = answer()
      // A whole answer on a connection the server keeps: nothing more is coming.
      if (whole && headers["connection"] !== "close") done(false)
    })
    socket.on("error", () => {})
    // The server closed its side (or reset the connection): the answer, if any, is all here.
    socket.on("end", () => done(true))
    socket.on("close", () => done(true))
    return Effect.sync(() => {
      closed = true
      clearTimeout(timer)
      socket.destroy()
    })
  })

// The real server, with its HTTP server in reach (for the raw-socket requests).
const server = (options: Parameters<typeof serverWith>[0]) =>
  serverWith(options) as unknown as Layer.Layer<HttpClient.HttpClient | HttpServer.HttpServer | Repositories.Ports>

const portOf = Effect.map(HttpServer.HttpServer, (server) => (server.address as HttpServer.TcpAddress).port)

const get = (path: string, headers: Record<string, string> = {}) =>
  Effect.flatMap(HttpClient.HttpClient, (http) =>
    Effect.flatMap(http.execute(HttpClientRequest.get(path).pipe(HttpClientRequest.setHeaders(headers))), (response) =>
      Effect.map(response.text, (text) => ({ status: response.status, headers: response.headers, text }))))

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  Effect.flatMap(HttpClient.HttpClient, (http) =>
    Effect.flatMap(
      http.execute(HttpClientRequest.post(path).pipe(HttpClientRequest.setHeaders(headers), HttpClientRequest.bodyUnsafeJson(body))),
      (response) => Effect.map(response.text, (text) => ({ status: response.status, headers: response.headers, text }))
    ))

const bearer = (scope: "read" | "write" = "write", district = "11200") => ({ authorization: `Bearer ${apiToken(scope, district)}` })

// ---------------------------------------------------------------------------
// The server in a process of its own: its memory, seen from outside
// ---------------------------------------------------------------------------

class Child {
  private lines: Array<string> = []
  private waiting: Array<(line: string) => void> = []
  constructor(readonly process: ChildProcess) {
    let buffer = ""
    process.stdout!.on("data", (data: Buffer) => {
      buffer += data.toString("utf8")
      let newline: number
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        if (!line.startsWith("rss ")) continue
        const next = this.waiting.shift()
        if (next === undefined) this.lines.push(line)
        else next(line)
      }
    })
  }
  rss(): Promise<number> {
    return new Promise((resolve) => {
      this.waiting.push((line) => resolve(Number(line.slice(4))))
      this.process.stdin!.write("rss\n")
    })
  }
}

// Whether the server answers on the port. The port opens a moment before the server answers on it (a request
// then waits for ever), so each probe gives up after a second.
const answers = (port: number) =>
  Effect.async<boolean>((resume) => {
    const probe = httpGet({ host: "127.0.0.1", port, path: "/openapi.json", timeout: 1000 }, (response) => {
      response.resume()
      resume(Effect.succeed(response.statusCode === 200))
    })
    probe.on("timeout", () => probe.destroy())
    probe.on("error", () => resume(Effect.succeed(false)))
    return Effect.sync(() => probe.destroy())
  })

const startChild = (port: number) =>
  Effect.gen(function*() {
    const child = yield* Effect.acquireRelease(
      Effect.sync(() =>
        new Child(spawn(process.execPath, ["--expose-gc", "--import", "tsx", "--conditions=@iljari/source", join(here, "edgeServer.ts"), String(port)], {
          cwd: join(here, ".."),
          stdio: ["pipe", "pipe", "inherit"]
        }))
      ),
      // Closing its input ends it too, should the signal be lost.
      (child) => Effect.sync(() => (child.process.stdin!.end(), child.process.kill()))
    )
    for (let i = 0; i < 600; i++) {
      if (yield* answers(port)) return child
      yield* Effect.sleep(Duration.millis(100))
    }
    return yield* Effect.dieMessage("the edge test server did not start")
  })

describe("the edge, measured from outside the server's process", () => {
  it.live("refuses a 20 MB unauthenticated body before reading it, and the server's memory does not grow", () =>
    Effect.gen(function*() {
      const port = 5100 + Math.floor(Math.random() * 40)
      const child = yield* startChild(port)
      // Warm up the paths the refusals take, then measure.
      for (let i = 0; i < 3; i++) {
        yield* sendLarge(port, { path: "/seekers", bytes: 64 * 1024, chunked: true })
        yield* sendLarge(port, { path: "/seekers", bytes: 2 * MB, chunked: false })
      }
      const before = yield* Effect.promise(() => child.rss())

      // No length declared (chunked): authentication fails, the body is never read, the connection closes.
      const chunked = yield* sendLarge(port, { path: "/seekers", bytes: 20 * MB, chunked: true })
      expect(chunked.status).toBe(401)
      expect(JSON.parse(chunked.body)).toMatchObject({ _tag: "Unauthorized", message: expect.any(String), messageKo: expect.any(String) })
      expect(chunked.headers["connection"]).toBe("close")
      expect(chunked.closedByServer).toBe(true)
      expect(chunked.sentAtAnswer!).toBeLessThan(10 * MB)
      expect(chunked.sent).toBeLessThan(10 * MB)

      // A declared length over the limit: 413 at once.
      const declared = yield* sendLarge(port, { path: "/seekers", bytes: 20 * MB, chunked: false })
      expect(declared.status).toBe(413)
      expect(JSON.parse(declared.body)).toMatchObject({ _tag: "PayloadTooLarge", messageKo: expect.stringContaining("본문") })
      expect(declared.headers["connection"]).toBe("close")
      expect(declared.closedByServer).toBe(true)
      expect(declared.sent).toBeLessThan(10 * MB)

      const after = yield* Effect.promise(() => child.rss())
      expect(after - before).toBeLessThan(8 * MB)
    }).pipe(Effect.scoped), { timeout: 60_000 })
})

// ---------------------------------------------------------------------------
// In process
// ---------------------------------------------------------------------------

describe("the edge, in process", () => {
  it.effect("refuses an authenticated body over the limit with 413 as soon as it passes it, and still reads one under it", () =>
    Effect.gen(function*() {
      const port = yield* portOf
      // The body is read up to the limit and no further: the client's 20 MB stop at what the kernel's buffers hold.
      const over = yield* sendLarge(port, { path: "/seekers", bytes: 20 * MB, chunked: true, headers: bearer() })
      expect(over.status).toBe(413)
      expect(JSON.parse(over.body)).toEqual({
        _tag: "PayloadTooLarge",
        message: "The request body is larger than this server accepts (1048576 bytes)",
        messageKo: "요청 본문이 이 서버가 받는 크기(1048576바이트)보다 큽니다",
        limit: 1048576
      })
      expect([over.headers["connection"], over.closedByServer]).toEqual(["close", true])
      expect(over.sent).toBeLessThan(10 * MB)
      // Under the limit, a body is read and decoded as before: here it is not JSON.
      const notJson = yield* sendLarge(port, { path: "/seekers", bytes: 1000, chunked: true, headers: bearer() })
      expect(notJson.status).toBe(400)
      expect(JSON.parse(notJson.body)).toMatchObject({ _tag: "MalformedRequest" })
      // A body that decodes is still answered by the API.
      const invalid = yield* postJson("/seekers", { name: "" }, bearer())
      expect(invalid.status).toBe(400)
      expect(JSON.parse(invalid.text)._tag).toBe("ValidationError")
    }).pipe(Effect.provide(server({ storage: memoryStorage() }))), { timeout: 60_000 })

  it.effect("leaves an import upload to the web app: unread for a stranger, refused in Korean over its own limit, read under it", () =>
    Effect.gen(function*() {
      const port = yield* portOf
      const multipart = { "content-type": "multipart/form-data; boundary=x" }
      // Not signed in: sent to sign in, the body never read, the connection closed.
      const stranger = yield* sendLarge(port, { path: "/app/import/read", bytes: 20 * MB, chunked: false, headers: multipart })
      expect(stranger.status).toBe(303)
      expect(stranger.headers["location"]).toBe("/app/sign-in?next=%2F")
      expect([stranger.headers["connection"], stranger.closedByServer]).toEqual(["close", true])
      expect(stranger.sent).toBeLessThan(10 * MB)
      // A manager: a declared length over the import limit (2 MB here) is refused by the page, in Korean, unread.
      const { cookie, csrfToken } = yield* signIn(staffLogin("manager"))
      const manager = { ...multipart, cookie: `iljari_session=${cookie}`, "x-csrf-token": csrfToken, "hx-request": "true" }
      const over = yield* sendLarge(port, { path: "/app/import/read", bytes: 20 * MB, chunked: false, headers: manager })
      expect(over.status).toBe(413)
      expect(over.headers["content-type"]).toBe("text/html; charset=utf-8")
      expect(over.body).toContain("파일이 너무 큽니다. 한 번에 2MB까지 올릴 수 있습니다")
      expect([over.headers["connection"], over.closedByServer]).toEqual(["close", true])
      // The client's 20 MB stop at what the kernel's buffers hold.
      expect(over.sent).toBeLessThan(10 * MB)
      // Over the API's limit (1 MiB) but under the import limit: read whole, and found to be no form.
      const under = yield* sendLarge(port, { path: "/app/import/read", bytes: 1.5 * MB, chunked: false, headers: manager })
      expect(under.status).toBe(400)
      expect(under.body).toContain("보낸 양식을 읽을 수 없습니다")
      // Elsewhere the API's limit still holds.
      const elsewhere = yield* sendLarge(port, { path: "/app/seekers/search", bytes: 1.5 * MB, chunked: false, headers: manager })
      expect(elsewhere.status).toBe(413)
    }).pipe(Effect.provide(server({ storage: memoryStorage(), edge: { importBodyLimit: 2 * MB } }))), { timeout: 60_000 })

  it.effect("marks personal data no-store and nosniff, and gives HTML a script policy with no inline script but its own", () =>
    Effect.gen(function*() {
      const seekers = yield* get("/seekers?limit=1", bearer("read"))
      expect(seekers.status).toBe(200)
      expect(seekers.headers["cache-control"]).toBe("no-store")
      expect(seekers.headers["x-content-type-options"]).toBe("nosniff")
      expect(seekers.headers["referrer-policy"]).toBe("no-referrer")
      expect(seekers.headers["strict-transport-security"]).toBeUndefined()
      const refused = yield* get("/seekers?limit=1")
      expect([refused.status, refused.headers["cache-control"], refused.headers["x-content-type-options"]]).toEqual([401, "no-store", "nosniff"])

      const report = yield* get("/reports/results.html?month=2026-05", bearer("read"))
      expect(report.status).toBe(200)
      expect(report.headers["cache-control"]).toBe("no-store")
      const policy = report.headers["content-security-policy"] ?? ""
      expect(policy).toContain("default-src 'none'")
      expect(policy).toContain("frame-ancestors 'none'")
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/)
      const csv = yield* get("/reports/results.csv?month=2026-05", bearer("read"))
      expect([csv.status, csv.headers["cache-control"], csv.headers["x-content-type-options"]]).toEqual([200, "no-store", "nosniff"])

      // The API reference runs its own inline scripts offline: the policy names each by its hash, and nothing else.
      const docs = yield* get("/docs")
      const scripts = [...docs.text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].length
      const hashes = (docs.headers["content-security-policy"] ?? "").match(/'sha256-[^']+'/g) ?? []
      expect(scripts).toBeGreaterThan(0)
      expect(hashes.length).toBe(scripts)
      expect(docs.headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    }).pipe(Effect.provide(server({ storage: memoryStorage() }))), { timeout: 60_000 })

  it.effect("sends HSTS when the server is reached over TLS", () =>
    Effect.gen(function*() {
      const answer = yield* get("/seekers?limit=1", bearer("read"))
      expect(answer.headers["strict-transport-security"]).toMatch(/^max-age=\d+/)
    }).pipe(Effect.provide(server({ storage: memoryStorage(), edge: { tls: true } }))), { timeout: 60_000 })

  const originsOfTokenUse = Effect.map(
    Effect.flatMap(Audit.AuditLog, (log) => log.list(seongdong)),
    (entries) => entries.filter((e) => e.action === "token-use").map((e) => e.origin)
  )

  it.effect("records the socket's address and ignores X-Forwarded-For when the peer is not a trusted proxy", () =>
    Effect.gen(function*() {
      yield* get("/seekers?limit=1", { ...bearer("read"), "x-forwarded-for": "203.0.113.9" })
      const origins = yield* originsOfTokenUse
      expect(origins.length).toBeGreaterThan(0)
      expect(origins.every((o) => o === "127.0.0.1" || o === "::ffff:127.0.0.1" || o === "::1")).toBe(true)
    }).pipe(Effect.provide(server({ storage: memoryStorage(), edge: { trustedProxy: networks(["10.0.0.0/8"]) } }))), { timeout: 60_000 })

  it.effect("records the client's address from X-Forwarded-For when the peer is a trusted proxy, the rightmost untrusted hop", () =>
    Effect.gen(function*() {
      // What the client wrote (198.51.100.66) is left of the address its proxy saw (203.0.113.9).
      yield* get("/seekers?limit=1", { ...bearer("read"), "x-forwarded-for": "198.51.100.66, 203.0.113.9, 10.1.2.3" })
      expect(yield* originsOfTokenUse).toContain("203.0.113.9")
      expect(yield* originsOfTokenUse).not.toContain("198.51.100.66")
    }).pipe(Effect.provide(server({ storage: memoryStorage(), edge: { trustedProxy: networks(["127.0.0.0/8", "::1", "10.0.0.0/8"]) } }))), {
      timeout: 60_000
    })

  it.effect("limits the expensive routes per caller, answering 429 with Retry-After in the one error shape", () =>
    Effect.gen(function*() {
      const csv = "/reports/results.csv?month=2026-05"
      expect((yield* get(csv, bearer("read"))).status).toBe(200)
      expect((yield* get(csv, bearer("read"))).status).toBe(200)
      const third = yield* get(csv, bearer("read"))
      expect(third.status).toBe(429)
      expect(Number(third.headers["retry-after"])).toBeGreaterThan(0)
      expect(Number(third.headers["retry-after"])).toBeLessThanOrEqual(60)
      expect(JSON.parse(third.text)).toMatchObject({ _tag: "RateLimited", limit: 2, windowSeconds: 60, messageKo: expect.stringContaining("너무 많습니다") })
      // Another caller counts apart, and cheap routes are not limited.
      expect((yield* get(csv, bearer("write"))).status).toBe(200)
      expect((yield* get("/seekers?limit=1", bearer("read"))).status).toBe(200)
    }).pipe(Effect.provide(server({ storage: memoryStorage(), edge: { heavyLimit: { limit: 2, window: Duration.minutes(1) } } }))), {
      timeout: 60_000
    })

  it.effect("limits sign-in attempts per client address, the address behind a trusted proxy", () =>
    Effect.gen(function*() {
      const attempt = (from: string) =>
        Effect.map(postJson("/auth/sign-in", { login: staffLogin("counselor"), password: "Wrong#Password-1" }, { "x-forwarded-for": from }), (r) => r.status)
      expect(yield* attempt("203.0.113.9")).toBe(401)
      expect(yield* attempt("203.0.113.9")).toBe(401)
      expect(yield* attempt("203.0.113.9")).toBe(429)
      // Another office's address is not held back by the first one's attempts.
      expect(yield* attempt("198.51.100.7")).toBe(401)
    }).pipe(Effect.provide(server({
      storage: memoryStorage(),
      edge: { trustedProxy: networks(["127.0.0.0/8", "::1"]), signInLimit: { limit: 2, window: Duration.minutes(10) } }
    }))), { timeout: 60_000 })
})

describe("the client's address", () => {
  const trusted = networks(["10.0.0.0/8", "192.0.2.1"])
  it("is the peer's unless the peer is a trusted proxy", () => {
    expect(clientAddress("203.0.113.5", "198.51.100.1", trusted)).toBe("203.0.113.5")
    expect(clientAddress("10.0.0.2", "198.51.100.1", trusted)).toBe("198.51.100.1")
    expect(clientAddress("::ffff:10.0.0.2", "198.51.100.1", trusted)).toBe("198.51.100.1")
    expect(clientAddress("10.0.0.2", undefined, trusted)).toBe("10.0.0.2")
  })
  it("is the rightmost hop that is not a trusted proxy, and never a hop left of it", () => {
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.1, 192.0.2.1, 10.9.9.9", trusted)).toBe("198.51.100.1")
    expect(clientAddress("10.0.0.2", "10.0.0.3, 10.0.0.4", trusted)).toBe("10.0.0.3")
    expect(clientAddress("10.0.0.2", "1.1.1.1, not-an-address", trusted)).toBe("10.0.0.2")
  })
  it("refuses a setting that is not an address or a network", () => {
    expect(() => networks(["10.0.0.0/8", "proxy.local"])).toThrow(/CIDR/)
  })
})
