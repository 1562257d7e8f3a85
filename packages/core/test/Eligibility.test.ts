import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc, Option, Schema } from "effect"
import { RegionCode } from "../src/kernel/Codes.js"
import * as Eligibility from "../src/eligibility/Eligibility.js"
import * as LegalPeriod from "../src/kernel/LegalPeriod.js"
import * as LocalDate from "../src/kernel/LocalDate.js"
import * as Wage from "../src/kernel/Wage.js"
import { left, right } from "@iljari/test-support/either"

const date = (text: string) => Schema.decodeSync(LocalDate.LocalDate)(text)
const region = (code: string) => Schema.decodeSync(RegionCode)(code)
const applicant = (input: object) => Either.getOrThrow(Eligibility.decodeApplicant(input))

const asOf = date("2016-03-02")
const { babyBoomerHire, communityJobs, middleAgedHire, publicWorksYeongdeungpo: publicWorks, youthIntern } = Eligibility

// A Yeongdeungpo resident of 53 who works by the day and meets every public-works rule.
const resident = {
  birthDate: "1962-05-14",
  residence: "11560",
  employmentStatus: "irregular",
  assets: 80_000_000,
  basicLivelihoodRecipient: false,
  unemploymentBenefitRecipient: false,
  recentWork: { windowMonths: 24, monthsWorked: 6 }
}

describe("the presets carry the seeds' figures", () => {
  it("public works (Yeongdeungpo): 18+, resident, assets ≤ ₩135,000,000, exclusions, 3–6 h, 65+ 3 h, ₩32,000 / ₩16,000 + ₩5,000", () => {
    expect(publicWorks.district).toBe("11560")
    expect(publicWorks.rules).toEqual([
      { _tag: "AgeAtLeast", years: 18 },
      { _tag: "ResidentOf", region: "11560" },
      { _tag: "EmploymentStatusIn", statuses: ["unemployed", "irregular"] },
      { _tag: "AssetsAtMost", won: 135_000_000 },
      { _tag: "NotBasicLivelihoodRecipient" },
      { _tag: "NotUnemploymentBenefitRecipient" },
      { _tag: "MonthsWorkedAtMost", months: 10, windowMonths: 24 }
    ])
    expect(publicWorks.benefit).toEqual({
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
    })
  })

  it("community jobs: 18+, household income ≤ 150% of the minimum cost of living, assets ≤ ₩135,000,000, 3–5 h, 65+ 3 h", () => {
    expect(communityJobs.rules).toEqual([
      { _tag: "AgeAtLeast", years: 18 },
      { _tag: "HouseholdIncomeAtMost", percent: 150, reference: "minimum-cost-of-living" },
      { _tag: "AssetsAtMost", won: 135_000_000 }
    ])
    expect(communityJobs.benefit.hoursPerDay).toEqual({ min: 3, max: 5 })
    expect(communityJobs.benefit.hourLimitsByAge).toEqual([{ fromAge: 65, maxHours: 3 }])
    // The seed's 15,630 and 26,050 are 3 and 5 hours at 2014's minimum hourly wage.
    expect(communityJobs.benefit.pay).toEqual({ _tag: "HourlyPay", hourlyWage: 5_210, minimumWageOf: 2014 })
    expect(Option.getOrThrow(Wage.minimumHourlyWage(2014)) * 3).toBe(15_630)
    expect(Option.getOrThrow(Wage.minimumHourlyWage(2014)) * 5).toBe(26_050)
    expect(communityJobs.benefit.dailyExpenses).toBe(3_000)
  })

  it("youth intern: 15–35, resident, not employed; 60% of the wage, at most ₩1,000,000, 4 + 4 months", () => {
    expect(youthIntern.rules).toEqual([
      { _tag: "AgeBetween", min: 15, max: 35 },
      { _tag: "ResidentOf", region: "11560" },
      { _tag: "EmploymentStatusIn", statuses: ["unemployed"] }
    ])
    expect(youthIntern.benefit).toEqual({
      _tag: "WageSubsidy",
      percentOfWage: 60,
      monthlyCap: 1_000_000,
      months: 4,
      monthsAfterConversion: 4
    })
  })

  it("middle-aged hire: residents of 50 or more (고령자고용법's 준고령자 and 고령자) hired as regulars by an SME; ₩500,000 a month for 6 months", () => {
    expect(middleAgedHire.rules).toEqual([
      { _tag: "AgeAtLeast", years: 50 },
      { _tag: "ResidentOf", region: "11560" },
      { _tag: "EmployerSizeIn", sizes: ["micro", "small", "medium"] },
      { _tag: "ContractTypeIn", types: ["open-ended"] }
    ])
    expect(middleAgedHire.benefit).toEqual({ _tag: "FixedSubsidy", monthlyAmount: 500_000, months: 6 })
  })

  it("the narrower baby-boomer preset keeps the 1955–1963 band, with the same conditions and benefit", () => {
    expect(babyBoomerHire.id).toBe("middle-aged-hire-baby-boomers")
    expect(babyBoomerHire.rules).toEqual([{ _tag: "BornBetween", from: 1955, to: 1963 }, ...middleAgedHire.rules.slice(1)])
    expect(babyBoomerHire.benefit).toEqual(middleAgedHire.benefit)
    expect(Eligibility.presets).not.toContain(babyBoomerHire)
  })

  it.each([...Eligibility.presets, babyBoomerHire].map((p) => [p.id, p] as const))("%s round-trips through the Program schema and JSON", (_, preset) => {
    const wire = JSON.parse(JSON.stringify(Schema.encodeSync(Eligibility.Program)(preset)))
    const decoded = right(Eligibility.decodeProgram(wire))
    expect(decoded).toEqual(preset)
    expect(Schema.encodeSync(Eligibility.Program)(decoded)).toEqual(wire)
  })

  it("tells the benefit kinds apart", () => {
    expect(Eligibility.presets.map(Eligibility.isDailyWork)).toEqual([true, true, false, false])
    expect(Eligibility.presets.map(Eligibility.isWageSubsidy)).toEqual([false, false, true, false])
    expect(Eligibility.presets.map(Eligibility.isFixedSubsidy)).toEqual([false, false, false, true])
  })
})

