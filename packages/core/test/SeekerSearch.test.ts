import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Either, FastCheck as fc, Layer, Schema, TestClock } from "effect"
import { AuditLog } from "../src/kernel/Audit.js"
import { PhoneTail } from "../src/kernel/Contact.js"
import * as Hangul from "../src/kernel/Hangul.js"
import type { CounselorId, DistrictId, SeekerId } from "../src/kernel/Ids.js"
import * as JobCenter from "../src/JobCenter.js"
import * as Seeker from "../src/registry/Seeker.js"
import * as SeekerSearch from "../src/registry/SeekerSearch.js"
import { IdGenerator, layerMemory, SeekerRepository } from "../src/Repositories.js"
import { left } from "@iljari/test-support/either"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"

const TestLayer = Layer.merge(layerMemory, IdGenerator.layerSequential)
const district = "11200" as DistrictId
const kim: JobCenter.Actor = { districtId: district, counselorId: "counselor-01" as CounselorId }

const query = Schema.decodeSync(Hangul.NameQuery)

// An oracle that knows nothing of es-hangul: the syllables with initial k are
// the 588 from U+AC00 + 588k, in the order of these 19 initials.
const initials = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
const initialOf = (syllable: string) => initials[Math.floor((syllable.charCodeAt(0) - 0xac00) / 588)]!
const naiveMatch = (name: string, q: string): boolean => {
  const parts = [...q].map((c) => {
    const k = initials.indexOf(c)
    if (k === -1) return c
    const from = String.fromCharCode(0xac00 + 588 * k)
    const to = String.fromCharCode(0xac00 + 588 * k + 587)
    return `[${c}${from}-${to}]`
  })
  return new RegExp(parts.join(""), "u").test(name.replace(/\s/g, ""))
}

const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((code) => String.fromCharCode(code))
const hangulName = fc.array(syllable, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(""))
// A name, a run of it, and for each character of the run whether the query gives only its initial.
const nameAndRun = hangulName.chain((name) =>
  fc.tuple(fc.integer({ min: 0, max: name.length - 1 }), fc.integer({ min: 1, max: name.length })).chain(([start, length]) => {
    const run = name.slice(start, Math.min(name.length, start + length))
    return fc.array(fc.boolean(), { minLength: run.length, maxLength: run.length }).map((asInitial) => ({ name, run, asInitial }))
  })
)

describe("초성 search of names (Hangul)", () => {
  it("finds 홍길동 by ㅎㄱㄷ, ㄱㄷ, 길동 and 홍ㄱ, and not 홍길순 by ㅎㄱㄷ", () => {
    for (const q of ["ㅎㄱㄷ", "ㄱㄷ", "길동", "홍ㄱ", "ㅎ길ㄷ", "홍길동", "ㄷ"]) expect(Hangul.matches("홍길동", query(q)), q).toBe(true)
    expect(Hangul.matches("홍길순", query("ㅎㄱㄷ"))).toBe(false)
    expect(Hangul.matches("홍길동", query("ㄷㄱ"))).toBe(false)
    // ㄱ is not ㄲ: 끼 begins with ㄲ.
    expect(Hangul.matches("김끼리", query("ㄱㄱ"))).toBe(false)
    expect(Hangul.matches("김끼리", query("ㄱㄲ"))).toBe(true)
    // Spaces do not count, in the name or in the query; a decomposed name is composed first.
    expect(Hangul.matches("남궁 민수", query("궁 ㅁ"))).toBe(true)
    expect(Hangul.matches("홍길동".normalize("NFD"), query("길동"))).toBe(true)
  })

  it("finds a name by the initials of any run of it (property)", () => {
    fc.assert(fc.property(nameAndRun, ({ name, run }) => {
      expect(Hangul.matches(name, query([...run].map(initialOf).join("")))).toBe(true)
      expect(Hangul.matches(name, query(run))).toBe(true)
    }))
  })

  it("finds a name by any run of it with any of its syllables given as initials (property)", () => {
    fc.assert(fc.property(nameAndRun, ({ asInitial, name, run }) => {
      const mixed = [...run].map((c, i) => (asInitial[i] ? initialOf(c) : c)).join("")
      expect(Hangul.matches(name, query(mixed))).toBe(true)
    }))
  })

  // Few letters, so that queries often match and often do not.
  const letters = ["가", "각", "기", "길", "끼", "동", "홍", "ㄱ", "ㄲ", "ㄷ", "ㅎ", "a", "1", " "]
  const queryLetters = ["가", "기", "길", "끼", "동", "홍", "ㄱ", "ㄲ", "ㄷ", "ㅎ"]
  const anyName = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(""))
  const anyQuery = fc.array(fc.constantFrom(...queryLetters), { minLength: 1, maxLength: 3 }).map((cs) => query(cs.join("")))

  it("agrees with a naive reading of the rule, whatever the name holds (property)", () => {
    fc.assert(fc.property(anyName, anyQuery, (name, q) => {
      expect(Hangul.matches(name, q)).toBe(naiveMatch(name, q))
    }), { numRuns: 2000 })
  })

  it("finds exactly what storage finds with the query's pattern in the name's key (property)", () => {
    fc.assert(fc.property(anyName, anyQuery, (name, q) => {
      // `_` is LIKE's any one character; the pattern holds Hangul and `_` only.
      const like = new RegExp(Hangul.keyPattern(q).replace(/_/g, "."), "u")
      expect(like.test(Hangul.searchKey(name))).toBe(Hangul.matches(name, q))
    }), { numRuns: 2000 })
  })

  it("refuses a query that is not Hangul, naming the rule in Korean and English", () => {
    const refused = (input: unknown) => left(Schema.decodeUnknownEither(Hangul.NameQuery)(input)).message
    expect(refused("hong")).toContain("한글 음절이나 초성")
    expect(refused("hong")).toContain("Hangul syllables or initial consonants")
    expect(refused("ㅏ")).toContain("초성")
    expect(refused("  ")).toContain("must not be empty")
    expect(refused("홍%")).toContain("Hangul")
    expect(query(" 홍 ㄱ ")).toBe("홍ㄱ")
    expect(left(Schema.decodeUnknownEither(PhoneTail)("567")).message).toContain("전화번호 뒷자리 4자리")
    expect(Either.isRight(Schema.decodeUnknownEither(PhoneTail)(" 5678 "))).toBe(true)
  })
})

