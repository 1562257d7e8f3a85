import { describe, expect, it } from "@effect/vitest"
import { Option } from "effect"
import { FastCheck as fc } from "effect"
import { createHash } from "node:crypto"
import * as RecoveryCodes from "../src/RecoveryCodes.js"

// 31 characters (no 0/o, 1/l/i) in three groups of four: 12 × log2(31) ≈ 59 bits.
const shape = /^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/

describe("recovery codes", () => {
  it("are ten by default, readable, with a SHA-256 digest each of the code", () => {
    const { codes, digests } = RecoveryCodes.generate()
    expect(codes).toHaveLength(10)
    for (const code of codes) expect(code).toMatch(shape)
    expect(digests).toEqual(codes.map((code) => createHash("sha256").update(code.replaceAll("-", "")).digest("hex")))
    for (const [i, digest] of digests.entries()) {
      expect(digest).toMatch(/^[0-9a-f]{64}$/)
      expect(digest).not.toContain(codes[i]!.replaceAll("-", ""))
    }
  })

  it("are all distinct, in any number", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), (count) => {
      const { codes, digests } = RecoveryCodes.generate(count)
      expect(codes).toHaveLength(count)
      expect(new Set(codes).size).toBe(count)
      expect(new Set(digests).size).toBe(count)
    }), { numRuns: 30 })
  })

  it("each work once, in any order", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }).chain((count) => {
      const generated = RecoveryCodes.generate(count)
      return fc.tuple(fc.constant(generated), fc.shuffledSubarray([...generated.codes], { minLength: count }))
    }), ([{ digests }, order]) => {
      let left: ReadonlyArray<string> = digests
      for (const code of order) {
        const remaining = Option.getOrThrow(RecoveryCodes.use(left, code))
        expect(remaining).toHaveLength(left.length - 1)
        expect(RecoveryCodes.use(remaining, code)).toEqual(Option.none())
        left = remaining
      }
      expect(left).toEqual([])
    }))
  })

  it("never take a code that is not one of them", () => {
    const { codes, digests } = RecoveryCodes.generate()
    const valid = new Set(codes.map(RecoveryCodes.normalise))
    const typed = fc.oneof(fc.string(), fc.stringMatching(/^[2-9a-hjkmnp-z]{4}-?[2-9a-hjkmnp-z]{4}-?[2-9a-hjkmnp-z]{4}$/))
    fc.assert(fc.property(typed, (input) => {
      fc.pre(!valid.has(RecoveryCodes.normalise(input)))
      expect(RecoveryCodes.use(digests, input)).toEqual(Option.none())
    }))
    // Near misses: one character changed, or a code without its last.
    const code = codes[0]!
    const changed = code.slice(0, -1) + (code.endsWith("z") ? "y" : "z")
    for (const input of [changed, code.slice(0, -1), `${code}2`, ""]) {
      expect(RecoveryCodes.use(digests, input)).toEqual(Option.none())
    }
  })

  it("ignore case, spaces, hyphens and full-width characters as typed", () => {
    expect(RecoveryCodes.normalise(" K7PQ 2xm9-VT4D\t")).toBe("k7pq2xm9vt4d")
    expect(RecoveryCodes.normalise("ｋ７ｐｑ－２ｘｍ９－ｖｔ４ｄ")).toBe("k7pq2xm9vt4d")
    expect(RecoveryCodes.digest("K7PQ-2XM9-VT4D")).toBe(RecoveryCodes.digest("k7pq2xm9vt4d"))
    const { codes, digests } = RecoveryCodes.generate(3)
    const typed = codes[1]!.toUpperCase().replaceAll("-", " ")
    expect(RecoveryCodes.use(digests, typed)).toEqual(Option.some([digests[0], digests[2]]))
  })

  it("leave digests they cannot read alone", () => {
    const { codes, digests } = RecoveryCodes.generate(2)
    const stored = ["not hex", "abcd", ...digests]
    expect(RecoveryCodes.use(stored, codes[1]!)).toEqual(Option.some(["not hex", "abcd", digests[0]]))
    expect(RecoveryCodes.use(["not hex", "abcd"], codes[0]!)).toEqual(Option.none())
  })
})
