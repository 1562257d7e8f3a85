/**
 * The provider peer of the fleet fault test: a real HTTP server that takes
 * deliveries from `httpNotifier.ts`, honours idempotency keys (a key it has
 * accepted is answered as a duplicate and not delivered again), fails a
 * seeded share of the other requests transiently, and records every request.
 * It knows the dispatchers' clock offset, so it checks on its own clock that
 * no non-urgent message is delivered before the quiet hours end.
 *
 * Below it, `startSolapiPeer`: a peer that speaks SOLAPI's API, for the
 * 알림톡 adapter driven through SOLAPI's real SDK.
 */
import { createHmac } from "node:crypto"
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

// ---------------------------------------------------------------------------
// A peer that speaks SOLAPI's API as its SDK (v6) calls it: POST
// /messages/v4/send-many/detail and GET /messages/v4/list, signed with
// HMAC-SHA256 over date and salt. It plays SOLAPI's 대체발송: an 알림톡 to a
// number without KakaoTalk fails and its substitute SMS/LMS (the message's
// `replacements`) goes out instead, recorded as a second message with
// `replacement: true` and the same customFields. Faults are queued per
// endpoint. The result codes (2000 accepted, 4000 received, 3104 for a number
// without KakaoTalk) are this peer's stand-ins for SOLAPI's.

export type SolapiFault =
  | "server-error" // 500 with SOLAPI's error body: the SDK raises ServerError
  | "client-error" // 400 with SOLAPI's error body: the SDK raises ClientError
  | "hang" // never answers, registers nothing
  | "accept-then-hang" // registers and delivers the messages, then never answers

export interface PhoneDelivery {
  readonly to: string
  readonly via: "kakao" | "SMS" | "LMS"
  readonly key: string
  readonly text?: string
}

export interface SolapiPeerOptions {
  readonly apiKey: string
  readonly apiSecret: string
  /** Numbers (digits only) with KakaoTalk, which receive 알림톡. */
  readonly kakaoUsers: ReadonlySet<string>
  /** Template ids Kakao approved; others are refused at registration. */
  readonly approved: ReadonlySet<string>
  /** Milliseconds between acceptance and the result. */
  readonly reportAfter?: number
}

export interface SolapiPeer {
  /** Where api.solapi.com's requests go (with a trailing slash). */
  readonly url: string
  /** What reached a phone, in order. */
  readonly deliveries: ReadonlyArray<PhoneDelivery>
  readonly requests: ReadonlyArray<{ readonly method: string; readonly path: string; readonly fault?: SolapiFault }>
  readonly fail: (endpoint: "send" | "list", fault: SolapiFault) => void
  readonly close: () => Promise<void>
}

interface Stored {
  readonly messageId: string
  readonly groupId: string
  readonly type: string
  readonly to: string
  readonly from: string
  readonly text: string | null
  statusCode: string
  reason: string | null
  readonly replacement: boolean
  readonly customFields: Record<string, string>
  readonly dateCreated: string
}

