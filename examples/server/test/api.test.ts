import SwaggerParser from "@apidevtools/swagger-parser"
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect, FastCheck as fc, TestClock } from "effect"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { apiToken, clientFor, staffLogin, TestServer } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
const { districtId: _g, id: _h, ...openingForm } = openingInput

describe("the example server", () => {
  it.layer(TestServer, { timeout: 60_000 })((it) => {
    it.effect("serves an OpenAPI document that a real validator accepts", () =>
      Effect.gen(function*() {
        const http = yield* HttpClient.HttpClient
        const document = yield* Effect.flatMap(http.get("/openapi.json"), (r) => r.json)
        const validated = yield* Effect.promise(() => SwaggerParser.validate(structuredClone(document) as never))
        expect(validated.info.title).toBe("iljari — district job center API")
        const paths = (document as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> }).paths
        expect(Object.keys(paths)).toContain("/seekers/{id}")
        // Downloads are described by their media types: the workbook as binary, CSV and HTML as text.
        const ok = (path: string) => paths[path]!["get"]!.responses["200"]!.content!
        expect(ok("/reports/results.xlsx")["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]!.schema)
          .toMatchObject({ type: "string", format: "binary" })
        expect(ok("/reports/results.csv")["text/csv; charset=utf-8"]!.schema).toMatchObject({ type: "string" })
        expect(ok("/reports/results.html")["text/html; charset=utf-8"]!.schema).toMatchObject({ type: "string" })
        for (const path of ["/eligibility", "/eligibility/programs", "/seekers/{id}/eligibility", "/targets/plan", "/targets/pace", "/monitoring"]) {
          expect(Object.keys(paths)).toContain(path)
        }
        // The reference page carries the document and Scalar's script inline: it works offline.
        const docs = yield* http.get("/docs")
        expect(docs.status).toBe(200)
        const page = yield* docs.text
        expect(page.includes("iljari — district job center API")).toBe(true)
        expect(/<script[^>]+src="https?:/.test(page)).toBe(false)
      }))

    it.effect("drives a counselor's day through the typed client", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-02T01:00:00Z"))
        let client = yield* clientFor(staffLogin("counselor"))
        const seeker = yield* client.seekers.register({ payload: seekerForm })
        const employer = yield* client.employers.registerEmployer({ payload: employerForm })
        const opening = yield* client.employers.registerOpening({
          payload: { ...openingForm, employerId: employer.value.id, openedOn: "2026-03-02", closesOn: "2026-03-31" }
        })
        yield* client.seekers.counsel({ payload: { seekerId: seeker.value.id, heldOn: "2026-03-02", channel: "visit" } })
        const referral = yield* client.cases.propose({ payload: { seekerId: seeker.value.id, openingId: opening.value.id } })
        yield* client.cases.move({ path: { id: referral.value.id }, payload: { to: "sent", version: 1 } })
        yield* client.cases.move({ path: { id: referral.value.id }, payload: { to: "interviewing", version: 2 } })
        const placed = yield* client.cases.place({
          payload: { seekerId: seeker.value.id, referralId: referral.value.id, startOn: "2026-03-09", contractType: "open-ended", schedule: "full-time" }
        })
        expect(placed.placement.value.countsForCenter).toBe(true)
        expect(placed.followUps.map((f) => f.value.dueOn)).toEqual(["2026-04-08", "2026-05-08", "2026-06-08"])
        yield* TestClock.setTime(Date.parse("2026-04-08T01:00:00Z"))
        // A month later, yesterday's session has long ended: the counselor signs in again.
        client = yield* clientFor(staffLogin("counselor"))
        const ledger = yield* client.cases.ledger({ urlParams: {} })
        expect(ledger.dueToday.map((c) => c.value.sequence)).toEqual([1])
        const due = ledger.dueToday[0]!
        const recorded = yield* client.cases.recordFollowUp({
          path: { id: due.value.id },
          payload: { version: due.version, doneOn: "2026-04-08", channel: "phone", outcome: "working" }
        })
        expect(recorded.check.value.outcome).toBe("working")
        const results = yield* client.review.results({ urlParams: { from: "2026-03-01" as never, to: "2026-03-31" as never } })
        expect(results).toEqual({ seekers: 1, openings: 1, placements: 1, counseling: 1 })
        const pace = yield* client.review.pace({ urlParams: { year: 2026, period: "year", placements: 120 } })
        expect(pace[0]).toMatchObject({ metric: "placements", pace: { actual: 1 } })
        // Managers see the access log of the seeker's data; counselors may not.
        const manager = yield* clientFor(staffLogin("manager"))
        const log = yield* manager.review.audit({ urlParams: { subjectId: seeker.value.id } })
        expect(log.items.map((e) => e.purpose)).toContain("seeker.register")
        expect((yield* Effect.flip(client.review.audit({ urlParams: {} })))._tag).toBe("Forbidden")
      }))

    it.effect("keeps districts apart: another district's record is a 404, not a leak", () =>
      Effect.gen(function*() {
        const seongdong = yield* clientFor(staffLogin("counselor"))
        const gwangjin = yield* clientFor(staffLogin("counselor", "11215"))
        const seeker = yield* seongdong.seekers.register({ payload: { ...seekerForm, name: "경계선", contact: { phone: "010-3333-4444" } } })
        const error = yield* Effect.flip(gwangjin.seekers.get({ path: { id: seeker.value.id } }))
        expect(error).toMatchObject({ _tag: "NotFound", kind: "seeker", id: seeker.value.id })
        const listed = yield* gwangjin.seekers.list({ urlParams: {} })
        expect(listed.every((s) => s.value.districtId === "11215")).toBe(true)
        expect(listed.some((s) => s.value.id === seeker.value.id)).toBe(false)
      }))

    it.effect("answers invalid bodies, parameters and tokens with 4xx and an error in the one shape, never 5xx (fuzz)", () =>
      Effect.gen(function*() {
        const http = yield* HttpClient.HttpClient
        const routes = [
          ["POST", "/seekers"], ["PUT", "/seekers/seeker-000001"], ["GET", "/seekers/%00bad"], ["POST", "/employers"],
          ["POST", "/openings"], ["POST", "/counseling"], ["POST", "/referrals"], ["POST", "/referrals/x/status"],
          ["POST", "/placements"], ["POST", "/follow-ups/x"], ["GET", "/follow-ups/ledger?counselorId=%20"],
          ["GET", "/results?from=2026-13-01&to=x"], ["GET", "/targets/pace?year=abc&period=decade"], ["GET", "/monitoring?from=1"],
          ["GET", "/seekers?limit=-5&offset=x"], ["GET", "/seekers/nobody/matches?k=0"], ["GET", "/seekers/%00/matches?lang=fr"],
          ["GET", "/openings/x/matches?k=abc"], ["GET", "/openings/opening-000001/matches?k=101"],
          ["POST", "/seekers/seeker-000001/eligibility"], ["POST", "/seekers/x/eligibility?lang=de"],
          ["POST", "/eligibility"], ["POST", "/eligibility?lang=xx"], ["GET", "/eligibility/programs?lang=fr"],
          ["GET", "/targets/plan?year=1999"], ["GET", "/targets/plan?year=2026&growth=abc"], ["GET", "/targets/plan?year=2026&roundTo=0"],
          ["GET", "/targets/plan"], ["GET", "/targets/pace?year=2026&period=month&placements=-1"],
          ["GET", "/reports/results.html?year=20x6&month=3"], ["GET", "/reports/results.xlsx?year=2026&month=0"],
          ["GET", "/reports/results.csv?month=2026-03&table=%3Cscript%3E"], ["GET", "/reports/results.csv?lang=jp"],
          ["GET", "/reports/results.csv"], ["GET", "/reports/results.xlsx?month=2026-13"], ["GET", "/reports/results.html?month=10"],
          ["GET", "/reports/results.html?month=2026-10&year=2026"], ["GET", "/reports/results.xlsx?month=2026-10&week=2026-10-14"],
          ["GET", "/reports/results.csv?from=2026-01-01"], ["GET", "/reports/results.csv?from=2026-03-01&to=2026-02-01"],
          ["GET", "/reports/results.xlsx?from=1990-01-01&to=2026-01-01"], ["GET", "/reports/results.html?week=2026-02-30"],
          ["GET", "/reports/results.html?week=1899-12-31"], ["GET", "/reports/results.csv?year=1999"],
          ["GET", "/reports/results.csv?year=2026&lang=ko&counselorId=%20"], ["GET", "/reports/results.xlsx?month=2026-10&lang=EN"],
          ["GET", "/reports/results.html?month=2026-10&counselorId=a%2Fb"], ["GET", "/reports/results.csv?week=2026-10-14&table=x"],
          ["POST", "/job-fairs"], ["GET", "/job-fairs/x"], ["POST", "/job-fairs/job-fair-000001/invite"],
          ["POST", "/job-fairs/x/attendance"], ["POST", "/job-fairs/x/results"],
          ["POST", "/job-fairs/x/preselect"], ["POST", "/seekers/x/close"], ["GET", "/no/such/route"], ["DELETE", "/seekers"],
          ["POST", "/outreach-sessions"], ["GET", "/outreach-sessions/progress?month=2026-13"], ["POST", "/discovery-visits"],
          ["GET", "/discovery-visits/progress?year=x"], ["POST", "/surveys"], ["POST", "/surveys/x/responses"],
          ["GET", "/surveys/x/scores?from=2026-01-01&to=y"],
          ["POST", "/study-rooms/bookings"], ["POST", "/psych-tests"], ["GET", "/study-rooms/bookings?on=tomorrow"],
          ["POST", "/auth/sign-in"], ["POST", "/auth/second-factor"], ["POST", "/auth/enrolment/confirm"], ["GET", "/auth/session"],
          ["POST", "/accounts"], ["PUT", "/accounts/x/role"], ["PUT", "/accounts/%20/status"], ["POST", "/tokens"],
          ["DELETE", "/tokens/x"], ["GET", "/access-records?from=2026-13-01&to=x"]
        ] as const
        const bodies = fc.oneof(
          fc.constant(""),
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.record({ name: fc.string(), contact: fc.record({ phone: fc.string() }), birthDate: fc.string() }).map((v) => JSON.stringify(v))
        )
        const tokens = fc.oneof(fc.constant(apiToken("write")), fc.constant(apiToken("read")), fc.string(), fc.constant(""))
        // Every route with every kind of caller at least once, then random bodies and tokens.
        const callers = [apiToken("write"), apiToken("read"), apiToken("read", "11215"), "iljari_t_nobody", "nobody-with-this-token", ""]
        const cases = [
          ...routes.flatMap((route) => callers.map((caller) => [route, "{}", caller] as const)),
          ...fc.sample(fc.tuple(fc.constantFrom(...routes), bodies, tokens), { numRuns: 600, seed: 42 })
        ]
        for (const [[method, path], body, bearer] of cases) {
          const request = HttpClientRequest.make(method)(path).pipe(
            HttpClientRequest.setHeader("authorization", `Bearer ${bearer}`),
            method === "GET" ? (r) => r : HttpClientRequest.bodyText(body, "application/json")
          )
          const response = yield* http.execute(request)
          const text = yield* response.text
          expect({ method, path, status: response.status, text }).toMatchObject({ status: expect.any(Number) })
          if (response.status >= 500 || response.status < 400) {
            throw new Error(`${method} ${path} with ${JSON.stringify(body).slice(0, 80)} answered ${response.status}: ${text.slice(0, 200)}`)
          }
          if (text.length === 0) throw new Error(`${method} ${path} answered ${response.status} with no message; token ${JSON.stringify(bearer)} body ${JSON.stringify(body).slice(0, 60)}`)
          // One shape, in English and Korean, without Effect's printout of a schema.
          const error = JSON.parse(text) as Record<string, unknown>
          expect({ method, path, error }).toMatchObject({
            error: { _tag: expect.any(String), message: expect.stringMatching(/\S/), messageKo: expect.stringMatching(/[\uac00-\ud7a3]/) }
          })
          const said = `${String(error["message"])} ${String(error["messageKo"])}`
          if (/readonly |└─|Expected /.test(said)) throw new Error(`${method} ${path} printed a schema: ${said}`)
        }
      }))
  })
})
