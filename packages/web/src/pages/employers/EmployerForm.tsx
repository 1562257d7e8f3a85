/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The employer's form (구인업체 등록): the fields core's `Employer` decodes,
 * each with its rule in Korean beside it when refused, and up to two contact
 * persons (a row left blank is no contact).
 */
import { Employer } from "@iljari/core"
import type { Form } from "../../http/Form.js"
import { type Problems, SelectField, TextArea, TextField } from "../../ui/Fields.js"
import type { Say } from "../../ui/Say.js"
import type { View } from "../../ui/View.js"
import { choicesOf, seoulDistrictChoices } from "../../ui/Choices.js"

/** The form's values as the person typed them (kept when refused). */
export interface Values {
  readonly [field: string]: string | undefined
}

/** How many contact persons the form offers. */
export const contactRows = [1, 2] as const
const contactParts = ["Name", "Role", "Phone", "Email"] as const

const plain = ["name", "businessNumber", "industry", "addressRegion", "address", "size", "source", "notes"] as const

export const labels = (say: Say): Record<string, string> => ({
  name: say("업체명", "Employer name"),
  businessNumber: say("사업자등록번호", "Business registration number"),
  industry: say("업종", "Industry"),
  addressRegion: say("소재지 (자치구)", "Location (district)"),
  address: say("주소", "Address"),
  size: say("규모", "Size"),
  source: say("발굴 경로", "Found through"),
  notes: say("메모", "Notes"),
  ...Object.fromEntries(contactRows.flatMap((n) => [
    [`contact${n}Name`, say(`담당자 ${n} 이름`, `Contact ${n} name`)],
    [`contact${n}Role`, say(`담당자 ${n} 직책`, `Contact ${n} role`)],
    [`contact${n}Phone`, say(`담당자 ${n} 전화번호`, `Contact ${n} phone`)],
    [`contact${n}Email`, say(`담당자 ${n} 이메일`, `Contact ${n} e-mail`)]
  ]))
})

/** The form's fields as the person typed them. */
export const valuesOf = (form: Form): Values =>
  Object.fromEntries([
    ...plain.map((name) => [name, form.get(name)] as const),
    ...contactRows.flatMap((n) => contactParts.map((part) => [`contact${n}${part}`, form.get(`contact${n}${part}`)] as const))
  ])

// The rows the person filled in: a row with any of its fields is a contact.
const filledRows = (values: Values) =>
  contactRows.filter((n) => contactParts.some((part) => values[`contact${n}${part}`] !== undefined))

/**
 * Which form field a decoding issue's path belongs to: `contacts[0].phone`
 * is the phone of the first row filled in.
 */
export const fieldOf = (values: Values) => (path: string): string => {
  const rows = filledRows(values)
  const contact = path.match(/^contacts\[(\d+)\](?:\.(\w+))?/)
  if (contact !== null) {
    const row = rows[Number(contact[1])] ?? 1
    const part = (contact[2] ?? "name").replace(/^./, (c) => c.toUpperCase())
    return `contact${row}${contactParts.includes(part as typeof contactParts[number]) ? part : "Name"}`
  }
  if (path.startsWith("contacts")) return "contact1Name"
  return path.split(/[.[]/)[0] ?? path
}

const defined = (entries: ReadonlyArray<readonly [string, string | undefined]>) =>
  Object.fromEntries(entries.filter(([, value]) => value !== undefined))

/** The record core decodes, from the form. */
export const inputOf = (values: Values) => ({
  // A blank field is left out, so that core names a required one missing.
  ...defined(plain.map((name) => [name, values[name]] as const)),
  contacts: filledRows(values).map((n) => ({
    // A contact needs a name; a row with only a phone is refused at its name field.
    name: values[`contact${n}Name`] ?? "",
    ...defined([["role", values[`contact${n}Role`]], ["phone", values[`contact${n}Phone`]], ["email", values[`contact${n}Email`]]])
  }))
})

export const EmployerFields = ({ view, values, problems }: {
  readonly view: View
  readonly values: Values
  readonly problems: Problems
}) => {
  const { say, lang } = view
  const label = labels(say)
  const code = choicesOf
  const regions = seoulDistrictChoices(lang)
  const common = { problems }
  return (
    <>
      <TextField name="name" label={label["name"]!} value={values["name"]} required autocomplete="off" hint={say("예: 성수디지털(주)", "e.g. 성수디지털(주)")} {...common} />
      <TextField name="businessNumber" label={label["businessNumber"]!} value={values["businessNumber"]} required inputmode="numeric" autocomplete="off" hint={say("10자리 숫자이며 하이픈은 있어도 없어도 됩니다. 예: 124-81-00998", "10 digits, with or without hyphens, e.g. 124-81-00998")} {...common} />
      <TextField name="industry" label={label["industry"]!} value={values["industry"]} hint={say("예: 소프트웨어 개발 및 공급업", "e.g. software development and supply")} {...common} />
      <SelectField name="addressRegion" label={label["addressRegion"]!} value={values["addressRegion"]} choices={regions} empty={say("선택", "Choose")} required {...common} />
      <TextField name="address" label={label["address"]!} value={values["address"]} hint={say("예: 서울특별시 성동구 성수이로 113", "e.g. 서울특별시 성동구 성수이로 113")} {...common} />
      <SelectField name="size" label={label["size"]!} value={values["size"]} choices={code(Employer.EmployerSize.literals, (s) => Employer.employerSizeLabel(s, lang))} empty={say("선택", "Choose")} required {...common} />
      <SelectField name="source" label={label["source"]!} value={values["source"]} choices={code(Employer.EmployerSource.literals, (s) => Employer.employerSourceLabel(s, lang))} empty={say("선택", "Choose")} required {...common} />
      <p class="form-hint">{say("담당자의 이름과 연락처는 개인정보이므로 열람할 때마다 접속기록에 남습니다. 담당자가 없으면 비워 두세요.", "A contact person's name and numbers are personal data: every view is logged. Leave the rows blank if there is none.")}</p>
      {contactRows.map((n) => (
        <fieldset class="form-group">
          <legend class="form-tit">{say(`담당자 ${n}`, `Contact person ${n}`)}</legend>
          <TextField name={`contact${n}Name`} label={say("이름", "Name")} value={values[`contact${n}Name`]} autocomplete="off" {...common} />
          <TextField name={`contact${n}Role`} label={say("직책", "Role")} value={values[`contact${n}Role`]} hint={say("예: 인사담당", "e.g. HR")} autocomplete="off" {...common} />
          <TextField name={`contact${n}Phone`} type="tel" label={say("전화번호", "Phone")} value={values[`contact${n}Phone`]} hint={say("예: 02-123-4567", "e.g. 02-123-4567")} autocomplete="off" {...common} />
          <TextField name={`contact${n}Email`} type="email" label={say("이메일", "E-mail")} value={values[`contact${n}Email`]} autocomplete="off" {...common} />
        </fieldset>
      ))}
      <TextArea name="notes" label={label["notes"]!} value={values["notes"]} hint={say("주민등록번호 등 고유식별정보는 적지 마세요.", "Do not write resident registration numbers or other unique identifiers.")} {...common} />
    </>
  )
}
