import { describe, expect, it } from "@effect/vitest"
import { Password } from "@iljari/core"
import { Effect, Redacted } from "effect"
import { FastCheck as fc } from "effect"
import * as Argon2 from "../src/Argon2.js"

const secret = Redacted.make("correct horse battery staple")

// Cheap parameters for the properties, which hash dozens of times.
const cheap = { memoryCost: 1_024, timeCost: 1 }

const malformed = [
  "",
  "not a hash",
  "$argon2id$v=19$m=19456,t=2,p=1$",
  "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$!!!",
  "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"
]

describe("Argon2id with OWASP's parameters", () => {
  it.layer(Argon2.layer())((it) => {
    it.effect("makes a PHC string of Argon2id v1.3 with 19 MiB, 2 passes, 1 lane", () =>
      Effect.gen(function*() {
        const hasher = yield* Password.PasswordHasher
        const hashed = Redacted.value(yield* hasher.hash(secret))
        expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
        expect(Argon2.needsRehash(Redacted.make(hashed))).toBe(false)
      }))

    it.effect("verifies the password it hashed, and no other", () =>
      Effect.gen(function*() {
        const hasher = yield* Password.PasswordHasher
        const hashed = yield* hasher.hash(secret)
        expect(yield* hasher.verify(hashed, secret)).toBe(true)
        expect(yield* hasher.verify(hashed, Redacted.make("correct horse battery stapler"))).toBe(false)
        expect(yield* hasher.verify(hashed, Redacted.make(""))).toBe(false)
      }))

    it.effect("salts: the same password hashes differently each time", () =>
      Effect.gen(function*() {
        const hasher = yield* Password.PasswordHasher
        const [a, b] = yield* Effect.all([hasher.hash(secret), hasher.hash(secret)])
        expect(Redacted.value(a)).not.toBe(Redacted.value(b))
      }))

    it.effect("says false for a hash it cannot read, without failing", () =>
      Effect.gen(function*() {
        const hasher = yield* Password.PasswordHasher
        for (const hash of malformed) expect(yield* hasher.verify(Redacted.make(hash), secret)).toBe(false)
      }))

    it.effect("spends on a hash it cannot read what it spends on a wrong password", () =>
      Effect.gen(function*() {
        const hasher = yield* Password.PasswordHasher
        const hashed = yield* hasher.hash(secret)
        const wrong = Redacted.make("wrong password")
        const median = (verify: Effect.Effect<boolean>) =>
          Effect.gen(function*() {
            const times: Array<number> = []
            for (let i = 0; i < 5; i++) {
              const start = performance.now()
              yield* verify
              times.push(performance.now() - start)
            }
            return times.sort((a, b) => a - b)[2]!
          })
        const real = yield* median(hasher.verify(hashed, wrong))
        const unreadable = yield* median(hasher.verify(Redacted.make("not a hash"), wrong))
        // Without the decoy an unreadable hash costs microseconds, thousands of times less.
        expect(unreadable).toBeGreaterThan(real * 0.3)
      }))

    it.effect("keeps its decoy an Argon2id hash no password verifies against", () =>
      Effect.gen(function*() {
        const hasher = yield* Password.PasswordHasher
        expect(Redacted.value(hasher.decoy)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
        expect(yield* hasher.verify(hasher.decoy, secret)).toBe(false)
      }))

    it.effect("prints its hashes as <redacted>", () =>
      Effect.gen(function*() {
        const hasher = yield* Password.PasswordHasher
        const hashed = yield* hasher.hash(secret)
        expect(String(hashed)).toBe("<redacted>")
        expect(String(hasher.decoy)).toBe("<redacted>")
        expect(JSON.stringify({ hashed, decoy: hasher.decoy })).toBe(`{"hashed":"<redacted>","decoy":"<redacted>"}`)
      }))
  })

  it.layer(Argon2.layer(cheap))((it) => {
    it.effect.prop(
      "takes other parameters, verifies any password it hashed, and never writes it into the hash",
      { password: fc.string({ minLength: 8, maxLength: 64 }) },
      ({ password }) =>
        Effect.gen(function*() {
          const hasher = yield* Password.PasswordHasher
          const hashed = yield* hasher.hash(Redacted.make(password))
          expect(Redacted.value(hashed)).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/)
          expect(Redacted.value(hashed)).not.toContain(password)
          expect(yield* hasher.verify(hashed, Redacted.make(password))).toBe(true)
        }),
      { fastCheck: { numRuns: 25 } }
    )

    it.effect("its hashes need a rehash once the parameters are raised, not lowered", () =>
      Effect.gen(function*() {
        const hasher = yield* Password.PasswordHasher
        const hashed = yield* hasher.hash(secret)
        expect(Argon2.needsRehash(hashed, cheap)).toBe(false)
        expect(Argon2.needsRehash(hashed)).toBe(true)
        expect(Argon2.needsRehash(hashed, { memoryCost: 1_024, timeCost: 2 })).toBe(true)
        expect(Argon2.needsRehash(hashed, { memoryCost: 512, timeCost: 1 })).toBe(false)
        expect(Argon2.needsRehash(hashed, { ...cheap, parallelism: 2 })).toBe(false)
      }))
  })

  it("asks to rehash what is not Argon2id v1.3 or cannot be read", () => {
    const argon2i = "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    const argon2idV10 = "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    for (const hash of [argon2i, argon2idV10, ...malformed]) expect(Argon2.needsRehash(Redacted.make(hash))).toBe(true)
    expect(Argon2.needsRehash(Redacted.make(argon2i.replace("$argon2i$", "$argon2id$")))).toBe(false)
  })
})
