/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 구인업체: finding the district's employers by part of the name (or its
 * 초성), sorted by name or registration. The search is a form post, like the
 * seekers', so that terms stay out of URLs; with htmx only the results are
 * swapped. Every employer shown is logged as read (its contact persons are
 * personal data), by core's `EmployerSearch.searchEmployers`.
 */
import { Codes, Employer, EmployerSearch } from "@iljari/core"
import { Effect } from "effect"
import type { Handler } from "../../http/Handler.js"
import { html } from "../../http/Respond.js"
import { staffPage } from "../../http/Route.js"
import type { Signed } from "../../http/Signed.js"
import { problemsOf } from "../../ui/Rules.js"
import { type Problems, TextField } from "../../ui/Fields.js"
import { kstDate } from "../../ui/Format.js"
import { Page } from "../../ui/Layout.js"
import { Empty, pageSize, Pagination, SearchForm, SortHeader, type Sorting, sortAndPageOf, Table } from "../../ui/Lists.js"
import { href, type View } from "../../ui/View.js"
import { Tabs } from "./Tabs.js"

const formId = "employer-search"
const columns = ["name", "registeredAt"] as const
const byName = { sort: "name", order: "asc" } as const

interface Shown {
  readonly criteria: { readonly name?: string | undefined }
  readonly sorting: Sorting
  readonly page: number
  readonly problems: Problems
  readonly found?: { readonly items: ReadonlyArray<{ readonly value: Employer.Employer }>; readonly total: number }
}

const Results = ({ view, shown }: { readonly view: View; readonly shown: Shown }) => {
  const { say, lang } = view
  if (shown.found === undefined) return <div id="results" aria-live="polite" />
  return (
    <div id="results" aria-live="polite">
      <p>{say(`${shown.found.total.toLocaleString("ko-KR")}곳`, `${shown.found.total.toLocaleString("en")} found`)}</p>
      {shown.found.items.length === 0 ? <Empty>{say("조건에 맞는 구인업체가 없습니다.", "No employer meets these criteria.")}</Empty> : (
        <Table
          caption={say(
            "구인업체 검색 결과: 업체명, 사업자등록번호, 업종, 소재지, 규모, 등록일",
            "Employers found: name, business number, industry, location, size, registered"
          )}
          head={<>
            <SortHeader label={say("업체명", "Name")} column="name" sorting={shown.sorting} form={formId} say={say} />
            <th scope="col">{say("사업자등록번호", "Business number")}</th>
            <th scope="col">{say("업종", "Industry")}</th>
            <th scope="col">{say("소재지", "Location")}</th>
            <th scope="col">{say("규모", "Size")}</th>
            <SortHeader label={say("등록일", "Registered")} column="registeredAt" sorting={shown.sorting} form={formId} say={say} />
          </>}
        >
          {shown.found.items.map(({ value: e }) => (
            <tr>
              <td><a href={href(view, `/employers/${e.id}`)}>{e.name}</a></td>
              <td>{e.businessNumber}</td>
              <td>{e.industry ?? say("미입력", "Not given")}</td>
              <td>{Codes.regionName(e.addressRegion, lang)}</td>
              <td>{Employer.employerSizeLabel(e.size, lang)}</td>
              <td>{kstDate(e.registeredAt)}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={shown.page} total={shown.found.total} form={formId} say={say} />
    </div>
  )
}

const SearchPage = ({ view, shown }: { readonly view: View; readonly shown: Shown }) => {
  const { say } = view
  return (
    <Page view={view} title={say("구인업체", "Employers")}>
      <Tabs view={view} current="employers" />
      <div class="actions">
        <a class="krds-btn primary" href={href(view, "/employers/new")}>{say("구인업체 등록", "Register an employer")}</a>
      </div>
      <SearchForm view={view} id={formId} action="/employers/search" label={say("구인업체 찾기", "Find employers")} sorting={shown.sorting} filters={<>
          <TextField name="name" label={say("업체명", "Employer name")} value={shown.criteria.name} problems={shown.problems} hint={say("일부나 초성도 됩니다. 예: 성수, ㅅㅅㄷㅈㅌ", "Part of it or its initials, e.g. 성수, ㅅㅅㄷㅈㅌ")} autocomplete="off" />
      </>}>
        <Results view={view} shown={shown} />
      </SearchForm>
    </Page>
  )
}

const search = (signedIn: Signed, shown: Omit<Shown, "found" | "problems">) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const criteria = Object.fromEntries(Object.entries(shown.criteria).filter(([, v]) => v !== undefined))
    const found = yield* EmployerSearch.searchEmployers(
      actor,
      { ...criteria, sort: shown.sorting.sort, order: shown.sorting.order },
      { offset: (shown.page - 1) * pageSize, limit: pageSize }
    ).pipe(Effect.either)
    return found._tag === "Right"
      ? { ...shown, problems: {}, found: found.right }
      : found.left._tag === "ValidationError"
      ? { ...shown, problems: problemsOf(view.say, found.left) }
      : yield* Effect.fail(found.left)
  })

/** The page on arrival: the district's employers by name. */
export const employerList: Handler = staffPage((signedIn) =>
  Effect.gen(function*() {
    const shown = yield* search(signedIn, { criteria: {}, sorting: byName, page: 1 })
    return yield* html(<SearchPage view={signedIn.view} shown={shown} />)
  }))

/** A search, a new sort or another page: the whole page, or the results for htmx. */
export const employerSearch: Handler = staffPage((signedIn, form) =>
  Effect.gen(function*() {
    const shown = yield* search(signedIn, {
      criteria: { name: form.get("name") },
      ...sortAndPageOf(form, columns, byName)
    })
    const invalid = Object.keys(shown.problems).length > 0
    return yield* html(<SearchPage view={signedIn.view} shown={shown} />, { status: invalid ? 422 : 200 })
  }))
