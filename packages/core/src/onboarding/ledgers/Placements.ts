// The placements ledger (취업자 대장): one row a job a seeker started.
import { Either } from "effect"
import * as FollowUp from "../../casework/FollowUp.js"
import * as Placement from "../../casework/Placement.js"
import * as Referral from "../../casework/Referral.js"
import * as Codes from "../../kernel/Codes.js"
import * as LocalDate from "../../kernel/LocalDate.js"
import type { Employer } from "../../registry/Employer.js"
import type { Seeker } from "../../registry/Seeker.js"
import type { Problem } from "../Cells.js"
import type { Column, Draft, Ledger, Made } from "../Ledger.js"
import { naturalId } from "../Ledger.js"
import * as C from "../internal/columns.js"
import { employerOf, seekerOf, whoAndWhere } from "../internal/links.js"

/** What an export writes for one row. */
export interface PlacementRow {
  readonly placement: Placement.Placement
  readonly seeker?: Seeker | undefined
  readonly employer?: Employer | undefined
}


const columns: ReadonlyArray<Column<PlacementRow>> = [
  ...whoAndWhere<PlacementRow>({ seeker: (r) => r.seeker, employer: (r) => r.employer }),
  C.dateColumn({ key: "startOn", header: { ko: "취업일", en: "Started on" }, synonyms: ["입사일", "채용일", "취업일자", "근무시작일"], required: true, path: "placement.startOn", write: (r) => r.placement.startOn }),
  C.codeColumn({ key: "contractType", header: { ko: "고용형태", en: "Contract" }, synonyms: ["고용구분", "계약형태"], required: true, path: "placement.contractType", write: (r) => Codes.contractTypeLabel(r.placement.contractType) }, C.contractTypes),
  C.codeColumn({ key: "schedule", header: { ko: "근무형태", en: "Schedule" }, synonyms: ["근로형태"], path: "placement.schedule", write: (r) => Codes.workScheduleLabel(r.placement.schedule) }, C.schedules),
  C.wageColumn({ key: "wage", header: { ko: "임금", en: "Wage" }, synonyms: ["급여", "월급여", "임금(월)"], path: "placement.wage", write: (r) => C.wageCell(r.placement.wage) }),
  C.counselorColumn({ key: "counselor", header: { ko: "담당상담사", en: "Counselor" }, synonyms: ["담당자", "상담사", "담당"], path: "placement.counselorId", write: () => null }, (r, names) => names.get(r.placement.counselorId) ?? r.placement.counselorId),
  C.dateColumn({ key: "recordedOn", header: { ko: "기록일", en: "Recorded on" }, synonyms: ["입력일", "작성일"], path: "placement.recordedOn", write: (r) => r.placement.recordedOn }),
  C.textColumn({ key: "verification", header: { ko: "취업구분", en: "How it came about" }, synonyms: ["알선구분", "취업경로"], path: "placement.verificationWritten", write: (r) => Placement.verificationLabel(r.placement.verification) }),
  C.textColumn({ key: "notes", header: { ko: "비고", en: "Notes" }, synonyms: ["메모", "특이사항"], path: "placement.notes", write: (r) => r.placement.notes ?? null }),
  C.residentNumberColumn("seeker.birthDate")
]

// The referral that led to this job: the seeker's referral to one of the
// employer's openings that is hired or still interviewing (it becomes hired),
// not yet placed.
const referralFor = (seeker: Seeker, employer: Employer, draft: Draft, context: Parameters<Ledger<PlacementRow>["finish"]>[1]) => {
  const placed = new Set(context.directory.placementsOf(seeker.id).map((p) => p.referralId))
  const candidates = context.directory.referralsOf(seeker.id).filter((row) =>
    context.directory.opening(row.value.openingId)?.employerId === employer.id &&
    (row.value.status === "hired" || row.value.status === "interviewing") && !placed.has(row.value.id)
  )
  const hired = candidates.find((row) => row.value.status === "hired") ?? candidates[0]
  if (hired === undefined) return undefined
  const on = String((draft["placement"] as Draft)["startOn"]) as LocalDate.LocalDate
  const moved = hired.value.status === "hired"
    ? Either.right(hired.value)
    : Referral.transition(hired.value, "hired", LocalDate.min(on, context.today), hired.value.counselorId)
  return Either.isRight(moved) ? { referral: moved.right, version: hired.version, changed: hired.value.status !== "hired" } : undefined
}

