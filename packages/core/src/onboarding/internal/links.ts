// The columns that name a person and an employer in the placements and the
// follow-up ledgers, and finding the stored seeker and employer they name.
import { Either } from "effect"
import { normalizeBusinessNumber } from "../../registry/Employer.js"
import type { Employer } from "../../registry/Employer.js"
import type { Seeker } from "../../registry/Seeker.js"
import type { Problem } from "../Cells.js"
import type { Column, Draft, ReadContext } from "../Ledger.js"
import * as C from "./columns.js"

/** Who and where, as the ledgers write them: the seeker's and the employer's columns. */
export const whoAndWhere = <R>(write: {
  readonly seeker: (record: R) => Seeker | undefined
  readonly employer: (record: R) => Employer | undefined
}): ReadonlyArray<Column<R>> => [
  C.textColumn({ key: "name", header: { ko: "성명", en: "Name" }, synonyms: ["이름", "구직자명", "취업자명", "성 명"], required: true, path: "seeker.name", write: (r) => write.seeker(r)?.name ?? null }),
  C.dateColumn({ key: "birthDate", header: { ko: "생년월일", en: "Birth date" }, synonyms: ["생일", "출생일"], path: "seeker.birthDate", write: (r) => write.seeker(r)?.birthDate ?? null }),
  C.phoneColumn({ key: "phone", header: { ko: "연락처", en: "Phone" }, synonyms: ["전화번호", "휴대폰", "핸드폰", "휴대전화"], path: "seeker.phone", write: (r) => write.seeker(r)?.contact.phone ?? null }),
  C.textColumn({ key: "employerName", header: { ko: "사업장명", en: "Employer" }, synonyms: ["업체명", "기업명", "회사명", "취업처", "취업업체"], path: "employer.name", write: (r) => write.employer(r)?.name ?? null }),
  C.textColumn({ key: "businessNumber", header: { ko: "사업자등록번호", en: "Business number" }, synonyms: ["사업자번호"], path: "employer.businessNumber", write: (r) => write.employer(r)?.businessNumber ?? null })
]

const quote = (value: unknown) => JSON.stringify(value ?? "")

/** The stored seeker a row names, or why there is none or more than one. */
export const seekerOf = (draft: Draft, context: ReadContext): Either.Either<Seeker, Problem> => {
  const who = (draft["seeker"] ?? {}) as { readonly name?: string; readonly birthDate?: string; readonly phone?: string }
  if (who.birthDate === undefined && who.phone === undefined) {
    return Either.left({
      ko: "구직자를 찾으려면 생년월일이나 연락처가 있어야 합니다",
      en: "a birth date or a phone is needed to find the seeker"
    })
  }
  const found = context.directory.seekers(who.name ?? "", who.birthDate, who.phone)
  if (found.length === 1) return Either.right(found[0]!)
  return Either.left(
    found.length === 0
      ? {
        ko: `등록된 구직자가 없습니다(${who.name}${who.birthDate === undefined ? "" : `, ${who.birthDate}`}). 구직자 명단을 먼저 가져오거나 등록하세요`,
        en: `names no seeker of this district (${quote(who.name)}${who.birthDate === undefined ? "" : `, ${who.birthDate}`}); import or register the seeker first`
      }
      : {
        ko: `같은 이름의 구직자가 ${found.length}명입니다(${who.name}). 생년월일과 연락처를 함께 적어 주세요`,
        en: `matches ${found.length} seekers named ${quote(who.name)}; give the birth date and the phone`
      }
  )
}

/** The stored employer a row names (by business number, else by a name only one employer has). */
export const employerOf = (draft: Draft, context: ReadContext): Either.Either<Employer, Problem> => {
  const where = (draft["employer"] ?? {}) as { readonly name?: string; readonly businessNumber?: string }
  const number = where.businessNumber === undefined ? undefined : normalizeBusinessNumber(where.businessNumber)
  if (where.businessNumber !== undefined && number === undefined) {
    return Either.left({
      ko: `사업자등록번호가 10자리가 아니거나 검증번호가 맞지 않습니다(${where.businessNumber})`,
      en: `the business number must have 10 digits with a valid check digit; got ${quote(where.businessNumber)}`
    })
  }
  if (number === undefined && where.name === undefined) {
    return Either.left({ ko: "사업장명이나 사업자등록번호가 있어야 합니다", en: "an employer's name or business number is needed" })
  }
  const found = context.directory.employers(number, where.name)
  if (found.length === 1) return Either.right(found[0]!)
  return Either.left(
    found.length === 0
      ? {
        ko: `등록된 사업장이 없습니다(${number ?? where.name}). 구인업체 목록을 먼저 가져오거나 등록하세요`,
        en: `names no employer of this district (${quote(number ?? where.name)}); import or register the employer first`
      }
      : {
        ko: `같은 이름의 사업장이 ${found.length}곳입니다(${where.name}). 사업자등록번호를 적어 주세요`,
        en: `matches ${found.length} employers named ${quote(where.name)}; give the business number`
      }
  )
}
