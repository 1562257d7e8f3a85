/**
 * Every page of the counselor's web app, in a real Chromium, on an office
 * screen and on a phone: no serious or critical axe-core violation, nothing
 * wider than the screen, no refused asset or script — in Korean, and a few
 * in English.
 */
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, expect, it } from "vitest"
import { staffLogin } from "../server.js"
import { checkAccessibility, launchChromium, type RunningServer, signInAs, startServer, watchProblems } from "./browser.js"
import { describeBrowser } from "./describeBrowser.js"

// The first link of a list page that leads to a record's own page.
const firstRecord = async (page: Page, base: string, list: string, pattern: RegExp, last = false) => {
  await page.goto(`${base}${list}`)
  const hrefs = await page.locator("main a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))
  const found = (last ? [...hrefs].reverse() : hrefs).find((href) => pattern.test(href))
  if (found === undefined) throw new Error(`no link matching ${pattern} on ${list}`)
  return found
}

// A one-time link to a questionnaire, issued on its page (`path`): the path of its answer page.
const surveyLink = async (page: Page, base: string, path: string) => {
  await page.goto(`${base}${path}`)
  await page.getByRole("button", { name: "응답 링크 만들기", exact: true }).click()
  return new URL(await page.getByLabel("응답 링크 주소").inputValue()).pathname
}

describeBrowser("every page of the web app, in Chromium", () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: () => ReadonlyArray<string>
  // The pages only a manager (or an administrator) may open, in a manager's own session.
  let managerContext: BrowserContext
  let managerPage: Page
  let managerProblems: () => ReadonlyArray<string>
  const pages: Array<{ readonly path: string; readonly ready?: string; readonly as?: "manager" }> = [
    { path: "/app/" },
    { path: "/app/seekers" },
    { path: "/app/seekers/new" },
    { path: "/app/employers" },
    { path: "/app/employers/new" },
    { path: "/app/openings" },
    { path: "/app/referrals" },
    { path: "/app/follow-ups" },
    { path: "/app/today/findings" },
    { path: "/app/import", as: "manager" },
    { path: "/app/reports" },
    // This month's report: its charts and every table, a manager's whole district.
    { path: `/app/reports?month=${new Date().toISOString().slice(0, 7)}`, as: "manager" },
    // The targets review: a counselor's own rows, and a manager's whole district with every chart.
    { path: "/app/targets" },
    { path: "/app/targets", as: "manager" },
    // The monitoring review of the year so far: its findings, each with its decision form.
    { path: `/app/monitoring?from=${new Date().getFullYear()}-01-01&to=${new Date().toISOString().slice(0, 10)}`, as: "manager" },
    // The job fairs, and the form that plans one.
    { path: "/app/fairs" },
    { path: "/app/fairs/new" },
    // Field work: each list against its plan, and the forms that record one.
    { path: "/app/events/outreach" },
    { path: "/app/events/outreach/new" },
    { path: "/app/events/visits" },
    { path: "/app/events/visits/new" },
    { path: "/app/events/tests" },
    { path: "/app/events/tests/new" },
    // The job cafés with the ten-minute-walk finder's answer from a station.
    { path: "/app/cafes?station=seongsu&minutes=10" },
    // The satisfaction surveys: the list and the form of a new questionnaire.
    { path: "/app/surveys" },
    { path: "/app/surveys/new" },
    // The access records of the last week (a manager reads them; an administrator also manages accounts).
    { path: "/app/admin", as: "manager" },
    { path: "/app/no-such-page" }
  ]

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    context = await browser.newContext({ locale: "ko-KR" })
    page = await context.newPage()
    problems = watchProblems(page).problems
    managerContext = await browser.newContext({ locale: "ko-KR" })
    managerPage = await managerContext.newPage()
    managerProblems = watchProblems(managerPage).problems
    await signInAs(managerPage, server.base, staffLogin("manager"))
    await signInAs(page, server.base, staffLogin("counselor"))
    // Records' own pages, found through the lists as a person would.
    const questionnaire = await firstRecord(page, server.base, "/app/surveys", /^\/app\/surveys\/(?!new$)[^/?]+$/)
    pages.push(
      { path: await firstRecord(page, server.base, "/app/seekers", /^\/app\/seekers\/(?!new$)[^/]+$/), ready: "#matches" },
      { path: await firstRecord(page, server.base, "/app/employers", /^\/app\/employers\/(?!new$)[^/]+$/) },
      { path: await firstRecord(page, server.base, "/app/openings", /^\/app\/openings\/(?!new$)[^/]+$/), ready: "main li .reasons, main .notice" },
      { path: await firstRecord(page, server.base, "/app/referrals", /^\/app\/referrals\/[^/]+$/) },
      // A demo outreach session with the people it registered, a visit with its findings, the test session held (with results).
      { path: await firstRecord(page, server.base, "/app/events/outreach", /^\/app\/events\/outreach\/(?!new$)[^/]+$/) },
      { path: await firstRecord(page, server.base, "/app/events/visits", /^\/app\/events\/visits\/(?!new$)[^/]+$/) },
      { path: await firstRecord(page, server.base, "/app/events/tests", /^\/app\/events\/tests\/(?!new$)[^/]+$/, true) },
      // A demo café with its programs, and its study rooms' day with today's bookings.
      { path: await firstRecord(page, server.base, "/app/cafes", /^\/app\/cafes\/[^/?]+$/) },
      { path: await firstRecord(page, server.base, "/app/cafes", /^\/app\/cafes\/[^/]+\/rooms$/) },
      // The demo's questionnaire with its results and links, and the public answer page of a link
      // issued for it (opening it does not use it).
      { path: questionnaire },
      { path: await surveyLink(page, server.base, questionnaire) }
    )
  })
  afterAll(async () => {
    await context?.close()
    await managerContext?.close()
    await browser?.close()
    await server?.close()
  })

  for (const { size, width, height } of [
    { size: "an office screen", width: 1280, height: 900 },
    { size: "a phone", width: 360, height: 780 }
  ]) {
    it(`has no serious or critical accessibility violation and nothing wider than ${size}, on every page`, async () => {
      await page.setViewportSize({ width, height })
      await managerPage.setViewportSize({ width, height })
      const found: Array<string> = []
      for (const { as, path, ready } of pages) {
        const shown = as === "manager" ? managerPage : page
        const response = await shown.goto(`${server.base}${path}`)
        if (as === "manager") expect(response?.status()).toBe(200)
        if (ready !== undefined) await shown.locator(ready).first().waitFor()
        // Wait for what htmx loads after the page (matches, best seekers, findings); a page
        // without such a part is ready at its load, and idle half a second later is time lost.
        if (await shown.locator("[hx-trigger~=load]").count() > 0) await shown.waitForLoadState("networkidle")
        for (const violation of await checkAccessibility(shown)) found.push(`${path}: ${violation}`)
        const wide = await shown.evaluate(() => document.documentElement.scrollWidth)
        if (wide > width) found.push(`${path}: ${wide} px wide on a ${width} px screen`)
      }
      expect(found).toEqual([])
      expect(problems()).toEqual([])
      expect(managerProblems()).toEqual([])
    })
  }

  it("speaks English when the person chooses it, and Korean again after", async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${server.base}/app/seekers`)
    await page.getByRole("link", { name: "English" }).click()
    await page.waitForURL("**/app/seekers")
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Job seekers")
    expect(await page.locator("html").getAttribute("lang")).toBe("en")
    expect(await checkAccessibility(page)).toEqual([])
    await page.getByRole("link", { name: "한국어" }).click()
    await page.waitForURL("**/app/seekers")
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("구직자")
  })

  it("answers an address the app does not have with its own page, not the browser's", async () => {
    const response = await page.goto(`${server.base}/app/no-such-page`)
    expect(response?.status()).toBe(404)
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("찾을 수 없습니다")
  })
})
