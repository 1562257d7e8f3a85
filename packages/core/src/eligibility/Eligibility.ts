/**
 * Program eligibility and payment (사업 참여 자격·지급): public works
 * (공공근로), community jobs (지역공동체 일자리), the youth intern subsidy and
 * the middle-aged hire subsidy.
 *
 * A program is **data**, not code: a list of rules (a tagged union) and a
 * benefit (daily work paid by the hour or by a table, a share of a wage, or
 * a fixed monthly amount), decoded with {@link Program} like any other
 * input. Thresholds, age bands, hours and hourly pay differ by year and
 * district, so none of them is a constant here: the presets
 * ({@link publicWorksYeongdeungpo}, {@link communityJobs},
 * {@link youthIntern}, {@link middleAgedHire}, and the narrower
 * {@link babyBoomerHire}) are values carrying the seeds' readings, and a
 * district writes its own program the same way.
 *
 * {@link evaluate} checks every rule and reports each one, passed or not,
 * with a message in Korean and English. The payment helpers compute daily pay
 * by hours (with the 65+ hour limit) and the subsidies, in whole won.
 *
 * **Age is read here and only here.** Placement and matching must not filter
 * or rank by age (직업안정법 제2조, 고령자고용법 제4조의4); programs may, because
 * the law that creates them says so (youth 15–35, 65+ hours, baby boomers).
 * This module is the single place in iljari that turns a birth date into an
 * age ({@link ageOn}), and it does so only to apply a program's own rules.
 * No resident registration number is ever asked for: the birth date is enough.
 *
 * Why one module of this size (about 1,400 lines): the rule language, the
 * presets, the evaluation and the payment helpers all turn birth dates into
 * ages, and keeping them together keeps that the one place in iljari that
 * does (a rule the law gives the data model); the sections below are marked.
 *
 * @example
 * ```ts
 * import { Codes, Eligibility, LocalDate } from "@iljari/core"
 * import { Either } from "effect"
 *
 * const applicant = Either.getOrThrow(Eligibility.decodeApplicant({
 *   birthDate: "1962-05-14",
 *   residence: "11200",
 *   employmentStatus: "unemployed"
 * }))
 * // Every preset program of 성동구, each with the reasons it is or is not open to the applicant.
 * const evaluations = Eligibility.evaluateAll(
 *   Eligibility.presetsFor(Codes.RegionCode.make("11200")),
 *   applicant,
 *   LocalDate.make(2026, 5, 14)
 * )
 * ```
 *
 * @since 0.1.0
 * @module
 * @category eligibility
 */
import { Either, Option, Schema } from "effect"
import { ContractType, contractTypeLabel, RegionCode, regionName } from "../kernel/Codes.js"
import { EmployerSize, employerSizeLabel } from "../registry/Employer.js"
import { codeSet } from "../kernel/CodeSet.js"
import type { Label, Language } from "../kernel/Labels.js"
import * as LegalPeriod from "../kernel/LegalPeriod.js"
import { distinctList } from "../kernel/Lists.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Text from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import * as Wage from "../kernel/Wage.js"

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",")
const won = (n: number): Label => ({ ko: `${thousands(n)}원`, en: `₩${thousands(n)}` })

const wholeNumber = (min: number, max: number, what: string) =>
  Schema.Number.pipe(
    Schema.filter((n) =>
      Number.isSafeInteger(n) && n >= min && n <= max ||
      `must be a whole number of ${what} between ${min} and ${thousands(max)}; got ${n}`
    )
  ).annotations({
    // fc.integer stops at 2^31 - 1; larger bounds (won) need the safe-integer range.
    arbitrary: () => (fc) =>
      max <= 0x7fffffff ? fc.integer({ min, max }) : fc.maxSafeNat().filter((n) => n >= min && n <= max)
  })

const Years = wholeNumber(0, 150, "years")
const Hours = wholeNumber(1, 24, "hours")
const Months = wholeNumber(1, 120, "months")
const CalendarYear = wholeNumber(1900, 2199, "years")

/** Won may be zero (no assets, an unpaid month); it is never fractional. */
const WonAmount = wholeNumber(0, Number.MAX_SAFE_INTEGER, "won").annotations({ identifier: "WonAmount" })
const PositiveWon = wholeNumber(1, Number.MAX_SAFE_INTEGER, "won")

const Percent = Schema.Number.pipe(
  Schema.filter((n) =>
    Number.isFinite(n) && n >= 0 && n <= 10_000 || `must be a percentage between 0 and 10,000; got ${n}`
  )
).annotations({ arbitrary: () => (fc) => fc.double({ min: 0, max: 10_000, noNaN: true }) })

// ---------------------------------------------------------------------------
// Code lists
// ---------------------------------------------------------------------------

const employmentStatuses = codeSet("EmploymentStatus", [
  ["unemployed", { ko: "실업·미취업", en: "Unemployed" }],
  ["irregular", { ko: "정기소득 없는 일용·임시근로", en: "Day or casual work without regular income" }],
  ["employed", { ko: "정기소득이 있는 취업", en: "Employed with a regular income" }]
])

/**
 * An applicant's work situation as programs ask it: unemployed, working by
 * the day without a regular income (public works admits both), or employed.
 *
 * @since 0.1.0
 * @category codes
 */
export const EmploymentStatus = employmentStatuses.schema
/** @since 0.1.0 @category codes */
export type EmploymentStatus = typeof EmploymentStatus.Type
/** @since 0.1.0 @category codes */
export const employmentStatusLabel = employmentStatuses.label

const incomeReferences = codeSet("IncomeReference", [
  ["minimum-cost-of-living", { ko: "최저생계비", en: "minimum cost of living" }],
  ["median-income", { ko: "기준 중위소득", en: "median income" }]
])

/**
 * What a household income is measured against: the minimum cost of living
 * (최저생계비, the seeds' reference) or the median income (기준 중위소득, which
 * replaced it in 2015).
 *
 * @since 0.1.0
 * @category codes
 */
export const IncomeReference = incomeReferences.schema
/** @since 0.1.0 @category codes */
export type IncomeReference = typeof IncomeReference.Type
/** @since 0.1.0 @category codes */
export const incomeReferenceLabel = incomeReferences.label

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

/**
 * Aged at least `years` (만 나이, full years) on the evaluation date.
 *
 * @since 0.1.0
 * @category rules
 */
export const AgeAtLeast = Schema.TaggedStruct("AgeAtLeast", { years: Years }).annotations({ identifier: "AgeAtLeast" })

/**
 * Aged at most `years` (만 나이) on the evaluation date.
 *
 * @since 0.1.0
 * @category rules
 */
export const AgeAtMost = Schema.TaggedStruct("AgeAtMost", { years: Years }).annotations({ identifier: "AgeAtMost" })

/**
 * Aged `min` to `max` inclusive (만 나이) on the evaluation date.
 *
 * @since 0.1.0
 * @category rules
 */
export const AgeBetween = Schema.TaggedStruct("AgeBetween", { min: Years, max: Years }).pipe(
  Schema.filter((r) => r.min <= r.max || { path: ["max"], message: `must not be below min (${r.min}); got ${r.max}` })
).annotations({ identifier: "AgeBetween" })

/**
 * Born in one of the years `from`–`to` inclusive: a generation such as the
 * baby boomers (1955–1963), whose band does not move with the date.
 *
 * @since 0.1.0
 * @category rules
 */
export const BornBetween = Schema.TaggedStruct("BornBetween", { from: CalendarYear, to: CalendarYear }).pipe(
  Schema.filter((r) => r.from <= r.to || { path: ["to"], message: `must not be before from (${r.from}); got ${r.to}` })
).annotations({ identifier: "BornBetween" })

/**
 * Lives in `region`; a whole-province code (`11000`) admits any district of it.
 *
 * @since 0.1.0
 * @category rules
 */
export const ResidentOf = Schema.TaggedStruct("ResidentOf", { region: RegionCode }).annotations({
  identifier: "ResidentOf"
})

/**
 * The applicant's employment status is one of `statuses`.
 *
 * @since 0.1.0
 * @category rules
 */
export const EmploymentStatusIn = Schema.TaggedStruct("EmploymentStatusIn", {
  statuses: distinctList(EmploymentStatus, { min: 1, max: 3 })
}).annotations({ identifier: "EmploymentStatusIn" })

/**
 * The household's assets (재산) are at most `won`.
 *
 * @since 0.1.0
 * @category rules
 */
