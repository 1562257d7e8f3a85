/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * One job fair, step by step as staff run it: the employers and openings
 * taking part, the seekers pre-selected by score, the invitations (by SMS or
 * on the call list, by each seeker's consent), who came, the interview
 * timetable as a grid (one column per employer, one row per slot) with
 * pages to print, and each interview's result — a hire becomes a referral
 * and a placement that counts for the center.
 */
import { type CaseFile, JobFair, type Repositories } from "@iljari/core"
import { CsrfField, Page } from "../../ui/Layout.js"
import { Empty, Table } from "../../ui/Lists.js"
import { href, type View } from "../../ui/View.js"

export type Names = CaseFile.Names

const skippedReason = (view: View, reason: string) =>
  reason === "no phone number on file"
    ? view.say("전화번호 없음", "No phone number on file")
    : reason === "no consent to service messages by SMS or phone"
    ? view.say("문자·전화 안내 동의 없음", "No consent to messages by SMS or phone")
    : reason

const score = (n: number) => n.toFixed(1)

/** A step's form: the fair's version, and what the step adds. */
const Step = ({ view, fair, action, children }: {
  readonly view: View
  readonly fair: Repositories.Versioned<JobFair.JobFair>
  readonly action: string
  readonly children: preact.ComponentChildren
}) => (
  <form method="post" action={href(view, `/fairs/${fair.value.id}/${action}`)} class="fair-step">
    <CsrfField view={view} />
    <input type="hidden" name="version" value={String(fair.version)} />
    {children}
  </form>
)

/** The timetable as a grid: a row per slot, a column per employer. */
export const Timetable = ({ view, fair, names }: { readonly view: View; readonly fair: JobFair.JobFair; readonly names: Names }) => {
  const { say } = view
  const slots = [...new Map(fair.interviews.map((i) => [i.slot, `${i.start}–${i.end}`])).entries()].sort(([a], [b]) => a - b)
  return (
    <Table
      caption={say("면접 시간표", "Interview timetable")}
      head={<>
        <th scope="col">{say("시간", "Time")}</th>
        {fair.employers.map((e) => <th scope="col">{names.employer(e.employerId)}</th>)}
      </>}
    >
      {slots.map(([slot, time]) => (
        <tr>
          <th scope="row">{time}</th>
          {fair.employers.map((e) => {
            const interview = fair.interviews.find((i) => i.slot === slot && i.employerId === e.employerId)
            return <td>{interview === undefined ? "" : `${names.seeker(interview.seekerId)} (${score(interview.score)})`}</td>
          })}
        </tr>
      ))}
    </Table>
  )
}

const ResultCell = ({ view, fair, interview, today }: {
  readonly view: View
  readonly fair: Repositories.Versioned<JobFair.JobFair>
  readonly interview: JobFair.Interview
  readonly today: string
}) => {
  const { say, lang } = view
  if (interview.result !== undefined) {
    return (
      <>
        {JobFair.interviewResultLabel(interview.result, lang)}
        {interview.referralId === undefined ? null : (
          <>
            {" · "}
            <a href={href(view, `/referrals/${interview.referralId}`)}>{say("알선 보기", "Open the referral")}</a>
          </>
        )}
      </>
    )
  }
  const id = `result-${interview.seekerId}-${interview.employerId}`
  return (
    <Step view={view} fair={fair} action="results">
      <input type="hidden" name="seekerId" value={interview.seekerId} />
      <input type="hidden" name="employerId" value={interview.employerId} />
      <div class="fair-result">
        <label for={`${id}-result`} class="visually-hidden">{say("결과", "Result")}</label>
        {/* No result is chosen for the counselor: a hire by a slip would be a placement. */}
        <select class="krds-form-select small" id={`${id}-result`} name="result" required>
          <option value="">{say("결과 선택", "Choose")}</option>
          {(["hired", "second-interview", "not-hired", "no-show"] as const).map((r) => <option value={r}>{JobFair.interviewResultLabel(r, lang)}</option>)}
        </select>
        <label for={`${id}-start`}>{say("입사일 (채용 시)", "Start (if hired)")}</label>
        <input class="krds-input small" type="date" id={`${id}-start`} name="startOn" value={today} />
        <button type="submit" class="krds-btn xsmall">{say("결과 기록", "Record")}</button>
      </div>
    </Step>
  )
}

export const FairPage = ({ view, fair, names, today, notice, problem }: {
  readonly view: View
  readonly fair: Repositories.Versioned<JobFair.JobFair>
  readonly names: Names
  readonly today: string
  readonly notice?: string | undefined
  readonly problem?: string | undefined
}) => {
  const { say, lang } = view
  const f = fair.value
  const outcome = JobFair.outcome(f)
  const before = f.status === "planned" || f.status === "open"
  const invited = new Set(f.invitations.map((i) => i.seekerId as string))
  const uninvited = f.candidates.filter((c) => !invited.has(c.seekerId) && !f.skipped.some((s) => s.seekerId === c.seekerId)).length
  return (
    <Page view={view} title={say(`채용박람회: ${f.title}`, `Job fair: ${f.title}`)}>
      {notice === undefined ? null : <p class="notice success" role="status">{notice}</p>}
      {problem === undefined ? null : <p class="notice error" role="alert">{problem}</p>}
      <dl class="facts-grid">
        <div><dt>{say("개최일", "Day")}</dt><dd>{f.heldOn}</dd></div>
        <div><dt>{say("장소", "Venue")}</dt><dd>{f.venue}</dd></div>
        <div><dt>{say("상태", "Status")}</dt><dd><span class="krds-badge bg-secondary">{JobFair.statusLabel(f.status, lang)}</span></dd></div>
        <div><dt>{say("면접", "Interviews")}</dt><dd>{say(`${f.schedule.start}부터 ${f.schedule.slotMinutes}분씩, 1인 최대 ${f.maxInterviewsPerSeeker}회, 적합도 ${f.minScore}점 이상`, `From ${f.schedule.start}, ${f.schedule.slotMinutes} minutes each, at most ${f.maxInterviewsPerSeeker} per seeker, scores of ${f.minScore} or more`)}</dd></div>
        <div><dt>{say("실적", "Figures")}</dt><dd>{say(`초대 ${outcome.invited}명 · 참석 ${outcome.attended}명 · 면접 ${outcome.interviewed}명 · 채용 ${outcome.hired}명`, `${outcome.invited} invited · ${outcome.attended} came · ${outcome.interviewed} interviewed · ${outcome.hired} hired`)}</dd></div>
      </dl>

      <section aria-labelledby="step-employers">
        <h2 id="step-employers">{say("참여 업체·공고", "Employers and openings")}</h2>
        <Table caption={say("참여 업체와 공고", "The employers and their openings")} hideCaption head={<>
          <th scope="col">{say("업체", "Employer")}</th>
          <th scope="col">{say("공고", "Openings")}</th>
          <th scope="col">{say("면접 가능 인원", "Interviews it can hold")}</th>
        </>}>
          {f.employers.map((e) => (
            <tr>
              <td><a href={href(view, `/employers/${e.employerId}`)}>{names.employer(e.employerId)}</a></td>
              <td>{e.openingIds.map((o) => names.opening(o)).join(", ")}</td>
              <td class="ar">{e.capacity}</td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="step-candidates">
        <h2 id="step-candidates">{say("1. 후보 선정", "1. Pre-select seekers")}</h2>
        {!before ? null : (
          <Step view={view} fair={fair} action="preselect">
            <label for="perOpening">{say("공고당 후보 수", "Seekers per opening")}</label>
            <input class="krds-input small" type="number" id="perOpening" name="perOpening" min="1" max="50" value="5" />
            <button type="submit" class="krds-btn small">{say("적합도 순으로 후보 선정", "Pre-select by match score")}</button>
          </Step>
        )}
        {f.candidates.length === 0 ? <Empty>{say("아직 후보가 없습니다.", "No seeker pre-selected yet.")}</Empty> : (
          <Table caption={say("업체별 후보 (적합도 순)", "Candidates by employer (best first)")} head={<>
            <th scope="col">{say("업체", "Employer")}</th>
            <th scope="col">{say("구직자", "Seeker")}</th>
            <th scope="col">{say("공고", "Opening")}</th>
            <th scope="col">{say("적합도", "Score")}</th>
          </>}>
            {f.candidates.map((c) => (
              <tr>
                <td>{names.employer(c.employerId)}</td>
                <td><a href={href(view, `/seekers/${c.seekerId}`)}>{names.seeker(c.seekerId)}</a></td>
                <td>{names.opening(c.openingId)}</td>
                <td class="ar">{score(c.score)}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby="step-invitations">
        <h2 id="step-invitations">{say("2. 초대", "2. Invite")}</h2>
        {!before || uninvited === 0 ? null : (
          <Step view={view} fair={fair} action="invite">
            <p>{say(`아직 초대하지 않은 후보 ${uninvited}명에게, 동의한 방법(문자 또는 전화 목록)으로 초대합니다.`, `Invites the ${uninvited} candidate(s) not invited yet, by the means each agreed to (SMS, or the call list).`)}</p>
            <button type="submit" class="krds-btn small">{say("후보 초대", "Invite the candidates")}</button>
          </Step>
        )}
        {f.invitations.length === 0 ? <Empty>{say("아직 초대하지 않았습니다.", "Nobody invited yet.")}</Empty> : (
          <Table caption={say("초대와 응답", "Invitations and answers")} head={<>
            <th scope="col">{say("구직자", "Seeker")}</th>
            <th scope="col">{say("방법", "By")}</th>
            <th scope="col">{say("초대일", "Invited on")}</th>
            <th scope="col">{say("참석", "Came")}</th>
          </>}>
            {f.invitations.map((i) => (
              <tr>
                <td>{names.seeker(i.seekerId)}</td>
                <td>{i.channel === "sms" ? say("문자", "SMS") : say("전화 (통화 목록)", "Phone (call list)")}</td>
                <td>{i.on}</td>
                <td>{f.attendance.includes(i.seekerId) ? say("참석", "Came") : "-"}</td>
              </tr>
            ))}
          </Table>
        )}
        {f.skipped.length === 0 ? null : (
          <Table caption={say("초대하지 못한 후보", "Candidates not invited")} head={<>
            <th scope="col">{say("구직자", "Seeker")}</th>
            <th scope="col">{say("이유", "Why")}</th>
          </>}>
            {f.skipped.map((s) => <tr><td>{names.seeker(s.seekerId)}</td><td>{skippedReason(view, s.reason)}</td></tr>)}
          </Table>
        )}
      </section>

      <section aria-labelledby="step-attendance">
        <h2 id="step-attendance">{say("3. 참석", "3. Attendance")}</h2>
        {f.invitations.length === 0 || f.interviews.some((i) => i.result !== undefined) ? null : (
          <Step view={view} fair={fair} action="attendance">
            <fieldset class="form-group">
              <legend class="form-tit">{say("참석한 구직자", "Seekers who came")}</legend>
              <div class="form-conts krds-check-area fair-attendance">
                {f.invitations.map((i, k) => (
                  <div class="krds-form-check">
                    <input type="checkbox" name="seeker" id={`came-${k}`} value={i.seekerId} checked={f.attendance.includes(i.seekerId)} />
                    <label for={`came-${k}`}>{names.seeker(i.seekerId)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            <button type="submit" class="krds-btn small">{say("참석 기록", "Record attendance")}</button>
          </Step>
        )}
        <p>{say(`참석 ${f.attendance.length}명`, `${f.attendance.length} came`)}</p>
      </section>

      <section aria-labelledby="step-timetable">
        <h2 id="step-timetable">{say("4. 면접 시간표", "4. Interview timetable")}</h2>
        {f.attendance.length === 0 || f.interviews.some((i) => i.result !== undefined) ? null : (
          <Step view={view} fair={fair} action="schedule">
            <p>{say("참석자 중 적합도 합이 가장 큰 면접을, 겹치지 않게 가장 적은 회차에 배정합니다.", "Chooses the interviews with the largest total score among those who came, in the fewest slots without clashes.")}</p>
            <button type="submit" class="krds-btn small">{f.interviews.length === 0 ? say("시간표 짜기", "Make the timetable") : say("시간표 다시 짜기", "Make the timetable again")}</button>
          </Step>
        )}
        {f.interviews.length === 0 ? <Empty>{say("아직 시간표가 없습니다.", "No timetable yet.")}</Empty> : (
          <>
            <Timetable view={view} fair={f} names={names} />
            <p class="fair-print">
              <a class="krds-btn secondary small" href={href(view, `/fairs/${f.id}/print/employers`)}>{say("업체별 면접표 인쇄", "Print a page per employer")}</a>
              <a class="krds-btn secondary small" href={href(view, `/fairs/${f.id}/print/seekers`)}>{say("구직자별 면접표 인쇄", "Print a page per seeker")}</a>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="step-results">
        <h2 id="step-results">{say("5. 면접 결과", "5. Results")}</h2>
        {f.interviews.length === 0 ? <Empty>{say("면접이 배정되면 결과를 기록합니다.", "Results are recorded once interviews are scheduled.")}</Empty> : (
          <Table caption={say("면접별 결과", "Each interview's result")} head={<>
            <th scope="col">{say("시간", "Time")}</th>
            <th scope="col">{say("업체", "Employer")}</th>
            <th scope="col">{say("구직자", "Seeker")}</th>
            <th scope="col">{say("결과", "Result")}</th>
          </>}>
            {[...f.interviews].sort((a, b) => a.slot - b.slot).map((i) => (
              <tr>
                <td>{`${i.start}–${i.end}`}</td>
                <td>{names.employer(i.employerId)}</td>
                <td>{names.seeker(i.seekerId)}</td>
                <td><ResultCell view={view} fair={fair} interview={i} today={today} /></td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </Page>
  )
}

/** One page per employer or per seeker, to print for the day. */
export const PrintPage = ({ view, fair, names, by }: {
  readonly view: View
  readonly fair: JobFair.JobFair
  readonly names: Names
  readonly by: "employers" | "seekers"
}) => {
  const { say } = view
  const sorted = [...fair.interviews].sort((a, b) => a.slot - b.slot)
  const heading = `${fair.title} · ${fair.heldOn} · ${fair.venue}`
  const pages = by === "employers"
    ? fair.employers.map((e) => ({
      id: e.employerId as string,
      title: names.employer(e.employerId),
      rows: sorted.filter((i) => i.employerId === e.employerId).map((i) => [`${i.start}–${i.end}`, names.seeker(i.seekerId), names.opening(i.openingId), score(i.score)])
    }))
    : [...new Set(sorted.map((i) => i.seekerId as string))].map((seekerId) => ({
      id: seekerId,
      title: names.seeker(seekerId as never),
      rows: sorted.filter((i) => i.seekerId === seekerId).map((i) => [`${i.start}–${i.end}`, names.employer(i.employerId), names.opening(i.openingId), fair.venue])
    }))
  const head = by === "employers"
    ? [say("시간", "Time"), say("구직자", "Seeker"), say("공고", "Opening"), say("적합도", "Score")]
    : [say("시간", "Time"), say("업체", "Employer"), say("공고", "Opening"), say("장소", "Venue")]
  return (
    <Page view={view} title={by === "employers" ? say("업체별 면접표", "Interviews by employer") : say("구직자별 면접표", "Interviews by seeker")}>
      <p class="no-print">
        <a href={href(view, `/fairs/${fair.id}`)}>{say("박람회로 돌아가기", "Back to the fair")}</a>
        {say(" · 브라우저의 인쇄(Ctrl+P)로 한 장씩 인쇄됩니다.", " · Print with the browser (Ctrl+P): one page each.")}
      </p>
      {pages.map((page) => (
        <section class="print-page" aria-labelledby={`print-${page.id}`}>
          <h2 id={`print-${page.id}`}>{page.title}</h2>
          <p>{heading}</p>
          <Table caption={say(`${page.title} 면접 일정`, `${page.title}: interviews`)} hideCaption head={<>{head.map((h) => <th scope="col">{h}</th>)}</>}>
            {page.rows.map((row) => <tr>{row.map((cell) => <td>{cell}</td>)}</tr>)}
          </Table>
        </section>
      ))}
    </Page>
  )
}

/** The district's fairs, the latest first. */
export const FairList = ({ view, fairs }: { readonly view: View; readonly fairs: ReadonlyArray<Repositories.Versioned<JobFair.JobFair>> }) => {
  const { say, lang } = view
  return (
    <Page view={view} title={say("채용박람회", "Job fairs")}>
      <p><a class="krds-btn primary" href={href(view, "/fairs/new")}>{say("새 채용박람회", "New job fair")}</a></p>
      {fairs.length === 0 ? <Empty>{say("아직 채용박람회가 없습니다.", "No job fair yet.")}</Empty> : (
        <Table caption={say("채용박람회 목록", "The job fairs")} head={<>
          <th scope="col">{say("이름", "Title")}</th>
          <th scope="col">{say("개최일", "Day")}</th>
          <th scope="col">{say("장소", "Venue")}</th>
          <th scope="col">{say("상태", "Status")}</th>
          <th scope="col">{say("업체", "Employers")}</th>
          <th scope="col">{say("초대", "Invited")}</th>
          <th scope="col">{say("참석", "Came")}</th>
          <th scope="col">{say("채용", "Hired")}</th>
        </>}>
          {fairs.map(({ value: f }) => {
            const o = JobFair.outcome(f)
            return (
              <tr>
                <td><a href={href(view, `/fairs/${f.id}`)}>{f.title}</a></td>
                <td>{f.heldOn}</td>
                <td>{f.venue}</td>
                <td>{JobFair.statusLabel(f.status, lang)}</td>
                <td class="ar">{f.employers.length}</td>
                <td class="ar">{o.invited}</td>
                <td class="ar">{o.attended}</td>
                <td class="ar">{o.hired}</td>
              </tr>
            )
          })}
        </Table>
      )}
    </Page>
  )
}
