// Column building blocks the ledgers share: a column of plain text, of a date,
// a phone, a coded value, an occupation, a region, a counselor's name.
import { DateTime, Either } from "effect"
import * as Codes from "../../kernel/Codes.js"
import * as Consent from "../../kernel/Consent.js"
import type { Label } from "../../kernel/Labels.js"
import * as LocalDate from "../../kernel/LocalDate.js"
import * as Cells from "../Cells.js"
import { coded, type Column, type Draft, normalizeHeader, type ReadContext, set } from "../Ledger.js"
import { type Cell, text } from "../Sheet.js"

type Read = (cell: Cell, draft: Draft, context: ReadContext) => Cells.Problem | undefined

export interface Spec<R> {
  readonly key: string
  readonly header: Label
  readonly synonyms?: ReadonlyArray<string>
  readonly required?: boolean
  readonly path: string
  readonly write: (record: R) => Cell
}

const column = <R>(spec: Spec<R>, read: Read, write?: Column<R>["write"]): Column<R> => ({
  key: spec.key,
  header: spec.header,
  synonyms: spec.synonyms ?? [],
  required: spec.required ?? false,
  paths: [spec.path],
  read,
  write: write ?? ((record) => spec.write(record))
})

const into = <A>(path: string, result: Either.Either<A, Cells.Problem>, draft: Draft) =>
  Either.match(result, { onLeft: (problem) => problem, onRight: (value) => void set(draft, path, value) })

/** Text as written; the record's schema judges it. */
export const textColumn = <R>(spec: Spec<R>): Column<R> => column(spec, (cell, draft) => void set(draft, spec.path, text(cell)))

/** A list of texts in one cell. */
export const listColumn = <R>(spec: Spec<R>): Column<R> =>
  column(spec, (cell, draft) => void set(draft, spec.path, Cells.list(cell)))

export const dateColumn = <R>(spec: Spec<R>): Column<R> =>
  column(spec, (cell, draft, context) => into(spec.path, Cells.date(cell, Number(context.today.slice(0, 4))), draft))

export const phoneColumn = <R>(spec: Spec<R>): Column<R> => column(spec, (cell, draft) => into(spec.path, Cells.phone(cell), draft))

export const wonColumn = <R>(spec: Spec<R>): Column<R> => column(spec, (cell, draft) => into(spec.path, Cells.won(cell), draft))

export const monthsColumn = <R>(spec: Spec<R>): Column<R> => column(spec, (cell, draft) => into(spec.path, Cells.months(cell), draft))

export const numberColumn = <R>(spec: Spec<R>): Column<R> =>
  column(spec, (cell, draft) => {
    const value = typeof cell === "number" ? cell : Number(text(cell).replace(/[,\s명개]/g, ""))
    if (!Number.isFinite(value)) {
      return {
        ko: `숫자가 아닙니다(${JSON.stringify(text(cell))})`,
        en: `is not a number (${JSON.stringify(text(cell))})`
      }
    }
    set(draft, spec.path, value)
  })

/** A code set from its schema and its labels. */
export const codes = <C extends string>(
  schema: { readonly literals: ReadonlyArray<C> },
  label: (code: C, language?: "ko" | "en") => string,
  aliases: Readonly<Record<string, C>> = {}
): CodeSet<C> => ({ codes: schema.literals, label, aliases })

/** Contract types, with the words offices use for them. */
export const contractTypes = codes(Codes.ContractType, Codes.contractTypeLabel, {
  "상용직": "open-ended",
  "정규직": "open-ended",
  "계약직": "fixed-term",
  "일용직": "daily",
  "파견": "dispatch"
})

/** Full- or part-time, with the words offices use for them. */
export const schedules = codes(Codes.WorkSchedule, Codes.workScheduleLabel, {
  "시간제": "part-time",
  "파트타임": "part-time",
  "풀타임": "full-time"
})

