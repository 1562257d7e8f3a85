/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The seeker finder a sign-up form shows above it: a name posted to
 * `action`, then why the name was refused, that no one was found, or who
 * was — each with `pick` (a form that signs them up) when given, else
 * counted, for a choice further down the page.
 */
import type { ComponentChildren } from "preact"
import { TextField } from "../../ui/Fields.js"
import { CsrfField } from "../../ui/Layout.js"
import { Empty } from "../../ui/Lists.js"
import type { View } from "../../ui/View.js"
import type { FoundSeeker, NameSearch } from "./NameSearch.js"

export const SeekerFinder = ({ view, action, label, search, hidden = {}, pick }: {
  readonly view: View
  readonly action: string
  readonly label: string
  readonly search: NameSearch | undefined
  /** Fields the search carries back to the page, such as its day. */
  readonly hidden?: Readonly<Record<string, string>>
  readonly pick?: (seeker: FoundSeeker) => ComponentChildren
}) => {
  const { say } = view
  const outcome = search === undefined
    ? null
    : search.problem !== undefined
    ? <p class="notice error" role="alert">{search.problem}</p>
    : search.found.length === 0
    ? <Empty>{say("찾은 구직자가 없습니다.", "No seeker found.")}</Empty>
    : pick === undefined
    ? <p role="status">{say(`구직자 ${search.found.length}명을 찾았습니다. 아래에서 고르세요.`, `${search.found.length} seeker(s) found: choose below.`)}</p>
    : <ul class="fair-found">{search.found.map((seeker) => <li>{pick(seeker)}</li>)}</ul>
  return (
    <>
      <form method="post" action={action} class="filters">
        <CsrfField view={view} />
        {Object.entries(hidden).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
        <TextField name="q" type="search" label={label} value={search?.q ?? ""} />
        <button type="submit" class="krds-btn secondary">{say("찾기", "Find")}</button>
      </form>
      {outcome}
    </>
  )
}
