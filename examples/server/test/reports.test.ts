import { HttpClient, HttpClientRequest } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { type Ids, LocalDate } from "@iljari/core"
import { Effect, Layer, Schema, TestClock } from "effect"
import ExcelJS from "exceljs"
import { employerInput, openingInput, seekerInput } from "@iljari/test-support/fixtures"
import { get, records } from "./csv.js"
import { clientFor, loginOf, staffLogin, TestServer } from "./server.js"

const { districtId: _a, id: _b, registeredAt: _c, ...seekerForm } = seekerInput
const { districtId: _d, id: _e, registeredAt: _f, ...employerForm } = employerInput
const { districtId: _g, id: _h, ...openingForm } = openingInput

const day = Schema.decodeSync(LocalDate.LocalDate)

const loadXlsx = (bytes: Uint8Array) =>
  Effect.promise(async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(bytes) as never)
    return workbook
  })

// A sheet as rows of cell values, the header first.
const sheetRows = (sheet: ExcelJS.Worksheet): Array<Array<unknown>> => {
  const rows: Array<Array<unknown>> = []
  sheet.eachRow((row) => rows.push((row.values as Array<unknown>).slice(1)))
  return rows
}

// March 2026 in Seongdong: two counselors, three sessions; one session in Gwangjin.
const setUp = Effect.gen(function*() {
  yield* TestClock.setTime(Date.parse("2026-03-10T01:00:00Z"))
  const first = yield* clientFor(loginOf("counselor-01"))
  const second = yield* clientFor(loginOf("counselor-02"))
  const seeker = yield* first.seekers.register({ payload: { ...seekerForm, name: "보고서", contact: { phone: "010-5555-0101" } } })
  const employer = yield* first.employers.registerEmployer({ payload: employerForm })
  yield* first.employers.registerOpening({
    payload: { ...openingForm, employerId: employer.value.id, openedOn: "2026-03-10", closesOn: "2026-03-31" }
  })
  yield* first.seekers.counsel({ payload: { seekerId: seeker.value.id, heldOn: "2026-03-03", channel: "visit" } })
  yield* first.seekers.counsel({ payload: { seekerId: seeker.value.id, heldOn: "2026-03-09", channel: "phone" } })
  // The seeker moves to the second counselor's caseload, who counsels them next.
  const manager = yield* clientFor(staffLogin("manager"))
  const current = yield* manager.seekers.get({ path: { id: seeker.value.id } })
  yield* manager.seekers.transfer({
    path: { id: seeker.value.id },
    payload: { to: "counselor-02" as Ids.CounselorId, reason: "workload", version: current.version }
  })
  yield* second.seekers.counsel({ payload: { seekerId: seeker.value.id, heldOn: "2026-03-10", channel: "visit" } })
  const gwangjin = yield* clientFor(staffLogin("counselor", "11215"))
  const theirs = yield* gwangjin.seekers.register({ payload: { ...seekerForm, name: "광진구", contact: { phone: "010-5555-0202" }, addressRegion: "11215" } })
  yield* gwangjin.seekers.counsel({ payload: { seekerId: theirs.value.id, heldOn: "2026-03-04", channel: "visit" } })
})

