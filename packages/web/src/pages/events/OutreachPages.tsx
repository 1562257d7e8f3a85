/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 찾아가는 일자리상담실: the month's sessions against the plan (by kind of
 * site), the sessions held, the form that records one once held, and a
 * session's page with the people it registered — each a link to their case
 * file — and the way to register the next one met there.
 */
import { Outreach, type Repositories } from "@iljari/core"
import { CheckGroup, type Choice, type Problems, ProblemSummary, SelectField, TextArea, TextField } from "../../ui/Fields.js"
import { CsrfField, Page } from "../../ui/Layout.js"
import { Empty, Table } from "../../ui/Lists.js"
import { href, type View } from "../../ui/View.js"
import type { EventNames } from "./Names.js"
import { Tabs } from "./Tabs.js"

type Session = Repositories.Versioned<Outreach.Session>

const siteText = (view: View, session: Outreach.Session) => `${Outreach.siteKindLabel(session.site, view.lang)} · ${session.siteName}`

export const OutreachList = ({ view, month, progress, sessions }: {
  readonly view: View
  readonly month: string
  readonly progress: Outreach.Progress
  readonly sessions: ReadonlyArray<Session>
}) => {
  const { say, lang } = view
  return (
    <Page view={view} title={say("찾아가는 상담·기업탐방·심리검사", "Outreach, discovery visits and tests")}>
      <Tabs view={view} current="outreach" />
      <p><a class="krds-btn primary" href={href(view, "/events/outreach/new")}>{say("찾아가는 상담 기록", "Record an outreach session")}</a></p>
      <form method="get" action={href(view, "/events/outreach")} class="filters">
        <TextField name="month" label={say("월", "Month")} value={month} hint={say("예: 2026-05", "e.g. 2026-05")} />
        <button type="submit" class="krds-btn secondary">{say("보기", "Show")}</button>
      </form>
      <h2>{say(`${month} 운영 계획 대비 실적`, `${month} against the plan`)}</h2>
      <p class={progress.met ? "notice success" : "notice"}>
        {progress.planned === 0
          ? say("이 달은 계획된 상담이 없습니다.", "Nothing is planned this month.")
          : progress.met
          ? say(`계획 ${progress.planned}회를 모두 했습니다.`, `All ${progress.planned} planned sessions held.`)
          : say(`계획 ${progress.planned}회 중 ${progress.held}회를 했습니다.`, `${progress.held} of ${progress.planned} planned sessions held.`)}
        {" "}{say(`상담 ${progress.counselled}명, 구직 등록 ${progress.registrations}명.`, `${progress.counselled} counselled, ${progress.registrations} registered.`)}
      </p>
      <Table caption={say(`${month} 장소별 실적`, `${month} by kind of site`)} head={<>
        <th scope="col">{say("장소", "Site")}</th>
        <th scope="col">{say("계획", "Planned")}</th>
        <th scope="col">{say("실시", "Held")}</th>
        <th scope="col">{say("부족", "Short")}</th>
      </>}>
        {progress.bySite.map((row) => (
          <tr>
            <th scope="row">{Outreach.siteKindLabel(row.site, lang)}</th>
            <td class="ar">{row.planned}</td>
            <td class="ar">{row.held}</td>
            <td class="ar">{row.shortfall}</td>
          </tr>
        ))}
      </Table>
      <h2>{say("상담 기록", "Sessions held")}</h2>
      {sessions.length === 0 ? <Empty>{say("아직 기록한 찾아가는 상담이 없습니다.", "No outreach session recorded yet.")}</Empty> : (
        <Table caption={say("찾아가는 상담 목록", "Outreach sessions")} head={<>
          <th scope="col">{say("날짜", "Day")}</th>
          <th scope="col">{say("장소", "Site")}</th>
          <th scope="col">{say("상담", "Counselled")}</th>
          <th scope="col">{say("구직 등록", "Registered")}</th>
        </>}>
          {sessions.map(({ value: s }) => (
            <tr>
              <td><a href={href(view, `/events/outreach/${s.id}`)}>{s.heldOn}</a></td>
              <td>{siteText(view, s)}</td>
              <td class="ar">{s.counselled}</td>
              <td class="ar">{s.registeredSeekerIds.length}</td>
            </tr>
          ))}
        </Table>
      )}
    </Page>
  )
}

