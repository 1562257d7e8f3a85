/**
 * A job fair in the web app, in a real Chromium against the real server over
 * an SQLite file: planned with two employers' openings found by name,
 * seekers pre-selected by score and invited, attendance recorded, the
 * interview timetable made and shown as a grid, printed one page per
 * employer and per seeker, and a hire recorded that shows in the targets.
 */
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, expect, it } from "vitest"
import { staffLogin } from "../server.js"
import { checkAccessibility, launchChromium, type RunningServer, signInAs, startServer, tableRows, watchProblems } from "./browser.js"
import { describeBrowser } from "./describeBrowser.js"

describeBrowser("a job fair in the web app, in Chromium", () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: () => ReadonlyArray<string>
  let fairUrl: string
  const today = new Date().toISOString().slice(0, 10)

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    context = await browser.newContext({ locale: "ko-KR", viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    problems = watchProblems(page).problems
    await signInAs(page, server.base, staffLogin("manager"))
  }, 120_000)
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
  })

  const rowsOf = (title: string) => tableRows(page, title)
  const placementsSoFar = async () => {
    await page.goto(`${server.base}/app/targets`)
    const row = (await rowsOf("센터 연간 누계 진도")).find((cells) => cells[0] === "취업(명)")!
    return Number(row[3]!.replaceAll(",", ""))
  }
  // Two employers with open openings, by name, as the JSON API lists them.
  const employersWithOpenings = async () => {
    const found = await (await page.request.get(`${server.base}/openings/search?status=open&limit=100`)).json() as {
      readonly items: ReadonlyArray<{ readonly value: { readonly employerId: string; readonly title: string } }>
    }
    const employers = await (await page.request.get(`${server.base}/employers/search?limit=100`)).json() as {
      readonly items: ReadonlyArray<{ readonly value: { readonly id: string; readonly name: string } }>
    }
    const names = new Map(employers.items.map((e) => [e.value.id, e.value.name] as const))
    // Employers whose names are their own: a search by one finds it.
    const unique = [...names].filter(([, name]) => [...names.values()].filter((n) => n.includes(name)).length === 1).map(([id]) => id)
    const ids = [...new Set(found.items.map((o) => o.value.employerId))].filter((id) => unique.includes(id)).slice(0, 2)
    return ids.map((id) => ({ id, name: names.get(id)!, title: found.items.find((o) => o.value.employerId === id)!.value.title }))
  }

  it("plans a fair with two employers' openings, found by name", async () => {
    const employers = await employersWithOpenings()
    expect(employers).toHaveLength(2)
    await page.goto(`${server.base}/app/`)
    await page.getByRole("link", { name: "채용박람회", exact: true }).click()
    await page.getByRole("link", { name: "새 채용박람회" }).click()
    await page.getByLabel("박람회 이름").fill("12월 일 잡는 데이")
    await page.getByLabel("개최일").fill(today)
    await page.getByLabel("장소").fill("성동구청 대강당")
    await page.getByLabel("최소 적합도 점수 (0~100)").fill("0")
    for (const employer of employers) {
      await page.getByLabel("업체 이름").fill(employer.name)
      await page.getByRole("button", { name: "업체 검색" }).click()
      await page.locator(".fair-found label", { hasText: employer.title }).first().click()
    }
    // A search keeps what was chosen before it.
    await page.getByLabel("업체 이름").fill(employers[0]!.name)
    await page.getByRole("button", { name: "업체 검색" }).click()
    expect(await page.locator(".fair-chosen input:checked").count()).toBe(2)
    await page.getByLabel(`${employers[1]!.name} 면접 가능 인원`).fill("3")
    expect(await checkAccessibility(page)).toEqual([])
    await page.getByRole("button", { name: "박람회 만들기" }).click()
    await page.waitForURL(/\/app\/fairs\/[^/]+\?done=created/)
    fairUrl = page.url().replace(/\?.*$/, "")
    expect(await page.getByRole("status").textContent()).toContain("채용박람회를 만들었습니다")
    const taking = await rowsOf("참여 업체와 공고")
    expect(taking.map((cells) => cells[0])).toEqual(expect.arrayContaining(employers.map((e) => e.name)))
    expect(taking.find((cells) => cells[0] === employers[1]!.name)![2]).toBe("3")
  }, 90_000)

  it("pre-selects seekers by score, invites them and records who came", async () => {
    await page.getByLabel("공고당 후보 수").fill("4")
    await page.getByRole("button", { name: "적합도 순으로 후보 선정" }).click()
    await page.waitForURL(/done=preselect/)
    const candidates = await rowsOf("업체별 후보 (적합도 순)")
    expect(candidates.length).toBeGreaterThan(1)
    // Best first within each employer.
    const scores = candidates.filter((cells) => cells[0] === candidates[0]![0]).map((cells) => Number(cells[3]))
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    await page.getByRole("button", { name: "후보 초대" }).click()
    await page.waitForURL(/done=invite/)
    const invited = await rowsOf("초대와 응답")
    expect(invited.length).toBeGreaterThan(1)
    // The first three invited came: their labels are clicked, as a person does.
    const came = page.locator(".fair-attendance label")
    for (let i = 0; i < Math.min(3, invited.length); i++) await came.nth(i).click()
    await page.getByRole("button", { name: "참석 기록" }).click()
    await page.waitForURL(/done=attendance/)
    expect(await page.locator("main").textContent()).toContain(`참석 ${Math.min(3, invited.length)}명`)
    expect(await checkAccessibility(page)).toEqual([])
  }, 90_000)

  it("makes the timetable, shown as a grid with a column per employer, and prints a page per employer and per seeker", async () => {
    await page.getByRole("button", { name: "시간표 짜기" }).click()
    await page.waitForURL(/done=schedule/)
    const grid = page.getByRole("table", { name: "면접 시간표" })
    const columns = await grid.locator("thead th").allTextContents()
    expect(columns[0]).toBe("시간")
    expect(columns.length).toBe(3)
    const slots = await rowsOf("면접 시간표")
    expect(slots.length).toBeGreaterThan(0)
    expect(slots[0]![0]).toMatch(/^\d\d:\d\d–\d\d:\d\d$/)
    const interviews = slots.flatMap((cells) => cells.slice(1).filter((cell) => cell !== ""))
    expect(interviews.length).toBeGreaterThan(0)
    await page.screenshot({ path: "/tmp/shots/fair.png", fullPage: true })

    await page.getByRole("link", { name: "업체별 면접표 인쇄" }).click()
    expect(await page.locator("section.print-page").count()).toBe(2)
    await page.emulateMedia({ media: "print" })
    // On paper: no menu, one employer a page.
    expect(await page.locator("header").first().evaluate((header) => getComputedStyle(header).display)).toBe("none")
    expect(await page.locator("section.print-page").first().evaluate((s) => getComputedStyle(s).breakAfter)).toBe("page")
    await page.emulateMedia({ media: "screen" })
    expect(await checkAccessibility(page)).toEqual([])
    await page.goto(`${fairUrl}/print/seekers`)
    const seekers = new Set(interviews.map((cell) => cell.replace(/ \([\d.]+\)$/, "")))
    expect(await page.locator("section.print-page").count()).toBe(seekers.size)
    expect(await page.locator("section.print-page h2").allTextContents()).toEqual(expect.arrayContaining([...seekers]))
  }, 90_000)

  it("records a hire, which is a placement that shows in the targets", async () => {
    const before = await placementsSoFar()
    await page.goto(fairUrl)
    const row = page.getByRole("table", { name: "면접별 결과" }).locator("tbody tr").first()
    await row.getByLabel("결과").selectOption("hired")
    await row.getByLabel("입사일 (채용 시)").fill(today)
    await row.getByRole("button", { name: "결과 기록" }).click()
    await page.waitForURL(/done=results/)
    const first = page.getByRole("table", { name: "면접별 결과" }).locator("tbody tr").first()
    expect(await first.locator("td").last().textContent()).toContain("채용")
    expect(await first.getByRole("link", { name: "알선 보기" }).count()).toBe(1)
    expect(await page.locator("main").textContent()).toContain("채용 1명")
    expect(await placementsSoFar()).toBe(before + 1)
    expect(problems()).toEqual([])
  }, 90_000)

  it("keeps an administrator, who records no casework, out of the fairs", async () => {
    const adminContext = await browser.newContext({ locale: "ko-KR" })
    try {
      const adminPage = await adminContext.newPage()
      await signInAs(adminPage, server.base, staffLogin("admin"))
      expect((await adminPage.goto(`${server.base}/app/fairs`))?.status()).toBe(403)
      expect((await adminPage.goto(fairUrl))?.status()).toBe(403)
    } finally {
      await adminContext.close()
    }
  }, 60_000)
})
