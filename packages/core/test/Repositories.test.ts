import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Exit, Layer } from "effect"
import { AuditLog } from "../src/kernel/Audit.js"
import { Outbox } from "../src/kernel/Outbox.js"
import * as Repositories from "../src/Repositories.js"
import * as Seeker from "../src/registry/Seeker.js"
import { seekerInput } from "@iljari/test-support/fixtures"

describe("the ports' own memory layers", () => {
  it.effect("compose over one shared database, so a transaction rolls back across them", () =>
    Effect.gen(function*() {
      const seekers = yield* Repositories.SeekerRepository
      const tx = yield* Repositories.Transactor
      const seeker = Either.getOrThrow(Seeker.decodeEither(seekerInput))
      const exit = yield* Effect.exit(tx.withTransaction(Effect.zipRight(seekers.insert(seeker), Effect.fail("boom"))))
      expect(Exit.isFailure(exit)).toBe(true)
      expect(yield* seekers.list(seeker.districtId)).toEqual([])
      yield* tx.withTransaction(seekers.insert(seeker))
      expect((yield* seekers.list(seeker.districtId)).map((r) => r.value.id)).toEqual([seeker.id])
      expect(yield* Effect.flatMap(AuditLog, (a) => a.list(seeker.districtId))).toEqual([])
      expect(yield* Effect.flatMap(Outbox, (o) => o.list(seeker.districtId))).toEqual([])
    }).pipe(Effect.provide(
      Layer.mergeAll(
        Repositories.SeekerRepository.layerMemory,
        Repositories.Transactor.layerMemory,
        AuditLog.layerMemory,
        Outbox.layerMemory
      ).pipe(Layer.provide(Repositories.layerMemoryDatabase))
    )))
})
