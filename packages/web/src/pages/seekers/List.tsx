/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 구직자: finding seekers by name (syllables or 초성), the phone's last four
 * digits, status and responsible counselor. The search is a form post, so
 * that names and numbers stay out of URLs and access logs; with htmx only
 * the results are swapped.
 */
import { type Counselor, JobCenter, Seeker } from "@iljari/core"
import { Effect } from "effect"
import type { Handler } from "../../http/Handler.js"
import { staffPage } from "../../http/Route.js"
import { html } from "../../http/Respond.js"
import type { Signed } from "../../http/Signed.js"
import { SelectField, TextField, type Problems } from "../../ui/Fields.js"
import { kstDate } from "../../ui/Format.js"
import { Page } from "../../ui/Layout.js"
import { Empty, pageSize, Pagination, SearchForm, SortHeader, type Sorting, sortAndPageOf, Table } from "../../ui/Lists.js"
import { problemsOf } from "../../ui/Rules.js"
import { href, type View } from "../../ui/View.js"

const formId = "seeker-search"
const columns = ["name", "registeredAt", "id"] as const

interface Shown {
  readonly criteria: { readonly name?: string | undefined; readonly phoneTail?: string | undefined; readonly status?: string | undefined; readonly counselorId?: string | undefined }
  readonly sorting: Sorting
  readonly page: number
  readonly problems: Problems
  readonly found?: { readonly items: ReadonlyArray<{ readonly value: Seeker.Seeker }>; readonly total: number }
  readonly counselors: ReadonlyArray<Counselor.Counselor>
}

const Results = ({ view, shown }: { readonly view: View; readonly shown: Shown }) => {
  const { say } = view
  const counselorName = new Map(shown.counselors.map((c) => [c.id, c.name]))
  if (shown.found === undefined) return <div id="results" aria-live="polite" />
  return (
    <div id="results" aria-live="polite">
      <p>{say(`${shown.found.total.toLocaleString("ko-KR")}명`, `${shown.found.total.toLocaleString("en")} found`)}</p>
      {shown.found.items.length === 0 ? <Empty>{say("조건에 맞는 구직자가 없습니다.", "No seeker meets these criteria.")}</Empty> : (
        <Table
          caption={say("구직자 검색 결과: 이름, 생년월일, 상태, 담당 상담사, 등록일", "Seekers found: name, date of birth, status, counselor, registered")}
          head={<>
            <SortHeader label={say("이름", "Name")} column="name" sorting={shown.sorting} form={formId} say={say} />
            <th scope="col">{say("생년월일", "Born")}</th>
            <th scope="col">{say("상태", "Status")}</th>
            <th scope="col">{say("담당", "Counselor")}</th>
            <SortHeader label={say("등록일", "Registered")} column="registeredAt" sorting={shown.sorting} form={formId} say={say} />
          </>}
        >
          {shown.found.items.map(({ value: s }) => (
            <tr>
              <td><a href={href(view, `/seekers/${s.id}`)}>{s.name}</a></td>
              <td>{s.birthDate}</td>
              <td>{Seeker.seekerStatusLabel(s.status, view.lang)}</td>
              <td>{s.counselorId === undefined ? say("미배정", "Unassigned") : counselorName.get(s.counselorId) ?? s.counselorId}</td>
              <td>{kstDate(s.registeredAt)}</td>
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
  const statuses = Seeker.SeekerStatus.literals.map((s) => ({ value: s, label: Seeker.seekerStatusLabel(s, view.lang) }))
  return (
    <Page view={view} title={say("구직자", "Job seekers")}>
      <div class="actions">
        <a class="krds-btn primary" href={href(view, "/seekers/new")}>{say("구직자 등록", "Register a seeker")}</a>
      </div>
      <SearchForm view={view} id={formId} action="/seekers/search" label={say("구직자 찾기", "Find seekers")} sorting={shown.sorting} filters={<>
          <TextField name="name" label={say("이름 또는 초성", "Name or initials")} value={shown.criteria.name} problems={shown.problems} hint={say("예: 홍길동, 길동, ㅎㄱㄷ", "e.g. 홍길동, 길동, ㅎㄱㄷ")} autocomplete="off" />
          <TextField name="phoneTail" label={say("전화번호 끝 4자리", "Last 4 phone digits")} value={shown.criteria.phoneTail} problems={shown.problems} inputmode="numeric" autocomplete="off" />
          <SelectField name="status" label={say("상태", "Status")} value={shown.criteria.status} choices={statuses} empty={say("전체", "All")} problems={shown.problems} />
          <SelectField name="counselorId" label={say("담당 상담사", "Counselor")} value={shown.criteria.counselorId} choices={shown.counselors.map((c) => ({ value: c.id, label: c.name }))} empty={say("전체", "All")} problems={shown.problems} />
      </>}>
        <Results view={view} shown={shown} />
      </SearchForm>
    </Page>
  )
}

const search = (signedIn: Signed, shown: Omit<Shown, "found" | "problems" | "counselors">) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const counselors = (yield* JobCenter.listCounselors(actor)).map((row) => row.value)
    const criteria = Object.fromEntries(Object.entries(shown.criteria).filter(([, v]) => v !== undefined))
    const found = yield* JobCenter.searchSeekers(
      actor,
      { ...criteria, sort: shown.sorting.sort, order: shown.sorting.order },
      { offset: (shown.page - 1) * pageSize, limit: pageSize }
    ).pipe(Effect.either)
    return found._tag === "Right"
      ? { ...shown, counselors, problems: {}, found: found.right }
      : found.left._tag === "ValidationError"
      ? { ...shown, counselors, problems: problemsOf(view.say, found.left) }
      : yield* Effect.fail(found.left)
  })

/** The page on arrival: a counselor's own caseload, by name. */
export const seekerList: Handler = staffPage((signedIn) =>
  Effect.gen(function*() {
    const own = signedIn.role === "counselor" ? { counselorId: signedIn.actor.counselorId } : {}
    const shown = yield* search(signedIn, { criteria: own, sorting: { sort: "name", order: "asc" }, page: 1 })
    return yield* html(<SearchPage view={signedIn.view} shown={shown} />)
  }))

/** A search, a new sort or another page: the whole page, or the results for htmx. */
export const seekerSearch: Handler = staffPage((signedIn, form) =>
  Effect.gen(function*() {
    const shown = yield* search(signedIn, {
      criteria: { name: form.get("name"), phoneTail: form.get("phoneTail"), status: form.get("status"), counselorId: form.get("counselorId") },
      ...sortAndPageOf(form, columns, { sort: "name", order: "asc" })
    })
    const invalid = Object.keys(shown.problems).length > 0
    return yield* html(<SearchPage view={signedIn.view} shown={shown} />, { status: invalid ? 422 : 200 })
  }))
