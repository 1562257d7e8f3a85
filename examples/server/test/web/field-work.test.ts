/**
 * The center's field work in the web app, in a real Chromium against the
 * real server over an SQLite file: an outreach session recorded and the
 * people met there registered on it (a second registration of one person
 * offered as the existing record instead), a discovery visit with the
 * employer it found and that employer's opening, and a psychological-test
 * session filled to capacity by a seeker found by name and a newcomer, with
 * a result recorded and delivered. Each figure is checked against the JSON
 * API's own progress, and an administrator is kept out.
 */
import { openingInput } from "@iljari/test-support/fixtures"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, expect, it } from "vitest"
import { apiToken, staffLogin } from "../server.js"
import { checkAccessibility, launchChromium, type RunningServer, signInAs, startServer, submitAndWait, tableRows, watchProblems } from "./browser.js"
import { describeBrowser } from "./describeBrowser.js"

describeBrowser("field work in the web app, in Chromium", () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: () => ReadonlyArray<string>
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10)
  const month = today.slice(0, 7)

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
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

  const api = async <A>(path: string, init: RequestInit = {}): Promise<A> => {
    const response = await fetch(`${server.base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${apiToken("write")}`, "content-type": "application/json", ...init.headers }
    })
    expect(response.ok, `${path}: ${response.status}`).toBe(true)
    return await response.json() as A
  }
  const rowsOf = (title: string) => tableRows(page, title)
  const outreachProgress = () => api<{ readonly registrations: number; readonly held: number }>(`/outreach-sessions/progress?month=${month}`)
  const accessible = async () => expect(await checkAccessibility(page)).toEqual([])

  const person = { name: "현장만남", phone: "010-7345-2211" }
  const fillSeeker = async (who: typeof person) => {
    await page.getByLabel("이름", { exact: true }).fill(who.name)
    await page.getByLabel("생년월일").fill("1988-03-09")
    await page.getByLabel("성별").selectOption({ label: "남성" })
    await page.getByLabel("휴대전화").fill(who.phone)
    await page.getByLabel("거주지").selectOption({ label: "성동구" })
    await page.getByLabel("희망 직종 (1지망)").selectOption({ index: 1 })
    await page.getByLabel("최종 학력").selectOption({ index: 1 })
    await page.getByLabel("등록 경로").selectOption({ index: 1 })
  }

  it("refuses an outreach session with its fields missing, naming them, and records nothing", async () => {
    const before = await outreachProgress()
    await page.goto(`${server.base}/app/`)
    await page.getByRole("link", { name: "현장 활동", exact: true }).click()
    expect(new URL(page.url()).pathname).toBe("/app/events/outreach")
    await accessible()
    await page.getByRole("link", { name: "찾아가는 상담 기록" }).click()
    await submitAndWait(page, page.getByRole("button", { name: "기록", exact: true }))
    const alert = await page.getByRole("alert").textContent()
    expect(alert).toContain("장소 유형")
    expect(alert).toContain("장소 이름")
    expect(alert).toContain("상담 인원")
    expect(await page.getByLabel("장소 이름").getAttribute("aria-invalid")).toBe("true")
    await accessible()
    expect((await outreachProgress()).held).toBe(before.held)
  }, 90_000)

  it("records a session at a station and registers the people met there on it, once each", async () => {
    const before = await outreachProgress()
    await page.getByLabel("장소 유형").selectOption({ label: "지하철역사" })
    await page.getByLabel("장소 이름").fill("왕십리역")
    await page.getByLabel("상담 인원").fill("15")
    await submitAndWait(page, page.getByRole("button", { name: "기록", exact: true }))
    expect(await page.getByRole("status").textContent()).toContain("찾아가는 상담을 기록했습니다")
    const sessionUrl = page.url().replace(/\?.*$/, "")

    await page.getByRole("link", { name: "만난 사람을 구직자로 등록" }).click()
    await accessible()
    await fillSeeker(person)
    await submitAndWait(page, page.getByRole("button", { name: "등록", exact: true }))
    expect(page.url()).toContain("done=registered")
    expect(await page.locator("#registered + p + ul a").allTextContents()).toEqual([person.name])

    // The same person again: not registered twice, but offered as the existing record.
    await page.getByRole("link", { name: "만난 사람을 구직자로 등록" }).click()
    await fillSeeker(person)
    await submitAndWait(page, page.getByRole("button", { name: "등록", exact: true }))
    expect(await page.getByRole("alert").first().textContent()).toContain("이미 등록된 구직자")
    await accessible()
    await submitAndWait(page, page.getByRole("button", { name: "기존 기록을 이 활동에 추가" }))
    expect(page.url()).toContain("done=added")
    expect(await page.locator("#registered + p + ul a").allTextContents()).toEqual([person.name])
    await page.locator("#registered + p + ul a").first().click()
    expect(await page.locator("h1").textContent()).toBe(person.name)

    // The month's figures, on the list and in the JSON API, count the session and its one registration.
    const after = await outreachProgress()
    expect(after.held).toBe(before.held + 1)
    expect(after.registrations).toBe(before.registrations + 1)
    await page.goto(`${server.base}/app/events/outreach?month=${month}`)
    expect(await page.locator("main").textContent()).toContain(`구직 등록 ${after.registrations}명`)
    const listed = (await rowsOf("찾아가는 상담 목록")).find((cells) => cells[1]!.includes("왕십리역") && cells[0] === today)
    expect(listed?.[3]).toBe("1")
    await page.goto(sessionUrl)
    await accessible()

    // Five people registered at this session by five posts at once: each is kept, on the session once.
    const csrf = await page.locator("input[name=_csrf]").first().inputValue()
    const posts = await Promise.all(Array.from({ length: 5 }, (_, i) =>
      page.request.post(`${sessionUrl}/seekers`, {
        headers: { origin: server.base },
        maxRedirects: 0,
        form: {
          _csrf: csrf,
          name: `동시등록${i}`,
          birthDate: "1991-01-0" + (i + 1),
          gender: "female",
          phone: `010-7345-50${10 + i}`,
          addressRegion: "11200",
          occupation1: "0231",
          education: "03",
          registrationChannel: "outreach",
          consents: "personal-data"
        }
      })))
    expect(posts.map((r) => r.status())).toEqual([303, 303, 303, 303, 303])
    await page.goto(sessionUrl)
    const registered = await page.locator("#registered + p + ul a").allTextContents()
    expect([...registered].sort()).toEqual([person.name, ...Array.from({ length: 5 }, (_, i) => `동시등록${i}`)].sort())
    expect((await outreachProgress()).registrations).toBe(after.registrations + 5)
  }, 120_000)

  it("records a discovery visit, the employer it found with its positions, and that employer's opening", async () => {
    const year = today.slice(0, 4)
    const before = await api<{ readonly positions: number; readonly openings: number }>(`/discovery-visits/progress?year=${year}&asOf=${today}`)
    await page.goto(`${server.base}/app/events/visits`)
    await accessible()
    await page.getByRole("link", { name: "기업탐방 기록" }).click()
    await page.getByLabel("방문처 이름").fill("성수 에이스타워 2차")
    await page.getByLabel("방문한 입주사 수").fill("9")
    await submitAndWait(page, page.getByRole("button", { name: "기록", exact: true }))
    expect(await page.getByRole("status").textContent()).toContain("기업탐방을 기록했습니다")

    await page.getByRole("link", { name: "발굴 기업 등록" }).click()
    await accessible()
    await page.getByLabel("채용 예정 인원").fill("3")
    await page.getByLabel("업체명").fill("에이스정밀(주)")
    await page.getByLabel("사업자등록번호").fill("101-81-27387")
    await page.getByLabel("소재지 (자치구)").selectOption({ label: "성동구" })
    await page.getByLabel("규모").selectOption({ label: "5~49인" })
    // Found by the discovery team, as the form has it already.
    expect(await page.getByLabel("발굴 경로").inputValue()).toBe("discovery-visit")
    await submitAndWait(page, page.getByRole("button", { name: "등록", exact: true }))
    expect(page.url()).toContain("done=registered")
    const found = await rowsOf("발굴 기업과 공고")
    expect(found.map((cells) => cells.slice(0, 3))).toEqual([["에이스정밀(주)", "3", "없음"]])

    // The employer's opening, registered as staff do through the JSON API, is recorded on the visit.
    const employerId = new URL(await page.getByRole("link", { name: "에이스정밀(주)" }).getAttribute("href") ?? "", server.base).pathname.split("/").pop()!
    const { districtId: _d, id: _i, ...form } = openingInput
    const opening = await api<{ readonly value: { readonly title: string } }>("/openings", {
      method: "POST",
      body: JSON.stringify({ ...form, employerId, title: "정밀가공 생산직" })
    })
    await page.reload()
    await page.getByLabel("에이스정밀(주)의 공고").selectOption({ label: opening.value.title })
    await submitAndWait(page, page.getByRole("button", { name: "방문 실적에 추가" }))
    expect(page.url()).toContain("done=opening")
    expect((await rowsOf("발굴 기업과 공고"))[0]![2]).toBe("정밀가공 생산직")
    await accessible()

    const after = await api<{ readonly positions: number; readonly openings: number }>(`/discovery-visits/progress?year=${year}&asOf=${today}`)
    expect(after.positions).toBe(before.positions + 3)
    expect(after.openings).toBe(before.openings + 1)
    await page.goto(`${server.base}/app/events/visits`)
    const figures = await rowsOf(`${year}년 발굴 실적`)
    expect(figures.find((cells) => cells[0] === "채용 예정 인원")![1]).toBe(String(after.positions))
  }, 120_000)

  it("fills a test session with a seeker found by name and a newcomer, then records and delivers a result", async () => {
    await page.goto(`${server.base}/app/events/tests`)
    await accessible()
    await page.getByRole("link", { name: "심리검사 일정 등록" }).click()
    await page.getByLabel("검사 종류").selectOption({ label: "직업선호도검사" })
    await page.getByLabel("검사일").fill(today)
    await page.getByLabel("장소", { exact: true }).fill("센터 교육장")
    await page.getByLabel("정원").fill("2")
    await submitAndWait(page, page.getByRole("button", { name: "등록", exact: true }))
    expect(await page.getByRole("status").textContent()).toContain("심리검사 일정을 등록했습니다")

    // The person met at the station, found by name.
    await page.getByLabel("등록된 구직자 이름").fill(person.name)
    await submitAndWait(page, page.getByRole("button", { name: "찾기" }))
    await submitAndWait(page, page.getByRole("button", { name: `${person.name} 등록` }))
    expect(page.url()).toContain("done=registered")

    // A newcomer registered as a seeker and signed up at once.
    await page.getByRole("link", { name: "처음 온 사람을 구직자로 등록하고 신청" }).click()
    await fillSeeker({ name: "검사처음", phone: "010-7345-9911" })
    await submitAndWait(page, page.getByRole("button", { name: "등록", exact: true }))
    expect(page.url()).toContain("done=registered")
    // The roster in the order of names.
    expect((await rowsOf("참가자와 결과")).map((cells) => cells[0])).toEqual(["검사처음", person.name])
    expect(await page.locator("main").textContent()).toContain("정원이 찼습니다")
    await accessible()

    const rowOf = () => page.getByRole("table", { name: "참가자와 결과" }).locator("tbody tr", { hasText: person.name })
    const row = rowOf()
    await row.getByLabel(`${person.name} 응시 여부`).selectOption("true")
    await row.getByLabel(`${person.name} 검사 결과`).fill("사회형: 돌봄·상담 직무 권장")
    await submitAndWait(page, row.getByRole("button", { name: "저장" }))
    expect(page.url()).toContain("done=result")
    await submitAndWait(page, rowOf().getByRole("button", { name: "1:1 대면 전달" }))
    expect(page.url()).toContain("done=delivery")
    expect((await rowsOf("참가자와 결과")).find((cells) => cells[0] === person.name)![2]).toContain(`${today} 1:1 대면 전달`)
    await page.goto(`${server.base}/app/events/tests`)
    const listed = (await rowsOf("심리검사 목록")).find((cells) => cells[0] === `${today} 직업선호도검사`)!
    expect(listed.slice(2)).toEqual(["2", "2", "1", "1", "0"])
    expect(problems()).toEqual([])
  }, 120_000)

  it("keeps an administrator, who records no casework, out of the field work", async () => {
    const adminContext = await browser.newContext({ locale: "ko-KR" })
    try {
      const adminPage = await adminContext.newPage()
      await signInAs(adminPage, server.base, staffLogin("admin"))
      for (const path of ["/app/events/outreach", "/app/events/visits", "/app/events/tests/new"]) {
        expect((await adminPage.goto(`${server.base}${path}`))?.status(), path).toBe(403)
      }
      expect(await adminPage.getByRole("link", { name: "현장 활동" }).count()).toBe(0)
    } finally {
      await adminContext.close()
    }
  }, 60_000)
})
