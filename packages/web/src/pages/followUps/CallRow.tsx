/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * One follow-up call of the ledger (사후관리대장): whom to call (the name
 * links to the case file, the number is a `tel:` link), at which employer,
 * which check and how late — and beside it a small form that records the
 * call in one step. With htmx the form replaces only its own row, by the
 * row's recorded state or by the refused form with the input kept.
 *
 * Each row's fields carry the row's id in theirs, so that every label names
 * its own input on a page of many rows.
 */
import { type CaseFile, FollowUp, LocalDate } from "@iljari/core"
import type { ComponentChildren } from "preact"
import type { Problems } from "../../ui/Fields.js"
import { CsrfField } from "../../ui/Layout.js"
import { href, type View } from "../../ui/View.js"

/** Where a call stands on the ledger's day. */
export type Standing = "today" | "overdue" | "upcoming"

/** What the person typed, kept after a refusal. */
export interface Input {
  readonly doneOn?: string | undefined
  readonly channel?: string | undefined
  readonly outcome?: string | undefined
  readonly notes?: string | undefined
}

/** A refused form at its row: the input, each field's rule, and the row's message. */
export interface Refused {
  readonly input: Input
  readonly problems: Problems
  readonly message?: string | undefined
}

export const rowId = (checkId: string) => `call-${checkId.replace(/[^a-zA-Z0-9_-]/g, "-")}`

