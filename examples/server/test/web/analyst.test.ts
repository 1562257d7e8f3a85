/**
 * A city analyst in the web app, in a real Chromium against the real server
 * over an SQLite file: signed in, they land on 분석 — the districts granted
 * to them compared for the month and one district's report in detail — and
 * see figures only: no page, table or download names a person, and every
 * page of casework refuses them.
 */
import ExcelJS from "exceljs"
import { readFileSync } from "node:fs"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, expect, it } from "vitest"
import { demoAccounts } from "../../src/DemoAccess.js"
import { staffLogin } from "../server.js"
import { checkAccessibility, launchChromium, type RunningServer, signInAs, startServer, watchProblems } from "./browser.js"
import { describeBrowser } from "./describeBrowser.js"

describeBrowser("a city analyst in the web app, in Chromium", () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: () => ReadonlyArray<string>
  // Names that would reveal a person: the district's staff and some of its seekers.
  let people: ReadonlyArray<string>
  let seekerId: string
  let questionnairePath: string
  const analyst = demoAccounts.find((a) => a.role === "analyst")!

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const managerContext = await browser.newContext()
    const manager = await managerContext.newPage()
    await signInAs(manager, server.base, staffLogin("manager"))
    const seekers = await (await manager.request.get(`${server.base}/seekers?limit=100`)).json() as ReadonlyArray<{ readonly value: { readonly id: string; readonly name: string } }>
    seekerId = seekers[0]!.value.id
    // The demo's questionnaire, from the list as the manager sees it.
    await manager.goto(`${server.base}/app/surveys`)
    questionnairePath = (await manager.locator("main a[href^='/app/surveys/']:not([href$='/new'])").first().getAttribute("href"))!
    people = [...demoAccounts.filter((a) => a.role !== "analyst" && analyst.grants!.includes(a.districtId)).map((a) => a.name), ...seekers.map((s) => s.value.name)]
    await managerContext.close()
    context = await browser.newContext({ locale: "ko-KR", viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    page = await context.newPage()
    problems = watchProblems(page).problems
  }, 120_000)
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
  })

  const namesIn = (text: string) => people.filter((name) => text.includes(name))

  it("lands on 분석: the districts granted compared, one in detail, no person named", async () => {
    await signInAs(page, server.base, analyst.login)
    await page.goto(`${server.base}/app/`)
    await page.waitForURL(/\/app\/analysis$/)
    expect(await page.locator("nav.app-nav a").allTextContents()).toEqual(["분석"])
    const compared = await page.getByRole("table", { name: /^구별 실적 비교/ }).locator("tbody tr").evaluateAll((rows) =>
      rows.map((row) => (row.querySelector("td")?.textContent ?? "").trim()))
    expect(compared).toEqual(["성동구", "광진구"])
    expect(await page.locator("main .report-chart svg").count()).toBeGreaterThan(0)
    expect(namesIn((await page.locator("main").textContent()) ?? "")).toEqual([])
    expect(await checkAccessibility(page)).toEqual([])
    // The other district in detail.
    await page.getByLabel("자세히 볼 구").selectOption({ label: "광진구" })
    await page.getByRole("button", { name: "보기" }).click()
    await page.waitForURL(/district=11215/)
    expect(await page.locator("#report-title").textContent()).toContain("상세: 광진구")
    expect(namesIn((await page.locator("main").textContent()) ?? "")).toEqual([])
    expect(problems()).toEqual([])
  }, 90_000)

  it("downloads the figures as XLSX and CSV without a person's name", async () => {
    await page.goto(`${server.base}/app/analysis`)
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "엑셀(XLSX) 내려받기" }).click()])
    const workbook = new ExcelJS.Workbook()
    // exceljs types its input as an older Buffer than Node's.
    await workbook.xlsx.load(readFileSync((await xlsx.path())!) as never)
    expect(workbook.worksheets[0]!.name).toMatch(/^구별 실적 비교/)
    const cells: Array<string> = []
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => cells.push((row.values as Array<unknown>).map(String).join("|")))
    expect(cells.join("\n")).toContain("성동구")
    expect(namesIn(cells.join("\n"))).toEqual([])
    for (const link of await page.locator("main .report-table a[download]").all()) {
      const [csv] = await Promise.all([page.waitForEvent("download"), link.click()])
      expect(namesIn(readFileSync((await csv.path())!, "utf8"))).toEqual([])
    }
  }, 90_000)

  it("refuses every page of casework and a district not granted", async () => {
    for (const path of [
      "/app/seekers", `/app/seekers/${seekerId}`, "/app/employers", "/app/openings", "/app/referrals", "/app/follow-ups",
      "/app/fairs", "/app/targets", "/app/reports?month=2026-11", "/app/reports/report.xlsx?month=2026-11", "/app/monitoring",
      "/app/import", "/app/today/findings", "/app/events/outreach", "/app/events/visits", "/app/events/tests",
      "/app/cafes", "/app/cafes?station=seongsu&minutes=10", "/app/surveys", questionnairePath
    ]) {
      const response = await page.goto(`${server.base}${path}`)
      expect({ path, status: response?.status() }).toEqual({ path, status: 403 })
      expect(namesIn((await page.locator("body").textContent()) ?? "")).toEqual([])
    }
    expect((await page.goto(`${server.base}/app/analysis?district=11230`))?.status()).toBe(403)
  }, 90_000)

  it("keeps staff out of 분석: it is the analysts' page", async () => {
    const staffContext = await browser.newContext({ locale: "ko-KR" })
    try {
      const staff = await staffContext.newPage()
      await signInAs(staff, server.base, staffLogin("manager"))
      expect((await staff.goto(`${server.base}/app/analysis`))?.status()).toBe(403)
      expect(await staff.getByRole("link", { name: "분석", exact: true }).count()).toBe(0)
    } finally {
      await staffContext.close()
    }
  }, 60_000)
})
