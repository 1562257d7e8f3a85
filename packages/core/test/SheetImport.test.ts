import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Layer, TestClock } from "effect"
import * as JobCenter from "../src/JobCenter.js"
import * as Counselor from "../src/registry/Counselor.js"
import { AuditLog } from "../src/kernel/Audit.js"
import type { CounselorId, DistrictId } from "../src/kernel/Ids.js"
import * as Memory from "../src/kernel/Memory.js"
import * as SheetExport from "../src/onboarding/SheetExport.js"
import * as SheetImport from "../src/onboarding/SheetImport.js"
import {
  CounselorRepository,
  EmployerRepository,
  FollowUpRepository,
  IdGenerator,
  layerMemory,
  OpeningRepository,
  PlacementRepository,
  ReferralRepository,
  SeekerRepository
} from "../src/Repositories.js"
import { counselorInput } from "@iljari/test-support/fixtures"
import { district, employerSheet, followUpSheet, placementSheet, seekerSheet, sheetOf, snapshot } from "@iljari/test-support/ledgers"

const TestLayer = Layer.merge(layerMemory, IdGenerator.layerSequential)

const seongdong: JobCenter.Actor = { districtId: "11200" as DistrictId, counselorId: "counselor-01" as CounselorId }
const gwangjin: JobCenter.Actor = { districtId: "11215" as DistrictId, counselorId: "counselor-09" as CounselorId }

// Today in Korea is 2026-12-04.
const setup = Effect.gen(function*() {
  yield* TestClock.setTime(Date.parse("2026-12-04T01:00:00Z"))
  yield* Effect.flatMap(CounselorRepository, (counselors) => Effect.flatMap(Effect.orDie(Counselor.decode(counselorInput)), counselors.insert))
})

const failedRows = (outcome: SheetImport.Outcome) => outcome.failures.map((f) => f.row)
const columnsOf = (outcome: SheetImport.Outcome, row: number) => outcome.failures.find((f) => f.row === row)?.issues.map((i) => i.column)

