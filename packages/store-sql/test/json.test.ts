import { describe, expect, it } from "@effect/vitest"
import { Audit, Outbox } from "@iljari/core"
import { Arbitrary, FastCheck as fc, Schema } from "effect"
import { encodedJson } from "../src/internal/json.js"
import * as Tables from "../src/internal/tables.js"

// The store writes `encodedJson(record)` instead of running Schema.encode on
// every row; this proves the two agree for every schema the store keeps.
// A table with its own `encode` (for Redacted fields) is checked with it.
type Encoder = (value: unknown) => string
const stored: ReadonlyArray<readonly [string, Schema.Schema<unknown, unknown>, Encoder]> = [
  ...Object.values(Tables).map((spec) =>
    [spec.kind, spec.schema as unknown as Schema.Schema<unknown, unknown>, (spec.encode ?? encodedJson) as Encoder] as const
  ),
  ["audit entry", Audit.AuditEntry as unknown as Schema.Schema<unknown, unknown>, encodedJson],
  ["outbox message", Outbox.OutboxMessage as unknown as Schema.Schema<unknown, unknown>, encodedJson]
]

describe("the stored JSON", () => {
  it.each(stored)("of a %s is its Schema encoding", (_kind, schema, json) => {
    const encode = Schema.encodeSync(schema)
    fc.assert(fc.property(Arbitrary.make(schema), (value) => {
      expect(JSON.parse(json(value))).toEqual(encode(value))
    }), { numRuns: 100 })
  })
})
