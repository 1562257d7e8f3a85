/**
 * Where imported records are written: a district's records of one kind, a
 * batch at a time, each batch in its own transaction, and the column mapping
 * a district chose for each ledger, kept for its next import.
 *
 * Rows carry the number the person sees in their spreadsheet (title and
 * header rows counted), and every refusal names that number. A record whose
 * id is already stored is `skipped`, not refused: import ids are derived
 * from the record's natural key, so a rerun of the same file (after a crash,
 * or by mistake) adds nothing twice.
 *
 * @example
 * ```ts
 * import { Ids, ImportStore } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const rows: ReadonlyArray<ImportStore.NumberedRecord> // seekers read from the sheet, by sheet row
 * const district = Ids.DistrictId.make("11200")
 * // Check first (nothing written), then import; a rerun skips what was written.
 * const imported = Effect.gen(function*() {
 *   const store = yield* ImportStore.ImportStore
 *   const check = yield* store.write("seekers", district, rows, { dryRun: true })
 *   if (check.failed.length > 0) return check
 *   return yield* store.write("seekers", district, rows, { batchSize: 500 })
 * })
 * ```
 *
 * @since 0.4.0
 * @module
 * @category onboarding
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import { FollowUpRepository } from "../casework/FollowUp.js"
import { PlacementRepository } from "../casework/Placement.js"
import type { PersistenceError } from "../kernel/Errors.js"
import type { DistrictId } from "../kernel/Ids.js"
import * as Memory from "../kernel/Memory.js"
import { Transactor } from "../kernel/Transactor.js"
import { EmployerRepository } from "../registry/Employer.js"
import { OpeningRepository } from "../registry/Opening.js"
import { SeekerRepository } from "../registry/Seeker.js"
import * as internal from "./internal/write.js"

/**
 * The kinds of record an import writes, in the order they must be written
 * (a placement needs its seeker and employer, a check its placement).
 *
 * @since 0.4.0
 * @category models
 */
export const RecordKind = Schema.Literal("seekers", "employers", "openings", "placements", "followUps").annotations({
  identifier: "ImportRecordKind"
})
/** @since 0.4.0 @category models */
export type RecordKind = typeof RecordKind.Type

const kindLabels: Record<RecordKind | "referrals", { readonly ko: string; readonly en: string }> = {
  seekers: { ko: "구직자", en: "seekers" },
  employers: { ko: "구인업체", en: "employers" },
  openings: { ko: "채용공고", en: "openings" },
  placements: { ko: "취업", en: "placements" },
  followUps: { ko: "사후관리", en: "follow-up checks" },
  referrals: { ko: "알선", en: "referrals" }
}

/**
 * What records of a kind are called, in Korean or English.
 *
 * @since 0.4.0
 * @category models
 */
export const kindLabel = (kind: RecordKind | "referrals", language: "ko" | "en" = "ko"): string => kindLabels[kind][language]

/**
 * One record to write, with its spreadsheet row number.
 *
 * @since 0.4.0
 * @category models
 */
export interface NumberedRecord {
  readonly row: number
  /** The encoded record (as `Schema.encode` gives it), id and district included. */
  readonly record: unknown
}

/**
 * A row that was refused, with every reason: `path` is the record's field,
 * `message` the rule it broke.
 *
 * @since 0.4.0
 * @category models
 */
export interface RowFailure {
  readonly row: number
  readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }>
}

/**
 * What a write did (or, in a dry run, would do).
 *
 * @since 0.4.0
 * @category models
 */
export interface WriteReport {
  /** Records written (or, in a dry run, that would be). */
  readonly written: number
  /** Rows whose id is already stored: imported before. */
  readonly skipped: number
  /** Rows refused, by row number. */
  readonly failed: ReadonlyArray<RowFailure>
  /** Batches committed (in a dry run, checked). */
  readonly batches: number
}

/**
 * How to write.
 *
 * @since 0.4.0
 * @category models
 */
export interface WriteOptions {
  /** Check every row against the store, write nothing. */
  readonly dryRun?: boolean
  /** Rows per transaction (default 500). */
  readonly batchSize?: number
  /** Called after each batch commits (in a dry run, is checked), with the rows done so far. */
  readonly onBatch?: (progress: { readonly rowsDone: number; readonly written: number }) => Effect.Effect<void>
}

/**
 * A district's saved choice of which column holds which field, for one
 * ledger: field name → the sheet's header text.
 *
 * @since 0.4.0
 * @category models
 */
export const SavedMapping = Schema.Struct({
  columns: Schema.Record({ key: Schema.String, value: Schema.String }),
  /** What to do with a 주민등록번호 column: refuse the file, or take the birth date from it and drop the rest. */
  residentNumber: Schema.Literal("refuse", "birthDate")
}).annotations({ identifier: "SavedMapping" })
/** @since 0.4.0 @category models */
export type SavedMapping = typeof SavedMapping.Type

/**
 * The port.
 *
 * @since 0.4.0
 * @category ports
 */
export class ImportStore extends Context.Tag("@iljari/core/ImportStore")<ImportStore, {
  /**
   * Decodes each record with its kind's schema (every broken field named),
   * refuses repeats by the rules registration uses — a seeker with the same
   * name and phone or name and birth date as an earlier row or a stored
   * seeker, a referral placed twice, an id twice in the input — skips ids
   * already stored, and writes the rest in batches, each batch atomically.
   */
  readonly write: (
    kind: RecordKind,
    districtId: DistrictId,
    records: Iterable<NumberedRecord>,
    options?: WriteOptions
  ) => Effect.Effect<WriteReport, PersistenceError>
  /** Keeps a district's mapping for a ledger, replacing the one before. */
  readonly saveMapping: (districtId: DistrictId, ledger: string, mapping: SavedMapping) => Effect.Effect<void, PersistenceError>
  /** The mapping a district last saved for a ledger. */
  readonly mappingOf: (districtId: DistrictId, ledger: string) => Effect.Effect<Option.Option<SavedMapping>, PersistenceError>
}>() {
  /**
   * `write` over the repositories and the `Transactor` in context, a record
   * at a time: for an adapter with no faster way (the memory layers use it).
   *
   * @since 0.4.0
   */
  static readonly writeFromRepositories: Effect.Effect<
    ImportStore["Type"]["write"],
    never,
    SeekerRepository | EmployerRepository | OpeningRepository | PlacementRepository | FollowUpRepository | Transactor
  > = internal.writeFromRepositories

  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory: Layer.Layer<ImportStore, never, Memory.MemoryDatabase> = Layer.effect(
    this,
    Effect.gen(function*() {
      const write = yield* internal.writeFromRepositories
      const db = yield* Memory.MemoryDatabase
      // Looked up on each call: a transaction that rolls back replaces the database's tables.
      const mappings = () => Memory.map<SavedMapping>(db, "import-mappings")
      return {
        write,
        saveMapping: (districtId: DistrictId, ledger: string, mapping: SavedMapping) =>
          Memory.exclusive(db)(Effect.sync(() => void mappings().set(`${districtId}/${ledger}`, mapping))),
        mappingOf: (districtId: DistrictId, ledger: string) =>
          Effect.sync(() => Option.fromNullable(mappings().get(`${districtId}/${ledger}`)))
      }
    })
  ).pipe(Layer.provide(Layer.mergeAll(
    SeekerRepository.layerMemory,
    EmployerRepository.layerMemory,
    OpeningRepository.layerMemory,
    PlacementRepository.layerMemory,
    FollowUpRepository.layerMemory,
    Transactor.layerMemory
  )))
}