export const AssetsAtMost = Schema.TaggedStruct("AssetsAtMost", { won: WonAmount }).annotations({
  identifier: "AssetsAtMost"
})

/**
 * The household income is at most `percent` % of `reference`.
 *
 * @since 0.1.0
 * @category rules
 */
export const HouseholdIncomeAtMost = Schema.TaggedStruct("HouseholdIncomeAtMost", {
  percent: Percent,
  reference: IncomeReference
}).annotations({ identifier: "HouseholdIncomeAtMost" })

/**
 * Not a recipient of basic livelihood security (국민기초생활수급자).
 *
 * @since 0.1.0
 * @category rules
 */
export const NotBasicLivelihoodRecipient = Schema.TaggedStruct("NotBasicLivelihoodRecipient", {}).annotations({
  identifier: "NotBasicLivelihoodRecipient"
})

/**
 * Not receiving unemployment benefit (실업급여).
 *
 * @since 0.1.0
 * @category rules
 */
export const NotUnemploymentBenefitRecipient = Schema.TaggedStruct("NotUnemploymentBenefitRecipient", {})
  .annotations({ identifier: "NotUnemploymentBenefitRecipient" })

/**
 * Worked at most `months` months in the last `windowMonths` months
 * (public works: at most 10 in the last 24).
 *
 * @since 0.1.0
 * @category rules
 */
export const MonthsWorkedAtMost = Schema.TaggedStruct("MonthsWorkedAtMost", {
  months: wholeNumber(0, 120, "months"),
  windowMonths: Months
}).pipe(
  Schema.filter((r) =>
    r.months <= r.windowMonths ||
    { path: ["months"], message: `must not exceed windowMonths (${r.windowMonths}); got ${r.months}` }
  )
).annotations({ identifier: "MonthsWorkedAtMost" })

/**
 * For an employer-side subsidy: the hiring employer's size band is one of
 * `sizes`.
 *
 * @since 0.1.0
 * @category rules
 */
export const EmployerSizeIn = Schema.TaggedStruct("EmployerSizeIn", {
  sizes: distinctList(EmployerSize, { min: 1, max: 4 })
}).annotations({ identifier: "EmployerSizeIn" })

/**
 * For an employer-side subsidy: the hire is on one of `types` of contract
 * (a regular hire is `open-ended`).
 *
 * @since 0.1.0
 * @category rules
 */
export const ContractTypeIn = Schema.TaggedStruct("ContractTypeIn", {
  types: distinctList(ContractType, { min: 1, max: 4 })
}).annotations({ identifier: "ContractTypeIn" })

/**
 * One eligibility rule of a program.
 *
 * @since 0.1.0
 * @category rules
 */
export const Rule = Schema.Union(
  AgeAtLeast,
  AgeAtMost,
  AgeBetween,
  BornBetween,
  ResidentOf,
  EmploymentStatusIn,
  AssetsAtMost,
  HouseholdIncomeAtMost,
  NotBasicLivelihoodRecipient,
  NotUnemploymentBenefitRecipient,
  MonthsWorkedAtMost,
  EmployerSizeIn,
  ContractTypeIn
).annotations({ identifier: "Rule" })
/** @since 0.1.0 @category rules */
export type Rule = typeof Rule.Type

// ---------------------------------------------------------------------------
// Benefits
// ---------------------------------------------------------------------------

const MonthDay = Schema.String.pipe(
  Schema.filter((s) => {
    const match = /^(\d{2})-(\d{2})$/.exec(s)
    // Checked against a leap year, so 02-29 is accepted (it falls back to 02-28).
    const ok = match !== null && Number(match[1]) >= 1 && Number(match[1]) <= 12 && Number(match[2]) >= 1 &&
      Number(match[2]) <= LocalDate.daysInMonth(2000, Number(match[1]))
    return ok || `must be a month and day written MM-DD, e.g. 02-03; got ${JSON.stringify(s)}`
  })
)

/**
 * A round (단계) of a yearly program, from one month-day to another of the
 * same year.
 *
 * @since 0.1.0
 * @category benefits
 */
export const Round = Schema.Struct({ from: MonthDay, to: MonthDay }).pipe(
  Schema.filter((r) => r.from <= r.to || { path: ["to"], message: `must not be before from (${r.from}); got ${r.to}` })
).annotations({ identifier: "Round" })
/** @since 0.1.0 @category benefits */
export type Round = typeof Round.Type

/**
 * One row of a daily pay table: the wage for a day of `hours` hours.
 *
 * @since 0.1.0
 * @category benefits
 */
export const PayRow = Schema.Struct({ hours: Hours, dailyWage: PositiveWon }).annotations({ identifier: "PayRow" })
/** @since 0.1.0 @category benefits */
export type PayRow = typeof PayRow.Type

/**
 * A lower daily-hours limit from an age on (65+: at most 3 hours).
 *
 * @since 0.1.0
 * @category benefits
 */
export const AgeHourLimit = Schema.Struct({ fromAge: Years, maxHours: Hours }).annotations({ identifier: "AgeHourLimit" })
/** @since 0.1.0 @category benefits */
export type AgeHourLimit = typeof AgeHourLimit.Type

/**
 * Pay by the hour: `hourlyWage` for each hour of the day, so a day of `h`
 * hours earns `h × hourlyWage`. When the wage is a year's statutory minimum
 * (the community-jobs seed pays 2014's ₩5,210), `minimumWageOf` names that
 * year and decoding checks the figure against `Wage.minimumHourlyWages`
 * (a year iljari does not list is taken as written). {@link atMinimumWage}
 * builds one from the list.
 *
 * @since 0.4.0
 * @category benefits
 */
export const HourlyPay = Schema.TaggedStruct("HourlyPay", {
  hourlyWage: wholeNumber(1, 1_000_000, "won"),
  /** The year whose minimum hourly wage `hourlyWage` is, when it is one. */
  minimumWageOf: Schema.optionalWith(CalendarYear, { exact: true })
}).pipe(
  Schema.filter((pay) => {
    if (pay.minimumWageOf === undefined) return true
    const minimum = Option.getOrUndefined(Wage.minimumHourlyWage(pay.minimumWageOf))
    return minimum === undefined || minimum === pay.hourlyWage || {
      path: ["hourlyWage"],
      message: `must be ${pay.minimumWageOf}'s minimum hourly wage (${thousands(minimum)}) as minimumWageOf says; got ${thousands(pay.hourlyWage)}`
    }
  })
).annotations({ identifier: "HourlyPay" })
/** @since 0.4.0 @category benefits */
export type HourlyPay = typeof HourlyPay.Type

/**
 * Pay by a table of daily wages, one row per number of hours, and what to
 * do for hours between its rows — `interpolate` (a straight line between
 * the two nearest rows, won below one truncated) or `refuse` (only hours
 * with a row are paid).
 *
 * @since 0.4.0
 * @category benefits
 */
export const PayTable = Schema.TaggedStruct("PayTable", {
  rows: Schema.NonEmptyArray(PayRow).pipe(
    Schema.filter((rows) => {
      for (let i = 1; i < rows.length; i++) {
        if (rows[i]!.hours <= rows[i - 1]!.hours) {
          return { path: [i, "hours"], message: `must be more than the row before (${rows[i - 1]!.hours}); rows go from fewest to most hours` }
        }
      }
      return true
    })
  ),
  betweenRows: Schema.Literal("interpolate", "refuse")
}).annotations({ identifier: "PayTable" })
/** @since 0.4.0 @category benefits */
export type PayTable = typeof PayTable.Type

/**
 * How a day's work is paid: by the hour ({@link HourlyPay}) or by a table
 * ({@link PayTable}).
 *
 * @since 0.4.0
 * @category benefits
 */
export const DailyPayRule = Schema.Union(HourlyPay, PayTable).annotations({ identifier: "DailyPayRule" })
/** @since 0.4.0 @category benefits */
export type DailyPayRule = typeof DailyPayRule.Type

/**
 * Hourly pay at `year`'s statutory minimum wage, or none when
 * `Wage.minimumHourlyWages` does not list the year (write the figure
 * yourself then: `{ _tag: "HourlyPay", hourlyWage, minimumWageOf: year }`).
 *
 * @since 0.4.0
 * @category benefits
 */
export const atMinimumWage = (year: number): Option.Option<HourlyPay> =>
  Option.map(Wage.minimumHourlyWage(year), (hourlyWage) => ({ _tag: "HourlyPay" as const, hourlyWage, minimumWageOf: year }))

