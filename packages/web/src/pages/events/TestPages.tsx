/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 직업심리검사: the sessions with their outcomes (registered, attended,
 * results delivered, followed up), the form that schedules one, and a
 * session's page: its participants — a seeker found by name, or a person
 * registered as a seeker on the spot — within its capacity, each one's
 * attendance and result, and the result delivered to them alone.
 */
import { Codes, PsychTest, type Repositories } from "@iljari/core"
import { type Problems, ProblemSummary, SelectField, TextField } from "../../ui/Fields.js"
import { CsrfField, Page } from "../../ui/Layout.js"
import { Empty, Table } from "../../ui/Lists.js"
import { href, type View } from "../../ui/View.js"
import type { NameSearch } from "../seekers/NameSearch.js"
import { SeekerFinder } from "../seekers/SeekerFinder.js"
import type { EventNames } from "./Names.js"
import { Tabs } from "./Tabs.js"

type Session = Repositories.Versioned<PsychTest.Session>
type Participant = Repositories.Versioned<PsychTest.Participant>

export const sessionName = (view: View, s: PsychTest.Session) => `${s.heldOn} ${PsychTest.kindLabel(s.kind, view.lang)}`

export const TestList = ({ view, sessions, outcomes }: {
  readonly view: View
  readonly sessions: ReadonlyArray<Session>
  readonly outcomes: ReadonlyArray<PsychTest.Outcome>
}) => {
  const { say } = view
  const none: PsychTest.Outcome = { key: "", registered: 0, attended: 0, delivered: 0, followedUp: 0 }
  const sorted = [...sessions].sort((a, b) => b.value.heldOn.localeCompare(a.value.heldOn))
  return (
    <Page view={view} title={say("찾아가는 상담·기업탐방·심리검사", "Outreach, discovery visits and tests")}>
      <Tabs view={view} current="tests" />
      <p><a class="krds-btn primary" href={href(view, "/events/tests/new")}>{say("심리검사 일정 등록", "Schedule a test session")}</a></p>
      {sorted.length === 0 ? <Empty>{say("아직 등록한 심리검사가 없습니다.", "No test session yet.")}</Empty> : (
        <Table caption={say("심리검사 목록", "Test sessions")} head={<>
          <th scope="col">{say("검사", "Session")}</th>
          <th scope="col">{say("장소", "Venue")}</th>
          <th scope="col">{say("정원", "Capacity")}</th>
          <th scope="col">{say("신청", "Registered")}</th>
          <th scope="col">{say("응시", "Sat")}</th>
          <th scope="col">{say("결과 전달", "Delivered")}</th>
          <th scope="col">{say("후속 상담·알선", "Followed up")}</th>
        </>}>
          {sorted.map(({ value: s }) => {
            const o = outcomes.find((x) => x.key === s.id) ?? none
            return (
              <tr>
                <td><a href={href(view, `/events/tests/${s.id}`)}>{sessionName(view, s)}</a></td>
                <td>{s.venue}</td>
                <td class="ar">{s.capacity}</td>
                <td class="ar">{o.registered}</td>
                <td class="ar">{o.attended}</td>
                <td class="ar">{o.delivered}</td>
                <td class="ar">{o.followedUp}</td>
              </tr>
            )
          })}
        </Table>
      )}
    </Page>
  )
}

/** The session form's values as typed (kept when refused). */
export type TestValues = Readonly<Record<"kind" | "heldOn" | "venue" | "partner" | "targetGroup" | "capacity", string>>

export const testLabels = (view: View): Record<string, string> => ({
  kind: view.say("검사 종류", "Test"),
  heldOn: view.say("검사일", "Day"),
  venue: view.say("장소", "Venue"),
  partner: view.say("협력 기관", "Partner"),
  targetGroup: view.say("대상", "Target group"),
  capacity: view.say("정원", "Capacity")
})

