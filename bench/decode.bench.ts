/**
 * decode: how fast seeker records enter the domain through `Seeker.decodeEither`
 * (every error collected, excess fields refused, issues formatted), against
 * Effect's plain `Schema.decodeUnknownEither` on the same rows in the same run.
 * The ratio is the price of iljari's validation layer; bulk imports (100,000
 * seekers) pay it per row.
 */
import { Either, Schema } from "effect"
import { Seeker } from "../packages/core/src/index.js"
import { seekerRow } from "../packages/test-support/src/rows.js"
import { measure, report } from "./measure.js"

const rows = 10_000
const seekers = Array.from({ length: rows }, (_, i) => ({ ...seekerRow(i), districtId: "11200" }))

const plain = Schema.decodeUnknownEither(Seeker.Seeker)
const check = (decode: (input: unknown) => Either.Either<unknown, unknown>) => () => {
  for (const row of seekers) if (Either.isLeft(decode(row))) throw new Error("benchmark rows must be valid")
}

const reference = measure("Schema.decodeUnknownEither", rows, check(plain))
const iljari = measure("Seeker.decodeEither", rows, check(Seeker.decodeEither))

report({
  bench: "decode",
  unit: "seekers/s",
  rows,
  cases: [iljari, reference],
  ratioToReference: Number((iljari.opsPerSecond / reference.opsPerSecond).toFixed(3))
})
