// ImportStore.write over the repositories and the Transactor: the rules of an
// import (decode, ids repeated or stored, repeats of a person or a referral)
// for a store that has no faster way, one record at a time. The memory layers
// and the example JSON store use it; store-sql has its own engine for speed,
// with the same rules and messages.
import { Effect, Either, Schema } from "effect"
import { FollowUpRepository } from "../../casework/FollowUp.js"
import * as FollowUp from "../../casework/FollowUp.js"
import { PlacementRepository } from "../../casework/Placement.js"
import * as Placement from "../../casework/Placement.js"
import { PersistenceError } from "../../kernel/Errors.js"
import type { DistrictId } from "../../kernel/Ids.js"
import { Transactor } from "../../kernel/Transactor.js"
import * as Validation from "../../kernel/Validation.js"
import { EmployerRepository } from "../../registry/Employer.js"
import * as Employer from "../../registry/Employer.js"
import { OpeningRepository } from "../../registry/Opening.js"
import * as Opening from "../../registry/Opening.js"
import { SeekerRepository } from "../../registry/Seeker.js"
import * as Seeker from "../../registry/Seeker.js"
import { type Issues, messages, type Repeats, samePerson, sameReferral } from "../ImportRules.js"

// The port's models, as write needs them (ImportStore.ts has the documented ones; it imports this module).
type RecordKind = "seekers" | "employers" | "openings" | "placements" | "followUps"
interface NumberedRecord {
  readonly row: number
  readonly record: unknown
}
interface RowFailure {
  readonly row: number
  readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }>
}
interface WriteReport {
  readonly written: number
  readonly skipped: number
  readonly failed: ReadonlyArray<RowFailure>
  readonly batches: number
}
interface WriteOptions {
  readonly dryRun?: boolean
  readonly batchSize?: number
  readonly onBatch?: (progress: { readonly rowsDone: number; readonly written: number }) => Effect.Effect<void>
}

type Record = { readonly id: string; readonly districtId: DistrictId }

/**
 * Decodes one record of a district: the quick path for a valid record, every
 * broken field for an invalid one. A record without a district is given the
 * one being imported into; another district's is refused.
 */
export const decoder = <A, I>(schema: Schema.Schema<A, I, never>) => {
  const quick = Schema.decodeUnknownEither(schema, { onExcessProperty: "error" })
  const full = Validation.decodeEither(schema)
  return (districtId: DistrictId, input: unknown): Either.Either<A, Issues> => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return Either.left(messages.notAnObject)
    const given = (input as { districtId?: unknown }).districtId
    if (given !== undefined && given !== districtId) return Either.left(messages.otherDistrict(given, districtId))
    const record = given === undefined ? { ...input, districtId } : input
    const fast = quick(record)
    if (Either.isRight(fast)) return Either.right(fast.right)
    return Either.mapLeft(full(record), (error) => error.issues.map(({ message, path }) => ({ path, message })))
  }
}

/** The schema of each kind. */
export const schemas = {
  seekers: Seeker.Seeker,
  employers: Employer.Employer,
  openings: Opening.Opening,
  placements: Placement.Placement,
  followUps: FollowUp.Check
} as const satisfies { readonly [K in RecordKind]: Schema.Schema<any, any, never> }

