/**
 * A counselor's day in the web app, in a real Chromium against the real
 * server over an SQLite file: find a seeker by 초성, register a new one (with
 * a wrong field first), see explained matches, refer, move the referral to
 * hired, record the placement, find the follow-up call due, record it, and
 * download the month's ledger and read it back with a real XLSX reader —
 * with axe-core on every page on the way. Then what a hostile tester tries.
 */
import { Hangul } from "@iljari/core"
import ExcelJS from "exceljs"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { staffLogin } from "../server.js"
import { checkAccessibility, launchChromium, type RunningServer, signInAs, startServer, submitAndWait, watchProblems } from "./browser.js"
import { describeBrowser } from "./describeBrowser.js"

const counselor = staffLogin("counselor") // seongdong-counselor-01
const newcomer = { name: "편하람", phone: "010-5555-0134" }

// Civil dates in Korea, as the server counts them.
const koreanDate = (daysAgo: number) => new Date(Date.now() + 9 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10)

describeBrowser("a counselor's day in the web app, in Chromium", () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: () => ReadonlyArray<string>
  const logs: Array<string> = []
  const visited: Array<string> = []

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer({ logs }), launchChromium()])
    context = await browser.newContext({ locale: "ko-KR", viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    page = await context.newPage()
    problems = watchProblems(page).problems
    page.on("request", (request) => visited.push(request.url()))
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
  })

  const path = () => new URL(page.url()).pathname
  const h1 = () => page.getByRole("heading", { level: 1 }).textContent()
  const accessible = async () => expect(await checkAccessibility(page)).toEqual([])

  describe("the day, step by step (one session)", () => {
    let seekerPath = ""
    let dueMonth = ""

    it("signs in to today's page", async () => {
      await signInAs(page, server.base, counselor)
      expect(path()).toBe("/app/")
      expect(await h1()).toBe("오늘 할 일")
      await accessible()
    })

    it("finds a seeker by the initial consonants of the name", async () => {
      await page.getByRole("link", { name: "구직자", exact: true }).click()
      await page.waitForURL("**/app/seekers")
      const someone = (await page.locator("#results tbody tr td a").first().textContent())!.trim()
      const initials = [...someone].map(Hangul.initialOf).join("")
      expect(initials).toMatch(/^[ㄱ-ㅎ]+$/)
      await page.getByLabel("이름 또는 초성").fill(initials)
      const searched = page.waitForResponse((r) => r.url().endsWith("/app/seekers/search"))
      await page.getByRole("button", { name: "검색", exact: true }).click()
      await searched
      // htmx swaps the results only; the page and its address stay.
      await expect.poll(async () => page.locator("#results tbody tr td a").allTextContents()).toContain(someone)
      const names = await page.locator("#results tbody tr td a").allTextContents()
      for (const name of names) expect([...name].map(Hangul.initialOf).join("")).toContain(initials)
      expect(path()).toBe("/app/seekers")
      await accessible()
    })

    it("refuses a registration with a wrong phone number, in Korean beside the field, and keeps the input", async () => {
      await page.goto(`${server.base}/app/seekers/new`)
      await accessible()
      await page.getByLabel("이름", { exact: true }).fill(newcomer.name)
      await page.getByLabel("생년월일").fill("1990-05-17")
      await page.getByLabel("성별").selectOption({ label: "여성" })
      await page.getByLabel("휴대전화").fill("010-12")
      await page.getByLabel("거주지").selectOption({ label: "성동구" })
      await page.getByLabel("희망 직종 (1지망)").selectOption({ index: 1 })
      await page.getByLabel("최종 학력").selectOption({ index: 1 })
      await page.getByLabel("등록 경로").selectOption({ label: "방문" })
      expect(await page.getByLabel("개인정보 수집·이용 (필수)").isChecked()).toBe(true)
      await submitAndWait(page, page.getByRole("button", { name: "등록", exact: true }))
      const phone = page.getByLabel("휴대전화")
      expect(await phone.getAttribute("aria-invalid")).toBe("true")
      const problemId = (await phone.getAttribute("aria-describedby"))!.split(" ").find((id) => id.endsWith("-problem"))!
      expect(await page.locator(`#${problemId}`).textContent()).toContain("전화번호 형식이 아닙니다")
      expect(await page.getByRole("alert").textContent()).toContain("휴대전화: 전화번호 형식이 아닙니다")
      expect(await page.getByLabel("이름", { exact: true }).inputValue()).toBe(newcomer.name)
      await accessible()
    })

    it("registers the seeker once the field is right", async () => {
      await page.getByLabel("휴대전화").fill(newcomer.phone)
      await submitAndWait(page, page.getByRole("button", { name: "등록", exact: true }))
      expect(path()).toMatch(/^\/app\/seekers\/[^/]+$/)
      seekerPath = path()
      expect(await h1()).toBe(newcomer.name)
      expect(await page.getByRole("status").textContent()).toContain("구직자를 등록했습니다")
    })

    it("shows explained matches: the score and the Korean reason per criterion, never age or gender", async () => {
      const first = page.locator("#matches li.card").first()
      await first.waitFor()
      expect(await first.locator("h3").textContent()).toMatch(/\d+\.\d점$/)
      const reasons = await first.locator(".reasons li").allTextContents()
      expect(reasons.some((r) => r.startsWith("직종 "))).toBe(true)
      expect(reasons.join(" ")).not.toMatch(/나이|연령|성별/)
      await accessible()
    })

    it("refers the seeker to the best opening", async () => {
      await submitAndWait(page, page.locator("#matches li.card").first().getByRole("button", { name: /에 알선$/ }))
      expect(path()).toBe(seekerPath)
      expect(await page.getByRole("status").textContent()).toContain("알선을 등록했습니다")
    })

    it("moves the referral to hired, offering only the legal moves, and is taken to the placement form", async () => {
      await page.getByRole("link", { name: "알선 상세" }).first().click()
      await page.waitForURL(/\/app\/referrals\/[^/]+$/)
      await accessible()
      const moves = async () => (await page.locator("form[action$='/move'] button").allTextContents()).map((t) => t.replace(/ 단계로 변경.*$/, ""))
      expect(await moves()).toEqual(["알선(서류전달)", "철회"])
      await submitAndWait(page, page.getByRole("button", { name: /^알선\(서류전달\)/ }))
      expect(await moves()).toEqual(["면접진행", "불합격", "철회"])
      await submitAndWait(page, page.getByRole("button", { name: /^면접진행/ }))
      expect(await moves()).toEqual(["채용", "불합격", "철회"])
      await submitAndWait(page, page.getByRole("button", { name: /^채용/ }))
      expect(path()).toMatch(/^\/app\/referrals\/[^/]+\/placement$/)
      await accessible()
    })

    it("records the placement, and the seeker's page shows it", async () => {
      // A job that started a month ago: its first follow-up call is due now.
      await page.getByLabel("근무 시작일").fill(koreanDate(33))
      await submitAndWait(page, page.getByRole("button", { name: "취업 기록", exact: true }))
      expect(path()).toBe(seekerPath)
      expect(await page.getByRole("status").textContent()).toContain("취업을 기록했습니다")
      expect(await page.locator("#placements + *").textContent()).toContain(koreanDate(33))
    })

    it("finds the follow-up call due on the ledger and records it in one step", async () => {
      await page.getByRole("link", { name: "사후관리대장", exact: true }).click()
      await page.waitForURL("**/app/follow-ups")
      await accessible()
      const form = page.getByRole("form", { name: `${newcomer.name} 1차 사후관리 결과 기록` })
      // Due calls come in pages of 20: turn them until the call shows.
      for (let turn = 0; turn < 10 && (await form.count()) === 0; turn++) {
        await submitAndWait(page, page.locator("nav.krds-pagination button.next").first())
      }
      const row = page.locator("li, tr, article, section").filter({ has: form }).last()
      dueMonth = (await row.textContent())!.match(/기한 (\d{4}-\d{2})-\d{2}/)![1]!
      await form.getByLabel("결과").selectOption({ label: "재직 중" })
      await form.getByLabel("방법").selectOption({ index: 1 })
      await form.getByRole("button", { name: "기록" }).click()
      await expect.poll(() => page.getByText("기록했습니다.").count()).toBeGreaterThan(0)
      expect(await page.getByRole("form", { name: `${newcomer.name} 1차 사후관리 결과 기록` }).count()).toBe(0)
      await accessible()
    })

    it("downloads the month's ledger as XLSX, which a real reader reads back with the call", async () => {
      await page.getByLabel("월", { exact: true }).fill(dueMonth)
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "엑셀 내려받기" }).click()
      ])
      expect(download.suggestedFilename()).toBe(`사후관리대장-${dueMonth}.xlsx`)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.readFile(await download.path())
      const sheet = workbook.worksheets[0]!
      const rows: Array<string> = []
      sheet.eachRow((row) => rows.push(JSON.stringify(row.values)))
      const ours = rows.find((r) => r.includes(newcomer.name))
      expect(ours).toBeDefined()
      expect(ours).toContain(newcomer.phone)
      expect(ours).toContain("재직 중")
      expect(rows.some((r) => r.includes("구직자") && r.includes("연락처"))).toBe(true)
    })

    it("loaded every asset and ran every script without a refusal on the way", () => {
      expect(problems()).toEqual([])
    })

    it("never put the seeker's name or number in a URL, nor in the server's log", () => {
      const people = [newcomer.name, newcomer.phone, newcomer.phone.replace(/-/g, ""), newcomer.phone.slice(-4)]
      for (const url of visited) {
        const decoded = decodeURIComponent(url)
        for (const value of people) expect(decoded).not.toContain(value)
      }
      expect(logs.length).toBeGreaterThan(10)
      expect(logs.some((line) => line.includes("/app/seekers/search"))).toBe(true)
      for (const line of logs) for (const value of people.slice(0, 2)) expect(line).not.toContain(value)
    })
  })

  describe("what a hostile tester tries", () => {
    it("renders a name that is markup as text: no script runs", async () => {
      const dialogs: Array<string> = []
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      const markup = "<img src=x onerror=alert(1)>"
      await page.goto(`${server.base}/app/seekers/new`)
      await page.getByLabel("이름", { exact: true }).fill(markup)
      await page.getByLabel("메모").fill(`<script>alert(2)</script>${markup}`)
      await submitAndWait(page, page.getByRole("button", { name: "등록", exact: true }))
      // Refused or not, the page shows the text as typed, and nothing ran.
      expect(await page.getByLabel("이름", { exact: true }).inputValue()).toBe(markup)
      expect(await page.locator("img[src=x]").count()).toBe(0)
      await page.goto(`${server.base}/app/seekers`)
      await page.getByLabel("이름 또는 초성").fill(markup)
      await page.getByRole("button", { name: "검색", exact: true }).click()
      await expect.poll(() => page.getByLabel("이름 또는 초성").inputValue()).toBe(markup)
      await page.waitForTimeout(300)
      expect(dialogs).toEqual([])
    })

    it("refuses a form posted from another site, even with the person's session", async () => {
      // Another site's page that posts a registration to the app on load.
      const evil: Server = createServer((_, response) => {
        response.setHeader("content-type", "text/html; charset=utf-8")
        response.end(`<!doctype html><form method="post" action="${server.base}/app/seekers">
          <input name="name" value="위조등록"><input name="consents" value="personal-data"></form>
          <script>document.forms[0].submit()</script>`)
      })
      await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve))
      const other = `http://localhost:${(evil.address() as AddressInfo).port}`
      try {
        const answered = page.waitForResponse((r) => r.url() === `${server.base}/app/seekers` && r.request().method() === "POST")
        await page.goto(other)
        const response = await answered
        await page.waitForLoadState("load")
        // Refused, or sent to sign in (a Lax cookie is not sent along): never registered.
        expect([303, 403]).toContain(response.status())
        expect(path()).not.toMatch(/^\/app\/seekers\/(?!new$)[^/]+$/)
      } finally {
        await new Promise((resolve) => evil.close(resolve))
      }
      // With the session cookie but from another origin, or without the CSRF token: 403.
      const forged = await page.request.post(`${server.base}/app/seekers`, {
        form: { name: "위조등록", consents: "personal-data" },
        headers: { origin: "http://evil.example" },
        maxRedirects: 0
      })
      expect(forged.status()).toBe(403)
      const search = await page.request.post(`${server.base}/app/seekers/search`, { form: { name: "ㅎ" }, maxRedirects: 0 })
      expect(search.status()).toBe(403)
      expect(await page.request.get(`${server.base}/app/seekers/search`, { maxRedirects: 0 }).then((r) => r.status())).not.toBe(200)
    })

    it("answers another district's seeker exactly like a missing one: 404", async () => {
      const other = await page.goto(`${server.base}/app/seekers/gwangjin-seeker-00001`)
      expect(other?.status()).toBe(404)
      const otherText = await page.locator("main").textContent()
      const missing = await page.goto(`${server.base}/app/seekers/seeker-99999`)
      expect(missing?.status()).toBe(404)
      expect(await page.locator("main").textContent()).toBe(otherText)
      await accessible()
    })
  })
})

