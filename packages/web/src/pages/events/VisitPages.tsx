/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 일자리발굴단 (discovery visits): the year's visits against the plan
 * (buildings, openings, positions, and the visits the season asks for),
 * the visits made, the form that records one, and a visit's page with the
 * employers it found — each registered (or a known one added) with the
 * positions it offers — and their openings recorded on the visit.
 */
import { DiscoveryVisit, type Opening, type Repositories } from "@iljari/core"
import { CheckGroup, type Choice, type Problems, ProblemSummary, SelectField, TextArea, TextField } from "../../ui/Fields.js"
import { percent } from "../../ui/Format.js"
import { CsrfField, Page } from "../../ui/Layout.js"
import { Empty, Table } from "../../ui/Lists.js"
import { href, type View } from "../../ui/View.js"
import type { EventNames } from "./Names.js"
import { Tabs } from "./Tabs.js"

type Visit = Repositories.Versioned<DiscoveryVisit.Visit>

const targetLabel = (view: View, target: DiscoveryVisit.Visit["target"]) =>
  target === "building" ? view.say("건물 (지식산업센터 등)", "Building") : view.say("기업", "Employer")

const positionsOf = (visit: DiscoveryVisit.Visit) => visit.findings.reduce((sum, f) => sum + f.positions, 0)

