/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * A seeker's page (상담 카드): the profile, the counseling log with a form to
 * add to it, explained matches with a "refer" action (loaded after the page,
 * since ranking may rebuild the index), the referral timeline, placements,
 * follow-up checks and the messages sent.
 */
import { type CaseFile, Codes, Consent, Counseling, FollowUp, Referral, Seeker } from "@iljari/core"
import type { Recommendations } from "@iljari/core"
import type { Opening } from "@iljari/core"
import { SelectField, TextArea, TextField, type Problems } from "../../ui/Fields.js"
import { kst, orNone } from "../../ui/Format.js"
import { CsrfField, Page } from "../../ui/Layout.js"
import { Empty, Table } from "../../ui/Lists.js"
import { MatchReasons, scoreText } from "../../ui/MatchReasons.js"
import { href, type View } from "../../ui/View.js"
import { wageText } from "../../ui/Wage.js"

export type Notice = "registered" | "saved" | "counseled" | "referred" | "placed"

const notices: Record<Notice, readonly [string, string]> = {
  registered: ["구직자를 등록했습니다.", "The seeker is registered."],
  saved: ["변경 사항을 저장했습니다.", "The changes are saved."],
  counseled: ["상담 기록을 남겼습니다.", "The counseling session is recorded."],
  referred: ["알선을 등록했습니다. 알선 현황에서 진행 상태를 바꿀 수 있습니다.", "The referral is proposed; move it on from the referral board."],
  placed: ["취업을 기록했습니다. 사후관리 일정이 만들어졌습니다.", "The placement is recorded; the follow-up checks are scheduled."]
}

export const isNotice = (value: string | null): value is Notice => value !== null && value in notices

const Profile = ({ view, file }: { readonly view: View; readonly file: CaseFile.CaseFile }) => {
  const { say, lang } = view
  const s = file.seeker.value
  return (
    <dl class="facts">
      <dt>{say("상태", "Status")}</dt><dd>{Seeker.seekerStatusLabel(s.status, lang)}</dd>
      <dt>{say("생년월일", "Date of birth")}</dt><dd>{s.birthDate}</dd>
      <dt>{say("휴대전화", "Mobile phone")}</dt><dd>{orNone(say, s.contact.phone)}</dd>
      <dt>{say("이메일", "E-mail")}</dt><dd>{orNone(say, s.contact.email)}</dd>
      <dt>{say("거주지", "Lives in")}</dt><dd>{Codes.regionName(s.addressRegion, lang)}</dd>
      <dt>{say("희망 직종", "Wanted occupations")}</dt><dd>{s.desiredOccupations.map((c) => `${c} ${Codes.middleGroupName(c, lang)}`).join(", ")}</dd>
      <dt>{say("희망 근무지역", "Wanted work areas")}</dt><dd>{s.desiredRegions.length === 0 ? say("어디든", "Anywhere") : s.desiredRegions.map((r) => Codes.regionName(r, lang)).join(", ")}</dd>
      <dt>{say("최종 학력", "Education")}</dt><dd>{Codes.educationLabel(s.education, lang)}</dd>
      <dt>{say("경력", "Experience")}</dt><dd>{say(`${s.careerMonths}개월`, `${s.careerMonths} months`)}</dd>
      <dt>{say("자격증", "Certificates")}</dt><dd>{s.certificates.length === 0 ? say("없음", "None") : s.certificates.join(", ")}</dd>
      <dt>{say("취업 지원 대상", "Target groups")}</dt><dd>{s.targetGroups.length === 0 ? say("없음", "None") : s.targetGroups.map((g) => Codes.targetGroupLabel(g, lang)).join(", ")}</dd>
      <dt>{say("등록", "Registered")}</dt><dd>{`${kst(s.registeredAt)} · ${Seeker.registrationChannelLabel(s.registrationChannel, lang)}`}</dd>
    </dl>
  )
}

