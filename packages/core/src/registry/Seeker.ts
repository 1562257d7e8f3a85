/**
 * A job seeker (구직자) registered with a district job center.
 *
 * Birth date and gender are recorded because programs need them (a youth
 * subsidy, a 65+ hour limit) and reports count by them; matching never reads
 * them (직업안정법 제2조, 고령자고용법 제4조의4). No resident registration
 * number is kept, and free text that holds one is refused.
 *
 * @example
 * ```ts
 * import { Seeker } from "@iljari/core"
 *
 * declare const a: Seeker.Seeker
 * declare const b: Seeker.Seeker
 * // The rule registration uses to refuse a second record of one person.
 * const same = Seeker.duplicateMatch(a, b) // "name-and-phone", "name-and-birth-date" or undefined
 * declare const form: unknown
 * const decoded = Seeker.decodeEither(form)
 * ```
 *
 * @since 0.1.0
 * @module
 * @category registry
 */
import { Context, DateTime, Effect, Schema } from "effect"
import {
  ContractType,
  EducationLevel,
  OccupationCode,
  RegionCode,
  sensitiveTargetGroups,
  TargetGroup,
  targetGroupLabel,
  WorkSchedule
} from "../kernel/Codes.js"
import { Consent } from "../kernel/Consent.js"
import { Contact, phoneTail, PhoneTail } from "../kernel/Contact.js"
import { NameQuery, matches as nameMatches } from "../kernel/Hangul.js"
import { CounselorId, DistrictId, SeekerId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import { distinctList } from "../kernel/Lists.js"
import { LocalDate } from "../kernel/LocalDate.js"
import { compareCodePoints, Label, Note, PersonName } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import { DesiredWage } from "../kernel/Wage.js"
import * as Memory from "../kernel/Memory.js"
import type { Page, Paged, Store, Versioned } from "../kernel/Store.js"
import type { PersistenceError } from "../kernel/Errors.js"
import type { PhoneNumber } from "../kernel/Contact.js"

const genders = codeSet("Gender", [
  ["female", { ko: "여성", en: "Female" }],
  ["male", { ko: "남성", en: "Male" }],
  ["unspecified", { ko: "응답안함", en: "Not stated" }]
])

/**
 * Gender as the seeker states it; used for statistics only.
 *
 * @since 0.1.0
 * @category codes
 */
export const Gender = genders.schema
/** @since 0.1.0 @category codes */
export type Gender = typeof Gender.Type
/** @since 0.1.0 @category codes */
export const genderLabel = genders.label

const registrationChannels = codeSet("RegistrationChannel", [
  ["visit", { ko: "방문", en: "Walk-in visit" }],
  ["phone", { ko: "전화", en: "Phone" }],
  ["online", { ko: "온라인", en: "Online" }],
  ["outreach", { ko: "찾아가는 일자리상담실", en: "Outreach counseling site" }],
  ["job-cafe", { ko: "일자리카페", en: "Job café" }],
  ["event", { ko: "채용행사", en: "Job fair or event" }],
  ["partner", { ko: "협력기관 연계", en: "Referred by a partner organisation" }]
])

/**
 * Where the seeker first registered.
 *
 * @since 0.1.0
 * @category codes
 */
export const RegistrationChannel = registrationChannels.schema
/** @since 0.1.0 @category codes */
export type RegistrationChannel = typeof RegistrationChannel.Type
/** @since 0.1.0 @category codes */
export const registrationChannelLabel = registrationChannels.label

/**
 * A seeker's own education: Work24 levels `01`–`07` (`00`, "any", describes
 * openings, not people).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AttainedEducation = EducationLevel.pipe(
  Schema.filter((level) =>
    level !== "00" || "must be the level the seeker attained (01 elementary … 07 doctorate); 00 means \"any\" and fits openings only"
  )
)

/**
 * The work a seeker is willing to take. Empty lists mean "any".
 *
 * @since 0.1.0
 * @category schemas
 */
export const DesiredEmployment = Schema.Struct({
  contractTypes: distinctList(ContractType, { max: 4 }),
  schedules: distinctList(WorkSchedule, { max: 2 }),
  maxWeeklyHours: Schema.optionalWith(
    Schema.Int.pipe(Schema.between(1, 68, { message: () => "must be between 1 and 68 hours a week" })),
    { exact: true }
  )
}).annotations({ identifier: "DesiredEmployment" })
/** @since 0.1.0 @category schemas */
export type DesiredEmployment = typeof DesiredEmployment.Type

const statuses = codeSet("SeekerStatus", [
  ["registered", { ko: "등록", en: "Registered" }],
  ["in-counseling", { ko: "상담 중", en: "In counseling" }],
  ["referred", { ko: "알선 중", en: "Referred" }],
  ["placed", { ko: "취업", en: "Placed" }],
  ["closed", { ko: "종료", en: "Closed" }]
])

/**
 * Where a seeker's case stands, kept by the use cases: `registered`, then
 * `in-counseling` at the first counseling, `referred` at the first referral,
 * `placed` at a placement, `closed` when a counselor closes the case;
 * counseling reopens a closed case, and a placed seeker who quits is back in
 * counseling.
 *
 * @since 0.3.0
 * @category codes
 */
export const SeekerStatus = statuses.schema
/** @since 0.3.0 @category codes */
export type SeekerStatus = typeof SeekerStatus.Type
/** @since 0.3.0 @category codes */
export const seekerStatusLabel = statuses.label

/**
 * The fields of a seeker.
 *
 * @since 0.1.0
 * @category schemas
 */
export const fields = {
  id: SeekerId,
  districtId: DistrictId,
  name: PersonName,
  contact: Contact,
  /** For program eligibility and statistics only; never for matching. */
  birthDate: LocalDate,
  /** For statistics only; never for matching. */
  gender: Gender,
  addressRegion: RegionCode,
  /** At most five KECO codes, most wanted first; a short code wishes for a whole group. */
  desiredOccupations: distinctList(OccupationCode, { min: 1, max: 5 }),
  /** Empty means anywhere; `11000` means anywhere in Seoul. */
  desiredRegions: distinctList(RegionCode, { max: 10 }),
  education: AttainedEducation,
  careerMonths: Schema.Int.pipe(
    Schema.between(0, 720, { message: () => "must be a whole number of months between 0 and 720" })
  ),
  certificates: distinctList(Label, { max: 50 }),
  desiredWage: Schema.optionalWith(DesiredWage, { exact: true }),
  desiredEmployment: DesiredEmployment,
  targetGroups: distinctList(TargetGroup, { max: 10 }),
  consents: Schema.Array(Consent),
  registrationChannel: RegistrationChannel,
  registeredAt: Schema.DateTimeUtc,
  notes: Schema.optionalWith(Note, { exact: true }),
  /** Set when the seeker's personal data was destroyed (개인정보 파기); see {@link anonymise}. */
  erasedOn: Schema.optionalWith(LocalDate, { exact: true }),
  /** The responsible counselor (담당 상담사), whose caseload the seeker is in; none until assigned. */
  counselorId: Schema.optionalWith(CounselorId, { exact: true }),
  /** Where the case stands; records from before caseloads read as `registered`. */
  status: Schema.optionalWith(SeekerStatus, { exact: true, default: () => "registered" as const })
}

/**
 * The fields only the use cases set (an erasure, a transfer, a case event): a
 * registration or update form that sends one is refused, naming it.
 *
 * @since 0.3.0
 * @category schemas
 */
export const centerFields = ["erasedOn", "counselorId", "status"] as const

/**
 * A job seeker. Recording a sensitive target group (a disability) needs the
 * seeker's active consent to process sensitive data.
 *
 * @since 0.1.0
 * @category models
 */
export class Seeker extends Schema.Class<Seeker>("Seeker")(
  Schema.Struct(fields).pipe(
    Schema.filter((seeker) => {
      const sensitive = seeker.targetGroups.findIndex((group) => sensitiveTargetGroups.has(group))
      if (sensitive === -1) return true
      const consented = seeker.consents.some((c) => c.purpose === "sensitive-data" && c.withdrawnAt === undefined)
      return consented || {
        path: ["targetGroups", sensitive],
        message: `"${seeker.targetGroups[sensitive]}" (${
          targetGroupLabel(seeker.targetGroups[sensitive]!)
        }) is sensitive data and needs an active "sensitive-data" consent in consents`
      }
    })
  )
) {}

/**
 * The name an erased seeker is shown under.
 *
 * @since 0.1.0
 * @category destruction
 */
export const erasedName = "(파기됨)"

/**
 * The seeker with their personal data destroyed (개인정보 파기) at the end of
 * its retention period, keeping only what anonymous statistics need: the
 * name, contact, certificates, notes and sensitive target groups go; the
 * birth date keeps only its year (for age-band counts); region, occupations,
 * education, career, wage wish, gender, channel and dates stay, so counts and
 * outcomes are unchanged.
 *
 * @since 0.1.0
 * @category destruction
 */
export const anonymise = (seeker: Seeker, erasedOn: LocalDate): Seeker => {
  const { notes: _notes, ...rest } = seeker
  return new Seeker({
    ...rest,
    name: erasedName as Seeker["name"],
    contact: {},
    birthDate: `${seeker.birthDate.slice(0, 4)}-01-01` as LocalDate,
    certificates: [],
    targetGroups: seeker.targetGroups.filter((group) => !sensitiveTargetGroups.has(group)),
    erasedOn
  })
}

/**
 * Which rule recognised a second record of the same person.
 *
 * @since 0.1.0
 * @category duplicates
 */
export const DuplicateMatch = Schema.Literal("name-and-phone", "name-and-birth-date")
/** @since 0.1.0 @category duplicates */
export type DuplicateMatch = typeof DuplicateMatch.Type

/**
 * What {@link duplicateMatch} compares of a seeker.
 *
 * @since 0.1.0
 * @category duplicates
 */
export interface DuplicateFacts {
  readonly name: string
  readonly contact: { readonly phone?: string | undefined }
  readonly birthDate: string
  readonly erasedOn?: string | undefined
}

/**
 * Whether `seeker` is a second record of the person `other` records: the same
 * name and the same phone (`"name-and-phone"`, named first when both hold), or
 * the same name and the same birth date (`"name-and-birth-date"`); `undefined`
 * when they are different people. An erased seeker ({@link anonymise}) is
 * nobody's duplicate. Registration (`JobCenter.registerSeeker`) and bulk
 * import both refuse a duplicate by this rule.
 *
 * @since 0.1.0
 * @category duplicates
 */
export const duplicateMatch = (seeker: DuplicateFacts, other: DuplicateFacts): DuplicateMatch | undefined => {
  if (seeker.erasedOn !== undefined || other.erasedOn !== undefined || seeker.name !== other.name) return undefined
  if (seeker.contact.phone !== undefined && seeker.contact.phone === other.contact.phone) return "name-and-phone"
  return seeker.birthDate === other.birthDate ? "name-and-birth-date" : undefined
}

/**
 * Decodes a seeker from unknown input (a form, a JSON body, a spreadsheet
 * row), naming every broken rule.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = Validation.decode(Seeker)

/**
 * {@link decode} as a pure function returning `Either`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEither = Validation.decodeEither(Seeker)

/**
 * What identifies a possible second registration of the same person.
 *
 * @since 0.1.0
 * @category models
 */
export interface DuplicateProbe {
  readonly name: string
  readonly phone?: PhoneNumber
  readonly birthDate: LocalDate
}

const searchSorts = codeSet("SeekerSort", [
  ["name", { ko: "이름순", en: "By name" }],
  ["registeredAt", { ko: "등록일순", en: "By registration time" }],
  ["id", { ko: "구직자 번호순", en: "By id" }]
])

/**
 * What a seeker search is sorted by; ties go by id, in the same direction.
 *
 * @since 0.3.0
 * @category search
 */
export const SearchSort = searchSorts.schema
/** @since 0.3.0 @category search */
export type SearchSort = typeof SearchSort.Type
/** @since 0.3.0 @category search */
export const searchSortLabel = searchSorts.label

const searchOrders = codeSet("SortOrder", [
  ["asc", { ko: "오름차순", en: "Ascending" }],
  ["desc", { ko: "내림차순", en: "Descending" }]
])

/**
 * Ascending or descending.
 *
 * @since 0.3.0
 * @category search
 */
export const SearchOrder = searchOrders.schema
/** @since 0.3.0 @category search */
export type SearchOrder = typeof SearchOrder.Type
/** @since 0.3.0 @category search */
export const searchOrderLabel = searchOrders.label

/**
 * A seeker search (구직자 검색): every criterion given must hold. `name` is a
 * part of the name in syllables, initial consonants or both (see `Hangul`);
 * `phoneTail` the phone's last four digits. Sorted by name, ascending, unless
 * said otherwise.
 *
 * @since 0.3.0
 * @category search
 */
export const SearchCriteria = Schema.Struct({
  name: Schema.optionalWith(NameQuery, { exact: true }),
  phoneTail: Schema.optionalWith(PhoneTail, { exact: true }),
  status: Schema.optionalWith(SeekerStatus, { exact: true }),
  counselorId: Schema.optionalWith(CounselorId, { exact: true }),
  sort: Schema.optionalWith(SearchSort, { exact: true, default: () => "name" as const }),
  order: Schema.optionalWith(SearchOrder, { exact: true, default: () => "asc" as const })
}).annotations({ identifier: "SeekerSearch" })
/** @since 0.3.0 @category search */
export type SearchCriteria = typeof SearchCriteria.Type

/**
 * The name a name search looks at: none once the seeker is erased, since
 * `(파기됨)` is nobody's name.
 *
 * @since 0.3.0
 * @category search
 */
export const searchableName = (seeker: Seeker): string | undefined => (seeker.erasedOn === undefined ? seeker.name : undefined)

/**
 * Whether a seeker meets every criterion of a search.
 *
 * @since 0.3.0
 * @category search
 */
export const meets = (criteria: SearchCriteria) => (seeker: Seeker): boolean => {
  const name = searchableName(seeker)
  const phone = seeker.contact.phone
  return (criteria.name === undefined || (name !== undefined && nameMatches(name, criteria.name))) &&
    (criteria.phoneTail === undefined || (phone !== undefined && phoneTail(phone) === criteria.phoneTail)) &&
    (criteria.status === undefined || seeker.status === criteria.status) &&
    (criteria.counselorId === undefined || seeker.counselorId === criteria.counselorId)
}

const byId = (a: Seeker, b: Seeker) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const bySort: Record<SearchSort, (a: Seeker, b: Seeker) => number> = {
  // By code point, as the SQL adapters sort (가나다 order for Hangul).
  name: (a, b) => compareCodePoints(a.name, b.name) || byId(a, b),
  registeredAt: (a, b) => DateTime.toEpochMillis(a.registeredAt) - DateTime.toEpochMillis(b.registeredAt) || byId(a, b),
  id: byId
}

/**
 * The order a search's results come in: by its `sort`, then by id, both in
 * its `order`.
 *
 * @since 0.3.0
 * @category search
 */
export const searchOrder = (criteria: Pick<SearchCriteria, "sort" | "order">) => (a: Seeker, b: Seeker): number =>
  criteria.order === "asc" ? bySort[criteria.sort](a, b) : bySort[criteria.sort](b, a)

/**
 * The seekers among `seekers` who share their name and birth date, or their
 * name and phone, with another of them: the people who may be registered
 * more than once (the rule of `findPossibleDuplicates`, over a list).
 * Erased seekers are left out: they all bear one name.
 *
 * @example
 * ```ts
 * import { Seeker } from "@iljari/core"
 *
 * declare const everyone: ReadonlyArray<Seeker.Seeker>
 * const twice = Seeker.sharingIdentity(everyone)
 * ```
 *
 * @since 0.4.0
 * @category duplicates
 */
export const sharingIdentity = (everyone: ReadonlyArray<Seeker>): ReadonlyArray<Seeker> => {
  const seekers = everyone.filter((s) => s.erasedOn === undefined)
  const keysOf = (s: Seeker) =>
    s.contact.phone === undefined ? [`b\u0000${s.name}\u0000${s.birthDate}`] : [`b\u0000${s.name}\u0000${s.birthDate}`, `p\u0000${s.name}\u0000${s.contact.phone}`]
  const counts = new Map<string, number>()
  for (const s of seekers) for (const key of keysOf(s)) counts.set(key, (counts.get(key) ?? 0) + 1)
  return seekers.filter((s) => keysOf(s).some((key) => counts.get(key)! > 1))
}

/** @since 0.1.0 @category ports */
export class SeekerRepository extends Context.Tag("@iljari/core/SeekerRepository")<SeekerRepository, Store<Seeker, SeekerId> & {
  /** Seekers with the same name and phone, or the same name and birth date. */
  readonly findPossibleDuplicates: (
    districtId: DistrictId,
    probe: DuplicateProbe
  ) => Effect.Effect<ReadonlyArray<Versioned<Seeker>>, PersistenceError>
  /**
   * The seekers who share their name and birth date, or their name and
   * phone, with another seeker of the district ({@link sharingIdentity}),
   * in id order: what the monitoring review's duplicate rule looks at,
   * without reading every seeker. Erased seekers are nobody's repeat (they
   * all share one name): they are left out.
   *
   * @since 0.4.0
   */
  readonly listPossibleDuplicates: (districtId: DistrictId) => Effect.Effect<ReadonlyArray<Versioned<Seeker>>, PersistenceError>
  /** A counselor's caseload: the seekers they are responsible for, in id order. */
  readonly listByCounselor: (
    districtId: DistrictId,
    counselorId: CounselorId,
    page?: Page
  ) => Effect.Effect<ReadonlyArray<Versioned<Seeker>>, PersistenceError>
  /** The seekers who {@link meets meet} the criteria, in their {@link searchOrder}: a page and the total. */
  readonly search: (
    districtId: DistrictId,
    criteria: SearchCriteria,
    page?: Page
  ) => Effect.Effect<Paged<Versioned<Seeker>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const seekers = Memory.store<Seeker, SeekerId>(db, "seeker")
    return {
      ...seekers,
      listByCounselor: (districtId, counselorId, page) =>
        Effect.map(seekers.filter(districtId, (s) => s.counselorId === counselorId), (rows) => Memory.paged(rows, page)),
      search: (districtId, criteria, page) => {
        const order = searchOrder(criteria)
        return Memory.searched(seekers, districtId, meets(criteria), order, page)
      },
      findPossibleDuplicates: (districtId, probe) =>
        seekers.filter(districtId, (s) =>
          s.name === probe.name &&
          ((probe.phone !== undefined && s.contact.phone === probe.phone) || s.birthDate === probe.birthDate)
        ),
      listPossibleDuplicates: (districtId) =>
        Effect.map(seekers.filter(districtId, () => true), (rows) => {
          const shared = new Set(sharingIdentity(rows.map((row) => row.value)))
          return rows.filter((row) => shared.has(row.value))
        })
    }
  })
}
