import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { Notifiers } from "../src/index.js"

// SOLAPI's SDK takes no base URL, so a local stand-in server cannot replace
// its endpoint; the request iljari builds is checked here instead, and the
// adapter is driven through the SDK's `send` signature.
describe("the SOLAPI adapter's requests", () => {
  const delivery = { channel: "sms" as const, to: "010-1234-5678", idempotencyKey: "k" }

  it("sends short text as SMS from the registered sender, numbers without hyphens", () => {
    expect(Either.getOrThrow(Notifiers.toSolapi({ ...delivery, text: "[성동구일자리센터] 면접 안내" }, "02-2286-5000"))).toEqual({
      to: "01012345678",
      from: "0222865000",
      text: "[성동구일자리센터] 면접 안내",
      type: "SMS"
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

  it.effect("passes the request to the SDK and refuses what SMS cannot carry without calling it", () =>
    Effect.gen(function*() {
      const calls: Array<unknown> = []
      const client = { send: async (message: unknown) => (calls.push(message), { groupInfo: { _id: "G4V20260302" } }) }
      const ok = yield* Notifiers.solapi(client, "02-2286-5000").send({ ...delivery, text: "안내" })
      expect(ok).toEqual({ providerId: "G4V20260302" })
      const refused = yield* Effect.flip(Notifiers.solapi(client, "02-2286-5000").send({ ...delivery, text: "가".repeat(1001) }))
      expect(refused).toMatchObject({ _tag: "DeliveryFailed", permanent: true })
      expect(calls).toEqual([{ to: "01012345678", from: "0222865000", text: "안내", type: "SMS" }])
    }))
})