/**
 * The placements ledger. A row names a seeker and an employer already in the
 * district (imported or registered before). It counts for the center only
 * when the seeker's referral to one of that employer's openings is found
 * (hired, or interviewing and then marked hired); otherwise it is the
 * seeker's own find, and the preview says so. A row without 기록일 was
 * recorded on its 취업일, without 근무형태 full-time, without 담당상담사 by
 * the referral's counselor, else the seeker's, else the person importing.
 * The follow-up checks still to be made (a window ending today or later) are
 * scheduled as a placement recorded by hand schedules them.
 */
export const placements: Ledger<PlacementRow> = {
  id: "placements",
  name: { ko: "취업자 대장", en: "Placements" },
  kinds: ["placements", "followUps"],
  draftPaths: { placements: "placement" },
  links: true,
  columns,
  start: (context) => ({ seeker: {}, employer: {}, placement: { districtId: context.districtId, schedule: "full-time" } }),
  finish: (draft, context) => {
    const seeker = seekerOf(draft, context)
    if (Either.isLeft(seeker)) return Either.left(seeker.left)
    const employer = employerOf(draft, context)
    if (Either.isLeft(employer)) return Either.left(employer.left)
    const fields = { ...(draft["placement"] as Draft) }
    const written = fields["verificationWritten"]
    delete fields["verificationWritten"]
    const startOn = String(fields["startOn"]) as LocalDate.LocalDate
    const hired = referralFor(seeker.right, employer.right, draft, context)
    const notes: Array<Problem> = []
    if (hired === undefined && typeof written === "string" && written.includes("알선")) {
      notes.push({
        ko: "센터 알선으로 적혀 있지만 이 사업장으로 알선한 기록이 없어, 본인 구직으로 가져오며 센터 실적에 들어가지 않습니다",
        en: "written as a center referral, but no referral of this seeker to this employer is found: imported as the seeker's own find, not counted for the center"
      })
    }
    const id = naturalId("placement", context.districtId, seeker.right.id, employer.right.id, startOn)
    const counselorId = fields["counselorId"] ?? hired?.referral.counselorId ?? seeker.right.counselorId ?? context.importedBy
    const placement: Draft & { readonly id: string } = {
      ...fields,
      id,
      seekerId: seeker.right.id,
      employerId: employer.right.id,
      counselorId,
      recordedOn: fields["recordedOn"] ?? startOn,
      ...(hired === undefined
        ? { verification: "self-found", countsForCenter: false }
        : { referralId: hired.referral.id, openingId: hired.referral.openingId, verification: "center-referral", countsForCenter: true })
    }
    const made: Array<Made> = [{ _tag: "Insert", kind: "placements", record: placement }]
    if (hired?.changed === true) made.push({ _tag: "Update", kind: "referrals", record: hired.referral, version: hired.version })
    // The calls still to make, as recordPlacement schedules them; windows
    // already over are the paper ledger's (import the follow-up ledger).
    const windows = FollowUp.windows(startOn, context.followUp.policy)
    if (windows.some((w) => w.windowEnd >= context.today)) {
      const drafts = FollowUp.schedule(startOn, context.followUp.policy, context.followUp.calendar)
      if (Either.isLeft(drafts)) {
        notes.push({
          ko: `사후관리 일정을 만들 수 없습니다(${drafts.left.message}). 일정은 손으로 기록하세요`,
          en: `no follow-up schedule could be made (${drafts.left.message}); record the checks by hand`
        })
      } else {
        for (const check of drafts.right) {
          made.push({
            _tag: "Insert",
            kind: "followUps",
            record: {
              ...check,
              id: naturalId("followup", id, String(check.sequence)),
              districtId: context.districtId,
              placementId: id,
              seekerId: seeker.right.id,
              counselorId
            }
          })
        }
      }
    }
    return Either.right({ made, notes })
  }
}