/**
 * Work paid by the day (public works, community jobs): the hours a day a
 * participant may work, lower limits by age, how the hours are paid
 * (`pay`: by the hour, or by a table), expenses (부대경비) added per day
 * whatever the hours, and the rounds of the year.
 *
 * Since 0.4.0 the pay is one field, `pay`, instead of `payTable` and
 * `betweenRows`: a table is `{ _tag: "PayTable", rows, betweenRows }`.
 *
 * @since 0.1.0
 * @category benefits
 */
export const DailyWork = Schema.TaggedStruct("DailyWork", {
  hoursPerDay: Schema.Struct({ min: Hours, max: Hours }).pipe(
    Schema.filter((h) => h.min <= h.max || { path: ["max"], message: `must not be below min (${h.min}); got ${h.max}` })
  ),
  hourLimitsByAge: Schema.Array(AgeHourLimit),
  pay: DailyPayRule,
  dailyExpenses: WonAmount,
  rounds: Schema.Array(Round)
}).pipe(
  Schema.filter((work) => {
    const { max, min } = work.hoursPerDay
    for (let i = 0; i < work.hourLimitsByAge.length; i++) {
      const limit = work.hourLimitsByAge[i]!
      if (limit.maxHours < min || limit.maxHours > max) {
        return {
          path: ["hourLimitsByAge", i, "maxHours"],
          message: `must be within hoursPerDay (${min}–${max}); got ${limit.maxHours}`
        }
      }
    }
    const pay = work.pay
    if (pay._tag === "PayTable") {
      const first = pay.rows[0]
      const last = pay.rows[pay.rows.length - 1]!
      if (pay.betweenRows === "interpolate" && (first.hours > min || last.hours < max)) {
        return {
          path: ["pay", "rows"],
          message: `must have rows at or beyond both ends of hoursPerDay (${min}–${max}) to interpolate; rows cover ${first.hours}–${last.hours}`
        }
      }
    }
    return true
  })
).annotations({ identifier: "DailyWork" })
/** @since 0.1.0 @category benefits */
export type DailyWork = typeof DailyWork.Type

/**
 * A subsidy of `percentOfWage` % of a monthly wage, at most `monthlyCap` a
 * month, for `months` months and `monthsAfterConversion` more once the hire
 * is converted to a regular job (the youth intern subsidy).
 *
 * @since 0.1.0
 * @category benefits
 */
export const WageSubsidy = Schema.TaggedStruct("WageSubsidy", {
  percentOfWage: wholeNumber(1, 100, "percent"),
  monthlyCap: PositiveWon,
  months: Months,
  monthsAfterConversion: wholeNumber(0, 120, "months")
}).annotations({ identifier: "WageSubsidy" })
/** @since 0.1.0 @category benefits */
export type WageSubsidy = typeof WageSubsidy.Type

/**
 * A fixed `monthlyAmount` for at most `months` months (the middle-aged hire
 * subsidy).
 *
 * @since 0.1.0
 * @category benefits
 */
export const FixedSubsidy = Schema.TaggedStruct("FixedSubsidy", {
  monthlyAmount: PositiveWon,
  months: Months
}).annotations({ identifier: "FixedSubsidy" })
/** @since 0.1.0 @category benefits */
export type FixedSubsidy = typeof FixedSubsidy.Type

/**
 * What a program pays.
 *
 * @since 0.1.0
 * @category benefits
 */
export const Benefit = Schema.Union(DailyWork, WageSubsidy, FixedSubsidy).annotations({ identifier: "Benefit" })
/** @since 0.1.0 @category benefits */
export type Benefit = typeof Benefit.Type

// ---------------------------------------------------------------------------
// Programs
// ---------------------------------------------------------------------------

const programFields = {
  /** A stable id, e.g. `public-works-yeongdeungpo`. */
  id: Schema.String.pipe(
    Schema.pattern(/^[a-z0-9][a-z0-9-]{0,63}$/, {
      message: () => "must be a program id: 1–64 lower-case letters, digits or \"-\", e.g. public-works-2016"
    })
  ),
  name: Schema.Struct({ ko: Text.Label, en: Text.Label }),
  /** The district that runs the program, when it is a district's. */
  district: Schema.optionalWith(RegionCode, { exact: true }),
  /** The year whose figures the program carries. */
  year: Schema.optionalWith(CalendarYear, { exact: true }),
  rules: Schema.Array(Rule).pipe(
    Schema.filter((rules) =>
      rules.length >= 1 && rules.length <= 50 || `must list 1–50 rules; got ${rules.length}`
    )
  )
}

/**
 * A program: its rules and its benefit, as data a district can write,
 * store and decode.
 *
 * @since 0.1.0
 * @category programs
 */
export const Program = Schema.Struct({ ...programFields, benefit: Benefit }).annotations({ identifier: "Program" })
/** @since 0.1.0 @category programs */
export type Program = typeof Program.Type

/**
 * A program paid by the day ({@link DailyWork}).
 *
 * @since 0.1.0
 * @category programs
 */
export const DailyWorkProgram = Schema.Struct({ ...programFields, benefit: DailyWork }).annotations({
  identifier: "DailyWorkProgram"
})
/** @since 0.1.0 @category programs */
export type DailyWorkProgram = typeof DailyWorkProgram.Type

/**
 * A program paying a share of a wage ({@link WageSubsidy}).
 *
 * @since 0.1.0
 * @category programs
 */
export const WageSubsidyProgram = Schema.Struct({ ...programFields, benefit: WageSubsidy }).annotations({
  identifier: "WageSubsidyProgram"
})
/** @since 0.1.0 @category programs */
export type WageSubsidyProgram = typeof WageSubsidyProgram.Type

/**
 * A program paying a fixed monthly amount ({@link FixedSubsidy}).
 *
 * @since 0.1.0
 * @category programs
 */
export const FixedSubsidyProgram = Schema.Struct({ ...programFields, benefit: FixedSubsidy }).annotations({
  identifier: "FixedSubsidyProgram"
})
/** @since 0.1.0 @category programs */
export type FixedSubsidyProgram = typeof FixedSubsidyProgram.Type

/**
 * Whether a program is paid by the day.
 *
 * @since 0.1.0
 * @category programs
 */
export const isDailyWork = (program: Program): program is DailyWorkProgram => program.benefit._tag === "DailyWork"

/**
 * Whether a program pays a share of a wage.
 *
 * @since 0.1.0
 * @category programs
 */
export const isWageSubsidy = (program: Program): program is WageSubsidyProgram =>
  program.benefit._tag === "WageSubsidy"

/**
 * Whether a program pays a fixed monthly amount.
 *
 * @since 0.1.0
 * @category programs
 */
export const isFixedSubsidy = (program: Program): program is FixedSubsidyProgram =>
  program.benefit._tag === "FixedSubsidy"

/**
 * Decodes a program (a district's own, from JSON or a settings table),
 * naming every broken rule.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeProgram = Validation.decodeEither(Program)

/**
 * The same program run by another district: its `district` and every
 * {@link ResidentOf} rule point to `district`.
 *
 * @since 0.1.0
 * @category programs
 */
export const forDistrict = <P extends Program>(program: P, district: RegionCode): P => ({
  ...program,
  district,
  rules: program.rules.map((rule) => rule._tag === "ResidentOf" ? { ...rule, region: district } : rule)
})

// ---------------------------------------------------------------------------
// Presets (the seeds' figures)
// ---------------------------------------------------------------------------

/**
 * 공공근로사업, Yeongdeungpo-gu 2014: aged 18+, a resident, unemployed or a
 * day worker without regular income, assets ≤ ₩135,000,000; not a
 * basic-livelihood or unemployment-benefit recipient; at most 10 months'
 * work in the last 24. 3–6 hours a day, 65+ at most 3; ₩16,000 for 3 hours
 * and ₩32,000 for 6 (the same ₩5,333⅓ an hour, so hours between are
 * interpolated), plus ₩5,000 expenses a day. Rounds Feb 3–Jun 30 and
 * Jul 1–Nov 30.
 *
 * @since 0.1.0
 * @category presets
 */
