/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 알선 현황: the district's referrals as a board, a column per status
 * (core's order and labels), each referral with the seeker (a link to the
 * case file), the opening, the date of its last step and the moves it allows.
 * A counselor sees their own referrals first, a manager the district's; the
 * filter is a form post, and each column pages on its own (with htmx only the
 * board is swapped).
 */
import { type Counselor, type Errors, JobCenter, Referral, ReferralBoard } from "@iljari/core"
import { Effect } from "effect"
import type { Form } from "../../http/Form.js"
import type { Services } from "../../http/Handler.js"
import type { Signed } from "../../http/Signed.js"
import { type Problems, SelectField } from "../../ui/Fields.js"
import { CsrfField, Page } from "../../ui/Layout.js"
import { pageOf } from "../../ui/Lists.js"
import { problemsOf } from "../../ui/Rules.js"
import { href, type View } from "../../ui/View.js"
import { MoveButtons, NoMoves } from "./Moves.js"
import { HireState } from "./ReferralPage.js"

export const formId = "referral-board"

/** How many referrals a column shows at a time. */
export const perColumn = 10

// A page far beyond any column is read as the last one would be: empty.
const maxPage = 10_000

type Status = Referral.ReferralStatus
export type Pages = Readonly<Record<Status, number>>

export const firstPages: Pages = Object.fromEntries(ReferralBoard.columns.map((s) => [s, 1])) as Record<Status, number>

export interface Shown {
  /** The counselor whose referrals are shown; all the district's when undefined. */
  readonly counselorId: string | undefined
  readonly pages: Pages
  readonly problems: Problems
  readonly columns?: ReadonlyArray<ReferralBoard.Column> | undefined
  readonly counselors: ReadonlyArray<Counselor.Counselor>
  readonly notice?: "moved" | undefined
}

const Item = ({ view, entry, board }: { readonly view: View; readonly entry: ReferralBoard.Entry; readonly board: string }) => {
  const { say } = view
  const which = `${entry.seeker.name}, ${entry.opening.title}`
  return (
    <li>
      <p><a href={href(view, `/seekers/${entry.seeker.id}`)}><strong>{entry.seeker.name}</strong></a></p>
      <p>{entry.employer === undefined ? entry.opening.title : `${entry.opening.title} · ${entry.employer.name}`}</p>
      <p class="form-hint">{say("최근 단계 ", "Last step ")}<time datetime={entry.lastStepOn}>{entry.lastStepOn}</time></p>
      <MoveButtons view={view} entry={entry} back={{ board }} />
      <NoMoves view={view} entry={entry} ended={false} />
      <HireState view={view} entry={entry} />
      <a href={href(view, `/referrals/${entry.referral.value.id}`)}>
        {say("알선 상세", "Details")}
        <span class="visually-hidden">{`: ${which}`}</span>
      </a>
    </li>
  )
}

/** A column's own pages: previous and next, as submit buttons of the board's form. */
const ColumnPager = ({ view, column, page }: { readonly view: View; readonly column: ReferralBoard.Column; readonly page: number }) => {
  const { say, lang } = view
  const pages = Math.max(1, Math.ceil(column.total / column.limit))
  if (pages === 1 && page === 1) return null
  const label = Referral.referralStatusLabel(column.status, lang)
  return (
    <nav class="krds-pagination" aria-label={say(`${label} 페이지`, `${label}: pages`)}>
      <button type="submit" form={formId} name="page" value={`${column.status}:${page - 1}`} class="page-navi prev" disabled={page <= 1}>
        {say("이전", "Previous")}
      </button>
      <span class="page-links">{say(`${page} / ${pages}쪽`, `${page} of ${pages}`)}</span>
      <button type="submit" form={formId} name="page" value={`${column.status}:${page + 1}`} class="page-navi next" disabled={page >= pages}>
        {say("다음", "Next")}
      </button>
    </nav>
  )
}

