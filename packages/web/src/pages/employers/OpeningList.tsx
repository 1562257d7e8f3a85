/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 구인공고: the district's openings by status (open ones on arrival) and
 * part of the title, newest first or by title. Filters are posted, like every
 * list's; with htmx only the results are swapped. Each row names its
 * employer (a business name only, so nothing is logged for it).
 */
import { CaseFile, EmployerSearch, Opening } from "@iljari/core"
import { Effect } from "effect"
import type { Handler } from "../../http/Handler.js"
import { html } from "../../http/Respond.js"
import { staffPage } from "../../http/Route.js"
import type { Signed } from "../../http/Signed.js"
import { problemsOf } from "../../ui/Rules.js"
import { type Problems, SelectField, TextField } from "../../ui/Fields.js"
import { Page } from "../../ui/Layout.js"
import { Empty, pageSize, Pagination, SearchForm, SortHeader, type Sorting, sortAndPageOf, Table } from "../../ui/Lists.js"
import { href, type View } from "../../ui/View.js"
import { StatusBadge } from "./OpeningFacts.js"
import { Tabs } from "./Tabs.js"

const formId = "opening-search"
const columns = ["openedOn", "title"] as const
const newestFirst = { sort: "openedOn", order: "desc" } as const

interface Shown {
  readonly criteria: { readonly title?: string | undefined; readonly status?: string | undefined }
  readonly sorting: Sorting
  readonly page: number
  readonly problems: Problems
  readonly found?: { readonly items: ReadonlyArray<{ readonly value: Opening.Opening }>; readonly total: number }
  readonly employerName?: (id: Opening.Opening["employerId"]) => string
}

const Results = ({ view, shown }: { readonly view: View; readonly shown: Shown }) => {
  const { say } = view
  if (shown.found === undefined) return <div id="results" aria-live="polite" />
  const employerName = shown.employerName ?? ((id: string) => id)
  return (
    <div id="results" aria-live="polite">
      <p>{say(`${shown.found.total.toLocaleString("ko-KR")}건`, `${shown.found.total.toLocaleString("en")} found`)}</p>
      {shown.found.items.length === 0 ? <Empty>{say("조건에 맞는 구인공고가 없습니다.", "No opening meets these criteria.")}</Empty> : (
        <Table
          caption={say("구인공고 검색 결과: 공고명, 업체, 상태, 공고일, 마감일", "Openings found: title, employer, status, opened, closes")}
          head={<>
            <SortHeader label={say("공고명", "Title")} column="title" sorting={shown.sorting} form={formId} say={say} />
            <th scope="col">{say("업체", "Employer")}</th>
            <th scope="col">{say("상태", "Status")}</th>
            <SortHeader label={say("공고일", "Opened")} column="openedOn" sorting={shown.sorting} form={formId} say={say} />
            <th scope="col">{say("마감일", "Closes")}</th>
          </>}
        >
          {shown.found.items.map(({ value: o }) => (
            <tr>
              <td><a href={href(view, `/openings/${o.id}`)}>{o.title}</a></td>
              <td><a href={href(view, `/employers/${o.employerId}`)}>{employerName(o.employerId)}</a></td>
              <td><StatusBadge view={view} status={o.status} /></td>
              <td>{o.openedOn}</td>
              <td>{o.closesOn ?? say("채용 시 마감", "Until filled")}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={shown.page} total={shown.found.total} form={formId} say={say} />
    </div>
  )
}

const SearchPage = ({ view, shown }: { readonly view: View; readonly shown: Shown }) => {
  const { say, lang } = view
  const statuses = Opening.OpeningStatus.literals.map((s) => ({ value: s, label: Opening.openingStatusLabel(s, lang) }))
  return (
    <Page view={view} title={say("구인공고", "Openings")}>
      <Tabs view={view} current="openings" />
      <p class="form-hint">{say("공고는 구인업체 화면에서 등록합니다.", "Openings are registered from their employer's page.")}</p>
      <SearchForm view={view} id={formId} action="/openings/search" label={say("구인공고 찾기", "Find openings")} sorting={shown.sorting} filters={<>
          <TextField name="title" label={say("공고명", "Title")} value={shown.criteria.title} problems={shown.problems} hint={say("일부나 초성도 됩니다. 예: 디자이너", "Part of it or its initials, e.g. 디자이너")} autocomplete="off" />
          <SelectField name="status" label={say("상태", "Status")} value={shown.criteria.status} choices={statuses} empty={say("전체", "All")} problems={shown.problems} />
      </>}>
        <Results view={view} shown={shown} />
      </SearchForm>
    </Page>
  )
}

const search = (signedIn: Signed, shown: Omit<Shown, "found" | "problems" | "employerName">) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const criteria = Object.fromEntries(Object.entries(shown.criteria).filter(([, v]) => v !== undefined))
    const found = yield* EmployerSearch.searchOpenings(
      actor,
      { ...criteria, sort: shown.sorting.sort, order: shown.sorting.order },
      { offset: (shown.page - 1) * pageSize, limit: pageSize }
    ).pipe(Effect.either)
    if (found._tag === "Left") {
      return found.left._tag === "ValidationError"
        ? { ...shown, problems: problemsOf(view.say, found.left) }
        : yield* Effect.fail(found.left)
    }
    const names = yield* CaseFile.namesOf(actor, { employers: found.right.items.map((row) => row.value.employerId) })
    return { ...shown, problems: {}, found: found.right, employerName: names.employer }
  })

/** The page on arrival: the open openings, newest first. */
export const openingList: Handler = staffPage((signedIn) =>
  Effect.gen(function*() {
    const shown = yield* search(signedIn, { criteria: { status: "open" }, sorting: newestFirst, page: 1 })
    return yield* html(<SearchPage view={signedIn.view} shown={shown} />)
  }))

/** A search, a new sort or another page: the whole page, or the results for htmx. */
export const openingSearch: Handler = staffPage((signedIn, form) =>
  Effect.gen(function*() {
    const shown = yield* search(signedIn, {
      criteria: { title: form.get("title"), status: form.get("status") },
      ...sortAndPageOf(form, columns, newestFirst)
    })
    const invalid = Object.keys(shown.problems).length > 0
    return yield* html(<SearchPage view={signedIn.view} shown={shown} />, { status: invalid ? 422 : 200 })
  }))
