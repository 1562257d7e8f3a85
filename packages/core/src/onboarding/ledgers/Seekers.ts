// The seekers list (구직자 명단): one row a person.
import { Either } from "effect"
import * as Codes from "../../kernel/Codes.js"
import * as Seeker from "../../registry/Seeker.js"
import type { Column, Ledger } from "../Ledger.js"
import { naturalId } from "../Ledger.js"
import * as C from "../internal/columns.js"

const genders = C.codes(Seeker.Gender, Seeker.genderLabel, { "여": "female", "여자": "female", "남": "male", "남자": "male", "f": "female", "m": "male" })
const education = C.codes(Codes.EducationLevel, Codes.educationLabel, {
  "초졸": "01", "중학교졸업": "02", "고등학교졸업": "03", "전문대졸": "04", "초대졸": "04",
  "대졸": "05", "대학교졸업": "05", "대학원졸": "06"
})
const targetGroups = C.codes(Codes.TargetGroup, Codes.targetGroupLabel)
const statuses = C.codes(Seeker.SeekerStatus, Seeker.seekerStatusLabel)
const channels = C.codes(Seeker.RegistrationChannel, Seeker.registrationChannelLabel)

const columns: ReadonlyArray<Column<Seeker.Seeker>> = [
  C.textColumn({ key: "name", header: { ko: "성명", en: "Name" }, synonyms: ["이름", "구직자명", "구직자", "성 명"], required: true, path: "name", write: (s) => s.name }),
  C.dateColumn({ key: "birthDate", header: { ko: "생년월일", en: "Birth date" }, synonyms: ["생일", "출생일"], required: true, path: "birthDate", write: (s) => s.birthDate }),
  C.codeColumn({ key: "gender", header: { ko: "성별", en: "Gender" }, path: "gender", write: (s) => Seeker.genderLabel(s.gender) }, genders),
  C.phoneColumn({ key: "phone", header: { ko: "연락처", en: "Phone" }, synonyms: ["전화번호", "휴대폰", "핸드폰", "휴대전화", "휴대폰번호", "전화"], path: "contact.phone", write: (s) => s.contact.phone ?? null }),
  C.textColumn({ key: "email", header: { ko: "이메일", en: "E-mail" }, synonyms: ["전자우편", "e-mail", "메일"], path: "contact.email", write: (s) => s.contact.email ?? null }),
  C.regionColumn({ key: "addressRegion", header: { ko: "거주지", en: "Home district" }, synonyms: ["주소", "주소지", "거주지역", "거주구"], required: true, path: "addressRegion", write: (s) => C.regionCell(s.addressRegion) }),
  {
    ...C.listColumn({ key: "desiredOccupations", header: { ko: "희망직종", en: "Desired occupations" }, synonyms: ["희망직무", "희망업무", "희망분야"], required: true, path: "desiredOccupations", write: (s) => s.desiredOccupations.map(C.occupationCell).join(", ") }),
    read: (cell, draft) => {
      const codes: Array<string> = []
      for (const part of C.cellsOf(cell)) {
        const code = C.occupation(part)
        if (Either.isLeft(code)) return code.left
        codes.push(code.right)
      }
      draft["desiredOccupations"] = codes
    }
  },
  C.codeListColumn({ key: "contractTypes", header: { ko: "희망고용형태", en: "Desired contracts" }, path: "desiredEmployment.contractTypes", write: (s) => C.labels(C.contractTypes, s.desiredEmployment.contractTypes) }, C.contractTypes),
  C.codeListColumn({ key: "schedules", header: { ko: "희망근무형태", en: "Desired schedules" }, path: "desiredEmployment.schedules", write: (s) => C.labels(C.schedules, s.desiredEmployment.schedules) }, C.schedules),
  C.numberColumn({ key: "maxWeeklyHours", header: { ko: "희망주당근로시간", en: "Most hours a week" }, path: "desiredEmployment.maxWeeklyHours", write: (s) => s.desiredEmployment.maxWeeklyHours ?? null }),
  C.regionListColumn({ key: "desiredRegions", header: { ko: "희망지역", en: "Desired work districts" }, synonyms: ["희망근무지", "희망근무지역"], path: "desiredRegions", write: (s) => s.desiredRegions.map(C.regionCell).join(", ") }),
  C.codeColumn({ key: "education", header: { ko: "학력", en: "Education" }, synonyms: ["최종학력"], required: true, path: "education", write: (s) => Codes.educationLabel(s.education) }, education),
  C.monthsColumn({ key: "careerMonths", header: { ko: "경력(개월)", en: "Career (months)" }, synonyms: ["경력", "경력기간", "경력개월"], path: "careerMonths", write: (s) => s.careerMonths }),
  C.listColumn({ key: "certificates", header: { ko: "자격증", en: "Certificates" }, synonyms: ["자격", "보유자격증"], path: "certificates", write: (s) => s.certificates.join(", ") }),
  C.wageColumn({ key: "desiredWage", header: { ko: "희망임금(월)", en: "Desired monthly wage" }, synonyms: ["희망임금", "희망급여", "희망월급"], path: "desiredWage", write: (s) => C.wageCell(s.desiredWage) }),
  C.codeListColumn({ key: "targetGroups", header: { ko: "대상구분", en: "Target groups" }, synonyms: ["취약계층", "대상", "참여유형"], path: "targetGroups", write: (s) => C.labels(targetGroups, s.targetGroups) }, targetGroups),
  C.momentColumn({ key: "registeredAt", header: { ko: "등록일", en: "Registered on" }, synonyms: ["구직등록일", "접수일", "등록일자", "등록일시"], required: true, path: "registeredAt", write: (s) => C.momentCell(s.registeredAt) }),
  C.codeColumn({ key: "registrationChannel", header: { ko: "등록경로", en: "Registration channel" }, synonyms: ["접수경로", "경로"], path: "registrationChannel", write: (s) => Seeker.registrationChannelLabel(s.registrationChannel) }, channels),
  C.counselorColumn({ key: "counselor", header: { ko: "담당상담사", en: "Counselor" }, synonyms: ["담당자", "상담사", "담당"], path: "counselorId", write: () => null }, (s, names) => s.counselorId === undefined ? null : names.get(s.counselorId) ?? s.counselorId),
  C.codeColumn({ key: "status", header: { ko: "상태", en: "Status" }, synonyms: ["진행상태", "구직상태"], path: "status", write: (s) => Seeker.seekerStatusLabel(s.status) }, statuses),
  C.consentsColumn({ key: "consents", header: { ko: "동의내역", en: "Consents" }, synonyms: ["동의", "수신동의"], path: "consents", write: (s) => C.consentsCell(s.consents) }),
  C.textColumn({ key: "notes", header: { ko: "비고", en: "Notes" }, synonyms: ["메모", "특이사항", "기타"], path: "notes", write: (s) => s.notes ?? null }),
  C.residentNumberColumn("birthDate")
]

/**
 * The seekers list. A row without 성별 is "응답안함" (not stated), without
 * 등록경로 "방문" (walk-in), without 경력 0 months, without consents none
 * recorded (no messages are sent until a consent is).
 */
export const seekers: Ledger<Seeker.Seeker> = {
  id: "seekers",
  name: { ko: "구직자 명단", en: "Seekers" },
  kinds: ["seekers"],
  columns,
  start: (context) => ({
    districtId: context.districtId,
    contact: {},
    gender: "unspecified",
    desiredRegions: [],
    careerMonths: 0,
    certificates: [],
    desiredEmployment: { contractTypes: [], schedules: [] },
    targetGroups: [],
    consents: [],
    registrationChannel: "visit"
  }),
  finish: (draft, context) =>
    Either.right({
      made: [{
        _tag: "Insert",
        kind: "seekers",
        record: { ...draft, id: naturalId("seeker", context.districtId, String(draft["name"]), String(draft["birthDate"])) }
      }]
    })
}

