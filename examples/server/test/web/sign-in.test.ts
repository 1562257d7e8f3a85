/**
 * Signing in and out of the staff web app in a real Chromium, against the
 * real server over an SQLite file with the demo district.
 */
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest"
import { demoPassword } from "../../src/DemoAccess.js"
import { loginOf, staffLogin } from "../server.js"
import { checkAccessibility, fillSignIn, launchChromium, type RunningServer, signInAs, startServer, submitAndWait, watchProblems } from "./browser.js"
import { describeBrowser } from "./describeBrowser.js"

const counselor = staffLogin("counselor") // seongdong-counselor-01, 박상담
const sessionCookie = "iljari_session"

describeBrowser("signing in to the web app, in Chromium", () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: () => ReadonlyArray<string>

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  beforeEach(async () => {
    context = await browser.newContext({ locale: "ko-KR", viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    problems = watchProblems(page).problems
  })
  afterEach(async () => {
    // Every page a test saw loaded its assets and ran its scripts without a
    // refusal (a Content-Security-Policy violation shows here too).
    expect(problems()).toEqual([])
    await context.close()
  })

  const pathOf = (p: Page) => new URL(p.url()).pathname
  const hasSession = async () => (await context.cookies()).some((c) => c.name === sessionCookie)

  it("sends a browser that opens / to the sign-in page", async () => {
    await page.goto(`${server.base}/`)
    expect(pathOf(page)).toBe("/app/sign-in")
    expect(await page.title()).toContain("로그인")
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("로그인")
    expect(await hasSession()).toBe(false)
  })

  it("refuses a wrong password with a message, keeps the sign-in name and starts no session", async () => {
    const login = loginOf("counselor-02")
    await signInAs(page, server.base, login, `${demoPassword}-wrong`)
    expect(pathOf(page)).toBe("/app/sign-in")
    expect(await page.getByRole("alert").textContent()).toContain("아이디 또는 비밀번호가 맞지 않거나")
    expect(await page.getByLabel("아이디", { exact: true }).inputValue()).toBe(login)
    expect(await page.getByLabel("비밀번호", { exact: true }).inputValue()).toBe("")
    expect(await hasSession()).toBe(false)
    // The app's pages still send the person back to sign in.
    await page.goto(`${server.base}/app/`)
    expect(pathOf(page)).toBe("/app/sign-in")
  })

  it("takes the right password to today's page, with the person named in the header", async () => {
    await signInAs(page, server.base, counselor)
    expect(pathOf(page)).toBe("/app/")
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("오늘 할 일")
    expect(await page.locator("header").textContent()).toContain("박상담")
    expect(await hasSession()).toBe(true)
  })

  // A phone's width matters: there a wide table scrolls sideways inside its
  // wrapper, which a keyboard must be able to reach (scrollable-region-focusable).
  for (const { size, viewport } of [
    { size: "an office screen", viewport: { width: 1280, height: 900 } },
    { size: "a phone", viewport: { width: 360, height: 780 } }
  ]) {
    it(`has no serious or critical accessibility violations on the sign-in pages and today's page, on ${size}`, async () => {
      await page.setViewportSize(viewport)
      await page.goto(`${server.base}/app/sign-in`)
      expect(await checkAccessibility(page)).toEqual([])
      // Refused: the message and the kept sign-in name.
      await fillSignIn(page, counselor, `${demoPassword}-wrong`)
      expect(await page.getByRole("alert").count()).toBe(1)
      expect(await checkAccessibility(page)).toEqual([])
      await fillSignIn(page, counselor)
      expect(pathOf(page)).toBe("/app/")
      expect(await checkAccessibility(page)).toEqual([])
    })
  }

  it("finds an accessibility violation when there is one (the check itself runs under the page's CSP)", async () => {
    await page.goto(`${server.base}/app/sign-in`)
    await page.evaluate(() => {
      const img = document.createElement("img")
      img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
      document.querySelector("main")!.append(img)
    })
    const violations = await checkAccessibility(page)
    expect(violations).toHaveLength(1)
    expect(violations[0]).toMatch(/^image-alt \(critical\): Images must have alternative text .*\n {4}img — Element does not have an alt attribute$/)
  })

  it("signs out to the sign-in page, and the old session no longer opens a page", async () => {
    await signInAs(page, server.base, counselor)
    const session = (await context.cookies()).find((c) => c.name === sessionCookie)!
    await submitAndWait(page, page.getByRole("button", { name: "로그아웃", exact: true }))
    expect(pathOf(page)).toBe("/app/sign-in")
    expect(await hasSession()).toBe(false)
    // The session is ended on the server, not only forgotten by this browser.
    await context.addCookies([session])
    await page.goto(`${server.base}/app/`)
    expect(pathOf(page)).toBe("/app/sign-in")
  })

  for (const { what, cookie } of [
    { what: "without a session", cookie: undefined },
    { what: "with a session that has ended", cookie: "no-such-session-0123456789abcdef" }
  ]) {
    it(`sends a person ${what} from the seekers' page to sign in, and back there after`, async () => {
      if (cookie !== undefined) {
        await context.addCookies([{ name: sessionCookie, value: cookie, url: server.base }])
      }
      await page.goto(`${server.base}/app/seekers`)
      const signInUrl = new URL(page.url())
      expect(signInUrl.pathname).toBe("/app/sign-in")
      expect(signInUrl.searchParams.get("next")).toBe("/seekers")
      await fillSignIn(page, counselor)
      expect(pathOf(page)).toBe("/app/seekers")
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("구직자")
    })
  }
})
