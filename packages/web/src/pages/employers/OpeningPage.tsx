/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * An opening's page: its terms, a form to close it (마감, 채용완료 or 취소,
 * based on the version shown, so that a close on a stale page shows the
 * conflict instead of overwriting), and the seekers best suited to it with
 * each one's score and the reason per criterion — loaded after the page,
 * since ranking may rebuild the district's index.
 */
import { Opening, type Recommendations, type Seeker } from "@iljari/core"
import { type Problems, SelectField } from "../../ui/Fields.js"
import { CsrfField, Page } from "../../ui/Layout.js"
import { Empty } from "../../ui/Lists.js"
import { MatchReasons, scoreText } from "../../ui/MatchReasons.js"
import { href, type View } from "../../ui/View.js"
import { OpeningFacts } from "./OpeningFacts.js"

export type OpeningNotice = "registered" | "closed"

const notices: Record<OpeningNotice, readonly [string, string]> = {
  registered: ["구인공고를 등록했습니다. 아래에서 추천 구직자를 확인하세요.", "The opening is registered; see the recommended seekers below."],
  closed: ["구인공고를 마감했습니다. 이제 추천과 알선 대상에서 빠집니다.", "The opening is closed; it is no longer recommended or referred to."]
}

export const isOpeningNotice = (value: string | null): value is OpeningNotice => value !== null && value in notices

/** What an open opening may be closed as. */
export const closingStatuses = ["closed", "filled", "cancelled"] as const satisfies ReadonlyArray<Opening.OpeningStatus>
export type ClosingStatus = typeof closingStatuses[number]
export const isClosingStatus = (value: string | undefined): value is ClosingStatus =>
  closingStatuses.includes(value as ClosingStatus)

/** How many seekers the page recommends. */
export const recommended = 10

/** The best seekers for an opening, each with the score and the reason per criterion, linking to the case file. */
export const BestSeekers = ({ view, opening, found }: {
  readonly view: View
  readonly opening: Opening.Opening
  readonly found: ReadonlyArray<Recommendations.Recommendation<Seeker.Seeker>>
}) => {
  const { say } = view
  return (
    <div id="best-seekers">
      {opening.status !== "open"
        ? <Empty>{say("채용중인 공고에만 구직자를 추천합니다.", "Seekers are recommended for open openings only.")}</Empty>
        : found.length === 0
        ? <Empty>{say("추천할 구직자가 없습니다.", "No seeker to recommend.")}</Empty>
        : (
          <ol class="matches">
            {found.map(({ record: { value: s }, match }) => (
              <li class="card">
                <h3><a href={href(view, `/seekers/${s.id}`)}>{s.name}</a>{` · ${scoreText(view, match)}`}</h3>
                <MatchReasons view={view} match={match} />
              </li>
            ))}
          </ol>
        )}
    </div>
  )
}

/** The conflict when the opening changed since the page was shown. */
const Conflict = ({ view, opening }: { readonly view: View; readonly opening: Opening.Opening }) => (
  <div class="notice error" role="alert">
    {opening.status === "open"
      ? view.say(
        "다른 사용자가 이 공고를 먼저 수정했습니다. 아래 현재 내용을 확인한 뒤, 그래도 마감하려면 다시 마감하세요.",
        "Someone else changed this opening first. Check it as it is now below, and close it again if you still mean to."
      )
      : view.say(
        `이 공고는 그사이 '${Opening.openingStatusLabel(opening.status, "ko")}' 상태로 바뀌었습니다. 아무것도 덮어쓰지 않았습니다.`,
        `This opening has meanwhile become "${Opening.openingStatusLabel(opening.status, "en")}"; nothing was overwritten.`
      )}
  </div>
)

const CloseForm = ({ view, id, version, problems }: {
  readonly view: View
  readonly id: string
  readonly version: number
  readonly problems: Problems
}) => {
  const { say, lang } = view
  return (
    <section aria-labelledby="close">
      <h2 id="close">{say("공고 마감", "Close the opening")}</h2>
      <p class="form-hint">{say("마감한 공고는 추천과 알선 대상에서 빠지고, 다시 열 수 없습니다.", "A closed opening is no longer recommended or referred to, and cannot be reopened here.")}</p>
      <form method="post" action={href(view, `/openings/${id}/close`)}>
        <CsrfField view={view} />
        <input type="hidden" name="version" value={String(version)} />
        <SelectField
          name="status"
          label={say("마감 사유", "Close as")}
          value="closed"
          choices={closingStatuses.map((s) => ({ value: s, label: Opening.openingStatusLabel(s, lang) }))}
          problems={problems}
        />
        <button type="submit" class="krds-btn secondary">{say("마감", "Close")}</button>
      </form>
    </section>
  )
}

export const OpeningPage = ({ view, opening, version, employerName, notice, conflict, problems }: {
  readonly view: View
  readonly opening: Opening.Opening
  readonly version: number
  readonly employerName: string
  readonly notice?: OpeningNotice | undefined
  readonly conflict?: boolean
  readonly problems?: Problems
}) => {
  const { say } = view
  const o = opening
  return (
    <Page view={view} title={o.title}>
      {notice === undefined ? null : <div class="notice success" role="status">{say(...notices[notice])}</div>}
      {conflict === true ? <Conflict view={view} opening={o} /> : null}
      <div class="actions">
        <a class="krds-btn tertiary" href={href(view, `/employers/${o.employerId}`)}>{say("업체 정보", "The employer")}</a>
        <a class="krds-btn tertiary" href={href(view, "/openings")}>{say("구인공고 목록", "All openings")}</a>
      </div>
      <section aria-labelledby="terms">
        <h2 id="terms">{say("공고 내용", "Terms")}</h2>
        <OpeningFacts view={view} opening={o} employerName={employerName} />
      </section>
      <section aria-labelledby="best-seekers-title">
        <h2 id="best-seekers-title">{say("추천 구직자", "Recommended seekers")}</h2>
        <p class="form-hint">{say("점수와 기준별 이유를 보여 줍니다. 나이와 성별은 쓰지 않습니다. 보여 준 구직자는 접속기록에 남습니다.", "Scores with the reason per criterion. Age and gender are never used. Every seeker shown is logged.")}</p>
        {o.status === "open"
          ? (
            <div hx-get={href(view, `/openings/${o.id}/seekers`)} hx-trigger="load" hx-swap="outerHTML">
              <a href={href(view, `/openings/${o.id}/seekers`)}>{say("추천 구직자 보기", "Show recommended seekers")}</a>
            </div>
          )
          : <BestSeekers view={view} opening={o} found={[]} />}
      </section>
      {o.status === "open" ? <CloseForm view={view} id={o.id} version={version} problems={problems ?? {}} /> : null}
    </Page>
  )
}
