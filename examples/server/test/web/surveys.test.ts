/**
 * 만족도 조사 in the web app, in a real Chromium against the real server over
 * an SQLite file: a counselor makes a questionnaire and issues a one-time
 * link for a seeker; a browser with no cookies answers it (a missing
 * required rating is refused, naming the question, and nothing is stored);
 * the link answers once; the results page shows the answer with the JSON
 * API's scores; and staff who do not record casework are refused.
 */
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, expect, it } from "vitest"
import { staffLogin } from "../server.js"
import { checkAccessibility, launchChromium, type RunningServer, signInAs, startServer, submitAndWait, tableRows, watchProblems } from "./browser.js"
import { describeBrowser } from "./describeBrowser.js"

describeBrowser("satisfaction surveys in the web app, in Chromium", () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: () => ReadonlyArray<string>
  let surveyUrl: string
  let link: string
  const logs: Array<string> = []
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10)
  const year = today.slice(0, 4)

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer({ logs }), launchChromium()])
    context = await browser.newContext({ locale: "ko-KR", viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    problems = watchProblems(page).problems
    await signInAs(page, server.base, staffLogin("counselor"))
  }, 120_000)
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
  })

  const surveyId = () => new URL(surveyUrl).pathname.split("/").at(-1)!
  const scores = async (by: "all" | "counselor" = "all") =>
    (await (await page.request.get(`${server.base}/surveys/${surveyId()}/scores?from=${year}-01-01&to=${today}&by=${by}`)).json()) as ReadonlyArray<{
      readonly key: string
      readonly responses: number
      readonly average: number | null
      readonly satisfiedShare: number | null
    }>

  it("makes a questionnaire of a rating, a choice and a comment", async () => {
    await page.goto(`${server.base}/app/`)
    await page.getByRole("link", { name: "만족도 조사", exact: true }).click()
    expect(await checkAccessibility(page)).toEqual([])
    await page.getByRole("link", { name: "새 설문지" }).click()
    await page.getByLabel("제목").fill("12월 상담 만족도")
    // The first question is a required rating already; the second a choice, the third a comment.
    const second = page.getByRole("group", { name: "2번 문항" })
    await second.getByLabel("종류").selectOption("choice")
    await second.getByLabel("문항 내용").fill("센터를 어떻게 알게 되었습니까?")
    await second.getByLabel(/^보기/).fill("구청 홈페이지, 지인 소개")
    const third = page.getByRole("group", { name: "3번 문항" })
    await third.getByLabel("종류").selectOption("text")
    await third.getByLabel("문항 내용").fill("하고 싶은 말씀")
    expect(await checkAccessibility(page)).toEqual([])
    await submitAndWait(page, page.getByRole("button", { name: "설문지 만들기" }))
    expect(page.url()).toMatch(/\/app\/surveys\/[^/?]+\?done=created$/)
    surveyUrl = page.url().replace(/\?.*$/, "")
    expect(await page.getByRole("status").first().textContent()).toContain("설문지를 만들었습니다")
    expect(await page.locator("#survey-responses").textContent()).toBe("0")
  }, 60_000)

  it("issues a one-time link for a seeker and shows it once", async () => {
    const seekers = (await (await page.request.get(`${server.base}/seekers?limit=1`)).json()) as ReadonlyArray<{ readonly value: { readonly id: string; readonly name: string } }>
    const seeker = seekers[0]!.value
    // A number no seeker has is the field's problem, and makes no link.
    await page.getByLabel("구직자 번호").fill("seeker-99999")
    await submitAndWait(page, page.getByRole("button", { name: "응답 링크 만들기", exact: true }))
    expect(await page.getByRole("alert").first().textContent()).toContain("이 센터에 그 번호의 구직자가 없습니다")
    expect(await page.getByLabel("구직자 번호").inputValue()).toBe("seeker-99999")
    expect(await page.getByText("만든 링크 0개", { exact: false }).count()).toBe(1)
    // No name lists no one (anyone listed would be logged as read): it is asked for.
    const [empty] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/seekers") && r.request().method() === "POST"), page.getByRole("button", { name: "찾기", exact: true }).click()])
    expect(empty.status()).toBe(422)
    expect(await page.getByRole("alert").first().textContent()).toContain("찾을 이름을 넣으세요")
    expect(await page.locator("ul.fair-found").count()).toBe(0)
    // Found by name (posted, so the name stays out of the address), the link made from the list.
    await page.getByLabel("구직자 이름으로 찾기").fill(seeker.name)
    await submitAndWait(page, page.getByRole("button", { name: "찾기", exact: true }))
    expect(page.url()).not.toContain(encodeURIComponent(seeker.name))
    await submitAndWait(page, page.getByRole("button", { name: `${seeker.name} 님의 응답 링크 만들기 (14일)` }).first())
    expect(await page.getByRole("status").first().textContent()).toContain(`${seeker.name} 님`)
    link = await page.getByLabel("응답 링크 주소").inputValue()
    expect(link).toMatch(new RegExp(`^${server.base}/app/s/iljari_v_[A-Za-z0-9_-]{43}$`))
    expect(await checkAccessibility(page)).toEqual([])
    // The links' list names the seeker and counts the link as open; the address is not shown again.
    await page.goto(surveyUrl)
    expect(await page.getByText("만든 링크 1개: 응답 완료 0개, 응답 대기 1개, 기한 지남 0개").count()).toBe(1)
    expect(await page.content()).not.toContain(link.split("/s/")[1])
  }, 60_000)

  it("is answered once, without an account; a missing required rating is refused naming the question, storing nothing", async () => {
    const stranger = await browser.newContext({ locale: "ko-KR", viewport: { width: 390, height: 844 } })
    try {
      const answer = await stranger.newPage()
      const strangerProblems = watchProblems(answer).problems
      const opened = await answer.goto(link)
      expect(opened?.status()).toBe(200)
      expect(await answer.getByRole("heading", { level: 1 }).textContent()).toBe("12월 상담 만족도")
      expect(await checkAccessibility(answer)).toEqual([])
      // Only the comment: refused, the rating named, nothing stored.
      await answer.getByLabel("하고 싶은 말씀").fill("친절했어요")
      await submitAndWait(answer, answer.getByRole("button", { name: "제출" }))
      const alert = answer.getByRole("alert")
      expect(await alert.textContent()).toContain("상담에 전반적으로 만족하십니까?")
      expect(await answer.getByRole("group", { name: /상담에 전반적으로 만족하십니까/ }).textContent()).toContain("필수 문항입니다")
      expect(await answer.getByLabel("하고 싶은 말씀").inputValue()).toBe("친절했어요")
      expect(await checkAccessibility(answer)).toEqual([])
      expect((await scores())[0]?.responses ?? 0).toBe(0)
      // Answered in full: thanked.
      await answer.getByText("4점 만족", { exact: true }).click()
      await answer.getByText("지인 소개", { exact: true }).click()
      await submitAndWait(answer, answer.getByRole("button", { name: "제출" }))
      expect(await answer.getByRole("heading", { level: 1 }).textContent()).toBe("응답해 주셔서 감사합니다")
      // The second visit is told the link was used, with 410 Gone.
      const again = await answer.goto(link)
      expect(again?.status()).toBe(410)
      expect(await answer.getByRole("heading", { level: 1 }).textContent()).toBe("이미 응답한 설문입니다")
      expect(await checkAccessibility(answer)).toEqual([])
      // An address no link has is not found.
      const unknown = await answer.goto(`${server.base}/app/s/iljari_v_${"A".repeat(43)}`)
      expect(unknown?.status()).toBe(404)
      expect(await answer.getByRole("heading", { level: 1 }).textContent()).toBe("설문 링크를 찾을 수 없습니다")
      expect(strangerProblems()).toEqual([])
      // The request log shows the link's visits without its token.
      const token = link.split("/s/")[1]!
      expect(logs.join("\n")).toContain(`GET /app/s/${token.slice(0, 13)}… 410`)
      expect(logs.join("\n")).not.toContain(token)
    } finally {
      await stranger.close()
    }
  }, 60_000)

  it("shows the answer in the results, as the JSON API scores it", async () => {
    await page.goto(surveyUrl)
    const [all] = await scores()
    expect(all).toMatchObject({ key: "all", responses: 1, average: 4, satisfiedShare: 1 })
    expect(await page.locator("#survey-responses").textContent()).toBe(String(all!.responses))
    expect(await page.locator("#survey-average").textContent()).toBe(all!.average!.toFixed(2))
    expect(await page.locator("#survey-satisfied").textContent()).toBe(`${(all!.satisfiedShare! * 100).toFixed(1)}%`)
    // By counselor: the counselor who issued the link, by name.
    const byCounselor = await scores("counselor")
    expect(byCounselor.map((s) => s.key)).toEqual(["counselor-01"])
    expect(await tableRows(page, "상담사별 결과")).toEqual([["박상담", "1", "4.00", "100.0%"]])
    expect(await page.getByText("만든 링크 1개: 응답 완료 1개, 응답 대기 0개, 기한 지남 0개").count()).toBe(1)
    expect(await checkAccessibility(page)).toEqual([])
    expect(problems()).toEqual([])
  }, 60_000)

  it("refuses the survey pages to staff who record no casework", async () => {
    for (const role of ["analyst", "admin"]) {
      const other = await browser.newContext({ locale: "ko-KR" })
      try {
        const otherPage = await other.newPage()
        await signInAs(otherPage, server.base, staffLogin(role, role === "analyst" ? "11000" : "11200"))
        for (const path of ["/app/surveys", surveyUrl.replace(server.base, "")]) {
          const response = await otherPage.goto(`${server.base}${path}`)
          expect(response?.status(), `${role} ${path}`).toBe(403)
        }
      } finally {
        await other.close()
      }
    }
  }, 60_000)
})
