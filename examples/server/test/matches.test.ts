import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { clientFor, staffLogin, TestServer } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
const { districtId: _g, id: _h, ...openingForm } = openingInput

describe("recommendations over HTTP", () => {
  it.layer(TestServer, { timeout: 60_000 })((it) => {
    it.effect("a counselor gets a seeker's best openings and an opening's best seekers, explained", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
        const client = yield* clientFor(staffLogin("counselor"))
        const guard = yield* client.seekers.register({
          payload: { ...seekerForm, desiredOccupations: ["5410"], desiredRegions: [], certificates: [] }
        })
        yield* client.seekers.register({
          payload: { ...seekerForm, name: "이영수", contact: { phone: "010-9876-5432" }, desiredOccupations: ["0231"] }
        })
        const employer = yield* client.employers.registerEmployer({ payload: employerForm })
        const job = (occupation: string, title: string) =>
          client.employers.registerOpening({
            payload: {
              ...openingForm,
              title,
              occupation,
              employerId: employer.value.id,
              educationMinimum: "00",
              career: { requirement: "any" },
              preferredCertificates: [],
              openedOn: "2026-03-02",
              closesOn: "2026-03-31"
            }
          })
        const security = yield* job("5410", "아파트 경비원")
        yield* job("0231", "회계 사무원")
        yield* job("5611", "건물 청소원")

        const forGuard = yield* client.matches.openingsForSeeker({ path: { id: guard.value.id }, urlParams: { k: 2 } })
        expect(forGuard.matches.map((m) => m.opening.title)).toEqual(["아파트 경비원", "건물 청소원"])
        const best = forGuard.matches[0]!.match
        expect(best.parts.reduce((sum, p) => sum + p.points, 0)).toBeCloseTo(best.total, 6)
        expect(best.explanation[0]).toMatch(/^적합도 \d+\.\d점 \/ 100$/)
        expect(best.parts[0]).toMatchObject({ criterion: "occupation", label: "직종", points: 35 })

        const english = yield* client.matches.openingsForSeeker({ path: { id: guard.value.id }, urlParams: { lang: "en" } })
        expect(english.matches[0]!.match.explanation[1]).toMatch(/^Occupation 35\.0\/35\.0: Matches wish #1, 5410/)

        const forJob = yield* client.matches.seekersForOpening({ path: { id: security.value.id }, urlParams: {} })
        expect(forJob.matches[0]!.seeker).toMatchObject({ id: guard.value.id, name: seekerForm.name })

        // Every seeker shown is in the access log, for the manager to see.
        const manager = yield* clientFor(staffLogin("manager"))
        const log = yield* manager.review.audit({ urlParams: { subjectId: guard.value.id } })
        expect(log.items.map((e) => e.purpose)).toEqual(
          expect.arrayContaining(["recommendations.openings", "recommendations.seekers"])
        )
      }))

    it.effect("another district's seeker or opening is not found, and k is bounded", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
        const client = yield* clientFor(staffLogin("counselor"))
        const seeker = yield* client.seekers.register({ payload: { ...seekerForm, name: "최다른", contact: { phone: "010-5555-0101" } } })
        const neighbour = yield* clientFor(staffLogin("counselor", "11215"))
        const refused = yield* Effect.flip(neighbour.matches.openingsForSeeker({ path: { id: seeker.value.id }, urlParams: {} }))
        expect(refused._tag).toBe("NotFound")
        const tooMany = yield* Effect.flip(client.matches.openingsForSeeker({ path: { id: seeker.value.id }, urlParams: { k: 1000 } }))
        expect(tooMany._tag).toBe("ParseError")
      }))
  })
})