export const VisitList = ({ view, plan, progress, visits }: {
  readonly view: View
  readonly plan: DiscoveryVisit.Plan
  readonly progress: DiscoveryVisit.Progress
  readonly visits: ReadonlyArray<Visit>
}) => {
  const { say } = view
  const row = (label: string, got: number, target: number, reached: number) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="ar">{got}</td>
      <td class="ar">{target}</td>
      <td class="ar">{percent(reached)}</td>
    </tr>
  )
  return (
    <Page view={view} title={say("찾아가는 상담·기업탐방·심리검사", "Outreach, discovery visits and tests")}>
      <Tabs view={view} current="visits" />
      <p><a class="krds-btn primary" href={href(view, "/events/visits/new")}>{say("기업탐방 기록", "Record a discovery visit")}</a></p>
      <h2>{say(`${plan.year}년 계획 대비 실적 (${progress.asOf} 현재)`, `${plan.year} against the plan, as of ${progress.asOf}`)}</h2>
      <p class="notice">
        {say(
          `방문 ${progress.visits}회 (지금까지 계획 ${progress.visitsPlanned}회), 운영 기간 ${percent(progress.seasonElapsed)} 경과.`,
          `${progress.visits} visits (${progress.visitsPlanned} planned so far); ${percent(progress.seasonElapsed)} of the season gone.`
        )}
      </p>
      <Table caption={say(`${plan.year}년 발굴 실적`, `${plan.year} findings`)} head={<>
        <th scope="col">{say("항목", "Figure")}</th>
        <th scope="col">{say("실적", "Found")}</th>
        <th scope="col">{say("목표", "Target")}</th>
        <th scope="col">{say("달성률", "Reached")}</th>
      </>}>
        {row(say("방문 건물", "Buildings"), progress.buildings, plan.buildings, progress.reached.buildings)}
        {row(say("발굴 공고", "Openings"), progress.openings, plan.openings, progress.reached.openings)}
        {row(say("채용 예정 인원", "Positions"), progress.positions, plan.positions, progress.reached.positions)}
      </Table>
      <h2>{say("방문 기록", "Visits made")}</h2>
      {visits.length === 0 ? <Empty>{say("아직 기록한 기업탐방이 없습니다.", "No discovery visit recorded yet.")}</Empty> : (
        <Table caption={say("기업탐방 목록", "Discovery visits")} head={<>
          <th scope="col">{say("날짜", "Day")}</th>
          <th scope="col">{say("방문처", "Visited")}</th>
          <th scope="col">{say("입주사 방문", "Tenants")}</th>
          <th scope="col">{say("발굴 기업", "Employers")}</th>
          <th scope="col">{say("채용 예정", "Positions")}</th>
        </>}>
          {visits.map(({ value: v }) => (
            <tr>
              <td><a href={href(view, `/events/visits/${v.id}`)}>{v.visitedOn}</a></td>
              <td>{v.name}</td>
              <td class="ar">{v.tenantsVisited}</td>
              <td class="ar">{v.findings.length}</td>
              <td class="ar">{positionsOf(v)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Page>
  )
}

/** The visit form's values as typed (kept when refused). */
export interface VisitValues {
  readonly visitedOn: string
  readonly target: string
  readonly name: string
  readonly tenantsVisited: string
  readonly counselorIds: ReadonlyArray<string>
  readonly notes: string
}

export const visitLabels = (view: View): Record<string, string> => ({
  visitedOn: view.say("방문일", "Day visited"),
  target: view.say("방문 대상", "Visited"),
  name: view.say("방문처 이름", "Name"),
  tenantsVisited: view.say("방문한 입주사 수", "Tenants visited"),
  counselorIds: view.say("참여 상담사", "Counselors"),
  notes: view.say("메모", "Notes")
})

export const VisitForm = ({ view, values, counselors, problems }: {
  readonly view: View
  readonly values: VisitValues
  readonly counselors: ReadonlyArray<Choice>
  readonly problems: Problems
}) => {
  const { say } = view
  const labels = visitLabels(view)
  return (
    <Page view={view} title={say("기업탐방 기록", "Record a discovery visit")}>
      <ProblemSummary problems={problems} labels={labels} title={say(`${Object.keys(problems).length}개 항목을 고쳐 주세요`, `Fix ${Object.keys(problems).length} field(s)`)} />
      <form method="post" action={href(view, "/events/visits")} novalidate>
        <CsrfField view={view} />
        <TextField name="visitedOn" type="date" label={labels["visitedOn"]!} value={values.visitedOn} required problems={problems} hint={say("방문한 뒤에 기록합니다.", "Recorded once made.")} />
        <SelectField name="target" label={labels["target"]!} value={values.target} required problems={problems} empty={say("선택", "Choose")}
          choices={(["building", "employer"] as const).map((t) => ({ value: t, label: targetLabel(view, t) }))} />
        <TextField name="name" label={labels["name"]!} value={values.name} required problems={problems} hint={say("예: 성수 SK V1 타워", "e.g. 성수 SK V1 타워")} />
        <TextField name="tenantsVisited" type="number" inputmode="numeric" label={labels["tenantsVisited"]!} value={values.tenantsVisited} required problems={problems} />
        <CheckGroup name="counselorIds" label={labels["counselorIds"]!} values={values.counselorIds} choices={counselors} problems={problems} />
        <TextArea name="notes" label={labels["notes"]!} value={values.notes} problems={problems} />
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{say("기록", "Record")}</button>
          <a class="krds-btn tertiary large" href={href(view, "/events/visits")}>{say("취소", "Cancel")}</a>
        </div>
      </form>
    </Page>
  )
}

/** An employer the visit found, with its openings not yet recorded on the visit. */
export interface FoundOpenings {
  readonly employerId: string
  readonly openings: ReadonlyArray<Opening.Opening>
}

export const VisitPage = ({ view, visit, names, unrecorded, notice, problem }: {
  readonly view: View
  readonly visit: Visit
  readonly names: EventNames
  readonly unrecorded: ReadonlyArray<FoundOpenings>
  readonly notice?: string | undefined
  readonly problem?: string | undefined
}) => {
  const { say } = view
  const v = visit.value
  return (
    <Page view={view} title={say(`${v.visitedOn} ${v.name} 기업탐방`, `Discovery visit to ${v.name}, ${v.visitedOn}`)}>
      <Tabs view={view} current="visits" />
      {notice === undefined ? null : <p class="notice success" role="status">{notice}</p>}
      {problem === undefined ? null : <p class="notice error" role="alert">{problem}</p>}
      <dl class="facts-grid">
        <div><dt>{say("방문 대상", "Visited")}</dt><dd>{targetLabel(view, v.target)}</dd></div>
        <div><dt>{say("참여 상담사", "Counselors")}</dt><dd>{v.counselorIds.map((id) => names.counselor(id)).join(", ")}</dd></div>
        <div><dt>{say("방문한 입주사", "Tenants visited")}</dt><dd>{v.tenantsVisited}</dd></div>
        <div><dt>{say("채용 예정 인원", "Positions")}</dt><dd>{positionsOf(v)}</dd></div>
        {v.notes === undefined ? null : <div><dt>{say("메모", "Notes")}</dt><dd>{v.notes}</dd></div>}
      </dl>
      <h2 id="findings">{say("발굴한 기업", "Employers found")}</h2>
      <p><a class="krds-btn primary" href={href(view, `/events/visits/${v.id}/employers/new`)}>{say("발굴 기업 등록", "Register an employer found")}</a></p>
      {v.findings.length === 0 ? <Empty>{say("아직 기록한 기업이 없습니다.", "No employer recorded yet.")}</Empty> : (
        <Table caption={say("발굴 기업과 공고", "Employers found and their openings")} head={<>
          <th scope="col">{say("기업", "Employer")}</th>
          <th scope="col">{say("채용 예정", "Positions")}</th>
          <th scope="col">{say("기록한 공고", "Openings recorded")}</th>
          <th scope="col">{say("공고 추가", "Add an opening")}</th>
        </>}>
          {v.findings.map((f) => {
            const open = unrecorded.find((u) => u.employerId === f.employerId)?.openings ?? []
            return (
              <tr>
                <th scope="row">{f.employerId === undefined ? f.company : <a href={href(view, `/employers/${f.employerId}`)}>{names.employer(f.employerId)}</a>}</th>
                <td class="ar">{f.positions}</td>
                <td>{f.openingIds.length === 0 ? say("없음", "None") : f.openingIds.map((id, i) => <>{i === 0 ? null : ", "}<a href={href(view, `/openings/${id}`)}>{names.opening(id)}</a></>)}</td>
                <td>
                  {f.employerId === undefined ? null : (
                    <div class="fair-step">
                      {open.length === 0 ? null : (
                        <form method="post" action={href(view, `/events/visits/${v.id}/openings`)} class="inline-form">
                          <CsrfField view={view} />
                          <label class="visually-hidden" for={`opening-${f.employerId}`}>{say(`${names.employer(f.employerId)}의 공고`, `${names.employer(f.employerId)}'s opening`)}</label>
                          <select id={`opening-${f.employerId}`} name="openingId" class="krds-form-select">
                            {open.map((o) => <option value={o.id}>{o.title}</option>)}
                          </select>
                          <button type="submit" class="krds-btn secondary">{say("방문 실적에 추가", "Record on the visit")}</button>
                        </form>
                      )}
                      <a href={href(view, `/openings/new?employer=${f.employerId}`)}>{say("새 공고 등록", "Register a new opening")}</a>
                    </div>
                  )}
                </td>
              </tr>
            )
          })}
        </Table>
      )}
    </Page>
  )
}