describeBrowser("the counselor's day by keyboard alone, in Chromium", () => {
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  // Tab until the focused element's accessible text matches.
  const tabTo = async (page: Page, text: RegExp) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab")
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        return el === null ? "" : `${el.getAttribute("aria-label") ?? ""} ${el.innerText ?? ""} ${(el as HTMLInputElement).labels?.[0]?.innerText ?? ""}`
      })
      if (text.test(focused)) return
    }
    throw new Error(`no focusable element matching ${text}`)
  }

  it("signs in, searches, opens a seeker, records counseling and reaches the ledger without a mouse", async () => {
    const context = await browser.newContext({ locale: "ko-KR", viewport: { width: 360, height: 780 } })
    const page = await context.newPage()
    await page.goto(`${server.base}/`)
    await tabTo(page, /아이디/)
    await page.keyboard.type(counselor)
    await tabTo(page, /비밀번호/)
    await page.keyboard.type("iljari-demo-2026!")
    await Promise.all([page.waitForURL("**/app/"), page.keyboard.press("Enter")])
    // The skip link is the first stop, and it leads to the content.
    await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("본문 바로가기")
    await tabTo(page, /^\s*구직자\s*$/)
    await Promise.all([page.waitForURL("**/app/seekers"), page.keyboard.press("Enter")])
    await tabTo(page, /이름 또는 초성/)
    await page.keyboard.type("ㄱ")
    await Promise.all([page.waitForResponse((r) => r.url().endsWith("/app/seekers/search")), page.keyboard.press("Enter")])
    await page.locator("#results tbody tr").first().waitFor()
    await tabTo(page, /정렬/)
    await tabTo(page, /^\s*\S+\s*$/)
    const name = (await page.evaluate(() => document.activeElement?.textContent ?? "")).trim()
    await Promise.all([page.waitForURL("**/app/seekers/seeker-*"), page.keyboard.press("Enter")])
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(name)
    await tabTo(page, /상담 내용/)
    await page.keyboard.type("키보드로 남긴 상담 기록")
    await tabTo(page, /^\s*기록\s*$/)
    await Promise.all([page.waitForURL(/done=counseled/), page.keyboard.press("Enter")])
    expect(await page.getByRole("status").textContent()).toContain("상담 기록을 남겼습니다")
    expect(await page.locator("#counseling ~ *").first().textContent().then((t) => t ?? "")).toBeDefined()
    expect(await page.getByText("키보드로 남긴 상담 기록").count()).toBe(1)
    await tabTo(page, /^\s*사후관리대장\s*$/)
    await Promise.all([page.waitForURL("**/app/follow-ups"), page.keyboard.press("Enter")])
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("사후관리대장")
    // No page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await context.close()
  })
})