describe("evaluate: public works (Yeongdeungpo)", () => {
  it("finds an eligible resident eligible, with one passed reason per rule", () => {
    const result = Eligibility.evaluate(publicWorks, applicant(resident), asOf)
    expect(result.eligible).toBe(true)
    expect(result.programId).toBe("public-works-yeongdeungpo")
    expect(result.reasons.map((r) => r.outcome)).toEqual(Array(7).fill("passed"))
    expect(Eligibility.messages(result)).toEqual([
      "만 18세 이상: 충족 (만 53세)",
      "영등포구 거주: 충족 (영등포구)",
      "실업·미취업 또는 정기소득 없는 일용·임시근로: 충족 (정기소득 없는 일용·임시근로)",
      "재산 135,000,000원 이하: 충족 (80,000,000원)",
      "국민기초생활수급자가 아님: 충족 (수급자 아님)",
      "실업급여 수급자가 아님: 충족 (수급자 아님)",
      "최근 24개월간 근무 10개월 이하: 충족 (최근 24개월간 6개월 근무)"
    ])
    expect(Eligibility.messages(result, "en")).toEqual([
      "Aged 18 or over: met (aged 53)",
      "Resident of Yeongdeungpo-gu: met (Yeongdeungpo-gu)",
      "Unemployed or day or casual work without regular income: met (Day or casual work without regular income)",
      "Assets of at most ₩135,000,000: met (₩80,000,000)",
      "Not a basic-livelihood recipient: met (not a recipient)",
      "Not receiving unemployment benefit: met (not a recipient)",
      "Worked at most 10 months in the last 24: met (worked 6 months in the last 24)"
    ])
    expect(Eligibility.obstacles(result)).toEqual([])
  })

  it.each([
    ["aged 17", { birthDate: "1998-03-03" }, "만 18세 이상: 미충족 (만 17세)"],
    ["living in Seongdong", { residence: "11200" }, "영등포구 거주: 미충족 (성동구)"],
    ["employed with a regular income", { employmentStatus: "employed" }, "실업·미취업 또는 정기소득 없는 일용·임시근로: 미충족 (정기소득이 있는 취업)"],
    ["with assets of ₩135,000,001", { assets: 135_000_001 }, "재산 135,000,000원 이하: 미충족 (135,000,001원)"],
    ["a basic-livelihood recipient", { basicLivelihoodRecipient: true }, "국민기초생활수급자가 아님: 미충족 (수급자)"],
    ["an unemployment-benefit recipient", { unemploymentBenefitRecipient: true }, "실업급여 수급자가 아님: 미충족 (수급자)"],
    [
      "who worked 11 of the last 24 months",
      { recentWork: { windowMonths: 24, monthsWorked: 11 } },
      "최근 24개월간 근무 10개월 이하: 미충족 (최근 24개월간 11개월 근무)"
    ]
  ] as const)("excludes someone %s, naming the rule", (_, change, message) => {
    const result = Eligibility.evaluate(publicWorks, applicant({ ...resident, ...change }), asOf)
    expect(result.eligible).toBe(false)
    expect(result.reasons).toHaveLength(7)
    expect(Eligibility.obstacles(result).map((r) => [r.outcome, r.message.ko])).toEqual([["failed", message]])
  })

  it("admits the boundaries: 18 on the day, exactly ₩135,000,000, exactly 10 months", () => {
    const result = Eligibility.evaluate(
      publicWorks,
      applicant({ ...resident, birthDate: "1998-03-02", assets: 135_000_000, recentWork: { windowMonths: 24, monthsWorked: 10 } }),
      asOf
    )
    expect(result.eligible).toBe(true)
  })

  it("reports every reason at once, in the program's order", () => {
    const result = Eligibility.evaluate(
      publicWorks,
      applicant({
        birthDate: "2000-01-01",
        residence: "11680",
        employmentStatus: "employed",
        assets: 200_000_000,
        basicLivelihoodRecipient: true,
        unemploymentBenefitRecipient: true,
        recentWork: { windowMonths: 24, monthsWorked: 20 }
      }),
      asOf
    )
    expect(result.eligible).toBe(false)
    expect(Eligibility.messages(result, "en")).toEqual([
      "Aged 18 or over: not met (aged 16)",
      "Resident of Yeongdeungpo-gu: not met (Gangnam-gu)",
      "Unemployed or day or casual work without regular income: not met (Employed with a regular income)",
      "Assets of at most ₩135,000,000: not met (₩200,000,000)",
      "Not a basic-livelihood recipient: not met (a recipient)",
      "Not receiving unemployment benefit: not met (a recipient)",
      "Worked at most 10 months in the last 24: not met (worked 20 months in the last 24)"
    ])
  })

  it("marks a rule whose fact is missing as unknown, and the applicant not eligible", () => {
    const result = Eligibility.evaluate(
      publicWorks,
      applicant({ birthDate: "1962-05-14", residence: "11560", employmentStatus: "unemployed" }),
      asOf
    )
    expect(result.eligible).toBe(false)
    expect(result.reasons.map((r) => r.outcome)).toEqual([
      "passed",
      "passed",
      "passed",
      "unknown",
      "unknown",
      "unknown",
      "unknown"
    ])
    expect(result.reasons[3]!.message).toEqual({
      ko: "재산 135,000,000원 이하: 확인 불가 (재산 정보 없음)",
      en: "Assets of at most ₩135,000,000: unknown (assets not given)"
    })
  })

  it("decides months worked from another window only when the bound carries over", () => {
    const outcome = (windowMonths: number, monthsWorked: number) =>
      Eligibility.evaluate(publicWorks, applicant({ ...resident, recentWork: { windowMonths, monthsWorked } }), asOf)
        .reasons[6]!.outcome
    expect(outcome(36, 8)).toBe("passed") // at most 8 in 36, so at most 8 in 24
    expect(outcome(12, 11)).toBe("failed") // 11 in 12, so at least 11 in 24
    expect(outcome(12, 5)).toBe("unknown") // the other 12 months are not known
    expect(outcome(36, 12)).toBe("unknown")
  })

  it("admits anyone in the province when a rule names a whole province, and cannot tell a district from it", () => {
    const seoulWide = { ...publicWorks, rules: [{ _tag: "ResidentOf" as const, region: region("11000") }] }
    expect(Eligibility.evaluate(seoulWide, applicant(resident), asOf).eligible).toBe(true)
    expect(Eligibility.evaluate(seoulWide, applicant({ ...resident, residence: "41110" }), asOf).eligible).toBe(false)
    const vague = Eligibility.evaluate(publicWorks, applicant({ ...resident, residence: "11000" }), asOf)
    expect(vague.reasons[1]!.outcome).toBe("unknown")
  })
})

