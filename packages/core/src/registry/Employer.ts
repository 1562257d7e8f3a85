/**
 * An employer (구인기업) that registers openings with the job center.
 *
 * @example
 * ```ts
 * import { Employer } from "@iljari/core"
 *
 * Employer.normalizeBusinessNumber("1248100998") // "124-81-00998", its check digit verified
 * declare const form: unknown
 * const employer = Employer.decodeEither(form)
 * ```
 *
 * @since 0.1.0
 * @module
 * @category registry
 */
import { Context, DateTime, Effect, ParseResult, Schema } from "effect"
import { RegionCode } from "../kernel/Codes.js"
import { Contact } from "../kernel/Contact.js"
import { DistrictId, EmployerId } from "../kernel/Ids.js"
import { codeSet, describe } from "../kernel/CodeSet.js"
import { TextQuery, textMatches } from "../kernel/Hangul.js"
import { compareCodePoints, Label, Note, PersonName } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import * as Memory from "../kernel/Memory.js"
import type { Page, Paged, Store, Versioned } from "../kernel/Store.js"
import type { PersistenceError } from "../kernel/Errors.js"
import { SearchOrder } from "./Seeker.js"

const checkWeights = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const

/**
 * The check digit (the tenth digit) of a business registration number
 * (사업자등록번호) whose first nine digits are given, by the National Tax
 * Service's weighted-sum rule.
 *
 * @since 0.1.0
 * @category business number
 */
export const businessNumberCheckDigit = (nineDigits: string): number => {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * checkWeights[i]!
  sum += Math.floor(Number(nineDigits[8]) * 5 / 10)
  return (10 - (sum % 10)) % 10
}

/**
 * The canonical form (`123-45-67890`) of a business registration number, or
 * `undefined` when it is not ten digits with a valid check digit.
 *
 * @since 0.1.0
 * @category business number
 */
export const normalizeBusinessNumber = (raw: string): string | undefined => {
  const digits = raw.replace(/[\s-]/g, "")
  if (!/^\d{10}$/.test(digits)) return undefined
  if (businessNumberCheckDigit(digits) !== Number(digits[9])) return undefined
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`
}

const businessNumberMessage = (actual: unknown) =>
  `must be a 10-digit business registration number (사업자등록번호) with a valid check digit, e.g. 124-81-00998; got ${
    describe(actual)
  }`

const CanonicalBusinessNumber = Schema.String.pipe(
  Schema.filter((s) => normalizeBusinessNumber(s) === s || businessNumberMessage(s)),
  Schema.brand("BusinessNumber")
).annotations({
  arbitrary: () => (fc) =>
    fc.stringMatching(/^\d{9}$/).map((nine) => {
      const digits = nine + businessNumberCheckDigit(nine)
      return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` as BusinessNumber
    })
})

/**
 * A business registration number, accepted with or without hyphens and kept
 * in its canonical `123-45-67890` form.
 *
 * @since 0.1.0
 * @category business number
 */
export const BusinessNumber = Schema.transformOrFail(Schema.String, CanonicalBusinessNumber, {
  strict: true,
  decode: (raw, _, ast) => {
    const canonical = normalizeBusinessNumber(raw)
    return canonical === undefined
      ? ParseResult.fail(new ParseResult.Type(ast, raw, businessNumberMessage(raw)))
      : ParseResult.succeed(canonical as BusinessNumber)
  },
  encode: ParseResult.succeed
}).annotations({
  identifier: "BusinessNumber",
  jsonSchema: {
    type: "string",
    pattern: "^\\d{3}-?\\d{2}-?\\d{5}$",
    description:
      "A 10-digit business registration number (사업자등록번호) whose last digit is its check digit, with or without hyphens, answered as 123-45-67890",
    examples: ["124-81-00998"]
  }
})
/** @since 0.1.0 @category business number */
export type BusinessNumber = typeof CanonicalBusinessNumber.Type

const sizes = codeSet("EmployerSize", [
  ["micro", { ko: "5인 미만", en: "Fewer than 5 employees" }],
  ["small", { ko: "5~49인", en: "5–49 employees" }],
  ["medium", { ko: "50~299인", en: "50–299 employees" }],
  ["large", { ko: "300인 이상", en: "300 or more employees" }]
])

/**
 * The size band of an employer by head count.
 *
 * @since 0.1.0
 * @category codes
 */
export const EmployerSize = sizes.schema
/** @since 0.1.0 @category codes */
export type EmployerSize = typeof EmployerSize.Type
/** @since 0.1.0 @category codes */
export const employerSizeLabel = sizes.label

const sources = codeSet("EmployerSource", [
  ["walk-in", { ko: "방문·전화 접수", en: "Walk-in or phone" }],
  ["chamber-of-commerce", { ko: "상공회 연계", en: "Chamber of commerce" }],
  ["knowledge-industry-center", { ko: "지식산업센터 발굴", en: "Knowledge-industry center visit" }],
  ["large-retailer", { ko: "대형유통업체 연계", en: "Large retailer" }],
  ["discovery-visit", { ko: "일자리발굴단 방문", en: "Employer-discovery visit" }],
  ["job-fair", { ko: "채용행사", en: "Job fair" }],
  ["online", { ko: "온라인", en: "Online" }],
  ["other", { ko: "기타", en: "Other" }]
])

