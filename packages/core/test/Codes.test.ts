import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc, Schema } from "effect"
import { Codes } from "../src/index.js"

const occupation = (code: string) => Schema.decodeSync(Codes.OccupationCode)(code)
const region = (code: string) => Schema.decodeSync(Codes.RegionCode)(code)

describe("KECO occupation codes", () => {
  it("ships the 10 major and 35 middle groups of KECO 2018", () => {
    expect(Codes.occupationGroups.major.map(([code]) => code)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
    expect(Codes.occupationGroups.middle).toHaveLength(35)
    // every middle group sits under the major group of its first digit
    for (const [middle] of Codes.occupationGroups.middle) {
      expect(Codes.occupationGroups.major.some(([major]) => middle.startsWith(major))).toBe(true)
    }
  })

  it("splits a code into its major, middle and minor groups", () => {
    const cleaner = occupation("5611")
    expect(Codes.majorGroup(cleaner)).toBe("5")
    expect(Codes.middleGroup(cleaner)).toBe("56")
    expect(Codes.minorGroup(cleaner)).toBe("561")
    expect(Codes.minorGroup(occupation("56"))).toBeUndefined()
    expect(Codes.middleGroupName(cleaner)).toBe("청소 및 기타 개인서비스직")
    expect(Codes.middleGroupName(cleaner, "en")).toBe("Cleaning and other personal services")
    expect(Codes.majorGroupName(occupation("0231"), "en")).toBe("Management, office, finance and insurance")
  })

  it.each([
    ["5611", "5611", "exact"],
    ["5611", "5612", "minor"],
    ["5611", "5621", "middle"],
    ["5611", "5410", "major"],
    ["5611", "0231", "none"],
    ["56", "5611", "middle"],
    ["023100", "0231", "minor"]
  ] as const)("similarity of %s and %s is %s", (a, b, level) => {
    expect(Codes.occupationSimilarity(occupation(a), occupation(b))).toBe(level)
  })

  it("similarity is symmetric and exact only for equal codes", () => {
    const code = fc.tuple(fc.constantFrom(...Codes.occupationGroups.middle.map(([c]) => c)), fc.stringMatching(/^\d{0,4}$/))
      .map(([m, rest]) => occupation(m + rest))
    fc.assert(fc.property(code, code, (a, b) => {
      expect(Codes.occupationSimilarity(a, b)).toBe(Codes.occupationSimilarity(b, a))
      expect(Codes.occupationSimilarity(a, b) === "exact").toBe(a === b)
      expect(Codes.occupationSimilarity(a, b) === "none").toBe(a[0] !== b[0])
    }))
  })

  it.each(["", "5", "0412", "5611234", "56a1", " 5611"])("refuses %j", (code) => {
    expect(Either.isLeft(Schema.decodeUnknownEither(Codes.OccupationCode)(code))).toBe(true)
  })
})

describe("region codes", () => {
  it("names Seoul's 25 districts in Korean and English", () => {
    expect(Codes.seoulDistricts).toHaveLength(25)
    expect(new Set(Codes.seoulDistricts.map((d) => d.code)).size).toBe(25)
    expect(Codes.regionName(region("11200"))).toBe("성동구")
    expect(Codes.regionName(region("11560"), "en")).toBe("Yeongdeungpo-gu")
    expect(Codes.regionName(region("11000"))).toBe("서울특별시")
    expect(Codes.regionName(region("41135"), "en")).toBe("Gyeonggi-do 41135")
    for (const { code, name } of Codes.seoulDistricts) {
      expect(code).toMatch(/^11\d{3}$/)
      expect(name.ko).toMatch(/구$/)
      expect(name.en).toMatch(/-gu$/)
    }
  })

  it("accepts any 5-digit code in a known province outside Seoul", () => {
    for (const code of ["26110", "41135", "50110", "51110", "52111", "41000"]) {
      expect(Either.isRight(Schema.decodeUnknownEither(Codes.RegionCode)(code))).toBe(true)
    }
  })

  it.each(["1120", "112000", "11201", "99110", "00000", "abcde"])("refuses %j", (code) => {
    expect(Either.isLeft(Schema.decodeUnknownEither(Codes.RegionCode)(code))).toBe(true)
  })
})

describe("Work24 code lists", () => {
  it("orders education levels so that meeting a minimum is a comparison", () => {
    expect(Codes.meetsEducation("03", "00")).toBe(true)
    expect(Codes.meetsEducation("05", "04")).toBe(true)
    expect(Codes.meetsEducation("03", "04")).toBe(false)
    expect(Codes.educationLabel("04")).toBe("대졸(2~3년)")
    expect(Codes.educationLabel("07", "en")).toBe("Doctorate")
  })

  it("maps wage types and career requirements to and from Work24's letters", () => {
    for (const type of Codes.WageType.literals) {
      expect(Codes.wageTypeFromWork24(Codes.wageTypeToWork24(type))).toBe(type)
    }
    expect(Codes.wageTypeFromWork24("W")).toBeUndefined()
    expect(Codes.wageTypeFromWork24("toString")).toBeUndefined()
    expect(Codes.careerRequirementToWork24("any")).toBe("Z")
  })

  it("labels every code of every list in both languages", () => {
    const lists = [
      [Codes.EducationLevel, Codes.educationLabel],
      [Codes.WageType, Codes.wageTypeLabel],
      [Codes.ContractType, Codes.contractTypeLabel],
      [Codes.WorkSchedule, Codes.workScheduleLabel],
      [Codes.WorkingDays, Codes.workingDaysLabel],
      [Codes.CareerRequirement, Codes.careerRequirementLabel],
      [Codes.TargetGroup, Codes.targetGroupLabel]
    ] as const
    for (const [schema, label] of lists) {
      for (const code of schema.literals) {
        const l = label as (code: string, language?: "ko" | "en") => string
        expect(l(code)).toMatch(/[가-힣]/)
        expect(l(code, "en")).toMatch(/^[A-Z0-9]/)
      }
    }
  })

  it("lists the seeds' target groups and marks disability as sensitive", () => {
    expect(Codes.TargetGroup.literals).toContain("homeless")
    expect(Codes.TargetGroup.literals).toContain("discharging-soldier")
    expect([...Codes.sensitiveTargetGroups]).toEqual(["disability"])
  })
})