interface KindStore<A extends Record> {
  readonly schema: Schema.Schema<A, any, never>
  readonly insert: (record: A) => Effect.Effect<unknown, unknown>
  readonly getMany: (districtId: DistrictId, ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<{ readonly value: A }>, PersistenceError>
  readonly same?: Repeats<A> & {
    /** The stored candidates `record` may repeat. */
    readonly stored: (districtId: DistrictId, record: A) => Effect.Effect<ReadonlyArray<A>, PersistenceError>
  }
}

const byId = (a: Record, b: Record) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** `ImportStore.write` over the repositories in context. */
export const writeFromRepositories = Effect.gen(function*() {
  const seekers = yield* SeekerRepository
  const employers = yield* EmployerRepository
  const openings = yield* OpeningRepository
  const placements = yield* PlacementRepository
  const followUps = yield* FollowUpRepository
  const transactor = yield* Transactor
  const stores: { readonly [K in RecordKind]: KindStore<any> } = {
    seekers: {
      schema: schemas.seekers,
      insert: seekers.insert,
      getMany: seekers.getMany as KindStore<Seeker.Seeker>["getMany"],
      same: {
        ...samePerson,
        stored: (districtId, seeker) =>
          Effect.map(
            seekers.findPossibleDuplicates(districtId, {
              name: seeker.name,
              birthDate: seeker.birthDate,
              ...(seeker.contact.phone === undefined ? {} : { phone: seeker.contact.phone })
            }),
            (rows) => rows.map((r) => r.value)
          )
      }
    } satisfies KindStore<Seeker.Seeker>,
    employers: { schema: schemas.employers, insert: employers.insert, getMany: employers.getMany as never },
    openings: { schema: schemas.openings, insert: openings.insert, getMany: openings.getMany as never },
    placements: {
      schema: schemas.placements,
      insert: placements.insert,
      getMany: placements.getMany as never,
      same: {
        ...sameReferral,
        stored: (districtId, placement) =>
          placement.referralId === undefined
            ? Effect.succeed([])
            : Effect.map(placements.findByReferral(districtId, placement.referralId), (found) =>
              found._tag === "Some" ? [found.value.value] : [])
      }
    } satisfies KindStore<Placement.Placement>,
    followUps: { schema: schemas.followUps, insert: followUps.insert, getMany: followUps.getMany as never }
  }
  const decoders = {
    seekers: decoder(schemas.seekers),
    employers: decoder(schemas.employers),
    openings: decoder(schemas.openings),
    placements: decoder(schemas.placements),
    followUps: decoder(schemas.followUps)
  } as { readonly [K in RecordKind]: (districtId: DistrictId, input: unknown) => Either.Either<Record, Issues> }

  return (
    kind: RecordKind,
    districtId: DistrictId,
    records: Iterable<NumberedRecord>,
    options: WriteOptions = {}
  ): Effect.Effect<WriteReport, PersistenceError> =>
    Effect.gen(function*() {
      const store = stores[kind] as KindStore<Record>
      const decode = decoders[kind]
      const batchSize = Math.max(1, options.batchSize ?? 500)
      // Every id of the input by its first row, and the kept records of the
      // input by key, so that a repeat names its row, in a dry run too.
      const seen = new Map<string, number>()
      const kept = new Map<string, Array<{ readonly record: Record; readonly row: number }>>()
      const keptIds = new Set<string>()
      const failed: Array<RowFailure> = []
      let written = 0
      let skipped = 0
      let batches = 0
      let rowsDone = 0

      const check = (batch: ReadonlyArray<NumberedRecord>) =>
        Effect.gen(function*() {
          const valid: Array<{ readonly row: number; readonly record: Record }> = []
          for (const { record: input, row } of batch) {
            const decoded = decode(districtId, input)
            if (Either.isLeft(decoded)) failed.push({ row, issues: decoded.left })
            else if (seen.has(decoded.right.id)) failed.push({ row, issues: messages.repeatedId(seen.get(decoded.right.id)!) })
            else {
              seen.set(decoded.right.id, row)
              valid.push({ row, record: decoded.right })
            }
          }
          const taken = new Set(
            valid.length === 0 ? [] : (yield* store.getMany(districtId, valid.map((v) => v.record.id))).map((r) => r.value.id)
          )
          const fresh: Array<Record> = []
          for (const v of valid) {
            if (taken.has(v.record.id)) {
              skipped++
              continue
            }
            const same = store.same
            const key = same?.key(v.record)
            if (same !== undefined && key !== undefined) {
              const stored = [...(yield* same.stored(districtId, v.record))].filter((s) => !keptIds.has(s.id)).sort(byId)
              const storedRepeat = stored.map((s) => ({ s, found: same.repeats(v.record, s) })).find((x) => x.found !== undefined)
              if (storedRepeat !== undefined) {
                failed.push({ row: v.row, issues: messages.repeatsStored(same.noun, storedRepeat.found!, storedRepeat.s.id) })
                continue
              }
              const others = kept.get(key) ?? []
              const rowRepeat = others.map((o) => ({ o, found: same.repeats(v.record, o.record) })).find((x) => x.found !== undefined)
              if (rowRepeat !== undefined) {
                failed.push({ row: v.row, issues: messages.repeatsRow(same.noun, rowRepeat.found!, rowRepeat.o.row) })
                continue
              }
              others.push(v)
              kept.set(key, others)
              keptIds.add(v.record.id)
            }
            fresh.push(v.record)
          }
          return fresh
        })

      const runBatch = (batch: ReadonlyArray<NumberedRecord>) =>
        Effect.gen(function*() {
          const fresh = yield* (options.dryRun === true
            ? check(batch)
            : transactor.withTransaction(Effect.tap(check(batch), (fresh) =>
              Effect.forEach(fresh, (record) =>
                Effect.mapError(store.insert(record), (error) =>
                  error instanceof PersistenceError
                    ? error
                    : new PersistenceError({ operation: `import ${kind}`, reason: String((error as { message?: unknown }).message ?? error) })), {
                discard: true
              }))))
          written += fresh.length
          batches++
          rowsDone += batch.length
          if (options.onBatch !== undefined) yield* options.onBatch({ rowsDone, written })
        })

      let batch: Array<NumberedRecord> = []
      for (const numbered of records) {
        batch.push(numbered)
        if (batch.length === batchSize) {
          yield* runBatch(batch)
          batch = []
        }
      }
      if (batch.length > 0) yield* runBatch(batch)
      return { written, skipped, failed: failed.sort((a, b) => a.row - b.row), batches }
    })
})