describe("evaluate: the other presets", () => {
  it("community jobs: household income at 150% passes, 151% fails, none given is unknown", () => {
    const base = { birthDate: "1970-01-01", residence: "11560", employmentStatus: "unemployed", assets: 50_000_000 }
    const income = (percent: number) =>
      Eligibility.evaluate(
        communityJobs,
        applicant({ ...base, householdIncomePercent: { "minimum-cost-of-living": percent } }),
        asOf
      )
    expect(income(150).eligible).toBe(true)
    expect(income(151).eligible).toBe(false)
    expect(income(151).reasons[1]!.message.ko).toBe("가구소득 최저생계비 150% 이하: 미충족 (최저생계비 151%)")
    expect(Eligibility.evaluate(communityJobs, applicant(base), asOf).reasons[1]!.outcome).toBe("unknown")
  })

  it("a district writes its own program as data: Pohang 2016 community jobs (≤ 120% and ≤ 60% of median)", () => {
    const pohang = right(Eligibility.decodeProgram({
      id: "community-jobs-pohang-2016",
      name: { ko: "지역공동체 일자리사업 (포항시)", en: "Community jobs (Pohang)" },
      district: "47110",
      year: 2016,
      rules: [
        { _tag: "AgeAtLeast", years: 18 },
        { _tag: "HouseholdIncomeAtMost", percent: 120, reference: "minimum-cost-of-living" },
        { _tag: "HouseholdIncomeAtMost", percent: 60, reference: "median-income" },
        { _tag: "AssetsAtMost", won: 135_000_000 }
      ],
      benefit: Schema.encodeSync(Eligibility.DailyWork)(communityJobs.benefit)
    }))
    const person = applicant({
      birthDate: "1970-01-01",
      residence: "47110",
      employmentStatus: "unemployed",
      assets: 50_000_000,
      householdIncomePercent: { "minimum-cost-of-living": 130, "median-income": 55 }
    })
    expect(Eligibility.evaluate(communityJobs, person, asOf).eligible).toBe(true)
    const there = Eligibility.evaluate(pohang, person, asOf)
    expect(there.eligible).toBe(false)
    expect(Eligibility.obstacles(there).map((r) => r.message.en)).toEqual([
      "Household income at most 120% of the minimum cost of living: not met (130% of the minimum cost of living)"
    ])
  })

  it("youth intern: 15 to 35 on the day, not employed", () => {
    const youth = (birthDate: string, employmentStatus = "unemployed") =>
      Eligibility.evaluate(youthIntern, applicant({ birthDate, residence: "11560", employmentStatus }), asOf)
    expect(youth("1980-03-02").eligible).toBe(false) // 36 today
    expect(youth("1980-03-02").reasons[0]!.message.ko).toBe("만 15세 이상 35세 이하: 미충족 (만 36세)")
    expect(youth("1980-03-03").eligible).toBe(true) // still 35
    expect(youth("2001-03-02").eligible).toBe(true) // 15 today
    expect(youth("2001-03-03").eligible).toBe(false) // 14
    expect(youth("1990-01-01", "irregular").eligible).toBe(false)
  })

  it("middle-aged hire: 50 or more on the day, whatever the generation, with no upper bound", () => {
    const hire = (birthDate: string) =>
      Eligibility.evaluate(
        middleAgedHire,
        applicant({ birthDate, residence: "11560", employmentStatus: "employed", hire: { employerSize: "small", contractType: "open-ended" } }),
        asOf
      )
    // Born 1966: not a baby boomer, but 50 on 2016-03-02 — a 준고령자.
    expect(hire("1966-03-02").eligible).toBe(true)
    expect(hire("1966-03-02").reasons[0]!.message).toEqual({ ko: "만 50세 이상: 충족 (만 50세)", en: "Aged 50 or over: met (aged 50)" })
    expect(hire("1966-03-03").reasons[0]!.message.ko).toBe("만 50세 이상: 미충족 (만 49세)")
    expect(hire("1960-06-01").eligible).toBe(true) // a baby boomer, 55: a 고령자
    expect(hire("1936-01-01").eligible).toBe(true) // 80
    // The baby-boomer preset refuses the same 50-year-old.
    const boomer = Eligibility.evaluate(
      babyBoomerHire,
      applicant({ birthDate: "1966-03-02", residence: "11560", employmentStatus: "employed", hire: { employerSize: "small", contractType: "open-ended" } }),
      asOf
    )
    expect(boomer.reasons[0]!.message.ko).toBe("1955~1963년생: 미충족 (1966년생)")
  })

  it("baby-boomer hire: born 1955–1963, hired as a regular by a small or medium business", () => {
    const hire = (birthDate: string, employerSize: string, contractType: string) =>
      Eligibility.evaluate(
        babyBoomerHire,
        applicant({ birthDate, residence: "11560", employmentStatus: "employed", hire: { employerSize, contractType } }),
        asOf
      )
    expect(hire("1955-01-01", "small", "open-ended").eligible).toBe(true)
    expect(hire("1963-12-31", "micro", "open-ended").eligible).toBe(true)
    expect(hire("1964-01-01", "small", "open-ended").reasons[0]!.message.ko).toBe("1955~1963년생: 미충족 (1964년생)")
    expect(hire("1954-12-31", "small", "open-ended").eligible).toBe(false)
    expect(Eligibility.obstacles(hire("1960-06-01", "large", "fixed-term")).map((r) => r.message.ko)).toEqual([
      "채용 기업 규모 5인 미만 또는 5~49인 또는 50~299인: 미충족 (300인 이상)",
      "기간의 정함이 없는 근로계약(상용직) 채용: 미충족 (기간의 정함이 있는 근로계약(계약직))"
    ])
  })

  it("middle-aged hire admits every resident of 50 or more hired as a regular by an SME, and no one younger", () => {
    fc.assert(fc.property(Arbitrary.make(LocalDate.LocalDate), Arbitrary.make(LocalDate.LocalDate), (birthDate, on) => {
      fc.pre(birthDate <= on)
      const result = Eligibility.evaluate(
        middleAgedHire,
        { birthDate, residence: region("11560"), employmentStatus: "employed", hire: { employerSize: "micro", contractType: "open-ended" } },
        on
      )
      expect(result.eligible).toBe(Eligibility.ageOn(birthDate, on) >= 50)
    }), { numRuns: 500 })
  })

  it("forDistrict moves a preset to another district's residents", () => {
    const seongdong = Eligibility.forDistrict(youthIntern, region("11200"))
    expect(seongdong.district).toBe("11200")
    expect(seongdong.rules[1]).toEqual({ _tag: "ResidentOf", region: "11200" })
    expect(seongdong.benefit).toBe(youthIntern.benefit)
    const person = applicant({ birthDate: "1990-01-01", residence: "11200", employmentStatus: "unemployed" })
    expect(Eligibility.evaluate(seongdong, person, asOf).eligible).toBe(true)
    expect(Eligibility.evaluate(youthIntern, person, asOf).eligible).toBe(false)
  })

  it("describes each rule in Korean and English", () => {
    expect(publicWorks.rules.map((r) => Eligibility.describeRule(r))).toContain("재산 135,000,000원 이하")
    expect(Eligibility.describeRule(youthIntern.rules[0]!, "en")).toBe("aged 15 to 35")
  })
})

