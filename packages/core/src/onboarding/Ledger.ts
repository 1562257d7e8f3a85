/**
 * A ledger a district keeps in a spreadsheet (the seekers list, the employers
 * and openings list, the placements ledger, the follow-up ledger) described
 * as columns: each column's Korean header and the headers offices also use
 * for it, how a cell becomes part of a record, and how a record is written
 * back to a cell, so that an exported sheet imports to the same records.
 *
 * @example
 * ```ts
 * import { Ledger, Mapping } from "@iljari/core"
 *
 * const name = Mapping.ledgers.seekers.columns.find((column) => column.key === "name")!
 * Ledger.names(name, "성 명") // true: spaces and case do not matter
 * Ledger.naturalId("seeker", "11200", "홍길동", "1980-03-02") // the same id every time the row is read
 * ```
 *
 * @since 0.4.0
 * @module
 * @category onboarding
 */
import { Either } from "effect"
import type { Label } from "../kernel/Labels.js"
import type { Check, Policy } from "../casework/FollowUp.js"
import type { Referral } from "../casework/Referral.js"
import type { BusinessCalendar } from "../kernel/BusinessCalendar.js"
import type { CounselorId, DistrictId } from "../kernel/Ids.js"
import type * as LocalDate from "../kernel/LocalDate.js"
import type { RecordKind } from "./ImportStore.js"
import type { Problem } from "./Cells.js"
import type { Directory } from "./Directory.js"
import type { Cell } from "./Sheet.js"

/**
 * What reading a row needs besides its cells.
 *
 * @since 0.4.0
 * @category models
 */
export interface ReadContext {
  readonly districtId: DistrictId
  /** Today in Korea: two-digit years and "not in the future" are read against it. */
  readonly today: LocalDate.LocalDate
  /** The staff member importing: the responsible counselor when a row names none. */
  readonly importedBy: CounselorId
  /** The district's counselors by name, to read a "담당자" column. */
  readonly counselorsByName: ReadonlyMap<string, CounselorId>
  /** The records rows link to (empty for a ledger that links to nothing). */
  readonly directory: Directory
  /** How follow-up checks are scheduled, as for a placement recorded by hand. */
  readonly followUp: { readonly policy: Policy; readonly calendar: BusinessCalendar }
}

/**
 * What writing a record back to a row needs.
 *
 * @since 0.4.0
 * @category models
 */
export interface WriteContext {
  /** Counselor names by id, to write a "담당자" column. */
  readonly counselorNames: ReadonlyMap<string, string>
}

/**
 * A record under construction, in its encoded form.
 *
 * @since 0.4.0
 * @category models
 */
export type Draft = Record<string, unknown>

/**
 * One column of a ledger.
 *
 * @since 0.4.0
 * @category models
 */
export interface Column<R> {
  /** The field's name in a mapping. */
  readonly key: string
  /** The header an export writes, and what a person is shown. */
  readonly header: Label
  /** Other headers offices use for it (spaces and case are ignored when matching). */
  readonly synonyms: ReadonlyArray<string>
  /** A row without it cannot become a record. */
  readonly required: boolean
  /** The record fields it fills, so that a rule a record breaks is shown on its column. */
  readonly paths: ReadonlyArray<string>
  /** Puts the cell's meaning into the draft, or says why it cannot. An empty cell is never read. */
  readonly read: (cell: Cell, draft: Draft, context: ReadContext) => Problem | undefined
  /** The cell an export writes for the record. */
  readonly write: (record: R, context: WriteContext) => Cell
}

/**
 * A ledger: its columns, how a draft starts and how it becomes records.
 *
 * @since 0.4.0
 * @category models
 */
export interface Ledger<R> {
  readonly id: LedgerId
  readonly name: Label
  /** The records a row becomes, in writing order. */
  readonly kinds: ReadonlyArray<RecordKind>
  /**
   * Where each kind's record sits in the draft (`employer`, `opening`), so a
   * rule a record breaks is shown on its column; absent for a ledger whose
   * draft is its one record.
   */
  readonly draftPaths?: Partial<Record<RecordKind, string>>
  /** Kinds several rows may name (an employer with several openings): a repeat is the same record, not an error. */
  readonly shared?: ReadonlyArray<RecordKind>
  readonly columns: ReadonlyArray<Column<R>>
  /** The fields a row starts with before its cells are read. */
  readonly start: (context: ReadContext) => Draft
  /** Whether rows link to stored records (the {@link ReadContext.directory} is read for them). */
  readonly links?: boolean
  /**
   * What a complete draft makes (records with ids derived from its natural
   * key, changes to stored records), or why it makes nothing; `notes` say
   * what the person should know about a good row.
   */
  readonly finish: (
    draft: Draft,
    context: ReadContext
  ) => Either.Either<{ readonly made: ReadonlyArray<Made>; readonly notes?: ReadonlyArray<Problem> }, Problem>
}