export interface CodeSet<C extends string> {
  readonly codes: ReadonlyArray<C>
  readonly label: (code: C, language?: "ko" | "en") => string
  /** Short forms offices write besides the labels, by normalised text. */
  readonly aliases?: Readonly<Record<string, C>>
}

/** A value of a code set: its code, its Korean or English label, or one of `aliases`. */
export const codeColumn = <R, C extends string>(spec: Spec<R>, set_: CodeSet<C>): Column<R> =>
  column(spec, (cell, draft) => into(spec.path, codeOf(set_, spec.header, text(cell)), draft))

/** Several values of a code set in one cell. */
export const codeListColumn = <R, C extends string>(spec: Spec<R>, set_: CodeSet<C>): Column<R> =>
  column(spec, (cell, draft) => {
    const found: Array<C> = []
    for (const part of Cells.list(cell)) {
      const code = codeOf(set_, spec.header, part)
      if (Either.isLeft(code)) return code.left
      found.push(code.right)
    }
    set(draft, spec.path, found)
  })

/** A coded value from its code, a label or an alias. */
export const codeOf = <C extends string>(set_: CodeSet<C>, what: Label, written: string) => {
  const alias = set_.aliases?.[normalizeHeader(written)]
  return alias !== undefined ? Either.right(alias) : coded(set_, what, written)
}

/** Labels of a code set, for writing a list back. */
export const labels = <C extends string>(set_: CodeSet<C>, codes: ReadonlyArray<C>): string =>
  codes.map((code) => set_.label(code, "ko")).join(", ")

const middleGroups = Codes.occupationGroups.middle

/**
 * An occupation: a KECO code (`5511`, `5511 돌봄 서비스직`, `돌봄 서비스직(5511)`)
 * or the name of a KECO middle group.
 */
export const occupation = (written: string): Either.Either<string, Cells.Problem> => {
  const digits = /(?:^|\()(\d{2,6})(?:\)|\s|$)/.exec(written)
  if (digits !== null) return Either.right(digits[1]!)
  const wanted = normalizeHeader(written)
  const group = middleGroups.find(([, name]) => normalizeHeader(name.ko) === wanted || normalizeHeader(name.en) === wanted)
  if (group !== undefined) return Either.right(group[0])
  return Either.left({
    ko: `알 수 없는 직종입니다(${JSON.stringify(written)}). 고용직업분류(KECO) 코드(예: 5511)나 중분류 이름으로 적어 주세요`,
    en: `is not a known occupation (${JSON.stringify(written)}); write a KECO code such as 5511 or a KECO middle group's name`
  })
}

/** An occupation written back: its code and its middle group's name. */
export const occupationCell = (code: Codes.OccupationCode): string => `${code} ${Codes.middleGroupName(code)}`

const provinceNames: ReadonlyArray<readonly [string, string]> = [
  ["11", "서울"], ["26", "부산"], ["27", "대구"], ["28", "인천"], ["29", "광주"], ["30", "대전"], ["31", "울산"],
  ["36", "세종"], ["41", "경기"], ["43", "충북"], ["44", "충남"], ["46", "전남"], ["47", "경북"], ["48", "경남"],
  ["50", "제주"], ["51", "강원"], ["52", "전북"]
]

/**
 * A region: a 5-digit code, or an address or name that names a Seoul
 * district (`서울 성동구 왕십리로 …`, `성동구`) or a province (`경기도 …`).
 */
export const region = (written: string): Either.Either<string, Cells.Problem> => {
  const code = /^\d{5}$/.exec(written.trim())
  if (code !== null) return Either.right(code[0])
  const district = Codes.seoulDistricts.find((d) => written.includes(d.name.ko) || written.includes(d.name.en))
  if (district !== undefined) return Either.right(district.code)
  const province = provinceNames.find(([, name]) => written.trim().startsWith(name))
  if (province !== undefined) return Either.right(`${province[0]}000`)
  return Either.left({
    ko: `지역을 알 수 없습니다(${JSON.stringify(written)}). 서울 성동구처럼 구 이름이나 지역 코드(11200)로 적어 주세요`,
    en: `names no known region (${JSON.stringify(written)}); write a district such as 성동구 or a 5-digit region code such as 11200`
  })
}