describe("age, and only here", () => {
  it.each([
    ["1962-05-14", "2016-05-13", 53],
    ["1962-05-14", "2016-05-14", 54],
    ["1951-03-02", "2016-03-02", 65],
    ["2000-02-29", "2001-02-28", 0], // a leap-day birthday comes on 1 March in a common year
    ["2000-02-29", "2001-03-01", 1],
    ["2000-02-29", "2004-02-29", 4]
  ] as const)("someone born %s is, on %s, %s full years old", (birth, on, years) => {
    expect(Eligibility.ageOn(date(birth), date(on))).toBe(years)
  })

  it("refuses an age or a resident registration number among the applicant's facts", () => {
    const result = Eligibility.decodeApplicant({ ...resident, age: 53, residentRegistrationNumber: "620514-1234567" })
    expect(left(result).issues.map((i) => i.path).sort()).toEqual(["age", "residentRegistrationNumber"])
  })
})

describe("daily pay", () => {
  const day = (hours: number, birthDate = "1962-05-14", on = "2016-03-02") => ({
    hours,
    birthDate: date(birthDate),
    asOf: date(on)
  })

  it("pays the seed's ₩32,000 for 6 hours and ₩16,000 for 3, plus ₩5,000 expenses", () => {
    expect(right(Eligibility.dailyPay(publicWorks, day(6)))).toEqual({
      requestedHours: 6,
      hours: 6,
      cappedByAge: false,
      wage: 32_000,
      expenses: 5_000,
      total: 37_000
    })
    expect(right(Eligibility.dailyPay(publicWorks, day(3)))).toMatchObject({ wage: 16_000, expenses: 5_000, total: 21_000 })
  })

  it("pays 4 and 5 hours at the seed's hourly rate, won below one truncated", () => {
    expect(right(Eligibility.dailyPay(publicWorks, day(4))).wage).toBe(21_333)
    expect(right(Eligibility.dailyPay(publicWorks, day(5))).wage).toBe(26_666)
  })

  it.each([2, 7, 4.5, 0, -3])("refuses %s hours, outside the program's 3–6", (hours) => {
    const error = left(Eligibility.dailyPay(publicWorks, day(hours)))
    expect(error._tag).toBe("HoursOutOfRange")
    expect(error.message).toBe(`Program "public-works-yeongdeungpo" pays whole hours from 3 to 6 a day (benefit.hoursPerDay); got ${hours}`)
    expect(left(Eligibility.dailyPayCapped(publicWorks, day(hours)))._tag).toBe("HoursOutOfRange")
  })

  it("refuses more than 3 hours to someone of 65 or over", () => {
    const error = left(Eligibility.dailyPay(publicWorks, day(6, "1951-03-02")))
    expect(error).toBeInstanceOf(Eligibility.HoursOverAgeLimit)
    expect(error.message).toBe(
      "Program \"public-works-yeongdeungpo\" allows participants aged 65 or over at most 3 hours a day; this participant is 65 and was given 6. Schedule 3 hours, or use dailyPayCapped to cap explicitly"
    )
    expect(right(Eligibility.dailyPay(publicWorks, day(3, "1951-03-02"))).total).toBe(21_000)
    expect(right(Eligibility.dailyPay(publicWorks, day(6, "1951-03-03"))).total).toBe(37_000) // 64 until tomorrow
  })

  it("caps 65+ at 3 hours explicitly when asked, and says so", () => {
    expect(right(Eligibility.dailyPayCapped(publicWorks, day(6, "1940-01-01")))).toEqual({
      requestedHours: 6,
      hours: 3,
      cappedByAge: true,
      wage: 16_000,
      expenses: 5_000,
      total: 21_000
    })
    expect(right(Eligibility.dailyPayCapped(publicWorks, day(6))).cappedByAge).toBe(false)
    expect(Eligibility.maxDailyHours(publicWorks, date("1940-01-01"), asOf)).toBe(3)
    expect(Eligibility.maxDailyHours(publicWorks, date("1962-05-14"), asOf)).toBe(6)
  })

  it.each([
    [3, 15_630],
    [4, 20_840],
    [5, 26_050]
  ] as const)("community jobs pays %s hours at 2014's minimum wage: ₩%s + ₩3,000 expenses", (hours, wage) => {
    expect(right(Eligibility.dailyPay(communityJobs, day(hours)))).toEqual({
      requestedHours: hours,
      hours,
      cappedByAge: false,
      wage,
      expenses: 3_000,
      total: wage + 3_000
    })
  })

  it("community jobs refuses hours outside its 3–5, in English and Korean, naming the field", () => {
    const six = left(Eligibility.dailyPay(communityJobs, day(6)))
    expect(six).toBeInstanceOf(Eligibility.HoursOutOfRange)
    expect(six.message).toBe("Program \"community-jobs\" pays whole hours from 3 to 5 a day (benefit.hoursPerDay); got 6")
    expect((six as Eligibility.HoursOutOfRange).messageKo).toBe(
      "\"community-jobs\" 사업은 하루 3~5시간(정수)만 지급합니다(benefit.hoursPerDay). 입력: 6시간"
    )
    expect(left(Eligibility.wageForHours(communityJobs, 2))._tag).toBe("HoursOutOfRange")
    // 65+: at most 3 hours, as the seed says.
    expect(left(Eligibility.dailyPay(communityJobs, day(4, "1950-01-01")))._tag).toBe("HoursOverAgeLimit")
    expect(right(Eligibility.dailyPayCapped(communityJobs, day(5, "1950-01-01")))).toMatchObject({ hours: 3, wage: 15_630, total: 18_630 })
  })

  it("a table that pays only its rows refuses the hours between them, in English and Korean", () => {
    const tabled = {
      ...communityJobs,
      benefit: {
        ...communityJobs.benefit,
        pay: { _tag: "PayTable" as const, rows: [{ hours: 3, dailyWage: 15_630 }, { hours: 5, dailyWage: 26_050 }] as const, betweenRows: "refuse" as const }
      }
    }
    const between = left(Eligibility.dailyPay(tabled, day(4)))
    expect(between).toBeInstanceOf(Eligibility.HoursNotInPayTable)
    expect(between.message).toBe(
      "Program \"community-jobs\" has no pay for 4 hours a day; its pay table (benefit.pay.rows) covers 3, 5 hours. Add a row, or set benefit.pay.betweenRows to \"interpolate\""
    )
    expect((between as Eligibility.HoursNotInPayTable).messageKo).toBe(
      "\"community-jobs\" 사업의 임금표(benefit.pay.rows)에는 하루 4시간 임금이 없습니다(3, 5시간만 있음). 행을 추가하거나 benefit.pay.betweenRows를 \"interpolate\"로 바꾸십시오"
    )
    expect(right(Eligibility.dailyPay(tabled, day(5))).wage).toBe(26_050)
  })

  it("pays hours × the hourly wage for every hour a program allows", () => {
    const programs = fc.record({
      min: fc.integer({ min: 1, max: 12 }),
      span: fc.integer({ min: 0, max: 12 }),
      hourlyWage: fc.integer({ min: 1, max: 1_000_000 }),
      expenses: fc.integer({ min: 0, max: 50_000 })
    })
    fc.assert(fc.property(programs, fc.integer({ min: -2, max: 26 }), ({ expenses, hourlyWage, min, span }, hours) => {
      const program = right(Eligibility.decodeProgram({
        ...Schema.encodeSync(Eligibility.Program)(communityJobs),
        benefit: {
          _tag: "DailyWork",
          hoursPerDay: { min, max: min + span },
          hourLimitsByAge: [],
          pay: { _tag: "HourlyPay", hourlyWage },
          dailyExpenses: expenses,
          rounds: []
        }
      }))
      if (!Eligibility.isDailyWork(program)) throw new Error("not daily work")
      const paid = Eligibility.dailyPay(program, day(hours))
      if (hours >= min && hours <= min + span) {
        expect(right(paid)).toMatchObject({ hours, wage: hours * hourlyWage, expenses, total: hours * hourlyWage + expenses })
      } else {
        expect(left(paid)._tag).toBe("HoursOutOfRange")
      }
    }))
  })

  it("builds hourly pay at a year's minimum wage, and none for a year it does not know", () => {
    expect(Eligibility.atMinimumWage(2016)).toEqual(Option.some({ _tag: "HourlyPay", hourlyWage: 6_030, minimumWageOf: 2016 }))
    expect(Eligibility.atMinimumWage(2009)).toEqual(Option.none())
  })

  it.each([
    ["2016-02-02", undefined],
    ["2016-02-03", { round: 1, starts: "2016-02-03", ends: "2016-06-30" }],
    ["2016-06-30", { round: 1, starts: "2016-02-03", ends: "2016-06-30" }],
    ["2016-07-01", { round: 2, starts: "2016-07-01", ends: "2016-11-30" }],
    ["2016-12-01", undefined]
  ] as const)("public works runs two rounds a year: %s falls in %j", (on, expected) => {
    expect(Eligibility.roundOn(publicWorks, date(on))).toEqual(expected)
  })

  it("never pays more than the 6-hour figure, and pays more for more hours", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 6 }),
        Arbitrary.make(LocalDate.LocalDate),
        Arbitrary.make(LocalDate.LocalDate),
        (hours, birthDate, on) => {
          const paid = right(Eligibility.dailyPayCapped(publicWorks, { hours, birthDate, asOf: on }))
          expect(paid.wage).toBeLessThanOrEqual(32_000)
          expect(paid.total).toBe(paid.wage + 5_000)
          expect(paid.hours).toBeLessThanOrEqual(Eligibility.maxDailyHours(publicWorks, birthDate, on))
          const strict = Eligibility.dailyPay(publicWorks, { hours, birthDate, asOf: on })
          expect(Either.isLeft(strict)).toBe(Eligibility.ageOn(birthDate, on) >= 65 && hours > 3)
          if (hours < 6) {
            expect(right(Eligibility.wageForHours(publicWorks, hours + 1))).toBeGreaterThan(
              right(Eligibility.wageForHours(publicWorks, hours))
            )
          }
        }
      )
    )
  })
})

