import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { AuditLog } from "../src/kernel/Audit.js"
import * as Erasure from "../src/privacy/Erasure.js"
import type { CounselorId, DistrictId } from "../src/kernel/Ids.js"
import * as JobCenter from "../src/JobCenter.js"
import * as Recommendations from "../src/matching/Recommendations.js"
import { IdGenerator, layerMemory, SeekerRepository } from "../src/Repositories.js"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"

const TestLayer = Layer.provideMerge(Recommendations.layer(), Layer.merge(layerMemory, IdGenerator.layerSequential))

const kim: JobCenter.Actor = { districtId: "11200" as DistrictId, counselorId: "counselor-01" as CounselorId }
const { districtId: _d1, id: _i1, registeredAt: _r1, ...seekerForm } = seekerInput
const { districtId: _d2, id: _i2, registeredAt: _r2, ...employerForm } = employerInput
const { districtId: _d3, id: _i3, ...openingForm } = openingInput

const setToday = (iso: string) => TestClock.setTime(Date.parse(`${iso}T01:00:00Z`))

describe("Erasure", () => {
  it.effect("never shows an erased seeker from the match index, not even within its five minutes", () =>
    Effect.gen(function*() {
      yield* setToday("2026-03-02")
      const employer = yield* JobCenter.registerEmployer(kim, employerForm)
      const opening = yield* JobCenter.registerOpening(kim, {
        ...openingForm,
        employerId: employer.value.id,
        occupation: "5410",
        openedOn: "2026-03-02",
        closesOn: "2026-03-31"
      })
      const names = ["최보안", "정경비", "한청소"]
      const ids = []
      for (const [i, name] of names.entries()) {
        const s = yield* JobCenter.registerSeeker(kim, { ...seekerForm, name, contact: { phone: `010-3000-000${i}` }, desiredOccupations: ["5410"] })
        ids.push(s.value.id)
      }
      const service = yield* Recommendations.Recommendations
      const before = yield* service.seekersFor(kim, opening.value.id, 3)
      expect(before.map((r) => r.record.value.name).sort()).toEqual([...names].sort())
      // The index is fresh (built a moment ago); the erasure comes now.
      yield* Erasure.eraseSeeker(kim, ids[1]!, "subject-request")
      const after = yield* service.seekersFor(kim, opening.value.id, 3)
      expect(after.map((r) => r.record.value.id)).not.toContain(ids[1])
      expect(JSON.stringify(after)).not.toContain("정경비")
      expect(JSON.stringify(after)).not.toContain("010-3000-0001")
      expect(after).toHaveLength(2)
    }).pipe(Effect.provide(TestLayer)))

  it.effect("sweeps the seekers past their retention period, each erasure logged with its reason", () =>
    Effect.gen(function*() {
      yield* setToday("2020-03-02")
      const old = yield* JobCenter.registerSeeker(kim, { ...seekerForm, name: "오래된", contact: {}, birthDate: "1960-01-01" })
      const counselled = yield* JobCenter.registerSeeker(kim, { ...seekerForm, name: "상담함", contact: {}, birthDate: "1961-01-01" })
      yield* setToday("2022-06-01")
      yield* JobCenter.logCounseling(kim, { seekerId: counselled.value.id, heldOn: "2022-06-01", channel: "phone" })
      yield* setToday("2024-01-10")
      const recent = yield* JobCenter.registerSeeker(kim, { ...seekerForm, name: "최근", contact: {}, birthDate: "1962-01-01" })

      // Three years after 2020-03-02, that day not counted (민법 제157조), end on 2023-03-02: the first is due
      // from 2023-03-03; the counselled one (2022) and the recent one are not.
      yield* setToday("2025-01-10")
      const due = yield* Erasure.retentionDue(kim)
      expect(due).toEqual([{ seekerId: old.value.id, name: "오래된", lastActivity: "2020-03-02", dueSince: "2023-03-03" }])
      // A district that keeps five years has nobody due yet.
      expect(yield* Erasure.retentionDue(kim).pipe(Effect.provideService(Erasure.Config, { retentionYears: 5 }))).toEqual([])

      expect(yield* Erasure.sweep(kim)).toEqual([old.value.id])
      const seekers = yield* SeekerRepository
      expect((yield* seekers.get(kim.districtId, old.value.id)).value).toMatchObject({ name: "(파기됨)", erasedOn: "2025-01-10" })
      expect((yield* seekers.get(kim.districtId, recent.value.id)).value.name).toBe("최근")
      const log = yield* Effect.flatMap(AuditLog, (a) => a.list(kim.districtId, { subjectId: old.value.id }))
      expect(log.at(-1)).toMatchObject({ action: "erase", purpose: "seeker.erase", reason: "retention-ended" })
      // Erased seekers are not due again.
      expect(yield* Erasure.retentionDue(kim)).toEqual([])
      yield* setToday("2025-06-02")
      expect((yield* Erasure.sweep(kim))).toEqual([counselled.value.id])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("redacts shared notes by the person's name, phone however written, and e-mail — nothing else", () =>
    Effect.sync(() => {
      const person = { name: "김민수", contact: { phone: "010-1234-5678", email: "minsu@example.kr" } } as never
      expect(Erasure.withoutPerson("김민수(01012345678), minsu@example.kr 등록; 010 1234 5678 재확인; 이영희 동행", person))
        .toBe("(파기됨)((파기됨)), (파기됨) 등록; (파기됨) 재확인; 이영희 동행")
      expect(Erasure.withoutPerson("김 씨와 김영희", { name: "김", contact: {} } as never)).toBe("김 씨와 김영희")
    }))
})

describe("the access log of a list", () => {
  it.effect("writes a list's entries in one append, one per seeker shown", () =>
    Effect.gen(function*() {
      yield* setToday("2026-03-02")
      for (let i = 0; i < 20; i++) {
        yield* JobCenter.registerSeeker(kim, { ...seekerForm, name: `명단${i}`, contact: {}, birthDate: "1970-01-01" })
      }
      const log = yield* AuditLog
      const calls: Array<number> = []
      const counting = {
        ...log,
        append: (entry: Parameters<typeof log.append>[0]) => Effect.zipRight(Effect.sync(() => void calls.push(1)), log.append(entry)),
        appendAll: (entries: Parameters<typeof log.appendAll>[0]) =>
          Effect.zipRight(Effect.sync(() => void calls.push(entries.length)), log.appendAll(entries))
      }
      const rows = yield* JobCenter.listSeekers(kim, { limit: 15 }).pipe(Effect.provideService(AuditLog, counting))
      expect(rows).toHaveLength(15)
      expect(calls).toEqual([15])
      const entries = yield* log.list(kim.districtId)
      expect(entries.filter((e) => e.purpose === "seeker.list").map((e) => e.subjectId)).toEqual(rows.map((r) => r.value.id))
    }).pipe(Effect.provide(TestLayer)))
})
