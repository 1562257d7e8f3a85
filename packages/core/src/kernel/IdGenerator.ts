/**
 * Where new records get their ids.
 *
 * @since 0.2.0
 */
import { Context, Effect, Layer } from "effect"

/**
 * Hands out ids for new records.
 *
 * @since 0.1.0
 * @category ports
 */
export class IdGenerator extends Context.Tag("@iljari/core/IdGenerator")<IdGenerator, {
  /** A new id for a record of `kind` (e.g. `seeker`), unique in the deployment. */
  readonly next: (kind: string) => Effect.Effect<string>
}>() {
  /** Random UUIDs (v4). */
  static readonly layerRandom = Layer.succeed(this, {
    next: () => Effect.sync(() => globalThis.crypto.randomUUID())
  })
  /** Readable, predictable ids (`seeker-000001`), for tests and demos. */
  static readonly layerSequential = Layer.sync(this, () => {
    const counters = new Map<string, number>()
    return {
      next: (kind) =>
        Effect.sync(() => {
          const n = (counters.get(kind) ?? 0) + 1
          counters.set(kind, n)
          return `${kind}-${String(n).padStart(6, "0")}`
        })
    }
  })
}