/** `tel:` wants the digits (and a leading +) only. */
export const telOf = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, "")}`

/** Hidden fields a form carries (the counselor a manager chose, the pages shown). */
export const Hidden = ({ fields }: { readonly fields: ReadonlyArray<readonly [string, string]> }) => (
  <>{fields.map(([name, value]) => <input type="hidden" name={name} value={value} />)}</>
)

/** Whether a check's window is open, so that it may be recorded. */
export const isOpen = (check: FollowUp.Check, today: string) => check.windowStart <= today

const channelOrder: ReadonlyArray<FollowUp.Channel> = ["phone", "sms", "email", "visit", "workplace-visit", "messenger"]

const Who = ({ view, call }: { readonly view: View; readonly call: CaseFile.Call }) => {
  const { say } = view
  const c = call.check.value
  return (
    <>
      <h3>
        <a href={href(view, `/seekers/${call.seeker.id}`)}>{call.seeker.name}</a>
        {" "}<span class="krds-badge bg-light-gray">{say(`${c.sequence}차`, `Check ${c.sequence}`)}</span>
      </h3>
      <p>
        {call.seeker.phone === undefined
          ? say("전화번호 없음", "No phone number")
          : <a href={telOf(call.seeker.phone)}>{call.seeker.phone}</a>}
        {call.employer === "" ? null : ` · ${call.employer}`}
      </p>
    </>
  )
}

const When = ({ view, check, today, standing }: { readonly view: View; readonly check: FollowUp.Check; readonly today: string; readonly standing: Standing }) => {
  const { say } = view
  const day = today as LocalDate.LocalDate
  const late = LocalDate.daysBetween(check.dueOn, day)
  const until = LocalDate.daysBetween(day, check.dueOn)
  return (
    <p>
      {say(`기한 ${check.dueOn}`, `Due ${check.dueOn}`)}
      {check.provisional === true ? say(" (잠정)", " (provisional)") : null}
      {standing === "overdue" ? <>{" "}<strong class="krds-badge bg-danger">{say(`${late}일 지연`, `${late} day${late === 1 ? "" : "s"} late`)}</strong></> : null}
      {standing === "today" ? <>{" "}<strong class="krds-badge bg-warning">{say("오늘 기한", "Due today")}</strong></> : null}
      {standing === "upcoming" ? ` (${say(`${until}일 남음`, `in ${until} day${until === 1 ? "" : "s"}`)})` : null}
      <br />
      <span class="form-hint">
        {say(`관리 기간 ${check.windowStart} ~ ${check.windowEnd}`, `Window ${check.windowStart} to ${check.windowEnd}`)}
      </span>
    </p>
  )
}

const Field = ({ id, label, problem, children }: {
  readonly id: string
  readonly label: string
  readonly problem: string | undefined
  readonly children: ComponentChildren
}) => (
  <div class="form-group">
    <div class="form-tit"><label for={id}>{label}</label></div>
    <div class={problem === undefined ? "form-conts" : "form-conts is-error"}>{children}</div>
    {problem === undefined ? null : <p class="form-hint-invalid" id={`${id}-problem`}>{problem}</p>}
  </div>
)

const RecordForm = ({ view, call, today, carry, refused }: {
  readonly view: View
  readonly call: CaseFile.Call
  readonly today: string
  readonly carry: ReadonlyArray<readonly [string, string]>
  readonly refused: Refused | undefined
}) => {
  const { say, lang } = view
  const c = call.check.value
  const row = rowId(c.id)
  const input = refused?.input ?? {}
  const problems = refused?.problems ?? {}
  const attrs = (name: keyof Input) => ({
    id: `${row}-${name}`,
    name,
    "aria-invalid": problems[name] === undefined ? undefined : true,
    "aria-describedby": problems[name] === undefined ? undefined : `${row}-${name}-problem`
  })
  const action = href(view, `/follow-ups/${c.id}`)
  return (
    <form
      method="post"
      action={action}
      hx-post={action}
      hx-target={`#${row}`}
      hx-swap="outerHTML"
      aria-label={say(`${call.seeker.name} ${c.sequence}차 사후관리 결과 기록`, `Record check ${c.sequence} of ${call.seeker.name}`)}
      novalidate
    >
      <CsrfField view={view} />
      <input type="hidden" name="version" value={String(call.check.version)} />
      <Hidden fields={carry} />
      <div class="filters">
        <Field id={`${row}-outcome`} label={say("결과", "Outcome")} problem={problems["outcome"]}>
          <select {...attrs("outcome")} class="krds-form-select" required>
            <option value="">{say("선택", "Choose")}</option>
            {FollowUp.Outcome.literals.map((o) => <option value={o} selected={o === input.outcome}>{FollowUp.outcomeLabel(o, lang)}</option>)}
          </select>
        </Field>
        <Field id={`${row}-channel`} label={say("방법", "Channel")} problem={problems["channel"]}>
          <select {...attrs("channel")} class="krds-form-select" required>
            {channelOrder.map((ch) => <option value={ch} selected={ch === (input.channel ?? "phone")}>{FollowUp.channelLabel(ch, lang)}</option>)}
          </select>
        </Field>
        <Field id={`${row}-doneOn`} label={say("처리일", "Done on")} problem={problems["doneOn"]}>
          <input {...attrs("doneOn")} type="date" class="krds-input" value={input.doneOn ?? today} min={c.windowStart} max={today} required />
        </Field>
        <Field id={`${row}-notes`} label={say("메모 (선택)", "Notes (optional)")} problem={problems["notes"]}>
          <input {...attrs("notes")} type="text" class="krds-input" value={input.notes ?? ""} autocomplete="off" />
        </Field>
        <button type="submit" class="krds-btn primary">
          {say("기록", "Record")}
          <span class="visually-hidden">{say(` ${call.seeker.name} ${c.sequence}차`, ` check ${c.sequence} of ${call.seeker.name}`)}</span>
        </button>
      </div>
    </form>
  )
}

