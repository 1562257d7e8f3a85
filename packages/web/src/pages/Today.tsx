/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 오늘 할 일: a counselor's day at a glance — the follow-up calls due today
 * and overdue, monitoring findings about their own records, referrals
 * waiting on an employer's answer, and the center's pace this month.
 */
import { Desk, Monitoring, Referral, Targets } from "@iljari/core"
import { Effect } from "effect"
import type { Handler } from "../http/Handler.js"
import { html } from "../http/Respond.js"
import { partOrPage, staffPage } from "../http/Route.js"
import { CurrentSettings } from "../http/Settings.js"
import { percent } from "../ui/Format.js"
import { Page } from "../ui/Layout.js"
import { Empty, Table } from "../ui/Lists.js"
import { href, type View } from "../ui/View.js"

const Calls = ({ view, desk }: { readonly view: View; readonly desk: Desk.Desk }) => {
  const { say } = view
  const { dueToday, overdue } = desk.calls
  // Today's calls first: the overdue ones do not crowd them out.
  const calls = [...dueToday.calls, ...overdue.calls]
  const total = overdue.total + dueToday.total
  return (
    <section class="card" aria-labelledby="calls">
      <h2 id="calls">{say("사후관리 전화", "Follow-up calls")}</h2>
      <p class="figure">{say(`${total}건`, `${total}`)}</p>
      <p>{say(`오늘 ${dueToday.total}건 · 지연 ${overdue.total}건 · 기한 내 처리율 ${percent(desk.calls.onTimeRate)}`, `${dueToday.total} due today · ${overdue.total} overdue · on time ${percent(desk.calls.onTimeRate)}`)}</p>
      {calls.length === 0 ? null : (
        <ul>
          {calls.slice(0, 5).map((call) => (
            <li>
              <a href={href(view, `/seekers/${call.seeker.id}`)}>{call.seeker.name}</a>
              {` · ${call.employer} · ${say(`${call.check.value.sequence}차, 기한 ${call.check.value.dueOn}`, `check ${call.check.value.sequence}, due ${call.check.value.dueOn}`)}`}
            </li>
          ))}
        </ul>
      )}
      <a class="krds-btn secondary small" href={href(view, "/follow-ups")}>{say("사후관리대장 열기", "Open the ledger")}</a>
    </section>
  )
}

const Waiting = ({ view, desk }: { readonly view: View; readonly desk: Desk.Desk }) => {
  const { say, lang } = view
  const { items, total, names } = desk.waiting
  return (
    <section class="card" aria-labelledby="waiting">
      <h2 id="waiting">{say("답을 기다리는 알선", "Referrals awaiting an answer")}</h2>
      <p class="figure">{say(`${total}건`, `${total}`)}</p>
      {items.length === 0 ? <p>{say("기다리는 알선이 없습니다.", "None waiting.")}</p> : (
        <ul>
          {items.map((r) => (
            <li>
              <a href={href(view, `/seekers/${r.seekerId}`)}>{names.seeker(r.seekerId)}</a>
              {` → ${names.opening(r.openingId)} · ${Referral.referralStatusLabel(r.status, lang)} ${r.history.at(-1)!.on}`}
            </li>
          ))}
        </ul>
      )}
      <a class="krds-btn secondary small" href={href(view, "/referrals")}>{say("알선 현황 열기", "Open the board")}</a>
    </section>
  )
}

/** The findings about the counselor's own records, loaded after the page (the review reads the whole district). */
const FindingsList = ({ view, findings }: { readonly view: View; readonly findings: ReadonlyArray<Monitoring.Finding> }) => {
  const { say, lang } = view
  return findings.length === 0 ? <Empty>{say("내 기록에 대한 점검 사항이 없습니다.", "No finding about your records.")}</Empty> : (
    <ul id="findings-list">
      {findings.map((f) => (
        <li>
          <span class={`krds-badge ${f.severity === "high" ? "bg-danger" : "bg-warning"}`}>{Monitoring.ruleLabel(f.rule, lang)}</span>
          {` ${f.detail[lang]} `}
          {f.records.filter((r) => r.kind === "seeker").map((r) => <a href={href(view, `/seekers/${r.id}`)}>{say("구직자 보기", "Open seeker")}</a>)}
        </li>
      ))}
    </ul>
  )
}

const Findings = ({ view }: { readonly view: View }) => {
  const { say } = view
  return (
    <section aria-labelledby="findings">
      <h2 id="findings">{say("점검할 기록 (최근 30일)", "Records to check (last 30 days)")}</h2>
      <div hx-get={href(view, "/today/findings")} hx-trigger="load" hx-swap="innerHTML">
        <a href={href(view, "/today/findings")}>{say("점검 사항 보기", "Show the findings")}</a>
      </div>
    </section>
  )
}

/** The findings, as a fragment for the today page or a page of their own. */
export const todayFindings: Handler = staffPage(({ actor, view }) =>
  Effect.gen(function*() {
    const findings = yield* Desk.ownFindings(actor)
    return yield* partOrPage(view, view.say("점검할 기록 (최근 30일)", "Records to check (last 30 days)"), <FindingsList view={view} findings={findings} />)
  }))

const PaceTable = ({ view, desk }: { readonly view: View; readonly desk: Desk.Desk }) => {
  const { say, lang } = view
  return (
    <section aria-labelledby="pace">
      <h2 id="pace">{say("이번 달 센터 목표 대비 실적", "The center's pace this month")}</h2>
      <Table caption={say("지표별 이번 달 목표, 오늘까지 기대치, 실적, 판정", "Per metric: this month's target, expected so far, achieved, verdict")} head={<>
        <th scope="col">{say("지표", "Metric")}</th>
        <th scope="col">{say("이번 달 목표", "Month target")}</th>
        <th scope="col">{say("오늘까지 기대", "Expected so far")}</th>
        <th scope="col">{say("실적", "Achieved")}</th>
        <th scope="col">{say("판정", "Verdict")}</th>
      </>}>
        {desk.pace.map((reading) => (
          <tr>
            <th scope="row">{Targets.metricLabel(reading.metric, lang)}</th>
            <td>{reading.pace.target.toLocaleString("ko-KR")}</td>
            <td>{Math.round(reading.pace.expected).toLocaleString("ko-KR")}</td>
            <td>{reading.pace.actual.toLocaleString("ko-KR")}</td>
            <td>{Targets.paceStatusLabel(reading.pace.status, lang)}</td>
          </tr>
        ))}
      </Table>
    </section>
  )
}

export const today: Handler = staffPage(({ actor, view }) =>
  Effect.gen(function*() {
    const settings = yield* CurrentSettings
    const desk = yield* Desk.desk(actor, settings.targetsOf(actor.districtId))
    const { say } = view
    return yield* html(
      <Page view={view} title={say("오늘 할 일", "Today")}>
        <p>{say(`${desk.today} 기준`, `As of ${desk.today}`)}</p>
        <div class="cards">
          <Calls view={view} desk={desk} />
          <Waiting view={view} desk={desk} />
        </div>
        <Findings view={view} />
        <PaceTable view={view} desk={desk} />
      </Page>
    )
  }))