export const startSolapiPeer = (options: SolapiPeerOptions): Promise<SolapiPeer> =>
  new Promise((resolve) => {
    const deliveries: Array<PhoneDelivery> = []
    const requests: Array<{ method: string; path: string; fault?: SolapiFault }> = []
    const faults = { send: [] as Array<SolapiFault>, list: [] as Array<SolapiFault> }
    const stored = new Map<string, Stored>()
    let sequence = 0
    const id = (prefix: string) => `${prefix}4V20260302${String(++sequence).padStart(6, "0")}LOCAL`
    const answer = (response: ServerResponse, status: number, body: object) => {
      if (response.destroyed) return
      response.writeHead(status, { "Content-Type": "application/json" })
      response.end(JSON.stringify(body))
    }
    const signed = (header: string) => {
      const m = /^HMAC-SHA256 apiKey=(\S+), date=(\S+), salt=(\S+), signature=([0-9a-f]+)$/.exec(header)
      return m !== null && m[1] === options.apiKey &&
        createHmac("sha256", options.apiSecret).update(m[2]! + m[3]!).digest("hex") === m[4]
    }
    const settle = (message: Stored, replacements: ReadonlyArray<{ type?: string; text?: string }>) => {
      const key = message.customFields["idempotencyKey"] ?? ""
      if (message.type !== "ATA") {
        message.statusCode = "4000"
        deliveries.push({ to: message.to, via: message.type === "LMS" ? "LMS" : "SMS", key, ...(message.text === null ? {} : { text: message.text }) })
        return
      }
      if (options.kakaoUsers.has(message.to)) {
        message.statusCode = "4000"
        deliveries.push({ to: message.to, via: "kakao", key })
        return
      }
      message.statusCode = "3104"
      message.reason = "카카오톡 미사용자"
      const substitute = replacements[0]
      if (substitute === undefined) return
      const type = substitute.type === "LMS" ? "LMS" : "SMS"
      const sms: Stored = {
        messageId: id("M"),
        groupId: message.groupId,
        type,
        to: message.to,
        from: message.from,
        text: substitute.text ?? null,
        statusCode: "4000",
        reason: null,
        replacement: true,
        customFields: message.customFields,
        dateCreated: new Date().toISOString()
      }
      stored.set(sms.messageId, sms)
      deliveries.push({ to: message.to, via: type, key, ...(substitute.text === undefined ? {} : { text: substitute.text }) })
    }
    const send = (body: any, response: ServerResponse, fault: SolapiFault | undefined) => {
      const groupId = id("G")
      const failed: Array<object> = []
      const accepted: Array<Stored> = []
      for (const m of body.messages as Array<any>) {
        const templateId = m.kakaoOptions?.templateId
        const base = { to: m.to, from: m.from, type: m.type, country: "82", accountId: "LOCAL", customFields: m.customFields }
        if (m.type === "ATA" && !options.approved.has(templateId)) {
          failed.push({ ...base, messageId: id("M"), statusCode: "3022", statusMessage: "승인되지 않은 알림톡 템플릿" })
          continue
        }
        const message: Stored = {
          messageId: id("M"),
          groupId,
          type: m.type,
          to: m.to,
          from: m.from,
          text: m.text ?? null,
          statusCode: "2000",
          reason: null,
          replacement: false,
          customFields: m.customFields ?? {},
          dateCreated: new Date().toISOString()
        }
        stored.set(message.messageId, message)
        accepted.push(message)
        const replacements = m.kakaoOptions?.disableSms === true ? [] : (m.replacements ?? [])
        // Text messages reach the phone at once; a 알림톡's result comes after reportAfter.
        if (options.reportAfter === undefined || options.reportAfter === 0 || m.type !== "ATA") settle(message, replacements)
        else setTimeout(() => settle(message, replacements), options.reportAfter)
      }
      if (fault === "accept-then-hang") return
      const count = {
        total: body.messages.length,
        sentTotal: 0,
        sentFailed: 0,
        sentSuccess: 0,
        sentPending: accepted.length,
        sentReplacement: 0,
        refund: 0,
        registeredFailed: failed.length,
        registeredSuccess: accepted.length
      }
      answer(response, 200, {
        failedMessageList: failed,
        groupInfo: { _id: groupId, groupId, status: "SENDING", count },
        messageList: accepted.map((m) => ({ messageId: m.messageId, statusCode: "2000", statusMessage: "정상 접수", customFields: m.customFields }))
      })
    }
    const list = (query: URLSearchParams, response: ServerResponse) => {
      const to = query.get("to")
      const since = query.get("startDate")
      const limit = Number(query.get("limit") ?? 20)
      const matching = [...stored.values()].filter((m) =>
        (to === null || m.to === to) && (since === null || Date.parse(m.dateCreated) >= Date.parse(since))
      )
      const start = Math.max(0, matching.findIndex((m) => m.messageId === query.get("startKey")))
      const page = matching.slice(start, start + limit)
      const next = matching[start + limit]
      answer(response, 200, {
        startKey: query.get("startKey"),
        nextKey: next === undefined ? null : next.messageId,
        limit,
        messageList: Object.fromEntries(page.map((m) => [m.messageId, {
          messageId: m.messageId,
          groupId: m.groupId,
          type: m.type,
          to: m.to,
          from: m.from,
          text: m.text,
          imageId: null,
          subject: null,
          country: "82",
          accountId: "LOCAL",
          status: m.statusCode === "2000" ? "PENDING" : "COMPLETE",
          statusCode: m.statusCode,
          reason: m.reason,
          networkName: null,
          networkCode: null,
          customFields: m.customFields,
          replacement: m.replacement,
          dateCreated: m.dateCreated,
          dateUpdated: m.dateCreated,
          dateProcessed: null,
          dateReceived: null,
          dateReported: null,
          clusterKey: null
        }]))
      })
    }
    const server = createServer((request, response) => {
      request.socket.on("error", () => {})
      let body = ""
      request.on("data", (chunk: Buffer) => (body += chunk.toString()))
      request.on("end", () => {
        const url = new URL(request.url ?? "/", "http://peer")
        const endpoint = url.pathname === "/messages/v4/send-many/detail" && request.method === "POST"
          ? "send"
          : url.pathname === "/messages/v4/list" && request.method === "GET"
          ? "list"
          : undefined
        const fault = endpoint === undefined ? undefined : faults[endpoint].shift()
        requests.push({ method: request.method ?? "", path: url.pathname, ...(fault === undefined ? {} : { fault }) })
        if (endpoint === undefined) return answer(response, 404, { errorCode: "NotFound", errorMessage: url.pathname })
        if (!signed(String(request.headers.authorization ?? ""))) {
          return answer(response, 401, { errorCode: "InvalidSignature", errorMessage: "bad HMAC-SHA256 signature" })
        }
        if (fault === "server-error") return answer(response, 500, { errorCode: "InternalError", errorMessage: "injected server error" })
        if (fault === "client-error") return answer(response, 400, { errorCode: "ValidationError", errorMessage: "injected client error" })
        if (fault === "hang") return
        if (endpoint === "send") return send(JSON.parse(body), response, fault)
        return list(url.searchParams, response)
      })
    })
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        deliveries,
        requests,
        fail: (endpoint, fault) => void faults[endpoint].push(fault),
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          })
      }))
  })

/**
 * SOLAPI's SDK takes no base URL (each of its services keeps
 * `https://api.solapi.com` in a private field) but calls the global `fetch`:
 * while the returned restore function has not run, requests for
 * api.solapi.com go to the peer, every other request goes where it was going.
 */
export const routeSolapiTo = (peerUrl: string): () => void => {
  const realFetch = globalThis.fetch
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    return realFetch(url.startsWith("https://api.solapi.com/") ? url.replace("https://api.solapi.com/", peerUrl) : input, init)
  }
  return () => void (globalThis.fetch = realFetch)
}
