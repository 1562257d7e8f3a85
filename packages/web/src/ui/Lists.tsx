/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The parts every list shares: a table with a caption, column headers that
 * sort (buttons of the list's form, so that filters stay in the post body
 * and out of the URL), and KRDS pagination.
 */
import type { ComponentChildren } from "preact"
import type { Form } from "../http/Form.js"
import { CsrfField } from "./Layout.js"
import type { Say } from "./Say.js"
import { href, type View } from "./View.js"

export interface Sorting {
  readonly sort: string
  readonly order: "asc" | "desc"
}

/** A sortable column header: a submit button of the list's form. */
export const SortHeader = ({ label, column, sorting, form, say }: {
  readonly label: string
  readonly column: string
  readonly sorting: Sorting
  readonly form: string
  readonly say: Say
}) => {
  const current = sorting.sort === column
  const next = current && sorting.order === "asc" ? "desc" : "asc"
  return (
    <th scope="col" aria-sort={current ? (sorting.order === "asc" ? "ascending" : "descending") : undefined}>
      <button type="submit" form={form} name="sort" value={`${column}:${next}`} class="krds-btn xsmall text">
        {label}
        <span class="visually-hidden">{say(next === "asc" ? " 오름차순으로 정렬" : " 내림차순으로 정렬", next === "asc" ? " sort ascending" : " sort descending")}</span>
        {current ? (sorting.order === "asc" ? " ▲" : " ▼") : ""}
      </button>
    </th>
  )
}

/** `name:desc` → sorting, falling back to the list's default. */
export const sortingOf = <S extends string>(value: string | undefined, columns: ReadonlyArray<S>, fallback: { readonly sort: S; readonly order: "asc" | "desc" }) => {
  const [sort, order] = (value ?? "").split(":")
  return columns.includes(sort as S) ? { sort: sort as S, order: order === "desc" ? "desc" as const : "asc" as const } : fallback
}

export const pageSize = 20

/** Pages as submit buttons of the list's form (KRDS pagination). */
export const Pagination = ({ page, total, form, say }: { readonly page: number; readonly total: number; readonly form: string; readonly say: Say }) => {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages === 1) return null
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b)
  return (
    <nav class="krds-pagination" aria-label={say("페이지", "Pages")}>
      <button type="submit" form={form} name="page" value={String(page - 1)} class="page-navi prev" disabled={page <= 1}>{say("이전", "Previous")}</button>
      <div class="page-links">
        {shown.map((p) => (
          <button type="submit" form={form} name="page" value={String(p)} class={p === page ? "page-link active" : "page-link"} aria-current={p === page ? "page" : undefined}>
            {p === page ? <span class="sr-only">{say("현재페이지 ", "Current page ")}</span> : null}{p}
          </button>
        ))}
      </div>
      <button type="submit" form={form} name="page" value={String(page + 1)} class="page-navi next" disabled={page >= pages}>{say("다음", "Next")}</button>
    </nav>
  )
}

// A caption's id, the same on every render of the same caption.
const captionId = (caption: string) => {
  let hash = 0
  for (const char of caption) hash = (hash * 31 + char.codePointAt(0)!) >>> 0
  return `t-${hash.toString(36)}`
}

/**
 * A table in KRDS's wrapper. The wrapper scrolls sideways on a phone, so it is
 * a named region a keyboard can reach and scroll. `hideCaption` when a heading
 * just above already shows the caption's words.
 */
export const Table = ({ caption, head, children, hideCaption }: {
  readonly caption: string
  readonly head: ComponentChildren
  readonly children: ComponentChildren
  readonly hideCaption?: boolean
}) => (
  <div class="krds-table-wrap" tabindex={0} role="region" aria-labelledby={captionId(caption)}>
    <table class="tbl col data">
      <caption id={captionId(caption)} class={hideCaption === true ? "visually-hidden" : undefined}>{caption}</caption>
      <thead><tr>{head}</tr></thead>
      <tbody>{children}</tbody>
    </table>
  </div>
)

/** The page number a form asked for (1 when none or nonsense). */
export const pageOf = (value: string | undefined) => {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 ? n : 1
}

export const Empty = ({ children }: { readonly children: ComponentChildren }) => <p class="notice">{children}</p>

/**
 * A list's search form: its filters, the sorting it shows (kept when the
 * filters change) and a search button; the results inside it, so that their
 * sort headers and pages are its buttons. With htmx only `#results` is swapped.
 */
export const SearchForm = ({ view, id, action, label, sorting, filters, children }: {
  readonly view: View
  readonly id: string
  /** Where it posts, below the app's prefix. */
  readonly action: string
  /** The search landmark's name. */
  readonly label: string
  readonly sorting: Sorting
  readonly filters: ComponentChildren
  readonly children: ComponentChildren
}) => (
  <form id={id} method="post" action={href(view, action)} hx-post={href(view, action)} hx-target="#results" hx-select="#results" hx-swap="outerHTML">
    <CsrfField view={view} />
    <div class="filters" role="search" aria-label={label}>
      {filters}
      <input type="hidden" name="current-sort" value={`${sorting.sort}:${sorting.order}`} />
      <button type="submit" class="krds-btn secondary">{view.say("검색", "Search")}</button>
    </div>
    {children}
  </form>
)

/** The sorting and page a search form's post asks for: a new sort starts again at page 1. */
export const sortAndPageOf = <S extends string>(form: Form, columns: ReadonlyArray<S>, fallback: { readonly sort: S; readonly order: "asc" | "desc" }) => ({
  sorting: sortingOf(form.get("sort") ?? form.get("current-sort"), columns, fallback),
  page: form.get("sort") === undefined ? pageOf(form.get("page")) : 1
})
