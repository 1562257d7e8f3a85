// The follow-up ledger (사후관리대장): one row a check made — which
// placement, which check (차수), when, how and what was found.
import { Either } from "effect"
import * as FollowUp from "../../casework/FollowUp.js"
import type { Placement } from "../../casework/Placement.js"
import * as RuleText from "../../kernel/RuleText.js"
import type { Employer } from "../../registry/Employer.js"
import type { Seeker } from "../../registry/Seeker.js"
import type { Problem } from "../Cells.js"
import type { Column, Draft, Ledger, Made } from "../Ledger.js"
import { naturalId } from "../Ledger.js"
import * as C from "../internal/columns.js"
import { employerOf, seekerOf, whoAndWhere } from "../internal/links.js"

/** What an export writes for one row. */
export interface FollowUpRow {
  readonly check: FollowUp.Check
  readonly placement?: Placement | undefined
  readonly seeker?: Seeker | undefined
  readonly employer?: Employer | undefined
}

const channels = C.codes(FollowUp.Channel, FollowUp.channelLabel, { "방문": "visit", "내방상담": "visit", "사업장방문": "workplace-visit", "카카오톡": "messenger", "카톡": "messenger" })
const outcomes = C.codes(FollowUp.Outcome, FollowUp.outcomeLabel, { "재직": "working", "근무중": "working", "재직중": "working", "적응곤란": "difficulties", "퇴사": "quit", "퇴직": "quit", "이직": "quit" })

const columns: ReadonlyArray<Column<FollowUpRow>> = [
  ...whoAndWhere<FollowUpRow>({ seeker: (r) => r.seeker, employer: (r) => r.employer }),
  C.dateColumn({ key: "startOn", header: { ko: "취업일", en: "Started on" }, synonyms: ["입사일", "채용일", "취업일자"], path: "startOn", write: (r) => r.placement?.startOn ?? null }),
  {
    ...C.numberColumn({ key: "sequence", header: { ko: "차수", en: "Check" }, synonyms: ["회차", "점검차수", "사후관리차수"], required: true, path: "check.sequence", write: (r) => `${r.check.sequence}차` }),
    // 1 · 1차 · 1회 · 1개월차
    read: (cell, draft) => {
      const match = /^(\d{1,2})\s*(?:차|회|회차|개월차|개월)?$/.exec(C.cellText(cell))
      if (match === null) {
        return { ko: `차수가 아닙니다(${JSON.stringify(C.cellText(cell))}). 1차, 2차처럼 적어 주세요`, en: `is not a check number (${JSON.stringify(C.cellText(cell))}); write 1, 1차 or 1개월차` }
      }
      C.setIn(draft, "check.sequence", Number(match[1]))
    }
  },
  C.dateColumn({ key: "doneOn", header: { ko: "사후관리일", en: "Done on" }, synonyms: ["점검일", "확인일", "연락일", "상담일"], required: true, path: "check.doneOn", write: (r) => r.check.doneOn ?? null }),
  C.codeColumn({ key: "channel", header: { ko: "방법", en: "How" }, synonyms: ["사후관리방법", "연락방법", "확인방법"], path: "check.channel", write: (r) => (r.check.channel === undefined ? null : FollowUp.channelLabel(r.check.channel)) }, channels),
  C.codeColumn({ key: "outcome", header: { ko: "결과", en: "Outcome" }, synonyms: ["재직여부", "근속여부", "확인결과", "사후관리결과"], required: true, path: "check.outcome", write: (r) => (r.check.outcome === undefined ? null : FollowUp.outcomeLabel(r.check.outcome)) }, outcomes),
  C.textColumn({ key: "notes", header: { ko: "비고", en: "Notes" }, synonyms: ["메모", "특이사항", "상담내용"], path: "check.notes", write: (r) => r.check.notes ?? null }),
  C.residentNumberColumn("seeker.birthDate")
]

/**
 * The follow-up ledger. A row records a check's result on the placement it
 * names (the seeker and employer, and 취업일 when the seeker started there
 * more than once): onto the scheduled check when there is one (a quit cancels
 * the later checks, as recording it by hand does, but sends no message), or
 * as a check of its own when the placement has none for that 차수. A row
 * whose check was recorded before with the same day is left as it is. A row
 * without 방법 was a phone call.
 */
