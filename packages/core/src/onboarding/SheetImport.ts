/**
 * Bringing a district's spreadsheet ledgers into iljari: a preview that reads
 * every row and says, row by row as the spreadsheet numbers them, what would
 * be created, what was imported before and every problem (in Korean and
 * English, naming the column and the rule); and a commit that writes the good
 * rows batch by batch, keeps the mapping for the district's next import, and
 * logs every person whose records it wrote (a seeker created; a placement or
 * a follow-up check recorded).
 *
 * A rerun of the same file adds nothing twice: a record's id comes from its
 * natural key (a seeker's name and birth date), so rows imported before are
 * counted as `skipped`. A killed import leaves whole batches only, and
 * running it again completes it.
 *
 * @example
 * ```ts
 * import { JobCenter, SheetImport, type Sheet } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * declare const sheet: Sheet.Sheet // read by @iljari/sheets
 * const program = Effect.gen(function*() {
 *   const preview = yield* SheetImport.preview(actor, { ledger: "seekers", sheet })
 *   if (preview.failures.length > 0) return preview // show the rows to fix
 *   return yield* SheetImport.commit(actor, { ledger: "seekers", sheet, mapping: preview.mapping })
 * })
 * ```
 *
 * @since 0.4.0
 * @module
 * @category onboarding
 */
import { Effect, Either, Option } from "effect"
import type { AuditLog } from "../kernel/Audit.js"
import type { PersistenceError } from "../kernel/Errors.js"
import type { IdGenerator } from "../kernel/IdGenerator.js"
import * as RuleText from "../kernel/RuleText.js"
import type { ValidationError } from "../kernel/Validation.js"
import { type Actor, inTransaction, invalid, logAccessAll, today } from "../kernel/UseCase.js"
import * as Casework from "../casework/Casework.js"
import * as CenterSettings from "../casework/CenterSettings.js"
import type { CenterSettingsRepository } from "../casework/CenterSettings.js"
import { FollowUpRepository } from "../casework/FollowUp.js"
import { ReferralRepository } from "../casework/Referral.js"
import type { Transactor } from "../kernel/Transactor.js"
import type { PlacementRepository } from "../casework/Placement.js"
import { CounselorRepository } from "../registry/Counselor.js"
import type { EmployerRepository } from "../registry/Employer.js"
import type { OpeningRepository } from "../registry/Opening.js"
import type { SeekerRepository } from "../registry/Seeker.js"
import { ImportStore, type NumberedRecord, type RecordKind, type SavedMapping } from "./ImportStore.js"
import type { Ledger, Made, ReadContext } from "./Ledger.js"
import * as Directory from "./Directory.js"
import { check, type KnownLedger, ledgers, type MappingProblem, type ResidentNumberUse, suggest, table } from "./Mapping.js"
import { type Sheet, text } from "./Sheet.js"

/**
 * What to import.
 *
 * @since 0.4.0
 * @category models
 */
export interface Request {
  readonly ledger: KnownLedger
  readonly sheet: Sheet
  /** The columns to read; by default the district's saved mapping for the ledger, else one suggested from the headers. */
  readonly mapping?: SavedMapping
}

/**
 * One problem of one row: `ko` and `en` say the rule, and `column` names the
 * sheet's column it is in (a problem of the whole row has none).
 *
 * @since 0.4.0
 * @category models
 */
export interface Issue {
  /** The sheet's header of the column, when the problem is in one. */
  readonly column?: string
  readonly ko: string
  readonly en: string
}

/**
 * A row that will not be imported, numbered as the spreadsheet numbers it.
 *
 * @since 0.4.0
 * @category models
 */
export interface RowFailure {
  readonly row: number
  readonly issues: ReadonlyArray<Issue>
}

/**
 * What an import would do (a preview) or did (a commit).
 *
 * @since 0.4.0
 * @category models
 */