/**
 * How the center came to know the employer.
 *
 * @since 0.1.0
 * @category codes
 */
export const EmployerSource = sources.schema
/** @since 0.1.0 @category codes */
export type EmployerSource = typeof EmployerSource.Type
/** @since 0.1.0 @category codes */
export const employerSourceLabel = sources.label

/**
 * A person at the employer the counselor deals with.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EmployerContact = Schema.Struct({
  name: PersonName,
  role: Schema.optionalWith(Label, { exact: true }),
  ...Contact.fields
}).annotations({ identifier: "EmployerContact" })
/** @since 0.1.0 @category schemas */
export type EmployerContact = typeof EmployerContact.Type

/**
 * An employer.
 *
 * @since 0.1.0
 * @category models
 */
export class Employer extends Schema.Class<Employer>("Employer")({
  id: EmployerId,
  districtId: DistrictId,
  name: Label,
  businessNumber: BusinessNumber,
  /** The industry as the employer describes it, or a KSIC code and name. */
  industry: Schema.optionalWith(Label, { exact: true }),
  addressRegion: RegionCode,
  address: Schema.optionalWith(Label, { exact: true }),
  size: EmployerSize,
  contacts: Schema.Array(EmployerContact).pipe(
    Schema.maxItems(20, { message: () => "must list at most 20 contacts" })
  ),
  source: EmployerSource,
  registeredAt: Schema.DateTimeUtc,
  notes: Schema.optionalWith(Note, { exact: true })
}) {}

/**
 * Decodes an employer from unknown input, naming every broken rule.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = Validation.decode(Employer)

/**
 * {@link decode} as a pure function returning `Either`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEither = Validation.decodeEither(Employer)

/**
 * How employers are sorted: by name (code point order, 가나다 for Hangul) or
 * by registration time; ties by id.
 *
 * @since 0.3.0
 * @category search
 */
export const EmployerSort = Schema.Literal("name", "registeredAt").annotations({
  identifier: "EmployerSort",
  message: (issue) => ({ message: `must be one of name, registeredAt; got ${JSON.stringify(issue.actual)}`, override: true })
})
/** @since 0.3.0 @category search */
export type EmployerSort = typeof EmployerSort.Type

/**
 * An employer search: every criterion given must hold.
 *
 * @since 0.3.0
 * @category search
 */
export const EmployerCriteria = Schema.Struct({
  name: Schema.optionalWith(TextQuery, { exact: true }),
  sort: Schema.optionalWith(EmployerSort, { exact: true, default: () => "name" as const }),
  order: Schema.optionalWith(SearchOrder, { exact: true, default: () => "asc" as const })
}).annotations({ identifier: "EmployerSearch" })
/** @since 0.3.0 @category search */
export type EmployerCriteria = typeof EmployerCriteria.Type

/**
 * Whether an employer meets every criterion of a search.
 *
 * @since 0.3.0
 * @category search
 */
export const employerMeets = (criteria: EmployerCriteria) => (employer: Employer): boolean =>
  criteria.name === undefined || textMatches(employer.name, criteria.name)

const byId = (a: Employer, b: Employer) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const bySort: Record<EmployerSort, (a: Employer, b: Employer) => number> = {
  // By code point, as the SQL adapters sort (가나다 order for Hangul).
  name: (a, b) => compareCodePoints(a.name, b.name) || byId(a, b),
  registeredAt: (a, b) => DateTime.toEpochMillis(a.registeredAt) - DateTime.toEpochMillis(b.registeredAt) || byId(a, b)
}

/**
 * The order an employer search's results come in: by its `sort`, then by id,
 * both in its `order`.
 *
 * @since 0.3.0
 * @category search
 */
export const employerOrder = (criteria: Pick<EmployerCriteria, "sort" | "order">) => (a: Employer, b: Employer): number =>
  criteria.order === "asc" ? bySort[criteria.sort](a, b) : bySort[criteria.sort](b, a)

/** @since 0.1.0 @category ports */
export class EmployerRepository extends Context.Tag("@iljari/core/EmployerRepository")<EmployerRepository, Store<Employer, EmployerId> & {
  /** The employers who {@link employerMeets meet} the criteria, in their {@link employerOrder}: a page and the total. */
  readonly search: (
    districtId: DistrictId,
    criteria: EmployerCriteria,
    page?: Page
  ) => Effect.Effect<Paged<Versioned<Employer>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const employers = Memory.store<Employer, EmployerId>(db, "employer")
    return {
      ...employers,
      search: (districtId, criteria, page) => {
        const order = employerOrder(criteria)
        return Memory.searched(employers, districtId, employerMeets(criteria), order, page)
      }
    }
  })
}
