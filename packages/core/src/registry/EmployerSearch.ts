/**
 * Finding employers (구인업체) and openings (구인공고): employers by part of
 * the name, sorted by name or registration time; openings by part of the
 * title, status and employer, sorted by the date they opened or the title —
 * each a page at a time with the total — and one employer or opening by id.
 *
 * The stores search: `EmployerRepository.search` and
 * `OpeningRepository.search` filter, sort, count and page where the records
 * are (an indexed query in SQL), so that a page reads and decodes only the
 * records it shows. The criteria, sorts and matching rules are the ports'
 * (`Employer`, `Opening`, `Hangul.textMatches`), re-exported here.
 *
 * Employers' and openings' own fields are a business's, not a person's data,
 * but an employer's contact persons (names, phones, e-mail addresses) are
 * personal data: as `listEmployers` does, every employer record a use case
 * returns is written to the access log. Openings hold no personal data and
 * are not logged (as `listOpenings`). The search terms are never logged.
 *
 * @example
 * ```ts
 * import { EmployerSearch, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // By syllables or 초성 of the name, a page at a time with the total.
 * const employers = EmployerSearch.searchEmployers(actor, { name: "ㅅㅅ" })
 * const openings = EmployerSearch.searchOpenings(actor, { status: "open", sort: "openedOn", order: "desc" })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category registry
 */
import { Effect, Option } from "effect"
import * as Hangul from "../kernel/Hangul.js"
import type { EmployerId, OpeningId } from "../kernel/Ids.js"
import type { Page, Paged, Versioned } from "../kernel/Store.js"
import { type Actor, boundedPage, keysetPage, logAccess, logAccessAll } from "../kernel/UseCase.js"
import * as Validation from "../kernel/Validation.js"
import * as Employer from "./Employer.js"
import * as Opening from "./Opening.js"

/**
 * What a name or a title is searched with: 1–50 characters, trimmed. It
 * finds a name that contains it (spaces and letter case ignored) or, when it
 * is all Hangul, whose syllables or initial consonants (초성) it spells
 * (`Hangul.matches`: `ㅅㅅㄷㅈㅌ` finds 성수디지털). `Hangul.TextQuery`.
 *
 * @since 0.3.0
 * @category search
 */
export const TextQuery = Hangul.TextQuery
/** @since 0.3.0 @category search */
export type TextQuery = Hangul.TextQuery

/**
 * Whether a query finds a text (see {@link TextQuery}). `Hangul.textMatches`.
 *
 * @since 0.3.0
 * @category search
 */
export const textMatches = Hangul.textMatches

/**
 * How employers are sorted: by name (code point order, 가나다 for Hangul) or
 * by registration time; ties by id. `Employer.EmployerSort`.
 *
 * @since 0.3.0
 * @category search
 */
export const EmployerSort = Employer.EmployerSort
/** @since 0.3.0 @category search */
export type EmployerSort = Employer.EmployerSort

/**
 * An employer search: every criterion given must hold.
 * `Employer.EmployerCriteria`.
 *
 * @since 0.3.0
 * @category search
 */
export const EmployerCriteria = Employer.EmployerCriteria
/** @since 0.3.0 @category search */
export type EmployerCriteria = Employer.EmployerCriteria

/**
 * How openings are sorted: by the date they opened or by title; ties by id.
 * `Opening.OpeningSort`.
 *
 * @since 0.3.0
 * @category search
 */
export const OpeningSort = Opening.OpeningSort
/** @since 0.3.0 @category search */
export type OpeningSort = Opening.OpeningSort

/**
 * An opening search: every criterion given must hold. The newest first by
 * default. `Opening.OpeningCriteria`.
 *
 * @since 0.3.0
 * @category search
 */
export const OpeningCriteria = Opening.OpeningCriteria
/** @since 0.3.0 @category search */
export type OpeningCriteria = Opening.OpeningCriteria

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

/**
 * Whether an employer meets every criterion of a search.
 * `Employer.employerMeets`.
 *
 * @since 0.3.0
 * @category search
 */
export const employerMeets = Employer.employerMeets

/**
 * Whether an opening meets every criterion of a search.
 * `Opening.openingMeets`.
 *
 * @since 0.3.0
 * @category search
 */
