/**
 * The provider peer of the fleet fault test: a real HTTP server that takes
 * deliveries from `httpNotifier.ts`, honours idempotency keys (a key it has
 * accepted is answered as a duplicate and not delivered again), fails a
 * seeded share of the other requests transiently, and records every request.
 * It knows the dispatchers' clock offset, so it checks on its own clock that
 * no non-urgent message is delivered before the quiet hours end.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export interface PeerRequest {
  readonly key: string
  readonly worker: string
  /** The dispatchers' time (real time plus their offset) when the request arrived. */
  readonly at: number
  readonly outcome: "accepted" | "duplicate" | "failed"
}

export interface PeerOptions {
  readonly seed: number
  readonly failureRate: number
  /** The dispatchers' clock (the real time plus their offset). */
  readonly now: () => number
  /** The end of the quiet hours, on the dispatchers' clock. */
  readonly quietUntil: number
  /** Keys of the urgent messages, which may go in quiet hours. */
  readonly urgent: ReadonlySet<string>
  /** Called when a key is accepted, before the answer goes out. */
  readonly onAccept?: (request: PeerRequest, accepted: number) => void
}

export interface Peer {
  readonly url: string
  readonly requests: ReadonlyArray<PeerRequest>
  /** The first (and only) acceptance of each key. */
  readonly accepted: ReadonlyMap<string, PeerRequest>
  /** Non-urgent deliveries accepted before `quietUntil`. */
  readonly deliveredInQuietHours: ReadonlyArray<PeerRequest>
  readonly close: () => Promise<void>
}

// Whether the n-th request for a key fails: a hash of (seed, key, n), so the
// same run fails the same requests whatever order they arrive in.
const fails = (seed: number, key: string, n: number, rate: number) => {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (const char of `${key}#${n}`) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296 < rate
}

export const startPeer = (options: PeerOptions): Promise<Peer> =>
  new Promise((resolve) => {
    const requests: Array<PeerRequest> = []
    const accepted = new Map<string, PeerRequest>()
    const attempts = new Map<string, number>()
    const deliveredInQuietHours: Array<PeerRequest> = []
    const answer = (response: ServerResponse, status: number, body: object) => {
      if (response.destroyed) return
      response.writeHead(status, { "Content-Type": "application/json" })
      response.end(JSON.stringify(body))
    }
    const sockets = new WeakSet<object>()
    const server = createServer((request: IncomingMessage, response) => {
      // A killed dispatcher resets its connections.
      if (!sockets.has(request.socket)) {
        sockets.add(request.socket)
        request.socket.on("error", () => {})
      }
      let body = ""
      request.on("data", (chunk: Buffer) => (body += chunk.toString()))
      request.on("end", () => {
        const key = String(request.headers["idempotency-key"] ?? "")
        const worker = String(request.headers["x-worker"] ?? "")
        const at = options.now()
        if (key === "" || JSON.parse(body).idempotencyKey !== key) {
          return answer(response, 400, { error: "an Idempotency-Key header matching the delivery is required" })
        }
        const before = accepted.get(key)
        if (before !== undefined) {
          requests.push({ key, worker, at, outcome: "duplicate" })
          return answer(response, 200, { providerId: `peer-${key}`, duplicate: true })
        }
        const n = (attempts.get(key) ?? 0) + 1
        attempts.set(key, n)
        if (fails(options.seed, key, n, options.failureRate)) {
          requests.push({ key, worker, at, outcome: "failed" })
          return answer(response, 503, { error: "try again later" })
        }
        const record: PeerRequest = { key, worker, at, outcome: "accepted" }
        requests.push(record)
        accepted.set(key, record)
        if (!options.urgent.has(key) && at < options.quietUntil) deliveredInQuietHours.push(record)
        options.onAccept?.(record, accepted.size)
        answer(response, 201, { providerId: `peer-${key}`, duplicate: false })
      })
    })
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/deliveries`,
        requests,
        accepted,
        deliveredInQuietHours,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          })
      }))
  })
