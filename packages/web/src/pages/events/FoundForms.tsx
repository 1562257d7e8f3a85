/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * Registering what an event found, on the event: a person met at an
 * outreach session or signed up for a test (the seeker's registration form),
 * and an employer a discovery visit found (the employer's form and the
 * positions it offers). A person or business registered before is offered
 * as is — recorded on the event instead of registered twice.
 */
import type { ComponentChildren } from "preact"
import { type Problems, ProblemSummary, TextField } from "../../ui/Fields.js"
import { CsrfField, Page } from "../../ui/Layout.js"
import { href, type View } from "../../ui/View.js"
import * as EmployerForm from "../employers/EmployerForm.js"
import { labels as seekerLabels, SeekerFields, type Values as SeekerValues } from "../seekers/SeekerForm.js"

/** The event a registration is for: what it is called, where it is, where its forms post. */
export interface EventAt {
  /** The event's page, e.g. `/events/outreach/outreach-0003`. */
  readonly path: string
  /** e.g. "2026-05-02 왕십리역 찾아가는 상담" */
  readonly name: string
}

// The record registered before, offered to be recorded on the event instead.
const Existing = ({ view, event, action, field, id, children }: {
  readonly view: View
  readonly event: EventAt
  readonly action: string
  readonly field: string
  readonly id: string
  readonly children: ComponentChildren
}) => (
  <div class="notice error" role="alert">
    <p>{children}</p>
    <form method="post" action={href(view, `${event.path}/${action}`)} class="inline-form">
      <CsrfField view={view} />
      <input type="hidden" name={field} value={id} />
      <button type="submit" class="krds-btn secondary">{view.say("기존 기록을 이 활동에 추가", "Add the existing record to this event")}</button>
    </form>
  </div>
)

export const RegisterSeekerPage = ({ view, event, values, problems, duplicate }: {
  readonly view: View
  readonly event: EventAt
  readonly values: SeekerValues
  readonly problems: Problems
  readonly duplicate?: string | undefined
}) => {
  const { say } = view
  return (
    <Page view={view} title={say("구직자 등록", "Register a seeker")}>
      <p>{say(`${event.name}에서 만난 사람을 구직자로 등록하고 이 활동의 등록 실적으로 기록합니다.`, `Registers a person met at ${event.name} as a seeker, counted as this event's registration.`)}</p>
      {duplicate === undefined ? null : (
        <Existing view={view} event={event} action="seekers/existing" field="seekerId" id={duplicate}>
          {say("이미 등록된 구직자와 이름·연락처 또는 이름·생년월일이 같습니다. 새로 등록하지 말고 기존 기록을 이 활동에 추가하세요. ", "A seeker with the same name and phone, or name and birth date, is registered already; add that record to this event instead. ")}
          <a href={href(view, `/seekers/${duplicate}`)}>{say("기존 기록 열기", "Open the existing record")}</a>
        </Existing>
      )}
      <ProblemSummary problems={problems} labels={seekerLabels(say)} title={say(`${Object.keys(problems).length}개 항목을 고쳐 주세요`, `Fix ${Object.keys(problems).length} field(s)`)} />
      <form method="post" action={href(view, `${event.path}/seekers`)} novalidate>
        <CsrfField view={view} />
        <SeekerFields view={view} values={values} problems={problems} registering />
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{say("등록", "Register")}</button>
          <a class="krds-btn tertiary large" href={href(view, event.path)}>{say("취소", "Cancel")}</a>
        </div>
      </form>
    </Page>
  )
}

export const RegisterEmployerPage = ({ view, event, values, positions, problems, duplicate }: {
  readonly view: View
  readonly event: EventAt
  readonly values: EmployerForm.Values
  readonly positions: string
  readonly problems: Problems
  /** The id of the employer registered before with the same business number. */
  readonly duplicate?: string | undefined
}) => {
  const { say } = view
  const labels = { ...EmployerForm.labels(say), positions: say("채용 예정 인원", "Positions offered") }
  return (
    <Page view={view} title={say("발굴 기업 등록", "Register an employer found")}>
      <p>{say(`${event.name}에서 발굴한 기업을 구인업체로 등록하고 채용 예정 인원과 함께 방문 실적으로 기록합니다.`, `Registers an employer found at ${event.name}, recorded with its positions on the visit.`)}</p>
      {duplicate === undefined ? null : (
        <div class="notice error" role="alert">
          <p>
            {say("사업자등록번호가 같은 구인업체가 이미 있습니다. 새로 등록하지 말고 기존 업체를 이 방문에 추가하세요. ", "An employer with this business number is registered already; add it to this visit instead. ")}
            <a href={href(view, `/employers/${duplicate}`)}>{say("기존 업체 열기", "Open the existing employer")}</a>
          </p>
          <form method="post" action={href(view, `${event.path}/employers/existing`)} class="inline-form">
            <CsrfField view={view} />
            <input type="hidden" name="employerId" value={duplicate} />
            <input type="hidden" name="positions" value={positions} />
            <button type="submit" class="krds-btn secondary">{say("기존 업체를 이 방문에 추가", "Add the existing employer to this visit")}</button>
          </form>
        </div>
      )}
      <ProblemSummary problems={problems} labels={labels} title={say(`${Object.keys(problems).length}개 항목을 고쳐 주세요`, `Fix ${Object.keys(problems).length} field(s)`)} />
      <form method="post" action={href(view, `${event.path}/employers`)} novalidate>
        <CsrfField view={view} />
        <TextField name="positions" type="number" inputmode="numeric" label={labels.positions} value={positions} required problems={problems} hint={say("이 방문에서 확인한 채용 예정 인원", "The positions the employer said it would fill")} />
        <EmployerForm.EmployerFields view={view} values={values} problems={problems} />
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{say("등록", "Register")}</button>
          <a class="krds-btn tertiary large" href={href(view, event.path)}>{say("취소", "Cancel")}</a>
        </div>
      </form>
    </Page>
  )
}
