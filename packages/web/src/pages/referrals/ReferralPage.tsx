/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * One referral (알선 상세): who was referred where, its steps with their
 * dates and who took them, the moves it allows now, and the placement a hire
 * led to (or the way to record it).
 */
import { Referral, type ReferralBoard } from "@iljari/core"
import { Page } from "../../ui/Layout.js"
import { href, type View } from "../../ui/View.js"
import { type MoveRefusal, MoveButtons, NoMoves, refusalText } from "./Moves.js"

export type Notice = "moved"

const notices: Record<Notice, readonly [string, string]> = {
  moved: ["알선 단계를 바꿨습니다.", "The referral has moved on."]
}

export const isNotice = (value: string | null): value is Notice => value !== null && value in notices

/** Where a hire stands: the placement recorded, or the link to record it. */
export const HireState = ({ view, entry }: { readonly view: View; readonly entry: ReferralBoard.Entry }) => {
  const { say } = view
  if (entry.referral.value.status !== "hired") return null
  return entry.placementId === undefined
    ? (
      <p>
        <a class="krds-btn small primary" href={href(view, `/referrals/${entry.referral.value.id}/placement`)}>
          {say("취업 기록 입력", "Record the placement")}
          <span class="visually-hidden">{say(`: ${entry.seeker.name}, ${entry.opening.title}`, `: ${entry.seeker.name}, ${entry.opening.title}`)}</span>
        </a>
      </p>
    )
    : (
      <p class="form-hint">
        {say("취업 기록됨 · ", "Placement recorded · ")}
        <a href={href(view, `/seekers/${entry.seeker.id}#placements`)}>
          {say("취업 기록 보기", "See the placement")}
          <span class="visually-hidden">{say(`: ${entry.seeker.name}`, `: ${entry.seeker.name}`)}</span>
        </a>
      </p>
    )
}

export const ReferralPage = ({ view, details, notice, refusal }: {
  readonly view: View
  readonly details: ReferralBoard.Details
  readonly notice?: Notice | undefined
  readonly refusal?: MoveRefusal | undefined
}) => {
  const { say, lang } = view
  const { entry, staff } = details
  const r = entry.referral.value
  return (
    <Page view={view} title={say(`알선: ${entry.seeker.name} → ${entry.opening.title}`, `Referral: ${entry.seeker.name} → ${entry.opening.title}`)}>
      {notice === undefined ? null : <div class="notice success" role="status">{say(...notices[notice])}</div>}
      {refusal === undefined ? null : <div class="notice error" role="alert">{refusalText(say, refusal)}</div>}
      <div class="actions">
        <a class="krds-btn tertiary" href={href(view, "/referrals")}>{say("알선 현황", "Referral board")}</a>
      </div>
      <dl class="facts">
        <dt>{say("구직자", "Seeker")}</dt>
        <dd><a href={href(view, `/seekers/${entry.seeker.id}`)}>{entry.seeker.name}</a></dd>
        <dt>{say("공고", "Opening")}</dt>
        <dd>{entry.opening.title}</dd>
        <dt>{say("구인업체", "Employer")}</dt>
        <dd>{entry.employer?.name ?? say("알 수 없음", "Unknown")}</dd>
        <dt>{say("현재 단계", "Now")}</dt>
        <dd><span class="krds-badge">{Referral.referralStatusLabel(r.status, lang)}</span></dd>
        <dt>{say("알선 담당", "Referred by")}</dt>
        <dd>{staff(r.counselorId)}</dd>
        {r.notes === undefined ? null : <><dt>{say("메모", "Notes")}</dt><dd>{r.notes}</dd></>}
      </dl>
      <section aria-labelledby="history">
        <h2 id="history">{say("진행 이력", "History")}</h2>
        <ol>
          {r.history.map((step) => (
            <li>
              <time datetime={step.on}>{step.on}</time>
              {` ${Referral.referralStatusLabel(step.status, lang)} · ${staff(step.by)}`}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="next">
        <h2 id="next">{say("다음 단계", "Next step")}</h2>
        <MoveButtons view={view} entry={entry} back="referral" />
        <NoMoves view={view} entry={entry} />
        <HireState view={view} entry={entry} />
      </section>
    </Page>
  )
}
