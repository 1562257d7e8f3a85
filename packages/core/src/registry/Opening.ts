/**
 * A job opening (구인) an employer registers. Its fields follow Work24's, so
 * openings can be imported and exported; like Work24 it has **no age field**,
 * and its preferences cannot name an age group.
 *
 * @since 0.1.0
 */
import { Context, Effect, Schema } from "effect"
import { CareerRequirement, ContractType, EducationLevel, OccupationCode, RegionCode, WorkingDays, WorkSchedule } from "../kernel/Codes.js"
import { DistrictId, EmployerId, OpeningId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import { distinctList } from "../kernel/Lists.js"
import { LocalDate } from "../kernel/LocalDate.js"
import { Label, Note } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import { OfferedWage } from "../kernel/Wage.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import type { PersistenceError } from "../kernel/Errors.js"

const statuses = codeSet("OpeningStatus", [
  ["open", { ko: "채용중", en: "Open" }],
  ["filled", { ko: "채용완료", en: "Filled" }],
  ["closed", { ko: "마감", en: "Closed" }],
  ["cancelled", { ko: "취소", en: "Cancelled" }]
])

/**
 * Where an opening stands.
 *
 * @since 0.1.0
 * @category codes
 */
export const OpeningStatus = statuses.schema
/** @since 0.1.0 @category codes */
export type OpeningStatus = typeof OpeningStatus.Type
/** @since 0.1.0 @category codes */
export const openingStatusLabel = statuses.label

// Preferences an employer may state lawfully. Age groups (youth, seniors) are
// deliberately absent: preferring by age is discrimination (고령자고용법 제4조의4).
const preferences = codeSet("HiringPreference", [
  ["disability-hire", { ko: "장애인 우대", en: "People with disabilities preferred" }],
  ["career-break-women", { ko: "경력단절여성 우대", en: "Women returning after a career break preferred" }],
  ["vulnerable-groups", { ko: "취약계층 우대", en: "Vulnerable groups preferred" }],
  ["veterans", { ko: "국가보훈대상자 우대", en: "Veterans preferred" }],
  ["local-residents", { ko: "지역주민 우대", en: "Local residents preferred" }]
])

/**
 * A lawful hiring preference.
 *
 * @since 0.1.0
 * @category codes
 */
export const HiringPreference = preferences.schema
/** @since 0.1.0 @category codes */
export type HiringPreference = typeof HiringPreference.Type
/** @since 0.1.0 @category codes */
export const hiringPreferenceLabel = preferences.label

/**
 * What the opening asks of a candidate's career; `minimumMonths` only for
 * `experienced`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Career = Schema.Struct({
  requirement: CareerRequirement,
  minimumMonths: Schema.optionalWith(
    Schema.Int.pipe(Schema.between(1, 600, { message: () => "must be a whole number of months between 1 and 600" })),
    { exact: true }
  )
}).pipe(
  Schema.filter((career) =>
    career.minimumMonths === undefined || career.requirement === "experienced" ||
    { path: ["minimumMonths"], message: `applies to "experienced" only, not "${career.requirement}"` }
  )
).annotations({ identifier: "Career" })
/** @since 0.1.0 @category schemas */
export type Career = typeof Career.Type

/**
 * A time of day written `HH:MM` (24-hour clock).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ClockTime = Schema.String.pipe(
  Schema.pattern(/^(?:[01]\d|2[0-3]):[0-5]\d$/, {
    message: (issue) => `must be a time of day written HH:MM, e.g. 09:00; got ${JSON.stringify(issue.actual)}`
  })
).annotations({ identifier: "ClockTime" })

/**
 * The daily working hours; an end before the start is a night shift.
 *
 * @since 0.1.0
 * @category schemas
 */
export const WorkingHours = Schema.Struct({ start: ClockTime, end: ClockTime }).annotations({
  identifier: "WorkingHours"
})

/**
 * A job opening.
 *
 * @since 0.1.0
 * @category models
 */
export class Opening extends Schema.Class<Opening>("Opening")(
  Schema.Struct({
    id: OpeningId,
    districtId: DistrictId,
    employerId: EmployerId,
    title: Label,
    occupation: OccupationCode,
    headcount: Schema.Int.pipe(
      Schema.between(1, 10_000, { message: () => "must be a whole number of positions between 1 and 10,000" })
    ),
    workRegion: RegionCode,
    workAddress: Schema.optionalWith(Label, { exact: true }),
    wage: OfferedWage,
    educationMinimum: EducationLevel,
    career: Career,
    contractType: ContractType,
    schedule: WorkSchedule,
    workingDays: WorkingDays,
    weeklyHours: Schema.optionalWith(
      Schema.Number.pipe(Schema.between(1, 68, { message: () => "must be between 1 and 68 hours a week" })),
      { exact: true }
    ),
    workingHours: Schema.optionalWith(WorkingHours, { exact: true }),
    /** Certificates a candidate must hold. */
    requiredCertificates: distinctList(Label, { max: 20 }),
    /** Certificates that count in a candidate's favour. */
    preferredCertificates: distinctList(Label, { max: 20 }),
    preferences: distinctList(HiringPreference, { max: 5 }),
    openedOn: LocalDate,
    closesOn: Schema.optionalWith(LocalDate, { exact: true }),
    status: OpeningStatus,
    notes: Schema.optionalWith(Note, { exact: true })
  }).pipe(
    Schema.filter((opening) =>
      opening.closesOn === undefined || opening.closesOn >= opening.openedOn ||
      { path: ["closesOn"], message: `must not be before openedOn (${opening.openedOn}); got ${opening.closesOn}` }
    )
  )
) {}

/**
 * Decodes an opening from unknown input, naming every broken rule.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = Validation.decode(Opening)

/**
 * {@link decode} as a pure function returning `Either`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEither = Validation.decodeEither(Opening)

/** @since 0.1.0 @category ports */
export class OpeningRepository extends Context.Tag("@iljari/core/OpeningRepository")<OpeningRepository, Store<Opening, OpeningId> & {
  readonly listByEmployer: (
    districtId: DistrictId,
    employerId: EmployerId
  ) => Effect.Effect<ReadonlyArray<Versioned<Opening>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const openings = Memory.store<Opening, OpeningId>(db, "opening")
    return {
      ...openings,
      listByEmployer: (districtId, employerId) => openings.filter(districtId, (o) => o.employerId === employerId)
    }
  })
}
