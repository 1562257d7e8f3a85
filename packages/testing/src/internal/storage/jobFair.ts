/**
 * A whole job fair on a storage backend: pre-selection by match score →
 * invitations in the outbox → attendance → a conflict-free timetable →
 * results → a hire that counts for the center → the fair's figures. Run on
 * memory, SQLite and PostgreSQL alike.
 */
import { describe, expect, it } from "@effect/vitest"
import { type Ids, JobCenter, JobFair, Outbox, Repositories } from "@iljari/core"
import { Effect, Exit, TestClock } from "effect"
import { employerInput, openingInput, seekerInput } from "../../Fixtures.js"
import { type Backend, layerOf } from "./backend.js"

const kim: JobCenter.Actor = { districtId: "11200" as Ids.DistrictId, counselorId: "counselor-01" as Ids.CounselorId }

const { districtId: _d1, id: _i1, registeredAt: _r1, consents: smsConsents, ...seekerForm } = seekerInput
const { districtId: _d2, id: _i2, registeredAt: _r2, ...employerForm } = employerInput
const { districtId: _d3, id: _i3, ...openingForm } = openingInput

const personalData = { purpose: "personal-data", givenAt: "2026-01-02T01:00:00.000Z" }
const phoneOnly = [personalData, { purpose: "service", channel: "phone", givenAt: "2026-01-02T01:00:00.000Z" }]

// Twelve seekers: security, cleaning and office wishes; two consent to calls
// only, one to nothing but the processing of their data.
const wishes = [["5410"], ["5410", "5611"], ["5611"], ["5611", "5410"], ["0231"], ["5410"], ["5612"], ["0231", "0232"], ["5411"], ["5611"], ["5410"], ["0231"]]
const consentsOf = (i: number) => (i === 3 || i === 7 ? phoneOnly : i === 10 ? [personalData] : smsConsents)

const setUp = Effect.gen(function*() {
  yield* TestClock.setTime(Date.parse("2026-05-04T01:00:00Z"))
  const seekers: Array<Ids.SeekerId> = []
  for (const [i, desiredOccupations] of wishes.entries()) {
    const s = yield* JobCenter.registerSeeker(kim, {
      ...seekerForm,
      name: `구직자${String(i).padStart(2, "0")}`,
      contact: { phone: `010-2000-${String(1000 + i)}` },
      desiredOccupations,
      desiredRegions: [],
      consents: consentsOf(i)
    })
    seekers.push(s.value.id)
  }
  const security = yield* JobCenter.registerEmployer(kim, { ...employerForm, name: "성수시설관리(주)", businessNumber: "220-81-62517" })
  const office = yield* JobCenter.registerEmployer(kim, employerForm)
  const opening = (employerId: Ids.EmployerId, occupation: string, title: string) =>
    JobCenter.registerOpening(kim, {
      ...openingForm,
      employerId,
      title,
      occupation,
      educationMinimum: "00",
      career: { requirement: "any" },
      wage: { type: "monthly", min: 2_200_000 },
      openedOn: "2026-05-01",
      closesOn: "2026-05-31"
    })
  const guard = yield* opening(security.value.id, "5410", "아파트 경비원")
  const cleaner = yield* opening(security.value.id, "5611", "건물 청소원")
  const clerk = yield* opening(office.value.id, "0231", "회계 사무원")
  return { seekers, security: security.value.id, office: office.value.id, guard, cleaner, clerk }
})