export interface Outcome {
  readonly ledger: KnownLedger
  readonly committed: boolean
  /** The header row's number, and its headers. */
  readonly headerRow: number
  readonly headers: ReadonlyArray<string>
  /** The mapping used: given, saved, or suggested. */
  readonly mapping: SavedMapping
  /** Problems of the mapping itself: while any is left, nothing is written. */
  readonly mappingProblems: ReadonlyArray<MappingProblem>
  /** What a resident registration number column meant. */
  readonly residentNumber: ResidentNumberUse
  /** Data rows read. */
  readonly rows: number
  /** Records created (or, in a preview, to be created), by kind. */
  readonly created: Partial<Record<RecordKind, number>>
  /** Stored records changed, by kind: follow-up checks done, referrals that led to the job. */
  readonly updated: Partial<Record<RecordKind | "referrals", number>>
  /** Records imported before (same natural key), by kind: left as they are. */
  readonly skipped: Partial<Record<RecordKind, number>>
  readonly failures: ReadonlyArray<RowFailure>
  /** What the person should know about good rows (a placement that will not count for the center). */
  readonly notes: ReadonlyArray<RowFailure>
}

/**
 * How a commit reports progress.
 *
 * @since 0.4.0
 * @category models
 */
export interface CommitOptions {
  /** After each batch: the kind being written, its records done and in all. */
  readonly onProgress?: (progress: { readonly kind: RecordKind; readonly rowsDone: number; readonly rows: number }) => Effect.Effect<void>
}

/**
 * The stores an import reads and writes.
 *
 * @since 0.4.0
 * @category models
 */
export type Stores =
  | ImportStore
  | CounselorRepository
  | SeekerRepository
  | EmployerRepository
  | OpeningRepository
  | ReferralRepository
  | PlacementRepository
  | FollowUpRepository
  | CenterSettingsRepository
  | Transactor

const ledgerOf = (id: KnownLedger): Ledger<any> => ledgers[id]

