/**
 * Bringing a district's spreadsheet ledgers into iljari: a preview that reads
 * every row and says, row by row as the spreadsheet numbers them, what would
 * be created, what was imported before and every problem (in Korean and
 * English, naming the column and the rule); and a commit that writes the good
 * rows batch by batch, keeps the mapping for the district's next import, and
 * logs every person it created.
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
import type { ValidationError } from "../kernel/Validation.js"
import { type Actor, invalid, logAccessAll, today } from "../kernel/UseCase.js"
import { CounselorRepository } from "../registry/Counselor.js"
import { birthDateOfResidentNumber } from "./Cells.js"
import { ImportStore, type NumberedRecord, type RecordKind, type SavedMapping } from "./ImportStore.js"
import type { Ledger, ReadContext } from "./Ledger.js"
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
 * One problem of one row.
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
  /** Records imported before (same natural key), by kind: left as they are. */
  readonly skipped: Partial<Record<RecordKind, number>>
  readonly failures: ReadonlyArray<RowFailure>
}

/**
 * How a commit reports progress.
 *
 * @since 0.4.0
 * @category models
 */
export interface CommitOptions {
  readonly onProgress?: (progress: { readonly rowsDone: number; readonly rows: number }) => Effect.Effect<void>
}

const ledgerOf = (id: KnownLedger): Ledger<any> => ledgers[id]

/**
 * Reads every row and checks it against the store, writing nothing.
 *
 * @since 0.4.0
 * @category use cases
 */
export const preview = (
  actor: Actor,
  request: Request
): Effect.Effect<Outcome, ValidationError | PersistenceError, ImportStore | CounselorRepository> => run(actor, request, undefined, {})

/**
 * Writes the good rows, batch by batch, and keeps the mapping for the
 * district's next import of the ledger. Refused with a `ValidationError`
 * while the mapping has problems (a resident registration number column
 * included).
 *
 * @since 0.4.0
 * @category use cases
 */
export const commit = (
  actor: Actor,
  request: Request,
  options: CommitOptions = {}
): Effect.Effect<Outcome, ValidationError | PersistenceError, ImportStore | CounselorRepository | AuditLog | IdGenerator> =>
  run(actor, request, (ids) => logAccessAll(actor, "create", "seeker", ids, "import.seekers"), options)

