// The employers and openings list (구인업체·채용 현황): one row an opening,
// with its employer's columns; an employer with several openings has several
// rows, and a row with no 모집직종 is an employer without an opening.
import { Either } from "effect"
import * as Codes from "../../kernel/Codes.js"
import * as Employer from "../../registry/Employer.js"
import * as Opening from "../../registry/Opening.js"
import * as Cells from "../Cells.js"
import type { Column, Draft, Ledger, Made } from "../Ledger.js"
import { naturalId } from "../Ledger.js"
import * as C from "../internal/columns.js"

/** What an export writes for one row: an opening with its employer, or an employer alone. */
export interface EmployerRow {
  readonly employer: Employer.Employer
  readonly opening?: Opening.Opening
}

const sizes = C.codes(Employer.EmployerSize, Employer.employerSizeLabel)
const sources = C.codes(Employer.EmployerSource, Employer.employerSourceLabel)
const education = C.codes(Codes.EducationLevel, Codes.educationLabel, { "무관": "00", "학력무관": "00", "고졸": "03", "대졸": "05" })
const careers = C.codes(Codes.CareerRequirement, Codes.careerRequirementLabel, { "무관": "any", "경력무관": "any" })
const workingDays = C.codes(Codes.WorkingDays, Codes.workingDaysLabel)
const wageTypes = C.codes(Codes.WageType, Codes.wageTypeLabel)
const statuses = C.codes(Opening.OpeningStatus, Opening.openingStatusLabel)
const preferences = C.codes(Opening.HiringPreference, Opening.hiringPreferenceLabel)

// The size band of a head count, as 상시근로자수 gives it.
const bandOf = (employees: number) => (employees < 5 ? "micro" : employees < 50 ? "small" : employees < 300 ? "medium" : "large")

const opening = (r: EmployerRow) => r.opening

const contactCell = (contact: Employer.EmployerContact) =>
  [`${contact.name}${contact.role === undefined ? "" : `(${contact.role})`}`, contact.phone, contact.email].filter((part) => part !== undefined).join(" / ")

