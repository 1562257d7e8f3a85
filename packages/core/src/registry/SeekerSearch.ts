/**
 * Finding seekers (구직자 검색): by part of the name — syllables, initial
 * consonants (초성) or both —, the phone's last four digits, the status and
 * the responsible counselor, sorted by name, registration time or id, a page
 * at a time with the total. Each seeker shown is logged; the search terms are
 * not, since a name or a phone number is personal data itself.
 *
 * @example
 * ```ts
 * import { JobCenter, SeekerSearch } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const found = SeekerSearch.searchSeekers(actor, { name: "ㄱㅁㅅ", status: "in-counseling" })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category registry
 */
import { Effect } from "effect"
import type { Page } from "../kernel/Store.js"
import { type Actor, boundedPage, keysetPage, logAccessAll } from "../kernel/UseCase.js"
import * as Validation from "../kernel/Validation.js"
import { SearchCriteria, SeekerRepository } from "./Seeker.js"

/**
 * Decodes a search form, naming every field that breaks a rule (a name that
 * is not Hangul, a phone tail that is not four digits, an unknown status).
 *
 * @since 0.3.0
 * @category decoding
 */
export const decodeCriteria = Validation.decode(SearchCriteria)

/**
 * The district's seekers that meet the criteria (`Seeker.SearchCriteria`):
 * a page of at most `JobCenter.maxPageSize` (100; the first page by default),
 * how many there are in all, and `next`: the id to ask the next page
 * `after` (keyset paging, `undefined` on the last page). Each seeker shown is logged as read (`seeker.search`);
 * the criteria are not.
 *
 * @example
 * ```ts
 * import { JobCenter } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // 김민수 by the initial consonants and the phone's last four digits.
 * const found = JobCenter.searchSeekers(actor, { name: "ㄱㅁㅅ", phoneTail: "5678" })
 * ```
 *
 * @since 0.3.0
 * @category search
 */
export const searchSeekers = (actor: Actor, criteria: unknown, page: Page = {}) =>
  Effect.gen(function*() {
    const decoded = yield* decodeCriteria(criteria)
    const slice = yield* boundedPage(page)
    const found = yield* Effect.flatMap(SeekerRepository, (repo) => keysetPage(slice, (page) => repo.search(actor.districtId, decoded, page)))
    yield* logAccessAll(actor, "read", "seeker", found.items.map((row) => row.value.id), "seeker.search")
    return found
  })