describe("importing a district's spreadsheets (memory layers)", () => {
  it.effect("previews and commits the seekers list: good rows in, bad rows by the sheet's own numbers, a rerun adds nothing", () =>
    Effect.gen(function*() {
      yield* setup
      const preview = yield* SheetImport.preview(seongdong, { ledger: "seekers", sheet: seekerSheet })
      expect(preview.headerRow).toBe(2)
      expect(preview.mappingProblems).toEqual([])
      expect(preview.created).toEqual({ seekers: 2 })
      expect(failedRows(preview)).toEqual([5, 6, 7, 8, 9])
      expect(columnsOf(preview, 5)).toEqual(["비고"])
      expect(preview.failures.find((f) => f.row === 5)!.issues[0]!.ko).toBe("주민등록번호는 입력할 수 없습니다 (저장하지 않습니다)")
      expect(columnsOf(preview, 6)).toEqual(["휴대폰"])
      expect(columnsOf(preview, 7)).toEqual(["희망직종"])
      expect(preview.failures.find((f) => f.row === 7)!.issues[0]!.ko).toContain("알 수 없는 직종")
      expect(preview.failures.find((f) => f.row === 8)!.issues[0]!.ko).toContain("3행과 같은 기록")
      expect(preview.failures.find((f) => f.row === 9)!.issues[0]!.ko).toContain("비어 있습니다")
      expect((yield* (yield* SeekerRepository).list(seongdong.districtId)).length).toBe(0)

      const committed = yield* SheetImport.commit(seongdong, { ledger: "seekers", sheet: seekerSheet })
      expect(committed.created).toEqual({ seekers: 2 })
      const stored = (yield* (yield* SeekerRepository).list(seongdong.districtId)).map(({ value }) => value)
      expect(stored.map((s) => s.name).sort()).toEqual(["김영희", "홍길동"])
      const hong = stored.find((s) => s.name === "홍길동")!
      expect(hong).toMatchObject({
        birthDate: "1980-03-02",
        contact: { phone: "010-1234-5678" },
        addressRegion: "11200",
        desiredOccupations: ["5511"],
        education: "03",
        careerMonths: 38,
        counselorId: "counselor-01"
      })
      expect(stored.find((s) => s.name === "김영희")).toMatchObject({ birthDate: "1975-05-14", desiredOccupations: ["5511", "56"], education: "05" })
      const logged = yield* Effect.flatMap(AuditLog, (log) => log.list(seongdong.districtId))
      expect(logged.filter((e) => e.purpose === "import.seekers").map((e) => e.subjectId).sort()).toEqual(stored.map((s) => s.id).sort())

      // The mapping is kept for the next sheet: where that sheet has the saved
      // columns they are used, and a suggestion never takes a column a saved choice holds.
      const next = yield* SheetImport.columns(seongdong, {
        ledger: "seekers",
        sheet: sheetOf("다음 명단", [["성 명", "생년월일", "연락처", "휴대폰", "주소", "희망직종", "최종학력", "접수일"]])
      })
      expect(next.mapping.columns).toMatchObject({ name: "성 명", phone: "휴대폰", addressRegion: "주소" })
      expect(next.mappingProblems).toEqual([])

      const again = yield* SheetImport.commit(seongdong, { ledger: "seekers", sheet: seekerSheet })
      expect(again.created).toEqual({ seekers: 0 })
      expect(again.skipped).toEqual({ seekers: 2 })
      expect((yield* (yield* SeekerRepository).list(seongdong.districtId)).length).toBe(2)
    }).pipe(Effect.provide(TestLayer)))

  it.effect("refuses a resident registration number column, or keeps only the birth date from it", () =>
    Effect.gen(function*() {
      yield* setup
      const sheet = sheetOf("구직자", [
        ["성명", "주민등록번호", "거주지", "희망직종", "학력", "등록일"],
        ["홍길동", "800302-1234567", "성동구", "5511", "고졸", "2016-03-02"]
      ])
      const refused = yield* SheetImport.preview(seongdong, { ledger: "seekers", sheet })
      expect(refused.residentNumber).toBe("refused")
      expect(refused.mappingProblems.map((p) => p.column)).toContain("주민등록번호")
      const exit = yield* Effect.exit(SheetImport.commit(seongdong, { ledger: "seekers", sheet }))
      expect(Exit.isFailure(exit)).toBe(true)

      const outcome = yield* SheetImport.commit(seongdong, {
        ledger: "seekers",
        sheet,
        mapping: { ...refused.mapping, residentNumber: "birthDate" }
      })
      expect(outcome.residentNumber).toBe("birthDate")
      expect(outcome.created).toEqual({ seekers: 1 })
      const db = yield* Memory.MemoryDatabase
      // Every table of the memory database, Maps included.
      const everything = JSON.stringify(db.tables, (_, value) => (value instanceof Map ? [...value.entries()] : value))
      expect(everything).toContain("1980-03-02")
      expect(everything).not.toContain("1234567")
      const [seeker] = yield* (yield* SeekerRepository).list(seongdong.districtId)
      expect(seeker!.value.birthDate).toBe("1980-03-02")
    }).pipe(Effect.provide(TestLayer)))

  it.effect("imports employers with their openings, an employer once however many rows name it", () =>
    Effect.gen(function*() {
      yield* setup
      const outcome = yield* SheetImport.commit(seongdong, { ledger: "employers", sheet: employerSheet })
      expect(failedRows(outcome)).toEqual([5])
      expect(outcome.created).toEqual({ employers: 2, openings: 2 })
      const employers = (yield* (yield* EmployerRepository).list(seongdong.districtId)).map(({ value }) => value)
      const seongsu = employers.find((e) => e.businessNumber === "124-81-00998")!
      expect(seongsu).toMatchObject({ size: "small", contacts: [{ name: "이영희", role: "인사담당", phone: "02-123-4567" }], registeredAt: expect.anything() })
      expect(employers.find((e) => e.name === "왕십리식당")!.contacts).toEqual([{ name: "대표", phone: "02-2222-3333" }])
      const openings = (yield* (yield* OpeningRepository).list(seongdong.districtId)).map(({ value }) => value)
      expect(openings.map((o) => [o.title, o.employerId, o.wage]).sort()).toEqual([
        ["경비원", seongsu.id, { type: "monthly", min: 2_100_000 }],
        ["청소원", seongsu.id, { type: "monthly", min: 1_900_000, max: 2_000_000 }]
      ])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("links placements to their seeker and employer, counts one for the center only through its referral, and records follow-ups onto their checks", () =>
    Effect.gen(function*() {
      yield* setup
      const { hongId, referralId } = yield* district(seongdong)
      const placed = yield* SheetImport.commit(seongdong, { ledger: "placements", sheet: placementSheet })
      // The sheet's header is its row 3.
      expect(failedRows(placed)).toEqual([6, 7])
      expect(placed.failures.find((f) => f.row === 6)!.issues[0]!.ko).toContain("등록된 구직자가 없습니다")
      expect(placed.failures.find((f) => f.row === 7)!.issues[0]!.ko).toContain("등록된 사업장이 없습니다")
      expect(placed.notes.map((n) => n.row)).toEqual([5])
      expect(placed.created).toEqual({ placements: 2, followUps: 6 })
      expect(placed.updated).toEqual({ referrals: 1 })
      const placements = (yield* (yield* PlacementRepository).list(seongdong.districtId)).map(({ value }) => value)
      expect(placements.find((p) => p.seekerId === hongId)).toMatchObject({ referralId, verification: "center-referral", countsForCenter: true, recordedOn: "2026-11-02" })
      expect(placements.find((p) => p.seekerId !== hongId)).toMatchObject({ verification: "self-found", countsForCenter: false })
      expect((yield* (yield* ReferralRepository).get(seongdong.districtId, referralId)).value.status).toBe("hired")

      const followed = yield* SheetImport.commit(seongdong, { ledger: "followUps", sheet: followUpSheet })
      expect(failedRows(followed)).toEqual([4])
      expect(followed.updated).toEqual({ followUps: 4 }) // 홍길동's first; 김영희's first, and her two later ones cancelled on quitting
      const checks = (yield* (yield* FollowUpRepository).list(seongdong.districtId)).map(({ value }) => value)
      expect(checks.filter((c) => c.doneOn !== undefined).map((c) => [c.sequence, c.doneOn, c.outcome]).sort()).toEqual([
        [1, "2026-12-01", "working"],
        [1, "2026-12-03", "quit"]
      ])
      expect(checks.filter((c) => c.cancelledOn !== undefined)).toHaveLength(2)

      // Every person whose records the imports wrote is in the access log.
      const logged = yield* Effect.flatMap(AuditLog, (log) => log.list(seongdong.districtId))
      const subjects = (purpose: string) => [...new Set(logged.filter((e) => e.purpose === purpose && e.action === "update").map((e) => e.subjectId))].sort()
      expect(subjects("import.placements")).toEqual(placements.map((p) => p.seekerId).sort())
      expect(subjects("import.followUps")).toEqual(placements.map((p) => p.seekerId).sort())

      const rerun = yield* SheetImport.commit(seongdong, { ledger: "followUps", sheet: followUpSheet })
      expect(rerun.updated).toEqual({})
      expect(rerun.skipped).toEqual({ followUps: 2 })
      const placedAgain = yield* SheetImport.commit(seongdong, { ledger: "placements", sheet: placementSheet })
      expect(placedAgain.created).toEqual({ placements: 0, followUps: 0 })
    }).pipe(Effect.provide(TestLayer)))

  it.effect("exports the four ledgers in the shape an import reads: into an empty district they give the same records", () =>
    Effect.gen(function*() {
      yield* setup
      yield* district(seongdong)
      yield* SheetImport.commit(seongdong, { ledger: "placements", sheet: placementSheet })
      yield* SheetImport.commit(seongdong, { ledger: "followUps", sheet: followUpSheet })
      yield* Effect.flatMap(CounselorRepository, (counselors) =>
        Effect.flatMap(Effect.orDie(Counselor.decode({ ...counselorInput, id: "counselor-09", districtId: "11215" })), counselors.insert))

      for (const ledger of ["seekers", "employers", "placements", "followUps"] as const) {
        const table = yield* SheetExport.table(seongdong, ledger)
        const outcome = yield* SheetImport.commit(gwangjin, { ledger, sheet: sheetOf(table.name, [table.headers, ...table.rows]) })
        expect(outcome.failures, ledger).toEqual([])
        expect(outcome.mappingProblems, ledger).toEqual([])
      }
      // Field by field, ids and the district aside; references compared through
      // what they name (both districts have a counselor 박상담).
      const [before, after] = [yield* snapshot(seongdong.districtId), yield* snapshot(gwangjin.districtId)]
      expect(after).toEqual(before)
      expect(before["followUps"]).toHaveLength(6)
    }).pipe(Effect.provide(TestLayer)))
})