export const publicWorksYeongdeungpo: DailyWorkProgram = Schema.decodeSync(DailyWorkProgram)({
  id: "public-works-yeongdeungpo",
  name: { ko: "공공근로사업 (영등포구)", en: "Public works (Yeongdeungpo-gu)" },
  district: "11560",
  year: 2014,
  rules: [
    { _tag: "AgeAtLeast", years: 18 },
    { _tag: "ResidentOf", region: "11560" },
    { _tag: "EmploymentStatusIn", statuses: ["unemployed", "irregular"] },
    { _tag: "AssetsAtMost", won: 135_000_000 },
    { _tag: "NotBasicLivelihoodRecipient" },
    { _tag: "NotUnemploymentBenefitRecipient" },
    { _tag: "MonthsWorkedAtMost", months: 10, windowMonths: 24 }
  ],
  benefit: {
    _tag: "DailyWork",
    hoursPerDay: { min: 3, max: 6 },
    hourLimitsByAge: [{ fromAge: 65, maxHours: 3 }],
    pay: {
      _tag: "PayTable",
      rows: [{ hours: 3, dailyWage: 16_000 }, { hours: 6, dailyWage: 32_000 }],
      betweenRows: "interpolate"
    },
    dailyExpenses: 5_000,
    rounds: [{ from: "02-03", to: "06-30" }, { from: "07-01", to: "11-30" }]
  }
})

/**
 * 지역공동체 일자리사업, Yeongdeungpo-gu 2014: aged 18+, household income
 * ≤ 150% of the minimum cost of living, assets ≤ ₩135,000,000. The seed:
 * "근로시간 : 1일 3~5시간(65세 이상 1일 3시간 근무)" — 3 to 5 hours a day,
 * 65+ 3 hours — and "임금기준 : 1일 26,050원(6시간 근무자)/ 15,630원(3시간
 * 근무자)", plus "부대경비 3,000원 별도" (₩3,000 expenses a day).
 *
 * The two figures are 3 × ₩5,210 and 5 × ₩5,210, and ₩5,210 is 2014's
 * minimum hourly wage; the "6시간" label of the second contradicts both the
 * program's own 3–5 hours and its arithmetic (six hours would be ₩31,260).
 * The consistent reading, and this preset, is **hourly pay at the year's
 * minimum wage** ({@link HourlyPay}, `minimumWageOf: 2014`): 3 hours
 * ₩15,630, 4 hours ₩20,840, 5 hours ₩26,050, each plus ₩3,000. A district
 * paying another year's minimum replaces `pay` (see {@link atMinimumWage}).
 * Rounds Mar 3–Jun 30 and Jul 1–Oct 31. Other years and districts differ
 * (Pohang 2016: ≤ 120% of the minimum cost of living and ≤ 60% of median
 * income): replace the rules.
 *
 * Until 0.4.0 this preset paid the seed's table as written (3 and 6 hours
 * only), so 4- and 5-hour days could not be paid.
 *
 * @since 0.1.0
 * @category presets
 */
export const communityJobs: DailyWorkProgram = Schema.decodeSync(DailyWorkProgram)({
  id: "community-jobs",
  name: { ko: "지역공동체 일자리사업", en: "Community jobs" },
  district: "11560",
  year: 2014,
  rules: [
    { _tag: "AgeAtLeast", years: 18 },
    { _tag: "HouseholdIncomeAtMost", percent: 150, reference: "minimum-cost-of-living" },
    { _tag: "AssetsAtMost", won: 135_000_000 }
  ],
  benefit: {
    _tag: "DailyWork",
    hoursPerDay: { min: 3, max: 5 },
    hourLimitsByAge: [{ fromAge: 65, maxHours: 3 }],
    pay: { _tag: "HourlyPay", hourlyWage: 5_210, minimumWageOf: 2014 },
    dailyExpenses: 3_000,
    rounds: [{ from: "03-03", to: "06-30" }, { from: "07-01", to: "10-31" }]
  }
})

/**
 * 중소기업 청년인턴, Yeongdeungpo-gu 2014: residents aged 15–35 who are not
 * employed; 60% of the intern's wage, at most ₩1,000,000 a month, for 4
 * months, and 4 more months after conversion to a regular job.
 *
 * @since 0.1.0
 * @category presets
 */
export const youthIntern: WageSubsidyProgram = Schema.decodeSync(WageSubsidyProgram)({
  id: "youth-intern",
  name: { ko: "중소기업 청년인턴", en: "Youth intern subsidy" },
  district: "11560",
  year: 2014,
  rules: [
    { _tag: "AgeBetween", min: 15, max: 35 },
    { _tag: "ResidentOf", region: "11560" },
    { _tag: "EmploymentStatusIn", statuses: ["unemployed"] }
  ],
  benefit: { _tag: "WageSubsidy", percentOfWage: 60, monthlyCap: 1_000_000, months: 4, monthsAfterConversion: 4 }
})

const hireBenefit = { _tag: "FixedSubsidy", monthlyAmount: 500_000, months: 6 } as const
const hireConditions = [
  { _tag: "ResidentOf", region: "11560" },
  { _tag: "EmployerSizeIn", sizes: ["micro", "small", "medium"] },
  { _tag: "ContractTypeIn", types: ["open-ended"] }
] as const

/**
 * 사람중심의 반듯한 일자리 (middle-aged hire subsidy), Yeongdeungpo-gu 2014:
 * ₩500,000 a month for 6 months to a small or medium business (중소기업:
 * fewer than 300 employees, the `micro`, `small` and `medium` bands) that
 * hires a middle-aged resident as a regular (open-ended) employee.
 *
 * The seed's target is "관내 베이비부머 세대 등 중장년층" — *baby boomers and
 * other* middle-aged residents — so the band is wider than a generation.
 * This preset takes the law's: the Act on the aged's employment
 * (고령자고용법 제2조, 시행령 제2조) calls people of 50 to 54 준고령자 and
 * people of 55 or more 고령자, so the rule is **aged 50 or more** on the
 * evaluation date ({@link AgeAtLeast}), with no upper bound. A district that
 * wants one adds an {@link AgeAtMost} rule; {@link babyBoomerHire} is the
 * narrower reading, the baby boomers alone (born 1955–1963).
 *
 * Until 0.4.0 this preset admitted only those born 1955–1963.
 *
 * @since 0.1.0
 * @category presets
 */
export const middleAgedHire: FixedSubsidyProgram = Schema.decodeSync(FixedSubsidyProgram)({
  id: "middle-aged-hire",
  name: { ko: "사람중심의 반듯한 일자리 (중장년 채용 지원)", en: "Middle-aged hire subsidy" },
  district: "11560",
  year: 2014,
  rules: [{ _tag: "AgeAtLeast", years: 50 }, ...hireConditions],
  benefit: hireBenefit
})

/**
 * The middle-aged hire subsidy ({@link middleAgedHire}) for the baby-boom
 * generation alone: residents born 1955–1963 (베이비부머, the usual Korean
 * definition), the narrowest reading of the seed's "베이비부머 세대 등
 * 중장년층". Not among {@link presets}: a district that runs the program
 * this way puts it there in place of `middleAgedHire`.
 *
 * @since 0.4.0
 * @category presets
 */
export const babyBoomerHire: FixedSubsidyProgram = Schema.decodeSync(FixedSubsidyProgram)({
  id: "middle-aged-hire-baby-boomers",
  name: { ko: "사람중심의 반듯한 일자리 (베이비부머 채용 지원)", en: "Middle-aged hire subsidy (baby boomers)" },
  district: "11560",
  year: 2014,
  rules: [{ _tag: "BornBetween", from: 1955, to: 1963 }, ...hireConditions],
  benefit: hireBenefit
})

/**
 * The four presets, in the order above ({@link babyBoomerHire}, a narrower
 * reading of the middle-aged hire subsidy, is not among them).
 *
 * @since 0.1.0
 * @category presets
 */
export const presets: ReadonlyArray<Program> = [publicWorksYeongdeungpo, communityJobs, youthIntern, middleAgedHire]

// ---------------------------------------------------------------------------
// Applicants
// ---------------------------------------------------------------------------

/**
 * The facts a program's rules read. Only the birth date, residence and
 * employment status are always needed; a fact a rule needs but the applicant
 * lacks makes that rule `unknown` (and the applicant not yet eligible)
 * rather than failing silently. There is no age field — age is derived from
 * the birth date on the evaluation date — and no resident registration
 * number, ever.
 *
 * @since 0.1.0
 * @category applicants
 */
