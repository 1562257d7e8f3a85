/**
 * Finding employers (구인업체) and openings (구인공고): employers by part of
 * the name, sorted by name or registration time; openings by part of the
 * title, status and employer, sorted by the date they opened or the title —
 * each a page at a time with the total — and one employer or opening by id.
 *
 * The stores have no search of their own for these yet: the use cases read
 * the district's employers or openings through the repositories' `list` (or
 * `listByEmployer`) and filter, sort and count here. A district holds a few
 * thousand employers and openings at most, so that is acceptable; a store
 * that grows past that should get a `search` port like `SeekerRepository`'s.
 *
 * Employers' and openings' own fields are a business's, not a person's data,
 * but an employer's contact persons (names, phones, e-mail addresses) are
 * personal data: as `listEmployers` does, every employer record a use case
 * returns is written to the access log. Openings hold no personal data and
 * are not logged (as `listOpenings`). The search terms are never logged.
 *
 * @since 0.3.0
 */
import { DateTime, Effect, Option, Schema } from "effect"
import { canBeChoseong } from "es-hangul"
import * as Hangul from "../kernel/Hangul.js"
import { EmployerId, type OpeningId } from "../kernel/Ids.js"
import type { Page, Paged, Versioned } from "../kernel/Store.js"
import { compareCodePoints } from "../kernel/Text.js"
import { type Actor, boundedPage, logAccess, logAccessAll } from "../kernel/UseCase.js"
import * as Validation from "../kernel/Validation.js"
import { type Employer, EmployerRepository, normalizeBusinessNumber } from "./Employer.js"
import { type Opening, OpeningRepository, OpeningStatus } from "./Opening.js"
import { SearchOrder } from "./Seeker.js"

/**
 * What a name or a title is searched with: 1–50 characters, trimmed. It
 * finds a name that contains it (spaces and letter case ignored) or, when it
 * is all Hangul, whose syllables or initial consonants (초성) it spells
 * (`Hangul.matches`: `ㅅㅅㄷㅈㅌ` finds 성수디지털).
 *
 * @since 0.3.0
 * @category search
 */
export const TextQuery = Schema.Trim.pipe(
  Schema.minLength(1, { message: () => "must not be empty" }),
  Schema.maxLength(50, { message: () => "must have at most 50 characters" }),
  Schema.brand("TextQuery")
).annotations({ identifier: "TextQuery" })
/** @since 0.3.0 @category search */
export type TextQuery = typeof TextQuery.Type

const folded = (text: string) => text.normalize("NFC").replace(/\s+/gu, "").toLocaleLowerCase("ko-KR")
const decodeNameQuery = Schema.decodeOption(Hangul.NameQuery)

/**
 * Whether a query finds a text (see {@link TextQuery}).
 *
 * @since 0.3.0
 * @category search
 */
export const textMatches = (text: string, query: TextQuery): boolean => {
  if (folded(text).includes(folded(query))) return true
  // Initial consonants only make sense for a Hangul query that has one.
  if (![...query].some((c) => canBeChoseong(c))) return false
  return Option.match(decodeNameQuery(query), { onNone: () => false, onSome: (q) => Hangul.matches(text, q) })
}

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
 * Decodes an employer search form, naming every field that breaks a rule.
 *
 * @since 0.3.0
 * @category decoding
 */
export const decodeEmployerCriteria = Validation.decode(EmployerCriteria)

/**
 * Decodes an opening search form, naming every field that breaks a rule.
 *
 * @since 0.3.0
 * @category decoding
 */
export const decodeOpeningCriteria = Validation.decode(OpeningCriteria)

