/**
 * The shared suite every storage backend must pass: memory, SQLite and
 * PostgreSQL may not differ in behaviour.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  Audit,
  BusinessCalendar,
  Cafes,
  CenterSettings,
  Erasure,
  FollowUp,
  Events,
  Idempotency,
  type Ids,
  JobCenter,
  MonitoringDecision,
  Outbox,
  Repositories,
  Seeker
} from "@iljari/core"
import { Clock, DateTime, Effect, Either, Exit, FastCheck as fc, Redacted, Schema, TestClock } from "effect"
import { counselorInput, employerInput, openingInput, seekerInput } from "../../Fixtures.js"
import { type Backend, layerOf, type Ports } from "./backend.js"
import {
  Counseling,
  Counselor,
  DiscoveryVisit,
  Employer,
  Opening,
  Outreach,
  Partner,
  Placement,
  PsychTest,
  Referral,
  ResultCounts,
  StudyRooms,
  Survey,
  SurveyLink
} from "@iljari/core"

// The error of a failed Either, or a test failure that shows the value.
const left = <A, E>(result: Either.Either<A, E>): E => {
  if (Either.isRight(result)) throw new Error(`expected an error, got ${JSON.stringify(result.right)}`)
  return result.left
}

const A = "11200" as Ids.DistrictId
const B = "11215" as Ids.DistrictId

const seeker = (id: string, district: Ids.DistrictId = A, patch: Record<string, unknown> = {}) =>
  Either.getOrThrow(Seeker.decodeEither({ ...seekerInput, ...patch, id, districtId: district }))
const employer = (id: string, district: Ids.DistrictId = A) =>
  Either.getOrThrow(Employer.decodeEither({ ...employerInput, id, districtId: district }))
const opening = (id: string, employerId: string, district: Ids.DistrictId = A) =>
  Either.getOrThrow(Opening.decodeEither({ ...openingInput, id, employerId, districtId: district }))
const counselor = (id: string, district: Ids.DistrictId = A) =>
  Either.getOrThrow(Counselor.decodeEither({ ...counselorInput, id, districtId: district }))

// A placement through referral `referralId`, or a self-found one without it.
const placement = (id: string, referralId?: string, district: Ids.DistrictId = A) =>
  new Placement.Placement({
    id: id as Ids.PlacementId,
    districtId: district,
    seekerId: "s1" as Ids.SeekerId,
    employerId: "e1" as Ids.EmployerId,
    ...(referralId === undefined
      ? { verification: "self-found", countsForCenter: false }
      : { referralId: referralId as Ids.ReferralId, openingId: "o1" as Ids.OpeningId, verification: "center-referral", countsForCenter: true }),
    counselorId: "counselor-01" as Ids.CounselorId,
    startOn: "2026-03-09" as never,
    recordedOn: "2026-03-09" as never,
    contractType: "open-ended",
    schedule: "full-time"
  })

// A placement of one seeker by one counselor, starting on a day.
const placementOf = (id: string, seekerId: string, counselorId: string, startOn: string, district: Ids.DistrictId = A) =>
  new Placement.Placement({
    ...placement(id, undefined, district),
    seekerId: seekerId as Ids.SeekerId,
    counselorId: counselorId as Ids.CounselorId,
    startOn: startOn as never
  })

// A referral proposed on a day, then moved along `steps` a day apart.
const referralOf = (
  id: string,
  on: string,
  ids: { readonly seekerId: string; readonly openingId: string; readonly counselorId: string },
  steps: ReadonlyArray<Referral.ReferralStatus> = [],
  district: Ids.DistrictId = A
) => {
  const by = ids.counselorId as Ids.CounselorId
  const day = (n: number) => DateTime.formatIsoDate(DateTime.add(DateTime.unsafeMake(on), { days: n })) as never
  return new Referral.Referral({
    id: id as Ids.ReferralId,
    districtId: district,
    seekerId: ids.seekerId as Ids.SeekerId,
    openingId: ids.openingId as Ids.OpeningId,
    counselorId: by,
    status: steps.at(-1) ?? "proposed",
    history: [{ status: "proposed", on: day(0), by }, ...steps.map((status, i) => ({ status, on: day(i + 1), by }))]
  })
}

const criteria = Schema.decodeUnknownSync(Seeker.SearchCriteria)
const employerCriteria = Schema.decodeUnknownSync(Employer.EmployerCriteria)
const openingCriteria = Schema.decodeUnknownSync(Opening.OpeningCriteria)

const auditEntry = (id: string, district: Ids.DistrictId, subjectId: string) =>
  new Audit.AuditEntry({
    id: id as Ids.AuditEntryId,
    districtId: district,
    at: DateTime.unsafeMake("2026-03-02T01:00:00Z"),
    actor: "counselor-01" as Ids.CounselorId,
    action: "read",
    subjectKind: "seeker",
    subjectId,
    purpose: "seeker.get"
  })

const message = (id: string, key: string, district: Ids.DistrictId = A) =>
  new Outbox.OutboxMessage({
    id: id as Ids.MessageId,
    districtId: district,
    createdAt: DateTime.unsafeMake("2026-03-02T01:00:00Z"),
    idempotencyKey: key,
    recipient: { kind: "seeker", id: "s1" },
    channel: "sms",
    purpose: "service",
    urgent: false,
    template: "follow-up-schedule",
    params: { firstCheck: "2026-04-08" },
    status: "pending",
    attempts: 0
  })

export const sharedSuite = (backend: Backend) => {
  const run = <A, E>(effect: Effect.Effect<A, E, Ports>) =>
    Effect.provide(effect, layerOf(backend))

  describe(`storage ports on ${backend.name}`, () => {
    it.effect("stores, reads, lists in id order and versions a record", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.SeekerRepository
        const first = yield* repo.insert(seeker("s2"))
        yield* repo.insert(seeker("s1", A, { name: "이서연", contact: {}, birthDate: "1990-01-01" }))
        expect(first.version).toBe(1)
        const got = yield* repo.get(A, "s2" as Ids.SeekerId)
        expect(got.value).toEqual(seeker("s2"))
        expect((yield* repo.list(A)).map((r) => r.value.id)).toEqual(["s1", "s2"])
        expect((yield* repo.list(A, { offset: 1, limit: 5 })).map((r) => r.value.id)).toEqual(["s2"])
        expect((yield* repo.list(A, { limit: 1 })).map((r) => r.value.id)).toEqual(["s1"])
        const updated = yield* repo.update(seeker("s2", A, { careerMonths: 12 }), 1)
        expect(updated.version).toBe(2)
        expect((yield* repo.get(A, "s2" as Ids.SeekerId)).value.careerMonths).toBe(12)
      })))

    it.effect("reports a missing record, a taken id and a stale version", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.EmployerRepository
        yield* repo.insert(employer("e1"))
        expect(yield* Effect.flip(repo.get(A, "nope" as Ids.EmployerId))).toMatchObject({ _tag: "NotFound", kind: "employer", id: "nope" })
        expect(yield* Effect.flip(repo.insert(employer("e1")))).toMatchObject({ _tag: "DuplicateId", id: "e1" })
        yield* repo.update(employer("e1"), 1)
        expect(yield* Effect.flip(repo.update(employer("e1"), 1))).toMatchObject({ _tag: "StaleVersion", expected: 1, actual: 2 })
        expect(yield* Effect.flip(repo.update(employer("e9"), 1))).toMatchObject({ _tag: "NotFound", id: "e9" })
      })))

    it.effect("finds possible duplicate seekers by name and phone or name and birth date", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.SeekerRepository
        yield* repo.insert(seeker("s1"))
        yield* repo.insert(seeker("s2", A, { contact: {}, birthDate: "1970-01-01" }))
        yield* repo.insert(seeker("s3", A, { name: "이서연" }))
        const byPhone = yield* repo.findPossibleDuplicates(A, {
          name: "김민수",
          phone: "010-1234-5678" as never,
          birthDate: "1999-09-09" as never
        })
        expect(byPhone.map((r) => r.value.id)).toEqual(["s1"])
        const byBirth = yield* repo.findPossibleDuplicates(A, { name: "김민수", birthDate: "1970-01-01" as never })
        expect(byBirth.map((r) => r.value.id)).toEqual(["s2"])
      })))

    it.effect("answers every finder the ports declare", () =>
      run(Effect.gen(function*() {
        yield* Effect.flatMap(Repositories.EmployerRepository, (r) => r.insert(employer("e1")))
        const openings = yield* Repositories.OpeningRepository
        yield* openings.insert(opening("o1", "e1"))
        yield* openings.insert(opening("o2", "e2"))
        expect((yield* openings.listByEmployer(A, "e1" as Ids.EmployerId)).map((r) => r.value.id)).toEqual(["o1"])
        const counselors = yield* Repositories.CounselorRepository
        yield* counselors.insert(counselor("c1"))
        expect((yield* counselors.list(A)).map((r) => r.value.name)).toEqual(["박상담"])
        // A caseload: the seekers a counselor is responsible for, in this district only.
        const seekers = yield* Repositories.SeekerRepository
        yield* seekers.insert(seeker("s3", A, { counselorId: "c1", status: "referred" }))
        yield* seekers.insert(seeker("s1", A, { counselorId: "c1", name: "이서연", contact: {}, birthDate: "1990-01-01" }))
        yield* seekers.insert(seeker("s2", A, { name: "최민수", contact: {}, birthDate: "1991-01-01" }))
        yield* seekers.insert(seeker("s4", B, { counselorId: "c1" }))
        const caseload = yield* seekers.listByCounselor(A, "c1" as Ids.CounselorId)
        expect(caseload.map((r) => [r.value.id, r.value.status])).toEqual([["s1", "registered"], ["s3", "referred"]])
        expect((yield* seekers.listByCounselor(A, "c1" as Ids.CounselorId, { limit: 1, offset: 1 })).map((r) => r.value.id)).toEqual(["s3"])
        // Moving a seeker to another caseload moves them in the list too.
        const s3 = yield* seekers.get(A, "s3" as Ids.SeekerId)
        yield* seekers.update(seeker("s3", A, { counselorId: "c2", status: "referred" }), s3.version)
        expect((yield* seekers.listByCounselor(A, "c1" as Ids.CounselorId)).map((r) => r.value.id)).toEqual(["s1"])
      })))

    it.effect("gets many records at once: those of the district asked for, each once, skipping missing ids and other districts'", () =>
      run(Effect.gen(function*() {
        const seekers = yield* Repositories.SeekerRepository
        yield* seekers.insert(seeker("s1"))
        yield* seekers.insert(seeker("s2", A, { name: "이서연", contact: {}, birthDate: "1990-01-01" }))
        yield* seekers.insert(seeker("s3", A, { name: "최민수", contact: {}, birthDate: "1991-01-01" }))
        yield* seekers.update(seeker("s3", A, { name: "최민수", contact: {}, birthDate: "1991-01-01", careerMonths: 12 }), 1)
        // Another district's s2 and s4: same ids, never returned to A.
        yield* seekers.insert(seeker("s2", B, { name: "박광진", contact: {}, birthDate: "1980-01-01" }))
        yield* seekers.insert(seeker("s4", B))
        const got = (district: Ids.DistrictId, ids: Iterable<string>) =>
          Effect.map(
            seekers.getMany(district, ids as Iterable<Ids.SeekerId>),
            (rows) => [...rows].sort((a, b) => a.value.id.localeCompare(b.value.id))
          )
        const many = yield* got(A, ["s3", "nope", "s1", "s4", "s1"])
        expect(many).toEqual([
          { value: seeker("s1"), version: 1 },
          { value: seeker("s3", A, { name: "최민수", contact: {}, birthDate: "1991-01-01", careerMonths: 12 }), version: 2 }
        ])
        expect(yield* got(A, [])).toEqual([])
        expect(yield* got(A, ["nope"])).toEqual([])
        // Any iterable, read once (a Set's values, a Map's keys).
        expect((yield* got(A, new Map([["s2", 1], ["s1", 2]]).keys())).map((r) => r.value.id)).toEqual(["s1", "s2"])
        expect((yield* got(B, new Set(["s1", "s2", "s3", "s4"]))).map((r) => [r.value.id, r.value.name])).toEqual([
          ["s2", "박광진"],
          ["s4", "김민수"]
        ])
        // A list longer than any database binds in one statement: found wherever the ids sit in it.
        const ids = Array.from({ length: 70_000 }, (_, i) => `x${i}`)
        ids[0] = "s1"
        ids[35_000] = "s2"
        ids[69_999] = "s3"
        expect((yield* got(A, ids)).map((r) => r.value.id)).toEqual(["s1", "s2", "s3"])
        // Every store has it, the placements' (whose insert is its own) too.
        const placements = yield* Repositories.PlacementRepository
        yield* placements.insert(placement("p1", "r1"))
        yield* placements.insert(placement("p2"))
        yield* placements.insert(placement("p3", "r3", B))
        expect((yield* placements.getMany(A, ["p2", "p3", "p1"] as Array<Ids.PlacementId>)).map((r) => r.value.id).sort())
          .toEqual(["p1", "p2"])
      })))

    it.effect("counts a period's results by its first and last days, a registration by its date in Korea, in the district only", () =>
      run(Effect.gen(function*() {
        const seekers = yield* Repositories.SeekerRepository
        const registered = (id: string, at: string, district: Ids.DistrictId = A) =>
          seekers.insert(seeker(id, district, { name: `구직자${id}`, contact: {}, birthDate: "1990-01-01", registeredAt: at }))
        yield* registered("s1", "2026-02-28T14:59:59.000Z") // 2026-02-28 23:59:59 KST
        yield* registered("s2", "2026-02-28T15:00:00.000Z") // 2026-03-01 00:00 KST: February 28 in UTC
        yield* registered("s3", "2026-03-01T14:30:00.000Z") // 2026-03-01 23:30 KST
        yield* registered("s4", "2026-03-31T14:59:59.000Z") // 2026-03-31 23:59:59 KST
        yield* registered("s5", "2026-03-31T15:00:00.000Z") // 2026-04-01 00:00 KST: March 31 in UTC
        yield* registered("s6", "2026-03-15T01:00:00.000Z", B)

        const openings = yield* Repositories.OpeningRepository
        const opened = (id: string, on: string, district: Ids.DistrictId = A) =>
          openings.insert(Either.getOrThrow(Opening.decodeEither({
            ...openingInput,
            id,
            districtId: district,
            openedOn: on,
            closesOn: "2026-12-31"
          })))
        yield* opened("o1", "2026-02-28")
        yield* opened("o2", "2026-03-01")
        yield* opened("o3", "2026-03-31")
        yield* opened("o4", "2026-04-01")
        yield* opened("o5", "2026-03-15", B)

        // Through a referral (counting for the center) or self-found (not counting).
        const placements = yield* Repositories.PlacementRepository
        const started = (id: string, on: string, counts: boolean, district: Ids.DistrictId = A) =>
          placements.insert(new Placement.Placement({ ...placement(id, counts ? `r-${id}` : undefined, district), startOn: on as never }))
        yield* started("p1", "2026-02-28", true)
        yield* started("p2", "2026-03-01", true)
        yield* started("p3", "2026-03-31", true)
        yield* started("p4", "2026-03-31", false)
        yield* started("p5", "2026-04-01", true)
        yield* started("p6", "2026-03-15", true, B)

        const counselings = yield* Repositories.CounselingRepository
        const held = (id: string, on: string, district: Ids.DistrictId = A) =>
          counselings.insert(new Counseling.Counseling({
            id: id as Ids.CounselingId,
            districtId: district,
            seekerId: "s1" as Ids.SeekerId,
            counselorId: "counselor-01" as Ids.CounselorId,
            heldOn: on as never,
            channel: "visit"
          }))
        yield* held("c1", "2026-02-28")
        yield* held("c2", "2026-03-01")
        yield* held("c3", "2026-03-01")
        yield* held("c4", "2026-03-31")
        yield* held("c5", "2026-04-01")
        yield* held("c6", "2026-03-15", B)

        const port = yield* ResultCounts.ResultCounts
        const counted = (from: string, to: string, district: Ids.DistrictId = A) =>
          port.count(district, { from: from as never, to: to as never })
        expect(yield* counted("2026-03-01", "2026-03-31")).toEqual({ seekers: 3, openings: 2, placements: 2, counseling: 3 })
        expect(yield* counted("2026-03-01", "2026-03-01")).toEqual({ seekers: 2, openings: 1, placements: 1, counseling: 2 })
        expect(yield* counted("2026-03-31", "2026-03-31")).toEqual({ seekers: 1, openings: 1, placements: 1, counseling: 1 })
        expect(yield* counted("2026-02-28", "2026-02-28")).toEqual({ seekers: 1, openings: 1, placements: 1, counseling: 1 })
        expect(yield* counted("2026-04-01", "2026-04-30")).toEqual({ seekers: 1, openings: 1, placements: 1, counseling: 1 })
        expect(yield* counted("2026-02-01", "2026-04-30")).toEqual({ seekers: 5, openings: 4, placements: 4, counseling: 5 })
        expect(yield* counted("2026-05-01", "2026-05-31")).toEqual({ seekers: 0, openings: 0, placements: 0, counseling: 0 })
        expect(yield* counted("2026-03-01", "2026-03-31", B)).toEqual({ seekers: 1, openings: 1, placements: 1, counseling: 1 })
        // The use case reads the port.
        const actor: JobCenter.Actor = { districtId: A, counselorId: "counselor-01" as Ids.CounselorId }
        expect(yield* JobCenter.results(actor, { from: "2026-03-01" as never, to: "2026-03-31" as never }))
          .toEqual({ seekers: 3, openings: 2, placements: 2, counseling: 3 })
        // A registration moved to another day by an update is counted on its new day.
        yield* seekers.update(
          seeker("s3", A, { name: "구직자s3", contact: {}, birthDate: "1990-01-01", registeredAt: "2026-04-30T15:00:00.000Z" }),
          1
        )
        expect((yield* counted("2026-03-01", "2026-03-31")).seekers).toBe(2)
        expect((yield* counted("2026-05-01", "2026-05-01")).seekers).toBe(1)
      })))

    it.effect("searches seekers by name in syllables, 초성 or both, by phone tail, status and counselor, in the district only", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.SeekerRepository
        yield* repo.insert(seeker("s1", A, { name: "홍길동", contact: { phone: "010-1111-5678" }, counselorId: "c1" }))
        yield* repo.insert(seeker("s2", A, { name: "홍길순", contact: { phone: "010-2222-5678" }, counselorId: "c2", status: "referred" }))
        yield* repo.insert(seeker("s3", A, { name: "김길동", contact: {}, birthDate: "1970-01-01", counselorId: "c1" }))
        yield* repo.insert(seeker("s4", A, { name: "이서연", contact: { phone: "010-3333-1234" } }))
        yield* repo.insert(seeker("s5", B, { name: "홍길동", contact: { phone: "010-1111-5678" }, counselorId: "c1" }))
        const found = (input: object, district: Ids.DistrictId = A) =>
          Effect.map(repo.search(district, criteria(input)), ({ items, total }) => {
            expect(total).toBe(items.length)
            return items.map((row) => row.value.id)
          })
        expect(yield* found({ name: "ㅎㄱㄷ" })).toEqual(["s1"])
        expect(yield* found({ name: "ㄱㄷ" })).toEqual(["s3", "s1"])
        expect(yield* found({ name: "길동" })).toEqual(["s3", "s1"])
        expect(yield* found({ name: "홍ㄱ" })).toEqual(["s1", "s2"])
        expect(yield* found({ name: "ㅎ길ㅅ" })).toEqual(["s2"])
        expect(yield* found({ name: "ㅍㄱ" })).toEqual([])
        expect(yield* found({ phoneTail: "5678" })).toEqual(["s1", "s2"])
        expect(yield* found({ phoneTail: "1111" })).toEqual([])
        expect(yield* found({ status: "referred" })).toEqual(["s2"])
        expect(yield* found({ counselorId: "c1" })).toEqual(["s3", "s1"])
        expect(yield* found({ name: "ㅎㄱ", phoneTail: "5678", counselorId: "c1" })).toEqual(["s1"])
        expect(yield* found({})).toEqual(["s3", "s4", "s1", "s2"])
        // Another district's 홍길동 is found there, never here.
        expect(yield* found({ name: "ㅎㄱㄷ" }, B)).toEqual(["s5"])
        expect(yield* found({ phoneTail: "5678", counselorId: "c1" }, B)).toEqual(["s5"])
      })))

    it.effect("sorts a seeker search by name, registration time or id, either way, and pages it with the total", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.SeekerRepository
        const at = (name: string, registeredAt: string) => ({ name, registeredAt, contact: {} })
        yield* repo.insert(seeker("s1", A, at("나", "2026-03-03T01:00:00.000Z")))
        yield* repo.insert(seeker("s2", A, at("가", "2026-03-01T09:00:00.000Z")))
        yield* repo.insert(seeker("s3", A, at("다", "2026-03-02T01:00:00.000Z")))
        yield* repo.insert(seeker("s4", A, at("가", "2026-03-02T01:00:00.000Z")))
        // Byte order, as in memory: capitals before small letters, Latin before Hangul.
        yield* repo.insert(seeker("s5", A, at("kim", "2026-03-01T01:00:00.000Z")))
        yield* repo.insert(seeker("s6", A, at("Lee", "2026-03-01T09:00:00.000Z")))
        const sorted = (input: object, page?: Repositories.Page) =>
          Effect.map(repo.search(A, criteria(input), page), ({ items, total }) => ({ ids: items.map((row) => row.value.id), total }))
        const all = (ids: ReadonlyArray<string>) => ({ ids, total: 6 })
        expect(yield* sorted({})).toEqual(all(["s6", "s5", "s2", "s4", "s1", "s3"]))
        expect(yield* sorted({ sort: "name", order: "desc" })).toEqual(all(["s3", "s1", "s4", "s2", "s5", "s6"]))
        expect(yield* sorted({ sort: "registeredAt" })).toEqual(all(["s5", "s2", "s6", "s3", "s4", "s1"]))
        expect(yield* sorted({ sort: "registeredAt", order: "desc" })).toEqual(all(["s1", "s4", "s3", "s6", "s2", "s5"]))
        expect(yield* sorted({ sort: "id", order: "desc" })).toEqual(all(["s6", "s5", "s4", "s3", "s2", "s1"]))
        expect(yield* sorted({}, { offset: 1, limit: 2 })).toEqual(all(["s5", "s2"]))
        expect(yield* sorted({ name: "ㄱ" }, { offset: 1, limit: 5 })).toEqual({ ids: ["s4"], total: 2 })
        expect(yield* sorted({}, { offset: 10, limit: 5 })).toEqual(all([]))
      })))

    it.effect("searches employers by name in syllables, 초성, letters or signs, sorts them either way and pages them, in the district only", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.EmployerRepository
        const at = (id: string, name: string, registeredAt: string, district: Ids.DistrictId = A) =>
          Either.getOrThrow(Employer.decodeEither({ ...employerInput, id, districtId: district, name, registeredAt }))
        yield* repo.insert(at("e1", "성수디지털(주)", "2026-03-02T01:00:00.000Z"))
        yield* repo.insert(at("e2", "Sungsu Labs", "2026-03-01T09:00:00.000Z"))
        yield* repo.insert(at("e3", "한강 물류", "2026-03-02T01:00:00.000Z"))
        yield* repo.insert(at("e4", "100% 한우", "2026-03-03T01:00:00.000Z"))
        yield* repo.insert(at("e5", "성수디지털(주)", "2026-03-02T01:00:00.000Z", B))
        const searched = (input: object, page?: Repositories.Page, district: Ids.DistrictId = A) =>
          Effect.map(
            repo.search(district, employerCriteria(input), page),
            ({ items, total }) => ({ ids: items.map((row) => row.value.id), total })
          )
        const found = (input: object, district: Ids.DistrictId = A) =>
          Effect.map(searched(input, undefined, district), ({ ids, total }) => {
            expect(total).toBe(ids.length)
            return ids
          })
        expect(yield* found({ name: "ㅅㅅㄷㅈㅌ" })).toEqual(["e1"])
        expect(yield* found({ name: "디지털" })).toEqual(["e1"])
        expect(yield* found({ name: "ㅅㅅ디" })).toEqual(["e1"])
        expect(yield* found({ name: "(주)" })).toEqual(["e1"])
        expect(yield* found({ name: " sungsu LAB " })).toEqual(["e2"])
        expect(yield* found({ name: "강물" })).toEqual(["e3"])
        expect(yield* found({ name: "ㅎㄱ" })).toEqual(["e3"])
        expect(yield* found({ name: "ㅎ" })).toEqual(["e4", "e3"])
        // A sign is itself, never a wildcard.
        expect(yield* found({ name: "%" })).toEqual(["e4"])
        expect(yield* found({ name: "_" })).toEqual([])
        expect(yield* found({ name: "ㅍㄱ" })).toEqual([])
        // Byte order, as in memory: digits, then Latin, then Hangul.
        const all = (ids: ReadonlyArray<string>) => ({ ids, total: 4 })
        expect(yield* searched({})).toEqual(all(["e4", "e2", "e1", "e3"]))
        expect(yield* searched({ sort: "name", order: "desc" })).toEqual(all(["e3", "e1", "e2", "e4"]))
        expect(yield* searched({ sort: "registeredAt" })).toEqual(all(["e2", "e1", "e3", "e4"]))
        expect(yield* searched({ sort: "registeredAt", order: "desc" })).toEqual(all(["e4", "e3", "e1", "e2"]))
        expect(yield* searched({}, { offset: 1, limit: 2 })).toEqual(all(["e2", "e1"]))
        expect(yield* searched({ name: "ㅎ" }, { offset: 1, limit: 5 })).toEqual({ ids: ["e3"], total: 2 })
        expect(yield* searched({}, { offset: 10, limit: 5 })).toEqual(all([]))
        // Another district's 성수디지털 is found there, never here.
        expect(yield* found({ name: "ㅅㅅㄷㅈㅌ" }, B)).toEqual(["e5"])
        expect(yield* found({}, B)).toEqual(["e5"])
        // A new name is found, the old one no longer.
        yield* repo.update(at("e1", "성수 테크", "2026-03-02T01:00:00.000Z"), 1)
        expect(yield* found({ name: "ㅅㅅㄷㅈㅌ" })).toEqual([])
        expect(yield* found({ name: "ㅅㅅㅌ" })).toEqual(["e1"])
      })))

    it.effect("searches openings by title in syllables, 초성 or letters, status and employer, sorts them either way and pages them, in the district only", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.OpeningRepository
        const posted = (
          id: string,
          employerId: string,
          title: string,
          status: string,
          openedOn: string,
          district: Ids.DistrictId = A
        ) =>
          Either.getOrThrow(Opening.decodeEither({
            ...openingInput,
            id,
            employerId,
            districtId: district,
            title,
            status,
            openedOn,
            closesOn: "2026-12-31"
          }))
        yield* repo.insert(posted("o1", "e1", "웹디자이너 채용", "open", "2026-03-02"))
        yield* repo.insert(posted("o2", "e1", "Web Designer", "filled", "2026-03-01"))
        yield* repo.insert(posted("o3", "e2", "물류센터 상하차", "open", "2026-03-03"))
        yield* repo.insert(posted("o4", "e2", "웹 개발자", "closed", "2026-03-02"))
        yield* repo.insert(posted("o5", "e1", "웹디자이너 채용", "open", "2026-03-02", B))
        const searched = (input: object, page?: Repositories.Page, district: Ids.DistrictId = A) =>
          Effect.map(
            repo.search(district, openingCriteria(input), page),
            ({ items, total }) => ({ ids: items.map((row) => row.value.id), total })
          )
        const found = (input: object, district: Ids.DistrictId = A) =>
          Effect.map(searched(input, undefined, district), ({ ids, total }) => {
            expect(total).toBe(ids.length)
            return ids
          })
        // The newest first by default, ties by id the same way.
        expect(yield* found({})).toEqual(["o3", "o4", "o1", "o2"])
        expect(yield* found({ title: "ㅇㄷㅈㅇㄴ" })).toEqual(["o1"])
        expect(yield* found({ title: "웹" })).toEqual(["o4", "o1"])
        expect(yield* found({ title: "웹개발" })).toEqual(["o4"])
        expect(yield* found({ title: "ㅇㄱ" })).toEqual(["o4"])
        expect(yield* found({ title: "web d" })).toEqual(["o2"])
        expect(yield* found({ title: "ㅍㄱ" })).toEqual([])
        expect(yield* found({ status: "open" })).toEqual(["o3", "o1"])
        expect(yield* found({ employerId: "e2" })).toEqual(["o3", "o4"])
        expect(yield* found({ title: "웹", status: "open", employerId: "e1" })).toEqual(["o1"])
        expect(yield* found({ employerId: "e9" })).toEqual([])
        const all = (ids: ReadonlyArray<string>) => ({ ids, total: 4 })
        expect(yield* searched({ order: "asc" })).toEqual(all(["o2", "o1", "o4", "o3"]))
        // Byte order, as in memory: Latin before Hangul, a space before a syllable.
        expect(yield* searched({ sort: "title", order: "asc" })).toEqual(all(["o2", "o3", "o4", "o1"]))
        expect(yield* searched({ sort: "title" })).toEqual(all(["o1", "o4", "o3", "o2"]))
        expect(yield* searched({}, { offset: 1, limit: 2 })).toEqual(all(["o4", "o1"]))
        expect(yield* searched({ title: "웹" }, { offset: 1, limit: 5 })).toEqual({ ids: ["o1"], total: 2 })
        expect(yield* searched({}, { offset: 10, limit: 5 })).toEqual(all([]))
        // Another district's opening is found there, never here.
        expect(yield* found({ title: "ㅇㄷㅈㅇㄴ" }, B)).toEqual(["o5"])
        expect(yield* found({ status: "filled" }, B)).toEqual([])
        // A new title and status are found, the old ones no longer.
        yield* repo.update(posted("o1", "e1", "간호조무사", "closed", "2026-03-02"), 1)
        expect(yield* found({ title: "ㅇㄷㅈㅇㄴ" })).toEqual([])
        expect(yield* found({ title: "ㄱㅎㅈ" })).toEqual(["o1"])
        expect(yield* found({ status: "open" })).toEqual(["o3"])
      })))

    it.effect("lists the seekers who share a name and birth date or a name and phone with another, as sharingIdentity does", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.SeekerRepository
        const people = [
          seeker("s1", A, { name: "김하나", birthDate: "1990-01-01", contact: { phone: "010-1111-0001" } }),
          seeker("s2", A, { name: "김하나", birthDate: "1990-01-01", contact: {} }), // s1's name and birth date
          seeker("s3", A, { name: "이두리", birthDate: "1985-05-05", contact: { phone: "010-2222-0002" } }),
          seeker("s4", A, { name: "이두리", birthDate: "1986-06-06", contact: { phone: "010-2222-0002" } }), // s3's name and phone
          seeker("s5", A, { name: "박세찌", birthDate: "1985-05-05", contact: { phone: "010-2222-0002" } }), // another name
          seeker("s6", A, { name: "최넷", birthDate: "1970-01-01", contact: {} }),
          seeker("s7", B, { name: "최넷", birthDate: "1970-01-01", contact: {} }), // another district
          // Two erased seekers of one birth year: one name, one birth date, nobody's repeat.
          Seeker.anonymise(seeker("s8", A, { name: "정다섯", birthDate: "1980-03-03" }), "2026-01-05" as never),
          Seeker.anonymise(seeker("s9", A, { name: "한여섯", birthDate: "1980-07-07" }), "2026-01-05" as never)
        ]
        for (const person of people) yield* repo.insert(person)
        const listed = (yield* repo.listPossibleDuplicates(A)).map((row) => row.value.id)
        expect(listed).toEqual(["s1", "s2", "s3", "s4"])
        expect(listed).toEqual(Seeker.sharingIdentity(people.filter((p) => p.districtId === A)).map((p) => p.id))
        expect(yield* repo.listPossibleDuplicates(B)).toEqual([])
      })))

    it.effect("finds a seeker by their new name and phone after an update, and by nothing once erased", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
        const repo = yield* Repositories.SeekerRepository
        const found = (input: object) => Effect.map(repo.search(A, criteria(input)), ({ items }) => items.map((row) => row.value.id))
        yield* repo.insert(seeker("s1", A, { name: "홍길동", contact: { phone: "010-1111-5678" } }))
        yield* repo.update(seeker("s1", A, { name: "김철수", contact: { phone: "010-2222-4321" } }), 1)
        expect(yield* found({ name: "ㅎㄱㄷ" })).toEqual([])
        expect(yield* found({ phoneTail: "5678" })).toEqual([])
        expect(yield* found({ name: "ㄱㅊㅅ" })).toEqual(["s1"])
        expect(yield* found({ name: "철수", phoneTail: "4321" })).toEqual(["s1"])
        const actor: JobCenter.Actor = { districtId: A, counselorId: "counselor-01" as Ids.CounselorId }
        yield* Erasure.eraseSeeker(actor, "s1" as Ids.SeekerId, "subject-request")
        for (const input of [{ name: "ㄱㅊㅅ" }, { name: "철수" }, { phoneTail: "4321" }, { name: "ㅍㄱ" }, { name: "파기됨" }]) {
          expect(yield* found(input)).toEqual([])
        }
        // The record stays, for the figures.
        expect(yield* found({})).toEqual(["s1"])
      })))

    it.effect("lists referrals by status, counselor, seeker and opening, newest first, with the total", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.ReferralRepository
        const c1 = { seekerId: "s1", openingId: "o1", counselorId: "c1" }
        yield* repo.insert(referralOf("r1", "2026-03-02", c1))
        yield* repo.insert(referralOf("r2", "2026-03-05", { seekerId: "s2", openingId: "o1", counselorId: "c2" }, ["sent"]))
        yield* repo.insert(referralOf("r3", "2026-03-05", { ...c1, openingId: "o2" }, ["sent"]))
        yield* repo.insert(referralOf("r4", "2026-03-01", { ...c1, seekerId: "s3", openingId: "o2" }, ["withdrawn"]))
        yield* repo.insert(referralOf("r5", "2026-03-09", c1, [], B))
        const listed = (filter: Referral.Filter, page?: Repositories.Page, district: Ids.DistrictId = A) =>
          Effect.map(repo.search(district, filter, page), ({ items, total }) => ({ ids: items.map((row) => row.value.id), total }))
        const only = (ids: ReadonlyArray<string>) => ({ ids, total: ids.length })
        expect(yield* listed({})).toEqual(only(["r3", "r2", "r1", "r4"]))
        expect(yield* listed({ status: "sent" })).toEqual(only(["r3", "r2"]))
        expect(yield* listed({ counselorId: "c1" as Ids.CounselorId })).toEqual(only(["r3", "r1", "r4"]))
        expect(yield* listed({ seekerId: "s1" as Ids.SeekerId })).toEqual(only(["r3", "r1"]))
        expect(yield* listed({ openingId: "o2" as Ids.OpeningId })).toEqual(only(["r3", "r4"]))
        expect(yield* listed({ status: "sent", counselorId: "c1" as Ids.CounselorId })).toEqual(only(["r3"]))
        expect(yield* listed({}, { offset: 1, limit: 2 })).toEqual({ ids: ["r2", "r1"], total: 4 })
        expect(yield* listed({}, undefined, B)).toEqual(only(["r5"]))
        // A move changes the board.
        yield* repo.update(referralOf("r1", "2026-03-02", c1, ["sent"]), 1)
        expect(yield* listed({ status: "sent" })).toEqual(only(["r3", "r2", "r1"]))
        expect(yield* listed({ status: "proposed" })).toEqual(only([]))
      })))

    it.effect("lists placements by counselor, seeker and start dates (both included), newest first, with the total", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.PlacementRepository
        yield* repo.insert(placementOf("p1", "s1", "c1", "2026-03-09"))
        yield* repo.insert(placementOf("p2", "s2", "c2", "2026-03-02"))
        yield* repo.insert(placementOf("p3", "s3", "c1", "2026-03-09"))
        yield* repo.insert(placementOf("p4", "s1", "c2", "2026-04-01"))
        yield* repo.insert(placementOf("p5", "s1", "c1", "2026-03-09", B))
        const listed = (input: object, page?: Repositories.Page) =>
          Effect.map(
            repo.search(A, Schema.decodeUnknownSync(Placement.Filter)(input), page),
            ({ items, total }) => ({ ids: items.map((row) => row.value.id), total })
          )
        const only = (ids: ReadonlyArray<string>) => ({ ids, total: ids.length })
        expect(yield* listed({})).toEqual(only(["p4", "p3", "p1", "p2"]))
        expect(yield* listed({ counselorId: "c1" })).toEqual(only(["p3", "p1"]))
        expect(yield* listed({ seekerId: "s1" })).toEqual(only(["p4", "p1"]))
        expect(yield* listed({ startedFrom: "2026-03-02", startedTo: "2026-03-09" })).toEqual(only(["p3", "p1", "p2"]))
        expect(yield* listed({ startedFrom: "2026-03-03" })).toEqual(only(["p4", "p3", "p1"]))
        expect(yield* listed({ startedTo: "2026-03-08", counselorId: "c2" })).toEqual(only(["p2"]))
        expect(yield* listed({}, { offset: 2, limit: 5 })).toEqual({ ids: ["p1", "p2"], total: 4 })
      })))

    it.effect("pages every search by keyset: after a record's sort key, wherever it now sorts, never another district's", () =>
      run(Effect.gen(function*() {
        const seekers = yield* Repositories.SeekerRepository
        const at = (name: string, registeredAt: string) => ({ name, registeredAt, contact: {} })
        yield* seekers.insert(seeker("s1", A, at("나", "2026-03-03T01:00:00.000Z")))
        yield* seekers.insert(seeker("s2", A, at("가", "2026-03-01T09:00:00.000Z")))
        yield* seekers.insert(seeker("s3", A, at("다", "2026-03-02T01:00:00.000Z")))
        yield* seekers.insert(seeker("s4", A, at("가", "2026-03-02T01:00:00.000Z")))
        yield* seekers.insert(seeker("s5", A, at("kim", "2026-03-01T01:00:00.000Z")))
        yield* seekers.insert(seeker("s6", A, at("Lee", "2026-03-01T09:00:00.000Z")))
        yield* seekers.insert(seeker("s7", B, at("가", "2026-03-01T01:00:00.000Z")))
        const after = (input: object, page: Repositories.Page) =>
          Effect.map(seekers.search(A, criteria(input), page), ({ items, total }) => ({ ids: items.map((row) => row.value.id), total }))
        const all = (ids: ReadonlyArray<string>) => ({ ids, total: 6 })
        // By name: s6, s5, s2, s4, s1, s3 — the two 가 apart by id.
        expect(yield* after({}, { after: "s5", limit: 2 })).toEqual(all(["s2", "s4"]))
        expect(yield* after({}, { after: "s2", limit: 2 })).toEqual(all(["s4", "s1"]))
        expect(yield* after({}, { after: "s3", limit: 2 })).toEqual(all([]))
        expect(yield* after({ sort: "name", order: "desc" }, { after: "s4" })).toEqual(all(["s2", "s5", "s6"]))
        expect(yield* after({ sort: "registeredAt" }, { after: "s6", limit: 2 })).toEqual(all(["s3", "s4"]))
        expect(yield* after({ sort: "registeredAt", order: "desc" }, { after: "s4" })).toEqual(all(["s3", "s6", "s2", "s5"]))
        expect(yield* after({ sort: "id", order: "desc" }, { after: "s4" })).toEqual(all(["s3", "s2", "s1"]))
        expect(yield* after({}, { after: "s5", offset: 1, limit: 2 })).toEqual(all(["s4", "s1"]))
        // The record named need not pass the criteria: the page goes on from where it sorts.
        expect(yield* after({ name: "ㄱ" }, { after: "s5" })).toEqual({ ids: ["s2", "s4"], total: 2 })
        expect(yield* after({ name: "ㄱ" }, { after: "s1" })).toEqual({ ids: [], total: 2 })
        // A record renamed meanwhile sorts where its new name puts it.
        yield* seekers.update(seeker("s1", A, at("Aaron", "2026-03-03T01:00:00.000Z")), 1)
        expect(yield* after({}, { after: "s1", limit: 2 })).toEqual(all(["s6", "s5"]))
        // An id the district does not have — unknown, or another district's — pages nothing.
        expect(yield* after({}, { after: "s9" })).toEqual(all([]))
        expect(yield* after({}, { after: "s7" })).toEqual(all([]))

        const referrals = yield* Repositories.ReferralRepository
        const c1 = { seekerId: "s1", openingId: "o1", counselorId: "c1" }
        yield* referrals.insert(referralOf("r1", "2026-03-02", c1))
        yield* referrals.insert(referralOf("r2", "2026-03-05", { seekerId: "s2", openingId: "o1", counselorId: "c2" }, ["sent"]))
        yield* referrals.insert(referralOf("r3", "2026-03-05", { ...c1, openingId: "o2" }, ["sent"]))
        yield* referrals.insert(referralOf("r4", "2026-03-01", { ...c1, seekerId: "s3", openingId: "o2" }, ["withdrawn"]))
        yield* referrals.insert(referralOf("r5", "2026-03-09", c1, [], B))
        const referred = (filter: Referral.Filter, page: Repositories.Page) =>
          Effect.map(referrals.search(A, filter, page), ({ items, total }) => ({ ids: items.map((row) => row.value.id), total }))
        // Newest first: r3, r2, r1, r4.
        expect(yield* referred({}, { after: "r3", limit: 2 })).toEqual({ ids: ["r2", "r1"], total: 4 })
        expect(yield* referred({}, { after: "r1", limit: 2 })).toEqual({ ids: ["r4"], total: 4 })
        expect(yield* referred({ status: "sent" }, { after: "r3" })).toEqual({ ids: ["r2"], total: 2 })
        expect(yield* referred({ status: "sent" }, { after: "r1" })).toEqual({ ids: [], total: 2 })
        expect(yield* referred({}, { after: "r5" })).toEqual({ ids: [], total: 4 })

        const placements = yield* Repositories.PlacementRepository
        yield* placements.insert(placementOf("p1", "s1", "c1", "2026-03-09"))
        yield* placements.insert(placementOf("p2", "s2", "c2", "2026-03-02"))
        yield* placements.insert(placementOf("p3", "s3", "c1", "2026-03-09"))
        yield* placements.insert(placementOf("p4", "s1", "c2", "2026-04-01"))
        const placed = (input: object, page: Repositories.Page) =>
          Effect.map(
            placements.search(A, Schema.decodeUnknownSync(Placement.Filter)(input), page),
            ({ items, total }) => ({ ids: items.map((row) => row.value.id), total })
          )
        // The latest start first: p4, p3, p1, p2.
        expect(yield* placed({}, { after: "p3", limit: 1 })).toEqual({ ids: ["p1"], total: 4 })
        expect(yield* placed({ counselorId: "c1" }, { after: "p4" })).toEqual({ ids: ["p3", "p1"], total: 2 })
        expect(yield* placed({}, { after: "p2" })).toEqual({ ids: [], total: 4 })
      })))

    it.effect("pages the audit log by keyset: the entries written after one, never another district's", () =>
      run(Effect.gen(function*() {
        const audit = yield* Audit.AuditLog
        yield* audit.append(auditEntry("a2", A, "s1"))
        yield* audit.appendAll([auditEntry("a1", A, "s2"), auditEntry("a4", B, "s1")])
        yield* audit.append(auditEntry("a3", A, "s1"))
        yield* audit.append(auditEntry("a0", A, "s2"))
        const ids = (query: Audit.AuditQuery) => Effect.map(audit.list(A, query), (entries) => entries.map((e) => e.id))
        expect(yield* ids({ after: "a2" })).toEqual(["a1", "a3", "a0"])
        expect(yield* ids({ after: "a2", limit: 2 })).toEqual(["a1", "a3"])
        expect(yield* ids({ after: "a3" })).toEqual(["a0"])
        expect(yield* ids({ after: "a0" })).toEqual([])
        // The entry named need not match the query.
        expect(yield* ids({ after: "a1", subjectId: "s1" })).toEqual(["a3"])
        expect(yield* ids({ after: "a4" })).toEqual([])
        expect(yield* ids({ after: "a9" })).toEqual([])
      })))

    it.effect("keeps one placement per referral, however the inserts race", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.PlacementRepository
        yield* repo.insert(placement("p1", "r1"))
        expect(left(yield* Effect.either(repo.insert(placement("p2", "r1")))))
          .toMatchObject({ _tag: "AlreadyPlaced", referralId: "r1", placementId: "p1" })
        // Self-found jobs have no referral; another district's referral is its own.
        yield* repo.insert(placement("p3"))
        yield* repo.insert(placement("p4"))
        yield* repo.insert(placement("p5", "r1", B))
        const raced = yield* Effect.all(
          Array.from({ length: 20 }, (_, i) => Effect.either(repo.insert(placement(`q${String(i).padStart(2, "0")}`, "r2")))),
          { concurrency: "unbounded" }
        )
        expect(raced.filter(Either.isRight)).toHaveLength(1)
        expect(raced.filter(Either.isLeft).every((l) => l.left._tag === "AlreadyPlaced")).toBe(true)
        expect((yield* repo.list(A)).filter((r) => r.value.referralId === "r2")).toHaveLength(1)
        expect((yield* repo.list(A)).map((r) => r.value.id).filter((id) => !id.startsWith("q"))).toEqual(["p1", "p3", "p4"])
      })))

    it.effect("keeps one active referral per seeker and opening, however the inserts race", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.ReferralRepository
        const ids = { seekerId: "s1", openingId: "o1", counselorId: "c1" }
        yield* repo.insert(referralOf("r1", "2026-03-02", ids))
        expect(left(yield* Effect.either(repo.insert(referralOf("r2", "2026-03-03", ids, ["sent"])))))
          .toMatchObject({ _tag: "ActiveReferralExists", seekerId: "s1", openingId: "o1", referralId: "r1" })
        // Ended referrals do not count; another opening, seeker or district is its own.
        yield* repo.insert(referralOf("r3", "2026-01-02", ids, ["sent", "rejected"]))
        yield* repo.insert(referralOf("r4", "2026-01-02", ids, ["withdrawn"]))
        yield* repo.insert(referralOf("r5", "2026-03-02", { ...ids, openingId: "o2" }))
        yield* repo.insert(referralOf("r6", "2026-03-02", { ...ids, seekerId: "s2" }))
        yield* repo.insert(referralOf("r7", "2026-03-02", ids, [], B))
        // Once the active one ends, the seeker may be proposed again.
        const r1 = yield* repo.get(A, "r1" as Ids.ReferralId)
        yield* repo.update(referralOf("r1", "2026-03-02", ids, ["withdrawn"]), r1.version)
        yield* repo.insert(referralOf("r8", "2026-03-10", ids))
        const raced = yield* Effect.all(
          Array.from({ length: 20 }, (_, i) =>
            Effect.either(repo.insert(referralOf(`q${String(i).padStart(2, "0")}`, "2026-03-11", { ...ids, openingId: "o3" })))),
          { concurrency: "unbounded" }
        )
        expect(raced.filter(Either.isRight)).toHaveLength(1)
        expect(raced.filter(Either.isLeft).every((l) => l.left._tag === "ActiveReferralExists")).toBe(true)
        const active = (yield* repo.list(A)).filter((r) => Referral.isActive(r.value.status))
        expect(active.map((r) => `${r.value.seekerId}→${r.value.openingId}`).sort()).toEqual(["s1→o1", "s1→o2", "s1→o3", "s2→o1"])
      })))

    it.effect("proposes a seeker to an opening once while a referral is under way (the use case, 10 at once)", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
        const actor: JobCenter.Actor = { districtId: A, counselorId: "counselor-01" as Ids.CounselorId, caseload: "district" }
        const s = yield* Effect.flatMap(Repositories.SeekerRepository, (r) => r.insert(seeker("s1")))
        yield* Effect.flatMap(Repositories.EmployerRepository, (r) => r.insert(employer("e1")))
        const o = yield* Effect.flatMap(Repositories.OpeningRepository, (r) => r.insert(opening("o1", "e1")))
        const attempts = yield* Effect.all(
          Array.from({ length: 10 }, () => Effect.either(JobCenter.proposeReferral(actor, { seekerId: s.value.id, openingId: o.value.id }))),
          { concurrency: "unbounded" }
        )
        expect(attempts.filter(Either.isRight)).toHaveLength(1)
        expect(attempts.filter(Either.isLeft).map((l) => l.left._tag)).toEqual(Array(9).fill("ActiveReferralExists"))
        const first = attempts.find(Either.isRight)!.right
        // Withdrawn, the seeker may be proposed again.
        yield* JobCenter.moveReferral(actor, { referralId: first.value.id, to: "withdrawn", expectedVersion: first.version })
        const again = yield* JobCenter.proposeReferral(actor, { seekerId: s.value.id, openingId: o.value.id })
        expect(again.value.status).toBe("proposed")
        expect(yield* Effect.flatMap(Repositories.ReferralRepository, (r) => r.listBySeeker(A, s.value.id))).toHaveLength(2)
      })))

    it.effect("claims an idempotency key once, keeps its answer, frees it on failure and after expiry", () =>
      run(Effect.gen(function*() {
        const store = yield* Idempotency.IdempotencyStore
        const mine = { districtId: A, accountId: "counselor-01" }
        const at = (iso: string) => DateTime.unsafeMake(iso)
        const now = at("2026-03-02T01:00:00Z")
        const later = at("2026-03-03T01:00:00Z")
        expect(yield* store.claim(mine, "k1", "f1", now, later)).toEqual({ _tag: "Claimed" })
        expect(yield* store.claim(mine, "k1", "f1", now, later)).toEqual({ _tag: "Pending", fingerprint: "f1" })
        // Another account, another district: their own keys.
        expect(yield* store.claim({ ...mine, accountId: "counselor-02" }, "k1", "f2", now, later)).toEqual({ _tag: "Claimed" })
        expect(yield* store.claim({ ...mine, districtId: B }, "k1", "f3", now, later)).toEqual({ _tag: "Claimed" })
        yield* store.complete(mine, "k1", { status: 201, body: "{\"id\":\"s1\"}" }, later)
        expect(yield* store.claim(mine, "k1", "f9", now, later))
          .toEqual({ _tag: "Completed", fingerprint: "f1", answer: { status: 201, body: "{\"id\":\"s1\"}" } })
        // A kept answer is not released; a pending key is.
        yield* store.release(mine, "k1")
        expect((yield* store.claim(mine, "k1", "f1", now, later))._tag).toBe("Completed")
        expect(yield* store.claim(mine, "k2", "f1", now, later)).toEqual({ _tag: "Claimed" })
        yield* store.release(mine, "k2")
        expect(yield* store.claim(mine, "k2", "f2", now, later)).toEqual({ _tag: "Claimed" })
        // Expired, a key is free again; purge removes what expired.
        expect(yield* store.claim(mine, "k1", "f5", later, at("2026-03-04T01:00:00Z"))).toEqual({ _tag: "Claimed" })
        expect(yield* store.purge(at("2026-03-03T12:00:00Z"))).toBe(3)
        expect((yield* store.claim(mine, "k1", "f5", later, later))._tag).toBe("Pending")
        // An erasure forgets the district's answers that show the person; pending keys and other districts stay.
        const theirs = { ...mine, districtId: B }
        for (const scope of [mine, theirs]) {
          expect((yield* store.claim(scope, "k4", "f1", now, later))._tag).toBe("Claimed")
          yield* store.complete(scope, "k4", { status: 201, body: "{\"seekerId\":\"s9\",\"name\":\"홍길동\"}" }, later)
        }
        expect((yield* store.claim(mine, "k5", "f1", now, later))._tag).toBe("Claimed")
        expect(yield* store.forget(A, ["\"s9\""])).toBe(1)
        expect((yield* store.claim(mine, "k4", "f2", now, later))._tag).toBe("Claimed")
        expect((yield* store.claim(mine, "k5", "f1", now, later))._tag).toBe("Pending")
        expect((yield* store.claim(theirs, "k4", "f1", now, later))._tag).toBe("Completed")
        // Twenty requests racing for one key: one holds it.
        const raced = yield* Effect.all(
          Array.from({ length: 20 }, () => store.claim(mine, "k3", "f1", now, later)),
          { concurrency: "unbounded" }
        )
        expect(raced.filter((c) => c._tag === "Claimed")).toHaveLength(1)
      })))

    it.effect("runs a request once per idempotency key: a repeat replays, another request is refused", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
        const scope = { districtId: A, accountId: "counselor-01" }
        let runs = 0
        const create = Effect.sync(() => ++runs)
        const answer = (n: number) => ({ status: 201, body: JSON.stringify({ n }) })
        const once = (key: string, fingerprint: string) => Idempotency.once({ scope, key, fingerprint, wait: "1 second" }, create, answer)
        // Ten at once, the run taking a moment: one runs, the others wait for its answer.
        const slow = (key: string) =>
          Idempotency.once({ scope, key, fingerprint: "POST /x a", wait: "5 seconds" }, Effect.zipLeft(create, Effect.promise(() => new Promise((r) => setTimeout(r, 50)))), answer)
        const outcomes = yield* Effect.all(Array.from({ length: 10 }, () => slow("k1")), { concurrency: "unbounded" })
        expect(runs).toBe(1)
        expect(outcomes.map((o) => o.answer)).toEqual(Array(10).fill({ status: 201, body: "{\"n\":1}" }))
        expect(outcomes.filter((o) => o._tag === "Fresh")).toHaveLength(1)
        expect((yield* once("k1", "POST /x a"))._tag).toBe("Replayed")
        expect(left(yield* Effect.either(once("k1", "POST /x b")))).toMatchObject({ _tag: "IdempotencyKeyReused", key: "k1" })
        // A failed run frees its key: the corrected request runs under it.
        const failed = yield* Effect.either(Idempotency.once({ scope, key: "k2", fingerprint: "POST /x c" }, Effect.fail("no"), answer))
        expect(left(failed)).toBe("no")
        expect((yield* once("k2", "POST /x d"))._tag).toBe("Fresh")
        expect(runs).toBe(2)
        // A request lost with its process (pending, never completed) frees its key when its lease ends.
        const store = yield* Idempotency.IdempotencyStore
        const at = DateTime.unsafeMake(yield* Clock.currentTimeMillis)
        yield* store.claim(scope, "lost", "POST /x e", at, DateTime.add(at, { minutes: 5 }))
        expect(left(yield* Effect.either(Idempotency.once({ scope, key: "lost", fingerprint: "POST /x e", wait: "50 millis" }, create, answer))))
          .toMatchObject({ _tag: "IdempotencyKeyInProgress", key: "lost" })
        yield* TestClock.adjust("6 minutes")
        expect((yield* once("lost", "POST /x e"))._tag).toBe("Fresh")
        expect(runs).toBe(3)
        // A kept answer outlives the lease: 24 hours.
        expect((yield* once("k1", "POST /x a"))._tag).toBe("Replayed")
        expect(runs).toBe(3)
        // After 24 hours the key is free again.
        yield* TestClock.adjust("25 hours")
        expect((yield* once("k1", "POST /x b"))._tag).toBe("Fresh")
        expect(runs).toBe(4)
      })))

    it.effect("registers a person once when 30 registrations of them race", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
        const { districtId: _a, id: _b, registeredAt: _c, ...form } = seekerInput
        const actor: JobCenter.Actor = { districtId: A, counselorId: "counselor-01" as Ids.CounselorId }
        // Thirty different people first, at once: all are registered (and a pool's connections are open).
        const others = yield* Effect.all(
          Array.from({ length: 30 }, (_, i) =>
            Effect.either(JobCenter.registerSeeker(actor, { ...form, name: `다른사람${i}`, contact: {}, birthDate: "1980-01-01" }))),
          { concurrency: "unbounded" }
        )
        expect(others.filter(Either.isRight)).toHaveLength(30)
        const attempts = yield* Effect.all(
          Array.from({ length: 30 }, (_, i) =>
            Effect.either(JobCenter.registerSeeker(actor, i % 2 === 0 ? form : { ...form, contact: {} }))),
          { concurrency: "unbounded" }
        )
        expect(attempts.filter(Either.isRight)).toHaveLength(1)
        expect(attempts.filter(Either.isLeft).every((a) => a.left._tag === "DuplicateSeeker")).toBe(true)
        expect(yield* Effect.flatMap(Repositories.SeekerRepository, (r) => r.list(A))).toHaveLength(31)
      })))

    it.effect("keeps the audit log in order and the outbox free of duplicate keys", () =>
      run(Effect.gen(function*() {
        const audit = yield* Audit.AuditLog
        yield* audit.append(auditEntry("a2", A, "s1"))
        yield* audit.append(auditEntry("a1", A, "s2"))
        yield* audit.append(auditEntry("a3", B, "s1"))
        expect((yield* audit.list(A)).map((e) => e.id)).toEqual(["a2", "a1"])
        expect((yield* audit.list(A, { subjectId: "s1" })).map((e) => e.id)).toEqual(["a2"])
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue(message("m1", "k1"))
        yield* outbox.enqueue(message("m2", "k1"))
        yield* outbox.enqueue(message("m3", "k2"))
        const pending = yield* outbox.list(A, "pending")
        expect(pending.map((m) => m.id)).toEqual(["m1", "m3"])
        expect(pending[0]).toEqual(message("m1", "k1"))
        expect(yield* outbox.list(A, "sent")).toEqual([])
      })))

    it.effect("lets a dispatcher claim every district's due messages and keeps their delivery state", () =>
      run(Effect.gen(function*() {
        const outbox = yield* Outbox.Outbox
        const at = (iso: string) => DateTime.unsafeMake(iso)
        yield* outbox.enqueue(message("m1", "k1"))
        yield* outbox.enqueue(new Outbox.OutboxMessage({ ...message("m2", "k2"), notBefore: at("2026-03-02T23:00:00Z") }))
        yield* outbox.enqueue(message("m3", "k3", B))
        // m2 is held until 23:00; the others are due, oldest first.
        const first = yield* outbox.claim("w1", at("2026-03-02T12:00:00Z"), 10, "5 minutes")
        expect(first.messages).toEqual([message("m1", "k1"), message("m3", "k3", B)])
        expect(first.lease).toEqual({ owner: "w1", until: at("2026-03-02T12:05:00Z") })
        const sent = new Outbox.OutboxMessage({ ...message("m1", "k1"), status: "sent", attempts: 1, sentAt: at("2026-03-02T12:00:01Z") })
        yield* outbox.save(first.lease, sent)
        const retry = new Outbox.OutboxMessage({ ...message("m3", "k3", B), attempts: 1, notBefore: at("2026-03-03T00:00:00Z"), lastError: "timeout" })
        yield* outbox.save(first.lease, retry)
        // At 23:00 only m2 is due: m1 went, m3 waits for its retry; `limit` caps the batch.
        expect((yield* outbox.claim("w2", at("2026-03-02T23:00:00Z"), 0, "5 minutes")).messages).toEqual([])
        expect((yield* outbox.claim("w2", at("2026-03-02T23:00:00Z"), 1, "5 minutes")).messages.map((m) => m.id)).toEqual(["m2"])
        expect((yield* outbox.claim("w1", at("2026-03-02T23:01:00Z"), 10, "5 minutes")).messages).toEqual([])
        expect((yield* outbox.claim("w1", at("2026-03-03T00:00:00Z"), 10, "5 minutes")).messages.map((m) => m.id)).toEqual(["m2", "m3"])
        expect(yield* outbox.list(A, "sent")).toEqual([sent])
        expect(yield* outbox.list(B)).toEqual([retry])
        expect(yield* Effect.flip(outbox.save(first.lease, message("m9", "k9")))).toMatchObject({ _tag: "NotFound" })
      })))

    it.effect("keeps each message's delivery receipt: by KakaoTalk, by the substitute SMS, or failed", () =>
      run(Effect.gen(function*() {
        const outbox = yield* Outbox.Outbox
        const at = DateTime.unsafeMake("2026-03-02T12:00:00Z")
        for (const [id, key] of [["m1", "k1"], ["m2", "k2"], ["m3", "k3"]] as const) yield* outbox.enqueue(message(id, key))
        const { lease } = yield* outbox.claim("w1", at, 10, "5 minutes")
        const done = (id: string, key: string, patch: Partial<Outbox.OutboxMessage>) =>
          new Outbox.OutboxMessage({ ...message(id, key), attempts: 1, ...patch })
        const byKakao = done("m1", "k1", { status: "sent", sentAt: at, receipt: { outcome: "kakao", providerId: "G4V-1" } })
        const bySms = done("m2", "k2", { status: "sent", sentAt: at, receipt: { outcome: "sms-fallback", providerId: "G4V-2" } })
        const failed = done("m3", "k3", { status: "dead", lastError: "the 알림톡 failed and so did the substitute SMS", receipt: { outcome: "failed" } })
        for (const m of [byKakao, bySms, failed]) yield* outbox.save(lease, m)
        expect(yield* outbox.list(A)).toEqual([byKakao, bySms, failed])
      })))

    it.effect("never lets two workers claim the same message, however many claim at once", () =>
      run(Effect.gen(function*() {
        const outbox = yield* Outbox.Outbox
        const now = DateTime.unsafeMake("2026-03-02T01:00:00Z")
        for (let i = 0; i < 60; i++) yield* outbox.enqueue(message(`m${i}`, `k${i}`, i % 2 === 0 ? A : B))
        const taken: Array<string> = []
        for (let round = 0; round < 10 && taken.length < 60; round++) {
          const claims = yield* Effect.all(
            Array.from({ length: 8 }, (_, w) => outbox.claim(`w${w}`, now, 4, "5 minutes")),
            { concurrency: "unbounded" }
          )
          for (const claim of claims) taken.push(...claim.messages.map((m) => `${m.districtId}/${m.id}`))
        }
        expect(taken).toHaveLength(60)
        expect(new Set(taken).size).toBe(60)
        // All leased: nothing is left to claim until the leases run out.
        expect((yield* outbox.claim("w9", now, 100, "5 minutes")).messages).toEqual([])
        expect((yield* outbox.claim("w9", DateTime.add(now, { minutes: 5 }), 100, "5 minutes")).messages).toHaveLength(60)
      })))

    it.effect("hands a crashed worker's messages to another once its lease runs out, and fences the late save", () =>
      run(Effect.gen(function*() {
        const outbox = yield* Outbox.Outbox
        const t0 = DateTime.unsafeMake("2026-03-02T01:00:00Z")
        const later = (minutes: number) => DateTime.add(t0, { minutes })
        yield* outbox.enqueue(message("m1", "k1"))
        const crashed = yield* outbox.claim("w1", t0, 10, "2 minutes")
        expect(crashed.messages.map((m) => m.id)).toEqual(["m1"])
        // Under a live lease, nobody else gets it; once it ran out, the next claim does.
        expect((yield* outbox.claim("w2", later(1), 10, "2 minutes")).messages).toEqual([])
        const taken = yield* outbox.claim("w2", later(2), 10, "2 minutes")
        expect(taken.messages.map((m) => m.id)).toEqual(["m1"])
        const sentBy = (minutes: number) =>
          new Outbox.OutboxMessage({ ...message("m1", "k1"), status: "sent", attempts: 1, sentAt: later(minutes) })
        // The first worker wakes up and records a delivery: refused, nothing changes.
        const late = yield* Effect.flip(outbox.save(crashed.lease, sentBy(3)))
        expect(late).toMatchObject({ _tag: "LeaseLost", id: "m1", worker: "w1", status: "pending", holder: "w2" })
        expect(yield* outbox.list(A)).toEqual([message("m1", "k1")])
        yield* outbox.save(taken.lease, sentBy(3))
        // Sent at most once: a second save under the same lease, or a claim, finds nothing pending.
        expect(yield* Effect.flip(outbox.save(taken.lease, sentBy(4)))).toMatchObject({ _tag: "LeaseLost", status: "sent" })
        expect((yield* outbox.claim("w3", later(10), 10, "2 minutes")).messages).toEqual([])
        expect(yield* outbox.list(A)).toEqual([sentBy(3)])
      })))

    it.effect("fences a save by the lease it was claimed under, not only by the worker's name", () =>
      run(Effect.gen(function*() {
        const outbox = yield* Outbox.Outbox
        const t0 = DateTime.unsafeMake("2026-03-02T01:00:00Z")
        yield* outbox.enqueue(message("m1", "k1"))
        yield* outbox.enqueue(message("m2", "k2"))
        const old = yield* outbox.claim("w1", t0, 10, "1 minute")
        // The same worker (a restarted process with the same name, say) claims again after expiry.
        const again = yield* outbox.claim("w1", DateTime.add(t0, { minutes: 1 }), 1, "1 minute")
        expect(again.messages.map((m) => m.id)).toEqual(["m1"])
        const held = new Outbox.OutboxMessage({ ...message("m1", "k1"), notBefore: DateTime.add(t0, { hours: 1 }), lastError: "quiet hours" })
        expect(yield* Effect.flip(outbox.save(old.lease, held))).toMatchObject({ _tag: "LeaseLost", holder: "w1", status: "pending" })
        // An expired lease nobody took over still records its result: no one else can have sent the message.
        const m2 = new Outbox.OutboxMessage({ ...message("m2", "k2"), attempts: 1, notBefore: DateTime.add(t0, { hours: 1 }), lastError: "timeout" })
        yield* outbox.save(old.lease, m2)
        yield* outbox.save(again.lease, held)
        // A save releases the lease: the same lease cannot save twice.
        const stale = yield* Effect.flip(outbox.save(again.lease, held))
        expect(stale).toMatchObject({ _tag: "LeaseLost", status: "pending" })
        expect(stale).not.toHaveProperty("holder")
        expect(yield* outbox.list(A)).toEqual([held, m2])
        expect((yield* outbox.claim("w2", DateTime.add(t0, { hours: 1 }), 10, "1 minute")).messages).toEqual([held, m2])
      })))

    it.effect("commits a transaction all or nothing", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.SeekerRepository
        const tx = yield* Repositories.Transactor
        const outbox = yield* Outbox.Outbox
        const failed = yield* Effect.exit(tx.withTransaction(Effect.gen(function*() {
          yield* repo.insert(seeker("s1"))
          yield* outbox.enqueue(message("m1", "k1"))
          return yield* Effect.fail("boom" as const)
        })))
        expect(Exit.isFailure(failed)).toBe(true)
        expect(yield* repo.list(A)).toEqual([])
        expect(yield* outbox.list(A)).toEqual([])
        yield* tx.withTransaction(Effect.all([repo.insert(seeker("s1")), outbox.enqueue(message("m1", "k1"))]))
        expect((yield* repo.list(A)).length).toBe(1)
        expect((yield* outbox.list(A)).length).toBe(1)
      })))

    it.effect("lets exactly one of 50 concurrent conflicting updates win per version; nothing is lost", () =>
      run(Effect.gen(function*() {
        const repo = yield* Repositories.SeekerRepository
        yield* repo.insert(seeker("s1"))
        let version = 1
        for (let round = 0; round < 3; round++) {
          const results = yield* Effect.all(
            Array.from({ length: 50 }, (_, i) => Effect.either(repo.update(seeker("s1", A, { careerMonths: round * 100 + i }), version))),
            { concurrency: "unbounded" }
          )
          const winners = results.filter(Either.isRight)
          const losers = results.filter(Either.isLeft)
          expect(winners).toHaveLength(1)
          expect(losers.every((l) => l.left._tag === "StaleVersion")).toBe(true)
          const current = yield* repo.get(A, "s1" as Ids.SeekerId)
          expect(current.version).toBe(version + 1)
          // The stored record is the winner's, whole.
          expect(current.value).toEqual(winners[0]!.right.value)
          version = current.version
        }
      })))

    it.effect("never returns another district's rows, whatever the ids (property)", () =>
      run(Effect.gen(function*() {
        const seekers = yield* Repositories.SeekerRepository
        const audit = yield* Audit.AuditLog
        const samples = fc.sample(
          fc.array(fc.record({ id: fc.constantFrom("s1", "s2", "s3", "s4"), district: fc.constantFrom(A, B) }), {
            minLength: 1,
            maxLength: 12
          }),
          { numRuns: 8, seed: 2016 }
        )
        let n = 0
        let entries = 0
        for (const sample of samples) {
          n++
          for (const { district, id } of sample) {
            const fullId = `${id}-${n}`
            yield* Effect.either(seekers.insert(seeker(fullId, district, { name: `${district}-${fullId}` })))
            yield* audit.append(auditEntry(`audit-${++entries}`, district, fullId))
          }
        }
        for (const district of [A, B]) {
          const rows = yield* seekers.list(district)
          expect(rows.every((r) => r.value.districtId === district && r.value.name.startsWith(district))).toBe(true)
          for (const row of rows) {
            const got = yield* seekers.get(district, row.value.id)
            expect(got.value.districtId).toBe(district)
          }
          const dupes = yield* seekers.findPossibleDuplicates(district, { name: `${district === A ? B : A}-s1-1`, birthDate: seekerInput.birthDate as never })
          expect(dupes).toEqual([])
          expect((yield* audit.list(district)).every((e) => e.districtId === district)).toBe(true)
        }
      })))

    it.effect("runs the job center's day end to end", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
        const actor: JobCenter.Actor = { districtId: A, counselorId: "counselor-01" as Ids.CounselorId }
        const { districtId: _a, id: _b, registeredAt: _c, ...form } = seekerInput
        const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
        const { districtId: _g, id: _h, ...openingForm } = openingInput
        const s = yield* JobCenter.registerSeeker(actor, form)
        const e = yield* JobCenter.registerEmployer(actor, employerForm)
        const o = yield* JobCenter.registerOpening(actor, { ...openingForm, employerId: e.value.id, openedOn: "2026-03-02", closesOn: "2026-03-31" })
        expect(yield* Effect.flip(JobCenter.registerSeeker(actor, form))).toMatchObject({ _tag: "DuplicateSeeker", existingId: s.value.id })
        const r = yield* JobCenter.proposeReferral(actor, { seekerId: s.value.id, openingId: o.value.id })
        yield* JobCenter.moveReferral(actor, { referralId: r.value.id, to: "sent", expectedVersion: 1 })
        yield* JobCenter.moveReferral(actor, { referralId: r.value.id, to: "interviewing", expectedVersion: 2 })
        const placed = yield* JobCenter.recordPlacement(actor, {
          seekerId: s.value.id,
          referralId: r.value.id,
          startOn: "2026-03-09",
          contractType: "open-ended",
          schedule: "full-time"
        })
        expect(placed.followUps.map((f) => f.value.dueOn)).toEqual(["2026-04-08", "2026-05-08", "2026-06-08"])
        yield* TestClock.setTime(Date.parse("2026-04-08T01:00:00Z"))
        const ledger = yield* JobCenter.followUpLedger(actor)
        expect(ledger.dueToday.map((c) => c.sequence)).toEqual([1])
        yield* JobCenter.recordFollowUp(actor, {
          checkId: ledger.dueToday[0]!.id,
          expectedVersion: 1,
          result: { doneOn: "2026-04-08", channel: "phone", outcome: "working" }
        })
        expect((yield* JobCenter.followUpLedger(actor)).onTimeRate).toBe(1)
        const results = yield* JobCenter.results(actor, { from: "2026-03-01" as never, to: "2026-03-31" as never })
        expect(results).toEqual({ seekers: 1, openings: 1, placements: 1, counseling: 0 })
        expect(yield* JobCenter.monitor(actor, { from: "2026-03-01" as never, to: "2026-03-31" as never })).toEqual([])
        const audit = yield* Effect.flatMap(Audit.AuditLog, (log) => log.list(A, { subjectId: s.value.id }))
        expect(audit.map((a) => a.purpose)).toEqual([
          "seeker.register",
          "referral.propose",
          "referral.move",
          "referral.move",
          "placement.record",
          "followUp.ledger",
          "followUp.record",
          "followUp.ledger"
        ])
        const messages = yield* Effect.flatMap(Outbox.Outbox, (o) => o.list(A))
        expect(messages.map((m) => m.template)).toEqual(["follow-up-schedule"])

        // End of retention: the personal data goes, the statistics stay.
        yield* JobCenter.logCounseling(actor, { seekerId: s.value.id, heldOn: "2026-04-08", channel: "phone", notes: "배우자 연락처 010-5555-1234", nextStep: "재상담" })
        const before = yield* JobCenter.results(actor, { from: "2026-03-01" as never, to: "2026-04-30" as never })
        const erased = yield* Erasure.eraseSeeker(actor, s.value.id, "retention-ended")
        expect(erased.value).toMatchObject({ name: "(파기됨)", contact: {}, birthDate: "1962-01-01", certificates: [], erasedOn: "2026-04-08" })
        expect(yield* JobCenter.results(actor, { from: "2026-03-01" as never, to: "2026-04-30" as never })).toEqual(before)
        const everything = JSON.stringify(yield* Effect.all([
          Effect.flatMap(Repositories.SeekerRepository, (r) => r.list(A)),
          Effect.flatMap(Repositories.CounselingRepository, (r) => r.list(A)),
          Effect.flatMap(Repositories.ReferralRepository, (r) => r.list(A)),
          Effect.flatMap(Repositories.PlacementRepository, (r) => r.list(A)),
          Effect.flatMap(Repositories.FollowUpRepository, (r) => r.list(A)),
          Effect.flatMap(Audit.AuditLog, (r) => r.list(A)),
          Effect.flatMap(Outbox.Outbox, (r) => r.list(A))
        ]))
        for (const trace of ["김민수", "010-1234-5678", "minsu@example.kr", "지게차", "010-5555-1234", "재상담", "경비·청소 희망", "1962-05-14"]) {
          expect(everything).not.toContain(trace)
        }
        const entries = yield* Effect.flatMap(Audit.AuditLog, (log) => log.list(A, { subjectId: s.value.id }))
        expect(entries.at(-1)).toMatchObject({ action: "erase", purpose: "seeker.erase", reason: "retention-ended" })
      })))

    it.effect("keeps a manager's decision on a finding once per district, refuses a stale one, and empties its note on erasure", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-20T01:00:00Z"))
        const actor: JobCenter.Actor = { districtId: A, counselorId: "manager-01" as Ids.CounselorId }
        yield* Effect.flatMap(Repositories.SeekerRepository, (r) => r.insert(seeker("s1", A, { name: "박민지" })))
        // Credited to the center through a referral that does not exist: a finding about s1's placement.
        yield* Effect.flatMap(Repositories.PlacementRepository, (r) => r.insert(placement("p1", "r-missing")))
        const march = { from: "2026-03-01", to: "2026-03-15" }
        const [first] = yield* MonitoringDecision.review(actor, march as never)
        expect(first).toMatchObject({ finding: { rule: "placement-without-referral" }, decision: undefined })
        const key = first!.key
        // Five managers deciding at once: one decision is kept, the others are told it changed.
        const raced = yield* Effect.all(
          Array.from({ length: 5 }, (_, i) =>
            Effect.either(MonitoringDecision.decide(actor, { ...march, key, status: "confirmed", note: `박민지 님 확인서 누락 ${i}` }))),
          { concurrency: "unbounded" }
        )
        expect(raced.filter(Either.isRight)).toHaveLength(1)
        for (const refused of raced.filter(Either.isLeft)) expect(refused.left).toMatchObject({ _tag: "StaleVersion", expected: 0, actual: 1 })
        const cleared = yield* MonitoringDecision.decide(actor, { ...march, key, status: "cleared", note: "확인서 제출됨", expectedVersion: 1 })
        expect(cleared).toMatchObject({ version: 2, value: { status: "cleared", seekerIds: ["s1"], decidedBy: "manager-01" } })
        expect(yield* Effect.flip(MonitoringDecision.decide(actor, { ...march, key, status: "confirmed", note: "다시", expectedVersion: 1 })))
          .toMatchObject({ _tag: "StaleVersion", expected: 1, actual: 2 })
        expect((yield* MonitoringDecision.review(actor, march as never))[0]?.decision?.value.status).toBe("cleared")
        // Another district neither sees it nor can decide it.
        expect(yield* Effect.flatMap(Repositories.MonitoringDecisionRepository, (r) => r.list(B))).toEqual([])
        expect(yield* Effect.flip(MonitoringDecision.decide({ ...actor, districtId: B }, { ...march, key, status: "cleared", note: "x" })))
          .toMatchObject({ _tag: "NotFound", kind: "monitoring finding" })
        // Each decision is audited against the seeker.
        const entries = yield* Effect.flatMap(Audit.AuditLog, (log) => log.list(A, { subjectId: "s1" }))
        expect(entries.filter((e) => e.purpose === "monitoring.decide").map((e) => e.action)).toEqual(["update", "update"])
        yield* Erasure.eraseSeeker(actor, "s1" as Ids.SeekerId, "subject-request")
        const kept = yield* Effect.flatMap(Repositories.MonitoringDecisionRepository, (r) => r.get(A, key))
        expect(kept.value).toMatchObject({ status: "cleared", note: "" })
      })))

    it.effect("schedules follow-ups by the district's settings of the day a placement is recorded, its closures included", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
        const actor: JobCenter.Actor = { districtId: A, counselorId: "counselor-01" as Ids.CounselorId }
        yield* Effect.flatMap(Repositories.SeekerRepository, (r) => r.insert(seeker("s1")))
        yield* Effect.flatMap(Repositories.EmployerRepository, (r) => r.insert(employer("e1")))
        const place = (startOn: string) =>
          JobCenter.recordPlacement(actor, { seekerId: "s1", employerId: "e1", startOn, contractType: "open-ended", schedule: "full-time" })
        const before = yield* place("2026-03-02")
        expect(before.followUps).toHaveLength(3)
        // Six monthly calls from now on, and the center closed on the day the first would be due.
        const sixMonths = { months: 6, intervalMonths: 1 }
        const firstDue = Either.getOrThrow(FollowUp.schedule("2026-03-03" as never, new FollowUp.Policy(sixMonths), BusinessCalendar.korea))[0]!.dueOn
        const changed = yield* CenterSettings.set(actor, { followUpPolicy: sixMonths, growthPercent: 7, closures: [{ on: firstDue, name: "구청 개청기념일" }] })
        expect(changed.version).toBe(1)
        const after = yield* place("2026-03-03")
        expect(after.followUps).toHaveLength(6)
        expect(after.followUps[0]!.value.dueOn < firstDue).toBe(true)
        // The checks already scheduled stay as they were.
        const kept = yield* Effect.flatMap(Repositories.FollowUpRepository, (r) => r.listByPlacement(A, before.placement.value.id))
        expect(kept.map((c) => c.value.dueOn)).toEqual(before.followUps.map((c) => c.value.dueOn))
        // Another district keeps the deployment's defaults; the change is audited with before and after.
        expect((yield* CenterSettings.effective(B, { followUpPolicy: FollowUp.threeMonthly, calendar: BusinessCalendar.korea })).growthPercent)
          .toBe(CenterSettings.defaultGrowthPercent)
        const entries = yield* Effect.flatMap(Audit.AuditLog, (log) => log.list(A, { subjectId: "counselor-01" }))
        expect(entries.find((e) => e.purpose === "settings.center")?.detail).toBe(`defaults → followUp 6/1, growth 7%, closures ${firstDue}`)
        expect(yield* Effect.flip(CenterSettings.set(actor, { followUpPolicy: sixMonths, growthPercent: -150, closures: [] })))
          .toMatchObject({ _tag: "ValidationError" })
      })))

    it.effect("keeps outreach sessions, discovery visits, test sessions, partners and surveys per district", () =>
      run(Effect.gen(function*() {
        const records = [
          [Repositories.OutreachSessionRepository, Either.getOrThrow(Outreach.decodeSession({
            id: "outreach-1", districtId: A, heldOn: "2026-04-05", site: "subway-station", siteName: "왕십리역",
            counselorIds: ["counselor-01"], counselled: 12, counselingIds: [], registeredSeekerIds: ["seeker-1"]
          }))],
          [Repositories.DiscoveryVisitRepository, Either.getOrThrow(DiscoveryVisit.decodeVisit({
            id: "visit-1", districtId: A, visitedOn: "2026-04-07", counselorIds: ["counselor-01"], target: "building",
            name: "성수 SK V1 센터", tenantsVisited: 12, findings: [{ company: "숲테크", openingIds: ["o-1"], positions: 2 }]
          }))],
          [Repositories.PsychTestSessionRepository, new PsychTest.Session({
            id: "psych-1", districtId: A, kind: "aptitude", heldOn: "2026-04-14" as never, venue: "사단 강당", capacity: 30
          })],
          [Repositories.PartnerRepository, Either.getOrThrow(Partner.decodePartner({ id: "kku", districtId: A, name: "건국대학교", kind: "university" }))],
          [Repositories.QuestionnaireRepository, Either.getOrThrow(Survey.decodeQuestionnaire({
            id: "visitor-2026", districtId: A, title: "만족도", audience: "visitor",
            questions: [{ _tag: "rating", id: "q1", text: "만족하십니까?", required: true }]
          }))],
          [Repositories.SurveyResponseRepository, new Survey.Response({
            id: "r-1", districtId: A, questionnaireId: "visitor-2026", respondedOn: "2026-04-20" as never, answers: [{ questionId: "q1", rating: 5 }]
          })]
        ] as const
        for (const [tag, record] of records) {
          const store = (yield* tag) as unknown as Repositories.Store<typeof record, string>
          yield* store.insert(record)
          expect((yield* store.get(A, record.id)).value).toEqual(record)
          expect((yield* store.list(A)).map((r) => r.value.id)).toEqual([record.id])
          expect(yield* store.list(B)).toEqual([])
          expect((yield* Effect.flip(store.get(B, record.id)))._tag).toBe("NotFound")
        }
      })))

    it.effect("answers a survey link once, from its token only, until it ends; another district's link and an erased seeker leave no trace", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-05-04T01:00:00Z"))
        const actor: JobCenter.Actor = { districtId: A, counselorId: "counselor-01" as Ids.CounselorId }
        yield* Effect.flatMap(Repositories.SeekerRepository, (r) => r.insert(seeker("s1", A, { name: "박민지" })))
        const questionnaire = yield* Events.createQuestionnaire(actor, {
          title: "상담 만족도",
          audience: "visitor",
          questions: [{ _tag: "rating", id: "overall", text: "상담에 만족하십니까?", required: true }, { _tag: "text", id: "comment", text: "하실 말씀", required: false }]
        })
        const id = questionnaire.value.id
        const { link, token } = yield* SurveyLink.issue(actor, id, { seekerId: "s1", days: 7 })
        const secret = Redacted.value(token)
        // Only the digest is stored, found across districts.
        expect(link.value).toMatchObject({ seekerId: "s1", counselorId: "counselor-01", issuedBy: "counselor-01", digest: SurveyLink.digestOf(secret) })
        expect(JSON.stringify(yield* Effect.flatMap(Repositories.SurveyLinkRepository, (r) => r.list(A)))).not.toContain(secret)
        expect((yield* SurveyLink.open(secret)).questionnaire.id).toBe(id)
        // The form may not say whom the answer is about.
        expect(yield* Effect.flip(SurveyLink.answer(secret, { answers: [{ questionId: "overall", rating: 5 }], counselorId: "counselor-09" })))
          .toMatchObject({ _tag: "ValidationError", issues: [{ path: "counselorId" }] })
        // A missing required rating is refused, nothing stored.
        expect(yield* Effect.flip(SurveyLink.answer(secret, { answers: [{ questionId: "comment", text: "좋아요" }] })))
          .toMatchObject({ _tag: "ValidationError" })
        // Five answers at once: one is kept, the others meet a used link.
        const raced = yield* Effect.all(
          Array.from({ length: 5 }, (_, i) => Effect.either(SurveyLink.answer(secret, { answers: [{ questionId: "overall", rating: 1 + i }] }))),
          { concurrency: "unbounded" }
        )
        expect(raced.filter(Either.isRight)).toHaveLength(1)
        for (const refused of raced.filter(Either.isLeft)) expect(refused.left).toMatchObject({ _tag: "SurveyLinkUsed" })
        const responses = yield* Effect.flatMap(Repositories.SurveyResponseRepository, (r) => r.list(A))
        expect(responses).toHaveLength(1)
        expect(responses[0]!.value).toMatchObject({ seekerId: "s1", counselorId: "counselor-01", respondedOn: "2026-05-04" })
        expect(yield* Effect.flip(SurveyLink.open(secret))).toMatchObject({ _tag: "SurveyLinkUsed" })
        // A link ends after its days; an unknown token is unknown.
        const later = yield* SurveyLink.issue(actor, id, {})
        yield* TestClock.adjust("14 days")
        expect(yield* Effect.flip(SurveyLink.answer(Redacted.value(later.token), { answers: [{ questionId: "overall", rating: 4 }] })))
          .toMatchObject({ _tag: "SurveyLinkExpired" })
        expect(yield* Effect.flip(SurveyLink.open(`iljari_v_${"A".repeat(43)}`))).toMatchObject({ _tag: "SurveyLinkUnknown" })
        expect((yield* SurveyLink.list(actor, id)).counts).toEqual({ issued: 2, used: 1, open: 0, expired: 1 })
        // Another district neither lists nor issues on it.
        expect(yield* Effect.flatMap(Repositories.SurveyLinkRepository, (r) => r.list(B))).toEqual([])
        expect(yield* Effect.flip(SurveyLink.issue({ ...actor, districtId: B }, id, {}))).toMatchObject({ _tag: "NotFound" })
        // An open link issued to a seeker who is erased ends, and no link names them.
        yield* SurveyLink.issue(actor, id, { seekerId: "s1" })
        yield* Erasure.eraseSeeker(actor, "s1" as Ids.SeekerId, "subject-request")
        const links = yield* Effect.flatMap(Repositories.SurveyLinkRepository, (r) => r.list(A))
        expect(links.filter((l) => l.value.seekerId !== undefined)).toEqual([])
        expect((yield* SurveyLink.list(actor, id)).counts).toEqual({ issued: 3, used: 1, open: 0, expired: 2 })
      })))

    it.effect("registers a seeker for a test session once when 20 registrations race, within its capacity", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-05-04T01:00:00Z"))
        const actor: JobCenter.Actor = { districtId: A, counselorId: "counselor-01" as Ids.CounselorId }
        const { districtId: _a, id: _b, registeredAt: _c, ...form } = seekerInput
        const seekers: Array<Ids.SeekerId> = []
        for (let i = 0; i < 12; i++) {
          seekers.push((yield* JobCenter.registerSeeker(actor, { ...form, name: `검사자${i}`, contact: {}, birthDate: "1990-01-01" })).value.id)
        }
        const session = yield* Events.scheduleTest(actor, { kind: "aptitude", heldOn: "2026-05-14", venue: "교육장", capacity: 2 })
        const raced = yield* Effect.all(
          Array.from({ length: 20 }, () => Effect.either(Events.registerParticipant(actor, session.value.id, seekers[0]!))),
          { concurrency: "unbounded" }
        )
        expect(raced.filter(Either.isRight)).toHaveLength(1)
        for (const refused of raced.filter(Either.isLeft)) expect(refused.left).toMatchObject({ _tag: "PsychTestRefused", rule: "already-registered" })
        yield* Events.registerParticipant(actor, session.value.id, seekers[1]!)
        expect(left(yield* Effect.either(Events.registerParticipant(actor, session.value.id, seekers[2]!))))
          .toMatchObject({ _tag: "PsychTestRefused", rule: "session-full" })
        expect(yield* Events.participants(actor, session.value.id)).toHaveLength(2)
        // Ten people racing for the last two places of another session: two get them.
        const small = yield* Events.scheduleTest(actor, { kind: "values", heldOn: "2026-05-15", venue: "교육장", capacity: 2 })
        const rush = yield* Effect.all(
          seekers.slice(2).map((seekerId) => Effect.either(Events.registerParticipant(actor, small.value.id, seekerId))),
          { concurrency: "unbounded" }
        )
        expect(rush.filter(Either.isRight)).toHaveLength(2)
        expect(yield* Events.participants(actor, small.value.id)).toHaveLength(2)
      })))

    it.effect("books a study room once when 20 requests race for it, and keeps the 3-hour limit", () =>
      run(Effect.gen(function*() {
        const actor = { districtId: A, counselorId: "counselor-01" as Ids.CounselorId }
        const cafe = yield* Cafes.register(actor, {
          name: "성수 일자리카페",
          venueType: "youth-space",
          address: "서울 성동구 아차산로 100",
          location: { lat: 37.5446, lon: 127.0559 },
          studyRooms: ["room-1", "room-2", "room-3", "room-4", "room-5"]
        })
        const request = (personId: string, start: string, end: string, roomId = "room-1") =>
          ({ cafeId: cafe.value.id, roomId, personId, on: "2026-05-12", start, end })
        const attempts = yield* Effect.forEach(
          Array.from({ length: 20 }, (_, i) => request(`p-${i}`, "10:00", "12:00")),
          (r) => Effect.either(StudyRooms.reserve(actor, r)),
          { concurrency: "unbounded" }
        )
        expect(attempts.filter(Either.isRight)).toHaveLength(1)
        for (const refused of attempts.filter(Either.isLeft)) expect(refused.left._tag).toBe("BookingRefused")
        // One person, many rooms at once: never more than 3 hours in the day.
        yield* Effect.forEach(
          ["room-2", "room-3", "room-4", "room-5"].map((room, i) => request("p-x", `1${3 + i}:00`, `1${4 + i}:00`, room)),
          (r) => Effect.either(StudyRooms.reserve(actor, r)),
          { concurrency: "unbounded" }
        )
        const day = yield* StudyRooms.bookingsOn(actor, "2026-05-12")
        expect(day.filter((b) => b.value.personId === "p-x")).toHaveLength(3)
        expect(yield* StudyRooms.bookingsOn({ ...actor, districtId: B }, "2026-05-12")).toEqual([])
      })))

    it.effect("keeps job cafés per district, finds those within a walk, and gives a program's last place once", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-05-04T01:00:00Z"))
        const actor = { districtId: A, counselorId: "counselor-01" as Ids.CounselorId }
        const cafe = (name: string, lat: number, lon: number) =>
          Cafes.register(actor, { name, venueType: "public-facility", address: "서울 성동구", location: { lat, lon }, studyRooms: ["1호실", "2호실"] })
        // 성수역 (37.5446, 127.0559): one café some 400 m away, one across the river.
        const near = yield* cafe("성수 일자리카페", 37.5475, 127.0575)
        yield* cafe("강남 일자리카페", 37.4979, 127.0276)
        const found = yield* Cafes.nearby(actor, { lat: 37.5446, lon: 127.0559 })
        expect(found.map((f) => f.cafe.id)).toEqual([near.value.id])
        expect(found[0]!.walkMinutes).toBeGreaterThan(4)
        expect(found[0]!.walkMinutes).toBeLessThan(10)
        expect(yield* Cafes.nearby({ ...actor, districtId: B }, { lat: 37.5446, lon: 127.0559 })).toEqual([])
        expect((yield* Cafes.list(actor)).map((c) => c.value.name)).toEqual(["강남 일자리카페", "성수 일자리카페"])
        // A changed café keeps its id; a room named twice is refused.
        const moved = yield* Cafes.update(actor, near.value.id, near.version, {
          name: near.value.name,
          venueType: near.value.venueType,
          address: "서울 성동구 아차산로 100",
          location: near.value.location,
          studyRooms: ["1호실"]
        })
        expect(moved.value).toMatchObject({ id: near.value.id, address: "서울 성동구 아차산로 100", studyRooms: ["1호실"] })
        expect(yield* Effect.flip(Cafes.register(actor, {
          name: "방 중복",
          venueType: "university",
          address: "",
          location: { lat: 37.5, lon: 127 },
          studyRooms: ["A", "A"]
        }))).toMatchObject({ _tag: "ValidationError" })
        // A room the café does not have, or a café not registered, is refused with the reason.
        const refused = yield* Effect.flip(StudyRooms.reserve(actor, { cafeId: near.value.id, roomId: "2호실", personId: "p-1", on: "2026-05-12", start: "10:00", end: "11:00" }))
        expect(refused).toMatchObject({ _tag: "BookingRefused", reasons: [{ _tag: "UnknownRoom" }] })
        const elsewhere = yield* Effect.flip(StudyRooms.reserve({ ...actor, districtId: B }, { cafeId: near.value.id, roomId: "1호실", personId: "p-1", on: "2026-05-12", start: "10:00", end: "11:00" }))
        expect(elsewhere).toMatchObject({ _tag: "BookingRefused", reasons: [{ _tag: "UnknownRoom" }] })
        // Ten people racing for a program's last two places: two get them.
        const clinic = yield* Cafes.scheduleProgram(actor, near.value.id, { kind: "resume-clinic", on: "2026-05-14", start: "14:00", places: 3 })
        yield* Cafes.signUp(actor, clinic.value.id, "visitor-0")
        const rush = yield* Effect.all(
          Array.from({ length: 10 }, (_, i) => Effect.either(Cafes.signUp(actor, clinic.value.id, `visitor-${i + 1}`))),
          { concurrency: "unbounded" }
        )
        expect(rush.filter(Either.isRight)).toHaveLength(2)
        for (const refusal of rush.filter(Either.isLeft)) expect(refusal.left).toMatchObject({ _tag: "SignUpRefused", reason: "full" })
        expect(yield* Cafes.signUps(actor, clinic.value.id)).toHaveLength(3)
        const may = yield* Cafes.programs(actor, { from: "2026-05-01", to: "2026-05-31" })
        expect(may.map((p) => [p.program.value.id, p.signedUp, p.placesLeft])).toEqual([[clinic.value.id, 3, 0]])
        expect(yield* Cafes.programs(actor, { from: "2026-06-01", to: "2026-06-30" })).toEqual([])
        expect(yield* Cafes.programs({ ...actor, districtId: B }, { from: "2026-05-01", to: "2026-05-31" })).toEqual([])
        // Visitors signed up are logged by their sign-up's id, never by what the café knows them by.
        const entries = yield* Effect.flatMap(Audit.AuditLog, (log) => log.list(A))
        expect(entries.filter((e) => e.purpose === "cafeProgram.signUp")).toHaveLength(3)
        expect(entries.some((e) => e.subjectId.startsWith("visitor-"))).toBe(false)
      })))
  })
}