const seeker = (id: string, patch: Record<string, unknown>) =>
  Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, id, districtId: district, ...patch }))

// A district's seekers, drawn from few names, phones, statuses and counselors,
// so that every criterion often narrows and often ties.
const people = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 1, max: 99 }).map((n) => `s${String(n).padStart(2, "0")}`),
    name: fc.constantFrom("홍길동", "홍길순", "김길동", "김민수", "이서연", "남궁 민", "ㄱ길"),
    tail: fc.constantFrom("5678", "1234", undefined),
    status: fc.constantFrom(...Seeker.SeekerStatus.literals),
    counselorId: fc.constantFrom("c1", "c2", undefined),
    day: fc.integer({ min: 1, max: 3 }),
    erased: fc.boolean()
  }),
  { selector: (p) => p.id, maxLength: 12 }
).map((ps) =>
  ps.map((p) =>
    seeker(p.id, {
      name: p.erased ? "(파기됨)" : p.name,
      contact: p.tail === undefined || p.erased ? {} : { phone: `010-9999-${p.tail}` },
      status: p.status,
      ...(p.counselorId === undefined ? {} : { counselorId: p.counselorId }),
      registeredAt: `2026-03-0${p.day}T01:00:00.000Z`,
      ...(p.erased ? { erasedOn: "2026-04-01" } : {})
    })
  )
)

// Each criterion present or left out.
const criteria = fc.record({
  name: fc.constantFrom("홍", "길동", "ㄱㄷ", "ㅎㄱㄷ", "ㄱ", "민", "ㅍㄱ"),
  phoneTail: fc.constantFrom("5678", "1234"),
  status: fc.constantFrom(...Seeker.SeekerStatus.literals),
  counselorId: fc.constantFrom("c1", "c2"),
  sort: fc.constantFrom("name" as const, "registeredAt" as const, "id" as const),
  order: fc.constantFrom("asc" as const, "desc" as const)
}, { requiredKeys: ["sort", "order"] })