export const openingMeets = Opening.openingMeets

/**
 * The district's employers that meet the criteria (`EmployerCriteria`): a
 * page of at most `JobCenter.maxPageSize` (100; the first page by default)
 * and how many there are in all. Each employer returned is logged as read
 * (`employer.search`), for its contact persons; the criteria are not.
 *
 * @example
 * ```ts
 * import { EmployerSearch, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const found = EmployerSearch.searchEmployers(actor, { name: "성수", sort: "name" }, { limit: 20 })
 * ```
 *
 * @since 0.3.0
 * @category employers
 */
export const searchEmployers = (actor: Actor, criteria: unknown, page: Page = {}) =>
  Effect.gen(function*() {
    const decoded = yield* decodeEmployerCriteria(criteria)
    const slice = yield* boundedPage(page)
    const found = yield* Effect.flatMap(Employer.EmployerRepository, (repo) => keysetPage(slice, (page) => repo.search(actor.districtId, decoded, page)))
    yield* logAccessAll(actor, "read", "employer", found.items.map((row) => row.value.id), "employer.search")
    return found
  })

/**
 * One of the district's employers (`NotFound` for another district's),
 * logged as read (`employer.get`) for its contact persons.
 *
 * @example
 * ```ts
 * import { EmployerSearch, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const employer = EmployerSearch.getEmployer(actor, Ids.EmployerId.make("employer-0001"))
 * ```
 *
 * @since 0.3.0
 * @category employers
 */
export const getEmployer = (actor: Actor, id: EmployerId) =>
  Effect.gen(function*() {
    const stored = yield* Effect.flatMap(Employer.EmployerRepository, (repo) => repo.get(actor.districtId, id))
    yield* logAccess(actor, "read", "employer", id, "employer.get")
    return stored
  })

/**
 * The id of the district's employer registered with this business
 * registration number (사업자등록번호, with or without hyphens), if any —
 * to offer the existing record before registering a second one. Only the
 * id is returned, so nothing is logged; an invalid number finds nothing.
 *
 * @example
 * ```ts
 * import { EmployerSearch, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const existing = EmployerSearch.employerWithBusinessNumber(actor, "124-81-00998") // Option of its id
 * ```
 *
 * @since 0.3.0
 * @category employers
 */
export const employerWithBusinessNumber = (actor: Actor, businessNumber: string) =>
  Effect.gen(function*() {
    const canonical = Employer.normalizeBusinessNumber(businessNumber)
    if (canonical === undefined) return Option.none<EmployerId>()
    const all = yield* Effect.flatMap(Employer.EmployerRepository, (repo) => repo.list(actor.districtId))
    return Option.fromNullable(all.find((row) => row.value.businessNumber === canonical)?.value.id)
  })

/**
 * The district's openings that meet the criteria (`OpeningCriteria`): a
 * page of at most `JobCenter.maxPageSize` (100; the first page by default)
 * and how many there are in all (`OpeningRepository.search`).
 *
 * @example
 * ```ts
 * import { EmployerSearch, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const open = EmployerSearch.searchOpenings(actor, { title: "디자이너", status: "open", sort: "openedOn", order: "desc" })
 * ```
 *
 * @since 0.3.0
 * @category openings
 */
export const searchOpenings = (actor: Actor, criteria: unknown, page: Page = {}) =>
  Effect.gen(function*() {
    const decoded = yield* decodeOpeningCriteria(criteria)
    const slice = yield* boundedPage(page)
    return (yield* Effect.flatMap(Opening.OpeningRepository, (repo) => keysetPage(slice, (page) => repo.search(actor.districtId, decoded, page)))) satisfies Paged<
      Versioned<Opening.Opening>
    >
  })

/**
 * One of the district's openings (`NotFound` for another district's).
 *
 * @example
 * ```ts
 * import { EmployerSearch, Ids, JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const opening = EmployerSearch.getOpening(actor, Ids.OpeningId.make("opening-0001"))
 * ```
 *
 * @since 0.3.0
 * @category openings
 */
export const getOpening = (actor: Actor, id: OpeningId) =>
  Effect.flatMap(Opening.OpeningRepository, (repo) => repo.get(actor.districtId, id))