describe("reports over HTTP", () => {
  // Each test has its own server and stores, so that figures do not add up across tests.
  it.layer(Layer.fresh(TestServer), { timeout: 60_000 })((it) => {
    it.effect("a manager downloads the month as CSV, XLSX and HTML with the stored figures", () =>
      Effect.gen(function*() {
        yield* setUp
        const manager = yield* clientFor(staffLogin("manager"))

        // CSV: the center's month, read back as data.
        const center = records(yield* manager.reports.csv({ urlParams: { month: "2026-03" } }))
        const counseling = center.find((r) => r["구분"] === "상담(건)")!
        expect(counseling["월 실적"]).toBe("3")
        expect(center.find((r) => r["구분"] === "구인(건)")!["월 실적"]).toBe("1")
        expect(center.find((r) => r["구분"] === "구직(명)")!["월 실적"]).toBe("1")
        // Every counselor's row, by name, and the total.
        const byCounselor = records(yield* manager.reports.csv({ urlParams: { month: "2026-03", table: "counselors-month" } }))
        expect(byCounselor.map((r) => [r["상담사"], r["상담 실적"]])).toEqual([["박상담", "2"], ["김지원", "1"], ["합계", "3"]])
        // The older way of writing the month gives the same report.
        expect(yield* manager.reports.csv({ urlParams: { year: 2026, month: "3" } })).toBe(yield* manager.reports.csv({ urlParams: { month: "2026-03" } }))

        // XLSX: one sheet per table, numbers stored as numbers, English labels.
        const workbook = yield* loadXlsx(yield* manager.reports.xlsx({ urlParams: { month: "2026-03", lang: "en" } }))
        expect(workbook.worksheets.length).toBeGreaterThanOrEqual(3)
        const first = sheetRows(workbook.worksheets[0]!)
        expect(first[0]!.slice(0, 3)).toEqual(["Metric", "Month target", "Month actual"])
        expect(first.find((row) => row[0] === "Counseling")![2]).toBe(3)
        const counselors = workbook.worksheets.map(sheetRows).find((rows) => rows[0]![0] === "Counselor" && rows[0]!.includes("Referrals"))!
        expect(counselors.slice(1, 4).map((row) => row[0])).toEqual(["박상담", "김지원", "Total"])
        expect(String(counselors[4]![0])).toMatch(/^Period 2026-03-01 to 2026-03-10/)

        // HTML: the Korean headings of the tables, and the charts.
        const page = yield* manager.reports.html({ urlParams: { month: "2026-03" } })
        expect(page).toContain("성동구 일자리센터 2026년 3월 실적 보고")
        for (const heading of ["<th>구분</th>", "<th>월 목표</th>", "<th>월 실적</th>", "<th>상담사</th>", "<th>취업 진도율</th>", "<th>준수율</th>"]) {
          expect(page).toContain(heading)
        }
        expect(page).toContain("<svg")

        // Headers: content types and file names.
        const csv = yield* get("/reports/results.csv?month=2026-03&table=counselors-month", staffLogin("manager"))
        expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8")
        // UTF-8 with a byte-order mark, so that Excel reads the Korean.
        const bytes = new Uint8Array(yield* csv.arrayBuffer)
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
        expect(new TextDecoder().decode(bytes)).toContain("상담사,상담 실적")
        expect(csv.headers["content-disposition"]).toBe('attachment; filename="iljari-11200-2026-03-counselors-month.csv"')
        const xlsx = yield* get("/reports/results.xlsx?month=2026-03", staffLogin("admin"))
        expect(xlsx.status).toBe(200)
        expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        expect(xlsx.headers["content-disposition"]).toBe('attachment; filename="iljari-11200-2026-03.xlsx"')
        const html = yield* get("/reports/results.html?month=2026-03&lang=en", staffLogin("manager"))
        expect(html.headers["content-type"]).toBe("text/html; charset=utf-8")
        expect(html.headers["content-disposition"]).toBe('inline; filename="iljari-11200-2026-03.html"')
        expect(yield* html.text).toContain("Results by counselor")
      }))
  })

  // Each test has its own server and stores, so that figures do not add up across tests.
  it.layer(Layer.fresh(TestServer), { timeout: 60_000 })((it) => {
    it.effect("reads a year, a week or any period; refuses an unclear period with a 400 that says how to write one", () =>
      Effect.gen(function*() {
        yield* setUp
        const manager = yield* clientFor(staffLogin("manager"))
        const year = records(yield* manager.reports.csv({ urlParams: { year: 2026 } }))
        expect(year.find((r) => r["월"] === "3월")!["상담(건) 실적"]).toBe("3")
        const week = yield* get("/reports/results.csv?week=2026-03-10&table=counselors-week", staffLogin("manager"))
        expect(week.headers["content-disposition"]).toBe('attachment; filename="iljari-11200-week-2026-03-09-counselors-week.csv"')
        // Monday 9 and Tuesday 10 March: one session each.
        expect(records(yield* week.text).map((r) => [r["상담사"], r["상담 실적"]])).toEqual([["박상담", "1"], ["김지원", "1"], ["합계", "2"]])
        const period = records(yield* manager.reports.csv({ urlParams: { from: day("2026-02-15"), to: day("2026-03-10") } }))
        expect(period.map((r) => [r["월"], r["상담(건)"], r["구직(명)"]])).toEqual([["2026-02", "0", "0"], ["2026-03", "3", "1"], ["합계", "3", "1"]])
        const periodByCounselor = records(
          yield* manager.reports.csv({ urlParams: { from: day("2026-02-15"), to: day("2026-03-09"), table: "counselors-period" } })
        )
        // To the 9th: counselor-02's session of the 10th is outside.
        expect(periodByCounselor.map((r) => [r["상담사"], r["상담(건)"]])).toEqual([["박상담", "2"], ["합계", "2"]])

        const refusals: ReadonlyArray<readonly [string, string]> = [
          ["", "choose one period"],
          ["month=2026-13", "month must be a month written YYYY-MM"],
          ["month=10", "is needed with month=10"],
          ["month=2026-10&year=2026", "must not be given with month=2026-10"],
          ["month=2026-10&week=2026-10-14", "were both given"],
          ["from=2026-01-01", "is needed with from"],
          ["from=2026-03-01&to=2026-02-01", "must not be before from"],
          ["from=2000-01-01&to=2010-01-01", "at most five years"],
          ["week=2026-02-30", "calendar date"],
          ["year=1999", "year must be a whole year from 2000 to 2100"],
          ["month=2026-03&lang=jp", "lang"],
          ["month=2026-03&table=nonsense", "must be one of center-month, counselors-month"]
        ]
        for (const [query, message] of refusals) {
          const response = yield* get(`/reports/results.csv?${query}`, staffLogin("manager"))
          const text = yield* response.text
          expect({ query, status: response.status }).toEqual({ query, status: 400 })
          expect(text).toContain(message)
        }
      }))
  })

  // Each test has its own server and stores, so that figures do not add up across tests.
  it.layer(Layer.fresh(TestServer), { timeout: 60_000 })((it) => {
    it.effect("a counselor gets the district's figures with their own rows only; never a colleague's", () =>
      Effect.gen(function*() {
        yield* setUp
        const counselor = yield* clientFor(loginOf("counselor-01"))
        const own = records(yield* counselor.reports.csv({ urlParams: { month: "2026-03", table: "counselors-month" } }))
        expect(own.map((r) => [r["상담사"], r["상담 실적"]])).toEqual([["박상담", "2"], ["합계", "2"]])
        // The same annual target as in the manager's report (the center's split among the counselors counted).
        const everyone = records(yield* (yield* clientFor(staffLogin("manager"))).reports.csv({ urlParams: { month: "2026-03", table: "counselors-month" } }))
        expect(own[0]!["상담 기간목표"]).toBe(everyone[0]!["상담 기간목표"])
        // District figures stay whole.
        const center = records(yield* counselor.reports.csv({ urlParams: { month: "2026-03" } }))
        expect(center.find((r) => r["구분"] === "상담(건)")!["월 실적"]).toBe("3")
        const file = yield* get("/reports/results.xlsx?month=2026-03", loginOf("counselor-01"))
        expect(file.headers["content-disposition"]).toBe('attachment; filename="iljari-11200-2026-03-counselor-01.xlsx"')
        const workbook = yield* loadXlsx(new Uint8Array(yield* file.arrayBuffer))
        const names = workbook.worksheets.flatMap((sheet) => sheetRows(sheet).map((row) => row[0]))
        expect(names).toContain("박상담")
        expect(names).not.toContain("김지원")
        const html = yield* counselor.reports.html({ urlParams: { from: day("2026-03-01"), to: day("2026-03-31") } })
        expect(html).toContain("박상담")
        expect(html).not.toContain("김지원")

        const refused = yield* Effect.flip(counselor.reports.csv({ urlParams: { month: "2026-03", counselorId: "counselor-02" as never } }))
        expect(refused).toMatchObject({ _tag: "Forbidden" })
        // A manager may ask for one counselor's rows.
        const one = records(yield* (yield* clientFor(staffLogin("manager"))).reports.csv({
          urlParams: { month: "2026-03", table: "counselors-month", counselorId: "counselor-02" as never }
        }))
        expect(one.map((r) => r["상담사"])).toEqual(["김지원", "합계"])
      }))
  })

  // Each test has its own server and stores, so that figures do not add up across tests.
  it.layer(Layer.fresh(TestServer), { timeout: 60_000 })((it) => {
    it.effect("keeps districts apart: another district's user gets only their own figures", () =>
      Effect.gen(function*() {
        yield* setUp
        const gwangjin = yield* clientFor(staffLogin("counselor", "11215"))
        const center = records(yield* gwangjin.reports.csv({ urlParams: { month: "2026-03" } }))
        expect(center.find((r) => r["구분"] === "상담(건)")!["월 실적"]).toBe("1")
        expect(center.find((r) => r["구분"] === "구인(건)")!["월 실적"]).toBe("0")
        const page = yield* gwangjin.reports.html({ urlParams: { month: "2026-03" } })
        expect(page).toContain("광진구 일자리센터")
        expect(page).not.toContain("박상담")
        const file = yield* get("/reports/results.csv?month=2026-03", staffLogin("counselor", "11215"))
        expect(file.headers["content-disposition"]).toBe('attachment; filename="iljari-11215-2026-03-counselor-91-center-month.csv"')
        // Asking for a Seongdong counselor's rows is refused, and nothing of theirs comes back.
        expect((yield* get("/reports/results.csv?month=2026-03&counselorId=counselor-01", staffLogin("counselor", "11215"))).status).toBe(403)
        const http = yield* HttpClient.HttpClient
        const stranger = HttpClientRequest.get("/reports/results.csv?month=2026-03").pipe(HttpClientRequest.bearerToken("not-a-token-at-all"))
        expect((yield* http.execute(stranger)).status).toBe(401)
      }))
  })

  it.layer(Layer.fresh(TestServer), { timeout: 60_000 })((it) => {
    it.effect("gives a city analyst the granted districts' figures, without a row that names a person", () =>
      Effect.gen(function*() {
        yield* setUp
        const analyst = staffLogin("analyst", "11000")
        const center = records(yield* (yield* get("/reports/results.csv?month=2026-03&district=11200", analyst)).text)
        expect(center.find((r) => r["구분"] === "상담(건)")!["월 실적"]).toBe("3")
        const workbook = yield* loadXlsx(new Uint8Array(yield* (yield* get("/reports/results.xlsx?month=2026-03&district=11200", analyst)).arrayBuffer))
        const names = workbook.worksheets.map((sheet) => sheet.name)
        expect(names.length).toBeGreaterThan(0)
        const everything = JSON.stringify(workbook.worksheets.map(sheetRows))
        for (const person of ["박상담", "김지원", "counselor-01", "counselor-02", "보고서"]) expect(everything).not.toContain(person)
        expect((yield* get("/reports/results.csv?month=2026-03&district=11200&table=counselors-month", analyst)).status).toBe(400)
        // Only the districts granted, and always one named.
        expect((yield* get("/reports/results.csv?month=2026-03&district=11680", analyst)).status).toBe(403)
        expect((yield* get("/reports/results.csv?month=2026-03", analyst)).status).toBe(403)
        // A district's staff read their own district only.
        expect((yield* get("/reports/results.csv?month=2026-03&district=11215", staffLogin("manager"))).status).toBe(403)
      }))
  })
})