const CounselingLog = ({ view, file, problems, today }: { readonly view: View; readonly file: CaseFile.CaseFile; readonly problems: Problems; readonly today: string }) => {
  const { say, lang } = view
  const id = file.seeker.value.id
  return (
    <section aria-labelledby="counseling">
      <h2 id="counseling">{say("상담 기록", "Counseling log")}</h2>
      {file.counselings.length === 0 ? <Empty>{say("아직 상담 기록이 없습니다.", "No counseling yet.")}</Empty> : (
        <Table caption={say("상담 기록: 날짜, 방법, 내용", "Counseling sessions: date, channel, notes")} head={<>
          <th scope="col">{say("날짜", "Date")}</th><th scope="col">{say("방법", "Channel")}</th><th scope="col">{say("내용", "Notes")}</th>
        </>}>
          {file.counselings.map(({ value: c }) => (
            <tr><td>{c.heldOn}</td><td>{Counseling.counselingChannelLabel(c.channel, lang)}</td><td>{c.notes ?? ""}</td></tr>
          ))}
        </Table>
      )}
      <form method="post" action={href(view, `/seekers/${id}/counseling`)}>
        <CsrfField view={view} />
        <h3>{say("상담 기록 추가", "Add a session")}</h3>
        <TextField name="heldOn" type="date" label={say("상담일", "Date")} value={today} required problems={problems} />
        <SelectField name="channel" label={say("상담 방법", "Channel")} choices={Counseling.CounselingChannel.literals.map((c) => ({ value: c, label: Counseling.counselingChannelLabel(c, lang) }))} value="visit" problems={problems} />
        <TextArea name="notes" label={say("상담 내용", "Notes")} problems={problems} />
        <button type="submit" class="krds-btn secondary">{say("기록", "Record")}</button>
      </form>
    </section>
  )
}

