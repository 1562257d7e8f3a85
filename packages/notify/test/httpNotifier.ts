/**
 * A `Notifier` adapter for the fleet fault test: it POSTs each delivery as
 * JSON to a provider over HTTP (`node:http`, kept-alive connections) with its
 * idempotency key in the `Idempotency-Key` header, the way providers that
 * deduplicate take it.
 *
 *   201 accepted · 200 a duplicate of an accepted key (delivered already) ·
 *   429 or 5xx a transient failure · any other status a permanent one
 */
import { Notifier } from "@iljari/core"
import { Effect, Layer } from "effect"
import { Agent, request } from "node:http"

interface Answer {
  readonly status: number
  readonly body: { readonly providerId?: string; readonly error?: string }
}

export const layerHttp = (endpoint: string, worker: string): Layer.Layer<Notifier.Notifier> => {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 })
  const post = (delivery: Notifier.Delivery) =>
    Effect.async<Answer, Notifier.DeliveryFailed>((resume) => {
      const body = JSON.stringify(delivery)
      const req = request(endpoint, {
        method: "POST",
        agent,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
          "Idempotency-Key": delivery.idempotencyKey,
          "X-Worker": worker
        }
      }, (response) => {
        let text = ""
        response.on("data", (chunk: Buffer) => (text += chunk.toString()))
        response.on("end", () => resume(Effect.succeed({ status: response.statusCode ?? 0, body: JSON.parse(text) })))
        response.on("error", (error) => resume(unreachable(error)))
      })
      req.on("error", (error) => resume(unreachable(error)))
      req.end(body)
      return Effect.sync(() => req.destroy())
    })
  return Layer.succeed(Notifier.Notifier, {
    send: (delivery) =>
      Effect.flatMap(post(delivery), ({ body, status }) =>
        status === 200 || status === 201
          ? Effect.succeed({ providerId: String(body.providerId) })
          : Effect.fail(
            new Notifier.DeliveryFailed({
              reason: `provider answered ${status}: ${body.error ?? ""}`,
              permanent: !(status === 429 || status >= 500)
            })
          ))
  })
}

const unreachable = (error: unknown) =>
  Effect.fail(new Notifier.DeliveryFailed({ reason: `provider unreachable: ${String(error)}`, permanent: false }))
