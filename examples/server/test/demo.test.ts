/**
 * The server as `npm start` runs it — SQLite storage, reports counted with
 * GROUP BY by `ReportSourceSql.layer` (from `@iljari/store-sql`), the demo district seeded (at a small
 * scale) — driven through the typed client.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import ExcelJS from "exceljs"
import { clientFor, SqliteTestServer, staffLogin } from "./server.js"
import { records } from "./csv.js"

const month = { from: "2026-10-01" as never, to: "2026-10-31" as never }

describe("the demo district over SQLite", () => {
  it.layer(SqliteTestServer(0.05), { timeout: 120_000 })((it) => {
    it.effect("reports count in the database what the stores hold, per district", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-11-16T01:00:00Z"))
        const manager = yield* clientFor(staffLogin("manager"))
        const results = yield* manager.review.results({ urlParams: month })
        expect(results.counseling).toBeGreaterThan(0)
        const center = records(yield* manager.reports.csv({ urlParams: { month: "2026-10" } }))
        const actual = (label: string) => Number(center.find((r) => r["구분"] === label)!["월 실적"])
        expect({ openings: actual("구인(건)"), seekers: actual("구직(명)"), placements: actual("취업(명)"), counseling: actual("상담(건)") })
          .toEqual(results)

        // The year as a workbook: the total row holds the year's figures, as numbers.
        const year = yield* manager.review.results({ urlParams: { from: "2026-01-01" as never, to: "2026-12-31" as never } })
        const workbook = new ExcelJS.Workbook()
        const bytes = yield* manager.reports.xlsx({ urlParams: { year: 2026 } })
        yield* Effect.promise(() => workbook.xlsx.load(Buffer.from(bytes) as never))
        const sheet = workbook.worksheets[0]!
        const header = (sheet.getRow(1).values as Array<unknown>).slice(1)
        let total: Array<unknown> = []
        sheet.eachRow((row) => {
          const values = (row.values as Array<unknown>).slice(1)
          if (values[0] === "합계") total = values
        })
        expect(total[header.indexOf("상담(건) 실적")]).toBe(year.counseling)
        expect(total[header.indexOf("취업(명) 실적")]).toBe(year.placements)

        // Gwangjin's counselor gets Gwangjin's figures: its own seekers, none of Seongdong's sessions.
        const gwangjin = yield* clientFor(staffLogin("counselor", "11215"))
        const theirs = yield* gwangjin.review.results({ urlParams: { from: "2025-01-01" as never, to: "2026-12-31" as never } })
        const theirReport = records(yield* gwangjin.reports.csv({ urlParams: { from: "2025-01-01" as never, to: "2026-12-31" as never } }))
        const totalRow = theirReport.find((r) => r["월"] === "합계")!
        expect(Number(totalRow["구직(명)"])).toBe(theirs.seekers)
        expect(theirs.seekers).toBeGreaterThan(0)
        expect(totalRow["상담(건)"]).toBe("0")
      }))

    it.effect("checks demo seekers' programs; another district's seeker is a 404 both ways", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-11-16T01:00:00Z"))
        const counselor = yield* clientFor(staffLogin("counselor"))
        const seekers = yield* counselor.seekers.list({ urlParams: { limit: 300 } })
        const facts = {
          employmentStatus: "unemployed",
          assets: 30_000_000,
          basicLivelihoodRecipient: false,
          unemploymentBenefitRecipient: false,
          recentWork: { windowMonths: 24, monthsWorked: 3 },
          hire: { employerSize: "small", contractType: "open-ended" }
        } as const
        const resident = seekers.find((s) => s.value.addressRegion === "11200" && s.value.birthDate >= "1955-01-01" && s.value.birthDate <= "1963-12-31")!
        const checked = yield* counselor.eligibility.check({ path: { id: resident.value.id }, urlParams: {}, payload: facts })
        expect(checked.eligibleFor).toEqual(expect.arrayContaining(["public-works-yeongdeungpo", "middle-aged-hire"]))
        expect(checked.eligibleFor).not.toContain("youth-intern")
        const outsider = seekers.find((s) => s.value.addressRegion !== "11200")!
        const other = yield* counselor.eligibility.check({ path: { id: outsider.value.id }, urlParams: { lang: "en" }, payload: facts })
        expect(other.eligibleFor).toEqual([])
        // Every program that asks for residence refuses a seeker living elsewhere, saying so.
        const residenceFailed = other.programs
          .filter((p) => p.reasons.some((r) => r.outcome === "failed" && r.requirement === "resident of Seongdong-gu"))
          .map((p) => p.programId)
        expect(residenceFailed).toEqual(["public-works-yeongdeungpo", "youth-intern", "middle-aged-hire"])

        const gwangjin = yield* clientFor(staffLogin("counselor", "11215"))
        expect((yield* Effect.flip(gwangjin.eligibility.check({ path: { id: resident.value.id }, urlParams: {}, payload: facts })))._tag)
          .toBe("NotFound")
        const theirs = (yield* gwangjin.seekers.list({ urlParams: { limit: 1 } }))[0]!
        expect(theirs.value.id.startsWith("gwangjin-seeker-")).toBe(true)
        expect((yield* Effect.flip(counselor.eligibility.check({ path: { id: theirs.value.id }, urlParams: {}, payload: facts })))._tag)
          .toBe("NotFound")
      }))

    it.effect("plans next year from last year's results and reads the pace against the district's targets", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-11-16T01:00:00Z"))
        const manager = yield* clientFor(staffLogin("manager"))
        const plan = yield* manager.review.plan({ urlParams: { year: 2027 } })
        const lastYear = yield* manager.review.results({ urlParams: { from: "2026-01-01" as never, to: "2026-12-31" as never } })
        expect(plan).toMatchObject({ year: 2027, baselineYear: 2026, growthPercent: 5 })
        expect(plan.lines.map((l) => l.metric)).toEqual(["openings", "seekers", "placements", "counseling"])
        expect(lastYear.seekers).toBeGreaterThan(0)
        for (const line of plan.lines) {
          expect(line.baseline).toBe(lastYear[line.metric])
          expect(line.target).toBe(Math.round(line.baseline * 1.05))
          expect(line.months.length).toBe(12)
          expect(line.months.reduce((a, b) => a + b, 0)).toBe(line.target)
        }
        expect(plan.lines.find((l) => l.metric === "openings")!.current).toBe(2_800)
        const tens = yield* manager.review.plan({ urlParams: { year: 2027, growth: 10, roundTo: 10 } })
        expect(tens.lines.every((l) => l.target % 10 === 0)).toBe(true)
        expect(tens.lines.find((l) => l.metric === "seekers")!.target).toBe(Math.round(lastYear.seekers * 1.1 / 10) * 10)

        // Without targets in the query, the pace is read against the district's own.
        const pace = yield* manager.review.pace({ urlParams: { year: 2026, period: "month" } })
        expect(pace.map((p) => p.metric)).toEqual(["openings", "seekers", "placements", "counseling"])
        expect(pace.find((p) => p.metric === "placements")!.projection.target).toBe(2_060)
      }))
  })
})
