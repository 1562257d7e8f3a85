/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The seeker's form, for registration and for an edit: the fields core's
 * `Seeker` decodes, each with its rule in Korean beside it when refused.
 * Registration captures the consents (personal data is required; sensitive
 * data, service and advertising messages by channel are the person's choice).
 */
import { Codes, Consent, Seeker } from "@iljari/core"
import { DateTime } from "effect"
import type { Form } from "../../http/Form.js"
import { CheckGroup, type Choice, type Problems, SelectField, TextArea, TextField } from "../../ui/Fields.js"
import type { Say } from "../../ui/Say.js"
import type { View } from "../../ui/View.js"
import { choicesOf, occupationChoices, seoulDistrictChoices } from "../../ui/Choices.js"

/** The form's values as the person typed them (kept when refused). */
export interface Values {
  readonly [field: string]: string | ReadonlyArray<string> | undefined
}

export const labels = (say: Say): Record<string, string> => ({
  name: say("이름", "Name"),
  birthDate: say("생년월일", "Date of birth"),
  gender: say("성별", "Gender"),
  phone: say("휴대전화", "Mobile phone"),
  email: say("이메일", "E-mail"),
  addressRegion: say("거주지", "Lives in"),
  occupation1: say("희망 직종 (1지망)", "Wanted occupation (1st)"),
  occupation2: say("희망 직종 (2지망)", "Wanted occupation (2nd)"),
  occupation3: say("희망 직종 (3지망)", "Wanted occupation (3rd)"),
  region1: say("희망 근무지역", "Wanted work area"),
  education: say("최종 학력", "Education"),
  careerMonths: say("경력 (개월)", "Experience (months)"),
  certificates: say("자격증", "Certificates"),
  contractTypes: say("희망 고용형태", "Wanted contracts"),
  schedules: say("희망 근무형태", "Wanted schedule"),
  targetGroups: say("취업 지원 대상", "Target groups"),
  consents: say("동의", "Consents"),
  registrationChannel: say("등록 경로", "Registered through"),
  notes: say("메모", "Notes")
})

/** Which form field a decoding issue's path belongs to. */
export const fieldOf = (path: string): string => {
  if (path.startsWith("contact.phone")) return "phone"
  if (path.startsWith("contact.email")) return "email"
  if (path.startsWith("desiredOccupations")) return path.match(/^desiredOccupations\[(\d)\]/) ? `occupation${Number(path.match(/\[(\d)\]/)![1]) + 1}` : "occupation1"
  if (path.startsWith("desiredRegions")) return "region1"
  if (path.startsWith("desiredEmployment.contractTypes")) return "contractTypes"
  if (path.startsWith("desiredEmployment.schedules")) return "schedules"
  if (path.startsWith("targetGroups")) return "targetGroups"
  if (path.startsWith("consents")) return "consents"
  if (path.startsWith("certificates")) return "certificates"
  return path.split(/[.[]/)[0] ?? path
}

/** The form's fields as the person typed them. */
export const valuesOf = (form: Form): Values => ({
  ...Object.fromEntries(
    ["name", "birthDate", "gender", "phone", "email", "addressRegion", "occupation1", "occupation2", "occupation3", "region1", "education", "careerMonths", "certificates", "registrationChannel", "notes", "version"]
      .map((name) => [name, form.get(name)])
  ),
  contractTypes: form.all("contractTypes"),
  schedules: form.all("schedules"),
  targetGroups: form.all("targetGroups"),
  consents: form.all("consents")
})

const list = (values: Values, name: string): ReadonlyArray<string> => {
  const value = values[name]
  return typeof value === "string" ? [value] : value ?? []
}
const one = (values: Values, name: string) => {
  const value = values[name]
  return typeof value === "string" ? value : undefined
}

// A consent checkbox's value: `purpose` or `purpose:channel`.
const consentChoices = (view: View): ReadonlyArray<Choice> => [
  { value: "personal-data", label: view.say("개인정보 수집·이용 (필수)", "Collection and use of personal data (required)") },
  { value: "sensitive-data", label: Consent.consentPurposeLabel("sensitive-data", view.lang) },
  ...(["sms", "email", "phone"] as const).map((channel) => ({
    value: `service:${channel}`,
    label: `${Consent.consentPurposeLabel("service", view.lang)} (${Consent.channelLabel(channel, view.lang)})`
  })),
  ...(["sms", "email"] as const).map((channel) => ({
    value: `advertising:${channel}`,
    label: `${Consent.consentPurposeLabel("advertising", view.lang)} (${Consent.channelLabel(channel, view.lang)})`
  }))
]

const numberOrText = (value: string | undefined) => value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : value

/**
 * The record core decodes, from the form. Consents given now are stamped
 * now; on an edit the record's own consents are kept as they are.
 */
export const inputOf = (values: Values, now: DateTime.Utc, keptConsents?: ReadonlyArray<Consent.Consent>) => {
  const occupations = [one(values, "occupation1"), one(values, "occupation2"), one(values, "occupation3")].filter((v) => v !== undefined)
  const region = one(values, "region1")
  const givenAt = DateTime.formatIso(now)
  const consents = keptConsents?.map((c) => ({
    ...c,
    givenAt: DateTime.formatIso(c.givenAt),
    ...(c.withdrawnAt === undefined ? {} : { withdrawnAt: DateTime.formatIso(c.withdrawnAt) })
  })) ?? list(values, "consents").map((value) => {
    const [purpose, channel] = value.split(":")
    return { purpose, ...(channel === undefined ? {} : { channel }), givenAt }
  })
  const phone = one(values, "phone")
  const email = one(values, "email")
  const notes = one(values, "notes")
  // An empty field is left out, so that core names it as missing.
  return Object.fromEntries(Object.entries({
    name: one(values, "name"),
    birthDate: one(values, "birthDate"),
    gender: one(values, "gender"),
    contact: { ...(phone === undefined ? {} : { phone }), ...(email === undefined ? {} : { email }) },
    addressRegion: one(values, "addressRegion"),
    desiredOccupations: occupations,
    desiredRegions: region === undefined ? [] : [region],
    education: one(values, "education"),
    careerMonths: numberOrText(one(values, "careerMonths") ?? "0"),
    certificates: (one(values, "certificates") ?? "").split(/\r?\n/).map((c) => c.trim()).filter((c) => c !== ""),
    desiredEmployment: { contractTypes: list(values, "contractTypes"), schedules: list(values, "schedules") },
    targetGroups: list(values, "targetGroups"),
    consents,
    registrationChannel: one(values, "registrationChannel"),
    notes
  }).filter(([, value]) => value !== undefined))
}

/** The form's values from a stored record (to edit it). */
export const valuesFromRecord = (seeker: Seeker.Seeker, version: number): Values => ({
  name: seeker.name,
  birthDate: seeker.birthDate,
  gender: seeker.gender,
  phone: seeker.contact.phone,
  email: seeker.contact.email,
  addressRegion: seeker.addressRegion,
  occupation1: seeker.desiredOccupations[0],
  occupation2: seeker.desiredOccupations[1],
  occupation3: seeker.desiredOccupations[2],
  region1: seeker.desiredRegions[0],
  education: seeker.education,
  careerMonths: String(seeker.careerMonths),
  certificates: seeker.certificates.join("\n"),
  contractTypes: seeker.desiredEmployment.contractTypes,
  schedules: seeker.desiredEmployment.schedules,
  targetGroups: seeker.targetGroups,
  registrationChannel: seeker.registrationChannel,
  notes: seeker.notes,
  version: String(version)
})

/** A rule the form adds to core's: registration needs the personal-data consent (개인정보 보호법 제15조). */
export const consentProblem = (view: View, values: Values): Problems =>
  list(values, "consents").includes("personal-data")
    ? {}
    : { consents: view.say("개인정보 수집·이용 동의가 있어야 등록할 수 있습니다", "Registration needs the consent to the collection and use of personal data") }

export const SeekerFields = ({ view, values, problems, registering }: {
  readonly view: View
  readonly values: Values
  readonly problems: Problems
  readonly registering: boolean
}) => {
  const { say, lang } = view
  const label = labels(say)
  const occupations = occupationChoices(lang)
  const regions = [{ value: "11000", label: say("서울 전체", "Anywhere in Seoul") }, ...seoulDistrictChoices(lang)]
  const code = choicesOf
  const common = { problems }
  return (
    <>
      <TextField name="name" label={label["name"]!} value={one(values, "name")} required autocomplete="off" {...common} />
      <TextField name="birthDate" type="date" label={label["birthDate"]!} value={one(values, "birthDate")} required hint={say("프로그램 자격과 통계에만 쓰며 일자리 추천에는 쓰지 않습니다. 주민등록번호는 받지 않습니다.", "Used for program eligibility and statistics only, never for matching. No resident registration number is taken.")} {...common} />
      <SelectField name="gender" label={label["gender"]!} value={one(values, "gender")} choices={code(Seeker.Gender.literals, (g) => Seeker.genderLabel(g, lang))} empty={say("선택", "Choose")} required hint={say("통계에만 씁니다.", "For statistics only.")} {...common} />
      <TextField name="phone" type="tel" label={label["phone"]!} value={one(values, "phone")} hint={say("예: 010-1234-5678", "e.g. 010-1234-5678")} autocomplete="off" {...common} />
      <TextField name="email" type="email" label={label["email"]!} value={one(values, "email")} autocomplete="off" {...common} />
      <SelectField name="addressRegion" label={label["addressRegion"]!} value={one(values, "addressRegion")} choices={regions} empty={say("선택", "Choose")} required {...common} />
      <SelectField name="occupation1" label={label["occupation1"]!} value={one(values, "occupation1")} choices={occupations} empty={say("선택", "Choose")} required {...common} />
      <SelectField name="occupation2" label={label["occupation2"]!} value={one(values, "occupation2")} choices={occupations} empty={say("없음", "None")} {...common} />
      <SelectField name="occupation3" label={label["occupation3"]!} value={one(values, "occupation3")} choices={occupations} empty={say("없음", "None")} {...common} />
      <SelectField name="region1" label={label["region1"]!} value={one(values, "region1")} choices={regions} empty={say("어디든", "Anywhere")} {...common} />
      <SelectField name="education" label={label["education"]!} value={one(values, "education")} choices={code(Seeker.AttainedEducation.from.literals.filter((l) => l !== "00"), (e) => Codes.educationLabel(e, lang))} empty={say("선택", "Choose")} required {...common} />
      <TextField name="careerMonths" type="number" inputmode="numeric" label={label["careerMonths"]!} value={one(values, "careerMonths")} {...common} />
      <TextArea name="certificates" label={label["certificates"]!} value={one(values, "certificates")} hint={say("한 줄에 하나씩", "One per line")} {...common} />
      <CheckGroup name="contractTypes" label={label["contractTypes"]!} values={list(values, "contractTypes")} choices={code(Codes.ContractType.literals, (c) => Codes.contractTypeLabel(c, lang))} {...common} />
      <CheckGroup name="schedules" label={label["schedules"]!} values={list(values, "schedules")} choices={code(Codes.WorkSchedule.literals, (c) => Codes.workScheduleLabel(c, lang))} {...common} />
      <CheckGroup name="targetGroups" label={label["targetGroups"]!} values={list(values, "targetGroups")} choices={code(Codes.TargetGroup.literals, (c) => Codes.targetGroupLabel(c, lang))} hint={say("장애인은 민감정보라 민감정보 처리 동의가 필요합니다.", "Disability is sensitive data and needs the sensitive-data consent.")} {...common} />
      {registering
        ? <CheckGroup name="consents" label={label["consents"]!} values={list(values, "consents")} choices={consentChoices(view)} {...common} />
        : null}
      <SelectField name="registrationChannel" label={label["registrationChannel"]!} value={one(values, "registrationChannel")} choices={code(Seeker.RegistrationChannel.literals, (c) => Seeker.registrationChannelLabel(c, lang))} empty={say("선택", "Choose")} required {...common} />
      <TextArea name="notes" label={label["notes"]!} value={one(values, "notes")} hint={say("주민등록번호 등 고유식별정보는 적지 마세요.", "Do not write resident registration numbers or other unique identifiers.")} {...common} />
    </>
  )
}
