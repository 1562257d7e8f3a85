/**
 * The code lists a Korean job center works with: KECO occupations, 시군구
 * regions, Work24 education levels, wage types, employment and working-day
 * types, career requirements and the target groups of the seeds' programs.
 *
 * Each list is a schema (decoding rejects an unknown code with the accepted
 * ones in the message) and a label lookup in Korean (default) or English.
 *
 * @example
 * ```ts
 * import { Codes } from "@iljari/core"
 *
 * const cleaner = Codes.OccupationCode.make("5611") // KECO: 청소원
 * Codes.majorGroupName(cleaner)        // "미용·여행·숙박·음식·경비·청소직"
 * Codes.regionName(Codes.RegionCode.make("11200"))       // "성동구"
 * Codes.regionName(Codes.RegionCode.make("11200"), "en") // "Seongdong-gu"
 * Codes.meetsEducation("05", "03")     // a university graduate meets "high school": true
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { Schema } from "effect"
import { codeSet, describe } from "./CodeSet.js"
import { majorGroups, middleGroups } from "./internal/keco.js"
import type { Label, Language } from "./Labels.js"
import { provinces, seoulDistricts as seoulDistrictTable } from "./internal/regions.js"

/**
 * A label in Korean and English, and the language to show.
 *
 * @since 0.1.0
 * @category labels
 */
export type { Label, Language } from "./Labels.js"

// ---------------------------------------------------------------------------
// Occupations (KECO 2018)
// ---------------------------------------------------------------------------

const majorByCode = new Map(majorGroups)
const middleByCode = new Map(middleGroups)

/**
 * A KECO 2018 occupation code of 2 to 6 digits: a middle group (`02`), a minor
 * group (`023`), a unit group (`0231`) or a Work24 6-digit code whose leading
 * digits follow KECO. Its first two digits must be one of the 35 middle groups.
 * A seeker may wish for a whole group by giving its shorter code.
 *
 * @since 0.1.0
 * @category occupations
 */
export const OccupationCode = Schema.String.pipe(
  Schema.filter((code) => {
    if (!/^\d{2,6}$/.test(code)) {
      return `must be a KECO occupation code of 2–6 digits, e.g. 0231; got ${describe(code)}`
    }
    return middleByCode.has(code.slice(0, 2)) ||
      `must start with a KECO middle group (01–03, 11–15, 21–25, 30, 41–42, 51–56, 61–62, 70, 81–89, 90); "${
        code.slice(0, 2)
      }" in ${describe(code)} is not one`
  }),
  Schema.brand("OccupationCode")
).annotations({
  identifier: "OccupationCode",
  description:
    "A KECO 2018 occupation code of 2–6 digits whose first two digits are one of the 35 middle groups (01–03, 11–15, 21–25, 30, 41–42, 51–56, 61–62, 70, 81–89, 90)",
  examples: ["0231" as OccupationCode, "56" as OccupationCode],
  jsonSchema: { pattern: `^(?:${middleGroups.map(([code]) => code).join("|")})\\d{0,4}$` },
  arbitrary: () => (fc) =>
    fc.tuple(fc.constantFrom(...middleGroups.map(([code]) => code)), fc.stringMatching(/^\d{0,4}$/))
      .map(([middle, rest]) => (middle + rest) as OccupationCode)
})
/** @since 0.1.0 @category occupations */
export type OccupationCode = typeof OccupationCode.Type

/**
 * How close two occupation codes are, from the most to the least specific
 * level they share.
 *
 * @since 0.1.0
 * @category occupations
 */
export type OccupationSimilarity = "exact" | "minor" | "middle" | "major" | "none"

/**
 * The major group (대분류, first digit) of a code.
 *
 * @since 0.1.0
 * @category occupations
 */
export const majorGroup = (code: OccupationCode): string => code.slice(0, 1)

/**
 * The middle group (중분류, first two digits) of a code.
 *
 * @since 0.1.0
 * @category occupations
 */
export const middleGroup = (code: OccupationCode): string => code.slice(0, 2)

/**
 * The minor group (소분류, first three digits) of a code, or `undefined` for a
 * middle-group code that names no minor group.
 *
 * @since 0.1.0
 * @category occupations
 */
