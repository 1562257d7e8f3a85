import { describe, expect, it } from "@effect/vitest"
import { Context, Effect, Layer, Option } from "effect"

class First extends Context.Tag("test/First")<First, string>() {}
class Second extends Context.Tag("test/Second")<Second, string>() {}

const present = Effect.all([Effect.serviceOption(First), Effect.serviceOption(Second)]).pipe(
  Effect.map(([first, second]) => [Option.isSome(first), Option.isSome(second)])
)

// A block runs on its own layer and its parents', never on a block before it
// (see src/layerBlocks.ts).
describe("it.layer blocks", () => {
  it.layer(Layer.succeed(First, "first"))((it) => {
    it.effect("the first sees its own service", () => Effect.map(present, (p) => expect(p).toEqual([true, false])))
  })
  it.layer(Layer.succeed(Second, "second"))((it) => {
    it.effect("a sibling sees its own, not the first's", () => Effect.map(present, (p) => expect(p).toEqual([false, true])))
  })
  it.layer(Layer.succeed(First, "outer"))((it) => {
    it.layer(Layer.succeed(Second, "inner"))((it) => {
      it.effect("a nested block sees its parent's too", () => Effect.map(present, (p) => expect(p).toEqual([true, true])))
    })
    it.effect("and its parent goes on without the nested one's", () => Effect.map(present, (p) => expect(p).toEqual([true, false])))
  })
  it.layer(Layer.succeed(Second, "named"))("a named block", (it) => {
    it.effect("sees its own service", () => Effect.map(present, (p) => expect(p).toEqual([false, true])))
  })
  it.effect("a test after the blocks runs on none of them", () => Effect.map(present, (p) => expect(p).toEqual([false, false])))
})

describe("a describe after them", () => {
  it.effect("runs on none of their layers either", () => Effect.map(present, (p) => expect(p).toEqual([false, false])))
})