/** The explained matches: each opening's score and the Korean reason per criterion, with a refer button. */
export const Matches = ({ view, seekerId, found }: {
  readonly view: View
  readonly seekerId: string
  readonly found: ReadonlyArray<Recommendations.Recommendation<Opening.Opening>>
}) => {
  const { say, lang } = view
  return (
    <div id="matches">
      {found.length === 0 ? <Empty>{say("추천할 공고가 없습니다.", "No opening to recommend.")}</Empty> : (
        <ol class="matches">
          {found.map(({ record: { value: o }, match }) => (
            <li class="card">
              <h3>{`${o.title} · ${scoreText(view, match)}`}</h3>
              <p>{`${Codes.regionName(o.workRegion, lang)} · ${wageText(o.wage, lang)}`}</p>
              <MatchReasons view={view} match={match} />
              <form method="post" action={href(view, `/seekers/${seekerId}/refer`)} class="actions">
                <CsrfField view={view} />
                <input type="hidden" name="openingId" value={o.id} />
                <button type="submit" class="krds-btn primary small">{say(`${o.title}에 알선`, `Refer to ${o.title}`)}</button>
              </form>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

const Referrals = ({ view, file }: { readonly view: View; readonly file: CaseFile.CaseFile }) => {
  const { say, lang } = view
  return (
    <section aria-labelledby="referrals">
      <h2 id="referrals">{say("알선 이력", "Referrals")}</h2>
      {file.referrals.length === 0 ? <Empty>{say("알선 이력이 없습니다.", "No referral yet.")}</Empty> : (
        <ul>
          {file.referrals.map(({ value: r }) => (
            <li>
              <strong>{`${file.names.opening(r.openingId)} — ${Referral.referralStatusLabel(r.status, lang)}`}</strong>
              <ol>{r.history.map((step) => <li>{`${step.on} ${Referral.referralStatusLabel(step.status, lang)}`}</li>)}</ol>
              <a href={href(view, `/referrals/${r.id}`)}>{say("알선 상세", "Referral details")}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

const Placements = ({ view, file }: { readonly view: View; readonly file: CaseFile.CaseFile }) => {
  const { say, lang } = view
  return (
    <section aria-labelledby="placements">
      <h2 id="placements">{say("취업", "Placements")}</h2>
      {file.placements.length === 0 ? <Empty>{say("취업 기록이 없습니다.", "No placement yet.")}</Empty> : (
        <Table caption={say("취업 기록: 시작일, 업체, 고용형태", "Placements: start, employer, contract")} head={<>
          <th scope="col">{say("시작일", "Start")}</th><th scope="col">{say("업체", "Employer")}</th><th scope="col">{say("고용형태", "Contract")}</th>
        </>}>
          {file.placements.map(({ value: p }) => (
            <tr><td>{p.startOn}</td><td>{file.names.employer(p.employerId)}</td><td>{Codes.contractTypeLabel(p.contractType, lang)}</td></tr>
          ))}
        </Table>
      )}
      <h3>{say("사후관리", "Follow-up checks")}</h3>
      {file.checks.length === 0 ? <Empty>{say("사후관리 일정이 없습니다.", "No follow-up check.")}</Empty> : (
        <Table caption={say("사후관리: 차수, 기한, 결과", "Follow-up checks: number, due, result")} head={<>
          <th scope="col">{say("차수", "Check")}</th><th scope="col">{say("기한", "Due")}</th><th scope="col">{say("결과", "Result")}</th>
        </>}>
          {file.checks.map(({ value: c }) => (
            <tr>
              <td>{say(`${c.sequence}차`, `#${c.sequence}`)}</td>
              <td>{c.dueOn}</td>
              <td>{c.outcome === undefined ? (c.cancelledOn === undefined ? say("예정", "Pending") : say("취소", "Cancelled")) : `${c.doneOn} ${FollowUp.outcomeLabel(c.outcome, lang)}`}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  )
}

const Messages = ({ view, file }: { readonly view: View; readonly file: CaseFile.CaseFile }) => {
  const { say } = view
  return (
    <section aria-labelledby="messages">
      <h2 id="messages">{say("보낸 메시지", "Messages")}</h2>
      {file.messages.length === 0 ? <Empty>{say("보낸 메시지가 없습니다.", "No message.")}</Empty> : (
        <Table caption={say("메시지: 일시, 수단, 종류, 상태", "Messages: time, channel, kind, status")} head={<>
          <th scope="col">{say("일시", "Time")}</th><th scope="col">{say("수단", "Channel")}</th><th scope="col">{say("종류", "Kind")}</th><th scope="col">{say("상태", "Status")}</th>
        </>}>
          {file.messages.map((m) => <tr><td>{kst(m.createdAt)}</td><td>{Consent.channelLabel(m.channel, view.lang)}</td><td>{m.template}</td><td>{m.status}</td></tr>)}
        </Table>
      )}
    </section>
  )
}

export const CaseFilePage = ({ view, file, notice, problems, today }: {
  readonly view: View
  readonly file: CaseFile.CaseFile
  readonly notice?: Notice | undefined
  readonly problems?: Problems
  readonly today: string
}) => {
  const { say } = view
  const s = file.seeker.value
  return (
    <Page view={view} title={s.name}>
      {notice === undefined ? null : <div class="notice success" role="status">{say(...notices[notice])}</div>}
      <div class="actions">
        <a class="krds-btn secondary" href={href(view, `/seekers/${s.id}/edit`)}>{say("정보 수정", "Edit")}</a>
        <a class="krds-btn tertiary" href={href(view, "/seekers")}>{say("구직자 목록", "All seekers")}</a>
      </div>
      <section aria-labelledby="profile">
        <h2 id="profile">{say("기본 정보", "Profile")}</h2>
        <Profile view={view} file={file} />
      </section>
      <section aria-labelledby="matches-title">
        <h2 id="matches-title">{say("추천 일자리", "Recommended openings")}</h2>
        <p class="form-hint">{say("점수와 기준별 이유를 보여 줍니다. 나이와 성별은 쓰지 않습니다.", "Scores with the reason per criterion. Age and gender are never used.")}</p>
        <div hx-get={href(view, `/seekers/${s.id}/matches`)} hx-trigger="load" hx-swap="outerHTML">
          <a href={href(view, `/seekers/${s.id}/matches`)}>{say("추천 일자리 보기", "Show recommended openings")}</a>
        </div>
      </section>
      <Referrals view={view} file={file} />
      <CounselingLog view={view} file={file} problems={problems ?? {}} today={today} />
      <Placements view={view} file={file} />
      <Messages view={view} file={file} />
    </Page>
  )
}