const Column = ({ view, column, page, board }: {
  readonly view: View
  readonly column: ReferralBoard.Column
  readonly page: number
  readonly board: string
}) => {
  const { say, lang } = view
  const id = `column-${column.status}`
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {Referral.referralStatusLabel(column.status, lang)}{" "}
        <span class="krds-badge">{say(`${column.total.toLocaleString("ko-KR")}건`, column.total.toLocaleString("en"))}</span>
      </h2>
      {column.items.length === 0
        ? <p class="form-hint">{say("없음", "None")}</p>
        : <ul>{column.items.map((entry) => <Item view={view} entry={entry} board={board} />)}</ul>}
      <ColumnPager view={view} column={column} page={page} />
    </section>
  )
}

/** The board, swapped alone by htmx; it carries the pages it shows, for the next post. */
export const BoardView = ({ view, shown }: { readonly view: View; readonly shown: Shown }) => (
  <div id="board" aria-live="polite">
    <input type="hidden" form={formId} name="current-counselor" value={shown.counselorId ?? ""} />
    {ReferralBoard.columns.map((s) => <input type="hidden" form={formId} name={`at-${s}`} value={String(shown.pages[s])} />)}
    {shown.columns === undefined ? null : (
      <div class="board">
        {shown.columns.map((column) => <Column view={view} column={column} page={shown.pages[column.status]} board={shown.counselorId ?? "all"} />)}
      </div>
    )}
  </div>
)

export const BoardPage = ({ view, shown }: { readonly view: View; readonly shown: Shown }) => {
  const { say } = view
  return (
    <Page view={view} title={say("알선 현황", "Referrals")}>
      {shown.notice === "moved" ? <div class="notice success" role="status">{say("알선 단계를 바꿨습니다.", "The referral has moved on.")}</div> : null}
      <form id={formId} method="post" action={href(view, "/referrals/board")} hx-post={href(view, "/referrals/board")} hx-target="#board" hx-select="#board" hx-swap="outerHTML">
        <CsrfField view={view} />
        <div class="filters" role="search" aria-label={say("알선 거르기", "Filter referrals")}>
          <SelectField
            name="counselorId"
            label={say("알선 담당", "Referred by")}
            value={shown.counselorId}
            choices={shown.counselors.map((c) => ({ value: c.id, label: c.name }))}
            empty={say("센터 전체", "Whole center")}
            problems={shown.problems}
          />
          <button type="submit" class="krds-btn secondary">{say("보기", "Show")}</button>
        </div>
      </form>
      <BoardView view={view} shown={shown} />
    </Page>
  )
}

/** The pages a board's post asks for: those it showed, one column turned; all first after a new filter. */
export const pagesOf = (form: Form): Pages => {
  if (form.get("counselorId") !== form.get("current-counselor")) return firstPages
  const pages: Record<string, number> = Object.fromEntries(ReferralBoard.columns.map((s) => [s, Math.min(maxPage, pageOf(form.get(`at-${s}`)))]))
  const [status, page] = (form.get("page") ?? "").split(":")
  if (status !== undefined && (ReferralBoard.columns as ReadonlyArray<string>).includes(status)) pages[status] = Math.min(maxPage, pageOf(page))
  return pages as Record<Status, number>
}

/** The board for the person: the columns with names, or the filter's problems. */
export const boardFor = (
  signedIn: Signed,
  shown: Omit<Shown, "columns" | "problems" | "counselors">
): Effect.Effect<Shown, Errors.PersistenceError, Services> =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const counselors = (yield* JobCenter.listCounselors(actor)).map((row) => row.value)
    const slices = Object.fromEntries(
      ReferralBoard.columns.map((s) => [s, { offset: (shown.pages[s] - 1) * perColumn, limit: perColumn }])
    )
    const found = yield* Effect.either(
      ReferralBoard.board(actor, shown.counselorId === undefined ? {} : { counselorId: shown.counselorId }, slices, perColumn)
    )
    if (found._tag === "Right") return { ...shown, counselors, problems: {}, columns: found.right } satisfies Shown
    if (found.left._tag !== "ValidationError") return yield* Effect.fail(found.left)
    return { ...shown, counselors, problems: problemsOf(view.say, found.left) } satisfies Shown
  })

/** Whose referrals the board shows first: a counselor's own, everyone else the district's. */
export const defaultCounselor = (signedIn: Signed): string | undefined =>
  signedIn.role === "counselor" ? signedIn.actor.counselorId : undefined
