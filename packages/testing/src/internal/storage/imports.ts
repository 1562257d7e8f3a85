/**
 * The ImportStore port on every backend: what an import writes, refuses,
 * skips on a rerun and checks in a dry run, and the mappings it keeps.
 */
import { describe, expect, it } from "@effect/vitest"
import { type Ids, ImportStore, Repositories } from "@iljari/core"
import { Effect, Option } from "effect"
import { employerInput, seekerInput } from "../../Fixtures.js"
import { type Backend, layerOf } from "./backend.js"

const A = "11200" as Ids.DistrictId
const B = "11215" as Ids.DistrictId

// Seeker i: a person of their own (name, phone and birth date differ between i's).
const seeker = (i: number, patch: Record<string, unknown> = {}) => ({
  ...seekerInput,
  id: `seeker-${String(i).padStart(4, "0")}`,
  districtId: A,
  name: `구직자${i}`,
  contact: { phone: `010-2000-${String(i).padStart(4, "0")}` },
  birthDate: `19${String(50 + (i % 40))}-0${1 + (i % 9)}-1${i % 10}`,
  ...patch
})
// Sheet rows: a title row and a header row come first, so the first record is row 3.
const numbered = (records: ReadonlyArray<unknown>, first = 3): Array<ImportStore.NumberedRecord> =>
  records.map((record, i) => ({ row: first + i, record }))

const messages = (report: ImportStore.WriteReport) =>
  report.failed.map((f) => [f.row, f.issues.map((i) => `${i.path}: ${i.message}`)] as const)

const storedSeekers = (districtId: Ids.DistrictId = A) =>
  Effect.flatMap(Repositories.SeekerRepository, (repo) => repo.list(districtId)).pipe(
    Effect.map((rows) => rows.map((r) => r.value.id as string).sort())
  )

const placement = (i: number, referralId?: string) => ({
  id: `placement-${i}`,
  districtId: A,
  seekerId: `seeker-${i}`,
  employerId: "employer-0001",
  ...(referralId === undefined
    ? { verification: "self-found", countsForCenter: false }
    : { referralId, openingId: "opening-0001", verification: "center-referral", countsForCenter: true }),
  counselorId: "counselor-01",
  startOn: "2026-03-09",
  recordedOn: "2026-03-10",
  contractType: "open-ended",
  schedule: "full-time"
})

