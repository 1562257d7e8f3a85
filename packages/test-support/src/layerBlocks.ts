/**
 * A setup file for every test project: each `it.layer(...)` block leaves
 * Vitest's `it` as it found it.
 *
 * @effect/vitest 0.30 (the Effect 3 line) hands a block its methods by
 * writing them onto Vitest's one shared `it` (`Object.assign`) and never
 * takes them back. After a block, `it.effect` and `it.layer` everywhere later
 * run on that block's layer: a sibling block is built inside it, on its
 * memo map, and, when test files share a worker, the next file's server is
 * built inside the previous file's (its router then declares every route
 * twice). Effect 4's @effect/vitest no longer mutates `it`
 * (Effect-TS/effect-smol#2177); this is the same repair for our line.
 *
 * Every block's `layer` is wrapped as it is assigned (the setter below), so
 * nested blocks restore their parent's methods too. The module's own `layer`
 * export cannot be wrapped: tests call `it.layer`, and the lint refuses an
 * import of `layer` from @effect/vitest.
 */
import { it } from "@effect/vitest"
import { describe } from "vitest"

type Api = Record<string, unknown>
type Block = (...blockArgs: Array<unknown>) => unknown
type LayerFn = (...args: Array<unknown>) => Block

// The methods besides `layer` that a block writes onto `it` (@effect/vitest's `makeIt`).
const written = ["effect", "scoped", "flakyTest", "prop"] as const
const installed = Symbol.for("@iljari/test-support/layerBlocks")
const api = it as unknown as Api

if (!(installed in api)) {
  let layer: LayerFn
  // Runs a block at once (its tests register synchronously) and puts back what it found.
  const run = (block: Block, blockArgs: Array<unknown>) => {
    const saved = { layer, methods: written.map((name) => api[name]) }
    try {
      return block(...blockArgs)
    } finally {
      layer = saved.layer
      written.forEach((name, i) => {
        api[name] = saved.methods[i]
      })
    }
  }
  const restoring = (inner: LayerFn): LayerFn => (...args) => {
    const block = inner(...args)
    // A named block (`it.layer(l)(name, f)`) would write onto `it` later, when
    // Vitest collects its describe; as the unnamed one inside that describe, it
    // writes and is undone while the describe runs.
    return (...blockArgs) =>
      blockArgs.length === 2
        ? describe(blockArgs[0] as string, () => {
          run(block, [blockArgs[1]])
        })
        : run(block, blockArgs)
  }
  layer = restoring(api["layer"] as LayerFn)
  Object.defineProperty(api, "layer", {
    configurable: true,
    enumerable: true,
    get: () => layer,
    set: (inner: LayerFn) => {
      layer = restoring(inner)
    }
  })
  Object.defineProperty(api, installed, { value: true })
}
