/**
 * A district's ledgers as tables in the shape an import reads — the same
 * Korean headers, the same ways of writing dates, codes and lists — so that
 * a district can take its records elsewhere, or check them in Excel, and an
 * exported sheet imported into an empty district gives the same records.
 * Erased seekers are left out; every person a table names is logged as
 * exported.
 *
 * @example
 * ```ts
 * import { type JobCenter, SheetExport } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const seekers = SheetExport.table(actor, "seekers") // { name, headers, rows }, for @iljari/sheets to write
 * ```
 *
 * @since 0.4.0
 * @module
 * @category onboarding
 */
import { Effect } from "effect"
import { FollowUpRepository } from "../casework/FollowUp.js"
import { PlacementRepository } from "../casework/Placement.js"
import type { AuditLog } from "../kernel/Audit.js"
import type { PersistenceError } from "../kernel/Errors.js"
import type { IdGenerator } from "../kernel/IdGenerator.js"
import { type Actor, logAccessAll } from "../kernel/UseCase.js"
import { CounselorRepository } from "../registry/Counselor.js"
import { EmployerRepository } from "../registry/Employer.js"
import { OpeningRepository } from "../registry/Opening.js"
import { SeekerRepository } from "../registry/Seeker.js"
import type { Ledger, LedgerId, WriteContext } from "./Ledger.js"
import { ledgers } from "./Mapping.js"
import { groupBy } from "./internal/group.js"
import type { Cell } from "./Sheet.js"

/**
 * A table to write as a sheet.
 *
 * @since 0.4.0
 * @category models
 */
export interface Table {
  /** The ledger's Korean name, for the sheet. */
  readonly name: string
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
}

const tableOf = <R>(ledger: Ledger<R>, records: ReadonlyArray<R>, context: WriteContext): Table => {
  // A resident registration number is never kept, so it has no column to export.
  const columns = ledger.columns.filter((column) => column.key !== "residentNumber")
  return {
    name: ledger.name.ko,
    headers: columns.map((column) => column.header.ko),
    rows: records.map((record) => columns.map((column) => column.write(record, context)))
  }
}

/**
 * One ledger of the actor's district as a table: seekers (erased ones left
 * out), employers with a row per opening (one row for an employer without),
 * placements, and the follow-up checks that were made.
 *
 * @example
 * ```ts
 * import { type JobCenter, SheetExport } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const manager: JobCenter.Actor
 * const rows = Effect.map(SheetExport.table(manager, "placements"), (table) => table.rows.length)
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const table = (
  actor: Actor,
  ledger: LedgerId
): Effect.Effect<
  Table,
  PersistenceError,
  | SeekerRepository
  | EmployerRepository
  | OpeningRepository
  | PlacementRepository
  | FollowUpRepository
  | CounselorRepository
  | AuditLog
  | IdGenerator
> =>
  Effect.gen(function*() {
    const district = actor.districtId
    const counselors = yield* Effect.flatMap(CounselorRepository, (repo) => repo.list(district))
    const context: WriteContext = { counselorNames: new Map(counselors.map(({ value }) => [value.id as string, value.name])) }
    const seekersById = () =>
      Effect.map(
        Effect.flatMap(SeekerRepository, (repo) => repo.list(district)),
        (rows) => new Map(rows.filter(({ value }) => value.erasedOn === undefined).map(({ value }) => [value.id as string, value]))
      )
    const employersById = () =>
      Effect.map(Effect.flatMap(EmployerRepository, (repo) => repo.list(district)), (rows) => new Map(rows.map(({ value }) => [value.id as string, value])))
    switch (ledger) {
      case "seekers": {
        const seekers = [...(yield* seekersById()).values()]
        yield* logAccessAll(actor, "export", "seeker", seekers.map((s) => s.id), "export.seekers")
        return tableOf(ledgers.seekers, seekers, context)
      }
      case "employers": {
        const employers = [...(yield* employersById()).values()]
        const openings = yield* Effect.flatMap(OpeningRepository, (repo) => repo.list(district))
        const byEmployer = groupBy(openings.map(({ value }) => value), (opening) => opening.employerId as string)
        const rows = employers.flatMap((employer) => {
          const own = byEmployer.get(employer.id) ?? []
          return own.length === 0 ? [{ employer }] : own.map((opening) => ({ employer, opening }))
        })
        return tableOf(ledgers.employers, rows, context)
      }
      case "placements": {
        const [seekers, employers] = [yield* seekersById(), yield* employersById()]
        const placements = (yield* Effect.flatMap(PlacementRepository, (repo) => repo.list(district)))
          .map(({ value }) => value)
          .filter((p) => seekers.has(p.seekerId))
        yield* logAccessAll(actor, "export", "seeker", placements.map((p) => p.seekerId), "export.placements")
        return tableOf(
          ledgers.placements,
          placements.map((placement) => ({ placement, seeker: seekers.get(placement.seekerId), employer: employers.get(placement.employerId) })),
          context
        )
      }
      case "followUps": {
        const [seekers, employers] = [yield* seekersById(), yield* employersById()]
        const placements = new Map(
          (yield* Effect.flatMap(PlacementRepository, (repo) => repo.list(district))).map(({ value }) => [value.id as string, value])
        )
        const checks = (yield* Effect.flatMap(FollowUpRepository, (repo) => repo.list(district)))
          .map(({ value }) => value)
          .filter((check) => check.doneOn !== undefined && seekers.has(check.seekerId))
        yield* logAccessAll(actor, "export", "seeker", checks.map((c) => c.seekerId), "export.followUps")
        return tableOf(
          ledgers.followUps,
          checks.map((check) => {
            const placement = placements.get(check.placementId)
            return { check, placement, seeker: seekers.get(check.seekerId), employer: placement === undefined ? undefined : employers.get(placement.employerId) }
          }),
          context
        )
      }
    }
  })
