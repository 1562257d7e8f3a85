/**
 * fast-check arbitraries for iljari's models: any value a schema admits
 * (effect's `Arbitrary.make` over core's schemas), and realistic records — a
 * Korean name, a 010 mobile number, KECO occupation codes from core's code
 * list, wages in won at or above the minimum wage — decoded through core's
 * own rules, so every one is a record core would accept.
 *
 * For a district's own matching weights, pairs of a seeker and an opening
 * built from core's matching rules: an opening that fits every wish (it
 * scores 100 under any weights), one that misses one criterion (that part
 * earns less than its weight), one that a hard constraint rules out.
 *
 * ```ts
 * import { Arbitraries } from "@iljari/testing"
 * import { Match } from "@iljari/core"
 * import { FastCheck as fc } from "effect"
 *
 * fc.assert(fc.property(Arbitraries.pairMissing("wage"), ([seeker, opening]) => {
 *   const score = Match.score(seeker, opening, { config: ourConfig })
 *   return score.total < 100 && score.total >= 80   // a low offer alone never drops a pair below 80
 * }))
 * ```
 *
 * Use effect's `FastCheck` (`import { FastCheck as fc } from "effect"`): it is
 * the fast-check these arbitraries are built with.
 *
 * @example
 * ```ts
 * import { Match } from "@iljari/core"
 * import { Arbitraries } from "@iljari/testing"
 * import { FastCheck as fc } from "effect"
 *
 * // An opening that fits every wish of its seeker scores 100, whatever the weights.
 * fc.assert(fc.property(Arbitraries.fittingPair, Arbitraries.anyWeights, ([seeker, opening], weights) =>
 *   Match.score(seeker, opening, { config: { ...Match.defaultConfig, weights } }).total === 100
 * ))
 * ```
 *
 * @since 0.0.0
 * @module
 */
import {
  Codes,
  Counseling,
  Counselor,
  Employer,
  FollowUp,
  Match,
  Mismatch,
  Opening,
  Placement,
  Referral,
  Seeker,
  Validation,
  Wage
} from "@iljari/core"
import { Arbitrary, Either, FastCheck as fc } from "effect"

// ---------------------------------------------------------------------------
// Any value a schema admits
// ---------------------------------------------------------------------------

/**
 * Any seeker the schema admits: odd but valid values (a name of symbols, a
 * 720-month career), for properties of storage and encoding — an adapter
 * reads back what it stored. For any other schema: `Arbitrary.make(schema)`.
 *
 * @since 0.0.0
 * @category schemas
 */
export const anySeeker: fc.Arbitrary<Seeker.Seeker> = Arbitrary.make(Seeker.Seeker)

/** @since 0.0.0 @category schemas */
export const anyEmployer: fc.Arbitrary<Employer.Employer> = Arbitrary.make(Employer.Employer)

/** @since 0.0.0 @category schemas */
export const anyOpening: fc.Arbitrary<Opening.Opening> = Arbitrary.make(Opening.Opening)

/** @since 0.0.0 @category schemas */
export const anyCounselor: fc.Arbitrary<Counselor.Counselor> = Arbitrary.make(Counselor.Counselor)

/** @since 0.0.0 @category schemas */
export const anyCounseling: fc.Arbitrary<Counseling.Counseling> = Arbitrary.make(Counseling.Counseling)

/** @since 0.0.0 @category schemas */
export const anyReferral: fc.Arbitrary<Referral.Referral> = Arbitrary.make(Referral.Referral)

/** @since 0.0.0 @category schemas */
export const anyPlacement: fc.Arbitrary<Placement.Placement> = Arbitrary.make(Placement.Placement)

/** @since 0.0.0 @category schemas */
export const anyFollowUpCheck: fc.Arbitrary<FollowUp.Check> = Arbitrary.make(FollowUp.Check)

/**
 * Any set of matching weights the schema admits (at least one above 0).
 *
 * @since 0.0.0
 * @category schemas
 */