// A commit passes what it does with the seekers it wrote (log them); a preview writes nothing.
const run = <R>(
  actor: Actor,
  request: Request,
  logCreated: ((seekerIds: ReadonlyArray<string>) => Effect.Effect<void, PersistenceError, R>) | undefined,
  options: CommitOptions
) =>
  Effect.gen(function*() {
    const write = logCreated !== undefined
    const ledger = ledgerOf(request.ledger)
    const store = yield* ImportStore
    const found = table(request.sheet, ledger)
    if (found === undefined) {
      return yield* invalid(
        "import",
        "sheet",
        `has no header row naming a column of ${ledger.name.en} in its first 20 rows (${ledger.name.ko}의 열 이름이 있는 머리글 행이 없습니다)`
      )
    }
    const saved = request.mapping === undefined ? yield* store.mappingOf(actor.districtId, ledger.id) : Option.none()
    const mapping: SavedMapping = request.mapping ??
      Option.getOrElse(saved, () => ({ columns: suggest(ledger, found.headers), residentNumber: "refuse" as const }))
    const checked = check(ledger, found.headers, mapping)
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
      return { ...base, committed: false, created: {}, skipped: {}, failures: [] } satisfies Outcome
    }

    const context: ReadContext = {
      districtId: actor.districtId,
      today: yield* today,
      importedBy: actor.counselorId,
      counselorsByName: new Map(
        (yield* Effect.flatMap(CounselorRepository, (counselors) => counselors.list(actor.districtId))).map(({ value }) => [value.name, value.id])
      )
    }
    const read = readRows(ledger, found.headers, found.rows, mapping, checked.residentNumber, context)
    const failures = new Map<number, Array<Issue>>(read.failures.map((f) => [f.row, [...f.issues]]))
    const created: Partial<Record<RecordKind, number>> = {}
    const skipped: Partial<Record<RecordKind, number>> = {}
    // The records of the rows that are still good, each shared record (an
    // employer named by several rows) once, from the first good row naming it.
    const good = (kind: RecordKind) => {
      const seen = new Set<string>()
      return read.records.filter((r) => {
        if (r.kind !== kind || failures.has(r.row)) return false
        const id = (r.record as { readonly id: string }).id
        if (seen.has(id)) return false
        seen.add(id)
        return true
      })
    }
    const refuse = (kind: RecordKind, failed: ReadonlyArray<{ readonly row: number; readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }> }>) => {
      for (const failure of failed) {
        const issues = failures.get(failure.row) ?? []
        for (const issue of failure.issues) issues.push(onColumn(ledger, mapping, kind, issue))
        failures.set(failure.row, issues)
      }
    }
    // A row that makes several records is written whole or not at all: every
    // kind is checked before any is written.
    if (write && ledger.kinds.length > 1) {
      for (const kind of ledger.kinds) refuse(kind, (yield* store.write(kind, actor.districtId, good(kind), { dryRun: true })).failed)
    }
    for (const kind of ledger.kinds) {
      const records = good(kind)
      const report = yield* store.write(kind, actor.districtId, records, {
        dryRun: !write,
        ...(options.onProgress === undefined ? {} : {
          onBatch: ({ rowsDone }) => options.onProgress!({ rowsDone, rows: records.length })
        })
      })
      created[kind] = report.written
      skipped[kind] = report.skipped
      refuse(kind, report.failed)
      if (logCreated !== undefined && kind === "seekers") {
        yield* logCreated(records.filter((r) => !failures.has(r.row)).map((r) => (r.record as { readonly id: string }).id))
      }
    }
    if (write) yield* store.saveMapping(actor.districtId, ledger.id, mapping)
    return {
      ...base,
      committed: write,
      created,
      skipped,
      failures: [...failures].sort(([a], [b]) => a - b).map(([row, issues]) => ({ row, issues }))
    } satisfies Outcome
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
  const name = column?.header.ko ?? issue.path
  return {
    ...(header === undefined ? {} : { column: header }),
    ko: `${name}: ${issue.message}`,
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
  const records: Array<NumberedRecord & { readonly kind: RecordKind }> = []
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
          issues.push({ column: header, ko: `'${header}' 칸이 비어 있습니다(필수 항목)`, en: `${column.header.en} is missing (required)` })
        }
        continue
      }
      if (column.key === "residentNumber") {
        const birthDate = birthDateOfResidentNumber(cell)
        if (birthDate === undefined) {
          issues.push({ column: header, ko: `'${header}'에서 생년월일을 읽을 수 없습니다`, en: `no birth date can be read from ${column.header.en}` })
        } else if (draft["birthDate"] === undefined) draft["birthDate"] = birthDate
        continue
      }
      const problem = column.read(cell, draft, context)
      if (problem !== undefined) issues.push({ column: header, ko: `'${header}': ${problem.ko}`, en: `${column.header.en} ${problem.en}` })
    }
    if (issues.length === 0) {
      const made = ledger.finish(draft, context)
      if (Either.isLeft(made)) issues.push(made.left)
      else {
        for (const { kind, record } of made.right) {
          const first = firstRowOf.get(`${kind}/${record.id}`)
          if (first !== undefined && !ledger.shared?.includes(kind)) {
            issues.push({ ko: `${first}행과 같은 기록입니다`, en: `repeats row ${first} (the same ${kind === "seekers" ? "name and birth date" : "record"})` })
          } else {
            if (first === undefined) firstRowOf.set(`${kind}/${record.id}`, row)
            records.push({ kind, row, record })
          }
        }
      }
    }
    if (issues.length > 0) failures.push({ row, issues })
  }
  return { records, failures }
}