describe("seeker search on the memory layer", () => {
  it("agrees with a naive filter and sort, page by page, with the total (property)", async () => {
    await fc.assert(
      fc.asyncProperty(people, criteria, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 4 }), async (all, input, offset, limit) => {
        const decoded = Either.getOrThrow(Schema.decodeUnknownEither(Seeker.SearchCriteria)(input))
        const found = await Effect.runPromise(Effect.gen(function*() {
          const repo = yield* SeekerRepository
          yield* Effect.forEach(all, repo.insert)
          return yield* repo.search(district, decoded, { offset, limit })
        }).pipe(Effect.provide(TestLayer)))
        const wanted = all.filter((s) =>
          (input.name === undefined || (s.erasedOn === undefined && naiveMatch(s.name, input.name))) &&
          (input.phoneTail === undefined || s.contact.phone?.endsWith(input.phoneTail) === true) &&
          (input.status === undefined || s.status === input.status) &&
          (input.counselorId === undefined || s.counselorId === input.counselorId)
        )
        const key = (s: Seeker.Seeker): string =>
          `${input.sort === "name" ? s.name : input.sort === "registeredAt" ? DateTime.formatIso(s.registeredAt) : ""}\u0000${s.id}`
        wanted.sort((a, b) => (key(a) < key(b) ? -1 : 1) * (input.order === "asc" ? 1 : -1))
        expect(found.total).toBe(wanted.length)
        expect(found.items.map((row) => row.value.id)).toEqual(wanted.slice(offset, offset + limit).map((s) => s.id))
      }),
      { numRuns: 200 }
    )
  }, 60_000)
})

describe("searchSeekers", () => {
  const { districtId: _d, id: _i, registeredAt: _r, ...form } = seekerInput
  const register = (name: string, phone: string) =>
    Effect.map(JobCenter.registerSeeker(kim, { ...form, name, contact: { phone } }), (s) => s.value.id)

  it.effect("logs one read per seeker shown, and never the search terms", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
      const hong = yield* register("홍길동", "010-1111-5678")
      const kimGildong = yield* register("김길동", "010-2222-5678")
      yield* register("홍길순", "010-3333-5678")
      const log = yield* AuditLog
      const before = (yield* log.list(district)).length

      const found = yield* JobCenter.searchSeekers(kim, { name: "ㄱㄷ", phoneTail: "5678" })
      expect(found.total).toBe(2)
      expect(found.items.map((row) => row.value.name)).toEqual(["김길동", "홍길동"])
      const entries = (yield* log.list(district)).slice(before)
      expect(entries.map((e) => [e.action, e.subjectKind, e.subjectId, e.purpose])).toEqual([
        ["read", "seeker", kimGildong, "seeker.search"],
        ["read", "seeker", hong, "seeker.search"]
      ])
      // Nothing of the terms: not in the purpose, not in a detail, nowhere in an entry.
      const written = JSON.stringify(entries)
      for (const term of ["ㄱㄷ", "5678"]) expect(written).not.toContain(term)
      expect(entries.every((e) => e.detail === undefined)).toBe(true)

      // A page logs the seekers it shows, not the ones it counts.
      const page = yield* JobCenter.searchSeekers(kim, { phoneTail: "5678", sort: "name", order: "desc" }, { offset: 1, limit: 1 })
      expect([page.total, page.items.map((row) => row.value.name)]).toEqual([3, ["홍길동"]])
      expect((yield* log.list(district)).slice(before + 2).map((e) => e.subjectId)).toEqual([hong])

      // Nothing found, nothing logged.
      expect(yield* JobCenter.searchSeekers(kim, { name: "ㅍ" })).toEqual({ items: [], total: 0 })
      expect((yield* log.list(district)).length).toBe(before + 3)
    }).pipe(Effect.provide(TestLayer)))

  it.effect("refuses a bad search or page, naming each field and rule, and reads nothing", () =>
    Effect.gen(function*() {
      const refused = yield* Effect.flip(
        JobCenter.searchSeekers(kim, { name: "hong", phoneTail: "12", status: "hired", sort: "age", age: 40 })
      )
      expect(refused._tag).toBe("ValidationError")
      if (refused._tag !== "ValidationError") return
      expect(refused.subject).toBe("SeekerSearch")
      expect(refused.issues.map((i) => i.path).sort()).toEqual(["age", "name", "phoneTail", "sort", "status"])
      expect(refused.issues.find((i) => i.path === "name")!.message).toContain("초성")
      expect(refused.issues.find((i) => i.path === "phoneTail")!.message).toContain("last four digits")

      const page = yield* Effect.flip(JobCenter.searchSeekers(kim, {}, { offset: -1, limit: 0.5 }))
      expect(page._tag === "ValidationError" && page.issues.map((i) => [i.path, i.message.includes("정수")])).toEqual([
        ["offset", true],
        ["limit", true]
      ])
      expect(yield* Effect.flatMap(AuditLog, (log) => log.list(district))).toEqual([])
    }).pipe(Effect.provide(TestLayer)))

  it.effect("shows at most a hundred seekers at a time, however many are asked for", () =>
    Effect.gen(function*() {
      const repo = yield* SeekerRepository
      yield* Effect.forEach(
        Array.from({ length: 120 }, (_, i) => seeker(`s${String(i).padStart(3, "0")}`, { name: `다른사람${i}`, contact: {} })),
        repo.insert
      )
      const found = yield* SeekerSearch.searchSeekers(kim, { sort: "id" }, { limit: 1000 })
      expect([found.items.length, found.total]).toEqual([JobCenter.maxPageSize, 120])
      expect(found.items[0]!.value.id).toBe("s000" as SeekerId)
      expect((yield* Effect.flatMap(AuditLog, (log) => log.list(district))).length).toBe(100)
    }).pipe(Effect.provide(TestLayer)))
})

