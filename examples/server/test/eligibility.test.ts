import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { type Audit, LocalDate } from "@iljari/core"
import { Effect, Schema, TestClock } from "effect"
import { seekerInput } from "@iljari/test-support/fixtures"
import { as, clientFor, staffLogin, TestServer } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput

const day = Schema.decodeSync(LocalDate.LocalDate)

describe("eligibility over HTTP", () => {
  it.layer(TestServer, { timeout: 60_000 })((it) => {
    it.effect("checks a stored seeker's programs rule by rule, in Korean or English, within the district only, and logs the read", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-10T01:00:00Z"))
        const client = yield* clientFor(staffLogin("counselor"))
        const seeker = yield* client.seekers.register({
          payload: { ...seekerForm, name: "최자격", contact: { phone: "010-7777-0101" }, birthDate: "1960-04-01", addressRegion: "11200" }
        })
        const result = yield* client.eligibility.check({
          path: { id: seeker.value.id },
          urlParams: {},
          payload: {
            employmentStatus: "unemployed",
            assets: 50_000_000,
            basicLivelihoodRecipient: false,
            unemploymentBenefitRecipient: false,
            recentWork: { windowMonths: 24, monthsWorked: 2 }
          }
        })
        expect(result.asOf).toBe("2026-03-10")
        const byId = new Map(result.programs.map((p) => [p.programId, p]))
        expect(result.programs.length).toBe(4)
        // Public works for a resident of 65 with no income and few assets: every rule passes.
        const works = byId.get("public-works-yeongdeungpo")!
        expect(works.reasons.every((r) => r.outcome === "passed")).toBe(true)
        expect(works).toMatchObject({ eligible: true, status: "eligible" })
        expect(result.eligibleFor).toContain("public-works-yeongdeungpo")
        // The preset is run by the user's district, and its name says so.
        expect(works.name).toBe("공공근로사업 (성동구)")
        const youth = byId.get("youth-intern")!
        expect(youth).toMatchObject({ eligible: false, status: "not-eligible" })
        expect(youth.reasons.some((r) => r.outcome === "failed" && /35세 이하: 미충족 \(만 65세\)/.test(r.message))).toBe(true)
        // Without a hire, the middle-aged hire subsidy cannot be decided: unknown, never passed.
        expect(byId.get("middle-aged-hire")!.status).toBe("needs-facts")

        const english = yield* client.eligibility.check({ path: { id: seeker.value.id }, urlParams: { lang: "en" }, payload: { employmentStatus: "unemployed" } })
        expect(english.programs[0]!.reasons.some((r) => r.outcome === "unknown")).toBe(true)
        expect(english.programs.find((p) => p.programId === "youth-intern")!.name).toBe("Youth intern subsidy")
        expect(english.programs[0]!.name).toBe("Public works (Seongdong-gu)")

        const neighbour = yield* clientFor(staffLogin("counselor", "11215"))
        const refused = yield* Effect.flip(neighbour.eligibility.check({ path: { id: seeker.value.id }, urlParams: {}, payload: { employmentStatus: "unemployed" } }))
        expect(refused._tag).toBe("NotFound")

        // The reads are in the access log, with their purpose; the refused one is not.
        const manager = yield* clientFor(staffLogin("manager"))
        const log = yield* manager.review.audit({ urlParams: { subjectId: seeker.value.id } })
        expect(log.items.filter((e) => e.purpose === "seeker.eligibility").length).toBe(2)
      }))

    it.effect("checks a case posted whole, without storing or logging it; lists the district's programs", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-10T01:00:00Z"))
        const client = yield* clientFor(staffLogin("counselor"))
        const manager = yield* clientFor(staffLogin("manager"))
        // Reading the log is itself logged ("audit.review"), and so are sign-ins; the other entries are what the checks could add.
        const everything = (cursor?: string): Effect.Effect<ReadonlyArray<Audit.AuditEntry>, unknown> =>
          Effect.flatMap(manager.review.audit({ urlParams: { limit: 100, ...(cursor === undefined ? {} : { cursor }) } }), (page) =>
            page.nextCursor === null ? Effect.succeed(page.items) : Effect.map(everything(page.nextCursor), (rest) => [...page.items, ...rest]))
        const entries = Effect.map(everything(), (log) => log.filter((e) => e.purpose !== "audit.review" && e.subjectKind !== "account").length)
        const logged = yield* entries
        const young = yield* client.eligibility.checkCase({
          urlParams: {},
          payload: { birthDate: day("2000-05-05"), residence: "11200" as never, employmentStatus: "unemployed" }
        })
        expect(young.eligibleFor).toContain("youth-intern")
        expect(young.programs.find((p) => p.programId === "youth-intern")!.reasons.map((r) => r.outcome)).toEqual(["passed", "passed", "passed"])
        // A resident of another district does not qualify for this district's programs.
        const elsewhere = yield* client.eligibility.checkCase({
          urlParams: { lang: "en" },
          payload: { birthDate: day("2000-05-05"), residence: "11215" as never, employmentStatus: "unemployed" }
        })
        expect(elsewhere.eligibleFor).toEqual([])
        const residence = elsewhere.programs.find((p) => p.programId === "youth-intern")!.reasons.find((r) => r.outcome === "failed")!
        expect(residence.message).toMatch(/Seongdong/)
        // A broken case is a 400 naming the field.
        const http = yield* HttpClient.HttpClient
        const broken = yield* http.execute(HttpClientRequest.post("/eligibility").pipe(
          yield* as(staffLogin("counselor")),
          HttpClientRequest.bodyText(JSON.stringify({ birthDate: "2000-05-05", residence: "11200", employmentStatus: "retired" }), "application/json")
        ))
        expect(broken.status).toBe(400)
        expect(yield* broken.text).toContain("employmentStatus")

        const programs = yield* client.eligibility.programs({ urlParams: {} })
        expect(programs.map((p) => p.programId)).toEqual(["public-works-yeongdeungpo", "community-jobs", "youth-intern", "middle-aged-hire"])
        expect(programs.find((p) => p.programId === "youth-intern")!.rules).toContain("만 15세 이상 35세 이하")
        // Nothing was read from storage, so nothing was logged.
        expect(yield* entries).toBe(logged)
      }))
  })
})
