/**
 * What a cell of a Korean office's spreadsheet means: dates written every way
 * offices write them, phone numbers that lost their leading zero when a sheet
 * stored them as numbers, amounts with `,` and `원`, careers in years and
 * months, lists of several values in one cell, and the birth date inside a
 * resident registration number (the only part of it iljari keeps).
 *
 * Each reading answers the value or a {@link Problem} in Korean and English
 * that says what the cell held and what was expected.
 *
 * @example
 * ```ts
 * import { Cells } from "@iljari/core"
 *
 * Cells.date("2016.3.2", 2026)   // Either.right("2016-03-02")
 * Cells.date(42431, 2026)        // Either.right("2016-03-02"): an Excel serial
 * Cells.phone(1012345678)        // Either.right("010-1234-5678")
 * Cells.won("1,500,000원")        // Either.right(1500000)
 * ```
 *
 * @since 0.4.0
 * @module
 * @category onboarding
 */
import { Either } from "effect"
import { normalizePhone } from "../kernel/Contact.js"
import * as LocalDate from "../kernel/LocalDate.js"
import { normalizeForDetection } from "../kernel/Text.js"
import { type Cell, text } from "./Sheet.js"

/**
 * Why a cell could not be read, for a person (Korean) and an integrator (English).
 *
 * @since 0.4.0
 * @category models
 */
export interface Problem {
  readonly ko: string
  readonly en: string
}

const problem = (ko: string, en: string): Problem => ({ ko, en })

const quoted = (cell: Cell) => JSON.stringify(text(cell))

// Excel's day 0 is 1899-12-30 once its phantom 1900-02-29 (serial 60) is skipped.
const excelEpoch = Date.UTC(1899, 11, 30)

const calendarDate = (year: number, month: number, day: number): LocalDate.LocalDate | undefined => {
  if (month < 1 || month > 12 || day < 1 || day > LocalDate.daysInMonth(year, month)) return undefined
  if (year < 1900 || year > 2199) return undefined
  return LocalDate.make(year, month, day)
}

// 2016.3.2 · 2016. 3. 2. · 2016-03-02 · 2016/03/02 · 16/03/02 · 16.03.02 · 2016년 3월 2일
const separated = /^(\d{2}|\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*[.일]?$/
const compact = /^(\d{4})(\d{2})(\d{2})$/

/**
 * A date cell: a date the sheet formatted as one, an Excel serial number, or
 * text in one of the forms offices write (`2016.3.2`, `2016. 3. 2.`,
 * `2016-03-02`, `2016/03/02`, `16/03/02`, `16.03.02`, `20160302`,
 * `2016년 3월 2일`). A two-digit year is in this century unless that would
 * put it after `referenceYear` (the current year), then in the last.
 *
 * @since 0.4.0
 * @category dates
 */
export const date = (cell: Cell, referenceYear: number): Either.Either<LocalDate.LocalDate, Problem> => {
  const fail = () =>
    Either.left(problem(
      `날짜가 아닙니다(${quoted(cell)}). 2016-03-02, 2016.3.2, 16/03/02 형식으로 적어 주세요`,
      `is not a date (${quoted(cell)}); write it as 2016-03-02, 2016.3.2 or 16/03/02`
    ))
  if (cell instanceof Date) {
    const day = calendarDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate())
    return day === undefined ? fail() : Either.right(day)
  }
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 61 || cell > 109_573) return fail()
    const day = new Date(excelEpoch + cell * 86_400_000)
    return Either.right(LocalDate.make(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()))
  }
  const written = text(cell).replace(/\.$/, "")
  const match = separated.exec(written) ?? compact.exec(written)
  if (match === null) return fail()
  let year = Number(match[1])
  if (match[1]!.length === 2) year = 2000 + year > referenceYear ? 1900 + year : 2000 + year
  const day = calendarDate(year, Number(match[2]), Number(match[3]))
  return day === undefined ? fail() : Either.right(day)
}