export const Applicant = Schema.Struct({
  birthDate: LocalDate.LocalDate,
  residence: RegionCode,
  employmentStatus: EmploymentStatus,
  /** The household's assets (재산) in won. */
  assets: Schema.optionalWith(WonAmount, { exact: true }),
  /** Household income as a percentage of each reference the center has worked out. */
  householdIncomePercent: Schema.optionalWith(
    Schema.Struct({
      "minimum-cost-of-living": Schema.optionalWith(Percent, { exact: true }),
      "median-income": Schema.optionalWith(Percent, { exact: true })
    }),
    { exact: true }
  ),
  basicLivelihoodRecipient: Schema.optionalWith(Schema.Boolean, { exact: true }),
  unemploymentBenefitRecipient: Schema.optionalWith(Schema.Boolean, { exact: true }),
  /** Months worked within the last `windowMonths` months before the evaluation. */
  recentWork: Schema.optionalWith(
    Schema.Struct({ windowMonths: Months, monthsWorked: wholeNumber(0, 120, "months") }).pipe(
      Schema.filter((w) =>
        w.monthsWorked <= w.windowMonths ||
        { path: ["monthsWorked"], message: `must not exceed windowMonths (${w.windowMonths}); got ${w.monthsWorked}` }
      )
    ),
    { exact: true }
  ),
  /** For an employer-side subsidy: the hire being subsidised. */
  hire: Schema.optionalWith(Schema.Struct({ employerSize: EmployerSize, contractType: ContractType }), { exact: true })
}).annotations({ identifier: "Applicant" })
/** @since 0.1.0 @category applicants */
export type Applicant = typeof Applicant.Type

/**
 * Decodes an applicant's facts from unknown input, naming every broken rule
 * and refusing fields it does not keep (an age, a resident number).
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeApplicant = Validation.decodeEither(Applicant)

/**
 * Age in full years (만 나이) on `asOf`: one more on each birthday. Someone
 * born on 29 February turns a year older on 1 March in a common year
 * (민법 제160조). This is the only age computation in iljari.
 *
 * @since 0.1.0
 * @category age
 */
export const ageOn = (birthDate: LocalDate.LocalDate, asOf: LocalDate.LocalDate): number => {
  const years = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return asOf.slice(5) < birthDate.slice(5) ? years - 1 : years
}

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

const Bilingual = Schema.Struct({ ko: Schema.String, en: Schema.String })

/**
 * How one rule came out: `unknown` when the applicant's facts lack what the
 * rule reads.
 *
 * @since 0.1.0
 * @category evaluation
 */
export const Outcome = Schema.Literal("passed", "failed", "unknown")
/** @since 0.1.0 @category evaluation */
export type Outcome = typeof Outcome.Type

/**
 * One rule checked: the rule, its outcome, what it requires, what was found,
 * and a sentence joining them (`만 18세 이상: 충족 (만 45세)`).
 *
 * @since 0.1.0
 * @category evaluation
 */
export const Reason = Schema.Struct({
  rule: Rule,
  outcome: Outcome,
  requirement: Bilingual,
  finding: Bilingual,
  message: Bilingual
}).annotations({ identifier: "Reason" })
/** @since 0.1.0 @category evaluation */
export type Reason = typeof Reason.Type

/**
 * The result of {@link evaluate}: eligible when every rule passed, and one
 * reason per rule, in the program's order, whatever the outcome.
 *
 * @since 0.1.0
 * @category evaluation
 */
export const Evaluation = Schema.Struct({
  programId: Schema.String,
  asOf: LocalDate.LocalDate,
  eligible: Schema.Boolean,
  reasons: Schema.Array(Reason)
}).annotations({ identifier: "Evaluation" })
/** @since 0.1.0 @category evaluation */
export type Evaluation = typeof Evaluation.Type

const list = (labels: ReadonlyArray<Label>): Label => ({
  ko: labels.map((l) => l.ko).join(" 또는 "),
  en: labels.map((l) => l.en).join(" or ")
})
const both = <C extends string>(label: (code: C, language?: Language) => string, code: C): Label => ({
  ko: label(code, "ko"),
  en: label(code, "en")
})
const region = (code: RegionCode): Label => ({ ko: regionName(code, "ko"), en: regionName(code, "en") })
const age = (years: number): Label => ({ ko: `만 ${years}세`, en: `aged ${years}` })

/**
 * What a rule requires, in Korean (default) or English — for listing a
 * program's conditions on a form or a notice.
 *
 * @since 0.1.0
 * @category evaluation
 */
export const describeRule = (rule: Rule, language: Language = "ko"): string => requirementOf(rule)[language]

const requirementOf = (rule: Rule): Label => {
  switch (rule._tag) {
    case "AgeAtLeast":
      return { ko: `만 ${rule.years}세 이상`, en: `aged ${rule.years} or over` }
    case "AgeAtMost":
      return { ko: `만 ${rule.years}세 이하`, en: `aged ${rule.years} or under` }
    case "AgeBetween":
      return { ko: `만 ${rule.min}세 이상 ${rule.max}세 이하`, en: `aged ${rule.min} to ${rule.max}` }
    case "BornBetween":
      return { ko: `${rule.from}~${rule.to}년생`, en: `born ${rule.from}–${rule.to}` }
    case "ResidentOf": {
      const r = region(rule.region)
      return { ko: `${r.ko} 거주`, en: `resident of ${r.en}` }
    }
    case "EmploymentStatusIn": {
      const s = list(rule.statuses.map((code) => both(employmentStatusLabel, code)))
      return { ko: s.ko, en: s.en.toLowerCase() }
    }
    case "AssetsAtMost": {
      const w = won(rule.won)
      return { ko: `재산 ${w.ko} 이하`, en: `assets of at most ${w.en}` }
    }
    case "HouseholdIncomeAtMost": {
      const ref = both(incomeReferenceLabel, rule.reference)
      return { ko: `가구소득 ${ref.ko} ${rule.percent}% 이하`, en: `household income at most ${rule.percent}% of the ${ref.en}` }
    }
    case "NotBasicLivelihoodRecipient":
      return { ko: "국민기초생활수급자가 아님", en: "not a basic-livelihood recipient" }
    case "NotUnemploymentBenefitRecipient":
      return { ko: "실업급여 수급자가 아님", en: "not receiving unemployment benefit" }
    case "MonthsWorkedAtMost":
      return {
        ko: `최근 ${rule.windowMonths}개월간 근무 ${rule.months}개월 이하`,
        en: `worked at most ${rule.months} months in the last ${rule.windowMonths}`
      }
    case "EmployerSizeIn": {
      const s = list(rule.sizes.map((code) => both(employerSizeLabel, code)))
      return { ko: `채용 기업 규모 ${s.ko}`, en: `hiring employer of ${s.en.toLowerCase()}` }
    }
    case "ContractTypeIn": {
      const s = list(rule.types.map((code) => both(contractTypeLabel, code)))
      return { ko: `${s.ko} 채용`, en: `hire on ${s.en.toLowerCase()}` }
    }
  }
}

interface Check {
  readonly outcome: Outcome
  readonly finding: Label
}

const verdict = (ok: boolean, finding: Label): Check => ({ outcome: ok ? "passed" : "failed", finding })
const missing = (fact: Label): Check => ({
  outcome: "unknown",
  finding: { ko: `${fact.ko} 정보 없음`, en: `${fact.en} not given` }
})
const recipient = (is: boolean): Label => is ? { ko: "수급자", en: "a recipient" } : { ko: "수급자 아님", en: "not a recipient" }