export const minorGroup = (code: OccupationCode): string | undefined => code.length >= 3 ? code.slice(0, 3) : undefined

/**
 * The deepest KECO level two codes share: identical codes are `exact`; codes
 * sharing three leading digits are in the same minor group, two the same
 * middle group, one the same major group.
 *
 * @since 0.1.0
 * @category occupations
 */
export const occupationSimilarity = (a: OccupationCode, b: OccupationCode): OccupationSimilarity => {
  if (a === b) return "exact"
  let shared = 0
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++
  return shared >= 3 ? "minor" : shared === 2 ? "middle" : shared === 1 ? "major" : "none"
}

/**
 * The name of the major group a code belongs to.
 *
 * @since 0.1.0
 * @category occupations
 */
export const majorGroupName = (code: OccupationCode, language: Language = "ko"): string =>
  majorByCode.get(majorGroup(code))![language]

/**
 * The name of the middle group a code belongs to.
 *
 * @since 0.1.0
 * @category occupations
 */
export const middleGroupName = (code: OccupationCode, language: Language = "ko"): string =>
  middleByCode.get(middleGroup(code))![language]

/**
 * The 10 major and 35 middle groups of KECO 2018 with their names.
 *
 * @since 0.1.0
 * @category occupations
 */
export const occupationGroups: {
  readonly major: ReadonlyArray<readonly [string, Label]>
  readonly middle: ReadonlyArray<readonly [string, Label]>
} = { major: majorGroups, middle: middleGroups }

// ---------------------------------------------------------------------------
// Regions (시군구)
// ---------------------------------------------------------------------------

const provinceByCode = new Map(provinces)
const seoulByCode = new Map(seoulDistrictTable)

/**
 * A 5-digit 시군구 region code (the first five digits of a 10-digit 법정동
 * code). Its first two digits must be a province (시도) code; within Seoul
 * (`11…`) it must be one of the 25 districts. A province code followed by
 * `000` (e.g. `11000`) means the whole province or city.
 *
 * @since 0.1.0
 * @category regions
 */
export const RegionCode = Schema.String.pipe(
  Schema.filter((code) => {
    if (!/^\d{5}$/.test(code)) return `must be a 5-digit 시군구 region code, e.g. 11200; got ${describe(code)}`
    const province = code.slice(0, 2)
    if (!provinceByCode.has(province)) {
      return `must start with a province (시도) code such as 11 (Seoul) or 41 (Gyeonggi); "${province}" in ${
        describe(code)
      } is not one`
    }
    return province !== "11" || code === "11000" || seoulByCode.has(code) ||
      `must be one of Seoul's 25 district codes (11110 Jongno … 11740 Gangdong) or 11000 for all of Seoul; got ${
        describe(code)
      }`
  }),
  Schema.brand("RegionCode")
).annotations({
  identifier: "RegionCode",
  description:
    "A 5-digit 시군구 region code: a province (시도) code and three digits; in Seoul one of the 25 district codes, or 11000 for all of Seoul",
  examples: ["11200" as RegionCode],
  jsonSchema: {
    pattern: `^(?:11(?:000|${seoulDistrictTable.map(([code]) => code.slice(2)).join("|")})|(?:${
      provinces.map(([code]) => code).filter((code) => code !== "11").join("|")
    })\\d{3})$`
  },
  arbitrary: () => (fc) =>
    fc.oneof(
      fc.constantFrom(...seoulDistrictTable.map(([code]) => code)),
      fc.tuple(fc.constantFrom(...provinces.map(([code]) => code).filter((p) => p !== "11")), fc.stringMatching(/^\d{3}$/))
        .map(([province, rest]) => province + rest)
    ).map((code) => code as RegionCode)
})
/** @since 0.1.0 @category regions */
export type RegionCode = typeof RegionCode.Type

/**
 * Seoul's 25 districts with their codes and names.
 *
 * @since 0.1.0
 * @category regions
 */
export const seoulDistricts: ReadonlyArray<{ readonly code: RegionCode; readonly name: Label }> = seoulDistrictTable
  .map(([code, name]) => ({ code: code as RegionCode, name }))

/**
 * The province (시도) code of a region: its first two digits.
 *
 * @since 0.1.0
 * @category regions
 */
export const provinceOf = (code: RegionCode): string => code.slice(0, 2)