/** The session form's values as typed (kept when refused). */
export interface OutreachValues {
  readonly heldOn: string
  readonly site: string
  readonly siteName: string
  readonly counselorIds: ReadonlyArray<string>
  readonly counselled: string
  readonly notes: string
}

export const outreachLabels = (view: View): Record<string, string> => ({
  heldOn: view.say("상담일", "Day held"),
  site: view.say("장소 유형", "Kind of site"),
  siteName: view.say("장소 이름", "Site name"),
  counselorIds: view.say("참여 상담사", "Counselors"),
  counselled: view.say("상담 인원", "People counselled"),
  notes: view.say("메모", "Notes")
})

export const OutreachForm = ({ view, values, counselors, problems }: {
  readonly view: View
  readonly values: OutreachValues
  readonly counselors: ReadonlyArray<Choice>
  readonly problems: Problems
}) => {
  const { say, lang } = view
  const labels = outreachLabels(view)
  return (
    <Page view={view} title={say("찾아가는 상담 기록", "Record an outreach session")}>
      <ProblemSummary problems={problems} labels={labels} title={say(`${Object.keys(problems).length}개 항목을 고쳐 주세요`, `Fix ${Object.keys(problems).length} field(s)`)} />
      <form method="post" action={href(view, "/events/outreach")} novalidate>
        <CsrfField view={view} />
        <TextField name="heldOn" type="date" label={labels["heldOn"]!} value={values.heldOn} required problems={problems} hint={say("한 뒤에 기록합니다.", "Recorded once held.")} />
        <SelectField name="site" label={labels["site"]!} value={values.site} required problems={problems} empty={say("선택", "Choose")}
          choices={Outreach.SiteKind.literals.map((site) => ({ value: site, label: Outreach.siteKindLabel(site, lang) }))} />
        <TextField name="siteName" label={labels["siteName"]!} value={values.siteName} required problems={problems} hint={say("예: 왕십리역", "e.g. 왕십리역")} />
        <CheckGroup name="counselorIds" label={labels["counselorIds"]!} values={values.counselorIds} choices={counselors} problems={problems} />
        <TextField name="counselled" type="number" inputmode="numeric" label={labels["counselled"]!} value={values.counselled} required problems={problems} />
        <TextArea name="notes" label={labels["notes"]!} value={values.notes} problems={problems} hint={say("주민등록번호 등 고유식별정보는 적지 마세요.", "Do not write resident registration numbers.")} />
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{say("기록", "Record")}</button>
          <a class="krds-btn tertiary large" href={href(view, "/events/outreach")}>{say("취소", "Cancel")}</a>
        </div>
      </form>
    </Page>
  )
}

export const OutreachPage = ({ view, session, names, notice }: {
  readonly view: View
  readonly session: Session
  readonly names: EventNames
  readonly notice?: string | undefined
}) => {
  const { say } = view
  const s = session.value
  return (
    <Page view={view} title={say(`${s.heldOn} ${s.siteName} 찾아가는 상담`, `Outreach at ${s.siteName}, ${s.heldOn}`)}>
      <Tabs view={view} current="outreach" />
      {notice === undefined ? null : <p class="notice success" role="status">{notice}</p>}
      <dl class="facts-grid">
        <div><dt>{say("장소", "Site")}</dt><dd>{siteText(view, s)}</dd></div>
        <div><dt>{say("참여 상담사", "Counselors")}</dt><dd>{s.counselorIds.map((id) => names.counselor(id)).join(", ")}</dd></div>
        <div><dt>{say("상담 인원", "People counselled")}</dt><dd>{s.counselled}</dd></div>
        <div><dt>{say("구직 등록", "Registered")}</dt><dd>{s.registeredSeekerIds.length}</dd></div>
        {s.notes === undefined ? null : <div><dt>{say("메모", "Notes")}</dt><dd>{s.notes}</dd></div>}
      </dl>
      <h2 id="registered">{say("이 상담에서 등록한 구직자", "Seekers registered here")}</h2>
      <p><a class="krds-btn primary" href={href(view, `/events/outreach/${s.id}/seekers/new`)}>{say("만난 사람을 구직자로 등록", "Register a person met here")}</a></p>
      {s.registeredSeekerIds.length === 0 ? <Empty>{say("아직 등록한 구직자가 없습니다.", "No one registered here yet.")}</Empty> : (
        <ul>
          {s.registeredSeekerIds.map((id) => <li><a href={href(view, `/seekers/${id}`)}>{names.seeker(id)}</a></li>)}
        </ul>
      )}
    </Page>
  )
}