export const anyWeights: fc.Arbitrary<Match.Weights> = Arbitrary.make(Match.Weights)

// ---------------------------------------------------------------------------
// People, phones, codes, wages
// ---------------------------------------------------------------------------

// The commonest surnames first, as often as they occur; then the rarer ones.
const commonSurnames = ["김", "이", "박", "최", "정"]
const otherSurnames = [
  "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "전", "홍", "고", "문", "양", "손",
  "배", "백", "허", "유", "남", "심", "노", "하", "곽", "성", "차", "주", "우", "구", "민", "나", "진", "지", "엄", "채",
  "원", "천", "방", "공", "현", "함", "변", "염", "여", "추", "도", "소", "석", "선", "설", "마", "길", "연", "위", "표",
  "명", "기", "반", "왕", "금", "옥", "육", "인", "맹", "제", "모", "탁", "국", "남궁", "황보", "제갈", "선우", "독고"
]
const givenSyllables = [
  "민", "서", "지", "현", "준", "수", "영", "우", "예", "도", "하", "윤", "재", "은", "진", "혜", "성", "정", "유", "연",
  "희", "경", "동", "상", "승", "태", "원", "주", "나", "아", "미", "선", "소", "채", "다", "호", "훈", "석", "철", "기",
  "명", "혁", "빈", "린", "율", "온", "리", "람", "건", "시", "규", "형", "광", "옥", "순", "자", "숙", "춘", "식", "용"
]

/**
 * A Korean name: a surname (김, 이 and 박 most often; 남궁 or 황보 now and
 * then) and a given name of two syllables, sometimes one or three.
 *
 * @since 0.0.0
 * @category people
 */
export const koreanName: fc.Arbitrary<string> = fc.tuple(
  fc.oneof({ arbitrary: fc.constantFrom(...commonSurnames), weight: 3 }, { arbitrary: fc.constantFrom(...otherSurnames), weight: 2 }),
  fc.oneof(
    { arbitrary: fc.array(fc.constantFrom(...givenSyllables), { minLength: 2, maxLength: 2 }), weight: 8 },
    { arbitrary: fc.array(fc.constantFrom(...givenSyllables), { minLength: 1, maxLength: 1 }), weight: 1 },
    { arbitrary: fc.array(fc.constantFrom(...givenSyllables), { minLength: 3, maxLength: 3 }), weight: 1 }
  )
).map(([surname, given]) => surname + given.join(""))

/**
 * A mobile number in its canonical form, `010-XXXX-XXXX` (the middle group
 * starting 2–9, as issued).
 *
 * @since 0.0.0
 * @category people
 */
export const mobilePhone: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 0, max: 9999 }))
  .map(([middle, last]) => `010-${middle}-${String(last).padStart(4, "0")}`)

/**
 * An e-mail address on a reserved domain (`example.kr`, `example.com`), so a
 * test never writes to a real mailbox.
 *
 * @since 0.0.0
 * @category people
 */
export const email: fc.Arbitrary<string> = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{2,11}$/), fc.constantFrom("example.kr", "example.com"))
  .map(([local, domain]) => `${local}@${domain}`)