/**
 * Whether a region code covers a whole province or city (`xx000`).
 *
 * @since 0.1.0
 * @category regions
 */
export const isWholeProvince = (code: RegionCode): boolean => code.endsWith("000")

/**
 * A region's name: a Seoul district's (`성동구`), or a province's for a
 * whole-province code (`서울특별시`). Other districts are named by their
 * province and code, since iljari ships names for Seoul only.
 *
 * @since 0.1.0
 * @category regions
 */
export const regionName = (code: RegionCode, language: Language = "ko"): string => {
  const district = seoulByCode.get(code)
  if (district !== undefined) return district[language]
  const province = provinceByCode.get(provinceOf(code))![language]
  return isWholeProvince(code) ? province : `${province} ${code}`
}

// ---------------------------------------------------------------------------
// Work24 code lists
// ---------------------------------------------------------------------------

const education = codeSet("EducationLevel", [
  ["00", { ko: "학력무관", en: "Any education" }],
  ["01", { ko: "초졸이하", en: "Elementary school or less" }],
  ["02", { ko: "중졸", en: "Middle school" }],
  ["03", { ko: "고졸", en: "High school" }],
  ["04", { ko: "대졸(2~3년)", en: "Junior college (2–3 years)" }],
  ["05", { ko: "대졸(4년)", en: "University (4 years)" }],
  ["06", { ko: "석사", en: "Master's degree" }],
  ["07", { ko: "박사", en: "Doctorate" }]
])

/**
 * Work24 education levels `00`–`07`. `00` (학력무관, any) is only meaningful as
 * an opening's minimum.
 *
 * @since 0.1.0
 * @category education
 */
export const EducationLevel = education.schema
/** @since 0.1.0 @category education */
export type EducationLevel = typeof EducationLevel.Type
/** @since 0.1.0 @category education */
export const educationLabel = education.label

/**
 * Whether a person's education meets an opening's minimum (`00` accepts all).
 *
 * @since 0.1.0
 * @category education
 */
export const meetsEducation = (attained: EducationLevel, minimum: EducationLevel): boolean => attained >= minimum

const wageTypes = codeSet("WageType", [
  ["hourly", { ko: "시급", en: "Hourly" }],
  ["daily", { ko: "일급", en: "Daily" }],
  ["monthly", { ko: "월급", en: "Monthly" }],
  ["yearly", { ko: "연봉", en: "Yearly" }]
])

/**
 * How a wage is quoted. Work24 writes these H, D, M and Y; see
 * {@link wageTypeFromWork24}. Normalisation to a monthly figure is in `Wage`.
 *
 * @since 0.1.0
 * @category wages
 */
export const WageType = wageTypes.schema
/** @since 0.1.0 @category wages */
export type WageType = typeof WageType.Type
/** @since 0.1.0 @category wages */
export const wageTypeLabel = wageTypes.label

const wageTypeByWork24 = { H: "hourly", D: "daily", M: "monthly", Y: "yearly" } as const satisfies Record<
  string,
  WageType
>

/**
 * The wage type of a Work24 code (H, D, M, Y), or `undefined` for another code.
 *
 * @since 0.1.0
 * @category wages
 */
export const wageTypeFromWork24 = (code: string): WageType | undefined =>
  Object.hasOwn(wageTypeByWork24, code) ? wageTypeByWork24[code as keyof typeof wageTypeByWork24] : undefined

/**
 * The Work24 code of a wage type.
 *
 * @since 0.1.0
 * @category wages
 */
export const wageTypeToWork24 = (type: WageType): "H" | "D" | "M" | "Y" =>
  type === "hourly" ? "H" : type === "daily" ? "D" : type === "monthly" ? "M" : "Y"

const contractTypes = codeSet("ContractType", [
  ["open-ended", { ko: "기간의 정함이 없는 근로계약(상용직)", en: "Open-ended contract (regular)" }],
  ["fixed-term", { ko: "기간의 정함이 있는 근로계약(계약직)", en: "Fixed-term contract" }],
  ["daily", { ko: "일용직", en: "Daily work" }],
  ["dispatch", { ko: "파견근로", en: "Agency (dispatched) work" }]
])

/**
 * The contract an opening offers or a seeker accepts.
 *
 * @since 0.1.0
 * @category employment
 */
