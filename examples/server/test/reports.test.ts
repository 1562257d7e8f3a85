import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import ExcelJS from "exceljs"
import { employerInput, openingInput, seekerInput } from "../../../packages/core/test/fixtures.js"
import { clientFor, TestServer, token } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
const { districtId: _g, id: _h, ...openingForm } = openingInput

const get = (path: string, bearer: string) =>
  Effect.flatMap(HttpClient.HttpClient, (http) =>
    http.execute(HttpClientRequest.get(path).pipe(HttpClientRequest.bearerToken(bearer))))

describe("reports and eligibility over HTTP", () => {
  it.layer(TestServer, { timeout: 60_000 })((it) => {
    it.effect("a manager downloads the month as HTML, XLSX and CSV; counselors may not; districts stay apart", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-10T01:00:00Z"))
        const counselor = yield* clientFor(token("counselor"))
        yield* counselor.seekers.register({ payload: seekerForm })
        const employer = yield* counselor.employers.registerEmployer({ payload: employerForm })
        yield* counselor.employers.registerOpening({
          payload: { ...openingForm, employerId: employer.value.id, openedOn: "2026-03-10", closesOn: "2026-03-31" }
        })

        const manager = token("manager")
        const html = yield* get("/reports/monthly.html?year=2026&month=3", manager)
        expect(html.status).toBe(200)
        expect(html.headers["content-type"]).toContain("text/html")
        const page = yield* html.text
        expect(page).toContain("<svg")
        expect(page).toContain("구인")

        const xlsx = yield* get("/reports/monthly.xlsx?year=2026&month=3&lang=en", manager)
        expect(xlsx.headers["content-type"]).toContain("spreadsheetml")
        expect(xlsx.headers["content-disposition"]).toBe('attachment; filename="iljari-11200-2026-03.xlsx"')
        const workbook = new ExcelJS.Workbook()
        yield* Effect.promise(async () => workbook.xlsx.load(await Effect.runPromise(xlsx.arrayBuffer)))
        expect(workbook.worksheets.length).toBeGreaterThan(1)
        const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String))
        expect(cells.some((v) => /Openings/.test(v))).toBe(true)

        const csv = yield* get("/reports/monthly.csv?year=2026&month=3", manager)
        expect(csv.headers["content-type"]).toContain("text/csv")
        const text = yield* csv.text
        expect(text.startsWith("\uFEFF")).toBe(true)
        const rows = text.slice(1).trim().split(/\r?\n/).map((line) => line.split(","))
        expect(rows.length).toBeGreaterThan(1)
        expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true)

        const unknownTable = yield* get("/reports/monthly.csv?year=2026&month=3&table=nonsense", manager)
        expect(unknownTable.status).toBe(400)
        expect(yield* unknownTable.text).toContain("must be one of")
        const badMonth = yield* get("/reports/monthly.html?year=2026&month=13", manager)
        expect(badMonth.status).toBe(400)
        expect((yield* get("/reports/monthly.html?year=2026&month=3", token("counselor"))).status).toBe(403)
      }))

    it.effect("checks a seeker's programs rule by rule, in Korean or English, within the district only", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-03-10T01:00:00Z"))
        const client = yield* clientFor(token("counselor"))
        const seeker = yield* client.seekers.register({
          payload: { ...seekerForm, name: "최자격", contact: { phone: "010-7777-0101" }, birthDate: "1960-04-01" }
        })
        const result = yield* client.eligibility.check({
          path: { id: seeker.value.id },
          urlParams: {},
          payload: { employmentStatus: "unemployed", assets: 50_000_000, basicLivelihoodRecipient: false, unemploymentBenefitRecipient: false, recentWork: { windowMonths: 24, monthsWorked: 2 } }
        })
        const byId = new Map(result.programs.map((p) => [p.programId, p]))
        expect(result.programs.length).toBe(4)
        // Public works for a resident of 65 with no income and few assets: every rule passes.
        expect(byId.get("public-works-yeongdeungpo")!.reasons.every((r) => r.outcome === "passed")).toBe(true)
        expect(byId.get("public-works-yeongdeungpo")!.eligible).toBe(true)
        const youth = [...byId.values()].find((p) => p.programId.startsWith("youth"))!
        expect(youth.eligible).toBe(false)
        expect(youth.reasons.some((r) => r.outcome === "failed" && /35세 이하: 미충족 \(만 65세\)/.test(r.message))).toBe(true)
        const english = yield* client.eligibility.check({ path: { id: seeker.value.id }, urlParams: { lang: "en" }, payload: { employmentStatus: "unemployed" } })
        expect(english.programs[0]!.reasons.some((r) => r.outcome === "unknown")).toBe(true)
        const neighbour = yield* clientFor(token("counselor", "11215"))
        const refused = yield* Effect.flip(neighbour.eligibility.check({ path: { id: seeker.value.id }, urlParams: {}, payload: { employmentStatus: "unemployed" } }))
        expect(refused._tag).toBe("NotFound")
      }))
  })
})