/** A date between two years, as `YYYY-MM-DD`. */
const isoDate = (fromYear: number, toYear: number) =>
  fc.date({ min: new Date(`${fromYear}-01-01T00:00:00Z`), max: new Date(`${toYear}-12-31T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))

const isoInstant = (fromYear: number, toYear: number) =>
  fc.date({ min: new Date(`${fromYear}-01-01T00:00:00Z`), max: new Date(`${toYear}-12-31T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString())

const middleGroups = Codes.occupationGroups.middle.map(([code]) => code)

/**
 * A KECO 2018 unit-group occupation code (4 digits) under one of core's 35
 * middle groups — what a seeker's wish or an opening usually carries.
 *
 * @since 0.0.0
 * @category codes
 */
export const occupationCode: fc.Arbitrary<Codes.OccupationCode> = fc.tuple(fc.constantFrom(...middleGroups), fc.integer({ min: 10, max: 99 }))
  .map(([middle, unit]) => `${middle}${unit}` as Codes.OccupationCode)

/**
 * Any occupation code core accepts: a middle group, a minor group, a unit
 * group or a Work24 6-digit code.
 *
 * @since 0.0.0
 * @category codes
 */
export const anyOccupationCode: fc.Arbitrary<Codes.OccupationCode> = Arbitrary.make(Codes.OccupationCode)

/**
 * One of Seoul's 25 districts (시군구 codes).
 *
 * @since 0.0.0
 * @category codes
 */
export const seoulDistrict: fc.Arbitrary<Codes.RegionCode> = fc.constantFrom(...Codes.seoulDistricts.map((d) => d.code))

/**
 * The monthly minimum wage the wages below start at: core's
 * `Mismatch.defaultMinimumMonthlyWage` (₩10,030 an hour × 209 hours).
 *
 * @since 0.0.0
 * @category wages
 */
export const minimumMonthlyWage: number = Mismatch.defaultMinimumMonthlyWage

/**
 * A monthly wage in won, from the minimum wage to ₩6,000,000, in steps of
 * ₩10,000 (the first one rounded up onto the minimum).
 *
 * @since 0.0.0
 * @category wages
 */
export const monthlyWage: fc.Arbitrary<Wage.Won> = fc.integer({ min: Math.ceil(minimumMonthlyWage / 10_000), max: 600 })
  .map((tens) => Math.max(minimumMonthlyWage, tens * 10_000) as Wage.Won)

/**
 * An hourly wage in won, from the minimum wage (₩10,030) to ₩25,000, in steps of ₩10.
 *
 * @since 0.0.0
 * @category wages
 */
export const hourlyWage: fc.Arbitrary<Wage.Won> = fc.integer({ min: 1003, max: 2500 }).map((tens) => (tens * 10) as Wage.Won)

/**
 * A seeker's wish: a monthly wage (mostly) or an hourly one, never below the minimum wage.
 *
 * @since 0.0.0
 * @category wages
 */
export const desiredWage: fc.Arbitrary<Wage.DesiredWage> = fc.oneof(
  { arbitrary: monthlyWage.map((amount) => ({ type: "monthly" as const, amount })), weight: 3 },
  { arbitrary: hourlyWage.map((amount) => ({ type: "hourly" as const, amount })), weight: 1 }
)

// ---------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------

// Decoding is the only way in: a generated record that core refuses is a bug here, named.
const decoded = <A>(decode: (input: unknown) => Either.Either<A, Validation.ValidationError>, what: string) => (input: unknown): A => {
  const result = decode(input)
  if (Either.isLeft(result)) throw new Error(`@iljari/testing generated an invalid ${what}: ${result.left.message}`)
  return result.right
}

const certificatePool = [
  "지게차운전기능사", "요양보호사", "운전면허 1종 보통", "컴퓨터활용능력 2급", "경비지도사", "조리기능사", "전기기능사",
  "사회복지사 2급", "정보처리기사", "굴착기운전기능사", "바리스타 2급", "웹디자인기능사"
]
// Certificates the seeker does not hold, for an opening to ask for or prefer.
const lacked = (s: Seeker.Seeker): ReadonlyArray<string> => {
  const lacking = [...certificatePool, "드론조종자격 1종", "기중기운전기능사"].filter((c) => !s.certificates.includes(c))
  if (lacking.length === 0) throw new Error(`seeker "${s.id}" holds every certificate @iljari/testing knows of`)
  return lacking
}
const subset = <A>(pool: ReadonlyArray<A>, max: number, min = 0) => fc.uniqueArray(fc.constantFrom(...pool), { minLength: min, maxLength: max })
const nonSensitiveGroups = ["youth", "career-break-women", "middle-aged", "senior", "vulnerable", "homeless"] as const
const notes = ["경비·청소 희망, 야간 근무 가능", "경력단절 후 재취업 희망", "사무보조 선호, 주 5일", "요양보호사 자격 취득 예정", "거주지 인근 희망"]

/**
 * Ids of the kind a district's system gives: a prefix and seven digits
 * (`seeker-0001234`).
 *
 * @since 0.0.0
 * @category records
 */
export const id = (prefix: string): fc.Arbitrary<string> =>
  fc.integer({ min: 1, max: 9_999_999 }).map((n) => `${prefix}-${String(n).padStart(7, "0")}`)

/**
 * What the record arbitraries can be told: the district (성동구 `11200`
 * unless given) and the ids to draw from.
 *
 * @since 0.0.0
 * @category records
 */
export interface RecordOptions {
  readonly districtId?: string
  readonly id?: fc.Arbitrary<string>
}

/**
 * A realistic seeker, decoded by core: a Korean name and mobile number, born
 * 1950–2007, one to three KECO wishes, Seoul districts, a wage wish at or
 * above the minimum wage, wishes on contract, schedule and hours; no
 * sensitive target group (that needs a consent). Registered 2016–2026.
 *
 * @since 0.0.0
 * @category records
 */
export const seeker = (options: RecordOptions = {}): fc.Arbitrary<Seeker.Seeker> =>
  fc.record({
    id: options.id ?? id("seeker"),
    name: koreanName,
    phone: mobilePhone,
    email: fc.option(email, { nil: undefined }),
    birthDate: isoDate(1950, 2007),
    gender: fc.constantFrom("female", "male", "unspecified"),
    addressRegion: seoulDistrict,
    desiredOccupations: fc.uniqueArray(occupationCode, { minLength: 1, maxLength: 3 }),
    desiredRegions: subset(Codes.seoulDistricts.map((d) => d.code), 3),
    education: fc.constantFrom("01", "02", "03", "03", "03", "04", "04", "05", "05", "06"),
    careerMonths: fc.integer({ min: 0, max: 400 }),
    certificates: subset(certificatePool, 3),
    desiredWage: fc.option(desiredWage, { nil: undefined, freq: 5 }),
    contractTypes: subset(["open-ended", "fixed-term", "daily", "dispatch"], 2),
    schedules: subset(["full-time", "part-time"], 1),
    maxWeeklyHours: fc.option(fc.integer({ min: 15, max: 52 }), { nil: undefined, freq: 3 }),
    targetGroups: subset(nonSensitiveGroups, 2),
    registeredAt: isoInstant(2016, 2026),
    channel: fc.constantFrom("visit", "phone", "online", "outreach", "job-cafe", "event", "partner"),
    notes: fc.option(fc.constantFrom(...notes), { nil: undefined })
  }).map((r) =>
    decoded(Seeker.decodeEither, "seeker")({
      id: r.id,
      districtId: options.districtId ?? "11200",
      name: r.name,
      contact: { phone: r.phone, ...(r.email === undefined ? {} : { email: r.email }) },
      birthDate: r.birthDate,
      gender: r.gender,
      addressRegion: r.addressRegion,
      desiredOccupations: r.desiredOccupations,
      desiredRegions: r.desiredRegions,
      education: r.education,
      careerMonths: r.careerMonths,
      certificates: r.certificates,
      ...(r.desiredWage === undefined ? {} : { desiredWage: r.desiredWage }),
      desiredEmployment: {
        contractTypes: r.contractTypes,
        schedules: r.schedules,
        ...(r.maxWeeklyHours === undefined ? {} : { maxWeeklyHours: r.maxWeeklyHours })
      },
      targetGroups: r.targetGroups,
      consents: [{ purpose: "personal-data", givenAt: r.registeredAt }],
      registrationChannel: r.channel,
      registeredAt: r.registeredAt,
      ...(r.notes === undefined ? {} : { notes: r.notes })
    })
  )

const companySuffixes = ["(주)", "주식회사", "상사", "산업", "물산", "테크", "푸드", "요양원", "관리", "디자인"]
const companyStems = ["성수", "왕십리", "한양", "뚝섬", "서울숲", "금호", "옥수", "마장", "행당", "응봉", "새한", "대한", "미래", "한빛"]

/**
 * A realistic employer, decoded by core: a Korean company name, a business
 * registration number with a valid check digit, a contact with a Korean name
 * and a Seoul office number.
 *
 * @since 0.0.0
 * @category records
 */
export const employer = (options: RecordOptions = {}): fc.Arbitrary<Employer.Employer> =>
  fc.record({
    id: options.id ?? id("employer"),
    name: fc.tuple(fc.constantFrom(...companyStems), fc.constantFrom(...companySuffixes)).map(([a, b]) => a + b),
    businessNumber: Arbitrary.make(Employer.BusinessNumber),
    addressRegion: seoulDistrict,
    size: fc.constantFrom("micro", "small", "small", "medium", "large"),
    contactName: koreanName,
    officePhone: fc.tuple(fc.integer({ min: 200, max: 9999 }), fc.integer({ min: 0, max: 9999 }))
      .map(([a, b]) => `02-${a}-${String(b).padStart(4, "0")}`),
    source: fc.constantFrom("walk-in", "chamber-of-commerce", "knowledge-industry-center", "large-retailer", "discovery-visit", "job-fair", "online"),
    registeredAt: isoInstant(2016, 2026)
  }).map((r) =>
    decoded(Employer.decodeEither, "employer")({
      id: r.id,
      districtId: options.districtId ?? "11200",
      name: r.name,
      businessNumber: r.businessNumber,
      addressRegion: r.addressRegion,
      size: r.size,
      contacts: [{ name: r.contactName, role: "인사담당", phone: r.officePhone }],
      source: r.source,
      registeredAt: r.registeredAt
    })
  )

const titles: Record<string, string> = { "56": "청소·경비원", "55": "돌봄 서비스", "41": "디자이너", "02": "사무원", "85": "운전원" }

/**
 * A realistic open opening, decoded by core: a KECO unit-group occupation, a
 * wage at or above the minimum wage, a Seoul district, opened 2016–2026.
 *
 * @since 0.0.0
 * @category records
 */
export const opening = (options: RecordOptions & { readonly employerId?: string } = {}): fc.Arbitrary<Opening.Opening> =>
  fc.record({
    id: options.id ?? id("opening"),
    employerId: options.employerId === undefined ? id("employer") : fc.constant(options.employerId),
    occupation: occupationCode,
    headcount: fc.integer({ min: 1, max: 5 }),
    workRegion: seoulDistrict,
    wage: fc.oneof(
      monthlyWage.map((min) => ({ type: "monthly", min, max: min + 300_000 })),
      hourlyWage.map((min) => ({ type: "hourly", min }))
    ),
    educationMinimum: fc.constantFrom("00", "00", "02", "03", "04", "05"),
    career: fc.oneof(
      fc.constant({ requirement: "any" }),
      fc.constant({ requirement: "new" }),
      fc.integer({ min: 1, max: 120 }).map((minimumMonths) => ({ requirement: "experienced", minimumMonths }))
    ),
    contractType: fc.constantFrom("open-ended", "fixed-term", "daily", "dispatch"),
    schedule: fc.constantFrom("full-time", "part-time"),
    weeklyHours: fc.integer({ min: 15, max: 52 }),
    requiredCertificates: subset(certificatePool, 1),
    preferredCertificates: subset(certificatePool, 2),
    openedOn: isoDate(2016, 2026)
  }).map((r) =>
    decoded(Opening.decodeEither, "opening")({
      ...r,
      districtId: options.districtId ?? "11200",
      title: `${titles[r.occupation.slice(0, 2)] ?? Codes.middleGroupName(r.occupation)} 채용`,
      workingDays: "five-days",
      preferences: [],
      status: "open"
    })
  )

/**
 * A realistic staff member, decoded by core: a counselor most often, with a
 * Seoul office number.
 *
 * @since 0.0.0
 * @category records
 */
export const counselor = (options: RecordOptions = {}): fc.Arbitrary<Counselor.Counselor> =>
  fc.record({
    id: options.id ?? id("counselor"),
    name: koreanName,
    role: fc.constantFrom("counselor", "counselor", "counselor", "manager", "admin"),
    phone: fc.integer({ min: 0, max: 9999 }).map((n) => `02-2286-${String(n).padStart(4, "0")}`),
    active: fc.boolean()
  }).map((r) =>
    decoded(Counselor.decodeEither, "counselor")({
      id: r.id,
      districtId: options.districtId ?? "11200",
      name: r.name,
      role: r.role,
      contact: { phone: r.phone },
      active: r.active
    })
  )

// ---------------------------------------------------------------------------
// Openings that fit a seeker, or don't (core's matching rules)
// ---------------------------------------------------------------------------

const contractTypes = ["open-ended", "fixed-term", "daily", "dispatch"] as const
const schedules = ["full-time", "part-time"] as const
const educationLevels = ["00", "01", "02", "03", "04", "05", "06", "07"] as const
const roundUp = (won: number, step: number) => Math.ceil(won / step) * step

// The parts of an opening that meet every wish of the seeker: full points on every criterion.
const fittingParts = (s: Seeker.Seeker) => {
  const wishMonthly = s.desiredWage === undefined ? 0 : Wage.toMonthly(s.desiredWage.type, s.desiredWage.amount)
  return fc.record({
    // The first wish, exactly: KECO's deepest level on the most wanted.
    occupation: fc.constant(s.desiredOccupations[0]!),
    // A desired region, or home when any region will do.
    workRegion: s.desiredRegions.length === 0 ? fc.constant(s.addressRegion) : fc.constantFrom(...s.desiredRegions),
    // At or above the wish (per month), never below the minimum wage.
    wage: fc.integer({ min: 0, max: 50 }).map((extra) => {
      const min = roundUp(Math.max(wishMonthly, minimumMonthlyWage), 10_000) + extra * 10_000
      return { type: "monthly" as const, min, max: min + 200_000 }
    }),
    educationMinimum: fc.constantFrom(...educationLevels.filter((level) => level <= s.education)),
    career: s.careerMonths === 0
      ? fc.constantFrom({ requirement: "any" as const }, { requirement: "new" as const })
      : fc.oneof(
        fc.constantFrom({ requirement: "any" as const }, { requirement: "new" as const }),
        fc.integer({ min: 1, max: Math.min(600, s.careerMonths) }).map((minimumMonths) => ({ requirement: "experienced" as const, minimumMonths }))
      ),
    contractType: fc.constantFrom(...(s.desiredEmployment.contractTypes.length === 0 ? contractTypes : s.desiredEmployment.contractTypes)),
    schedule: fc.constantFrom(...(s.desiredEmployment.schedules.length === 0 ? schedules : s.desiredEmployment.schedules)),
    weeklyHours: fc.integer({ min: 8, max: s.desiredEmployment.maxWeeklyHours ?? 52 }),
    // What it asks for or prefers, the seeker holds.
    requiredCertificates: s.certificates.length === 0 ? fc.constant([]) : subset(s.certificates, 1),
    preferredCertificates: s.certificates.length === 0 ? fc.constant([]) : subset(s.certificates, 2)
  })
}

type Parts = Record<string, unknown>

const openingOf = (s: Seeker.Seeker, parts: Parts, idArbitrary: fc.Arbitrary<string> = id("opening")) =>
  fc.tuple(idArbitrary, fc.integer({ min: 1, max: 5 })).map(([openingId, headcount]) =>
    decoded(Opening.decodeEither, "opening")({
      id: openingId,
      districtId: s.districtId,
      employerId: "employer-0000001",
      title: `${Codes.middleGroupName(parts["occupation"] as Codes.OccupationCode)} 채용`,
      headcount,
      workingDays: "five-days",
      preferences: [],
      openedOn: "2026-03-02",
      status: "open",
      ...parts
    })
  )

/**
 * An open opening that meets every wish of the seeker as core's matching
 * reads it — their first occupation exactly, a desired region (or home), a
 * wage at or above their wish, an education and a career they have, a
 * contract, schedule and hours they accept, only certificates they hold —
 * so `Match.score(seeker, opening, { config })` is eligible and totals 100
 * under any weights.
 *
 * @since 0.0.0
 * @category matching
 */
export const openingThatFits = (seeker: Seeker.Seeker): fc.Arbitrary<Opening.Opening> =>
  fittingParts(seeker).chain((parts) => openingOf(seeker, parts))

/**
 * An opening that meets every wish of the seeker but is ruled out by one of
 * core's hard constraints (on by default): it is filled, closed or
 * cancelled, or it requires a certificate the seeker does not hold. Ranking
 * never lists it; `Match.score` says `eligible: false` and why.
 *
 * @since 0.0.0
 * @category matching
 */
export const openingThatDoesNotFit = (seeker: Seeker.Seeker): fc.Arbitrary<Opening.Opening> => {
  const missing = lacked(seeker)
  return fc.tuple(fittingParts(seeker), fc.oneof(
    fc.constantFrom("filled", "closed", "cancelled").map((status) => ({ status })),
    fc.constantFrom(...missing).map((certificate) => ({ requiredCertificates: [certificate], preferredCertificates: [] }))
  )).chain(([parts, breach]) => openingOf(seeker, { ...parts, ...breach }))
}

// A region the seeker neither lives in nor wishes for, in Seoul's districts or, failing that, another province.
const regionsElsewhere = ["26110", "27110", "29110", "30110", "41111", "43111", "47111", "50110"]

const missOn = (s: Seeker.Seeker, criterion: Match.Criterion): fc.Arbitrary<Parts> | string => {
  const wished = (region: string) =>
    region === s.addressRegion || s.desiredRegions.some((d) => d === region || (d.endsWith("000") && d.slice(0, 2) === region.slice(0, 2)))
  switch (criterion) {
    case "occupation": {
      // Another major group than every wish: not even KECO's coarsest level in common.
      const majors = new Set(s.desiredOccupations.map((code) => code[0]))
      const others = middleGroups.filter((code) => !majors.has(code[0]))
      return fc.tuple(fc.constantFrom(...others), fc.integer({ min: 10, max: 99 })).map(([middle, unit]) => ({ occupation: `${middle}${unit}` }))
    }
    case "region": {
      const elsewhere = [...Codes.seoulDistricts.map((d) => d.code as string), ...regionsElsewhere].filter((r) => !wished(r))
      return fc.constantFrom(...elsewhere).map((workRegion) => ({ workRegion }))
    }
    case "wage": {
      if (s.desiredWage === undefined) return "has no wage wish: any offer earns the whole wage weight"
      const wish = Wage.toMonthly(s.desiredWage.type, s.desiredWage.amount)
      // 75–95 % of the wish: above the floor (70 %), so the part earns something, never all.
      return fc.integer({ min: 75, max: 95 }).map((percent) => {
        const min = Math.max(1, Math.floor((wish * percent) / 100 / 1000) * 1000)
        return { wage: { type: "monthly", min } }
      })
    }
    case "education": {
      const above = educationLevels.filter((level) => level > s.education)
      if (above.length === 0) return "holds the highest education level"
      return fc.constantFrom(...above).map((educationMinimum) => ({ educationMinimum }))
    }
    case "career": {
      if (s.careerMonths >= 600) return "has more career than any opening may ask (600 months)"
      return fc.integer({ min: s.careerMonths + 1, max: 600 }).map((minimumMonths) => ({ career: { requirement: "experienced", minimumMonths } }))
    }
    case "employment": {
      const { contractTypes: wantedContracts, maxWeeklyHours, schedules: wantedSchedules } = s.desiredEmployment
      const misses: Array<fc.Arbitrary<Parts>> = []
      const otherContracts = contractTypes.filter((c) => !wantedContracts.includes(c))
      if (wantedContracts.length > 0 && otherContracts.length > 0) misses.push(fc.constantFrom(...otherContracts).map((contractType) => ({ contractType })))
      const otherSchedules = schedules.filter((c) => !wantedSchedules.includes(c))
      if (wantedSchedules.length > 0 && otherSchedules.length > 0) misses.push(fc.constantFrom(...otherSchedules).map((schedule) => ({ schedule })))
      if (maxWeeklyHours !== undefined && maxWeeklyHours < 68) {
        misses.push(fc.integer({ min: maxWeeklyHours + 1, max: 68 }).map((weeklyHours) => ({ weeklyHours })))
      }
      return misses.length === 0 ? "accepts any contract, schedule and hours" : fc.oneof(...misses)
    }
    case "certificates": {
      // A preferred certificate they lack (a required one would rule the pair out instead).
      return fc.constantFrom(...lacked(s)).map((certificate) => ({ requiredCertificates: [], preferredCertificates: [certificate] }))
    }
  }
}

/**
 * An open opening that meets every wish of the seeker but one: on
 * `criterion` it falls short as core's rules read it (another major
 * occupation group, a region neither home nor wished for, an offer at 75–95 %
 * of the wish, a higher education or longer career than theirs, a contract,
 * schedule or hours they do not accept, a preferred certificate they lack).
 * The pair stays eligible; that criterion's part earns less than its weight,
 * every other part all of its own.
 *
 * Throws when the seeker's record leaves nothing to miss on that criterion
 * (no wage wish; the highest education; every contract, schedule and hours
 * accepted): the seekers of {@link pairMissing} always have something.
 *
 * @since 0.0.0
 * @category matching
 */
export const openingMissing = (seeker: Seeker.Seeker, criterion: Match.Criterion): fc.Arbitrary<Opening.Opening> => {
  const miss = missOn(seeker, criterion)
  if (typeof miss === "string") throw new Error(`seeker "${seeker.id}" cannot miss on ${criterion}: the seeker ${miss}`)
  return fc.tuple(fittingParts(seeker), miss).chain(([parts, missed]) => openingOf(seeker, { ...parts, ...missed }))
}

// Seekers with something to miss on every criterion: a wage wish, room above their
// education and career, wishes on contract, schedule and hours.
const pickySeeker = seeker().map((s) =>
  new Seeker.Seeker({
    ...s,
    desiredWage: s.desiredWage ?? { type: "monthly", amount: 2_500_000 as Wage.Won },
    education: s.education === "07" ? "05" : s.education,
    desiredEmployment: {
      contractTypes: s.desiredEmployment.contractTypes.length === 0 ? ["open-ended"] : s.desiredEmployment.contractTypes,
      schedules: s.desiredEmployment.schedules.length === 0 ? ["full-time"] : s.desiredEmployment.schedules,
      maxWeeklyHours: s.desiredEmployment.maxWeeklyHours ?? 40
    }
  })
)

/**
 * A seeker and an opening that fits them ({@link openingThatFits}).
 *
 * @since 0.0.0
 * @category matching
 */
export const fittingPair: fc.Arbitrary<readonly [Seeker.Seeker, Opening.Opening]> = seeker().chain((s) =>
  openingThatFits(s).map((o) => [s, o] as const)
)

/**
 * A seeker and an opening a hard constraint rules out ({@link openingThatDoesNotFit}).
 *
 * @since 0.0.0
 * @category matching
 */
export const ruledOutPair: fc.Arbitrary<readonly [Seeker.Seeker, Opening.Opening]> = seeker().chain((s) =>
  openingThatDoesNotFit(s).map((o) => [s, o] as const)
)

/**
 * A seeker and an opening that misses them on `criterion` only ({@link openingMissing}).
 *
 * @since 0.0.0
 * @category matching
 */
export const pairMissing = (criterion: Match.Criterion): fc.Arbitrary<readonly [Seeker.Seeker, Opening.Opening]> =>
  pickySeeker.chain((s) => openingMissing(s, criterion).map((o) => [s, o] as const))
