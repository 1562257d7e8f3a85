/**
 * 관리 in the web app, in a real Chromium against the real server over an
 * SQLite file: an administrator creates an account, changes its role and
 * disables it (it can no longer sign in); the access records are read by
 * person and period and downloaded as CSV; a manager gets the records only;
 * a counselor cannot open the page or post to it.
 */
import { readFileSync } from "node:fs"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, expect, it } from "vitest"
import { demoAccounts } from "../../src/DemoAccess.js"
import { staffLogin } from "../server.js"
import { checkAccessibility, fillSignIn, launchChromium, type RunningServer, signInAs, startServer, watchProblems } from "./browser.js"
import { describeBrowser } from "./describeBrowser.js"

describeBrowser("관리 in the web app, in Chromium", () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: () => ReadonlyArray<string>
  const password = "Web#New-Account-2026"

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    context = await browser.newContext({ locale: "ko-KR", viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    page = await context.newPage()
    problems = watchProblems(page).problems
    await signInAs(page, server.base, staffLogin("admin"))
  }, 120_000)
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
  })

  const accountRow = (name: string) => page.getByRole("table", { name: "직원 계정" }).locator("tbody tr", { has: page.locator("th", { hasText: name }) })

  it("creates an account, changes its role and disables it, which ends its sign-in", async () => {
    await page.goto(`${server.base}/app/`)
    await page.getByRole("link", { name: "관리", exact: true }).click()
    await page.waitForURL(/\/app\/admin$/)
    const district = demoAccounts.filter((a) => a.districtId === "11200" && a.role !== "analyst")
    for (const account of district) expect(await accountRow(account.name).count(), account.name).toBe(1)
    expect(await checkAccessibility(page)).toEqual([])

    await page.getByLabel("아이디", { exact: true }).fill("web.new")
    await page.getByLabel("이름", { exact: true }).fill("신규상담")
    await page.getByLabel("역할", { exact: true }).selectOption("counselor")
    await page.getByLabel("임시 비밀번호", { exact: true }).fill(password)
    await page.getByRole("button", { name: "계정 만들기" }).click()
    await page.waitForURL(/done=created/)
    expect(await accountRow("신규상담").count()).toBe(1)

    await accountRow("신규상담").getByLabel("신규상담의 역할").selectOption("manager")
    await accountRow("신규상담").getByRole("button", { name: "역할 변경" }).click()
    await page.waitForURL(/done=role/)
    expect(await accountRow("신규상담").getByLabel("신규상담의 역할").inputValue()).toBe("manager")

    await accountRow("신규상담").getByRole("button", { name: "신규상담 사용 중지" }).click()
    await page.waitForURL(/done=status/)
    expect(await accountRow("신규상담").getByRole("button", { name: "신규상담 다시 사용" }).count()).toBe(1)
    // The disabled account cannot sign in.
    const other = await browser.newContext({ locale: "ko-KR" })
    try {
      const signIn = await other.newPage()
      await signIn.goto(`${server.base}/app/sign-in`)
      await fillSignIn(signIn, "web.new", password)
      expect(signIn.url()).toContain("/app/sign-in")
    } finally {
      await other.close()
    }
    expect(problems()).toEqual([])
  }, 90_000)

  it("reads the access records by person and period, and downloads them as CSV", async () => {
    const counselor = demoAccounts.find((a) => a.login === staffLogin("counselor"))!
    // The counselor reads a seeker: one more record of theirs today.
    const counselorContext = await browser.newContext()
    const counselorPage = await counselorContext.newPage()
    await signInAs(counselorPage, server.base, counselor.login)
    await counselorPage.goto(`${server.base}/app/seekers`)
    await counselorContext.close()

    await page.goto(`${server.base}/app/admin`)
    await page.getByLabel("사용자").selectOption({ label: counselor.name })
    await page.getByRole("button", { name: "접속기록 보기" }).click()
    await page.waitForURL(/account=/)
    const who = await page.getByRole("table", { name: /^접속기록/ }).locator("tbody tr td:nth-child(2)").allTextContents()
    expect(who.length).toBeGreaterThan(0)
    expect(new Set(who)).toEqual(new Set([counselor.name]))
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "기간 전체 CSV 내려받기" }).click()])
    const bytes = readFileSync((await download.path())!)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString("utf8").slice(1).trim().split(/\r\n/)
    expect(lines[0]).toBe("일시 (KST),사용자,행위,대상 종류,대상,목적,접속지,내용")
    expect(lines.length - 1).toBeGreaterThanOrEqual(who.length)
    expect(lines.slice(1).every((line) => line.split(",")[1] === counselor.id)).toBe(true)
    expect(await checkAccessibility(page)).toEqual([])
  }, 90_000)

  it("gives a manager the access records only, and keeps a counselor out", async () => {
    const managerContext = await browser.newContext({ locale: "ko-KR" })
    const counselorContext = await browser.newContext({ locale: "ko-KR" })
    try {
      const manager = await managerContext.newPage()
      await signInAs(manager, server.base, staffLogin("manager"))
      expect((await manager.goto(`${server.base}/app/admin`))?.status()).toBe(200)
      expect(await manager.getByRole("heading", { name: "접속기록" }).count()).toBe(1)
      expect(await manager.getByRole("heading", { name: "계정과 권한" }).count()).toBe(0)

      const counselor = await counselorContext.newPage()
      await signInAs(counselor, server.base, staffLogin("counselor"))
      await counselor.goto(`${server.base}/app/`)
      expect(await counselor.getByRole("link", { name: "관리", exact: true }).count()).toBe(0)
      expect((await counselor.goto(`${server.base}/app/admin`))?.status()).toBe(403)
      expect((await counselor.goto(`${server.base}/app/admin/access-records.csv`))?.status()).toBe(403)
      await counselor.goto(`${server.base}/app/`)
      const csrf = await counselor.locator("input[name=_csrf]").first().inputValue()
      const posted = await counselor.request.post(`${server.base}/app/admin/accounts`, {
        form: { _csrf: csrf, login: "sneaky.one", name: "몰래계정", role: "admin", password },
        headers: { origin: server.base }
      })
      expect(posted.status()).toBe(403)
      await page.goto(`${server.base}/app/admin`)
      expect(await accountRow("몰래계정").count()).toBe(0)
    } finally {
      await managerContext.close()
      await counselorContext.close()
    }
  }, 90_000)

  it("sets the center's settings: placements recorded afterwards follow the new policy, and plans the new growth", async () => {
    await page.goto(`${server.base}/app/admin`)
    await page.getByLabel("사후관리 기간 (개월)").fill("6")
    await page.getByLabel("통화 간격 (개월)").fill("2")
    await page.getByLabel("목표 계획 증가율 (%)").fill("7")
    await page.getByLabel(/^센터 휴무일/).fill("2026-10-15 구청 개청기념일")
    await page.getByRole("button", { name: "설정 저장" }).click()
    await page.waitForURL(/done=settings/)
    expect(await page.getByLabel("사후관리 기간 (개월)").inputValue()).toBe("6")
    expect(await page.getByLabel(/^센터 휴무일/).inputValue()).toBe("2026-10-15 구청 개청기념일")
    // A refused value is named, and nothing changes.
    await page.getByLabel("통화 간격 (개월)").fill("4")
    await page.getByRole("button", { name: "설정 저장" }).click()
    expect(await page.getByRole("alert").textContent()).toContain("intervalMonths")
    await page.goto(`${server.base}/app/admin`)
    expect(await page.getByLabel("통화 간격 (개월)").inputValue()).toBe("2")
    expect(await checkAccessibility(page)).toEqual([])

    // A placement the counselor records now has three calls, two months apart.
    const counselorContext = await browser.newContext()
    try {
      const counselor = await counselorContext.newPage()
      await signInAs(counselor, server.base, staffLogin("counselor"))
      await counselor.goto(`${server.base}/app/`)
      const csrf = await counselor.locator("input[name=_csrf]").first().inputValue()
      const [seeker] = await (await counselor.request.get(`${server.base}/caseload?limit=1`)).json() as ReadonlyArray<{ readonly value: { readonly id: string } }>
      const employers = await (await counselor.request.get(`${server.base}/employers/search?limit=1`)).json() as { readonly items: ReadonlyArray<{ readonly value: { readonly id: string } }> }
      const placed = await counselor.request.post(`${server.base}/placements`, {
        data: { seekerId: seeker!.value.id, employerId: employers.items[0]!.value.id, startOn: new Date().toISOString().slice(0, 10), contractType: "open-ended", schedule: "full-time" },
        headers: { "x-csrf-token": csrf, origin: server.base }
      })
      expect(placed.status()).toBe(201)
      expect(((await placed.json()) as { readonly followUps: ReadonlyArray<unknown> }).followUps).toHaveLength(3)
    } finally {
      await counselorContext.close()
    }
    // The targets page plans at the district's growth.
    await page.goto(`${server.base}/app/targets`)
    expect(await page.getByLabel("증가율(%)").inputValue()).toBe("7")
  }, 90_000)
})