const check = (rule: Rule, applicant: Applicant, asOf: LocalDate.LocalDate): Check => {
  switch (rule._tag) {
    case "AgeAtLeast": {
      const years = ageOn(applicant.birthDate, asOf)
      return verdict(years >= rule.years, age(years))
    }
    case "AgeAtMost": {
      const years = ageOn(applicant.birthDate, asOf)
      return verdict(years <= rule.years, age(years))
    }
    case "AgeBetween": {
      const years = ageOn(applicant.birthDate, asOf)
      return verdict(years >= rule.min && years <= rule.max, age(years))
    }
    case "BornBetween": {
      const year = Number(applicant.birthDate.slice(0, 4))
      return verdict(year >= rule.from && year <= rule.to, { ko: `${year}년생`, en: `born ${year}` })
    }
    case "ResidentOf": {
      const home = applicant.residence
      const found = region(home)
      if (rule.region.endsWith("000")) return verdict(home.slice(0, 2) === rule.region.slice(0, 2), found)
      // Someone known only to live "in Seoul" may or may not live in the district.
      if (home.endsWith("000") && home.slice(0, 2) === rule.region.slice(0, 2)) {
        return missing({ ko: "거주 구", en: "district of residence" })
      }
      return verdict(home === rule.region, found)
    }
    case "EmploymentStatusIn":
      return verdict(
        rule.statuses.includes(applicant.employmentStatus),
        both(employmentStatusLabel, applicant.employmentStatus)
      )
    case "AssetsAtMost":
      return applicant.assets === undefined
        ? missing({ ko: "재산", en: "assets" })
        : verdict(applicant.assets <= rule.won, won(applicant.assets))
    case "HouseholdIncomeAtMost": {
      const ref = both(incomeReferenceLabel, rule.reference)
      const percent = applicant.householdIncomePercent?.[rule.reference]
      return percent === undefined
        ? missing({ ko: `가구소득(${ref.ko} 대비)`, en: `household income as a share of the ${ref.en}` })
        : verdict(percent <= rule.percent, { ko: `${ref.ko} ${percent}%`, en: `${percent}% of the ${ref.en}` })
    }
    case "NotBasicLivelihoodRecipient":
      return applicant.basicLivelihoodRecipient === undefined
        ? missing({ ko: "기초생활수급 여부", en: "basic-livelihood status" })
        : verdict(!applicant.basicLivelihoodRecipient, recipient(applicant.basicLivelihoodRecipient))
    case "NotUnemploymentBenefitRecipient":
      return applicant.unemploymentBenefitRecipient === undefined
        ? missing({ ko: "실업급여 수급 여부", en: "unemployment-benefit status" })
        : verdict(!applicant.unemploymentBenefitRecipient, recipient(applicant.unemploymentBenefitRecipient))
    case "MonthsWorkedAtMost": {
      const work = applicant.recentWork
      if (work === undefined) return missing({ ko: "최근 근무 개월 수", en: "months worked recently" })
      const finding: Label = {
        ko: `최근 ${work.windowMonths}개월간 ${work.monthsWorked}개월 근무`,
        en: `worked ${work.monthsWorked} months in the last ${work.windowMonths}`
      }
      // A window of another length still decides the rule when the bound
      // carries over: a longer window's months bound the shorter one's from
      // above, a shorter window's bound the longer one's from below.
      if (work.windowMonths === rule.windowMonths) return verdict(work.monthsWorked <= rule.months, finding)
      if (work.windowMonths > rule.windowMonths && work.monthsWorked <= rule.months) return verdict(true, finding)
      if (work.windowMonths < rule.windowMonths && work.monthsWorked > rule.months) return verdict(false, finding)
      return {
        outcome: "unknown",
        finding: {
          ko: `${finding.ko} (최근 ${rule.windowMonths}개월 기준 정보 필요)`,
          en: `${finding.en} (needs the last ${rule.windowMonths})`
        }
      }
    }
    case "EmployerSizeIn":
      return applicant.hire === undefined
        ? missing({ ko: "채용", en: "hire details" })
        : verdict(rule.sizes.includes(applicant.hire.employerSize), both(employerSizeLabel, applicant.hire.employerSize))
    case "ContractTypeIn":
      return applicant.hire === undefined
        ? missing({ ko: "채용", en: "hire details" })
        : verdict(rule.types.includes(applicant.hire.contractType), both(contractTypeLabel, applicant.hire.contractType))
  }
}

