/**
 * Job cafés (일자리카페) in the web app, in a real Chromium against the real
 * server over an SQLite file: a counselor registers a café, finds it with
 * the ten-minute-walk finder (and not one across the river), schedules a
 * program and signs people up until it is full, and books study rooms for
 * one person until the 3-hours-a-day rule refuses, with its reason shown
 * and the form kept; the calendar shows each booking in its slots. An
 * analyst and an administrator are kept out.
 */
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, expect, it } from "vitest"
import { demoAccounts } from "../../src/DemoAccess.js"
import { staffLogin } from "../server.js"
import { checkAccessibility, launchChromium, type RunningServer, signInAs, startServer, tableRows, watchProblems } from "./browser.js"
import { describeBrowser } from "./describeBrowser.js"

// A day in Seoul, `n` days from today.
const seoulDay = (n: number) => new Date(Date.now() + 9 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10)

describeBrowser("job cafés in the web app, in Chromium", () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: () => ReadonlyArray<string>
  let cafeUrl: string
  const tomorrow = seoulDay(1)

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

  const rowsOf = (title: string) => tableRows(page, title)

  const register = async (name: string, lat: string, lon: string, rooms: string) => {
    await page.goto(`${server.base}/app/cafes`)
    await page.getByLabel("이름", { exact: true }).fill(name)
    await page.getByLabel("시설 유형").selectOption("youth-space")
    await page.getByLabel("주소").fill("서울 성동구")
    await page.getByLabel("위도", { exact: true }).fill(lat)
    await page.getByLabel("경도", { exact: true }).fill(lon)
    await page.getByLabel("스터디룸 (한 줄에 하나)").fill(rooms)
    await page.getByRole("button", { name: "등록", exact: true }).click()
    await page.waitForURL(/\/app\/cafes\/[^/?]+\?done=registered/)
    return page.url().replace(/\?.*$/, "")
  }

  it("registers a café from the menu, and refuses a form without a place on the map, keeping what was typed", async () => {
    await page.goto(`${server.base}/app/`)
    await page.getByRole("link", { name: "일자리카페", exact: true }).click()
    await page.waitForURL(/\/app\/cafes$/)
    expect(await checkAccessibility(page)).toEqual([])
    await page.getByLabel("이름", { exact: true }).fill("뚝섬 청년 일자리카페")
    await page.getByRole("button", { name: "등록", exact: true }).click()
    expect(await page.getByRole("alert").textContent()).toContain("항목을 고쳐 주세요")
    expect(await page.getByLabel("이름", { exact: true }).inputValue()).toBe("뚝섬 청년 일자리카페")
    expect(await page.getByLabel("위도", { exact: true }).getAttribute("aria-invalid")).toBe("true")

    // Some 300 m from 성수역, and one in 강남 across the river.
    cafeUrl = await register("뚝섬 청년 일자리카페", "37.5465", "127.0585", "1호실\n2호실")
    expect(await page.getByRole("status").textContent()).toContain("일자리카페를 등록했습니다")
    expect(await page.locator("main").textContent()).toContain("1호실, 2호실")
    await register("강남 먼 일자리카페", "37.4979", "127.0276", "A실")
  }, 90_000)

  it("finds the cafés within a ten-minute walk of a station, nearest first, with their minutes", async () => {
    await page.goto(`${server.base}/app/cafes`)
    await page.getByLabel("출발 역").selectOption({ label: "성수역" })
    await page.getByRole("button", { name: "찾기" }).click()
    await page.waitForURL(/station=seongsu/)
    const caption = "성수역에서 걸어서 10분 안의 일자리카페 (가까운 순)"
    const found = await rowsOf(caption)
    const names = found.map((cells) => cells[0])
    expect(names).toContain("뚝섬 청년 일자리카페")
    expect(names).not.toContain("강남 먼 일자리카페")
    const minutes = found.map((cells) => Number(/도보 (\d+)분/.exec(cells[2]!)![1]))
    expect(minutes.every((m) => m >= 1 && m <= 10)).toBe(true)
    expect([...minutes].sort((a, b) => a - b)).toEqual(minutes)
    expect(found.find((cells) => cells[0] === "뚝섬 청년 일자리카페")![2]).toMatch(/^도보 [4-6]분$/)
    expect(await checkAccessibility(page)).toEqual([])
    await page.screenshot({ path: "/tmp/shots/cafe-finder.png", fullPage: true })
    // From a point on the map instead: nothing within two minutes of the river.
    await page.goto(`${server.base}/app/cafes?from-lat=37.5300&from-lon=127.0400&minutes=2`)
    expect(await page.locator("main").textContent()).toContain("걸어서 2분 안에 일자리카페가 없습니다")
  }, 90_000)

  it("schedules a program and signs people up, a seeker found by name and visitors, until it is full; the next is refused in Korean", async () => {
    // A seeker of the district, as the JSON API lists them.
    const seekers = await (await page.request.get(`${server.base}/seekers?limit=20`)).json() as ReadonlyArray<{ readonly value: { readonly id: string; readonly name: string } }>
    const seeker = seekers.find((s) => seekers.filter((other) => other.value.name === s.value.name).length === 1)!.value
    await page.goto(cafeUrl)
    await page.getByLabel("프로그램", { exact: true }).selectOption("lecture")
    await page.getByLabel("날짜", { exact: true }).fill(tomorrow)
    await page.getByLabel("시작 시각").fill("14:00")
    await page.getByLabel("정원").fill("3")
    await page.getByRole("button", { name: "프로그램 등록" }).click()
    await page.waitForURL(/done=scheduled/)

    await page.getByLabel("구직자 이름").fill(seeker.name)
    await page.getByRole("button", { name: "찾기", exact: true }).click()
    await page.getByRole("status").filter({ hasText: "구직자" }).waitFor()
    expect(await checkAccessibility(page)).toEqual([])
    const chosen = page.getByLabel(`취업특강 ${tomorrow} 신청할 구직자`)
    await chosen.selectOption(seeker.id)
    await page.getByRole("button", { name: "신청", exact: true }).click()
    await page.waitForURL(/done=signed-up/)

    const signUp = async (person: string) => {
      await page.getByLabel(`취업특강 ${tomorrow} 신청자`).fill(person)
      await page.getByRole("button", { name: "신청", exact: true }).click()
    }
    await signUp("방문자 가")
    await page.waitForURL(/done=signed-up/)
    await signUp("방문자 나")
    await page.waitForURL(/done=signed-up/)
    expect((await rowsOf("프로그램과 신청"))[0]).toEqual([
      "취업특강",
      `${tomorrow} 14:00`,
      "3 / 3",
      "마감",
      `${seeker.name}, 방문자 가, 방문자 나`,
      expect.any(String)
    ])
    const refused = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-ups"))
    await signUp("방문자 다")
    expect((await refused).status()).toBe(409)
    expect(await page.getByRole("alert").textContent()).toBe("신청할 수 없습니다: 정원 3명이 모두 찼습니다")
    expect(await page.getByLabel(`취업특강 ${tomorrow} 신청자`).inputValue()).toBe("방문자 다")
    expect(await checkAccessibility(page)).toEqual([])
  }, 90_000)

  it("books study rooms for one person until the 3-hour rule refuses, then within it, shown in the calendar's slots", async () => {
    await page.goto(cafeUrl)
    await page.getByRole("link", { name: "스터디룸 예약 달력" }).click()
    await page.getByLabel("날짜", { exact: true }).fill(tomorrow)
    await page.getByRole("button", { name: "보기" }).click()
    await page.waitForURL(new RegExp(`on=${tomorrow}`))
    const book = async (room: string, start: string, end: string) => {
      await page.getByLabel("이용자").fill("박이용")
      await page.getByLabel("스터디룸", { exact: true }).selectOption(room)
      await page.getByLabel("시작", { exact: true }).selectOption(start)
      await page.getByLabel("종료", { exact: true }).selectOption(end)
      await page.getByRole("button", { name: "예약", exact: true }).click()
    }
    await book("1호실", "10:00", "12:00")
    await page.waitForURL(/done=booked/)
    expect(await rowsOf("예약한 사람별 이용 시간")).toEqual([["박이용", "2시간 / 3시간"]])

    // An hour and a half more would be three and a half: refused, saying why, with the form as typed.
    const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/rooms"))
    await book("2호실", "13:00", "14:30")
    expect((await answer).status()).toBe(409)
    const alert = await page.getByRole("alert").textContent()
    expect(alert).toContain("예약할 수 없습니다")
    expect(alert).toContain("1일 3시간까지 이용할 수 있습니다 (오늘 120분 예약됨, 요청 90분)")
    expect(await page.getByLabel("이용자").inputValue()).toBe("박이용")
    expect(await page.getByLabel("스터디룸", { exact: true }).inputValue()).toBe("2호실")
    expect(await page.getByLabel("시작", { exact: true }).inputValue()).toBe("13:00")
    expect(await page.getByLabel("종료", { exact: true }).inputValue()).toBe("14:30")
    expect(await checkAccessibility(page)).toEqual([])

    await page.getByLabel("종료", { exact: true }).selectOption("14:00")
    await page.getByRole("button", { name: "예약", exact: true }).click()
    await page.waitForURL(/done=booked/)
    expect(await rowsOf("예약한 사람별 이용 시간")).toEqual([["박이용", "3시간 / 3시간"]])
    const grid = await rowsOf(`뚝섬 청년 일자리카페 ${tomorrow} 스터디룸 예약 (시간 × 스터디룸)`)
    const slot = (time: string) => grid.find((cells) => cells[0]!.startsWith(time))!
    expect(await page.getByRole("table", { name: /스터디룸 예약 \(시간 × 스터디룸\)$/ }).locator("thead th").allTextContents())
      .toEqual(["시간", "1호실", "2호실"])
    expect(grid[0]![0]).toBe("09:00–09:30")
    expect(grid.at(-1)![0]).toBe("21:30–22:00")
    expect(slot("09:30")).toEqual(["09:30–10:00", "비어 있음", "비어 있음"])
    expect(slot("10:00")).toEqual(["10:00–10:30", "박이용 (10:00–12:00)", "비어 있음"])
    expect(slot("11:30")).toEqual(["11:30–12:00", "박이용", "비어 있음"])
    expect(slot("12:00")).toEqual(["12:00–12:30", "비어 있음", "비어 있음"])
    expect(slot("13:00")).toEqual(["13:00–13:30", "비어 있음", "박이용 (13:00–14:00)"])
    expect(slot("13:30")).toEqual(["13:30–14:00", "비어 있음", "박이용"])
    expect(slot("14:00")).toEqual(["14:00–14:30", "비어 있음", "비어 있음"])
    expect(await checkAccessibility(page)).toEqual([])
    await page.screenshot({ path: "/tmp/shots/cafe-rooms.png", fullPage: true })

    // A seeker found by name (posted, the name out of the address) books in their own name.
    const seekers = await (await page.request.get(`${server.base}/seekers?limit=20`)).json() as ReadonlyArray<{ readonly value: { readonly id: string; readonly name: string } }>
    const seeker = seekers.find((s) => seekers.filter((other) => other.value.name === s.value.name).length === 1)!.value
    await page.getByLabel("이용할 구직자 이름으로 찾기").fill(seeker.name)
    await page.getByRole("button", { name: "찾기", exact: true }).click()
    await page.getByRole("status").filter({ hasText: "구직자" }).waitFor()
    expect(page.url()).not.toContain(encodeURIComponent(seeker.name))
    expect(await checkAccessibility(page)).toEqual([])
    await page.getByLabel("찾은 구직자").selectOption(seeker.id)
    await page.getByLabel("스터디룸", { exact: true }).selectOption("1호실")
    await page.getByLabel("시작", { exact: true }).selectOption("15:00")
    await page.getByLabel("종료", { exact: true }).selectOption("16:00")
    await page.getByRole("button", { name: "예약", exact: true }).click()
    await page.waitForURL(/done=booked/)
    expect(await rowsOf("예약한 사람별 이용 시간")).toContainEqual([seeker.name, "1시간 / 3시간"])

    // The day before has none of it.
    await page.getByRole("link", { name: "이전 날" }).click()
    await page.waitForURL(new RegExp(`on=${seoulDay(0)}`))
    expect(await page.locator("main").textContent()).not.toContain("박이용")
    expect(problems()).toEqual([])
  }, 90_000)

  it("keeps a city analyst and an administrator, who record no casework, out of the cafés", async () => {
    const analyst = demoAccounts.find((a) => a.role === "analyst")!
    for (const login of [analyst.login, staffLogin("admin")]) {
      const other = await browser.newContext({ locale: "ko-KR" })
      try {
        const otherPage = await other.newPage()
        await signInAs(otherPage, server.base, login)
        expect((await otherPage.goto(`${server.base}/app/cafes`))?.status()).toBe(403)
        expect((await otherPage.goto(`${cafeUrl}/rooms?on=${tomorrow}`))?.status()).toBe(403)
        expect(await otherPage.locator("main").textContent()).not.toContain("박이용")
      } finally {
        await other.close()
      }
    }
  }, 60_000)
})