export const TestForm = ({ view, values, problems }: { readonly view: View; readonly values: TestValues; readonly problems: Problems }) => {
  const { say, lang } = view
  const labels = testLabels(view)
  return (
    <Page view={view} title={say("심리검사 일정 등록", "Schedule a test session")}>
      <ProblemSummary problems={problems} labels={labels} title={say(`${Object.keys(problems).length}개 항목을 고쳐 주세요`, `Fix ${Object.keys(problems).length} field(s)`)} />
      <form method="post" action={href(view, "/events/tests")} novalidate>
        <CsrfField view={view} />
        <SelectField name="kind" label={labels["kind"]!} value={values.kind} required problems={problems} empty={say("선택", "Choose")}
          choices={PsychTest.Kind.literals.map((k) => ({ value: k, label: PsychTest.kindLabel(k, lang) }))} />
        <TextField name="heldOn" type="date" label={labels["heldOn"]!} value={values.heldOn} required problems={problems} />
        <TextField name="venue" label={labels["venue"]!} value={values.venue} required problems={problems} hint={say("예: 센터 교육장", "e.g. the center's classroom")} />
        <TextField name="partner" label={labels["partner"]!} value={values.partner} problems={problems} hint={say("예: 육군 제00사단", "e.g. an army division")} />
        <SelectField name="targetGroup" label={labels["targetGroup"]!} value={values.targetGroup} problems={problems} empty={say("누구나", "Anyone")}
          choices={Codes.TargetGroup.literals.map((t) => ({ value: t, label: Codes.targetGroupLabel(t, lang) }))} />
        <TextField name="capacity" type="number" inputmode="numeric" label={labels["capacity"]!} value={values.capacity} required problems={problems} />
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{say("등록", "Schedule")}</button>
          <a class="krds-btn tertiary large" href={href(view, "/events/tests")}>{say("취소", "Cancel")}</a>
        </div>
      </form>
    </Page>
  )
}

const deliveryLabel = (view: View, by: PsychTest.Delivery) => by === "email" ? view.say("이메일", "E-mail") : view.say("1:1 대면", "In person")

// A participant's row: attendance and result (one form), then delivery once a result is in.
const ParticipantRow = ({ view, session, participant, names }: {
  readonly view: View
  readonly session: PsychTest.Session
  readonly participant: Participant
  readonly names: EventNames
}) => {
  const { say } = view
  const p = participant.value
  const name = names.seeker(p.seekerId)
  const action = (step: string) => href(view, `/events/tests/${session.id}/participants/${p.id}/${step}`)
  return (
    <tr>
      <th scope="row"><a href={href(view, `/seekers/${p.seekerId}`)}>{name}</a></th>
      <td>
        <form method="post" action={action("result")} class="fair-result">
          <CsrfField view={view} />
          <input type="hidden" name="version" value={String(participant.version)} />
          <label class="visually-hidden" for={`attended-${p.id}`}>{say(`${name} 응시 여부`, `Whether ${name} sat the test`)}</label>
          <select id={`attended-${p.id}`} name="attended" class="krds-form-select">
            <option value="true" selected={p.attended}>{say("응시", "Sat")}</option>
            <option value="false" selected={!p.attended}>{say("불참", "Absent")}</option>
          </select>
          <label class="visually-hidden" for={`result-${p.id}`}>{say(`${name} 검사 결과`, `${name}'s result`)}</label>
          <input id={`result-${p.id}`} name="result" class="krds-input" value={p.result ?? ""} placeholder={say("결과 요약", "Result summary")} />
          <button type="submit" class="krds-btn secondary">{say("저장", "Save")}</button>
        </form>
      </td>
      <td>
        {p.deliveredOn !== undefined
          ? say(`${p.deliveredOn} ${deliveryLabel(view, p.deliveredBy ?? "in-person")} 전달`, `Delivered ${p.deliveredOn}, ${deliveryLabel(view, p.deliveredBy ?? "in-person")}`)
          : p.result === undefined
          ? say("결과 입력 후 전달", "After the result")
          : (
            <form method="post" action={action("delivery")} class="fair-result">
              <CsrfField view={view} />
              <input type="hidden" name="version" value={String(participant.version)} />
              <button type="submit" name="by" value="in-person" class="krds-btn secondary">{say("1:1 대면 전달", "Delivered in person")}</button>
              <button type="submit" name="by" value="email" class="krds-btn tertiary">{say("이메일 전달", "Send by e-mail")}</button>
            </form>
          )}
      </td>
    </tr>
  )
}