/**
 * A wage as `{ type, amount }`: an amount (monthly), or one written after its
 * type's label (`시급 10,030원`), as {@link wageCell} writes it back.
 */
export const wageColumn = <R>(spec: Spec<R>): Column<R> =>
  column(spec, (cell, draft) => {
    const written = text(cell)
    const type = Codes.WageType.literals.find((t) => written.startsWith(Codes.wageTypeLabel(t))) ?? "monthly"
    const amount = Cells.won(typeof cell === "number" ? cell : written.replace(Codes.wageTypeLabel(type), ""))
    if (Either.isLeft(amount)) return amount.left
    set(draft, spec.path, { type, amount: amount.right })
  })

/** A wage written back: a monthly amount as a number, another after its type's label. */
export const wageCell = (wage: { readonly type: Codes.WageType; readonly amount: number } | undefined): Cell =>
  wage === undefined ? null : wage.type === "monthly" ? wage.amount : `${Codes.wageTypeLabel(wage.type)} ${wage.amount}`

/** A region written back: its name (a code outside Seoul). */
export const regionCell = (code: Codes.RegionCode): string =>
  Codes.seoulDistricts.some((d) => d.code === code) || Codes.isWholeProvince(code) ? Codes.regionName(code) : code

export const regionColumn = <R>(spec: Spec<R>): Column<R> => column(spec, (cell, draft) => into(spec.path, region(text(cell)), draft))

export const regionListColumn = <R>(spec: Spec<R>): Column<R> =>
  column(spec, (cell, draft) => {
    const found: Array<string> = []
    for (const part of Cells.list(cell)) {
      const code = region(part)
      if (Either.isLeft(code)) return code.left
      found.push(code.right)
    }
    set(draft, spec.path, found)
  })

/** A counselor of the district, by name (or id). */
export const counselorColumn = <R>(spec: Spec<R>, write: (record: R, names: ReadonlyMap<string, string>) => Cell): Column<R> =>
  column(spec, (cell, draft, context) => {
    const written = text(cell)
    const id = context.counselorsByName.get(written) ?? [...context.counselorsByName.values()].find((id) => id === written)
    if (id === undefined) {
      return {
        ko: `등록된 상담사가 아닙니다(${JSON.stringify(written)}). 먼저 직원으로 등록하거나 이름을 확인해 주세요`,
        en: `is not a counselor of this district (${JSON.stringify(written)}); register them as staff first, or correct the name`
      }
    }
    set(draft, spec.path, id)
  }, (record, context) => write(record, context.counselorNames))

/** A moment written back in Korean time, to the second, as a person reads it: 2016-03-02 14:05:33. */
export const momentCell = (moment: DateTime.Utc): string =>
  new Date(DateTime.toEpochMillis(moment) + 9 * 3_600_000).toISOString().slice(0, 19).replace("T", " ")

/** A moment: a date (its start, in Korea) or a date and time in Korea (`2016-03-02 14:05:33`). */
export const momentColumn = <R>(spec: Spec<R>): Column<R> =>
  column(spec, (cell, draft, context) => {
    const written = text(cell)
    const withTime = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(written)
    const day = withTime !== null
      ? Either.right(withTime[1]! as LocalDate.LocalDate)
      : Cells.date(cell, Number(context.today.slice(0, 4)))
    if (Either.isLeft(day)) return day.left
    const [hours, minutes, seconds] = withTime === null ? [0, 0, 0] : [Number(withTime[2]), Number(withTime[3]), Number(withTime[4] ?? 0)]
    const { day: d, month, year } = LocalDate.parts(day.right)
    set(draft, spec.path, new Date(Date.UTC(year, month - 1, d, hours - 9, minutes, seconds)).toISOString())
  })

