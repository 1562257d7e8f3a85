import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { createServer, type IncomingMessage } from "node:http"
import type { AddressInfo } from "node:net"
import { SolapiMessageService } from "solapi"
import { Notifiers } from "../src/index.js"

const delivery = { channel: "sms" as const, to: "010-1234-5678", idempotencyKey: "interview:referral-7:notice" }
const customFields = { idempotencyKey: "interview:referral-7:notice" }

describe("the SOLAPI adapter's requests", () => {
  it("sends short text as SMS from the registered sender, numbers without hyphens, the key in customFields", () => {
    expect(Either.getOrThrow(Notifiers.toSolapi({ ...delivery, text: "[성동구일자리센터] 면접 안내" }, "02-2286-5000"))).toEqual({
      to: "01012345678",
      from: "0222865000",
      text: "[성동구일자리센터] 면접 안내",
      type: "SMS",
      customFields
    })
  })

  it("sends longer text, or text with a subject, as LMS", () => {
    const text = "가".repeat(46)
    expect(Either.getOrThrow(Notifiers.toSolapi({ ...delivery, text }, "02-2286-5000")).type).toBe("LMS")
    expect(Either.getOrThrow(Notifiers.toSolapi({ ...delivery, text: "짧은 본문", subject: "면접 안내" }, "02-2286-5000"))).toMatchObject({
      type: "LMS",
      subject: "면접 안내"
    })
  })

  it("keeps a key within SOLAPI's 100 characters per custom field, distinct keys distinct", () => {
    expect(Notifiers.solapiKeyField("k".repeat(100))).toBe("k".repeat(100))
    const long = Notifiers.solapiKeyField(`job-fair:${"x".repeat(120)}:a`)
    expect(long).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(Notifiers.solapiKeyField(`job-fair:${"x".repeat(120)}:b`)).not.toBe(long)
  })

  it.effect("passes the request to the SDK and refuses what SMS cannot carry without calling it", () =>
    Effect.gen(function*() {
      const calls: Array<unknown> = []
      const client = { send: async (message: unknown) => (calls.push(message), { groupInfo: { _id: "G4V20260302" } }) }
      const ok = yield* Notifiers.solapi(client, "02-2286-5000").send({ ...delivery, text: "안내" })
      expect(ok).toEqual({ providerId: "G4V20260302" })
      const refused = yield* Effect.flip(Notifiers.solapi(client, "02-2286-5000").send({ ...delivery, text: "가".repeat(1001) }))
      expect(refused).toMatchObject({ _tag: "DeliveryFailed", permanent: true })
      expect(calls).toEqual([{ to: "01012345678", from: "0222865000", text: "안내", type: "SMS", customFields }])
    }))
})

// SOLAPI's SDK takes no base URL, but it calls the global `fetch`: pointed at a
// local HTTP server standing in for api.solapi.com, the real SDK shows what it
// puts on the wire.
describe("the SOLAPI adapter through the real SDK", () => {
  it.effect("puts the idempotency key on the wire, in the message's customFields", () =>
    Effect.gen(function*() {
      const received: Array<{ url: string; authorization: string; body: any }> = []
      const server = yield* Effect.acquireRelease(
        Effect.promise(() =>
          new Promise<ReturnType<typeof createServer>>((resolve) => {
            const s = createServer((request: IncomingMessage, response) => {
              let body = ""
              request.on("data", (chunk: Buffer) => (body += chunk.toString()))
              request.on("end", () => {
                received.push({ url: request.url ?? "", authorization: String(request.headers.authorization), body: JSON.parse(body) })
                response.writeHead(200, { "Content-Type": "application/json" })
                response.end(JSON.stringify({
                  failedMessageList: [],
                  groupInfo: { _id: "G4V20260302LOCAL", count: { total: 1, registeredFailed: 0 } }
                }))
              })
            })
            s.listen(0, "127.0.0.1", () => resolve(s))
          })
        ),
        (s) => Effect.promise(() => new Promise<void>((resolve) => s.close(() => resolve())))
      )
      const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
      const realFetch = globalThis.fetch
      yield* Effect.acquireRelease(
        Effect.sync(() => {
          globalThis.fetch = (input, init) =>
            realFetch(String(input).replace("https://api.solapi.com/", local), init)
        }),
        () => Effect.sync(() => void (globalThis.fetch = realFetch))
      )
      const notifier = Notifiers.solapi(new SolapiMessageService("NCSTESTKEY", "TESTSECRET"), "02-2286-5000")
      const sent = yield* notifier.send({ ...delivery, text: "[성동구일자리센터] 면접 안내" })
      expect(sent).toEqual({ providerId: "G4V20260302LOCAL" })
      expect(received).toHaveLength(1)
      expect(received[0]!.url).toBe("/messages/v4/send-many/detail")
      expect(received[0]!.authorization).toMatch(/^HMAC-SHA256 apiKey=NCSTESTKEY, /)
      expect(received[0]!.body.messages).toEqual([
        { to: "01012345678", from: "0222865000", text: "[성동구일자리센터] 면접 안내", type: "SMS", customFields }
      ])
    }).pipe(Effect.scoped))
})