export const TestPage = ({ view, session, participants, names, search, notice, problem }: {
  readonly view: View
  readonly session: Session
  readonly participants: ReadonlyArray<Participant>
  readonly names: EventNames
  /** The name asked for a participant, and who was found. */
  readonly search: NameSearch | undefined
  readonly notice?: string | undefined
  readonly problem?: string | undefined
}) => {
  const { say, lang } = view
  const s = session.value
  const left = s.capacity - participants.length
  const registered = new Set(participants.map((p) => p.value.seekerId as string))
  return (
    <Page view={view} title={say(`${sessionName(view, s)} 심리검사`, `${sessionName(view, s)} test session`)}>
      <Tabs view={view} current="tests" />
      {notice === undefined ? null : <p class="notice success" role="status">{notice}</p>}
      {problem === undefined ? null : <p class="notice error" role="alert">{problem}</p>}
      <dl class="facts-grid">
        <div><dt>{say("장소", "Venue")}</dt><dd>{s.venue}</dd></div>
        {s.partner === undefined ? null : <div><dt>{say("협력 기관", "Partner")}</dt><dd>{s.partner}</dd></div>}
        {s.targetGroup === undefined ? null : <div><dt>{say("대상", "Target group")}</dt><dd>{Codes.targetGroupLabel(s.targetGroup, lang)}</dd></div>}
        <div><dt>{say("정원", "Capacity")}</dt><dd>{say(`${s.capacity}명 (남은 자리 ${left}명)`, `${s.capacity} (${left} places left)`)}</dd></div>
      </dl>
      <h2 id="participants">{say("참가자", "Participants")}</h2>
      {participants.length === 0 ? <Empty>{say("아직 참가자가 없습니다.", "No participant yet.")}</Empty> : (
        <Table caption={say("참가자와 결과", "Participants and results")} head={<>
          <th scope="col">{say("이름", "Name")}</th>
          <th scope="col">{say("응시·결과", "Sat and result")}</th>
          <th scope="col">{say("결과 전달", "Delivery")}</th>
        </>}>
          {participants.map((p) => <ParticipantRow view={view} session={s} participant={p} names={names} />)}
        </Table>
      )}
      <h2 id="register">{say("참가자 등록", "Register a participant")}</h2>
      {left <= 0 ? <p class="notice">{say("정원이 찼습니다.", "The session is full.")}</p> : (
        <>
          <SeekerFinder
            view={view}
            action={href(view, `/events/tests/${s.id}/find`)}
            label={say("등록된 구직자 이름", "A registered seeker's name")}
            search={search}
            pick={(seeker) => (
              <form method="post" action={href(view, `/events/tests/${s.id}/participants`)} class="inline-form">
                <CsrfField view={view} />
                <input type="hidden" name="seekerId" value={seeker.id} />
                {`${seeker.label} `}
                {registered.has(seeker.id)
                  ? say("신청함", "Registered")
                  : <button type="submit" class="krds-btn secondary small">{say(`${seeker.name} 등록`, `Register ${seeker.name}`)}</button>}
              </form>
            )}
          />
          <p><a class="krds-btn tertiary" href={href(view, `/events/tests/${s.id}/seekers/new`)}>{say("처음 온 사람을 구직자로 등록하고 신청", "Register a newcomer as a seeker and sign them up")}</a></p>
        </>
      )}
    </Page>
  )
}

