/**
 * A job opening (구인) an employer registers. Its fields follow Work24's, so
 * openings can be imported and exported; like Work24 it has **no age field**,
 * and its preferences cannot name an age group.
 *
 * @example
 * ```ts
 * import { Opening } from "@iljari/core"
 *
 * declare const form: unknown
 * const opening = Opening.decodeEither(form) // a wage under the minimum, a closing before the opening: refused
 * ```
 *
 * @since 0.1.0
 * @module
 * @category registry
 */
import { Context, Effect, Schema } from "effect"
import { CareerRequirement, ContractType, EducationLevel, OccupationCode, RegionCode, WorkingDays, WorkSchedule } from "../kernel/Codes.js"
import { DistrictId, EmployerId, OpeningId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import { distinctList } from "../kernel/Lists.js"
import { LocalDate } from "../kernel/LocalDate.js"
import { TextQuery, textMatches } from "../kernel/Hangul.js"
import { compareCodePoints, Label, Note } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import { OfferedWage } from "../kernel/Wage.js"
import * as Memory from "../kernel/Memory.js"
import type { Page, Paged, Store, Versioned } from "../kernel/Store.js"
import type { PersistenceError } from "../kernel/Errors.js"
import { SearchOrder } from "./Seeker.js"

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

/**
 * How openings are sorted: by the date they opened or by title; ties by id.
 *
 * @since 0.3.0
 * @category search
 */
export const OpeningSort = Schema.Literal("openedOn", "title").annotations({
  identifier: "OpeningSort",
  message: (issue) => ({ message: `must be one of openedOn, title; got ${JSON.stringify(issue.actual)}`, override: true })
})
/** @since 0.3.0 @category search */
export type OpeningSort = typeof OpeningSort.Type

/**
 * An opening search: every criterion given must hold. The newest first by
 * default.
 *
 * @since 0.3.0
 * @category search
 */
export const OpeningCriteria = Schema.Struct({
  title: Schema.optionalWith(TextQuery, { exact: true }),
  status: Schema.optionalWith(OpeningStatus, { exact: true }),
  employerId: Schema.optionalWith(EmployerId, { exact: true }),
  sort: Schema.optionalWith(OpeningSort, { exact: true, default: () => "openedOn" as const }),
  order: Schema.optionalWith(SearchOrder, { exact: true, default: () => "desc" as const })
}).annotations({ identifier: "OpeningSearch" })
/** @since 0.3.0 @category search */
export type OpeningCriteria = typeof OpeningCriteria.Type

/**
 * Whether an opening meets every criterion of a search.
 *
 * @since 0.3.0
 * @category search
 */
export const openingMeets = (criteria: OpeningCriteria) => (opening: Opening): boolean =>
  (criteria.title === undefined || textMatches(opening.title, criteria.title)) &&
  (criteria.status === undefined || opening.status === criteria.status) &&
  (criteria.employerId === undefined || opening.employerId === criteria.employerId)

const byId = (a: Opening, b: Opening) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const bySort: Record<OpeningSort, (a: Opening, b: Opening) => number> = {
  // LocalDate strings compare as dates.
  openedOn: (a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : 0) || byId(a, b),
  // By code point, as the SQL adapters sort (가나다 order for Hangul).
  title: (a, b) => compareCodePoints(a.title, b.title) || byId(a, b)
}

/**
 * The order an opening search's results come in: by its `sort`, then by id,
 * both in its `order`.
 *
 * @since 0.3.0
 * @category search
 */
export const openingOrder = (criteria: Pick<OpeningCriteria, "sort" | "order">) => (a: Opening, b: Opening): number =>
  criteria.order === "asc" ? bySort[criteria.sort](a, b) : bySort[criteria.sort](b, a)

/** @since 0.1.0 @category ports */
export class OpeningRepository extends Context.Tag("@iljari/core/OpeningRepository")<OpeningRepository, Store<Opening, OpeningId> & {
  readonly listByEmployer: (
    districtId: DistrictId,
    employerId: EmployerId
  ) => Effect.Effect<ReadonlyArray<Versioned<Opening>>, PersistenceError>
  /** The openings that {@link openingMeets meet} the criteria, in their {@link openingOrder}: a page and the total. */
  readonly search: (
    districtId: DistrictId,
    criteria: OpeningCriteria,
    page?: Page
  ) => Effect.Effect<Paged<Versioned<Opening>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const openings = Memory.store<Opening, OpeningId>(db, "opening")
    return {
      ...openings,
      listByEmployer: (districtId, employerId) => openings.filter(districtId, (o) => o.employerId === employerId),
      search: (districtId, criteria, page) => {
        const order = openingOrder(criteria)
        return Memory.searched(openings, districtId, openingMeets(criteria), order, page)
      }
    }
  })
}