/**
 * A phone number, written any way a person writes one, or stored by the sheet
 * as a number that lost its leading zero (`1012345678` → `010-1234-5678`,
 * `221345678` → `02-2134-5678`). Answers the hyphenated form.
 *
 * @since 0.4.0
 * @category contacts
 */
export const phone = (cell: Cell): Either.Either<string, Problem> => {
  const written = typeof cell === "number" ? String(cell) : text(cell)
  // A number stored as one lost its leading zero; a text of digits may have too.
  const canonical = normalizePhone(written) ?? (/^[1-9][\d\s-]+$/.test(written) ? normalizePhone(`0${written}`) : undefined)
  return canonical === undefined
    ? Either.left(problem(
      `전화번호가 아닙니다(${quoted(cell)}). 010-1234-5678처럼 적어 주세요`,
      `is not a Korean phone number (${quoted(cell)}); write it as 010-1234-5678`
    ))
    : Either.right(canonical)
}

/**
 * An amount in won: a number, or text with `,`, `원` and spaces
 * (`1,500,000원`), or in 만원 (`150만원`, `150만`).
 *
 * @since 0.4.0
 * @category amounts
 */
export const won = (cell: Cell): Either.Either<number, Problem> => {
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 0) return Either.right(cell)
  const written = text(cell).replace(/[\s,]/g, "").replace(/원$/, "")
  const tenThousands = /^(\d+(?:\.\d+)?)만$/.exec(written)
  if (tenThousands !== null) return Either.right(Math.round(Number(tenThousands[1]) * 10_000))
  if (/^\d+$/.test(written)) return Either.right(Number(written))
  return Either.left(problem(
    `금액이 아닙니다(${quoted(cell)}). 1,500,000원처럼 적어 주세요`,
    `is not an amount in won (${quoted(cell)}); write it as 1,500,000원 or 1500000`
  ))
}

/**
 * A length of time in months: a number of months, or `3년 2개월`, `3년`,
 * `6개월`. An empty cell is not read here: the caller decides what it means.
 *
 * @since 0.4.0
 * @category amounts
 */
export const months = (cell: Cell): Either.Either<number, Problem> => {
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 0) return Either.right(cell)
  const written = text(cell).replace(/\s/g, "")
  if (/^\d+$/.test(written)) return Either.right(Number(written))
  const match = /^(?:(\d+)년)?(?:(\d+)개?월)?$/.exec(written)
  if (match !== null && (match[1] !== undefined || match[2] !== undefined)) {
    return Either.right(Number(match[1] ?? 0) * 12 + Number(match[2] ?? 0))
  }
  return Either.left(problem(
    `기간이 아닙니다(${quoted(cell)}). 개월 수나 3년 2개월처럼 적어 주세요`,
    `is not a length of time (${quoted(cell)}); write a number of months or 3년 2개월`
  ))
}

/**
 * The values of a cell that lists several, separated by commas, semicolons
 * or lines (`요양보호사, 조리사`), trimmed, empty ones dropped. `·` and `/`
 * are not separators: names such as `경영·행정·사무직` hold them.
 *
 * @since 0.4.0
 * @category lists
 */
export const list = (cell: Cell): ReadonlyArray<string> =>
  text(cell).split(/[,，、;\n]/).map((part) => part.trim()).filter((part) => part.length > 0)

const residentNumber = /^(\d{2})(\d{2})(\d{2})-?([1-8])\d{6}$/

/**
 * The birth date inside a resident (or foreigner) registration number,
 * `800302-1234567` or `8003021234567` in any width or dash: its first six
 * digits, with the century from the seventh (1, 2, 5, 6: 1900s; 3, 4, 7, 8:
 * 2000s). The rest of the number is never kept. `undefined` when the cell is
 * not such a number.
 *
 * @since 0.4.0
 * @category privacy
 */
export const birthDateOfResidentNumber = (cell: Cell): LocalDate.LocalDate | undefined => {
  const match = residentNumber.exec(normalizeForDetection(text(cell)).replace(/\s/g, ""))
  if (match === null) return undefined
  const century = "1256".includes(match[4]!) ? 1900 : 2000
  return calendarDate(century + Number(match[1]), Number(match[2]), Number(match[3]))
}
