/**
 * decode: how fast seeker records enter the domain through `Seeker.decodeEither`
 * (every error collected, excess fields refused, issues formatted), against
 * Effect's plain `Schema.decodeUnknownEither` on the same rows in the same run.
 * The ratio is the price of iljari's validation layer; bulk imports (100,000
 * seekers) pay it per row.
 */
import { Either, Schema } from "effect"
import { Seeker } from "../packages/core/src/index.js"
import { measure, report } from "./measure.js"

const rows = 10_000
const seekers = Array.from({ length: rows }, (_, i) => ({
  id: `seeker-${i}`,
  districtId: "11200",
  name: `구직자${i}`,
  contact: { phone: `010-${String(1000 + (i % 9000)).padStart(4, "0")}-${String(i % 10000).padStart(4, "0")}` },
  birthDate: `19${50 + (i % 45)}-0${1 + (i % 9)}-1${i % 10}`,
  gender: i % 2 === 0 ? "female" : "male",
  addressRegion: "11200",
  desiredOccupations: ["5611", "5410"],
  desiredRegions: ["11200"],
  education: "03",
  careerMonths: i % 400,
  certificates: [],
  desiredWage: { type: "monthly", amount: 2_000_000 + (i % 50) * 10_000 },
  desiredEmployment: { contractTypes: [], schedules: ["full-time"] },
  targetGroups: ["middle-aged"],
  consents: [{ purpose: "personal-data", givenAt: "2016-03-02T01:00:00.000Z" }],
  registrationChannel: "visit",
  registeredAt: "2016-03-02T01:00:00.000Z",
  notes: "경비·청소 희망"
}))

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