/**
 * What a row made: a new record, a change to a stored one (a follow-up check
 * done, a referral that led to the job), or a record imported before.
 *
 * @since 0.4.0
 * @category models
 */
export type Made =
  | { readonly _tag: "Insert"; readonly kind: RecordKind; readonly record: Draft & { readonly id: string } }
  | { readonly _tag: "Update"; readonly kind: "followUps"; readonly record: Check; readonly version: number }
  | { readonly _tag: "Update"; readonly kind: "referrals"; readonly record: Referral; readonly version: number }
  | { readonly _tag: "Unchanged"; readonly kind: RecordKind }

/**
 * The ledgers.
 *
 * @since 0.4.0
 * @category models
 */
export type LedgerId = "seekers" | "employers" | "placements" | "followUps"

/**
 * A header as it is compared: NFKC, no spaces, lower case.
 *
 * @since 0.4.0
 * @category headers
 */
export const normalizeHeader = (header: string): string => header.normalize("NFKC").replace(/\s+/g, "").toLowerCase()

/**
 * Whether a header names the column.
 *
 * @since 0.4.0
 * @category headers
 */
export const names = <R>(column: Column<R>, header: string): boolean => {
  const wanted = normalizeHeader(header)
  return normalizeHeader(column.header.ko) === wanted || normalizeHeader(column.header.en) === wanted ||
    column.synonyms.some((synonym) => normalizeHeader(synonym) === wanted)
}

/**
 * A stable id from a record's natural key (FNV-1a, 64 bits, in hex), so that
 * importing the same row twice names the same record.
 *
 * @since 0.4.0
 * @category ids
 */
export const naturalId = (prefix: string, ...key: ReadonlyArray<string>): string => {
  let hash = 0xcbf29ce484222325n
  for (const char of new TextEncoder().encode(key.join("\u0000"))) {
    hash ^= BigInt(char)
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return `${prefix}-${hash.toString(16).padStart(16, "0")}`
}

/**
 * Reads a coded value from its code, its Korean label or its English label.
 *
 * @since 0.4.0
 * @category cells
 */
export const coded = <C extends string>(
  set: { readonly codes: ReadonlyArray<C>; readonly label: (code: C, language?: "ko" | "en") => string },
  what: Label,
  written: string
): Either.Either<C, Problem> => {
  const wanted = normalizeHeader(written)
  const found = set.codes.find((code) =>
    normalizeHeader(code) === wanted || normalizeHeader(set.label(code, "ko")) === wanted ||
    normalizeHeader(set.label(code, "en")) === wanted
  )
  if (found !== undefined) return Either.right(found)
  const choices = set.codes.map((code) => set.label(code, "ko")).join(", ")
  return Either.left({
    ko: `${what.ko}로 알 수 없는 값입니다(${JSON.stringify(written)}). 다음 중 하나로 적어 주세요: ${choices}`,
    en: `is not a known ${what.en} (${JSON.stringify(written)}); write one of ${set.codes.map((code) => set.label(code, "en")).join(", ")}`
  })
}

// A path's parts, split once: a sheet sets the same few paths on every row.
const split = new Map<string, ReadonlyArray<string>>()
const partsOf = (path: string): ReadonlyArray<string> => {
  let parts = split.get(path)
  if (parts === undefined) split.set(path, parts = path.split("."))
  return parts
}

/**
 * Sets a field deep in a draft (`contact.phone`).
 *
 * @since 0.4.0
 * @category cells
 */
export const set = (draft: Draft, path: string, value: unknown): void => {
  const parts = partsOf(path)
  let target = draft
  for (const part of parts.slice(0, -1)) {
    const next = target[part]
    if (typeof next !== "object" || next === null) target[part] = {}
    target = target[part] as Draft
  }
  target[parts[parts.length - 1]!] = value
}