describe("subsidies", () => {
  it("youth intern: 60% of the wage, at most ₩1,000,000 a month", () => {
    expect(right(Eligibility.wageSubsidy(youthIntern, 1_500_000))).toBe(900_000)
    expect(right(Eligibility.wageSubsidy(youthIntern, 1_234_567))).toBe(740_740) // 740,740.2 truncated
    expect(right(Eligibility.wageSubsidy(youthIntern, 1_666_667))).toBe(1_000_000)
    expect(right(Eligibility.wageSubsidy(youthIntern, 2_000_000))).toBe(1_000_000)
    expect(right(Eligibility.wageSubsidy(youthIntern, 0))).toBe(0)
    const error = left(Eligibility.wageSubsidy(youthIntern, -1))
    expect(error.message).toBe("A monthly wage must be a whole number of won, 0 or more; got -1")
    expect(left(Eligibility.wageSubsidy(youthIntern, 1_500_000.5))._tag).toBe("InvalidWage")
  })

  it("youth intern: 4 months as an intern and 4 after conversion, ₩8,000,000 at most", () => {
    const capped = right(Eligibility.wageSubsidySchedule(youthIntern, {
      intern: Array(4).fill(2_000_000),
      afterConversion: Array(4).fill(2_200_000)
    }))
    expect(capped.total).toBe(8_000_000)
    expect(capped.months).toHaveLength(8)
    expect(capped.months[4]).toEqual({
      phase: "after-conversion",
      month: 1,
      wage: 2_200_000,
      share: 1_320_000,
      amount: 1_000_000,
      capped: true
    })
    const below = right(Eligibility.wageSubsidySchedule(youthIntern, {
      intern: Array(4).fill(1_500_000),
      afterConversion: Array(4).fill(1_500_000)
    }))
    expect(below.total).toBe(7_200_000)
    const notConverted = right(Eligibility.wageSubsidySchedule(youthIntern, { intern: Array(4).fill(1_500_000), afterConversion: [] }))
    expect(notConverted.total).toBe(3_600_000)
    expect(Eligibility.maximumSubsidy(youthIntern)).toBe(8_000_000)
  })

  it("refuses a fifth month in either phase", () => {
    const error = left(Eligibility.wageSubsidySchedule(youthIntern, { intern: Array(5).fill(1_500_000), afterConversion: [] }))
    expect(error.message).toBe("Program \"youth-intern\" pays at most 4 months as an intern; got 5")
    expect(left(Eligibility.wageSubsidySchedule(youthIntern, { intern: [], afterConversion: Array(5).fill(1) })).message)
      .toBe("Program \"youth-intern\" pays at most 4 months after conversion; got 5")
  })

  it("middle-aged hire: ₩500,000 a month for at most 6 months, ₩3,000,000 in all", () => {
    expect(right(Eligibility.fixedSubsidy(middleAgedHire, 6))).toEqual({ paidMonths: 6, monthlyAmount: 500_000, total: 3_000_000 })
    expect(right(Eligibility.fixedSubsidy(middleAgedHire, 14)).total).toBe(3_000_000)
    expect(right(Eligibility.fixedSubsidy(middleAgedHire, 2)).total).toBe(1_000_000)
    expect(left(Eligibility.fixedSubsidy(middleAgedHire, -1)).message).toBe("Months employed must be a whole number, 0 or more; got -1")
    expect(Eligibility.maximumSubsidy(middleAgedHire)).toBe(3_000_000)
  })

  it("a month's subsidy is never above the cap nor above 60% of the wage", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000 }), (wage) => {
      const amount = right(Eligibility.wageSubsidy(youthIntern, wage))
      expect(amount).toBeLessThanOrEqual(1_000_000)
      expect(amount * 100).toBeLessThanOrEqual(wage * 60)
      expect(amount).toBe(Math.min(Math.floor(wage * 0.6 + 1e-9), 1_000_000))
    }))
  })
})