export { list as cellsOf } from "../Cells.js"
export { set as setIn } from "../Ledger.js"
export { text as cellText } from "../Sheet.js"

const purposes = { codes: Consent.ConsentPurpose.literals, label: Consent.consentPurposeLabel }
const consentChannels = { codes: Consent.Channel.literals, label: Consent.channelLabel }
const moment = "(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})"
const consentPattern = new RegExp(`^(.+?)(?:\\((.+?)\\))?\\s+${moment}(?:\\s*~\\s*${moment})?$`)
const fromKorea = (written: string) => new Date(Date.parse(`${written.replace(" ", "T")}+09:00`)).toISOString()

/** Consents written back: `서비스 안내 수신(문자) 2016-03-02 14:05:33`, withdrawn ones with `~` and the day, `;` between. */
export const consentsCell = (consents: ReadonlyArray<Consent.Consent>): string =>
  consents.map((c) =>
    `${Consent.consentPurposeLabel(c.purpose)}${c.channel === undefined ? "" : `(${Consent.channelLabel(c.channel)})`} ${momentCell(c.givenAt)}${
      c.withdrawnAt === undefined ? "" : ` ~ ${momentCell(c.withdrawnAt)}`
    }`
  ).join("; ")

/** Consents as {@link consentsCell} writes them. */
export const consentsColumn = <R>(spec: Spec<R>): Column<R> =>
  column(spec, (cell, draft) => {
    const consents: Array<unknown> = []
    for (const part of text(cell).split(";").map((p) => p.trim()).filter((p) => p.length > 0)) {
      const match = consentPattern.exec(part)
      const purpose = match === null ? undefined : coded(purposes, spec.header, match[1]!.trim())
      const channel = match?.[2] === undefined ? undefined : coded(consentChannels, spec.header, match[2])
      if (match === null || purpose === undefined || Either.isLeft(purpose) || (channel !== undefined && Either.isLeft(channel))) {
        return {
          ko: `동의 내용을 읽을 수 없습니다(${JSON.stringify(part)}). "서비스 안내 수신(문자) 2016-03-02 09:00:00"처럼 적어 주세요`,
          en: `is not a consent (${JSON.stringify(part)}); write it as "서비스 안내 수신(문자) 2016-03-02 09:00:00"`
        }
      }
      consents.push({
        purpose: purpose.right,
        ...(channel === undefined || Either.isLeft(channel) ? {} : { channel: channel.right }),
        givenAt: fromKorea(match[3]!),
        ...(match[4] === undefined ? {} : { withdrawnAt: fromKorea(match[4]) })
      })
    }
    set(draft, spec.path, consents)
  })

/**
 * A resident registration number column: never stored. The mapping either
 * refuses the file or reads the birth date from it (into `birthDatePath`,
 * unless a 생년월일 column gave one) and drops the rest.
 */
export const residentNumberColumn = <R>(birthDatePath: string): Column<R> => ({
  key: "residentNumber",
  header: { ko: "주민등록번호", en: "Resident registration number" },
  synonyms: ["주민번호", "주민등록번호(앞자리)", "주민 번호"],
  required: false,
  paths: [birthDatePath],
  read: (cell, draft) => {
    const birthDate = Cells.birthDateOfResidentNumber(cell)
    if (birthDate === undefined) {
      return {
        ko: "주민등록번호에서 생년월일을 읽을 수 없습니다",
        en: "holds no birth date that can be read (800302-1234567)"
      }
    }
    if (get(draft, birthDatePath) === undefined) set(draft, birthDatePath, birthDate)
  },
  write: () => null
})

const get = (draft: Draft, path: string): unknown =>
  path.split(".").reduce<unknown>((value, part) => (typeof value === "object" && value !== null ? (value as Draft)[part] : undefined), draft)
