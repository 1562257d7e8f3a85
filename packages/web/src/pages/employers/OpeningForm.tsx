/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The opening's form (구인공고 등록), for one employer: the fields core's
 * `Opening` decodes (Work24's, with no age field), grouped as a counselor
 * takes an opening down on the phone — the job, the terms, what it asks of a
 * candidate, and its dates — each with its rule in Korean when refused.
 */
import { Codes, type Employer, Opening } from "@iljari/core"
import type { Form } from "../../http/Form.js"
import { CheckGroup, type Problems, SelectField, TextArea, TextField } from "../../ui/Fields.js"
import type { Say } from "../../ui/Say.js"
import type { View } from "../../ui/View.js"
import { choicesOf, occupationChoices, seoulDistrictChoices } from "../../ui/Choices.js"

/** The form's values as the person typed them (kept when refused). */
export interface Values {
  readonly [field: string]: string | ReadonlyArray<string> | undefined
}

const single = [
  "employerId", "title", "occupationGroup", "occupationDetail", "headcount", "workRegion", "workAddress",
  "wageType", "wageMin", "wageMax", "educationMinimum", "careerRequirement", "careerMonths",
  "contractType", "schedule", "workingDays", "weeklyHours", "workStart", "workEnd",
  "requiredCertificates", "preferredCertificates", "openedOn", "closesOn", "notes"
] as const

export const labels = (say: Say): Record<string, string> => ({
  employerId: say("구인업체", "Employer"),
  title: say("공고명", "Title"),
  occupationGroup: say("직종 (중분류)", "Occupation (group)"),
  occupationDetail: say("세부 직종 코드", "Detailed occupation code"),
  headcount: say("모집 인원", "Positions"),
  workRegion: say("근무지 (자치구)", "Work area (district)"),
  workAddress: say("근무지 주소", "Work address"),
  wageType: say("임금 형태", "Wage type"),
  wageMin: say("최소 금액 (원)", "Minimum (won)"),
  wageMax: say("최대 금액 (원)", "Maximum (won)"),
  educationMinimum: say("최소 학력", "Minimum education"),
  careerRequirement: say("경력 조건", "Experience"),
  careerMonths: say("최소 경력 (개월)", "Minimum experience (months)"),
  contractType: say("고용형태", "Contract"),
  schedule: say("근무형태", "Schedule"),
  workingDays: say("근무 요일", "Working days"),
  weeklyHours: say("주 근로시간", "Hours a week"),
  workStart: say("근무 시작 시각", "Starts at"),
  workEnd: say("근무 종료 시각", "Ends at"),
  requiredCertificates: say("필수 자격증", "Required certificates"),
  preferredCertificates: say("우대 자격증", "Preferred certificates"),
  preferences: say("우대 사항", "Hiring preferences"),
  openedOn: say("공고일", "Opens on"),
  closesOn: say("마감일", "Closes on"),
  status: say("상태", "Status"),
  notes: say("메모", "Notes")
})

/** The form's fields as the person typed them. */
export const valuesOf = (form: Form): Values => ({
  ...Object.fromEntries(single.map((name) => [name, form.get(name)])),
  preferences: form.all("preferences")
})

const one = (values: Values, name: string) => {
  const value = values[name]
  return typeof value === "string" ? value : undefined
}
const many = (values: Values, name: string): ReadonlyArray<string> => {
  const value = values[name]
  return typeof value === "string" ? [value] : value ?? []
}

/** Which form field a decoding issue's path belongs to (`wage.min` → `wageMin`). */
export const fieldOf = (values: Values) => (path: string): string => {
  const exact: Record<string, string> = {
    "occupation": one(values, "occupationDetail") === undefined ? "occupationGroup" : "occupationDetail",
    "wage": "wageMin",
    "wage.type": "wageType",
    "wage.min": "wageMin",
    "wage.max": "wageMax",
    "career": "careerRequirement",
    "career.requirement": "careerRequirement",
    "career.minimumMonths": "careerMonths",
    "workingHours": "workStart",
    "workingHours.start": "workStart",
    "workingHours.end": "workEnd"
  }
  return exact[path] ?? path.split(/[.[]/)[0] ?? path
}

// A number as typed (`2,500,000`) when it is one; otherwise the text, for core to refuse by name.
const numeric = (value: string | undefined) => {
  if (value === undefined) return undefined
  const bare = value.replace(/[,\s]/g, "")
  return /^\d+(?:\.\d+)?$/.test(bare) ? Number(bare) : value
}

const lines = (value: string | undefined) => (value ?? "").split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "")

const defined = (entries: ReadonlyArray<readonly [string, unknown]>) =>
  Object.fromEntries(entries.filter(([, value]) => value !== undefined))

/** The occupation code: the detailed code when given, else the group. */
export const occupationOf = (values: Values) => one(values, "occupationDetail") ?? one(values, "occupationGroup")

/**
 * The record core decodes, from the form: a new opening is open; a blank
 * optional field is left out, and a blank required one too, so that core
 * names it missing.
 */
export const inputOf = (values: Values) => {
  const start = one(values, "workStart")
  const end = one(values, "workEnd")
  return {
    ...defined([
      ["employerId", one(values, "employerId")],
      ["title", one(values, "title")],
      ["occupation", occupationOf(values)],
      ["headcount", numeric(one(values, "headcount"))],
      ["workRegion", one(values, "workRegion")],
      ["workAddress", one(values, "workAddress")],
      ["educationMinimum", one(values, "educationMinimum")],
      ["contractType", one(values, "contractType")],
      ["schedule", one(values, "schedule")],
      ["workingDays", one(values, "workingDays")],
      ["weeklyHours", numeric(one(values, "weeklyHours"))],
      ["workingHours", start === undefined && end === undefined ? undefined : defined([["start", start], ["end", end]])],
      ["openedOn", one(values, "openedOn")],
      ["closesOn", one(values, "closesOn")],
      ["notes", one(values, "notes")]
    ]),
    wage: defined([["type", one(values, "wageType")], ["min", numeric(one(values, "wageMin"))], ["max", numeric(one(values, "wageMax"))]]),
    career: defined([["requirement", one(values, "careerRequirement")], ["minimumMonths", numeric(one(values, "careerMonths"))]]),
    requiredCertificates: lines(one(values, "requiredCertificates")),
    preferredCertificates: lines(one(values, "preferredCertificates")),
    preferences: many(values, "preferences"),
    status: "open"
  }
}

/** A rule the form adds: a detailed code must belong to the group chosen beside it. */
export const occupationProblem = (view: View, values: Values): Problems => {
  const group = one(values, "occupationGroup")
  const detail = one(values, "occupationDetail")
  return group !== undefined && detail !== undefined && !detail.startsWith(group)
    ? { occupationDetail: view.say(`고른 직종 중분류(${group})로 시작하는 코드를 입력하세요`, `Must start with the group chosen (${group})`) }
    : {}
}

/** The values of a new opening: the employer's place, open from today, any education and career. */
export const valuesForEmployer = (employer: Employer.Employer, today: string): Values => ({
  employerId: employer.id,
  headcount: "1",
  workRegion: employer.addressRegion,
  workAddress: employer.address,
  wageType: "monthly",
  educationMinimum: "00",
  careerRequirement: "any",
  contractType: "open-ended",
  schedule: "full-time",
  workingDays: "five-days",
  openedOn: today
})

export const OpeningFields = ({ view, values, problems }: {
  readonly view: View
  readonly values: Values
  readonly problems: Problems
}) => {
  const { say, lang } = view
  const label = labels(say)
  const code = choicesOf
  const occupations = occupationChoices(lang)
  const regions = seoulDistrictChoices(lang)
  const common = { problems }
  const text = (name: string) => one(values, name)
  return (
    <>
      <input type="hidden" name="employerId" value={text("employerId") ?? ""} />
      <h2>{say("일자리", "The job")}</h2>
      <TextField name="title" label={label["title"]!} value={text("title")} required hint={say("예: 웹디자이너 채용", "e.g. 웹디자이너 채용")} {...common} />
      <SelectField name="occupationGroup" label={label["occupationGroup"]!} value={text("occupationGroup")} choices={occupations} empty={say("선택", "Choose")} required {...common} />
      <TextField name="occupationDetail" label={label["occupationDetail"]!} value={text("occupationDetail")} inputmode="numeric" hint={say("알면 고용직업분류(KECO) 3~6자리 코드를 적으세요. 추천이 더 정확해집니다. 예: 4122", "If known, the 3–6 digit KECO code; it sharpens recommendations. e.g. 4122")} {...common} />
      <TextField name="headcount" type="number" inputmode="numeric" label={label["headcount"]!} value={text("headcount")} required {...common} />
      <SelectField name="workRegion" label={label["workRegion"]!} value={text("workRegion")} choices={regions} empty={say("선택", "Choose")} required {...common} />
      <TextField name="workAddress" label={label["workAddress"]!} value={text("workAddress")} {...common} />
      <h2>{say("근로 조건", "Terms")}</h2>
      <SelectField name="wageType" label={label["wageType"]!} value={text("wageType")} choices={code(Codes.WageType.literals, (w) => Codes.wageTypeLabel(w, lang))} empty={say("선택", "Choose")} required {...common} />
      <TextField name="wageMin" inputmode="numeric" label={label["wageMin"]!} value={text("wageMin")} required hint={say("숫자만, 쉼표는 있어도 됩니다. 예: 2,500,000", "Digits, commas allowed, e.g. 2,500,000")} autocomplete="off" {...common} />
      <TextField name="wageMax" inputmode="numeric" label={label["wageMax"]!} value={text("wageMax")} hint={say("금액이 범위일 때만 적으세요.", "Only when the wage is a range.")} autocomplete="off" {...common} />
      <SelectField name="contractType" label={label["contractType"]!} value={text("contractType")} choices={code(Codes.ContractType.literals, (c) => Codes.contractTypeLabel(c, lang))} empty={say("선택", "Choose")} required {...common} />
      <SelectField name="schedule" label={label["schedule"]!} value={text("schedule")} choices={code(Codes.WorkSchedule.literals, (c) => Codes.workScheduleLabel(c, lang))} empty={say("선택", "Choose")} required {...common} />
      <SelectField name="workingDays" label={label["workingDays"]!} value={text("workingDays")} choices={code(Codes.WorkingDays.literals, (c) => Codes.workingDaysLabel(c, lang))} empty={say("선택", "Choose")} required {...common} />
      <TextField name="weeklyHours" type="number" inputmode="numeric" label={label["weeklyHours"]!} value={text("weeklyHours")} hint={say("1~68시간", "1–68 hours")} {...common} />
      <TextField name="workStart" label={label["workStart"]!} value={text("workStart")} hint={say("24시간제. 예: 09:00", "24-hour clock, e.g. 09:00")} autocomplete="off" {...common} />
      <TextField name="workEnd" label={label["workEnd"]!} value={text("workEnd")} hint={say("시작보다 이르면 야간 근무입니다. 예: 18:00", "Earlier than the start means a night shift, e.g. 18:00")} autocomplete="off" {...common} />
      <h2>{say("지원 자격", "Requirements")}</h2>
      <SelectField name="educationMinimum" label={label["educationMinimum"]!} value={text("educationMinimum")} choices={code(Codes.EducationLevel.literals, (e) => Codes.educationLabel(e, lang))} empty={say("선택", "Choose")} required {...common} />
      <SelectField name="careerRequirement" label={label["careerRequirement"]!} value={text("careerRequirement")} choices={code(Codes.CareerRequirement.literals, (c) => Codes.careerRequirementLabel(c, lang))} empty={say("선택", "Choose")} required {...common} />
      <TextField name="careerMonths" type="number" inputmode="numeric" label={label["careerMonths"]!} value={text("careerMonths")} hint={say("경력 조건이 '경력'일 때만 적습니다.", "Only when experience is required.")} {...common} />
      <TextArea name="requiredCertificates" label={label["requiredCertificates"]!} value={text("requiredCertificates")} hint={say("한 줄에 하나씩. 없는 구직자는 추천에서 빠집니다.", "One per line; seekers without them are not recommended.")} {...common} />
      <TextArea name="preferredCertificates" label={label["preferredCertificates"]!} value={text("preferredCertificates")} hint={say("한 줄에 하나씩", "One per line")} {...common} />
      <CheckGroup name="preferences" label={label["preferences"]!} values={many(values, "preferences")} choices={code(Opening.HiringPreference.literals, (p) => Opening.hiringPreferenceLabel(p, lang))} hint={say("연령 우대는 차별이므로 받지 않습니다 (고령자고용법 제4조의4).", "Age preferences are discrimination and are not taken.")} {...common} />
      <h2>{say("공고 기간", "Dates")}</h2>
      <TextField name="openedOn" type="date" label={label["openedOn"]!} value={text("openedOn")} required {...common} />
      <TextField name="closesOn" type="date" label={label["closesOn"]!} value={text("closesOn")} hint={say("비워 두면 채용될 때까지입니다.", "Leave blank to keep it open until filled.")} {...common} />
      <TextArea name="notes" label={label["notes"]!} value={text("notes")} hint={say("주민등록번호 등 고유식별정보는 적지 마세요.", "Do not write resident registration numbers or other unique identifiers.")} {...common} />
    </>
  )
}