describe("subsidy months, counted as the Civil Act counts periods", () => {
  it("a hire from 31 January: the first month ends on 28 February, the sixth on 30 July", () => {
    const months = Eligibility.subsidyPeriods(middleAgedHire, date("2026-01-31"))
    expect(months).toHaveLength(6)
    expect(months[0]).toEqual({ month: 1, from: "2026-01-31", to: "2026-02-28" })
    expect(months[1]).toEqual({ month: 2, from: "2026-03-01", to: "2026-03-30" })
    expect(months[4]).toEqual({ month: 5, from: "2026-05-31", to: "2026-06-30" }) // June has no 31st
    expect(months[5]).toEqual({ month: 6, from: "2026-07-01", to: "2026-07-30" })
    expect(Eligibility.subsidyPeriods(middleAgedHire, date("2026-01-31"), "after-conversion")).toEqual([])
  })

  it("youth intern: 4 months from the internship's first day, 4 more from the regular job's", () => {
    expect(Eligibility.subsidyPeriods(youthIntern, date("2016-03-02")).map((m) => m.to))
      .toEqual(["2016-04-01", "2016-05-01", "2016-06-01", "2016-07-01"])
    const after = Eligibility.subsidyPeriods(youthIntern, date("2016-07-04"), "after-conversion")
    expect(after.map((m) => [m.from, m.to])).toEqual([
      ["2016-07-04", "2016-08-03"],
      ["2016-08-04", "2016-09-03"],
      ["2016-09-04", "2016-10-03"],
      ["2016-10-04", "2016-11-03"]
    ])
  })

  it("counts whole months worked, and pays the fixed subsidy for them", () => {
    const start = date("2026-01-31")
    expect(Eligibility.monthsCompleted(start, date("2026-02-27"))).toBe(0)
    expect(Eligibility.monthsCompleted(start, date("2026-02-28"))).toBe(1)
    expect(Eligibility.monthsCompleted(start, date("2026-07-29"))).toBe(5)
    expect(Eligibility.monthsCompleted(start, date("2026-07-30"))).toBe(6)
    expect(Eligibility.monthsCompleted(start, date("2025-12-31"))).toBe(0)
    expect(right(Eligibility.fixedSubsidyFor(middleAgedHire, { startedOn: start, through: date("2026-07-29") })).total).toBe(2_500_000)
    expect(right(Eligibility.fixedSubsidyFor(middleAgedHire, { startedOn: start, through: date("2027-12-31") })))
      .toEqual({ paidMonths: 6, monthlyAmount: 500_000, total: 3_000_000 })
  })

  it("months tile the period without gap or overlap, each ending where LegalPeriod ends it; months completed agree", () => {
    fc.assert(fc.property(Arbitrary.make(LocalDate.LocalDate), fc.integer({ min: 0, max: 400 }), (start, days) => {
      const months = Eligibility.subsidyPeriods(youthIntern, start)
      expect(months[0]!.from).toBe(start)
      months.forEach((m, i) => {
        expect(m.to).toBe(LegalPeriod.lastDay(start, { months: i + 1 }))
        expect(m.from <= m.to).toBe(true)
        if (i > 0) expect(m.from).toBe(LocalDate.addDays(months[i - 1]!.to, 1))
      })
      const through = LocalDate.addDays(start, days)
      const n = Eligibility.monthsCompleted(start, through)
      if (n > 0) expect(LegalPeriod.lastDay(start, { months: n }) <= through).toBe(true)
      expect(LegalPeriod.lastDay(start, { months: n + 1 }) > through).toBe(true)
    }), { numRuns: 300 })
  })
})