const byId = (a: { readonly id: string }, b: { readonly id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const employerOrders: Record<EmployerSort, (a: Employer, b: Employer) => number> = {
  name: (a, b) => compareCodePoints(a.name, b.name) || byId(a, b),
  registeredAt: (a, b) => DateTime.toEpochMillis(a.registeredAt) - DateTime.toEpochMillis(b.registeredAt) || byId(a, b)
}

const openingOrders: Record<OpeningSort, (a: Opening, b: Opening) => number> = {
  // LocalDate strings compare as dates.
  openedOn: (a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : 0) || byId(a, b),
  title: (a, b) => compareCodePoints(a.title, b.title) || byId(a, b)
}

const ordered = <A>(compare: (a: A, b: A) => number, order: "asc" | "desc") => (x: Versioned<A>, y: Versioned<A>) =>
  order === "asc" ? compare(x.value, y.value) : compare(y.value, x.value)

const sliced = <A>(rows: ReadonlyArray<A>, page: Required<Page>): Paged<A> => ({
  items: rows.slice(page.offset, page.offset + page.limit),
  total: rows.length
})

/**
 * Whether an employer meets every criterion of a search.
 *
 * @since 0.3.0
 * @category search
 */
export const employerMeets = (criteria: EmployerCriteria) => (employer: Employer): boolean =>
  criteria.name === undefined || textMatches(employer.name, criteria.name)

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

/**
 * The district's employers that meet the criteria (`EmployerCriteria`): a
 * page of at most `JobCenter.maxPageSize` (100; the first page by default)
 * and how many there are in all. Each employer returned is logged as read
 * (`employer.search`), for its contact persons; the criteria are not.
 *
 * @since 0.3.0
 * @category employers
 */
export const searchEmployers = (actor: Actor, criteria: unknown, page: Page = {}) =>
  Effect.gen(function*() {
    const decoded = yield* decodeEmployerCriteria(criteria)
    const slice = yield* boundedPage(page)
    // Filtered and sorted here over the whole list: a district's employers fit in memory (see the module's note).
    const all = yield* Effect.flatMap(EmployerRepository, (repo) => repo.list(actor.districtId))
    const found = sliced(
      all.filter((row) => employerMeets(decoded)(row.value)).sort(ordered(employerOrders[decoded.sort], decoded.order)),
      slice
    )
    yield* logAccessAll(actor, "read", "employer", found.items.map((row) => row.value.id), "employer.search")
    return found
  })

/**
 * One of the district's employers (`NotFound` for another district's),
 * logged as read (`employer.get`) for its contact persons.
 *
 * @since 0.3.0
 * @category employers
 */
export const getEmployer = (actor: Actor, id: EmployerId) =>
  Effect.gen(function*() {
    const stored = yield* Effect.flatMap(EmployerRepository, (repo) => repo.get(actor.districtId, id))
    yield* logAccess(actor, "read", "employer", id, "employer.get")
    return stored
  })

/**
 * The id of the district's employer registered with this business
 * registration number (사업자등록번호, with or without hyphens), if any —
 * to offer the existing record before registering a second one. Only the
 * id is returned, so nothing is logged; an invalid number finds nothing.
 *
 * @since 0.3.0
 * @category employers
 */
export const employerWithBusinessNumber = (actor: Actor, businessNumber: string) =>
  Effect.gen(function*() {
    const canonical = normalizeBusinessNumber(businessNumber)
    if (canonical === undefined) return Option.none<EmployerId>()
    const all = yield* Effect.flatMap(EmployerRepository, (repo) => repo.list(actor.districtId))
    return Option.fromNullable(all.find((row) => row.value.businessNumber === canonical)?.value.id)
  })

/**
 * The district's openings that meet the criteria (`OpeningCriteria`): a
 * page of at most `JobCenter.maxPageSize` (100; the first page by default)
 * and how many there are in all. One employer's openings are read through
 * `listByEmployer`; the district's otherwise.
 *
 * @since 0.3.0
 * @category openings
 */
export const searchOpenings = (actor: Actor, criteria: unknown, page: Page = {}) =>
  Effect.gen(function*() {
    const decoded = yield* decodeOpeningCriteria(criteria)
    const slice = yield* boundedPage(page)
    const repo = yield* OpeningRepository
    // Filtered and sorted here over the whole list: a district's openings fit in memory (see the module's note).
    const all = decoded.employerId === undefined
      ? yield* repo.list(actor.districtId)
      : yield* repo.listByEmployer(actor.districtId, decoded.employerId)
    return sliced(
      all.filter((row) => openingMeets(decoded)(row.value)).sort(ordered(openingOrders[decoded.sort], decoded.order)),
      slice
    ) satisfies Paged<Versioned<Opening>>
  })

/**
 * One of the district's openings (`NotFound` for another district's).
 *
 * @since 0.3.0
 * @category openings
 */
export const getOpening = (actor: Actor, id: OpeningId) =>
  Effect.flatMap(OpeningRepository, (repo) => repo.get(actor.districtId, id))