/** A call to make: who, when, and the form (once the check's window is open). */
export const CallRow = ({ view, call, today, standing, carry, refused, focus }: {
  readonly view: View
  readonly call: CaseFile.Call
  readonly today: string
  readonly standing: Standing
  /** What the form keeps of the page: the counselor a manager chose, the pages shown. */
  readonly carry: ReadonlyArray<readonly [string, string]>
  readonly refused?: Refused | undefined
  /** For an htmx swap: move the focus to the row's message. */
  readonly focus?: boolean
}) => {
  const { say } = view
  const c = call.check.value
  return (
    <li id={rowId(c.id)} class="card">
      <Who view={view} call={call} />
      <When view={view} check={c} today={today} standing={standing} />
      {refused === undefined ? null : (
        <div class="notice error" role="alert" tabindex={-1} autofocus={focus === true ? true : undefined}>
          {refused.message ?? say("입력한 내용을 확인해 주세요. 기록하지 않았습니다.", "Check what you entered; nothing was recorded.")}
        </div>
      )}
      {isOpen(c, today)
        ? <RecordForm view={view} call={call} today={today} carry={carry} refused={refused} />
        : <p class="form-hint">{say(`${c.windowStart}부터 기록할 수 있습니다.`, `Can be recorded from ${c.windowStart}.`)}</p>}
    </li>
  )
}

/** What a done check found: `2026-12-05 전화 · 재직 중`. */
export const resultText = (view: View, check: FollowUp.Check) =>
  check.doneOn === undefined || check.channel === undefined || check.outcome === undefined
    ? ""
    : `${check.doneOn} ${FollowUp.channelLabel(check.channel, view.lang)} · ${FollowUp.outcomeLabel(check.outcome, view.lang)}`

/** A call just recorded (the row htmx swaps in), or one found recorded already. */
export const RecordedRow = ({ view, call, message, problem, focus, reemployment }: {
  readonly view: View
  readonly call: CaseFile.Call
  /** Why the row did not take the form: it was recorded before. */
  readonly problem?: string | undefined
  readonly message?: string | undefined
  readonly focus?: boolean
  readonly reemployment?: boolean
}) => {
  const { say } = view
  const c = call.check.value
  const late = c.doneOn !== undefined && c.doneOn > c.dueOn
  return (
    <li id={rowId(c.id)} class="card">
      <Who view={view} call={call} />
      <p>
        <strong class={late ? "krds-badge bg-warning" : "krds-badge bg-success"}>
          {late ? say("완료 (기한 후)", "Done (late)") : say("완료", "Done")}
        </strong>
        {` ${resultText(view, c)}`}
      </p>
      {c.notes === undefined ? null : <p>{c.notes}</p>}
      {problem === undefined
        ? (
          <div class="notice success" role="status" tabindex={-1} autofocus={focus === true ? true : undefined}>
            {message ?? say("기록했습니다.", "Recorded.")}
            {reemployment === true
              ? say(
                " 퇴사로 기록하여 재취업 지원 안내 문자를 보내고, 이 취업의 남은 사후관리는 취소했습니다.",
                " Recorded as quit: the re-employment support message is queued and the job's later checks are cancelled."
              )
              : null}
          </div>
        )
        : <div class="notice error" role="alert" tabindex={-1} autofocus={focus === true ? true : undefined}>{problem}</div>}
    </li>
  )
}

/** A later check of a job the seeker quit: swapped in beside the recorded row (htmx out of band). */
export const CancelledRow = ({ view, call, outOfBand, problem }: {
  readonly view: View
  readonly call: CaseFile.Call
  readonly outOfBand?: boolean
  /** Why the row did not take the form (an htmx answer: the focus moves to it). */
  readonly problem?: string | undefined
}) => {
  const { say } = view
  const c = call.check.value
  return (
    <li id={rowId(c.id)} class="card" hx-swap-oob={outOfBand === true ? "outerHTML" : undefined}>
      <Who view={view} call={call} />
      <p>
        <strong class="krds-badge bg-light-gray">{say("취소", "Cancelled")}</strong>
        {say(" 앞 차수에서 퇴사로 기록되어 더 이상 관리하지 않습니다.", " The seeker quit at an earlier check; no longer due.")}
      </p>
      {problem === undefined ? null : <div class="notice error" role="alert" tabindex={-1} autofocus>{problem}</div>}
    </li>
  )
}