describe("referral and placement lists", () => {
  const { districtId: _d1, id: _i1, registeredAt: _r1, ...form } = seekerInput
  const { districtId: _d2, id: _i2, registeredAt: _r2, ...employerForm } = employerInput
  const { districtId: _d3, id: _i3, ...openingForm } = openingInput

  it.effect("list a board newest first with the total, logging each seeker shown", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
      const employer = yield* JobCenter.registerEmployer(kim, employerForm)
      const opening = yield* JobCenter.registerOpening(kim, {
        ...openingForm,
        employerId: employer.value.id,
        openedOn: "2026-03-02",
        closesOn: "2026-03-31"
      })
      const hong = (yield* JobCenter.registerSeeker(kim, { ...form, name: "홍길동", contact: {} })).value.id
      const lee = (yield* JobCenter.registerSeeker(kim, { ...form, name: "이서연", contact: {} })).value.id
      const first = yield* JobCenter.proposeReferral(kim, { seekerId: hong, openingId: opening.value.id })
      yield* TestClock.setTime(Date.parse("2026-03-03T01:00:00Z"))
      const second = yield* JobCenter.proposeReferral(kim, { seekerId: lee, openingId: opening.value.id })
      yield* JobCenter.moveReferral(kim, { referralId: first.value.id, to: "sent", expectedVersion: 1 })
      const log = yield* AuditLog
      const before = (yield* log.list(district)).length

      const board = yield* JobCenter.listReferrals(kim, {})
      expect([board.total, board.items.map((row) => row.value.id)]).toEqual([2, [second.value.id, first.value.id]])
      const sent = yield* JobCenter.listReferrals(kim, { status: "sent" })
      expect(sent.items.map((row) => row.value.id)).toEqual([first.value.id])
      expect((yield* log.list(district)).slice(before).map((e) => [e.subjectId, e.purpose])).toEqual([
        [lee, "referral.list"],
        [hong, "referral.list"],
        [hong, "referral.list"]
      ])
      const refused = yield* Effect.flip(JobCenter.listReferrals(kim, { status: "hired-ish", openingId: "" }))
      expect(refused._tag === "ValidationError" && refused.issues.map((i) => i.path)).toEqual(["status", "openingId"])

      yield* JobCenter.moveReferral(kim, { referralId: first.value.id, to: "interviewing", expectedVersion: 2 })
      yield* JobCenter.recordPlacement(kim, {
        seekerId: hong,
        referralId: first.value.id,
        startOn: "2026-03-09",
        contractType: "open-ended",
        schedule: "full-time"
      })
      const placements = yield* JobCenter.listPlacements(kim, { startedFrom: "2026-03-01", startedTo: "2026-03-31" })
      expect([placements.total, placements.items.map((row) => row.value.seekerId)]).toEqual([1, [hong]])
      const entries = yield* log.list(district)
      expect([entries.at(-1)!.subjectId, entries.at(-1)!.purpose]).toEqual([hong, "placement.list"])
      expect((yield* JobCenter.listPlacements(kim, { counselorId: "counselor-02" })).total).toBe(0)
      const backwards = yield* Effect.flip(JobCenter.listPlacements(kim, { startedFrom: "2026-03-31", startedTo: "2026-03-01" }))
      expect(backwards._tag === "ValidationError" && backwards.issues.map((i) => [i.path, i.message.includes("시작일")])).toEqual([
        ["startedTo", true]
      ])
    }).pipe(Effect.provide(TestLayer)))
})
