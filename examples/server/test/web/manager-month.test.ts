/**
 * A manager's month in the web app, in a real Chromium against the real
 * server over an SQLite file: the pace against the year's targets
 * (목표·실적), the same figures the JSON API answers, next year planned at
 * another growth, the review and the month's report downloaded as XLSX and
 * read back, the monitoring review run and a finding cleared with a note
 * (kept and audited), a counselor who sees their own row only, and a
 * counselor kept out of the monitoring review.
 */
import ExcelJS from "exceljs"
import { readFileSync } from "node:fs"
import type { Browser, BrowserContext, Download, Page } from "playwright-core"
import { afterAll, beforeAll, expect, it } from "vitest"
import { demoAccounts } from "../../src/DemoAccess.js"
import { staffLogin } from "../server.js"
import { checkAccessibility, launchChromium, type RunningServer, signInAs, startServer, watchProblems } from "./browser.js"
import { describeBrowser } from "./describeBrowser.js"

describeBrowser("a manager's month in the web app, in Chromium", () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: () => ReadonlyArray<string>
  const year = Number(new Date().toISOString().slice(0, 4))

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
  const tableOnPage = (on: Page, title: string) =>
    on.getByRole("table", { name: title }).locator("tbody tr").evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll("td"), (cell) => cell.textContent ?? ""))
    )
  const figure = (text: string) => Number(text.replaceAll(",", ""))
  const month = new Date().toISOString().slice(0, 7)

  // The rows of the downloaded workbook's sheet whose name starts with `name`, as exceljs reads them.
  const sheetRows = async (download: Download, name: string) => {
    const workbook = new ExcelJS.Workbook()
    // exceljs types its input as an older Buffer than Node's.
    await workbook.xlsx.load(readFileSync((await download.path())!) as never)
    const sheet = workbook.worksheets.find((s) => s.name.startsWith(name))
    expect(sheet, workbook.worksheets.map((s) => s.name).join(", ")).toBeDefined()
    const rows: Array<ReadonlyArray<unknown>> = []
    sheet!.eachRow((row) => rows.push((row.values as Array<unknown>).slice(1)))
    return rows
  }

  it("reviews the pace against the year's targets: the API's figures, with charts beside the tables", async () => {
    await page.goto(`${server.base}/app/`)
    await page.getByRole("link", { name: "목표·실적", exact: true }).click()
    await page.waitForURL(/\/app\/targets$/)
    expect(await page.locator("#report-title").textContent()).toContain(`${year}년 목표·실적`)
    // The year to date as the JSON API reads it, metric by metric.
    const api = await (await page.request.get(`${server.base}/targets/pace?period=year&year=${year}`)).json() as ReadonlyArray<{
      readonly metric: string
      readonly pace: { readonly actual: number; readonly status: string }
      readonly projection: { readonly projected: number }
    }>
    expect(api.length).toBe(4)
    const yearToDate = await tableOnPage(page, "센터 연간 누계 진도")
    const projection = await tableOnPage(page, "연말 실적 전망")
    const labels: Record<string, string> = { openings: "구인(건)", seekers: "구직(명)", placements: "취업(명)", counseling: "상담(건)" }
    const statuses: Record<string, string> = { ahead: "초과", "on-track": "정상", behind: "미달" }
    for (const reading of api) {
      const row = yearToDate.find((cells) => cells[0] === labels[reading.metric])!
      expect(figure(row[3]!), reading.metric).toBe(reading.pace.actual)
      expect(row[5]).toBe(statuses[reading.pace.status])
      const projected = projection.find((cells) => cells[0] === labels[reading.metric])!
      expect(figure(projected[4]!)).toBeCloseTo(reading.projection.projected, 1)
    }
    // Every counselor of the district is paced this month.
    const counselors = await tableOnPage(page, "상담사별 월간 실적")
    const me = demoAccounts.find((a) => a.login === staffLogin("manager"))!
    const colleagues = demoAccounts.filter((a) => a.role === "counselor" && a.districtId === me.districtId)
    for (const counselor of colleagues) expect(counselors.map((cells) => cells[0])).toContain(counselor.name)
    expect(await page.locator("main .report-chart svg").count()).toBeGreaterThanOrEqual(6)
    expect(await checkAccessibility(page)).toEqual([])
    expect(problems()).toEqual([])
    await page.screenshot({ path: "/tmp/shots/targets.png", fullPage: true })
  }, 60_000)

  it("plans next year at another growth: last year's results grown, twelve months that add up", async () => {
    await page.getByLabel("계획 연도").fill(String(year + 1))
    await page.getByLabel("증가율(%)").fill("10")
    await page.getByRole("button", { name: "계획 다시 계산" }).click()
    await page.waitForURL(/plan=/)
    const plan = await tableOnPage(page, `${year + 1}년 목표 계획 ('${String(year).slice(2)}년 대비 10% 상향)`)
    expect(plan.length).toBe(4)
    for (const [, baseline, target] of plan) expect(figure(target!)).toBe(Math.round(figure(baseline!) * 1.1))
    const months = await tableOnPage(page, `${year + 1}년 월별 목표`)
    expect(months.length).toBe(13)
    const placements = plan.find((cells) => cells[0] === "취업(명)")!
    const column = 3 // 구인, 구직, 취업, 상담 after the month
    const sum = months.slice(0, 12).reduce((n, cells) => n + figure(cells[column]!), 0)
    expect(sum).toBe(figure(placements[2]!))
    expect(figure(months[12]![column]!)).toBe(figure(placements[2]!))
  }, 60_000)

  it("downloads the review as XLSX, read back with the page's figures", async () => {
    await page.goto(`${server.base}/app/targets`)
    const shown = await tableOnPage(page, "연말 실적 전망")
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "엑셀(XLSX) 내려받기" }).click()])
    expect(download.suggestedFilename()).toMatch(/^iljari-\d{5}-targets-.*\.xlsx$/)
    const placements = (await sheetRows(download, "연말 실적 전망")).find((values) => values[0] === "취업(명)")!
    const onPage = shown.find((cells) => cells[0] === "취업(명)")!
    expect(placements[1]).toBe(figure(onPage[1]!)) // the annual target
    expect(placements[3]).toBe(figure(onPage[3]!)) // the year to date
  }, 60_000)

  it("downloads the month's report as XLSX, read back: the month's figures as the JSON API counts them", async () => {
    await page.goto(`${server.base}/app/`)
    await page.getByRole("link", { name: "보고서", exact: true }).click()
    await page.getByLabel("월", { exact: true }).fill(month)
    await page.getByRole("button", { name: "월간 보고서 보기" }).click()
    await page.waitForURL(/\/app\/reports\?month=/)
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "엑셀(XLSX) 내려받기" }).click()])
    const rows = await sheetRows(download, "센터 실적")
    const [y, m] = month.split("-").map(Number) as [number, number]
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
    const counted = await (await page.request.get(`${server.base}/results?from=${month}-01&to=${month}-${last}`)).json() as Record<string, number>
    const labels: Record<string, string> = { openings: "구인(건)", seekers: "구직(명)", placements: "취업(명)", counseling: "상담(건)" }
    for (const [metric, label] of Object.entries(labels)) {
      expect(rows.find((values) => values[0] === label)?.[2], metric).toBe(counted[metric]) // 월 실적
    }
  }, 60_000)

  it("runs the monitoring review, clears a finding with a note, and finds the decision kept and audited", async () => {
    await page.goto(`${server.base}/app/`)
    await page.getByRole("link", { name: "부정 기록 점검", exact: true }).click()
    await page.waitForURL(/\/app\/monitoring$/)
    // The year so far: the demo's records hold findings.
    await page.getByLabel("시작일").fill(`${year}-01-01`)
    await page.getByLabel("종료일").fill(new Date().toISOString().slice(0, 10))
    await page.getByRole("button", { name: "점검 실행" }).click()
    await page.waitForURL(/\/app\/monitoring\?from=/)
    const findings = page.locator("main li.finding")
    const total = await findings.count()
    expect(total).toBeGreaterThan(0)
    expect(await page.getByRole("table", { name: "규칙·심각도별 점검 건수" }).locator("tbody tr").count()).toBeGreaterThan(0)
    expect(await checkAccessibility(page)).toEqual([])
    await page.screenshot({ path: "/tmp/shots/monitoring.png", fullPage: true })

    // A note is required: refused at the finding, nothing kept.
    const first = findings.first()
    const key = (await first.getAttribute("id"))!.replace("finding-", "")
    // KRDS draws its own radio over the input: a person clicks the label.
    await first.locator("label", { hasText: "이상 없음" }).click()
    await first.getByLabel("메모").evaluate((note) => note.removeAttribute("required"))
    const [refusal] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/app/monitoring/decide")), first.getByRole("button", { name: "판단 저장" }).click()])
    expect(refusal.status()).toBe(422)
    const again = page.locator(`#finding-${key}`)
    expect(await again.locator(".form-hint-invalid").textContent()).toMatch(/비워 둘 수 없습니다/)
    expect(await again.getByLabel("이상 없음").isChecked()).toBe(true)
    expect(await checkAccessibility(page)).toEqual([])

    await again.getByLabel("메모").fill("면접 일정 변경으로 늦게 기록됨: 확인 결과 정상")
    await again.getByRole("button", { name: "판단 저장" }).click()
    await page.waitForURL(/decided=/)
    const decided = page.locator(`#finding-${key}`)
    expect(await decided.locator(".finding-status strong").textContent()).toBe("이상 없음")
    expect(await decided.getByLabel("메모").inputValue()).toBe("면접 일정 변경으로 늦게 기록됨: 확인 결과 정상")
    // Opened again, the review shows the decision; the undecided count fell by one.
    await page.reload()
    expect(await page.locator("main").textContent()).toContain(`점검 사항 ${total}건 중 판단 전 ${total - 1}건`)
    // The decision is in the access log, against the records the finding names.
    // The log is oldest first and the demo's own work is in it: every page is read.
    type AuditPage = { readonly items: ReadonlyArray<{ readonly purpose: string; readonly detail?: string }>; readonly nextCursor: string | null }
    const decisions: Array<string> = []
    for (let cursor: string | null = ""; cursor !== null;) {
      const audit = await (await page.request.get(`${server.base}/audit?limit=100${cursor === "" ? "" : `&cursor=${encodeURIComponent(cursor)}`}`)).json() as AuditPage
      decisions.push(...audit.items.filter((e) => e.purpose === "monitoring.decide").map((e) => e.detail ?? ""))
      cursor = audit.nextCursor
    }
    expect(decisions.some((detail) => detail.includes(`${key}: cleared`))).toBe(true)
  }, 90_000)

  it("refuses a growth below -100% in Korean, keeping what was asked", async () => {
    const response = await page.goto(`${server.base}/app/targets?plan=${year + 1}&growth=-150`)
    expect(response?.status()).toBe(400)
    expect(await page.getByRole("alert").locator("li").allTextContents()).toEqual([expect.stringContaining("증가율")])
    expect(await page.getByLabel("증가율(%)").inputValue()).toBe("-150")
    expect(await checkAccessibility(page)).toEqual([])
  }, 60_000)

  it("gives a counselor the center's figures and their own row only", async () => {
    const counselorContext = await browser.newContext({ locale: "ko-KR" })
    try {
      const counselorPage = await counselorContext.newPage()
      const login = staffLogin("counselor")
      await signInAs(counselorPage, server.base, login)
      const response = await counselorPage.goto(`${server.base}/app/targets`)
      expect(response?.status()).toBe(200)
      const me = demoAccounts.find((a) => a.login === login)!
      expect((await tableOnPage(counselorPage, "상담사별 월간 실적")).map((cells) => cells[0])).toEqual([me.name])
      const text = (await counselorPage.locator("main").textContent()) ?? ""
      const colleagues = demoAccounts.filter((a) => a.role === "counselor" && a.districtId === me.districtId && a.id !== me.id)
      for (const colleague of colleagues) expect(text).not.toContain(colleague.name)
    } finally {
      await counselorContext.close()
    }
  }, 60_000)

  it("keeps a counselor out of the monitoring review: no menu entry, 403 on the page and on a decision", async () => {
    const counselorContext = await browser.newContext({ locale: "ko-KR" })
    try {
      const counselorPage = await counselorContext.newPage()
      await signInAs(counselorPage, server.base, staffLogin("counselor"))
      await counselorPage.goto(`${server.base}/app/`)
      expect(await counselorPage.getByRole("link", { name: "부정 기록 점검" }).count()).toBe(0)
      const response = await counselorPage.goto(`${server.base}/app/monitoring?from=${year}-01-01&to=${year}-12-31`)
      expect(response?.status()).toBe(403)
      expect(await counselorPage.locator("main").textContent()).not.toContain("실적 급증")
      // A decision posted by hand, with the session's own CSRF token, is refused too.
      await counselorPage.goto(`${server.base}/app/`)
      const csrf = await counselorPage.locator("input[name=_csrf]").first().inputValue()
      const posted = await counselorPage.request.post(`${server.base}/app/monitoring/decide`, {
        form: { _csrf: csrf, from: `${year}-01-01`, to: `${year}-12-31`, key: `volume-spike-${"0".repeat(20)}`, status: "cleared", note: "x" },
        headers: { origin: server.base }
      })
      expect(posted.status()).toBe(403)
    } finally {
      await counselorContext.close()
    }
  }, 60_000)
})