export const jobFairSuite = (backend: Backend) =>
  describe(`a job fair end to end on ${backend.name}`, () => {
    it.effect("pre-selection → invitations → attendance → timetable → results → placements that count → figures", () =>
      Effect.gen(function*() {
        const { cleaner, clerk, guard, office, security, seekers } = yield* setUp

        // 1. The fair: two employers, three openings.
        let fair = yield* JobFair.create(kim, {
          title: "5월 일 잡는 데이",
          heldOn: "2026-05-12",
          venue: "성동구청 3층 대강당",
          schedule: { start: "14:00", slotMinutes: 20 },
          maxInterviewsPerSeeker: 2,
          minScore: 66,
          employers: [
            { employerId: security, openingIds: [guard.value.id, cleaner.value.id], capacity: 5 },
            { employerId: office, openingIds: [clerk.value.id], capacity: 3 }
          ]
        })
        expect(fair.value.status).toBe("planned")

        // 2. Pre-selection by match score.
        fair = yield* JobFair.preselect(kim, fair.value.id, fair.version, 6)
        const candidates = fair.value.candidates
        expect(candidates.length).toBeGreaterThan(0)
        for (const c of candidates) expect(c.score).toBeGreaterThanOrEqual(66)
        // Above 65 points (with the default weights) only related wishes qualify: office wishes for the office.
        const wishOf = new Map(seekers.map((id, i) => [id as string, wishes[i]!]))
        for (const c of candidates.filter((c) => c.employerId === office)) expect(wishOf.get(c.seekerId)![0]!.startsWith("02")).toBe(true)
        expect(new Set(candidates.map((c) => `${c.seekerId}/${c.employerId}`)).size).toBe(candidates.length)

        // 3. Invitations: SMS through the outbox with consent, calls for phone-only, the rest skipped.
        fair = yield* JobFair.invite(kim, fair.value.id, fair.version)
        const invited = new Set(candidates.map((c) => c.seekerId as string))
        const sms = fair.value.invitations.filter((i) => i.channel === "sms")
        const messages = yield* Effect.flatMap(Outbox.Outbox, (o) => o.list(kim.districtId))
        const invitationsSent = messages.filter((m) => m.template === "job-fair-invitation")
        expect(invitationsSent.map((m) => m.recipient.id).sort()).toEqual(sms.map((i) => i.seekerId).sort())
        expect(invitationsSent[0]!.params).toMatchObject({ date: "2026-05-12", venue: "성동구청 3층 대강당" })
        // Each SMS invitation names its outbox message, so its delivery can be followed.
        const byId = new Map(invitationsSent.map((m) => [m.id as string, m]))
        for (const i of sms) {
          expect(byId.get(i.messageId!)).toMatchObject({ recipient: { id: i.seekerId }, channel: "sms", purpose: "service", status: "pending" })
          expect(i.sentAt?.epochMillis).toBe(Date.parse("2026-05-04T01:00:00Z"))
        }
        expect(fair.value.status).toBe("open")
        for (const i of fair.value.invitations.filter((i) => i.channel === "phone")) {
          expect([seekers[3], seekers[7]]).toContain(i.seekerId)
        }
        expect(fair.value.invitations.filter((i) => i.channel === "phone")).toHaveLength(2)
        expect(fair.value.skipped).toEqual([{ seekerId: seekers[10], reason: "no consent to service messages by SMS or phone" }])
        expect(fair.value.invitations.length + fair.value.skipped.length).toBe(invited.size)
        // Inviting again sends nothing twice.
        fair = yield* JobFair.invite(kim, fair.value.id, fair.version)
        expect((yield* Effect.flatMap(Outbox.Outbox, (o) => o.list(kim.districtId))).length).toBe(messages.length)

        // 4. Attendance: everyone invited but one; someone not invited cannot attend.
        const came = fair.value.invitations.map((i) => i.seekerId).slice(1)
        const uninvited = fair.value.skipped[0]!.seekerId
        const refused = yield* Effect.exit(JobFair.recordAttendance(kim, fair.value.id, fair.version, [uninvited]))
        expect(Exit.isFailure(refused) && JSON.stringify(refused.cause)).toContain("was not invited to this fair")
        fair = yield* JobFair.recordAttendance(kim, fair.value.id, fair.version, came)
        expect(fair.value.status).toBe("held")

        // 5. The timetable: only those who came, nobody twice in a slot, fewest slots.
        fair = yield* JobFair.schedule(kim, fair.value.id, fair.version)
        const interviews = fair.value.interviews
        expect(interviews.length).toBeGreaterThan(0)
        const slotKeys = new Set<string>()
        for (const i of interviews) {
          expect(came).toContain(i.seekerId)
          for (const key of [`s/${i.seekerId}/${i.slot}`, `e/${i.employerId}/${i.slot}`]) {
            expect(slotKeys.has(key)).toBe(false)
            slotKeys.add(key)
          }
        }
        const load = new Map<string, number>()
        for (const i of interviews) for (const who of [i.seekerId, i.employerId]) load.set(who, (load.get(who) ?? 0) + 1)
        expect(Math.max(...interviews.map((i) => i.slot))).toBe(Math.max(...load.values()))
        expect(interviews[0]!.start).toBe("14:00")

        // 6. Results: the first interview hires, the others do not.
        const [first, ...rest] = interviews
        fair = yield* JobFair.recordResult(kim, fair.value.id, fair.version, {
          seekerId: first!.seekerId,
          employerId: first!.employerId,
          result: "hired",
          startOn: "2026-05-18"
        })
        for (const [k, i] of rest.entries()) {
          fair = yield* JobFair.recordResult(kim, fair.value.id, fair.version, {
            seekerId: i.seekerId,
            employerId: i.employerId,
            result: k === 0 ? "no-show" : "not-hired"
          })
        }
        expect(fair.value.status).toBe("closed")
        const hire = fair.value.interviews.find((i) => i.result === "hired")!
        const placement = yield* Effect.flatMap(Repositories.PlacementRepository, (r) => r.get(kim.districtId, hire.placementId!))
        expect(placement.value).toMatchObject({ countsForCenter: true, referralId: hire.referralId, seekerId: first!.seekerId })
        // The referral behind the placement names the fair it came from.
        const referral = yield* Effect.flatMap(Repositories.ReferralRepository, (r) => r.get(kim.districtId, hire.referralId!))
        expect(referral.value.notes).toContain(fair.value.id)
        expect(referral.value.status).toBe("hired")
        const results = yield* JobCenter.results(kim, { from: "2026-05-01" as never, to: "2026-05-31" as never })
        expect(results.placements).toBe(1)
        const followUps = yield* Effect.flatMap(Repositories.FollowUpRepository, (r) => r.listByPlacement(kim.districtId, placement.value.id))
        expect(followUps).toHaveLength(3)

        // 7. The figures, each bounded by the one before.
        const outcome = JobFair.outcome(fair.value)
        expect(outcome).toMatchObject({ invited: fair.value.invitations.length, attended: came.length, hired: 1 })
        expect(outcome.interviewed).toBe(new Set(rest.slice(1).map((i) => i.seekerId).concat(first!.seekerId)).size)
        expect(outcome.hired).toBeLessThanOrEqual(outcome.interviewed)
        expect(outcome.interviewed).toBeLessThanOrEqual(outcome.attended)
        expect(outcome.attended).toBeLessThanOrEqual(outcome.invited)
        expect(outcome.byEmployer.reduce((a, e) => a + e.hired, 0)).toBe(1)

        // The stored fair is what the steps returned, and a stale version changes nothing.
        const stored = yield* JobFair.get(kim, fair.value.id)
        expect(stored.value).toEqual(fair.value)
        const stale = yield* Effect.exit(JobFair.invite(kim, fair.value.id, fair.version - 1))
        expect(Exit.isFailure(stale) && JSON.stringify(stale.cause)).toContain("StaleVersion")
      }).pipe(Effect.provide(layerOf(backend))), 60_000)
  })