/**
 * Reads every row and checks it against the store, writing nothing.
 *
 * @example
 * ```ts
 * import { type JobCenter, SheetImport, type Sheet } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const manager: JobCenter.Actor
 * declare const sheet: Sheet.Sheet
 * const problems = Effect.map(SheetImport.preview(manager, { ledger: "seekers", sheet }), (preview) =>
 *   preview.failures.flatMap(({ issues, row }) => issues.map((issue) => `${row}행 [${issue.column ?? ""}] ${issue.ko}`))
 * )
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const preview = (
  actor: Actor,
  request: Request
): Effect.Effect<Outcome, ValidationError | PersistenceError, Stores> => run(actor, request, undefined, {})

/**
 * Writes the good rows, batch by batch, and keeps the mapping for the
 * district's next import of the ledger. Refused with a `ValidationError`
 * while the mapping has problems (a resident registration number column
 * included).
 *
 * @example
 * ```ts
 * import { type JobCenter, SheetImport, type Sheet } from "@iljari/core"
 * import { Console, Effect } from "effect"
 *
 * declare const manager: JobCenter.Actor
 * declare const sheet: Sheet.Sheet
 * const written = SheetImport.commit(manager, { ledger: "seekers", sheet }, {
 *   onProgress: ({ rows, rowsDone }) => Console.log(`${rowsDone}/${rows}`)
 * })
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const commit = (
  actor: Actor,
  request: Request,
  options: CommitOptions = {}
): Effect.Effect<Outcome, ValidationError | PersistenceError, Stores | AuditLog | IdGenerator> =>
  run(actor, request, (action, seekerIds) => logAccessAll(actor, action, "seeker", seekerIds, `import.${request.ledger}`), options)

/**
 * The sheet's header row and the mapping an import of it would use — the
 * one given; else the district's saved mapping for the ledger where the
 * sheet has its columns, and a suggestion for the other fields — with its
 * problems. Reads no data row: for a screen or a command that lets the
 * person change the mapping before the preview.
 *
 * @example
 * ```ts
 * import { type JobCenter, SheetImport, type Sheet } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const manager: JobCenter.Actor
 * declare const sheet: Sheet.Sheet
 * // Read 연락처 from the 휴대전화 column instead of the one suggested.
 * const changed = Effect.map(SheetImport.columns(manager, { ledger: "seekers", sheet }), ({ mapping }) => ({
 *   ...mapping,
 *   columns: { ...mapping.columns, phone: "휴대전화" }
 * }))
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const columns = (
  actor: Actor,
  request: Request
): Effect.Effect<
  Pick<Outcome, "headerRow" | "headers" | "mapping" | "mappingProblems" | "residentNumber">,
  ValidationError | PersistenceError,
  ImportStore
> =>
  Effect.map(columnsFor(actor, request), ({ checked, found, mapping }) => ({
    headerRow: found.headerRow,
    headers: found.headers,
    mapping,
    mappingProblems: checked.problems,
    residentNumber: checked.residentNumber
  }))

const columnsFor = (actor: Actor, request: Request) =>
  Effect.gen(function*() {
    const ledger = ledgerOf(request.ledger)
    const found = table(request.sheet, ledger)
    if (found === undefined) {
      return yield* invalid(
        "import",
        "sheet",
        `has no header row naming a column of ${ledger.name.en} in its first 20 rows (${ledger.name.ko}의 열 이름이 있는 머리글 행이 없습니다)`
      )
    }
    let mapping = request.mapping
    if (mapping === undefined) {
      const saved = yield* Effect.flatMap(ImportStore, (store) => store.mappingOf(actor.districtId, ledger.id))
      const suggested = suggest(ledger, found.headers)
      const kept: Record<string, string> = Option.match(saved, {
        onNone: () => ({}),
        onSome: (m) => Object.fromEntries(Object.entries(m.columns).filter(([, header]) => found.headers.includes(header)))
      })
      // A suggestion gives way to a kept choice of the same column for another field.
      const taken = new Set(Object.values(kept))
      const fresh = Object.fromEntries(Object.entries(suggested).filter(([field, header]) => !taken.has(header) || kept[field] === header))
      mapping = {
        columns: { ...fresh, ...kept },
        residentNumber: Option.match(saved, { onNone: () => "refuse" as const, onSome: (m) => m.residentNumber })
      }
    }
    return { found, mapping, checked: check(ledger, found.headers, mapping) }
  })

// A commit passes how it logs the people whose records it wrote (seekers
// created; placements and checks recorded for others); a preview writes nothing.
const run = <R>(
  actor: Actor,
  request: Request,
  logWritten: ((action: "create" | "update", seekerIds: ReadonlyArray<string>) => Effect.Effect<void, PersistenceError, R>) | undefined,
  options: CommitOptions
) =>
  Effect.gen(function*() {
    const write = logWritten !== undefined
    const ledger = ledgerOf(request.ledger)
    const store = yield* ImportStore
    const { found, mapping, checked } = yield* columnsFor(actor, request)
    const base = {
      ledger: request.ledger,
      headerRow: found.headerRow,
      headers: found.headers,
      mapping,
      mappingProblems: checked.problems,
      residentNumber: checked.residentNumber,
      rows: found.rows.length
    }
    if (checked.problems.length > 0) {
      if (write) {
        return yield* invalid("import", "mapping", checked.problems.map((p) => `${p.en} (${p.ko})`).join("; "))
      }
      return { ...base, committed: false, created: {}, updated: {}, skipped: {}, failures: [], notes: [] } satisfies Outcome
    }

    // An imported placement's checks follow the district's own policy and closures, as a recorded one's do.
    const config = yield* CenterSettings.effective(actor.districtId, yield* Casework.Config)
    const context: ReadContext = {
      districtId: actor.districtId,
      today: yield* today,
      importedBy: actor.counselorId,
      counselorsByName: new Map(
        (yield* Effect.flatMap(CounselorRepository, (counselors) => counselors.list(actor.districtId))).map(({ value }) => [value.name, value.id])
      ),
      directory: ledger.links === true ? yield* Directory.load(actor.districtId) : Directory.empty,
      followUp: { policy: config.followUpPolicy, calendar: config.calendar }
    }
    const read = readRows(ledger, found.headers, found.rows, mapping, checked.residentNumber, context)
    const failures = new Map<number, Array<Issue>>(read.failures.map((f) => [f.row, [...f.issues]]))
    const created: Partial<Record<RecordKind, number>> = {}
    const skipped: Partial<Record<RecordKind, number>> = {}
    const updated: Partial<Record<RecordKind | "referrals", number>> = {}
    for (const { kind } of read.unchanged) skipped[kind] = (skipped[kind] ?? 0) + 1
    // The records of the rows that are still good, each shared record (an
    // employer named by several rows) once, from the first good row naming it.
    const good = (kind: RecordKind) => {
      const seen = new Set<string>()
      return read.inserts.filter((r) => {
        if (r.kind !== kind || failures.has(r.row)) return false
        const id = (r.record as { readonly id: string }).id
        if (seen.has(id)) return false
        seen.add(id)
        return true
      })
    }
    const refuse = (
      kind: RecordKind,
      failed: ReadonlyArray<{ readonly row: number; readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }> }>
    ) => {
      for (const failure of failed) {
        const issues = failures.get(failure.row) ?? []
        for (const issue of failure.issues) issues.push(onColumn(ledger, mapping, kind, issue))
        failures.set(failure.row, issues)
      }
    }
    // A row that makes several records is written whole or not at all: every
    // kind is checked before any is written.
    if (write && (ledger.kinds.length > 1 || read.updates.length > 0)) {
      for (const kind of ledger.kinds) refuse(kind, (yield* store.write(kind, actor.districtId, good(kind), { dryRun: true })).failed)
    }
    for (const kind of ledger.kinds) {
      const records = good(kind)
      const report = yield* store.write(kind, actor.districtId, records, {
        dryRun: !write,
        ...(options.onProgress === undefined ? {} : {
          onBatch: ({ rowsDone }) => options.onProgress!({ kind, rowsDone, rows: records.length })
        })
      })
      created[kind] = report.written
      skipped[kind] = (skipped[kind] ?? 0) + report.skipped
      refuse(kind, report.failed)
      if (logWritten !== undefined && report.written > 0) {
        const written = records.filter((r) => !failures.has(r.row)).map((r) => r.record as { readonly id: string; readonly seekerId?: string })
        if (kind === "seekers") yield* logWritten("create", written.map((r) => r.id))
        else yield* logWritten("update", written.flatMap((r) => r.seekerId ?? []))
      }
    }
    const changes = read.updates.filter((u) => !failures.has(u.row))
    for (const change of changes) updated[change.made.kind] = (updated[change.made.kind] ?? 0) + 1
    if (logWritten !== undefined && changes.length > 0) {
      yield* applyUpdates(changes, (row, issue) => failures.set(row, [...(failures.get(row) ?? []), issue]))
      yield* logWritten("update", changes.filter((c) => !failures.has(c.row)).map((c) => c.made.record.seekerId))
    }
    if (write) yield* store.saveMapping(actor.districtId, ledger.id, mapping)
    const notes = read.notes.filter((n) => !failures.has(n.row))
    return {
      ...base,
      committed: write,
      created,
      updated,
      skipped,
      failures: [...failures].sort(([a], [b]) => a - b).map(([row, issues]) => ({ row, issues })),
      notes
    } satisfies Outcome
  })

type Update = Extract<Made, { readonly _tag: "Update" }>

// Stored records a row changes (a check done, a referral hired), a batch to a
// transaction; a record changed meanwhile fails its row, not the import.
const applyUpdates = (
  changes: ReadonlyArray<{ readonly row: number; readonly made: Update }>,
  refuse: (row: number, issue: Issue) => void
) =>
  Effect.gen(function*() {
    const checks = yield* FollowUpRepository
    const referrals = yield* ReferralRepository
    for (let from = 0; from < changes.length; from += 500) {
      const batch = changes.slice(from, from + 500)
      yield* inTransaction(Effect.forEach(batch, ({ made, row }) =>
        (made.kind === "followUps"
          ? Effect.asVoid(checks.update(made.record, made.version))
          : Effect.asVoid(referrals.update(made.record, made.version))).pipe(
          Effect.catchTags({
            StaleVersion: () =>
              Effect.sync(() =>
                refuse(row, {
                  ko: "가져오는 동안 다른 사람이 이 기록을 바꾸었습니다. 다시 가져오세요",
                  en: "the stored record changed while importing; import the file again"
                })
              ),
            NotFound: () =>
              Effect.sync(() =>
                refuse(row, { ko: "가져오는 동안 이 기록이 지워졌습니다", en: "the stored record was removed while importing" })
              )
          })
        ), { discard: true }))
    }
  })

// A rule a record broke, shown on the column that filled the field.
const onColumn = (
  ledger: Ledger<any>,
  mapping: SavedMapping,
  kind: RecordKind,
  issue: { readonly path: string; readonly message: string }
): Issue => {
  const prefix = ledger.draftPaths?.[kind]
  const path = prefix === undefined ? issue.path : issue.path === "" ? prefix : `${prefix}.${issue.path}`
  const column = ledger.columns.find((c) => c.paths.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`)))
  const header = column === undefined ? undefined : mapping.columns[column.key]
  const rule = RuleText.korean(issue.message) ?? issue.message
  return {
    ...(header === undefined ? {} : { column: header }),
    // The column is named beside the message; a field without one is named in it.
    ko: header === undefined ? `${column?.header.ko ?? issue.path}: ${rule}` : rule,
    en: `${issue.path === "" ? "" : `${issue.path} `}${issue.message}`
  }
}

const readRows = (
  ledger: Ledger<any>,
  headers: ReadonlyArray<string>,
  rows: Sheet["rows"],
  mapping: SavedMapping,
  residentNumber: ResidentNumberUse,
  context: ReadContext
) => {
  const inserts: Array<NumberedRecord & { readonly kind: RecordKind }> = []
  const updates: Array<{ readonly row: number; readonly made: Update }> = []
  const unchanged: Array<{ readonly row: number; readonly kind: RecordKind }> = []
  const notes: Array<RowFailure> = []
  const failures: Array<RowFailure> = []
  const firstRowOf = new Map<string, number>()
  const mapped = ledger.columns.flatMap((column) => {
    const header = mapping.columns[column.key]
    return header === undefined ? [] : [{ column, header, index: headers.indexOf(header) }]
  })
  for (const { row, cells } of rows) {
    const issues: Array<Issue> = []
    const draft = ledger.start(context)
    for (const { column, header, index } of mapped) {
      const cell = cells[index] ?? null
      if (text(cell) === "") {
        if (column.required && !(column.key === "birthDate" && residentNumber === "birthDate")) {
          issues.push({ column: header, ko: "비어 있습니다 (필수 항목)", en: `${column.header.en} is missing (required)` })
        }
        continue
      }
      const problem = column.read(cell, draft, context)
      if (problem !== undefined) issues.push({ column: header, ko: problem.ko, en: `${column.header.en} ${problem.en}` })
    }
    if (issues.length === 0) {
      const finished = ledger.finish(draft, context)
      if (Either.isLeft(finished)) issues.push(finished.left)
      else {
        for (const made of finished.right.made) {
          if (made._tag === "Update") updates.push({ row, made })
          else if (made._tag === "Unchanged") unchanged.push({ row, kind: made.kind })
          else {
            const key = `${made.kind}/${made.record.id}`
            const first = firstRowOf.get(key)
            if (first !== undefined && !ledger.shared?.includes(made.kind)) {
              issues.push({
                ko: `${first}행과 같은 기록입니다`,
                en: `repeats row ${first} (the same ${made.kind === "seekers" ? "name and birth date" : "record"})`
              })
            } else {
              if (first === undefined) firstRowOf.set(key, row)
              inserts.push({ kind: made.kind, row, record: made.record })
            }
          }
        }
        if (finished.right.notes !== undefined && finished.right.notes.length > 0) notes.push({ row, issues: finished.right.notes })
      }
    }
    if (issues.length > 0) failures.push({ row, issues })
  }
  return { inserts, updates, unchanged, notes, failures }
}
