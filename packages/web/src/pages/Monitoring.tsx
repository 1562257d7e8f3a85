/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 부정 기록 점검: the monitoring review a manager runs twice a month
 * (`MonitoringDecision.review`) — the findings of a period by rule and
 * severity, each with the records it names, and a form to mark it confirmed
 * or cleared with a note (`MonitoringDecision.decide`: kept, versioned and
 * audited). Only for a role that may see the review (`monitoring.read`).
 *
 * - `GET /monitoring?from=&to=`: the review of a period (default the half
 *   month of today: the 1st–15th or the 16th to the month's end).
 * - `POST /monitoring/decide`: one decision; back to the review at the
 *   finding, or the review again with the refusal at the finding (422, or
 *   409 when another manager decided first).
 */
import { HttpRouter } from "@effect/platform"
import {
  Accounts,
  CaseFile,
  type Ids,
  JobCenter,
  LocalDate,
  Monitoring,
  MonitoringDecision,
  Roles,
  Validation
} from "@iljari/core"
import { Effect, Either, Schema } from "effect"
import type { Form } from "../http/Form.js"
import type { Handler, Routes } from "../http/Handler.js"
import { query } from "../http/Params.js"
import { html, seeOther } from "../http/Respond.js"
import { staffPage } from "../http/Route.js"
import { NotPermitted, type Signed } from "../http/Signed.js"
import { kstDate } from "../ui/Format.js"
import { CsrfField, Page } from "../ui/Layout.js"
import { Table } from "../ui/Lists.js"
import { problemsOf, ruleIn } from "../ui/Rules.js"
import { href, type View } from "../ui/View.js"

const titleOf = (view: View) => view.say("부정 기록 점검", "Monitoring review")

const mayReview = (signedIn: Signed) =>
  Roles.can(signedIn.role, "monitoring.read") ? Effect.void : Effect.fail(new NotPermitted())

/** The half month a review covers by default: the 1st–15th, or the 16th to the month's end. */
const halfMonthOf = (day: LocalDate.LocalDate) =>
  LocalDate.parts(day).day <= 15
    ? { from: LocalDate.startOfMonth(day), to: LocalDate.addDays(LocalDate.startOfMonth(day), 14) }
    : { from: LocalDate.addDays(LocalDate.startOfMonth(day), 15), to: LocalDate.endOfMonth(day) }

const Period = Schema.Struct({ from: LocalDate.LocalDate, to: LocalDate.LocalDate }).annotations({ identifier: "MonitoringPeriod" })
const decodePeriod = Validation.decodeEither(Period)

/** A finding's refusal, shown at it, with what was typed. */
interface Refused {
  readonly key: string
  readonly status: string | undefined
  readonly note: string | undefined
  readonly message: string
}

const severityClass: Record<Monitoring.Severity, string> = { high: "bg-danger", medium: "bg-warning", low: "bg-secondary" }
const severityLabel: Record<Monitoring.Severity, { readonly ko: string; readonly en: string }> = {
  high: { ko: "높음", en: "High" },
  medium: { ko: "중간", en: "Medium" },
  low: { ko: "낮음", en: "Low" }
}

const severities: ReadonlyArray<Monitoring.Severity> = ["high", "medium", "low"]

/** The findings counted by rule and severity, with how many are decided. */
const Summary = ({ view, reviewed }: { readonly view: View; readonly reviewed: ReadonlyArray<MonitoringDecision.Reviewed> }) => {
  const { say, lang } = view
  const rules = [...new Set(reviewed.map((r) => r.finding.rule))]
  const count = (rule: Monitoring.Rule, pick: (r: MonitoringDecision.Reviewed) => boolean) =>
    reviewed.filter((r) => r.finding.rule === rule && pick(r)).length
  return (
    <Table
      caption={say("규칙·심각도별 점검 건수", "Findings by rule and severity")}
      head={<>
        <th scope="col">{say("규칙", "Rule")}</th>
        {severities.map((s) => <th scope="col">{severityLabel[s][lang]}</th>)}
        <th scope="col">{say("판단 완료", "Decided")}</th>
        <th scope="col">{say("판단 전", "To decide")}</th>
      </>}
    >
      {rules.map((rule) => (
        <tr>
          <th scope="row">{Monitoring.ruleLabel(rule, lang)}</th>
          {severities.map((s) => <td class="ar">{count(rule, (r) => r.finding.severity === s)}</td>)}
          <td class="ar">{count(rule, (r) => r.decision !== undefined)}</td>
          <td class="ar">{count(rule, (r) => r.decision === undefined)}</td>
        </tr>
      ))}
    </Table>
  )
}

interface Names {
  readonly seeker: (id: string) => string
  readonly counselor: (id: string) => string
}

const RecordLink = ({ view, record, names }: { readonly view: View; readonly record: Monitoring.RecordRef; readonly names: Names }) => {
  const { say } = view
  switch (record.kind) {
    case "seeker":
      return <a href={href(view, `/seekers/${record.id}`)}>{say(`구직자 ${names.seeker(record.id)}`, `Seeker ${names.seeker(record.id)}`)}</a>
    case "referral":
      return <a href={href(view, `/referrals/${record.id}`)}>{say(`알선 ${record.id}`, `Referral ${record.id}`)}</a>
    case "placement":
      return <span>{say(`취업 기록 ${record.id}`, `Placement ${record.id}`)}</span>
    case "counselor":
      return <span>{say(`상담사 ${names.counselor(record.id)}`, `Counselor ${names.counselor(record.id)}`)}</span>
  }
}

const DecisionForm = ({ view, reviewed, index, period, refused }: {
  readonly view: View
  readonly reviewed: MonitoringDecision.Reviewed
  readonly index: number
  readonly period: { readonly from: string; readonly to: string }
  readonly refused: Refused | undefined
}) => {
  const { say, lang } = view
  const decision = reviewed.decision
  const status = refused?.status ?? decision?.value.status
  const id = `decide-${index}`
  return (
    <form method="post" action={href(view, "/monitoring/decide")} class="decision-form" aria-labelledby={`${id}-title`}>
      <CsrfField view={view} />
      <input type="hidden" name="from" value={period.from} />
      <input type="hidden" name="to" value={period.to} />
      <input type="hidden" name="key" value={reviewed.key} />
      {decision === undefined ? null : <input type="hidden" name="version" value={String(decision.version)} />}
      <p class="visually-hidden" id={`${id}-title`}>{say(`판단: ${Monitoring.ruleLabel(reviewed.finding.rule, "ko")}`, `Decision: ${Monitoring.ruleLabel(reviewed.finding.rule, "en")}`)}</p>
      <fieldset class="form-group">
        <legend class="form-tit">{say("판단", "Decision")}</legend>
        <div class="form-conts krds-check-area">
          {(["confirmed", "cleared"] as const).map((value) => (
            <div class="krds-form-check">
              <input type="radio" name="status" id={`${id}-${value}`} value={value} checked={status === value} required />
              <label for={`${id}-${value}`}>{MonitoringDecision.findingStatusLabel(value, lang)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div class="form-group">
        <div class="form-tit"><label for={`${id}-note`}>{say("메모", "Note")}</label></div>
        <div class={refused === undefined ? "form-conts" : "form-conts is-error"}>
          <textarea
            id={`${id}-note`}
            name="note"
            class="krds-input"
            rows={2}
            required
            aria-invalid={refused === undefined ? undefined : true}
            aria-describedby={refused === undefined ? undefined : `${id}-problem`}
          >
            {refused?.note ?? decision?.value.note ?? ""}
          </textarea>
        </div>
        {refused === undefined ? null : <p class="form-hint-invalid" id={`${id}-problem`} role="alert">{refused.message}</p>}
      </div>
      <button type="submit" class="krds-btn small">{decision === undefined ? say("판단 저장", "Save the decision") : say("판단 고치기", "Change the decision")}</button>
    </form>
  )
}

const Finding = ({ view, reviewed, index, period, names, refused, justDecided }: {
  readonly view: View
  readonly reviewed: MonitoringDecision.Reviewed
  readonly index: number
  readonly period: { readonly from: string; readonly to: string }
  readonly names: Names
  readonly refused: Refused | undefined
  readonly justDecided: boolean
}) => {
  const { say, lang } = view
  const { decision, finding } = reviewed
  return (
    <li class="card finding" id={`finding-${reviewed.key}`}>
      <p>
        <span class={`krds-badge ${severityClass[finding.severity]}`}>{`${say("심각도", "Severity")} ${severityLabel[finding.severity][lang]}`}</span>
        {" "}
        <strong>{Monitoring.ruleLabel(finding.rule, lang)}</strong>
      </p>
      <p>{finding.detail[lang]}</p>
      <ul class="finding-records">
        {finding.records.map((record) => <li><RecordLink view={view} record={record} names={names} /></li>)}
        {finding.counselorId === undefined || finding.records.some((r) => r.kind === "counselor")
          ? null
          : <li>{say(`담당 상담사 ${names.counselor(finding.counselorId)}`, `Counselor ${names.counselor(finding.counselorId)}`)}</li>}
      </ul>
      {decision === undefined ? <p class="finding-status">{say("아직 판단하지 않았습니다.", "Not decided yet.")}</p> : (
        <p class="finding-status">
          <strong>{MonitoringDecision.findingStatusLabel(decision.value.status, lang)}</strong>
          {` · ${names.counselor(decision.value.decidedBy)} · ${kstDate(decision.value.decidedAt)}`}
          {justDecided ? <span class="visually-hidden" role="status">{say(" 저장했습니다.", " Saved.")}</span> : null}
        </p>
      )}
      <DecisionForm view={view} reviewed={reviewed} index={index} period={period} refused={refused} />
    </li>
  )
}

const Ask = ({ view, period, problems }: {
  readonly view: View
  readonly period: { readonly from: string; readonly to: string }
  readonly problems: ReadonlyArray<string>
}) => {
  const { say } = view
  return (
    <form method="get" action={href(view, "/monitoring")} class="card targets-ask">
      <h2>{say("점검 기간", "Period reviewed")}</h2>
      <p>{say("매월 1~15일과 16일~말일, 두 번 점검합니다.", "The review runs twice a month: the 1st–15th and the 16th to the month's end.")}</p>
      <div class="targets-fields">
        <div>
          <label for="from">{say("시작일", "From")}</label>
          <input class="krds-input" type="date" id="from" name="from" value={period.from} required />
        </div>
        <div>
          <label for="to">{say("종료일", "To")}</label>
          <input class="krds-input" type="date" id="to" name="to" value={period.to} required />
        </div>
      </div>
      <button type="submit" class="krds-btn small">{say("점검 실행", "Run the review")}</button>
      {problems.length === 0 ? null : (
        <div role="alert" class="krds-form-error">
          <ul>{problems.map((p) => <li>{p}</li>)}</ul>
        </div>
      )}
    </form>
  )
}

/** The form alone, with the rules a period asked for broke (400). */
const refusedPeriod = (view: View, period: { readonly from: string; readonly to: string }, problems: ReadonlyArray<string>) =>
  html(<Page view={view} title={titleOf(view)}><Ask view={view} period={period} problems={problems} /></Page>, { status: 400 })

/** The review page of a period, with a refusal at one finding when a decision was refused. */
const reviewPage = (
  signedIn: Signed,
  period: { readonly from: LocalDate.LocalDate; readonly to: LocalDate.LocalDate },
  options: { readonly refused?: Refused; readonly decided?: string; readonly gone?: boolean; readonly status?: number } = {}
) =>
  Effect.gen(function*() {
    const { actor, view } = signedIn
    const { say } = view
    const checked = yield* Effect.either(MonitoringDecision.review(actor, period))
    if (Either.isLeft(checked)) {
      if (checked.left._tag !== "ValidationError") return yield* Effect.fail(checked.left)
      return yield* refusedPeriod(view, period, checked.left.issues.map((issue) => ruleIn(say, issue.message)))
    }
    const reviewed = checked.right
    const seekers = reviewed.flatMap((r) => r.finding.records.filter((x) => x.kind === "seeker").map((x) => x.id as Ids.SeekerId))
    const [found, accounts, counselors] = yield* Effect.all([
      CaseFile.namesOf(actor, { seekers }),
      Accounts.names(actor.districtId),
      JobCenter.listCounselors(actor)
    ])
    const staff = { ...accounts, ...Object.fromEntries(counselors.map((c) => [c.value.id, c.value.name] as const)) }
    const names: Names = { seeker: (id) => found.seeker(id as Ids.SeekerId), counselor: (id) => staff[id] ?? id }
    const open = reviewed.filter((r) => r.decision === undefined).length
    return yield* html(
      <Page view={view} title={titleOf(view)}>
        <Ask view={view} period={period} problems={[]} />
        <section aria-labelledby="review-title">
          <h2 id="review-title">{say(`${period.from} ~ ${period.to} 점검 결과`, `Review of ${period.from} to ${period.to}`)}</h2>
          {options.gone === true
            ? (
              <p class="notice error" role="alert">
                {say(
                  "판단하려던 점검 사항은 기록이 바뀌어 더 이상 나오지 않습니다. 지금의 점검 결과를 확인하세요.",
                  "The finding you decided on is no longer found: its records changed. Here is the review as it stands now."
                )}
              </p>
            )
            : null}
          {reviewed.length === 0
            ? <p class="notice success">{say("이 기간에는 점검할 기록이 없습니다.", "Nothing to check in this period.")}</p>
            : (
              <>
                <p>{say(`점검 사항 ${reviewed.length}건 중 판단 전 ${open}건`, `${reviewed.length} findings, ${open} still to decide`)}</p>
                <Summary view={view} reviewed={reviewed} />
                <ol class="findings">
                  {reviewed.map((r, i) => (
                    <Finding
                      view={view}
                      reviewed={r}
                      index={i}
                      period={period}
                      names={names}
                      refused={options.refused?.key === r.key ? options.refused : undefined}
                      justDecided={options.decided === r.key}
                    />
                  ))}
                </ol>
              </>
            )}
        </section>
      </Page>,
      { status: options.status ?? 200 }
    )
  })

const showReview: Handler = staffPage((signedIn) =>
  Effect.gen(function*() {
    yield* mayReview(signedIn)
    const params = yield* query
    const today = yield* JobCenter.today
    const from = params.get("from")
    const to = params.get("to")
    const decided = params.get("decided") ?? undefined
    if (from === null && to === null) return yield* reviewPage(signedIn, halfMonthOf(today))
    const period = decodePeriod({ from: from ?? "", to: to ?? "" })
    if (Either.isLeft(period)) {
      return yield* refusedPeriod(signedIn.view, { from: from ?? "", to: to ?? "" }, Object.values(problemsOf(signedIn.view.say, period.left)))
    }
    return yield* reviewPage(signedIn, period.right, decided === undefined ? {} : { decided })
  }))

const refusalOf = (signedIn: Signed, error: { readonly _tag: string }, form: Form): Refused | undefined => {
  const { say } = signedIn.view
  const kept = { key: form.get("key") ?? "", status: form.get("status"), note: form.get("note") }
  switch (error._tag) {
    case "ValidationError":
      return { ...kept, message: Object.values(problemsOf(say, error as Validation.ValidationError)).join(" ") }
    case "StaleVersion":
      return {
        ...kept,
        message: say(
          "다른 관리자가 이 점검 사항을 먼저 판단했습니다. 입력하신 내용은 그대로 두었으니, 바뀐 판단을 확인한 뒤 다시 저장하세요.",
          "Another manager decided this finding first. Your input is kept; check their decision, then save again."
        )
      }
    default:
      return undefined
  }
}

const decide: Handler = staffPage((signedIn, form) =>
  Effect.gen(function*() {
    yield* mayReview(signedIn)
    const { view } = signedIn
    const version = form.get("version")
    const request = {
      from: form.get("from"),
      to: form.get("to"),
      key: form.get("key"),
      status: form.get("status"),
      note: form.get("note") ?? "",
      ...(version === undefined ? {} : { expectedVersion: Number(version) })
    }
    const attempt = yield* Effect.either(MonitoringDecision.decide(signedIn.actor, request))
    const period = decodePeriod({ from: request.from ?? "", to: request.to ?? "" })
    if (Either.isRight(attempt)) {
      const back = new URLSearchParams({ from: request.from ?? "", to: request.to ?? "", decided: attempt.right.value.id })
      return seeOther(href(view, `/monitoring?${back.toString()}#finding-${attempt.right.value.id}`))
    }
    if (Either.isLeft(period)) {
      return yield* refusedPeriod(view, { from: request.from ?? "", to: request.to ?? "" }, Object.values(problemsOf(view.say, period.left)))
    }
    // A finding gone from the review (its facts changed meanwhile): the review as it stands now.
    if (attempt.left._tag === "NotFound") return yield* reviewPage(signedIn, period.right, { gone: true, status: 404 })
    const refused = refusalOf(signedIn, attempt.left, form)
    if (refused === undefined) return yield* Effect.fail(attempt.left)
    return yield* reviewPage(signedIn, period.right, { refused, status: attempt.left._tag === "StaleVersion" ? 409 : 422 })
  }))

export const monitoringRoutes: Routes = HttpRouter.empty.pipe(
  HttpRouter.get("/monitoring", showReview),
  HttpRouter.post("/monitoring/decide", decide)
)