export const ContractType = contractTypes.schema
/** @since 0.1.0 @category employment */
export type ContractType = typeof ContractType.Type
/** @since 0.1.0 @category employment */
export const contractTypeLabel = contractTypes.label

const schedules = codeSet("WorkSchedule", [
  ["full-time", { ko: "전일제", en: "Full-time" }],
  ["part-time", { ko: "시간(선택)제", en: "Part-time" }]
])

/**
 * Full-time or part-time (시간선택제) work.
 *
 * @since 0.1.0
 * @category employment
 */
export const WorkSchedule = schedules.schema
/** @since 0.1.0 @category employment */
export type WorkSchedule = typeof WorkSchedule.Type
/** @since 0.1.0 @category employment */
export const workScheduleLabel = schedules.label

const workingDays = codeSet("WorkingDays", [
  ["five-days", { ko: "주5일", en: "5 days a week" }],
  ["six-days", { ko: "주6일", en: "6 days a week" }],
  ["alternate-saturdays", { ko: "토요격주", en: "Every other Saturday" }],
  ["shifts", { ko: "교대근무", en: "Shift work" }],
  ["other", { ko: "기타", en: "Other" }]
])

/**
 * The weekly pattern of working days (Work24's 근무형태).
 *
 * @since 0.1.0
 * @category employment
 */
export const WorkingDays = workingDays.schema
/** @since 0.1.0 @category employment */
export type WorkingDays = typeof WorkingDays.Type
/** @since 0.1.0 @category employment */
export const workingDaysLabel = workingDays.label

const careers = codeSet("CareerRequirement", [
  ["new", { ko: "신입", en: "New entrant" }],
  ["experienced", { ko: "경력", en: "Experienced" }],
  ["any", { ko: "관계없음", en: "Any" }]
])

/**
 * What an opening asks of a candidate's career. Work24 writes these N, E, Z.
 *
 * @since 0.1.0
 * @category employment
 */
export const CareerRequirement = careers.schema
/** @since 0.1.0 @category employment */
export type CareerRequirement = typeof CareerRequirement.Type
/** @since 0.1.0 @category employment */
export const careerRequirementLabel = careers.label

/**
 * The Work24 code of a career requirement.
 *
 * @since 0.1.0
 * @category employment
 */
export const careerRequirementToWork24 = (requirement: CareerRequirement): "N" | "E" | "Z" =>
  requirement === "new" ? "N" : requirement === "experienced" ? "E" : "Z"

const targetGroups = codeSet("TargetGroup", [
  ["youth", { ko: "청년", en: "Youth" }],
  ["career-break-women", { ko: "경력단절여성", en: "Women returning after a career break" }],
  ["middle-aged", { ko: "신중년(장년)", en: "Middle-aged (50s–60s)" }],
  ["senior", { ko: "어르신(65세 이상)", en: "Seniors (65+)" }],
  ["vulnerable", { ko: "취약계층", en: "Vulnerable groups" }],
  ["homeless", { ko: "노숙인(자활)", en: "Homeless people seeking to restart" }],
  ["discharging-soldier", { ko: "전역예정병사", en: "Soldiers about to be discharged" }],
  ["public-service-conscript", { ko: "공익근무요원", en: "Public-service conscripts" }],
  ["public-job-participant", { ko: "공공일자리 참여자", en: "Public-job participants" }],
  ["disability", { ko: "장애인", en: "People with disabilities" }]
])

/**
 * The groups the seeds' programs and reports single out. Some of them
 * (youth, middle-aged, senior) follow from age: they serve program
 * eligibility and reporting only, never matching.
 *
 * @since 0.1.0
 * @category target groups
 */
export const TargetGroup = targetGroups.schema
/** @since 0.1.0 @category target groups */
export type TargetGroup = typeof TargetGroup.Type
/** @since 0.1.0 @category target groups */
export const targetGroupLabel = targetGroups.label

/**
 * Target groups that are sensitive data under 개인정보 보호법 (health and
 * disability) and need the person's separate consent to be recorded.
 *
 * @since 0.1.0
 * @category target groups
 */
export const sensitiveTargetGroups: ReadonlySet<TargetGroup> = new Set<TargetGroup>(["disability"])
