/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 사후관리대장: a counselor's follow-up calls — due today, overdue (with how
 * many days late), upcoming (open windows and the next 30 days) and done (the
 * most recent first, a page at a time) — with the on-time rate, a manager's
 * choice of counselor and the month's ledger as an Excel download.
 */
import { CaseFile, type Counselor, FollowUp } from "@iljari/core"
import type { ComponentChildren } from "preact"
import { SelectField } from "../../ui/Fields.js"
import { percent } from "../../ui/Format.js"
import { Page } from "../../ui/Layout.js"
import { Empty, Pagination, Table } from "../../ui/Lists.js"
import { href, type View } from "../../ui/View.js"
import { CallRow, Hidden, type Refused, rowId, type Standing } from "./CallRow.js"
import { carried, type Pages, type SectionName } from "./Pages.js"

export type Notice = "recorded" | "quit"

export const isNotice = (value: string | null): value is Notice => value === "recorded" || value === "quit"

const notices: Record<Notice, readonly [string, string]> = {
  recorded: ["사후관리 결과를 기록했습니다.", "The follow-up is recorded."],
  quit: [
    "퇴사로 기록했습니다. 재취업 지원 안내 문자를 보내고, 이 취업의 남은 사후관리는 취소했습니다.",
    "Recorded as quit: the re-employment support message is queued and the job's later checks are cancelled."
  ]
}

/** Whose ledger is shown, and for a manager whom they may choose from. */
export interface Whose {
  readonly counselorId: string
  readonly name: string
  /** The counselor a manager chose (kept in links and forms); `undefined` for one's own ledger. */
  readonly chosen: string | undefined
  /** A manager's choices; empty for a counselor. */
  readonly counselors: ReadonlyArray<Counselor.Counselor>
}

export interface Shown {
  readonly list: CaseFile.CallList
  readonly whose: Whose
  /** The page of each section. */
  readonly pages: Pages
  readonly notice?: Notice | undefined
  /** A refused form, by the check's id. */
  readonly refused?: Readonly<Record<string, Refused>>
  /** A refusal with no row to show it at (the check was done or cancelled meanwhile). */
  readonly alert?: string | undefined
  /** The month in the download form, and its problem. */
  readonly month?: string
  readonly monthProblem?: string | undefined
}

/** A section's pagination: a form of its own (empty but for what it carries), its buttons in the list. */
const PagesForm = ({ view, shown, name }: { readonly view: View; readonly shown: Shown; readonly name: SectionName }) => {
  const action = href(view, "/follow-ups")
  const list = `${name}-list`
  return (
    <form id={`${name}-pages`} method="get" action={action} hx-get={action} hx-target={`#${list}`} hx-select={`#${list}`} hx-swap="outerHTML">
      <Hidden fields={carried(shown.pages, shown.whose.chosen, name)} />
      <input type="hidden" name="section" value={name} />
    </form>
  )
}

const Calls = ({ view, shown, section, standing }: {
  readonly view: View
  readonly shown: Shown
  readonly section: CaseFile.Section
  readonly standing: Standing
}) => {
  const { say } = view
  const name: SectionName = standing
  const { page, pages, calls: items, total } = section
  // The rows' forms keep the pages as shown, so that a post without htmx comes back to them.
  const carry = carried({ ...shown.pages, [name]: page }, shown.whose.chosen)
  return (
    <div id={`${name}-list`}>
      {pages === 1 ? null : (
        <>
          <PagesForm view={view} shown={shown} name={name} />
          <p class="form-hint">{say(`${total}건 중 ${page}/${pages}쪽`, `Page ${page} of ${pages} (${total} in all)`)}</p>
        </>
      )}
      <ol class="cards">
        {items.map((call) => (
          <CallRow
            view={view}
            call={call}
            today={shown.list.today}
            standing={standing}
            carry={carry}
            refused={shown.refused?.[call.check.value.id]}
          />
        ))}
      </ol>
      <Pagination page={page} total={total} form={`${name}-pages`} say={say} />
    </div>
  )
}

const Section = ({ id, title, count, children }: { readonly id: string; readonly title: string; readonly count: string; readonly children: ComponentChildren }) => (
  <section aria-labelledby={id}>
    <h2 id={id}>{title} <span class="krds-badge bg-light-primary">{count}</span></h2>
    {children}
  </section>
)

