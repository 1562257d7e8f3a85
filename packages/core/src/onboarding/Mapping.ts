/**
 * Which column of a sheet holds which field: the header row found under any
 * title rows, a mapping suggested from the headers Korean offices use
 * (성명, 생년월일, 연락처, 희망직종, 사업장명, 사업자등록번호, 채용인원,
 * 취업일, …), and the check that a mapping (suggested, saved or changed by
 * the person) is complete and never keeps a resident registration number.
 *
 * @example
 * ```ts
 * import { Mapping } from "@iljari/core"
 *
 * const suggested = Mapping.suggest(Mapping.ledgers.seekers, ["성 명", "생년월일", "휴대폰", "희망직종"])
 * // { name: "성 명", birthDate: "생년월일", phone: "휴대폰", desiredOccupations: "희망직종" }
 * ```
 *
 * @since 0.4.0
 * @module
 * @category onboarding
 */
import type { Label } from "../kernel/Labels.js"
import type { SavedMapping } from "./ImportStore.js"
import { type Ledger, type LedgerId, names } from "./Ledger.js"
import { employers } from "./ledgers/Employers.js"
import { followUps } from "./ledgers/FollowUps.js"
import { placements } from "./ledgers/Placements.js"
import { seekers } from "./ledgers/Seekers.js"
import { type Row, type Sheet, text } from "./Sheet.js"

/**
 * The ledgers an import reads, by id.
 *
 * @since 0.4.0
 * @category ledgers
 */
export const ledgers: { readonly [K in LedgerId]: Ledger<any> } = { seekers, employers, placements, followUps }

/**
 * The ledger ids an import reads.
 *
 * @since 0.4.0
 * @category ledgers
 */
export type KnownLedger = keyof typeof ledgers

/**
 * The header row and the rows below it.
 *
 * @since 0.4.0
 * @category headers
 */
export interface Table {
  /** The header row's number in the sheet. */
  readonly headerRow: number
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<Row>
}

/**
 * Finds the header row among the first rows of a sheet (title rows, a merged
 * title, a date line above it): the row naming the most of the ledger's
 * columns. `undefined` when no row names any.
 *
 * @since 0.4.0
 * @category headers
 */
export const table = (sheet: Sheet, ledger: Ledger<any>): Table | undefined => {
  let best: { readonly index: number; readonly matches: number } | undefined
  sheet.rows.slice(0, 20).forEach((row, index) => {
    const matches = row.cells.filter((cell) => ledger.columns.some((column) => names(column, text(cell)))).length
    if (matches > 0 && (best === undefined || matches > best.matches)) best = { index, matches }
  })
  if (best === undefined) return undefined
  const header = sheet.rows[best.index]!
  return { headerRow: header.row, headers: header.cells.map(text), rows: sheet.rows.slice(best.index + 1) }
}

/**
 * The ledger a sheet most likely is: the one whose columns its header row
 * names most (ties go to the earlier ledger), or `undefined` when no row
 * names any ledger's column.
 *
 * @since 0.4.0
 * @category headers
 */
export const guess = (sheet: Sheet): KnownLedger | undefined => {
  let best: { readonly ledger: KnownLedger; readonly named: number } | undefined
  for (const id of Object.keys(ledgers) as Array<KnownLedger>) {
    const found = table(sheet, ledgers[id])
    if (found === undefined) continue
    const named = Object.keys(suggest(ledgers[id], found.headers)).length
    if (best === undefined || named > best.named) best = { ledger: id, named }
  }
  return best?.ledger
}

/**
 * A mapping suggested from the headers: each column of the ledger to the
 * first header that names it.
 *
 * @since 0.4.0
 * @category mapping
 */
export const suggest = (ledger: Ledger<any>, headers: ReadonlyArray<string>): Record<string, string> => {
  const mapping: Record<string, string> = {}
  for (const column of ledger.columns) {
    const header = headers.find((h) => h !== "" && names(column, h))
    if (header !== undefined) mapping[column.key] = header
  }
  return mapping
}

/**
 * A problem with a mapping as a whole, for the person and the integrator.
 *
 * @since 0.4.0
 * @category mapping
 */
export interface MappingProblem {
  readonly column?: string
  readonly ko: string
  readonly en: string
}

/**
 * What a resident registration number column means for this import: none in
 * the sheet, the file refused, or the birth date read from it and the rest
 * dropped.
 *
 * @since 0.4.0
 * @category mapping
 */
export type ResidentNumberUse = "none" | "refused" | "birthDate"

/**
 * Checks a mapping against the sheet's headers: every field it names must be
 * a column of the ledger and every header one of the sheet's, no header may
 * serve two fields, every required field must be mapped, and a resident
 * registration number column is refused unless the mapping reads the birth
 * date from it (and then it needs no 생년월일 column).
 *
 * @since 0.4.0
 * @category mapping
 */
export const check = (
  ledger: Ledger<any>,
  headers: ReadonlyArray<string>,
  mapping: SavedMapping
): { readonly problems: ReadonlyArray<MappingProblem>; readonly residentNumber: ResidentNumberUse } => {
  const problems: Array<MappingProblem> = []
  const used = new Map<string, string>()
  const keys = new Set(ledger.columns.map((column) => column.key))
  for (const [key, header] of Object.entries(mapping.columns)) {
    if (!keys.has(key)) {
      problems.push({ column: header, ko: `'${key}'은(는) ${ledger.name.ko}의 항목이 아닙니다`, en: `"${key}" is not a field of ${ledger.name.en}` })
    } else if (!headers.includes(header)) {
      problems.push({ column: header, ko: `시트에 '${header}' 열이 없습니다`, en: `the sheet has no column "${header}"` })
    } else if (used.has(header)) {
      problems.push({ column: header, ko: `'${header}' 열을 두 항목(${used.get(header)}, ${key})에 연결했습니다`, en: `column "${header}" is mapped to two fields (${used.get(header)}, ${key})` })
    }
    used.set(header, key)
  }
  // A resident number column found in the sheet counts even when left unmapped:
  // the person must say what happens to it.
  const residentColumn = ledger.columns.find((column) => column.key === "residentNumber")
  const residentHeader = mapping.columns["residentNumber"] ??
    (residentColumn === undefined ? undefined : headers.find((h) => names(residentColumn, h)))
  let residentNumber: ResidentNumberUse = "none"
  if (residentHeader !== undefined) {
    if (mapping.residentNumber === "birthDate") residentNumber = "birthDate"
    else {
      residentNumber = "refused"
      problems.push({
        column: residentHeader,
        ko: `'${residentHeader}' 열에 주민등록번호가 있습니다. iljari는 주민등록번호를 저장하지 않습니다: 열을 지우거나, 생년월일만 읽고 나머지는 버리도록 선택하세요`,
        en: `column "${residentHeader}" holds resident registration numbers, which iljari never stores: delete the column, or choose to read the birth date from it and drop the rest`
      })
    }
  }
  for (const column of ledger.columns) {
    if (!column.required || mapping.columns[column.key] !== undefined) continue
    if (column.key === "birthDate" && residentNumber === "birthDate") continue
    problems.push({
      ko: `필수 항목 '${column.header.ko}'에 연결할 열을 고르세요`,
      en: `choose the column that holds the required field "${column.header.en}"`
    })
  }
  return { problems, residentNumber }
}

/**
 * A field's header, as a person is shown it.
 *
 * @since 0.4.0
 * @category mapping
 */
export const headerOf = (ledger: Ledger<any>, key: string): Label | undefined =>
  ledger.columns.find((column) => column.key === key)?.header
