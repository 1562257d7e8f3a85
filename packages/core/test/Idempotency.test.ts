import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, TestClock } from "effect"
import { Idempotency, type Ids, Repositories } from "../src/index.js"

const scope = { districtId: "11200" as Ids.DistrictId, accountId: "counselor-01" }

describe("Idempotency.purgeExpired", () => {
  it.effect("removes the keys expired by the Clock's now, and only those", () =>
    Effect.gen(function*() {
      const store = yield* Idempotency.IdempotencyStore
      const at = (iso: string) => DateTime.unsafeMake(iso)
      yield* store.claim(scope, "early", "f", at("2026-03-02T00:00:00Z"), at("2026-03-02T12:00:00Z"))
      yield* store.claim(scope, "late", "f", at("2026-03-02T00:00:00Z"), at("2026-03-03T12:00:00Z"))
      yield* TestClock.setTime(Date.parse("2026-03-03T00:00:00Z"))
      expect(yield* Idempotency.purgeExpired).toBe(1)
      // The one kept is still pending; the purged one is free to claim again.
      expect((yield* store.claim(scope, "late", "f", at("2026-03-03T00:00:00Z"), at("2026-03-04T00:00:00Z")))._tag).toBe("Pending")
      expect((yield* store.claim(scope, "early", "g", at("2026-03-03T00:00:00Z"), at("2026-03-04T00:00:00Z")))._tag).toBe("Claimed")
      expect(yield* Idempotency.purgeExpired).toBe(0)
    }).pipe(Effect.provide(Repositories.layerMemory)))
})