const Done = ({ view, shown }: { readonly view: View; readonly shown: Shown }) => {
  const { say, lang } = view
  const { page, pages, calls: items, total } = shown.list.done
  return (
    <div id="done-list" aria-live="polite">
      {pages === 1 ? null : <PagesForm view={view} shown={shown} name="done" />}
      {total === 0 ? <Empty>{say("아직 완료한 사후관리가 없습니다.", "No follow-up done yet.")}</Empty> : (
        <Table
          caption={say(
            `완료한 사후관리 (최근순, ${page}/${pages}쪽): 처리일, 구직자, 차수, 사업장, 기한, 방법과 결과`,
            `Follow-ups done (most recent first, page ${page} of ${pages}): date, seeker, check, employer, due, result`
          )}
          head={<>
            <th scope="col">{say("처리일", "Done on")}</th>
            <th scope="col">{say("구직자", "Seeker")}</th>
            <th scope="col">{say("차수", "Check")}</th>
            <th scope="col">{say("사업장", "Employer")}</th>
            <th scope="col">{say("기한", "Due")}</th>
            <th scope="col">{say("결과", "Result")}</th>
          </>}
        >
          {items.map(({ check: { value: c }, seeker, employer }) => (
            <tr>
              <td>{c.doneOn}{c.doneOn !== undefined && c.doneOn > c.dueOn ? say(" (기한 후)", " (late)") : ""}</td>
              <td><a href={href(view, `/seekers/${seeker.id}`)}>{seeker.name}</a></td>
              <td>{say(`${c.sequence}차`, `#${c.sequence}`)}</td>
              <td>{employer}</td>
              <td>{c.dueOn}</td>
              <td>
                {c.channel === undefined ? "" : FollowUp.channelLabel(c.channel, lang)}
                {c.outcome === undefined ? "" : ` · ${FollowUp.outcomeLabel(c.outcome, lang)}`}
                {c.notes === undefined ? null : <><br />{c.notes}</>}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={page} total={total} form="done-pages" say={say} />
    </div>
  )
}

const CounselorChoice = ({ view, whose }: { readonly view: View; readonly whose: Whose }) => {
  const { say } = view
  if (whose.counselors.length === 0) return null
  return (
    <form method="get" action={href(view, "/follow-ups")} class="filters" aria-label={say("상담사 선택", "Choose a counselor")}>
      <SelectField
        name="counselor"
        label={say("담당 상담사", "Counselor")}
        value={whose.counselorId}
        choices={whose.counselors.map((c) => ({ value: c.id, label: c.active ? c.name : say(`${c.name} (비활성)`, `${c.name} (inactive)`) }))}
      />
      <button type="submit" class="krds-btn secondary">{say("대장 보기", "Show ledger")}</button>
    </form>
  )
}

/** The month's ledger as a workbook: a GET form, since a month names no one. */
export const MonthDownload = ({ view, whose, month, problem }: {
  readonly view: View
  readonly whose: Whose
  readonly month: string
  readonly problem?: string | undefined
}) => {
  const { say } = view
  const id = "ledger-month"
  return (
    <form method="get" action={href(view, "/follow-ups/ledger.xlsx")} class="filters">
      {whose.chosen === undefined ? null : <input type="hidden" name="counselor" value={whose.chosen} />}
      <div class="form-group">
        <div class="form-tit"><label for={id}>{say("월", "Month")}</label></div>
        <div class={problem === undefined ? "form-conts" : "form-conts is-error"}>
          <input
            type="month"
            id={id}
            name="month"
            class="krds-input"
            value={month}
            required
            aria-describedby={problem === undefined ? `${id}-hint` : `${id}-hint ${id}-problem`}
            aria-invalid={problem === undefined ? undefined : true}
          />
        </div>
        <p class="form-hint" id={`${id}-hint`}>{say("예: 2026-12", "e.g. 2026-12")}</p>
        {problem === undefined ? null : <p class="form-hint-invalid" id={`${id}-problem`}>{problem}</p>}
      </div>
      <button type="submit" class="krds-btn secondary">{say("엑셀 내려받기", "Download Excel")}</button>
    </form>
  )
}

export const LedgerPage = ({ view, shown }: { readonly view: View; readonly shown: Shown }) => {
  const { say } = view
  const { list, whose } = shown
  const { upcoming, later } = list
  const own = whose.chosen === undefined
  const count = (n: number) => say(`${n}건`, String(n))
  return (
    <Page view={view} title={say("사후관리대장", "Follow-up ledger")}>
      {shown.notice === undefined ? null : <div class="notice success" role="status">{say(...notices[shown.notice])}</div>}
      {shown.alert === undefined ? null : <div class="notice error" role="alert">{shown.alert}</div>}
      {shown.refused === undefined || Object.keys(shown.refused).length === 0 ? null : (
        <div class="notice error" role="alert">
          {say("기록하지 못한 사후관리가 있습니다. 해당 줄의 안내를 확인하세요.", "A follow-up was not recorded; see the message at its row.")}
          {" "}{Object.keys(shown.refused).map((id) => <a href={`#${rowId(id)}`}>{say("해당 줄로 이동", "Go to the row")}</a>)}
        </div>
      )}
      {list.provisional === 0 ? null : (
        <div class="notice" role="note">
          {say(
            `기한 ${list.provisional}건은 관보 공휴일 목록이 아직 없는 해에 있어 공휴일 규칙으로 계산했습니다(잠정). 임시공휴일이 지정되면 기한을 확인하세요.`,
            `${list.provisional} due date${list.provisional === 1 ? " lies" : "s lie"} in a year the official holiday list does not cover yet and ${list.provisional === 1 ? "was" : "were"} computed from the holiday rules (provisional). Check ${list.provisional === 1 ? "it" : "them"} when a temporary holiday is declared.`
          )}
        </div>
      )}
      <CounselorChoice view={view} whose={whose} />
      <p>
        {own
          ? say(`${whose.name} 담당 사후관리 · 기준일 ${list.today}`, `${whose.name}'s follow-ups · as of ${list.today}`)
          : say(`${whose.name} 담당 사후관리 (관리자 열람) · 기준일 ${list.today}`, `${whose.name}'s follow-ups (manager's view) · as of ${list.today}`)}
      </p>
      <dl class="facts">
        <dt>{say("기한 준수율", "On-time rate")}</dt><dd>{percent(list.onTimeRate)}</dd>
        <dt>{say("오늘 할 전화", "Due today")}</dt><dd>{count(list.dueToday.total)}</dd>
        <dt>{say("지연", "Overdue")}</dt><dd>{count(list.overdue.total)}</dd>
        <dt>{say("예정", "Upcoming")}</dt><dd>{count(list.upcoming.total + later)}</dd>
        <dt>{say("완료", "Done")}</dt><dd>{count(list.done.total)}</dd>
      </dl>

      <Section id="due-today" title={say("오늘 할 전화", "Calls due today")} count={count(list.dueToday.total)}>
        {list.dueToday.total === 0
          ? <Empty>{say("오늘 기한인 사후관리가 없습니다.", "No follow-up is due today.")}</Empty>
          : <Calls view={view} shown={shown} section={list.dueToday} standing="today" />}
      </Section>

      <Section id="overdue" title={say("지연", "Overdue")} count={count(list.overdue.total)}>
        {list.overdue.total === 0
          ? <Empty>{say("기한이 지난 사후관리가 없습니다.", "No follow-up is overdue.")}</Empty>
          : (
            <>
              <p class="form-hint">{say("기한이 가장 오래 지난 것부터 보여 줍니다.", "The longest overdue first.")}</p>
              <Calls view={view} shown={shown} section={list.overdue} standing="overdue" />
            </>
          )}
      </Section>

      <Section id="upcoming" title={say("예정", "Upcoming")} count={count(upcoming.total)}>
        <p class="form-hint">
          {say(
            `관리 기간이 시작되었거나 ${CaseFile.lookAheadDays}일 안에 기한인 사후관리입니다. 관리 기간 안에 미리 기록하면 기한 준수로 셉니다.`,
            `Checks whose window is open or due within ${CaseFile.lookAheadDays} days. Recording one early in its window counts as on time.`
          )}
        </p>
        {upcoming.total === 0
          ? <Empty>{say("곧 다가오는 사후관리가 없습니다.", "No follow-up coming up soon.")}</Empty>
          : <Calls view={view} shown={shown} section={upcoming} standing="upcoming" />}
        {later === 0 ? null : <p>{say(`그 뒤로 ${later}건이 더 예정되어 있습니다.`, `${later} more later.`)}</p>}
      </Section>

      <Section id="done-title" title={say("완료", "Done")} count={count(list.done.total)}>
        <Done view={view} shown={shown} />
      </Section>

      <section aria-labelledby="month-ledger">
        <h2 id="month-ledger">{say("월별 사후관리대장 내려받기", "Download a month's ledger")}</h2>
        <p class="form-hint">
          {say(
            "그 달에 기한인 사후관리를 엑셀 파일로 받습니다. 파일에는 개인정보가 있으니 업무용 PC에만 저장하고, 내려받기는 접속기록에 남습니다.",
            "The checks due in the month, as an Excel file. It holds personal data: keep it on office computers only; the download is logged."
          )}
        </p>
        <MonthDownload view={view} whose={whose} month={shown.month ?? list.today.slice(0, 7)} problem={shown.monthProblem} />
      </section>
    </Page>
  )
}