export const importSuite = (backend: Backend): void =>
  void describe(`imports on ${backend.name}`, () => {
    it.effect("writes the good rows and reports each bad one by its sheet row, naming every broken field", () =>
      Effect.gen(function*() {
        const store = yield* ImportStore.ImportStore
        const records: Array<unknown> = Array.from({ length: 12 }, (_, i) => seeker(i))
        records[2] = seeker(2, { contact: { phone: "12345" } })
        records[5] = seeker(5, { education: "00", notes: "주민번호 620514-1234567" })
        records[7] = "not a record"
        records[9] = seeker(9, { districtId: B })
        const report = yield* store.write("seekers", A, numbered(records), { batchSize: 5 })
        expect(messages(report)).toEqual([
          [5, ["contact.phone: must be a Korean phone number such as 010-1234-5678 or 02-123-4567; got \"12345\""]],
          [8, [
            "education: must be the level the seeker attained (01 elementary … 07 doctorate); 00 means \"any\" and fits openings only",
            "notes: must not contain a resident registration number (주민등록번호); iljari never stores one — remove it"
          ]],
          [10, [": must be an object holding the record's fields"]],
          [12, ["districtId: belongs to district 11215, not 11200, the one being imported into"]]
        ])
        expect(report).toMatchObject({ written: 8, skipped: 0, batches: 3 })
        expect(yield* storedSeekers()).toEqual([0, 1, 3, 4, 6, 8, 10, 11].map((i) => seeker(i).id))
        expect(yield* storedSeekers(B)).toEqual([])
      }).pipe(Effect.provide(layerOf(backend))))

    it.effect("skips on a rerun every record already written, so nothing is written twice", () =>
      Effect.gen(function*() {
        const store = yield* ImportStore.ImportStore
        const records: Array<unknown> = Array.from({ length: 9 }, (_, i) => seeker(i))
        records[4] = seeker(4, { birthDate: "not a date" })
        const first = yield* store.write("seekers", A, numbered(records), { batchSize: 4 })
        expect(first).toMatchObject({ written: 8, skipped: 0 })
        const progress: Array<number> = []
        const again = yield* store.write("seekers", A, numbered(records), {
          batchSize: 4,
          onBatch: ({ rowsDone }) => Effect.sync(() => void progress.push(rowsDone))
        })
        expect(again).toMatchObject({ written: 0, skipped: 8, batches: 3 })
        expect(again.failed).toEqual(first.failed)
        expect(progress).toEqual([4, 8, 9])
        expect(yield* storedSeekers()).toHaveLength(8)
      }).pipe(Effect.provide(layerOf(backend))))

    it.effect("refuses an id repeated in the input, naming the row that had it first", () =>
      Effect.gen(function*() {
        const store = yield* ImportStore.ImportStore
        const report = yield* store.write("seekers", A, numbered([seeker(1), seeker(2), seeker(3), { ...seeker(1), name: "다른이름" }, seeker(2)]), {
          batchSize: 2
        })
        expect(messages(report)).toEqual([[6, ["id: repeats the id of row 3"]], [7, ["id: repeats the id of row 4"]]])
        expect(report).toMatchObject({ written: 3, skipped: 0 })
      }).pipe(Effect.provide(layerOf(backend))))

    it.effect("refuses a person registered twice, in the input or in the district, and never counts an erased seeker", () =>
      Effect.gen(function*() {
        const store = yield* ImportStore.ImportStore
        yield* store.write("seekers", A, numbered([seeker(1)]))
        const report = yield* store.write("seekers", A, numbered([
          seeker(10, { name: seeker(1).name, contact: seeker(1).contact }), // row 3: the stored seeker-0001, by phone
          seeker(11), // row 4
          seeker(12, { name: seeker(11).name, birthDate: seeker(11).birthDate }), // row 5: row 4, by birth date
          seeker(13, { name: seeker(11).name, contact: seeker(11).contact }), // row 6: row 4, by phone
          seeker(14)
        ]), { batchSize: 2 })
        expect(messages(report)).toEqual([
          [3, [
            "contact.phone: repeats the person already registered as \"seeker-0001\" in this district (same name and phone); update that record instead of importing a second one"
          ]],
          [5, ["birthDate: repeats the person of row 4 (same name and birth date); import each person once"]],
          [6, ["contact.phone: repeats the person of row 4 (same name and phone); import each person once"]]
        ])
        expect(report).toMatchObject({ written: 2, skipped: 0 })
        expect(yield* storedSeekers()).toEqual([seeker(1).id, seeker(11).id, seeker(14).id])
        // Another district's seeker is nobody's duplicate here.
        const elsewhere = yield* store.write("seekers", B, numbered([seeker(20, { districtId: B, name: seeker(1).name, contact: seeker(1).contact })]))
        expect(elsewhere).toMatchObject({ written: 1, failed: [] })
      }).pipe(Effect.provide(layerOf(backend))))

    it.effect("checks everything in a dry run, against the store and within the input, and writes nothing", () =>
      Effect.gen(function*() {
        const store = yield* ImportStore.ImportStore
        yield* store.write("seekers", A, numbered([seeker(1), seeker(2)]))
        const records = [
          seeker(1), // row 3: stored, skipped
          seeker(3), // row 4
          seeker(4, { name: seeker(2).name, birthDate: seeker(2).birthDate }), // row 5: the stored seeker-0002
          seeker(5, { contact: { phone: "12345" } }), // row 6
          seeker(6), // row 7
          seeker(7, { name: seeker(3).name, contact: seeker(3).contact }), // row 8: row 4, in another batch
          seeker(3) // row 9: row 4's id
        ]
        const dry = yield* store.write("seekers", A, numbered(records), { batchSize: 3, dryRun: true })
        expect(dry.failed.map((f) => f.row)).toEqual([5, 6, 8, 9])
        expect(messages(dry)[2]).toEqual([8, ["contact.phone: repeats the person of row 4 (same name and phone); import each person once"]])
        expect(messages(dry)[3]).toEqual([9, ["id: repeats the id of row 4"]])
        expect(dry).toMatchObject({ written: 2, skipped: 1 })
        expect(yield* storedSeekers()).toEqual([seeker(1).id, seeker(2).id])
        // The import itself does what the dry run said.
        const real = yield* store.write("seekers", A, numbered(records), { batchSize: 3 })
        expect({ ...real, batches: 0 }).toEqual({ ...dry, batches: 0 })
        expect(yield* storedSeekers()).toEqual([1, 2, 3, 6].map((i) => seeker(i).id))
      }).pipe(Effect.provide(layerOf(backend))))

    it.effect("places a referral once, writes every kind, and skips each on a rerun", () =>
      Effect.gen(function*() {
        const store = yield* ImportStore.ImportStore
        yield* store.write("placements", A, numbered([placement(0, "referral-a")]))
        const rows = numbered([placement(1, "referral-b"), placement(2, "referral-a"), placement(3), placement(4, "referral-b")])
        const report = yield* store.write("placements", A, rows, { batchSize: 2 })
        expect(messages(report)).toEqual([
          [4, ["referralId: repeats the placement already registered as \"placement-0\" in this district (a referral is placed once); update that record instead of importing a second one"]],
          [6, ["referralId: repeats the placement of row 3 (a referral is placed once); import each placement once"]]
        ])
        expect(report).toMatchObject({ written: 2, skipped: 0 })
        expect(yield* store.write("placements", A, rows)).toMatchObject({ written: 0, skipped: 2 })
        const employers = yield* store.write("employers", A, numbered([employerInput, { ...employerInput, id: "employer-0002" }]))
        expect(employers).toMatchObject({ written: 2, failed: [] })
        const stored = yield* Effect.flatMap(Repositories.EmployerRepository, (repo) => repo.list(A))
        expect(stored.map((r) => r.value.id)).toEqual(["employer-0001", "employer-0002"])
      }).pipe(Effect.provide(layerOf(backend))))

    it.effect("keeps a district's mapping per ledger, the last one saved", () =>
      Effect.gen(function*() {
        const store = yield* ImportStore.ImportStore
        expect(yield* store.mappingOf(A, "seekers")).toEqual(Option.none())
        const first: ImportStore.SavedMapping = { columns: { name: "성명", "contact.phone": "연락처" }, residentNumber: "refuse" }
        const second: ImportStore.SavedMapping = { columns: { name: "이름", birthDate: "생년월일" }, residentNumber: "birthDate" }
        yield* store.saveMapping(A, "seekers", first)
        yield* store.saveMapping(A, "employers", { columns: { name: "사업장명" }, residentNumber: "refuse" })
        expect(yield* store.mappingOf(A, "seekers")).toEqual(Option.some(first))
        yield* store.saveMapping(A, "seekers", second)
        expect(yield* store.mappingOf(A, "seekers")).toEqual(Option.some(second))
        expect(yield* store.mappingOf(A, "employers")).toEqual(Option.some({ columns: { name: "사업장명" }, residentNumber: "refuse" }))
        expect(yield* store.mappingOf(B, "seekers")).toEqual(Option.none())
      }).pipe(Effect.provide(layerOf(backend))))
  })