const verdicts: Record<Outcome, Label> = {
  passed: { ko: "충족", en: "met" },
  failed: { ko: "미충족", en: "not met" },
  unknown: { ko: "확인 불가", en: "unknown" }
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * Checks an applicant against every rule of a program on `asOf` (ages are
 * taken on that date). Eligible only when every rule passed; every rule is
 * reported, in the program's order, so a counselor sees all that is missing
 * at once.
 *
 * @since 0.1.0
 * @category evaluation
 */
export const evaluate = (program: Program, applicant: Applicant, asOf: LocalDate.LocalDate): Evaluation => {
  const reasons = program.rules.map((rule): Reason => {
    const { finding, outcome } = check(rule, applicant, asOf)
    const requirement = requirementOf(rule)
    const v = verdicts[outcome]
    return {
      rule,
      outcome,
      requirement,
      finding,
      message: {
        ko: `${requirement.ko}: ${v.ko} (${finding.ko})`,
        en: `${capitalise(requirement.en)}: ${v.en} (${finding.en})`
      }
    }
  })
  return { programId: program.id, asOf, eligible: reasons.every((r) => r.outcome === "passed"), reasons }
}

/**
 * The reasons that stand in the way: every rule failed or unknown.
 *
 * @since 0.1.0
 * @category evaluation
 */
export const obstacles = (evaluation: Evaluation): ReadonlyArray<Reason> =>
  evaluation.reasons.filter((r) => r.outcome !== "passed")

/**
 * Where an applicant stands with a program: every rule passed, a rule failed,
 * or nothing failed but a fact is still missing.
 *
 * @since 0.2.0
 * @category evaluation
 */
export type Standing = "eligible" | "not-eligible" | "needs-facts"

/**
 * The standing an evaluation gives.
 *
 * @since 0.2.0
 * @category evaluation
 */
export const standingOf = (evaluation: Evaluation): Standing =>
  evaluation.eligible ? "eligible" : evaluation.reasons.some((r) => r.outcome === "failed") ? "not-eligible" : "needs-facts"

/**
 * The preset programs for a district: their residence rules pointed at it,
 * and their names too when a preset is another district's (public works is
 * Yeongdeungpo-gu's: in Seongdong it reads 공공근로사업 (성동구)).
 *
 * @since 0.2.0
 * @category programs
 */
export const presetsFor = (district: RegionCode): ReadonlyArray<Program> =>
  presets.map((preset) => {
    const program = forDistrict(preset, district)
    const from = preset.district
    if (from === undefined || from === district) return program
    const rename = (language: Language) => preset.name[language].replace(regionName(from, language), regionName(district, language))
    return { ...program, name: { ko: rename("ko"), en: rename("en") } }
  })

/**
 * An applicant against several programs: each program's evaluation and
 * standing, in order, and the programs they are eligible for.
 *
 * @since 0.2.0
 * @category evaluation
 */
export const evaluateAll = (programs: ReadonlyArray<Program>, applicant: Applicant, asOf: LocalDate.LocalDate) => {
  const results = programs.map((program) => {
    const evaluation = evaluate(program, applicant, asOf)
    return { program, evaluation, standing: standingOf(evaluation) }
  })
  return { asOf, eligibleFor: results.filter((r) => r.evaluation.eligible).map((r) => r.program.id), results }
}

/**
 * Every reason's message in one language (Korean by default).
 *
 * @since 0.1.0
 * @category evaluation
 */
export const messages = (evaluation: Evaluation, language: Language = "ko"): ReadonlyArray<string> =>
  evaluation.reasons.map((r) => r.message[language])

// ---------------------------------------------------------------------------
// Payment errors
// ---------------------------------------------------------------------------

/**
 * Hours a day outside the program's range (`benefit.hoursPerDay`), or not
 * whole hours. `message` is in English, `messageKo` in Korean; both name
 * the field.
 *
 * @since 0.1.0
 * @category errors
 */
export class HoursOutOfRange extends Schema.TaggedError<HoursOutOfRange>()("HoursOutOfRange", {
  programId: Schema.String,
  hours: Schema.Number,
  min: Schema.Number,
  max: Schema.Number
}) {
  override get message(): string {
    return `Program "${this.programId}" pays whole hours from ${this.min} to ${this.max} a day (benefit.hoursPerDay); got ${this.hours}`
  }

  /**
   * The message in Korean.
   *
   * @since 0.4.0
   */
  get messageKo(): string {
    return `"${this.programId}" 사업은 하루 ${this.min}~${this.max}시간(정수)만 지급합니다(benefit.hoursPerDay). 입력: ${this.hours}시간`
  }
}

/**
 * More hours a day than the participant's age allows (65+: at most 3).
 *
 * @since 0.1.0
 * @category errors
 */
export class HoursOverAgeLimit extends Schema.TaggedError<HoursOverAgeLimit>()("HoursOverAgeLimit", {
  programId: Schema.String,
  hours: Schema.Number,
  age: Schema.Number,
  fromAge: Schema.Number,
  maxHours: Schema.Number
}) {
  override get message(): string {
    return `Program "${this.programId}" allows participants aged ${this.fromAge} or over at most ${this.maxHours} hours a day; this participant is ${this.age} and was given ${this.hours}. Schedule ${this.maxHours} hours, or use dailyPayCapped to cap explicitly`
  }
}

/**
 * Hours between the pay table's rows when the program pays only the rows'
 * hours (`betweenRows: "refuse"`). `message` is in English, `messageKo` in
 * Korean.
 *
 * @since 0.1.0
 * @category errors
 */
export class HoursNotInPayTable extends Schema.TaggedError<HoursNotInPayTable>()("HoursNotInPayTable", {
  programId: Schema.String,
  hours: Schema.Number,
  paidHours: Schema.Array(Schema.Number)
}) {
  override get message(): string {
    return `Program "${this.programId}" has no pay for ${this.hours} hours a day; its pay table (benefit.pay.rows) covers ${
      this.paidHours.join(", ")
    } hours. Add a row, or set benefit.pay.betweenRows to "interpolate"`
  }

  /**
   * The message in Korean.
   *
   * @since 0.4.0
   */
  get messageKo(): string {
    return `"${this.programId}" 사업의 임금표(benefit.pay.rows)에는 하루 ${this.hours}시간 임금이 없습니다(${
      this.paidHours.join(", ")
    }시간만 있음). 행을 추가하거나 benefit.pay.betweenRows를 "interpolate"로 바꾸십시오`
  }
}

/**
 * A monthly wage that is not a whole number of won, or is negative.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidWage extends Schema.TaggedError<InvalidWage>()("InvalidWage", {
  wage: Schema.Number
}) {
  override get message(): string {
    return `A monthly wage must be a whole number of won, 0 or more; got ${this.wage}`
  }
}

/**
 * More months of wages than a subsidy pays for in a phase, or a month count
 * that is not a whole number of 0 or more.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidMonths extends Schema.TaggedError<InvalidMonths>()("InvalidMonths", {
  programId: Schema.String,
  phase: Schema.String,
  given: Schema.Number,
  allowed: Schema.Number
}) {
  override get message(): string {
    return Number.isSafeInteger(this.given) && this.given >= 0
      ? `Program "${this.programId}" pays at most ${this.allowed} months ${this.phase}; got ${this.given}`
      : `Months ${this.phase} must be a whole number, 0 or more; got ${this.given}`
  }
}

// ---------------------------------------------------------------------------
// Daily pay
// ---------------------------------------------------------------------------

/**
 * A day's pay: the hours asked for and the hours paid (they differ only when
 * {@link dailyPayCapped} capped them by age), the wage, the expenses and the
 * total, all in whole won.
 *
 * @since 0.1.0
 * @category payment
 */
export interface DailyPay {
  readonly requestedHours: number
  readonly hours: number
  readonly cappedByAge: boolean
  readonly wage: number
  readonly expenses: number
  readonly total: number
}

/**
 * The most hours a day a participant may work on `asOf`: the program's
 * maximum, or the lowest limit of the age bands the participant has reached.
 *
 * @since 0.1.0
 * @category payment
 */
export const maxDailyHours = (
  program: DailyWorkProgram,
  birthDate: LocalDate.LocalDate,
  asOf: LocalDate.LocalDate
): number => ageLimit(program, birthDate, asOf)?.maxHours ?? program.benefit.hoursPerDay.max

const ageLimit = (
  program: DailyWorkProgram,
  birthDate: LocalDate.LocalDate,
  asOf: LocalDate.LocalDate
): AgeHourLimit | undefined => {
  const years = ageOn(birthDate, asOf)
  let strictest: AgeHourLimit | undefined
  for (const limit of program.benefit.hourLimitsByAge) {
    if (years >= limit.fromAge && (strictest === undefined || limit.maxHours < strictest.maxHours)) strictest = limit
  }
  return strictest
}

/**
 * The daily wage for `hours`: by the hour, `hours × hourlyWage`; by a pay
 * table, a row's wage, or, between two rows with `interpolate`, the
 * straight line between them with won below one truncated (원 미만 절사).
 * Hours must be whole and within the program's range
 * ({@link HoursOutOfRange}).
 *
 * @since 0.1.0
 * @category payment
 */
export const wageForHours = (
  program: DailyWorkProgram,
  hours: number
): Either.Either<number, HoursOutOfRange | HoursNotInPayTable> => {
  const work = program.benefit
  if (!Number.isInteger(hours) || hours < work.hoursPerDay.min || hours > work.hoursPerDay.max) {
    return Either.left(
      new HoursOutOfRange({ programId: program.id, hours, min: work.hoursPerDay.min, max: work.hoursPerDay.max })
    )
  }
  const rule = work.pay
  if (rule._tag === "HourlyPay") return Either.right(hours * rule.hourlyWage)
  const rows = rule.rows
  const exact = rows.find((row) => row.hours === hours)
  if (exact !== undefined) return Either.right(exact.dailyWage)
  const upper = rows.findIndex((row) => row.hours > hours)
  const high = rows[upper]
  const low = rows[upper - 1]
  if (rule.betweenRows === "refuse" || high === undefined || low === undefined) {
    return Either.left(new HoursNotInPayTable({ programId: program.id, hours, paidHours: rows.map((r) => r.hours) }))
  }
  // Whole-number arithmetic first, one truncating division last.
  const span = high.hours - low.hours
  return Either.right(Math.floor((low.dailyWage * (high.hours - hours) + high.dailyWage * (hours - low.hours)) / span))
}

const pay = (
  program: DailyWorkProgram,
  requestedHours: number,
  hours: number
): Either.Either<DailyPay, HoursOutOfRange | HoursNotInPayTable> =>
  Either.map(wageForHours(program, hours), (wage) => ({
    requestedHours,
    hours,
    cappedByAge: hours !== requestedHours,
    wage,
    expenses: program.benefit.dailyExpenses,
    total: wage + program.benefit.dailyExpenses
  }))

/**
 * A day's pay for `hours` worked on `asOf` by a participant born on
 * `birthDate`. Refuses hours outside the program's range
 * ({@link HoursOutOfRange}), beyond the participant's age limit
 * ({@link HoursOverAgeLimit}) or without a pay-table entry
 * ({@link HoursNotInPayTable}); never pays a silently different number of
 * hours.
 *
 * @since 0.1.0
 * @category payment
 */
export const dailyPay = (
  program: DailyWorkProgram,
  day: { readonly hours: number; readonly birthDate: LocalDate.LocalDate; readonly asOf: LocalDate.LocalDate }
): Either.Either<DailyPay, HoursOutOfRange | HoursOverAgeLimit | HoursNotInPayTable> => {
  const { hours } = day
  const range = program.benefit.hoursPerDay
  if (!Number.isInteger(hours) || hours < range.min || hours > range.max) {
    return Either.left(new HoursOutOfRange({ programId: program.id, hours, min: range.min, max: range.max }))
  }
  const limit = ageLimit(program, day.birthDate, day.asOf)
  if (limit !== undefined && hours > limit.maxHours) {
    return Either.left(
      new HoursOverAgeLimit({
        programId: program.id,
        hours,
        age: ageOn(day.birthDate, day.asOf),
        fromAge: limit.fromAge,
        maxHours: limit.maxHours
      })
    )
  }
  return pay(program, hours, hours)
}

/**
 * Like {@link dailyPay}, but hours beyond the participant's age limit are
 * cut to the limit and paid as such; the result says so (`cappedByAge`,
 * `requestedHours` vs `hours`). Hours outside the program's range are still
 * refused.
 *
 * @since 0.1.0
 * @category payment
 */
export const dailyPayCapped = (
  program: DailyWorkProgram,
  day: { readonly hours: number; readonly birthDate: LocalDate.LocalDate; readonly asOf: LocalDate.LocalDate }
): Either.Either<DailyPay, HoursOutOfRange | HoursNotInPayTable> => {
  const { hours } = day
  const range = program.benefit.hoursPerDay
  if (!Number.isInteger(hours) || hours < range.min || hours > range.max) {
    return Either.left(new HoursOutOfRange({ programId: program.id, hours, min: range.min, max: range.max }))
  }
  return pay(program, hours, Math.min(hours, maxDailyHours(program, day.birthDate, day.asOf)))
}

/**
 * The program's round (1-based) that contains `date`, with its first and
 * last day in that year, or `undefined` between rounds.
 *
 * @since 0.1.0
 * @category payment
 */
export const roundOn = (
  program: DailyWorkProgram,
  date: LocalDate.LocalDate
): { readonly round: number; readonly starts: LocalDate.LocalDate; readonly ends: LocalDate.LocalDate } | undefined => {
  const monthDay = date.slice(5)
  const year = Number(date.slice(0, 4))
  const at = (md: string): LocalDate.LocalDate => {
    const month = Number(md.slice(0, 2))
    return LocalDate.make(year, month, Math.min(Number(md.slice(3)), LocalDate.daysInMonth(year, month)))
  }
  const index = program.benefit.rounds.findIndex((r) => monthDay >= r.from && monthDay <= r.to)
  const round = program.benefit.rounds[index]
  return round === undefined ? undefined : { round: index + 1, starts: at(round.from), ends: at(round.to) }
}

// ---------------------------------------------------------------------------
// Subsidies
// ---------------------------------------------------------------------------

/**
 * One month of a wage subsidy: the wage, its share (`percentOfWage` %, won
 * below one truncated), and the amount paid (the share, at most the cap).
 *
 * @since 0.1.0
 * @category payment
 */
export interface SubsidyMonth {
  readonly phase: "intern" | "after-conversion"
  /** 1-based within its phase. */
  readonly month: number
  readonly wage: number
  readonly share: number
  readonly amount: number
  readonly capped: boolean
}

/**
 * Month-by-month wage subsidy and its total.
 *
 * @since 0.1.0
 * @category payment
 */
export interface SubsidySchedule {
  readonly months: ReadonlyArray<SubsidyMonth>
  readonly total: number
}

/**
 * The subsidy for one month's wage: `min(floor(wage × percent / 100), cap)`.
 * Youth intern: 60% of the wage, at most ₩1,000,000.
 *
 * @since 0.1.0
 * @category payment
 */
export const wageSubsidy = (program: WageSubsidyProgram, monthlyWage: number): Either.Either<number, InvalidWage> =>
  Either.map(subsidyMonth(program, "intern", 1, monthlyWage), (m) => m.amount)

const subsidyMonth = (
  program: WageSubsidyProgram,
  phase: SubsidyMonth["phase"],
  month: number,
  wage: number
): Either.Either<SubsidyMonth, InvalidWage> => {
  if (!Number.isSafeInteger(wage) || wage < 0) return Either.left(new InvalidWage({ wage }))
  const { monthlyCap, percentOfWage } = program.benefit
  // wage × percent stays an exact integer for any wage a month can have.
  const share = Math.floor((wage * percentOfWage) / 100)
  return Either.right({ phase, month, wage, share, amount: Math.min(share, monthlyCap), capped: share > monthlyCap })
}

/**
 * The subsidy for each month's wage during the internship (at most `months`)
 * and after conversion to a regular job (at most `monthsAfterConversion`),
 * and the total. Youth intern: up to 4 + 4 months, at most ₩8,000,000.
 *
 * @since 0.1.0
 * @category payment
 */
export const wageSubsidySchedule = (
  program: WageSubsidyProgram,
  wages: { readonly intern: ReadonlyArray<number>; readonly afterConversion: ReadonlyArray<number> }
): Either.Either<SubsidySchedule, InvalidWage | InvalidMonths> => {
  const { months, monthsAfterConversion } = program.benefit
  if (wages.intern.length > months) {
    return Either.left(
      new InvalidMonths({ programId: program.id, phase: "as an intern", given: wages.intern.length, allowed: months })
    )
  }
  if (wages.afterConversion.length > monthsAfterConversion) {
    return Either.left(
      new InvalidMonths({
        programId: program.id,
        phase: "after conversion",
        given: wages.afterConversion.length,
        allowed: monthsAfterConversion
      })
    )
  }
  return Either.map(
    Either.all([
      ...wages.intern.map((wage, i) => subsidyMonth(program, "intern", i + 1, wage)),
      ...wages.afterConversion.map((wage, i) => subsidyMonth(program, "after-conversion", i + 1, wage))
    ]),
    (lines) => ({ months: lines, total: lines.reduce((sum, m) => sum + m.amount, 0) })
  )
}

/**
 * A fixed subsidy for a hire who stayed `monthsEmployed` months: the monthly
 * amount for each month up to the program's months. Middle-aged hire:
 * ₩500,000 × at most 6 = ₩3,000,000.
 *
 * @since 0.1.0
 * @category payment
 */
export const fixedSubsidy = (
  program: FixedSubsidyProgram,
  monthsEmployed: number
): Either.Either<
  { readonly paidMonths: number; readonly monthlyAmount: number; readonly total: number },
  InvalidMonths
> => {
  const { monthlyAmount, months } = program.benefit
  if (!Number.isSafeInteger(monthsEmployed) || monthsEmployed < 0) {
    return Either.left(new InvalidMonths({ programId: program.id, phase: "employed", given: monthsEmployed, allowed: months }))
  }
  const paidMonths = Math.min(monthsEmployed, months)
  return Either.right({ paidMonths, monthlyAmount, total: paidMonths * monthlyAmount })
}

/**
 * The most a subsidy program can pay for one hire: the cap for every month
 * of both phases, or the fixed amount for every month. Youth intern
 * ₩8,000,000; middle-aged hire ₩3,000,000.
 *
 * @since 0.1.0
 * @category payment
 */
export const maximumSubsidy = (program: WageSubsidyProgram | FixedSubsidyProgram): number => {
  const benefit = program.benefit
  return benefit._tag === "WageSubsidy"
    ? benefit.monthlyCap * (benefit.months + benefit.monthsAfterConversion)
    : benefit.monthlyAmount * benefit.months
}

// ---------------------------------------------------------------------------
// Subsidy periods (민법 제157조, 제160조)
// ---------------------------------------------------------------------------

/**
 * One month a subsidy pays for: its number (1-based within its phase) and
 * its first and last day.
 *
 * @since 0.4.0
 * @category periods
 */
export interface SubsidyPeriod {
  readonly month: number
  readonly from: LocalDate.LocalDate
  readonly to: LocalDate.LocalDate
}

/**
 * The months a subsidy pays for, counted as the Civil Act counts periods
 * (`LegalPeriod`): the job's first day, `startedOn`, is counted (it starts
 * at midnight, 제157조 단서), and month `n` ends on the day before the
 * `n`-th month's corresponding day, or on that month's last day when it has
 * none (제160조). A hire from 2026-01-31 has its first month end on
 * 2026-02-28 and its sixth on 2026-07-30.
 *
 * `phase` picks the wage subsidy's months as an intern (`months`, from the
 * internship's first day) or after conversion to a regular job
 * (`monthsAfterConversion`, from the first day of the regular job); a fixed
 * subsidy has only the first phase, and none after conversion.
 *
 * @since 0.4.0
 * @category periods
 */
export const subsidyPeriods = (
  program: WageSubsidyProgram | FixedSubsidyProgram,
  startedOn: LocalDate.LocalDate,
  phase: "intern" | "after-conversion" = "intern"
): ReadonlyArray<SubsidyPeriod> => {
  const benefit = program.benefit
  const months = phase === "intern"
    ? benefit.months
    : benefit._tag === "WageSubsidy"
    ? benefit.monthsAfterConversion
    : 0
  return LegalPeriod.consecutive(startedOn, { months: 1 }, months).map((period, i) => ({ month: i + 1, ...period }))
}

/**
 * How many whole months a job that started on `startedOn` has lasted when
 * its last day worked is `through` (both counted): month `n` is whole once
 * `through` reaches its last day as the Civil Act counts it (see
 * {@link subsidyPeriods}). 0 when `through` is before the end of the first
 * month, or before `startedOn`.
 *
 * @since 0.4.0
 * @category periods
 */
export const monthsCompleted = (startedOn: LocalDate.LocalDate, through: LocalDate.LocalDate): number => {
  if (through < startedOn) return 0
  const start = LocalDate.parts(startedOn)
  const end = LocalDate.parts(through)
  // An estimate within one month of the answer, then corrected either way.
  let months = Math.max(0, (end.year - start.year) * 12 + (end.month - start.month) - 1)
  while (LegalPeriod.lastDay(startedOn, { months: months + 1 }) <= through) months++
  while (months > 0 && LegalPeriod.lastDay(startedOn, { months }) > through) months--
  return months
}

/**
 * A fixed subsidy for a hire who started on `startedOn` and worked through
 * `through`: {@link fixedSubsidy} for the whole months between them
 * ({@link monthsCompleted}). Middle-aged hire from 2026-01-31: through
 * 2026-07-29, 5 months (₩2,500,000); through 2026-07-30, 6 (₩3,000,000).
 *
 * @since 0.4.0
 * @category payment
 */
export const fixedSubsidyFor = (
  program: FixedSubsidyProgram,
  employment: { readonly startedOn: LocalDate.LocalDate; readonly through: LocalDate.LocalDate }
): Either.Either<
  { readonly paidMonths: number; readonly monthlyAmount: number; readonly total: number },
  InvalidMonths
> => fixedSubsidy(program, monthsCompleted(employment.startedOn, employment.through))
