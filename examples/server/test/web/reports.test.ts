/**
 * A manager reads the district's monthly report in the web app, in a real
 * Chromium against the real server over an SQLite file: the month chosen in
 * the form, the figures with each table's chart and the table itself, the
 * XLSX downloaded and read back by exceljs with the same figures, a table as
 * CSV for Excel (UTF-8 with a BOM), a period whose end comes before its
 * start refused in Korean, and a counselor's report holding their own rows.
 */
import ExcelJS from "exceljs"
import { readFileSync } from "node:fs"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, expect, it } from "vitest"
import { demoAccounts } from "../../src/DemoAccess.js"
import { staffLogin } from "../server.js"
import { checkAccessibility, launchChromium, type RunningServer, signInAs, startServer, watchProblems } from "./browser.js"
import { describeBrowser } from "./describeBrowser.js"

describeBrowser("the reports page of the web app, in Chromium", () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: () => ReadonlyArray<string>
  // The month the demo's records fall in: this one, as the server's clock reads it.
  const month = new Date().toISOString().slice(0, 7)

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    context = await browser.newContext({ locale: "ko-KR", viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    page = await context.newPage()
    problems = watchProblems(page).problems
    await signInAs(page, server.base, staffLogin("manager"))
  }, 120_000)
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
  })

  // The cells of the report table headed `title`, row by row, as the page shows them.
  const tableOnPage = (title: string) =>
    page.getByRole("table", { name: title }).locator("tbody tr").evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll("td"), (cell) => cell.textContent ?? ""))
    )

  it("shows the month's report with its charts and tables, and passes axe", async () => {
    await page.goto(`${server.base}/app/`)
    await page.getByRole("link", { name: "보고서", exact: true }).click()
    await page.getByLabel("월", { exact: true }).fill(month)
    await page.getByRole("button", { name: "월간 보고서 보기" }).click()
    await page.waitForURL(/\/app\/reports\?month=/)
    const title = await page.locator("#report-title").textContent()
    expect(title).toContain(`${month.slice(0, 4)}년 ${Number(month.slice(5))}월`)
    const tables = await page.locator("main .report-table h3").allTextContents()
    expect(tables.length).toBeGreaterThan(2)
    // Every chart is drawn on the server, as SVG, beside its table.
    expect(await page.locator("main .report-chart svg").count()).toBeGreaterThan(0)
    const first = await tableOnPage(tables[0]!)
    expect(first.length).toBeGreaterThan(0)
    expect(await checkAccessibility(page)).toEqual([])
    expect(problems()).toEqual([])
    await page.screenshot({ path: "/tmp/reports-month.png", fullPage: true })
    await page.locator("main .report-pair").first().screenshot({ path: "/tmp/reports-chart.png" })
  }, 60_000)

  it("downloads the same report as XLSX, read back with the page's figures", async () => {
    const tables = await page.locator("main .report-table h3").allTextContents()
    const shown = await tableOnPage(tables[0]!)
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "엑셀(XLSX) 내려받기" }).click()])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    // exceljs types its input as an older Buffer than Node's.
    await workbook.xlsx.load(readFileSync((await download.path())!) as never)
    const sheet = workbook.worksheets.find((s) => tables[0]!.startsWith(s.name.slice(0, 10)))
    expect(sheet, `a sheet for "${tables[0]}" among ${workbook.worksheets.map((s) => s.name).join(", ")}`).toBeDefined()
    // The first row of the page's table is a row of the sheet, label and figures.
    const values: Array<string> = []
    sheet!.eachRow((row) => values.push((row.values as Array<unknown>).slice(1).map((v) => String(v ?? "")).join("|")))
    const label = shown[0]![0]!
    const row = values.find((line) => line.startsWith(`${label}|`))
    expect(row, `a row "${label}" among ${values.join(" / ")}`).toBeDefined()
    const figures = shown[0]!.slice(1).filter((cell) => /^[\d,]+$/.test(cell)).map((cell) => cell.replaceAll(",", ""))
    for (const figure of figures) expect(row!.split("|")).toContain(figure)
  }, 60_000)

  it("downloads a table as CSV that Excel opens in Korean", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("main .report-table a[download]").first().click()])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const bytes = readFileSync((await download.path())!)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const header = bytes.toString("utf8").slice(1).split(/\r?\n/)[0]!
    expect(header).toMatch(/[가-힣]/)
  }, 60_000)

  it("refuses a period that ends before it starts, in Korean, keeping what was asked", async () => {
    const response = await page.goto(`${server.base}/app/reports?from=2026-11-30&to=2026-11-01`)
    expect(response?.status()).toBe(400)
    // The rule itself, not only the heading, is in Korean.
    expect(await page.getByRole("alert").locator("li").allTextContents()).toEqual([expect.stringMatching(/[가-힣]/)])
    expect(await page.getByLabel("시작일").inputValue()).toBe("2026-11-30")
    expect(await checkAccessibility(page)).toEqual([])
  }, 60_000)

  it("gives a counselor the district's figures and their own rows only", async () => {
    const counselorContext = await browser.newContext({ locale: "ko-KR" })
    try {
      const counselorPage = await counselorContext.newPage()
      const login = staffLogin("counselor")
      await signInAs(counselorPage, server.base, login)
      const response = await counselorPage.goto(`${server.base}/app/reports?month=${month}`)
      expect(response?.status()).toBe(200)
      const text = (await counselorPage.locator("main").textContent()) ?? ""
      const me = demoAccounts.find((a) => a.login === login)!
      const colleagues = demoAccounts.filter((a) => a.role === "counselor" && a.districtId === me.districtId && a.id !== me.id)
      expect(colleagues.length).toBeGreaterThan(0)
      for (const colleague of colleagues) expect(text).not.toContain(colleague.name)
    } finally {
      await counselorContext.close()
    }
  }, 60_000)
})
