/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The pages of a refusal: not found (also another district's record, which
 * must look exactly like a missing one), not allowed, and a server fault.
 */
import { Page } from "../ui/Layout.js"
import type { View } from "../ui/View.js"
import { href } from "../ui/View.js"

export type Refusal = "not-found" | "forbidden" | "cross-site" | "opening-closed" | "already-referred" | "fault"

const texts = {
  "not-found": ["찾을 수 없습니다", "Not found", "주소가 맞는지 확인하세요. 다른 센터의 기록이나 지워진 기록은 보이지 않습니다.", "Check the address. Other districts' records and erased records are not shown."],
  forbidden: ["권한이 없습니다", "Not allowed", "이 화면이나 작업은 담당자 또는 관리자만 할 수 있습니다.", "Only the responsible counselor or a manager may do this."],
  "cross-site": ["요청을 처리하지 않았습니다", "Request refused", "다른 사이트에서 보낸 요청이거나 화면이 오래되었습니다. 화면을 새로 고친 뒤 다시 하세요.", "The request came from another site or the page was stale. Reload the page and try again."],
  "opening-closed": ["마감된 공고입니다", "The opening is closed", "그사이 공고가 마감되어 알선할 수 없습니다. 추천 일자리를 새로 고쳐 다른 공고를 고르세요.", "The opening closed in the meantime; reload the recommendations and choose another."],
  "already-referred": ["이미 알선 중입니다", "Already referred", "이 구직자는 이 공고에 이미 진행 중인 알선이 있습니다. 사례 기록의 알선 목록에서 그 알선을 진행하거나 철회하세요.", "The seeker already has a referral under way to this opening; move or withdraw it in the case file's referrals."],
  fault: ["일시적인 오류입니다", "Something went wrong", "잠시 후 다시 시도하세요. 계속되면 시스템 관리자에게 알려 주세요.", "Try again in a moment. If it persists, tell the system administrator."]
} as const

export const RefusalPage = ({ view, refusal }: { readonly view: View; readonly refusal: Refusal }) => {
  const [ko, en, koText, enText] = texts[refusal]
  return (
    <Page view={view} title={view.say(ko, en)}>
      <p>{view.say(koText, enText)}</p>
      <p><a href={href(view, "/")} class="krds-btn secondary">{view.say("오늘 할 일로", "Back to today")}</a></p>
    </Page>
  )
}

export const statusOf: Record<Refusal, number> = { "not-found": 404, forbidden: 403, "cross-site": 403, "opening-closed": 409, "already-referred": 409, fault: 500 }
