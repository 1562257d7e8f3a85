// Random seekers and openings for matching tests, drawn from small pools so
// that codes, regions and certificates overlap and every level of the score
// occurs; each is decoded through the real schema.
import { FastCheck as fc } from "effect"
import * as Opening from "../src/registry/Opening.js"
import * as Seeker from "../src/registry/Seeker.js"
import { right } from "@iljari/test-support/either"
import { openingInput, seekerInput } from "@iljari/test-support/fixtures"

export const codes = ["5611", "5612", "561", "56", "5410", "541", "4122", "412", "41", "0231", "02", "8511", "85", "1511", "90", "901112"]
export const regions = ["11200", "11215", "11230", "11140", "11440", "11680", "11740", "11620", "41111", "26110"]
export const certificates = ["지게차운전기능사", "요양보호사", "운전면허 1종", "컴퓨터활용능력 2급", "경비지도사"]
const nonSensitiveGroups = ["youth", "career-break-women", "middle-aged", "senior", "vulnerable", "homeless"] as const

const subset = <A>(pool: ReadonlyArray<A>, max: number) => fc.uniqueArray(fc.constantFrom(...pool), { maxLength: max })

export const seekerArbitrary = (id: fc.Arbitrary<string>) =>
  fc.record({
    id,
    addressRegion: fc.constantFrom(...regions),
    desiredOccupations: fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 5 }),
    desiredRegions: subset(regions.concat("11000"), 3),
    education: fc.constantFrom("01", "02", "03", "04", "05", "06", "07"),
    careerMonths: fc.integer({ min: 0, max: 400 }),
    certificates: subset(certificates, 3),
    desiredWage: fc.option(
      fc.oneof(
        fc.record({ type: fc.constant("monthly"), amount: fc.integer({ min: 1_500_000, max: 5_000_000 }) }),
        fc.record({ type: fc.constant("hourly"), amount: fc.integer({ min: 9_000, max: 20_000 }) })
      ),
      { nil: undefined }
    ),
    contractTypes: subset(["open-ended", "fixed-term", "daily", "dispatch"], 3),
    schedules: subset(["full-time", "part-time"], 2),
    maxWeeklyHours: fc.option(fc.integer({ min: 10, max: 52 }), { nil: undefined })
  }).map((r) => {
    const { contractTypes, desiredWage, maxWeeklyHours, schedules, ...rest } = r
    const { desiredWage: _example, ...input } = seekerInput
    return right(Seeker.decodeEither({
      ...input,
      ...rest,
      ...(desiredWage === undefined ? {} : { desiredWage }),
      desiredEmployment: { contractTypes, schedules, ...(maxWeeklyHours === undefined ? {} : { maxWeeklyHours }) }
    }))
  })

export const openingArbitrary = (id: fc.Arbitrary<string>) =>
  fc.record({
    id,
    occupation: fc.constantFrom(...codes),
    workRegion: fc.constantFrom(...regions),
    wage: fc.oneof(
      fc.integer({ min: 1_800_000, max: 4_000_000 }).map((min) => ({ type: "monthly", min, max: min + 300_000 })),
      fc.integer({ min: 9_860, max: 15_000 }).map((min) => ({ type: "hourly", min }))
    ),
    educationMinimum: fc.constantFrom("00", "02", "03", "04", "05"),
    career: fc.oneof(
      fc.constant({ requirement: "any" }),
      fc.constant({ requirement: "new" }),
      fc.integer({ min: 1, max: 120 }).map((minimumMonths) => ({ requirement: "experienced", minimumMonths }))
    ),
    contractType: fc.constantFrom("open-ended", "fixed-term", "daily", "dispatch"),
    schedule: fc.constantFrom("full-time", "part-time"),
    weeklyHours: fc.integer({ min: 15, max: 52 }),
    requiredCertificates: subset(certificates, 1),
    preferredCertificates: subset(certificates, 2),
    status: fc.constantFrom("open", "open", "open", "open", "filled", "closed"),
    headcount: fc.integer({ min: 1, max: 5 })
  }).map((r) => right(Opening.decodeEither({ ...openingInput, ...r })))

/** Unique ids from a small alphabet, so that sorting by id is exercised. */
export const ids = (prefix: string) => fc.integer({ min: 0, max: 9999 }).map((n) => `${prefix}-${String(n).padStart(4, "0")}`)

export const population = (maxSeekers: number, maxOpenings: number, minLength = 1) =>
  fc.tuple(
    fc.uniqueArray(seekerArbitrary(ids("s")), { minLength, maxLength: maxSeekers, selector: (s) => s.id }),
    fc.uniqueArray(openingArbitrary(ids("o")), { minLength, maxLength: maxOpenings, selector: (o) => o.id })
  )

/** Fields matching must never read, drawn at random. */
export const protectedFields = fc.record({
  birthDate: fc.date({ min: new Date("1940-01-01"), max: new Date("2008-12-31"), noInvalidDate: true }).map((d) =>
    d.toISOString().slice(0, 10)
  ),
  gender: fc.constantFrom("female", "male", "unspecified"),
  targetGroups: subset(nonSensitiveGroups, 3)
})

/**
 * A population where most pairs score high (two neighbouring codes, two
 * neighbouring districts, open-ended wishes), so that pruning has to decide
 * between many near-ties.
 */
export const crowdedPopulation = (maxSeekers: number, maxOpenings: number, minLength = 1) =>
  population(maxSeekers, maxOpenings, minLength).map(([seekers, openings]) => [
    seekers.map((s, i) => {
      const { desiredWage, ...rest } = s
      return new Seeker.Seeker({
        ...rest,
        ...(i % 2 === 0 && desiredWage !== undefined ? { desiredWage } : {}),
        careerMonths: i % 5 === 0 ? s.careerMonths : 240,
        desiredOccupations: [i % 3 === 0 ? "5611" : i % 3 === 1 ? "5612" : "561"] as never,
        desiredRegions: (i % 4 === 1 ? ["11000"] : []) as never,
        addressRegion: (i % 2 === 0 ? "11200" : "11215") as never,
        desiredEmployment: { contractTypes: [], schedules: [] }
      })
    }),
    openings.map((o, j) =>
      new Opening.Opening({
        ...o,
        occupation: (j % 4 === 0 ? "5611" : j % 4 === 1 ? "5612" : "5619") as never,
        workRegion: (j % 3 === 0 ? "11215" : "11200") as never,
        educationMinimum: "00",
        requiredCertificates: []
      })
    )
  ] as const)
