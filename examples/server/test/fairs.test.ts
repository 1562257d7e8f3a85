import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { clientFor, staffLogin, TestServer } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
const { districtId: _g, id: _h, ...openingForm } = openingInput

describe("a job fair over HTTP", () => {
  it.layer(TestServer, { timeout: 60_000 })((it) => {
    it.effect("plan → pre-select → invite → attendance → timetable → a hire that counts → figures", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-05-04T01:00:00Z"))
        const client = yield* clientFor(staffLogin("counselor"))
        for (const [i, wish] of ["5410", "5410", "5611", "0231"].entries()) {
          yield* client.seekers.register({
            payload: { ...seekerForm, name: `방문자${i}`, contact: { phone: `010-4000-100${i}` }, desiredOccupations: [wish], desiredRegions: [] }
          })
        }
        const employer = yield* client.employers.registerEmployer({ payload: employerForm })
        const opening = yield* client.employers.registerOpening({
          payload: {
            ...openingForm,
            employerId: employer.value.id,
            title: "아파트 경비원",
            occupation: "5410",
            educationMinimum: "00",
            career: { requirement: "any" },
            openedOn: "2026-05-01",
            closesOn: "2026-05-31"
          }
        })
        let fair = yield* client.fairs.create({
          payload: {
            title: "5월 일 잡는 데이",
            heldOn: "2026-05-12",
            venue: "성동구청 대강당",
            schedule: { start: "14:00", slotMinutes: 20 },
            maxInterviewsPerSeeker: 1,
            minScore: 66,
            employers: [{ employerId: employer.value.id, openingIds: [opening.value.id], capacity: 2 }]
          }
        })
        fair = yield* client.fairs.preselect({ path: { id: fair.value.id }, payload: { version: fair.version } })
        // Security and cleaning wishes share KECO's major group 5 and pass 66 points; office work does not.
        expect(fair.value.candidates.length).toBe(3)
        fair = yield* client.fairs.invite({ path: { id: fair.value.id }, payload: { version: fair.version } })
        expect(fair.outcome.invited).toBe(3)
        const stale = yield* Effect.flip(client.fairs.invite({ path: { id: fair.value.id }, payload: { version: 1 } }))
        expect(stale._tag).toBe("StaleVersion")
        fair = yield* client.fairs.attendance({
          path: { id: fair.value.id },
          payload: { version: fair.version, seekerIds: fair.value.invitations.map((i) => i.seekerId) }
        })
        fair = yield* client.fairs.schedule({ path: { id: fair.value.id }, payload: { version: fair.version } })
        expect(fair.value.interviews.map((i) => [i.slot, i.start])).toEqual([[1, "14:00"], [2, "14:20"]])
        const [first] = fair.value.interviews
        fair = yield* client.fairs.result({
          path: { id: fair.value.id },
          payload: { version: fair.version, seekerId: first!.seekerId, employerId: first!.employerId, result: "hired", startOn: "2026-05-18" }
        })
        expect(fair.outcome).toMatchObject({ invited: 3, attended: 3, interviewed: 1, hired: 1 })
        const results = yield* client.review.results({ urlParams: { from: "2026-05-01" as never, to: "2026-05-31" as never } })
        expect(results.placements).toBe(1)
        const neighbour = yield* clientFor(staffLogin("counselor", "11215"))
        expect((yield* Effect.flip(neighbour.fairs.get({ path: { id: fair.value.id } })))._tag).toBe("NotFound")
        const bad = yield* Effect.flip(client.fairs.create({ payload: { title: "", employers: [] } }))
        expect(bad._tag).toBe("ValidationError")
      }))
  })
})
