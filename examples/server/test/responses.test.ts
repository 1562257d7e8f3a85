/**
 * The records a read answers with straight from the store (plain JSON, not
 * encoded again through the endpoint's schema, which would check every rule
 * a second time) are byte for byte what the schema's encoding gives: the
 * body decodes with the endpoint's success schema and encodes back to the
 * same text, over SQLite with the demo district seeded.
 */
import { HttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { Api } from "../src/Api.js"
import { as, loginOf, SqliteTestServer } from "./server.js"

const successOf = (group: string, endpoint: string) =>
  (Api.groups as unknown as Record<string, { endpoints: Record<string, { successSchema: Schema.Schema<unknown, unknown> }> }>)[group]!
    .endpoints[endpoint]!.successSchema

describe("records answered as stored JSON", () => {
  it.layer(SqliteTestServer(0.05), { timeout: 120_000 })((it) => {
    it.effect("are the endpoints' schema encoding, byte for byte", () =>
      Effect.gen(function*() {
        const signed = yield* as(loginOf("counselor-01"))
        const http = (yield* HttpClient.HttpClient).pipe(HttpClient.mapRequest(signed))
        const text = (path: string) =>
          Effect.flatMap(http.get(path), (response) => {
            expect(response.status).toBe(200)
            return response.text
          })
        const sameAsEncoded = (body: string, schema: Schema.Schema<unknown, unknown>) => {
          const decoded = Schema.decodeUnknownSync(schema)(JSON.parse(body))
          expect(body).toBe(JSON.stringify(Schema.encodeSync(schema)(decoded)))
        }
        const list = yield* text("/seekers?limit=20")
        sameAsEncoded(list, successOf("seekers", "list"))
        const first = (JSON.parse(list) as ReadonlyArray<{ value: { id: string } }>)[0]!.value.id
        sameAsEncoded(yield* text(`/seekers/${first}`), successOf("seekers", "get"))
        const caseload = yield* text("/caseload?limit=20")
        expect((JSON.parse(caseload) as ReadonlyArray<unknown>).length).toBeGreaterThan(0)
        sameAsEncoded(caseload, successOf("seekers", "caseload"))
        const ledger = yield* text("/follow-ups/ledger")
        const parsed = JSON.parse(ledger) as { done: ReadonlyArray<unknown>; overdue: ReadonlyArray<unknown> }
        expect(parsed.done.length + parsed.overdue.length).toBeGreaterThan(0)
        sameAsEncoded(ledger, successOf("cases", "ledger"))
      }))
  })
})
