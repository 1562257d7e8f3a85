/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * How an opening reads: its status as a KRDS badge, and its details as the
 * terms a counselor tells a seeker (wage, hours, what it asks of them).
 */
import { Codes, Opening } from "@iljari/core"
import { orNone } from "../../ui/Format.js"
import { href, type View } from "../../ui/View.js"
import { wageText } from "../../ui/Wage.js"

const badges: Record<Opening.OpeningStatus, string> = {
  open: "krds-badge bg-light-success",
  filled: "krds-badge bg-light-information",
  closed: "krds-badge bg-light-gray",
  cancelled: "krds-badge bg-light-disabled"
}

export const StatusBadge = ({ view, status }: { readonly view: View; readonly status: Opening.OpeningStatus }) => (
  <span class={badges[status]}>{Opening.openingStatusLabel(status, view.lang)}</span>
)

/** `경력 12개월 이상` / `신입`. */
export const careerText = (view: View, career: Opening.Career) =>
  career.minimumMonths === undefined
    ? Codes.careerRequirementLabel(career.requirement, view.lang)
    : view.say(`경력 ${career.minimumMonths}개월 이상`, `${career.minimumMonths}+ months of experience`)

export const OpeningFacts = ({ view, opening: o, employerName }: {
  readonly view: View
  readonly opening: Opening.Opening
  readonly employerName: string
}) => {
  const { say, lang } = view
  const list = (items: ReadonlyArray<string>) => items.length === 0 ? say("없음", "None") : items.join(", ")
  return (
    <dl class="facts">
      <dt>{say("업체", "Employer")}</dt><dd><a href={href(view, `/employers/${o.employerId}`)}>{employerName}</a></dd>
      <dt>{say("상태", "Status")}</dt><dd><StatusBadge view={view} status={o.status} /></dd>
      <dt>{say("직종", "Occupation")}</dt><dd>{`${o.occupation} ${Codes.middleGroupName(o.occupation, lang)}`}</dd>
      <dt>{say("모집 인원", "Positions")}</dt><dd>{say(`${o.headcount}명`, String(o.headcount))}</dd>
      <dt>{say("근무지", "Workplace")}</dt><dd>{[Codes.regionName(o.workRegion, lang), o.workAddress].filter((part) => part !== undefined).join(" · ")}</dd>
      <dt>{say("임금", "Wage")}</dt><dd>{wageText(o.wage, lang)}</dd>
      <dt>{say("최소 학력", "Minimum education")}</dt><dd>{Codes.educationLabel(o.educationMinimum, lang)}</dd>
      <dt>{say("경력", "Experience")}</dt><dd>{careerText(view, o.career)}</dd>
      <dt>{say("고용형태", "Contract")}</dt><dd>{Codes.contractTypeLabel(o.contractType, lang)}</dd>
      <dt>{say("근무형태", "Schedule")}</dt><dd>{`${Codes.workScheduleLabel(o.schedule, lang)} · ${Codes.workingDaysLabel(o.workingDays, lang)}`}</dd>
      <dt>{say("주 근로시간", "Hours a week")}</dt><dd>{o.weeklyHours === undefined ? say("없음", "None") : say(`${o.weeklyHours}시간`, `${o.weeklyHours} hours`)}</dd>
      <dt>{say("근무시간", "Working hours")}</dt><dd>{o.workingHours === undefined ? say("없음", "None") : `${o.workingHours.start} ~ ${o.workingHours.end}`}</dd>
      <dt>{say("필수 자격증", "Required certificates")}</dt><dd>{list(o.requiredCertificates)}</dd>
      <dt>{say("우대 자격증", "Preferred certificates")}</dt><dd>{list(o.preferredCertificates)}</dd>
      <dt>{say("우대 사항", "Preferences")}</dt><dd>{list(o.preferences.map((p) => Opening.hiringPreferenceLabel(p, lang)))}</dd>
      <dt>{say("공고일", "Opened")}</dt><dd>{o.openedOn}</dd>
      <dt>{say("마감일", "Closes")}</dt><dd>{o.closesOn ?? say("채용 시 마감", "Until filled")}</dd>
      <dt>{say("메모", "Notes")}</dt><dd>{orNone(say, o.notes)}</dd>
    </dl>
  )
}