const columns: ReadonlyArray<Column<EmployerRow>> = [
  C.textColumn({ key: "employerName", header: { ko: "사업장명", en: "Employer" }, synonyms: ["업체명", "기업명", "회사명", "사업체명", "상호"], required: true, path: "employer.name", write: (r) => r.employer.name }),
  C.textColumn({ key: "businessNumber", header: { ko: "사업자등록번호", en: "Business number" }, synonyms: ["사업자번호"], required: true, path: "employer.businessNumber", write: (r) => r.employer.businessNumber }),
  C.textColumn({ key: "industry", header: { ko: "업종", en: "Industry" }, synonyms: ["업태", "업종명"], path: "employer.industry", write: (r) => r.employer.industry ?? null }),
  C.regionColumn({ key: "employerRegion", header: { ko: "소재지", en: "Employer's district" }, synonyms: ["사업장소재지", "주소", "소재지(구)"], required: true, path: "employer.addressRegion", write: (r) => C.regionCell(r.employer.addressRegion) }),
  C.textColumn({ key: "employerAddress", header: { ko: "상세주소", en: "Address" }, synonyms: ["사업장주소", "주소상세"], path: "employer.address", write: (r) => r.employer.address ?? null }),
  {
    ...C.codeColumn({ key: "size", header: { ko: "규모", en: "Size" }, synonyms: ["상시근로자수", "근로자수", "직원수", "기업규모"], required: true, path: "employer.size", write: (r) => Employer.employerSizeLabel(r.employer.size) }, sizes),
    read: (cell, draft) => {
      const written = C.cellText(cell).replace(/[,\s명인]/g, "")
      if (typeof cell === "number" || /^\d+$/.test(written)) return void C.setIn(draft, "employer.size", bandOf(Number(written)))
      const code = C.codeOf(sizes, { ko: "규모", en: "size" }, C.cellText(cell))
      if (Either.isLeft(code)) return code.left
      C.setIn(draft, "employer.size", code.right)
    }
  },
  {
    ...C.textColumn({ key: "contacts", header: { ko: "채용담당자", en: "Contacts" }, synonyms: ["담당자", "인사담당자", "담당자명"], path: "employer.contacts", write: (r) => r.employer.contacts.map(contactCell).join("; ") }),
    // 이영희 · 이영희(인사담당) · 이영희(인사담당) / 02-123-4567 / hr@example.kr, several with ";"
    read: (cell, draft) => {
      const contacts: Array<Draft> = []
      for (const entry of C.cellText(cell).split(";").map((e) => e.trim()).filter((e) => e.length > 0)) {
        const [who = "", ...ways] = entry.split(/\s+\/\s+/)
        const named = /^(.+?)(?:\((.+)\))?$/.exec(who.trim())!
        const contact: Draft = { name: named[1]!.trim(), ...(named[2] === undefined ? {} : { role: named[2].trim() }) }
        for (const way of ways) {
          if (way.includes("@")) contact["email"] = way.trim()
          else {
            const phone = Cells.phone(way)
            if (Either.isLeft(phone)) return phone.left
            contact["phone"] = phone.right
          }
        }
        contacts.push(contact)
      }
      C.setIn(draft, "employer.contacts", contacts)
    }
  },
  C.phoneColumn({ key: "contactPhone", header: { ko: "담당자연락처", en: "Contact phone" }, synonyms: ["대표전화", "연락처", "전화번호"], path: "employer.contacts.0.phone", write: () => null }),
  C.textColumn({ key: "contactEmail", header: { ko: "담당자이메일", en: "Contact e-mail" }, synonyms: ["이메일"], path: "employer.contacts.0.email", write: () => null }),
  C.codeColumn({ key: "source", header: { ko: "발굴경로", en: "Source" }, synonyms: ["구인경로", "접수경로"], path: "employer.source", write: (r) => Employer.employerSourceLabel(r.employer.source) }, sources),
  C.momentColumn({ key: "employerRegisteredAt", header: { ko: "업체등록일", en: "Employer registered on" }, synonyms: ["기업등록일"], path: "employer.registeredAt", write: (r) => C.momentCell(r.employer.registeredAt) }),
  C.textColumn({ key: "employerNotes", header: { ko: "업체비고", en: "Employer notes" }, synonyms: ["기업비고"], path: "employer.notes", write: (r) => r.employer.notes ?? null }),
  C.textColumn({ key: "title", header: { ko: "모집직종", en: "Opening" }, synonyms: ["채용직종", "구인직종", "모집분야", "직종명", "채용제목", "공고제목"], path: "opening.title", write: (r) => opening(r)?.title ?? null }),
  {
    ...C.textColumn({ key: "occupation", header: { ko: "직종코드", en: "Occupation code" }, synonyms: ["직종분류", "직업분류", "KECO"], path: "opening.occupation", write: (r) => (opening(r) === undefined ? null : C.occupationCell(opening(r)!.occupation)) }),
    read: (cell, draft) => {
      const code = C.occupation(C.cellText(cell))
      if (Either.isLeft(code)) return code.left
      C.setIn(draft, "opening.occupation", code.right)
    }
  },
  C.numberColumn({ key: "headcount", header: { ko: "채용인원", en: "Positions" }, synonyms: ["모집인원", "인원", "구인인원"], path: "opening.headcount", write: (r) => opening(r)?.headcount ?? null }),
  C.regionColumn({ key: "workRegion", header: { ko: "근무지", en: "Work district" }, synonyms: ["근무지역", "근무예정지"], path: "opening.workRegion", write: (r) => (opening(r) === undefined ? null : C.regionCell(opening(r)!.workRegion)) }),
  C.textColumn({ key: "workAddress", header: { ko: "근무지주소", en: "Work address" }, path: "opening.workAddress", write: (r) => opening(r)?.workAddress ?? null }),
  C.codeColumn({ key: "wageType", header: { ko: "임금형태", en: "Wage type" }, synonyms: ["급여형태"], path: "opening.wage.type", write: (r) => (opening(r) === undefined ? null : Codes.wageTypeLabel(opening(r)!.wage.type)) }, wageTypes),
  {
    ...C.wonColumn({ key: "wage", header: { ko: "임금", en: "Wage" }, synonyms: ["급여", "임금(원)", "제시임금", "월급여"], path: "opening.wage", write: (r) => {
      const wage = opening(r)?.wage
      return wage === undefined ? null : wage.max === undefined ? wage.min : `${wage.min}~${wage.max}`
    } }),
    // 2,000,000 or 2,000,000~2,500,000원: a minimum, and a maximum when a range.
    read: (cell, draft) => {
      const parts = typeof cell === "number" ? [cell] : C.cellText(cell).split(/[~〜-]/)
      const amounts: Array<number> = []
      for (const part of parts) {
        const amount = Cells.won(part)
        if (Either.isLeft(amount)) return amount.left
        amounts.push(amount.right)
      }
      C.setIn(draft, "opening.wage.min", amounts[0])
      if (amounts[1] !== undefined) C.setIn(draft, "opening.wage.max", amounts[1])
    }
  },
  C.codeColumn({ key: "educationMinimum", header: { ko: "학력조건", en: "Education required" }, synonyms: ["최소학력", "학력"], path: "opening.educationMinimum", write: (r) => (opening(r) === undefined ? null : Codes.educationLabel(opening(r)!.educationMinimum)) }, education),
  {
    ...C.codeColumn({ key: "career", header: { ko: "경력조건", en: "Career" }, synonyms: ["경력", "경력구분"], path: "opening.career", write: (r) => {
      const career = opening(r)?.career
      return career === undefined ? null : `${Codes.careerRequirementLabel(career.requirement)}${career.minimumMonths === undefined ? "" : ` ${career.minimumMonths}개월`}`
    } }, careers),
    // 신입 · 관계없음 · 경력 · 경력 12개월 (or 경력 1년)
    read: (cell, draft) => {
      const [label, ...rest] = C.cellText(cell).split(/\s+/)
      const requirement = C.codeOf(careers, { ko: "경력조건", en: "career" }, label ?? "")
      if (Either.isLeft(requirement)) return requirement.left
      C.setIn(draft, "opening.career", { requirement: requirement.right })
      if (rest.length > 0) {
        const months = Cells.months(rest.join(""))
        if (Either.isLeft(months)) return months.left
        C.setIn(draft, "opening.career.minimumMonths", months.right)
      }
    }
  },
  C.codeColumn({ key: "contractType", header: { ko: "고용형태", en: "Contract" }, synonyms: ["고용구분", "계약형태"], path: "opening.contractType", write: (r) => (opening(r) === undefined ? null : Codes.contractTypeLabel(opening(r)!.contractType)) }, C.contractTypes),
  C.codeColumn({ key: "schedule", header: { ko: "근무형태", en: "Schedule" }, synonyms: ["근로형태"], path: "opening.schedule", write: (r) => (opening(r) === undefined ? null : Codes.workScheduleLabel(opening(r)!.schedule)) }, C.schedules),
  C.codeColumn({ key: "workingDays", header: { ko: "근무일", en: "Working days" }, synonyms: ["근무일수", "근무요일"], path: "opening.workingDays", write: (r) => (opening(r) === undefined ? null : Codes.workingDaysLabel(opening(r)!.workingDays)) }, workingDays),
  C.numberColumn({ key: "weeklyHours", header: { ko: "주당근로시간", en: "Hours a week" }, synonyms: ["주당근무시간"], path: "opening.weeklyHours", write: (r) => opening(r)?.weeklyHours ?? null }),
  {
    ...C.textColumn({ key: "workingHours", header: { ko: "근무시간", en: "Working hours" }, path: "opening.workingHours", write: (r) => {
      const hours = opening(r)?.workingHours
      return hours === undefined ? null : `${hours.start}~${hours.end}`
    } }),
    read: (cell, draft) => {
      const [start, end] = C.cellText(cell).split(/\s*[~〜-]\s*/)
      C.setIn(draft, "opening.workingHours", { start: start ?? "", end: end ?? "" })
      return undefined
    }
  },
  C.listColumn({ key: "requiredCertificates", header: { ko: "필수자격증", en: "Required certificates" }, synonyms: ["필수자격"], path: "opening.requiredCertificates", write: (r) => opening(r)?.requiredCertificates.join(", ") ?? null }),
  C.listColumn({ key: "preferredCertificates", header: { ko: "우대자격증", en: "Preferred certificates" }, synonyms: ["우대자격"], path: "opening.preferredCertificates", write: (r) => opening(r)?.preferredCertificates.join(", ") ?? null }),
  C.codeListColumn({ key: "preferences", header: { ko: "우대조건", en: "Preferences" }, synonyms: ["우대사항"], path: "opening.preferences", write: (r) => (opening(r) === undefined ? null : C.labels(preferences, opening(r)!.preferences)) }, preferences),
  C.dateColumn({ key: "openedOn", header: { ko: "접수일", en: "Opened on" }, synonyms: ["구인신청일", "공고일", "등록일"], path: "opening.openedOn", write: (r) => opening(r)?.openedOn ?? null }),
  C.dateColumn({ key: "closesOn", header: { ko: "마감일", en: "Closes on" }, synonyms: ["접수마감일", "모집마감일"], path: "opening.closesOn", write: (r) => opening(r)?.closesOn ?? null }),
  C.codeColumn({ key: "status", header: { ko: "채용상태", en: "Status" }, synonyms: ["상태", "진행상태"], path: "opening.status", write: (r) => (opening(r) === undefined ? null : Opening.openingStatusLabel(opening(r)!.status)) }, statuses),
  C.textColumn({ key: "openingNotes", header: { ko: "비고", en: "Notes" }, synonyms: ["메모", "특이사항"], path: "opening.notes", write: (r) => opening(r)?.notes ?? null })
]

const kstMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00+09:00`)).toISOString()

/**
 * The employers and openings list. An employer is one record however many
 * rows name its business number. A row without 발굴경로 is "방문·전화 접수";
 * an opening without 근무지 is at the employer's district, without 학력조건
 * "학력무관", without 경력조건 "관계없음", without 근무형태 full-time,
 * without 근무일 five days, without 채용상태 open, without 임금형태 a monthly
 * wage; an employer without 업체등록일 was registered on its first opening's
 * 접수일, or on the day of the import when the row has no opening.
 */
export const employers: Ledger<EmployerRow> = {
  id: "employers",
  name: { ko: "구인업체·채용 현황", en: "Employers and openings" },
  kinds: ["employers", "openings"],
  draftPaths: { employers: "employer", openings: "opening" },
  shared: ["employers"],
  columns,
  start: (context) => ({
    employer: { districtId: context.districtId, contacts: [], source: "walk-in" },
    opening: {
      districtId: context.districtId,
      wage: { type: "monthly" },
      educationMinimum: "00",
      career: { requirement: "any" },
      schedule: "full-time",
      workingDays: "five-days",
      requiredCertificates: [],
      preferredCertificates: [],
      preferences: [],
      status: "open"
    }
  }),
  finish: (draft, context) => {
    const employer = { ...(draft["employer"] as Draft) }
    const opening = { ...(draft["opening"] as Draft) }
    const businessNumber = Employer.normalizeBusinessNumber(String(employer["businessNumber"]))
    if (businessNumber === undefined) {
      return Either.left({
        ko: `사업자등록번호가 10자리가 아니거나 검증번호가 맞지 않습니다(${JSON.stringify(employer["businessNumber"])})`,
        en: `the business number must have 10 digits with a valid check digit; got ${JSON.stringify(employer["businessNumber"])}`
      })
    }
    // A contact needs a name: a phone alone is the employer's main line.
    const contacts = employer["contacts"] as Array<Draft | undefined>
    if (contacts[0] !== undefined && contacts[0]["name"] === undefined) contacts[0] = { ...contacts[0], name: "대표" }
    const employerId = naturalId("employer", context.districtId, businessNumber)
    employer["registeredAt"] ??= kstMidnight(typeof opening["openedOn"] === "string" ? opening["openedOn"] : context.today)
    const made: Array<Made> = [{ _tag: "Insert", kind: "employers", record: { ...employer, businessNumber, id: employerId } }]
    if (opening["title"] !== undefined) {
      if (opening["occupation"] === undefined) {
        const code = C.occupation(String(opening["title"]))
        if (Either.isLeft(code)) return Either.left({ ko: `모집직종: ${code.left.ko}`, en: `the opening's occupation ${code.left.en}` })
        opening["occupation"] = code.right
      }
      opening["workRegion"] ??= employer["addressRegion"]
      made.push({
        _tag: "Insert",
        kind: "openings",
        record: {
          ...opening,
          employerId,
          id: naturalId("opening", context.districtId, businessNumber, String(opening["title"]), String(opening["openedOn"]))
        }
      })
    }
    return Either.right({ made })
  }
}
