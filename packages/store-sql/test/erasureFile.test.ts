/**
 * Erasure on disk: after a seeker is erased, the SQLite file and its
 * write-ahead log hold none of their bytes — not in a freed page, not in an
 * old WAL frame.
 */
import { describe, expect, it } from "@effect/vitest"
import { Repositories } from "@iljari/core"
import { Effect, FastCheck as fc, TestClock } from "effect"
import { existsSync, readFileSync } from "node:fs"
import { sqliteFile, sqliteStore } from "@iljari/test-support/storage/backends"
import { Traces } from "@iljari/testing"

const bytesOf = (file: string) => (existsSync(file) ? readFileSync(file) : Buffer.alloc(0))

describe("erasure in the SQLite file", () => {
  it.effect("leaves none of an erased seeker's bytes in the database file or its WAL", () =>
    Effect.gen(function*() {
      const filename = yield* sqliteFile()
      const [erased, kept] = fc.sample(fc.uniqueArray(Traces.markers, { minLength: 2, maxLength: 2, selector: (m) => m.uid }), {
        numRuns: 1,
        seed: 4242
      })[0]!
      yield* Effect.gen(function*() {
        const setting = yield* Traces.setUp
        const erasedId = yield* Traces.seedPerson(erased!, setting)
        yield* Traces.seedPerson(kept!, setting)
        // The counselor corrects the record once: an old version of the row is left behind.
        const repo = yield* Repositories.SeekerRepository
            const current = yield* repo.get("11200" as never, erasedId)
        yield* repo.update(current.value, current.version)
        yield* TestClock.setTime(Date.parse("2026-06-30T01:00:00Z"))
        yield* Traces.erase(erasedId)
        for (const file of [filename, `${filename}-wal`]) {
          const bytes = bytesOf(file)
          for (const trace of Traces.traces(erased!)) {
            expect(bytes.includes(Buffer.from(trace, "utf8")), `${trace} in ${file.split("/").at(-1)}`).toBe(false)
          }
        }
        // The other seeker is still there, on disk too.
        expect(Buffer.concat([bytesOf(filename), bytesOf(`${filename}-wal`)]).includes(Buffer.from(kept!.name, "utf8"))).toBe(true)
      }).pipe(Effect.provide(sqliteStore(filename)), Effect.scoped)
    }).pipe(Effect.scoped), 60_000)
})