export const followUps: Ledger<FollowUpRow> = {
  id: "followUps",
  name: { ko: "사후관리대장", en: "Follow-up ledger" },
  kinds: ["followUps"],
  draftPaths: { followUps: "check" },
  links: true,
  columns,
  start: () => ({ seeker: {}, employer: {}, check: { channel: "phone" } }),
  finish: (draft, context) => {
    const seeker = seekerOf(draft, context)
    if (Either.isLeft(seeker)) return Either.left(seeker.left)
    const employer = employerOf(draft, context)
    if (Either.isLeft(employer)) return Either.left(employer.left)
    const startOn = draft["startOn"] as string | undefined
    const placements = context.directory.placementsOf(seeker.right.id)
      .filter((p) => p.employerId === employer.right.id && (startOn === undefined || p.startOn === startOn))
    if (placements.length !== 1) {
      return Either.left(
        placements.length === 0
          ? {
            ko: "이 구직자가 이 사업장에 취업한 기록이 없습니다. 취업자 대장을 먼저 가져오세요",
            en: "names no placement of this seeker with this employer; import the placements ledger first"
          }
          : { ko: "이 사업장 취업 기록이 여럿입니다. 취업일을 적어 주세요", en: "matches several placements with this employer; give 취업일 (the start date)" }
      )
    }
    const placement = placements[0]!
    const fields = draft["check"] as Draft
    const result = FollowUp.decodeResult({ doneOn: fields["doneOn"], channel: fields["channel"], outcome: fields["outcome"], ...(fields["notes"] === undefined ? {} : { notes: fields["notes"] }) })
    if (Either.isLeft(result)) {
      const issue = result.left.issues[0]!
      return Either.left({ ko: `${issue.path}: ${RuleText.korean(issue.message) ?? issue.message}`, en: `${issue.path} ${issue.message}` })
    }
    if (result.right.doneOn > context.today) {
      return Either.left({ ko: `사후관리일(${result.right.doneOn})이 오늘보다 뒤입니다`, en: `doneOn (${result.right.doneOn}) is after today (${context.today})` })
    }
    const sequence = Number(fields["sequence"])
    const stored = context.directory.checksOf(placement.id)
    const current = stored.find((row) => row.value.sequence === sequence)
    if (current === undefined) return made(placement, sequence, result.right, context)
    if (current.value.doneOn === result.right.doneOn) return Either.right({ made: [{ _tag: "Unchanged", kind: "followUps" }] })
    const recorded = FollowUp.record(current.value, result.right)
    if (Either.isLeft(recorded)) return Either.left(problemOf(recorded.left))
    const changes: Array<Made> = [{ _tag: "Update", kind: "followUps", record: recorded.right.check, version: current.version }]
    if (recorded.right.reemploymentSupport) {
      const versions = new Map(stored.map((row) => [row.value.id, row.version]))
      for (const cancelled of FollowUp.cancelAfterQuit(recorded.right.check, stored.map((row) => row.value), result.right.doneOn)) {
        changes.push({ _tag: "Update", kind: "followUps", record: cancelled, version: versions.get(cancelled.id)! })
      }
    }
    return Either.right({ made: changes })
  }
}

// A check the placement has none for: its window by the district's policy,
// due on the schedule's day where the calendar covers it, else the window's end.
const made = (placement: Placement, sequence: number, result: FollowUp.Result, context: Parameters<Ledger<FollowUpRow>["finish"]>[1]) => {
  const windows = FollowUp.windows(placement.startOn, context.followUp.policy)
  const window = windows[sequence - 1]
  if (window === undefined) {
    return Either.left<Problem>({
      ko: `차수는 1부터 ${windows.length}까지입니다(사후관리 ${context.followUp.policy.months}개월)`,
      en: `the check number must be 1–${windows.length} under the district's follow-up policy`
    })
  }
  if (result.doneOn < window.windowStart) {
    return Either.left<Problem>({
      ko: `${sequence}차 사후관리는 ${window.windowStart}부터입니다(사후관리일 ${result.doneOn})`,
      en: `check ${sequence} opens on ${window.windowStart}; it cannot be done on ${result.doneOn}`
    })
  }
  const scheduled = FollowUp.schedule(placement.startOn, context.followUp.policy, context.followUp.calendar)
  const draft = Either.isRight(scheduled) ? scheduled.right[sequence - 1]! : { ...window, dueOn: window.windowEnd }
  return Either.right({
    made: [{
      _tag: "Insert" as const,
      kind: "followUps" as const,
      record: {
        ...draft,
        ...result,
        id: naturalId("followup", placement.id, String(sequence)),
        districtId: placement.districtId,
        placementId: placement.id,
        seekerId: placement.seekerId,
        counselorId: placement.counselorId
      }
    }]
  })
}

const problemOf = (error: FollowUp.FollowUpAlreadyRecorded | FollowUp.FollowUpCancelled | FollowUp.FollowUpBeforeWindow): Problem => {
  switch (error._tag) {
    case "FollowUpAlreadyRecorded":
      return { ko: `이 차수는 ${error.doneOn}에 이미 기록되어 있습니다`, en: error.message }
    case "FollowUpCancelled":
      return { ko: `이 차수는 ${error.cancelledOn}에 취소되었습니다(앞선 차수에서 퇴사)`, en: error.message }
    case "FollowUpBeforeWindow":
      return { ko: `이 차수는 ${error.windowStart}부터 기록할 수 있습니다`, en: error.message }
  }
}

