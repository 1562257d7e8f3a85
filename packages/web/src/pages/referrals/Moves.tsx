/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * A referral's moves: exactly the ones core's state machine allows from its
 * status (`Referral.transitions`), each a small form that posts the target
 * and the version the person saw; and what a refused move says.
 */
import { Referral, type ReferralBoard } from "@iljari/core"
import { CsrfField } from "../../ui/Layout.js"
import type { Say } from "../../ui/Say.js"
import { href, type View } from "../../ui/View.js"

/** The moves offered from a status: core's transitions, in core's order. */
export const offeredMoves = (status: Referral.ReferralStatus): ReadonlyArray<Referral.ReferralStatus> => Referral.transitions[status]

/** Where a move returns to: the board it was made on (showing one counselor's referrals, or `all`), or the referral's page. */
export type Back = { readonly board: string } | "referral"

const buttonClass = (to: Referral.ReferralStatus) =>
  to === "hired" ? "krds-btn small primary" : to === "rejected" || to === "withdrawn" ? "krds-btn small tertiary" : "krds-btn small secondary"

/**
 * The buttons of a referral's legal moves. Each button's name says which
 * referral it moves (the seeker and the opening, hidden but read aloud).
 */
export const MoveButtons = ({ view, entry, back }: {
  readonly view: View
  readonly entry: ReferralBoard.Entry
  readonly back: Back
}) => {
  const { say, lang } = view
  const { value: r, version } = entry.referral
  const moves = offeredMoves(r.status)
  if (moves.length === 0 || !entry.movable) return null
  const which = `${entry.seeker.name}, ${entry.opening.title}`
  return (
    <div class="actions" role="group" aria-label={say(`${which}: 다음 단계`, `${which}: next step`)}>
      {moves.map((to) => (
        <form method="post" action={href(view, `/referrals/${r.id}/move`)} class="inline-form">
          <CsrfField view={view} />
          <input type="hidden" name="to" value={to} />
          <input type="hidden" name="from" value={r.status} />
          <input type="hidden" name="version" value={String(version)} />
          <input type="hidden" name="back" value={back === "referral" ? "referral" : "board"} />
          {back === "referral" ? null : <input type="hidden" name="board-counselor" value={back.board} />}
          <button type="submit" class={buttonClass(to)}>
            {Referral.referralStatusLabel(to, lang)}
            <span class="visually-hidden">{say(` 단계로 변경: ${which}`, ` — move ${which} to this step`)}</span>
          </button>
        </form>
      ))}
    </div>
  )
}

/**
 * Why a referral cannot be moved by this person, or at all, shown where the
 * buttons would be (that it has ended only where `ended`, not on the board's
 * last columns).
 */
export const NoMoves = ({ view, entry, ended = true }: { readonly view: View; readonly entry: ReferralBoard.Entry; readonly ended?: boolean }) => {
  const { say } = view
  if (offeredMoves(entry.referral.value.status).length === 0) {
    return ended ? <p class="form-hint">{say("끝난 알선입니다. 더 바꿀 단계가 없습니다.", "This referral has ended; it has no further step.")}</p> : null
  }
  if (!entry.movable) {
    return <p class="form-hint">{say("담당 구직자가 아니어서 단계를 바꿀 수 없습니다.", "Not in your caseload: you cannot move it.")}</p>
  }
  return null
}

/** What the person sees when a move is refused. */
export type MoveRefusal =
  | { readonly _tag: "stale" }
  | { readonly _tag: "movedMeanwhile"; readonly now: Referral.ReferralStatus }
  | { readonly _tag: "illegal"; readonly from: Referral.ReferralStatus; readonly to: Referral.ReferralStatus }
  | { readonly _tag: "unknownStep" }
  | { readonly _tag: "notYourCaseload" }

const label = (say: Say, status: Referral.ReferralStatus) => say(`'${Referral.referralStatusLabel(status, "ko")}'`, `"${Referral.referralStatusLabel(status, "en")}"`)

/** The refusal in the person's language. */
export const refusalText = (say: Say, refusal: MoveRefusal): string => {
  switch (refusal._tag) {
    case "stale":
      return say(
        "다른 사용자가 이 알선을 먼저 바꿨습니다. 아래 현재 상태를 확인한 뒤 다시 선택하세요.",
        "Someone else changed this referral first. Check where it stands now, below, and choose again."
      )
    case "movedMeanwhile":
      return say(
        `다른 사용자가 이 알선을 먼저 ${label(say, refusal.now)} 단계로 바꿨습니다. 아래 현재 상태를 확인한 뒤 다시 선택하세요.`,
        `Someone else moved this referral to ${label(say, refusal.now)} first. Check where it stands now, below, and choose again.`
      )
    case "illegal": {
      const allowed = offeredMoves(refusal.from)
      return say(
        `${label(say, refusal.from)} 단계에서 ${label(say, refusal.to)} 단계로는 바꿀 수 없습니다. ` +
          (allowed.length === 0 ? "끝난 알선입니다." : `바꿀 수 있는 단계: ${allowed.map((s) => label(say, s)).join(", ")}`),
        `A referral cannot move from ${label(say, refusal.from)} to ${label(say, refusal.to)}. ` +
          (allowed.length === 0 ? "It has ended." : `It can move to ${allowed.map((s) => label(say, s)).join(", ")}.`)
      )
    }
    case "unknownStep":
      return say("알 수 없는 단계입니다. 화면을 새로 고친 뒤 다시 선택하세요.", "Unknown step. Reload the page and choose again.")
    case "notYourCaseload":
      return say(
        "담당 구직자가 아니어서 알선 단계를 바꿀 수 없습니다. 담당 상담사에게 알리거나 관리자에게 이관을 요청하세요.",
        "This seeker is not in your caseload, so you cannot move the referral. Tell their counselor, or ask a manager to transfer them."
      )
  }
}