describe("evaluation properties", () => {
  const applicants = Arbitrary.make(Eligibility.Applicant)
  const dates = Arbitrary.make(LocalDate.LocalDate)

  it("reports one reason per rule, in order, and is eligible exactly when all passed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Eligibility.presets), applicants, dates, (program, person, on) => {
        const result = Eligibility.evaluate(program, person, on)
        expect(result.reasons.map((r) => r.rule)).toEqual(program.rules)
        expect(result.eligible).toBe(result.reasons.every((r) => r.outcome === "passed"))
        expect(Eligibility.obstacles(result).length === 0).toBe(result.eligible)
        expect(Schema.is(Eligibility.Evaluation)(result)).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it("is monotone in assets: less wealth never makes an eligible applicant ineligible", () => {
    const eligibleBase = fc.record({
      birthDate: fc.constantFrom("1950-01-01", "1962-05-14", "1990-07-31"),
      employmentStatus: fc.constantFrom("unemployed", "irregular"),
      monthsWorked: fc.integer({ min: 0, max: 10 })
    })
    fc.assert(
      fc.property(eligibleBase, fc.integer({ min: 0, max: 300_000_000 }), fc.integer({ min: 0, max: 300_000_000 }), (base, a, b) => {
        const [more, less] = a >= b ? [a, b] : [b, a]
        const person = (assets: number) =>
          applicant({
            ...resident,
            birthDate: base.birthDate,
            employmentStatus: base.employmentStatus,
            recentWork: { windowMonths: 24, monthsWorked: base.monthsWorked },
            assets
          })
        const richer = Eligibility.evaluate(publicWorks, person(more), asOf)
        const poorer = Eligibility.evaluate(publicWorks, person(less), asOf)
        if (richer.eligible) expect(poorer.eligible).toBe(true)
        expect(richer.eligible).toBe(more <= 135_000_000)
      })
    )
  })

  it("round-trips every applicant its schema admits", () => {
    const encode = Schema.encodeSync(Eligibility.Applicant)
    fc.assert(fc.property(applicants, (person) => {
      const wire = JSON.parse(JSON.stringify(encode(person)))
      expect(encode(right(Eligibility.decodeApplicant(wire)))).toEqual(wire)
    }))
  })
})

describe("programs that do not hold together are refused", () => {
  const wire = Schema.encodeSync(Eligibility.Program)(publicWorks)
  const issues = (input: unknown) => left(Eligibility.decodeProgram(input)).issues.map((i) => `${i.path}: ${i.message}`)

  const table = (rows: ReadonlyArray<{ hours: number; dailyWage: number }>) => ({ _tag: "PayTable", rows, betweenRows: "interpolate" })

  it("a pay table that cannot interpolate over the hours", () => {
    expect(issues({ ...wire, benefit: { ...wire.benefit, pay: table([{ hours: 3, dailyWage: 16_000 }, { hours: 5, dailyWage: 26_000 }]) } }))
      .toEqual(["benefit.pay.rows: must have rows at or beyond both ends of hoursPerDay (3–6) to interpolate; rows cover 3–5"])
  })

  it("hourly pay that is not the minimum wage of the year it names, or the old payTable shape", () => {
    expect(issues({ ...wire, benefit: { ...wire.benefit, pay: { _tag: "HourlyPay", hourlyWage: 5_000, minimumWageOf: 2014 } } }))
      .toEqual(["benefit.pay.hourlyWage: must be 2014's minimum hourly wage (5,210) as minimumWageOf says; got 5,000"])
    // A year iljari does not list is taken as written.
    expect(Either.isRight(Eligibility.decodeProgram({ ...wire, benefit: { ...wire.benefit, pay: { _tag: "HourlyPay", hourlyWage: 11_000, minimumWageOf: 2031 } } })))
      .toBe(true)
    expect(issues({ ...wire, benefit: { ...wire.benefit, pay: { _tag: "HourlyPay", hourlyWage: 0 } } })[0])
      .toMatch(/^benefit\.pay\.hourlyWage: must be a whole number of won between 1 and 1,000,000; got 0/)
    const { pay: _pay, ...withoutPay } = Schema.encodeSync(Eligibility.DailyWork)(publicWorks.benefit)
    expect(issues({ ...wire, benefit: { ...withoutPay, payTable: [{ hours: 3, dailyWage: 16_000 }], betweenRows: "refuse" } }))
      .toContain("benefit.pay: is missing")
  })

  it("an age limit outside the hours, rows out of order, an upside-down age band, an unknown rule", () => {
    expect(issues({ ...wire, benefit: { ...wire.benefit, hourLimitsByAge: [{ fromAge: 65, maxHours: 2 }] } }))
      .toEqual(["benefit.hourLimitsByAge[0].maxHours: must be within hoursPerDay (3–6); got 2"])
    expect(issues({ ...wire, benefit: { ...wire.benefit, pay: table([{ hours: 6, dailyWage: 32_000 }, { hours: 3, dailyWage: 16_000 }]) } }))
      .toEqual(["benefit.pay.rows[1].hours: must be more than the row before (6); rows go from fewest to most hours"])
    expect(issues({ ...wire, rules: [{ _tag: "AgeBetween", min: 35, max: 15 }] }))
      .toEqual(["rules[0].max: must not be below min (35); got 15"])
    expect(issues({ ...wire, rules: [{ _tag: "AgeUnder", years: 30 }] })[0]).toMatch(/^rules\[0\]\._tag: Expected "AgeAtLeast" \| /)
    expect(issues({ ...wire, rules: [] })).toEqual(["rules: must list 1–50 rules; got 0"])
  })
})
