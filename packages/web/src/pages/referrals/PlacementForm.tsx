/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * 취업 기록: the placement a hire leads to, the fields of core's
 * `PlacementRequest` — the start date, the contract, the schedule, the wage
 * (how it is quoted and the amount) and a note — prefilled from the referral
 * (its seeker, its opening's employer and terms, today as the start), each
 * field with its rule in Korean beside it when refused.
 */
import { Codes, Referral, type ReferralBoard } from "@iljari/core"
import type { Form } from "../../http/Form.js"
import { type Problems, ProblemSummary, SelectField, TextArea, TextField } from "../../ui/Fields.js"
import { CsrfField, Page } from "../../ui/Layout.js"
import type { Say } from "../../ui/Say.js"
import { href, type View } from "../../ui/View.js"
import { choicesOf } from "../../ui/Choices.js"

/** The form's values as the person typed them (kept when refused). */
export interface Values {
  readonly startOn?: string | undefined
  readonly contractType?: string | undefined
  readonly schedule?: string | undefined
  readonly wageType?: string | undefined
  readonly wageAmount?: string | undefined
  readonly notes?: string | undefined
}

export const labels = (say: Say): Record<string, string> => ({
  startOn: say("근무 시작일", "Start date"),
  contractType: say("고용형태", "Contract"),
  schedule: say("근무형태", "Schedule"),
  wageType: say("임금 형태", "Wage quoted"),
  wageAmount: say("임금 (원)", "Wage (won)"),
  notes: say("메모", "Notes"),
  seekerId: say("구직자", "Seeker"),
  referralId: say("알선", "Referral"),
  employerId: say("구인업체", "Employer")
})

/** Which form field a decoding issue's path belongs to. */
export const fieldOf = (path: string): string =>
  path === "wage.type" ? "wageType" : path.startsWith("wage") ? "wageAmount" : path.split(/[.[]/)[0] ?? path

export const valuesOf = (form: Form): Values => ({
  startOn: form.get("startOn"),
  contractType: form.get("contractType"),
  schedule: form.get("schedule"),
  wageType: form.get("wageType"),
  wageAmount: form.get("wageAmount"),
  notes: form.get("notes")
})

/** The form prefilled from the referral: today's start, and the opening's contract, schedule and wage. */
export const prefilled = (details: ReferralBoard.Details, today: string): Values => ({
  startOn: today,
  contractType: details.opening?.contractType,
  schedule: details.opening?.schedule,
  wageType: details.opening?.wage.type,
  wageAmount: details.opening === undefined ? undefined : String(details.opening.wage.min)
})

// An amount as typed, "2,500,000원" too; anything else goes to core as text, to be refused there.
const amountOf = (value: string) => {
  const digits = value.replace(/[,\s원₩]/g, "")
  return /^\d+$/.test(digits) ? Number(digits) : value
}

/** What `recordPlacement` decodes: the referral's seeker and the form's fields (the employer is the referral's). */
export const inputOf = (values: Values, entry: ReferralBoard.Entry) => {
  const { wageType, wageAmount, notes } = values
  return {
    seekerId: entry.seeker.id,
    referralId: entry.referral.value.id,
    startOn: values.startOn,
    contractType: values.contractType,
    schedule: values.schedule,
    ...(wageType === undefined && wageAmount === undefined
      ? {}
      : { wage: { ...(wageType === undefined ? {} : { type: wageType }), ...(wageAmount === undefined ? {} : { amount: amountOf(wageAmount) }) } }),
    ...(notes === undefined ? {} : { notes })
  }
}

/** Why the form cannot record a placement, above it. */
export type PlacementRefusal =
  | { readonly _tag: "alreadyPlaced" }
  | { readonly _tag: "notHired" }
  | { readonly _tag: "stale" }
  | { readonly _tag: "notYourCaseload" }

const RefusalNotice = ({ view, details, refusal }: {
  readonly view: View
  readonly details: ReferralBoard.Details
  readonly refusal: PlacementRefusal
}) => {
  const { say, lang } = view
  const { entry } = details
  const seekerLink = <a href={href(view, `/seekers/${entry.seeker.id}#placements`)}>{say(`${entry.seeker.name}님의 취업 기록 보기`, `See ${entry.seeker.name}'s placements`)}</a>
  const referralLink = <a href={href(view, `/referrals/${entry.referral.value.id}`)}>{say("알선 상세 보기", "See the referral")}</a>
  switch (refusal._tag) {
    case "alreadyPlaced":
      return (
        <div class="notice error" role="alert">
          <p>{say("이 알선으로 이미 취업을 기록했습니다. 한 알선에는 취업 기록이 하나뿐입니다. 내용을 고치려면 기존 기록을 확인하세요.", "A placement is already recorded for this referral; a referral leads to one placement. Check the recorded one to correct it.")}</p>
          <p>{seekerLink}</p>
        </div>
      )
    case "notHired":
      return (
        <div class="notice error" role="alert">
          <p>{say(
            `이 알선은 '${Referral.referralStatusLabel(entry.referral.value.status, "ko")}' 단계입니다. 면접진행 또는 채용 단계의 알선만 취업을 기록할 수 있습니다.`,
            `This referral is "${Referral.referralStatusLabel(entry.referral.value.status, lang)}". Only a referral at the interview or hired step can lead to a placement.`
          )}</p>
          <p>{referralLink}</p>
        </div>
      )
    case "stale":
      return (
        <div class="notice error" role="alert">
          {say("다른 사용자가 이 알선을 먼저 바꿨습니다. 아래 입력 내용을 확인한 뒤 다시 저장하세요. ", "Someone else changed this referral first. Check what you entered below and save again. ")}
          {referralLink}
        </div>
      )
    case "notYourCaseload":
      return (
        <div class="notice error" role="alert">
          {say("담당 구직자가 아니어서 취업을 기록할 수 없습니다. 담당 상담사에게 알리거나 관리자에게 이관을 요청하세요. ", "This seeker is not in your caseload, so you cannot record the placement. Tell their counselor, or ask a manager to transfer them. ")}
          {referralLink}
        </div>
      )
  }
}

/** Whether a referral's status lets a placement be recorded for it (core moves an interview to hired itself). */
export const placeable = (status: Referral.ReferralStatus) => status === "hired" || status === "interviewing"

export const PlacementFormPage = ({ view, details, values, problems, refusal }: {
  readonly view: View
  readonly details: ReferralBoard.Details
  readonly values: Values
  readonly problems: Problems
  readonly refusal?: PlacementRefusal | undefined
}) => {
  const { say, lang } = view
  const { entry } = details
  const id = entry.referral.value.id
  const label = labels(say)
  const code = choicesOf
  // No form where it could only be refused again: a placed referral, or one that never got to a hire.
  const showForm = refusal?._tag !== "alreadyPlaced" && refusal?._tag !== "notHired"
  return (
    <Page view={view} title={say(`취업 기록: ${entry.seeker.name}`, `Record the placement: ${entry.seeker.name}`)}>
      {refusal === undefined ? null : <RefusalNotice view={view} details={details} refusal={refusal} />}
      <dl class="facts">
        <dt>{say("구직자", "Seeker")}</dt>
        <dd><a href={href(view, `/seekers/${entry.seeker.id}`)}>{entry.seeker.name}</a></dd>
        <dt>{say("구인업체", "Employer")}</dt>
        <dd>{entry.employer?.name ?? say("알 수 없음", "Unknown")}</dd>
        <dt>{say("공고", "Opening")}</dt>
        <dd>{entry.opening.title}</dd>
        <dt>{say("알선 단계", "Referral step")}</dt>
        <dd>{Referral.referralStatusLabel(entry.referral.value.status, lang)}</dd>
      </dl>
      {showForm
        ? (
          <>
            <ProblemSummary problems={problems} labels={label} title={say(`${Object.keys(problems).length}개 항목을 고쳐 주세요`, `Fix ${Object.keys(problems).length} field(s)`)} />
            <form method="post" action={href(view, `/referrals/${id}/placement`)} novalidate>
              <CsrfField view={view} />
              <TextField name="startOn" type="date" label={label["startOn"]!} value={values.startOn} required problems={problems} />
              <SelectField name="contractType" label={label["contractType"]!} value={values.contractType} choices={code(Codes.ContractType.literals, (c) => Codes.contractTypeLabel(c, lang))} empty={say("선택", "Choose")} required problems={problems} />
              <SelectField name="schedule" label={label["schedule"]!} value={values.schedule} choices={code(Codes.WorkSchedule.literals, (c) => Codes.workScheduleLabel(c, lang))} empty={say("선택", "Choose")} required problems={problems} />
              <SelectField name="wageType" label={label["wageType"]!} value={values.wageType} choices={code(Codes.WageType.literals, (c) => Codes.wageTypeLabel(c, lang))} empty={say("적지 않음", "Not given")} hint={say("임금을 적으려면 형태와 금액을 모두 입력하세요.", "To record the wage, give both how it is quoted and the amount.")} problems={problems} />
              <TextField name="wageAmount" label={label["wageAmount"]!} value={values.wageAmount} inputmode="numeric" autocomplete="off" hint={say("예: 2500000 (원 단위)", "e.g. 2500000 (won)")} problems={problems} />
              <TextArea name="notes" label={label["notes"]!} value={values.notes} hint={say("주민등록번호 등 고유식별정보는 적지 마세요.", "Do not write resident registration numbers or other unique identifiers.")} problems={problems} />
              <div class="actions">
                <button type="submit" class="krds-btn primary large">{say("취업 기록", "Record the placement")}</button>
                <a class="krds-btn tertiary large" href={href(view, `/referrals/${id}`)}>{say("나중에 기록", "Later")}</a>
              </div>
            </form>
          </>
        )
        : null}
    </Page>
  )
}
