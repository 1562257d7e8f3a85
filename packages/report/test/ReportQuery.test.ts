import { describe, expect, it } from "@effect/vitest"
import { Counselor, Repositories } from "@iljari/core"
import { Effect, Either, Layer } from "effect"
import { counselorInput } from "@iljari/test-support/fixtures"
import * as Report from "../src/Report.js"
import * as ReportQuery from "../src/ReportQuery.js"
import { ReportSource } from "../src/ReportSource.js"
import type * as Table from "../src/Table.js"
import { A, k, records } from "@iljari/test-support/report/fixtures"
import { targets } from "./report.js"

// The fixtures' district, with k1 in the staff records and k2 known only by the name passed in.
const Store = Layer.effectDiscard(
  Effect.gen(function*() {
    const insert = <A>(repo: { readonly insert: (a: A) => Effect.Effect<unknown, unknown> }, rows: ReadonlyArray<A>) =>
      Effect.forEach(rows, (row) => repo.insert(row), { discard: true })
    yield* insert(yield* Repositories.SeekerRepository, records.seekers)
    yield* insert(yield* Repositories.OpeningRepository, records.openings)
    yield* insert(yield* Repositories.CounselingRepository, records.counselings)
    yield* insert(yield* Repositories.ReferralRepository, records.referrals)
    yield* insert(yield* Repositories.PlacementRepository, records.placements)
    yield* insert(yield* Repositories.FollowUpRepository, records.followUps)
    const staff = Either.getOrThrow(Counselor.decodeEither({ ...counselorInput, id: "k1", districtId: A, name: "김지현" }))
    yield* insert(yield* Repositories.CounselorRepository, [staff])
  }).pipe(Effect.orDie)
).pipe(Layer.provideMerge(ReportSource.layerMemory.pipe(Layer.provideMerge(Repositories.layerMemory))))

const manager: ReportQuery.Viewer = { districtId: A, counselorId: k("m1"), role: "manager" }
const counselor: ReportQuery.Viewer = { districtId: A, counselorId: k("k1"), role: "counselor" }
const options: ReportQuery.Options = { targets, names: { k2: "이서준" } }

const counselorNames = (report: Report.Report, id: string) =>
  report.tables.find((t) => t.id === id)!.rows.map((r: Table.Row) => {
    const cell = r.cells["counselor"]
    return typeof cell === "object" && cell !== null && "ko" in cell ? cell.ko : cell
  })

describe("ReportQuery.build", () => {
  it.layer(Store)((it) => {
    it.effect("builds the month a manager asks for, every counselor named from the staff records or the names given", () =>
      Effect.gen(function*() {
        const { fileName, report } = yield* ReportQuery.build(manager, { month: "2016-03" }, options)
        expect(fileName).toBe("iljari-11200-2016-03")
        expect(report.title.ko).toBe("성동구 일자리센터 2016년 3월 실적 보고")
        expect(counselorNames(report, "counselors-month")).toEqual(["김지현", "이서준", "합계"])
      }))

    it.effect("gives a counselor their own rows only, and refuses a colleague's", () =>
      Effect.gen(function*() {
        const own = yield* ReportQuery.build(counselor, { month: "2016-03" }, options)
        expect(own.fileName).toBe("iljari-11200-2016-03-k1")
        expect(counselorNames(own.report, "counselors-month")).toEqual(["김지현", "합계"])
        const refused = yield* Effect.flip(ReportQuery.build(counselor, { month: "2016-03", counselorId: k("k2") }, options))
        expect(refused._tag).toBe("ReportOutOfScope")
      }))

    it.effect("builds any from–to period month by month, and refuses an unclear period naming the field", () =>
      Effect.gen(function*() {
        const { fileName, report } = yield* ReportQuery.build(manager, { from: "2016-02-15" as never, to: "2016-03-31" as never }, options)
        expect(fileName).toBe("iljari-11200-2016-02-15_2016-03-31")
        expect(report.tables.map((t) => t.id)).toEqual(["center-period", "counselors-period", "follow-up", "target-groups"])
        const unclear = yield* Effect.flip(ReportQuery.build(manager, { month: "3" }, options))
        expect(unclear._tag).toBe("ValidationError")
        expect(unclear.message).toContain("year")
      }))
  })
})
