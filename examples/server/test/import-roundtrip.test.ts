/**
 * The export round trip on the server's real storage: a district's four
 * ledgers imported, exported to one XLSX workbook written and read back by
 * the real reader, and imported into an empty district give the same records
 * field by field, ids aside — on SQLite and on PostgreSQL.
 */
import { describe, expect, it } from "@effect/vitest"
import { Counselor, Ids, type JobCenter, Repositories, SheetExport, SheetImport } from "@iljari/core"
import { Xlsx } from "@iljari/sheets"
import { counselorInput } from "@iljari/test-support/fixtures"
import { describePostgres } from "@iljari/test-support/inject"
import { district, followUpSheet, placementSheet, snapshot } from "@iljari/test-support/ledgers"
import { Effect, type Layer } from "effect"
import { postgresStorage, sqliteStorage } from "./backends.js"

const seongdong: JobCenter.Actor = { districtId: Ids.DistrictId.make("11200"), counselorId: Ids.CounselorId.make("counselor-01") }
const gwangjin: JobCenter.Actor = { districtId: Ids.DistrictId.make("11215"), counselorId: Ids.CounselorId.make("counselor-09") }

const roundTrip = (name: string, storage: () => Layer.Layer<Repositories.Ports | Repositories.IdGenerator, unknown>) =>
  describe(name, () => {
    it.scoped("four ledgers → one XLSX workbook → an empty district: the same records", () =>
      Effect.gen(function*() {
        yield* Effect.flatMap(Repositories.CounselorRepository, (counselors) =>
          Effect.forEach([counselorInput, { ...counselorInput, id: "counselor-09", districtId: "11215" }], (input) =>
            Effect.flatMap(Effect.orDie(Counselor.decode(input)), counselors.insert)))
        yield* district(seongdong)
        yield* SheetImport.commit(seongdong, { ledger: "placements", sheet: placementSheet })
        yield* SheetImport.commit(seongdong, { ledger: "followUps", sheet: followUpSheet })

        const ledgers = ["seekers", "employers", "placements", "followUps"] as const
        const workbook = yield* Xlsx.write(yield* Effect.forEach(ledgers, (ledger) => SheetExport.table(seongdong, ledger)))
        const sheets = yield* Xlsx.read(workbook)
        expect(sheets.map((sheet) => sheet.name)).toEqual(["구직자 명단", "구인업체·채용 현황", "취업자 대장", "사후관리대장"])
        for (const [i, ledger] of ledgers.entries()) {
          const outcome = yield* SheetImport.commit(gwangjin, { ledger, sheet: sheets[i]! })
          expect(outcome.mappingProblems, ledger).toEqual([])
          expect(outcome.failures, ledger).toEqual([])
        }
        const [before, after] = [yield* snapshot(seongdong.districtId), yield* snapshot(gwangjin.districtId)]
        expect(before["seekers"]).toHaveLength(2)
        expect(before["openings"]).toHaveLength(2)
        expect(before["followUps"]).toHaveLength(6)
        expect(after).toEqual(before)
      }).pipe(Effect.provide(storage())))
  })

roundTrip("export round trip on SQLite", () => sqliteStorage() as never)
describePostgres("export round trip on PostgreSQL", (url) => roundTrip("a new database", () => postgresStorage(url) as never))
