/**
 * Screenshots of the staff web app, so that a person can look at what the
 * pages make: starts the example server over a fresh SQLite file with the
 * demo district as `npm start` creates it (through the browser tests' harness,
 * examples/server/test/web/browser.ts; about a minute), signs in as a demo
 * counselor in headless Chromium (as the district's manager for the pages only
 * a manager may open: the import page), opens each page below as a person would (an
 * address, or a few steps: a search, a refused form, the first record of a
 * list) and writes a PNG of it at desktop (1280 × 900) and phone (360 × 780,
 * `-mobile`) sizes:
 *
 *   npm run screenshots [-- --out docs/images/web] [--scale 1] [--today 2026-11-30] [--only survey,survey-answer]
 *
 * A page is shot whole, except the long lists, of which the first screen is
 * enough. The pictures are committed (docs/images/web/, for the counselor's
 * guide), so a run changes them only when the pages change: the demo data are
 * generated from a fixed seed, and the server's clock is set to `--today`
 * (10:00 in Korea), since what is due, late or "this month" depends on the day.
 *
 * Needs Debian's `chromium` and `chromium-l10n` packages (`apt-get update &&
 * apt-get install -y chromium chromium-l10n`, or CHROMIUM_PATH): without the
 * Korean locale of chromium-l10n, date fields read 05/17/1990 rather than
 * 1990. 05. 17. as in a Korean browser. The Korean text uses the Pretendard
 * GOV fonts the app serves itself. Not part of `npm test`.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, statSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import type { BrowserContext, Page } from "playwright-core"

/**
 * A page to shoot: how a person gets there — from which it learns what the
 * page must be titled, so that a refusal or the sign-in page is not shot in
 * its place — and whether it is shot whole or only its first screen.
 */
interface Shot {
  readonly file: string
  /** Opens the page in a signed-in browser (only the sign-in page is opened before); gives what its title starts with. */
  readonly open: (page: Page, base: string) => Promise<string>
  readonly whole: boolean
  readonly signedIn: boolean
  /** Who opens it: the counselor, unless the page is a manager's. */
  readonly as?: "manager" | "analyst" | "admin"
}

/** Opens an address, waits for what htmx loads after the page (`ready`, if given), and expects `title`. */
const visit = (path: string, title: string, ready?: string) => async (page: Page, base: string) => {
  await page.goto(`${base}${path}`)
  if (ready !== undefined) await page.locator(ready).first().waitFor()
  return title
}

/** Opens a list and then the first record a link of `link` leads to (its text, the record's title, unless `title`). */
const firstOf = (list: string, link: string, ready: string, title?: string) => async (page: Page, base: string) => {
  await page.goto(`${base}${list}`)
  const first = page.locator(link).first()
  const name = (await first.textContent())!.trim()
  await page.goto(new URL((await first.getAttribute("href"))!, base).href)
  await page.locator(ready).first().waitFor()
  return title ?? name
}

/** The 구직자 list searched by the 초성 of the first two syllables of the first name on it (a form post: the name stays out of the address). */
const searchByInitials = async (page: Page, base: string) => {
  await page.goto(`${base}/app/seekers`)
  const someone = (await page.locator("#results tbody td a").first().textContent())!.trim()
  await page.getByLabel("이름 또는 초성", { exact: true }).fill([...someone].slice(0, 2).map(Hangul.initialOf).join(""))
  const searched = page.waitForResponse((response) => response.url().endsWith("/app/seekers/search"))
  await page.getByRole("button", { name: "검색", exact: true }).click()
  await searched
  await page.waitForLoadState("networkidle")
  return "구직자 |"
}

/**
 * The first open opening of the list (newest first) that has seekers to
 * recommend, with them loaded after the page. (An opening whose places are
 * all filled by placements has none, though it is still open.)
 */
const openingWithSeekers = async (page: Page, base: string) => {
  await page.goto(`${base}/app/openings`)
  const links = await page.locator("#results tbody td:first-child a")
    .evaluateAll((as) => as.map((a) => [a.getAttribute("href")!, a.textContent!.trim()] as const))
  for (const [link, title] of links) {
    await page.goto(new URL(link, base).href)
    await page.locator("#best-seekers").waitFor()
    if ((await page.locator("#best-seekers li").count()) > 0) return title
  }
  throw new Error("no opening on the first page of the list has seekers to recommend")
}

/** The registration form refused for a wrong phone number: the rule in Korean beside the field. Nothing is saved. */
const refusedRegistration = async (page: Page, base: string) => {
  await page.goto(`${base}/app/seekers/new`)
  await page.getByLabel("이름", { exact: true }).fill("편하람")
  await page.getByLabel("생년월일").fill("1990-05-17")
  await page.getByLabel("성별").selectOption({ label: "여성" })
  await page.getByLabel("휴대전화").fill("010-12")
  await page.getByLabel("거주지").selectOption({ label: "성동구" })
  await page.getByLabel("희망 직종 (1지망)").selectOption({ index: 1 })
  await page.getByLabel("최종 학력").selectOption({ index: 1 })
  await page.getByLabel("등록 경로").selectOption({ label: "방문" })
  await submitAndWait(page, page.getByRole("button", { name: "등록", exact: true }))
  await page.locator(".form-hint-invalid").first().waitFor()
  return "구직자 등록"
}

/** A seekers list as an office keeps it: a merged title, Korean headers, Excel dates, a row with an error. */
const ledgerXlsx = async (): Promise<Buffer> => {
  const { default: ExcelJS } = await import("exceljs")
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet("구직자 명단")
  const headers = ["성명", "생년월일", "성별", "휴대폰", "거주지", "희망직종", "최종학력", "접수일", "비고"]
  sheet.addRow(["2026년 성동구 일자리센터 구직자 명단"])
  sheet.mergeCells(1, 1, 1, headers.length)
  sheet.getRow(3).values = headers
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
  const rows = [
    ["예솔하", day("1985-03-02"), "여", 1012345678, "성동구", "5511", "대졸", day("2026-11-02"), ""],
    ["도담결", day("1979-07-15"), "남", "010-2222-3333", "성동구", "5511", "고등학교졸업", day("2026-11-03"), "주민번호 790715-1234567"],
    ["윤슬아", day("1990-01-20"), "여", "010-12", "광진구", "5511", "대졸", day("2026-11-04"), ""],
    ["라온빛", day("1962-05-17"), "남", "010-6666-7777", "성동구", "우주비행사", "고등학교졸업", day("2026-11-09"), ""]
  ]
  rows.forEach((values, i) => void (sheet.getRow(4 + i).values = values))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The import page after reading a seekers list: the suggested mapping and the preview, its errors by the sheet's rows. */
const importPreview = async (page: Page, base: string) => {
  await page.goto(`${base}/app/import`)
  await page.getByLabel("파일 (XLSX 또는 CSV)").setInputFiles({ name: "성동구 구직자 명단.xlsx", mimeType: "application/octet-stream", buffer: await ledgerXlsx() })
  await page.getByRole("button", { name: "파일 읽기" }).click()
  await page.locator("#preview-title").waitFor()
  return "자료 가져오기"
}

// The demo's questionnaire on the 만족도 조사 list.
const demoQuestionnaire = "main a[href^='/app/surveys/']:not([href$='/new'])"

/** A one-time link issued on the demo questionnaire's page, then its public answer page as the respondent sees it. */
const surveyAnswer = async (page: Page, base: string) => {
  await page.goto(`${base}/app/surveys`)
  await submitAndWait(page, page.locator(demoQuestionnaire).first())
  await submitAndWait(page, page.getByRole("button", { name: "응답 링크 만들기", exact: true }))
  await page.goto(await page.getByLabel("응답 링크 주소").inputValue())
  return "2026 일자리센터 방문자 만족도 조사"
}

/** A job fair taken to its timetable through the pages, as staff run it: its grid of interviews and the steps around it. */
const fairTimetable = async (page: Page, base: string) => {
  const found = await (await page.request.get(`${base}/openings/search?status=open&limit=100`)).json() as {
    readonly items: ReadonlyArray<{ readonly value: { readonly employerId: string; readonly title: string } }>
  }
  const listed = await (await page.request.get(`${base}/employers/search?limit=100`)).json() as {
    readonly items: ReadonlyArray<{ readonly value: { readonly id: string; readonly name: string } }>
  }
  const names = new Map(listed.items.map((e) => [e.value.id, e.value.name] as const))
  const employers = [...new Set(found.items.map((o) => o.value.employerId))].filter((id) => names.has(id)).slice(0, 3)
  await page.goto(`${base}/app/fairs/new`)
  await page.getByLabel("박람회 이름").fill("12월 일 잡는 데이")
  await page.getByLabel("개최일").fill("2026-12-03")
  await page.getByLabel("장소").fill("성동구청 대강당")
  await page.getByLabel("최소 적합도 점수 (0~100)").fill("0")
  for (const id of employers) {
    await page.getByLabel("업체 이름").fill(names.get(id)!)
    await submitAndWait(page, page.getByRole("button", { name: "업체 검색" }))
    await page.locator(".fair-found label", { hasText: found.items.find((o) => o.value.employerId === id)!.value.title }).first().click()
  }
  await submitAndWait(page, page.getByRole("button", { name: "박람회 만들기" }))
  await submitAndWait(page, page.getByRole("button", { name: "적합도 순으로 후보 선정" }))
  await submitAndWait(page, page.getByRole("button", { name: "후보 초대" }))
  const came = page.locator(".fair-attendance label")
  for (let i = 0; i < Math.min(6, await came.count()); i++) await came.nth(i).click()
  await submitAndWait(page, page.getByRole("button", { name: "참석 기록" }))
  await submitAndWait(page, page.getByRole("button", { name: "시간표 짜기" }))
  await page.locator("#step-timetable").scrollIntoViewIfNeeded()
  return "채용박람회"
}

/** The pages to shoot, in order. */
const pages: ReadonlyArray<Shot> = [
  { file: "sign-in", open: visit("/app/sign-in", "로그인"), whole: true, signedIn: false },
  // The findings are loaded after the page (into the section's div): wait until the link standing in for them is gone.
  { file: "today", open: visit("/app/", "오늘 할 일", "#findings + div:not(:has(a[href$='/today/findings']))"), whole: true, signedIn: true },
  { file: "seekers", open: visit("/app/seekers", "구직자 |"), whole: false, signedIn: true },
  { file: "seekers-search", open: searchByInitials, whole: true, signedIn: true },
  { file: "seeker-new", open: refusedRegistration, whole: true, signedIn: true },
  // The explained matches are loaded after the page, into #matches.
  { file: "seeker", open: firstOf("/app/seekers", "#results tbody td a", "#matches"), whole: true, signedIn: true },
  { file: "employers", open: visit("/app/employers", "구인업체 |"), whole: false, signedIn: true },
  { file: "openings", open: visit("/app/openings", "구인공고 |"), whole: false, signedIn: true },
  { file: "opening", open: openingWithSeekers, whole: true, signedIn: true },
  { file: "referrals", open: visit("/app/referrals", "알선 현황"), whole: false, signedIn: true },
  // A referral at the interview that the counselor may move: its history so far and the three steps it may take.
  { file: "referral", open: firstOf("/app/referrals", "#column-interviewing ~ ul li:has(form) a[href*='/referrals/']", "#history", "알선: "), whole: true, signedIn: true },
  { file: "follow-ups", open: visit("/app/follow-ups", "사후관리대장"), whole: false, signedIn: true },
  { file: "import", open: visit("/app/import", "자료 가져오기"), whole: true, signedIn: true, as: "manager" },
  { file: "import-preview", open: importPreview, whole: true, signedIn: true, as: "manager" },
  // November's report, the demo's last month of casework: its figures, each chart beside its table.
  { file: "reports", open: visit("/app/reports?month=2026-11", "보고서"), whole: true, signedIn: true, as: "manager" },
  // A fair taken to its timetable: the grid, one column per employer.
  { file: "fair", open: fairTimetable, whole: true, signedIn: true, as: "manager" },
  // 현장 활동: the month's outreach against its plan, a demo session with the people it registered, and the test session held, with results.
  { file: "outreach", open: visit("/app/events/outreach", "찾아가는 상담·기업탐방·심리검사"), whole: true, signedIn: true },
  { file: "outreach-session", open: firstOf("/app/events/outreach", "main table a[href*='/events/outreach/']", "#registered"), whole: true, signedIn: true },
  { file: "psych-test", open: firstOf("/app/events/tests", "main tbody tr:last-child a[href*='/events/tests/']", "#participants"), whole: true, signedIn: true },
  // The ten-minute-walk finder's answer from 성수역: the demo's cafés within the walk, nearest first.
  { file: "cafe-finder", open: visit("/app/cafes?station=seongsu&minutes=10", "일자리카페", "main table"), whole: true, signedIn: true },
  // A café's study rooms on the day: the grid of slots by room, and each person's time of the 3-hour limit.
  { file: "cafe-rooms", open: firstOf("/app/cafes", "main a[href$='/rooms']", "#grid", "스터디룸 예약"), whole: true, signedIn: true },
  // 관리 as an administrator sees it: the accounts and roles, and the last week's access records.
  { file: "admin", open: visit("/app/admin", "관리"), whole: false, signedIn: true, as: "admin" },
  // A city analyst's page: the districts granted compared, one in detail, no person named.
  { file: "analysis", open: visit("/app/analysis?month=2026-11", "분석"), whole: true, signedIn: true, as: "analyst" },
  // The targets review as of the day: pace, projection, each counselor, next year's plan.
  { file: "targets", open: visit("/app/targets", "목표·실적"), whole: true, signedIn: true, as: "manager" },
  // 만족도 조사: the demo questionnaire's year of answers, overall, by counselor and by month; the public answer page.
  { file: "survey", open: firstOf("/app/surveys", demoQuestionnaire, "#survey-responses", "2026 일자리센터 방문자 만족도 조사"), whole: true, signedIn: true },
  { file: "survey-answer", open: surveyAnswer, whole: true, signedIn: true },
  // The year under review: its findings by rule and severity, each with the form that decides it.
  { file: "monitoring", open: visit("/app/monitoring?from=2026-01-01&to=2026-11-30", "부정 기록 점검"), whole: true, signedIn: true, as: "manager" }
]

/** Who signs in: a counselor of the demo district (성동구), its manager and administrator for their pages, and the city's analyst for theirs. */
const logins = { counselor: "seongdong-counselor-01", manager: "seongdong-manager", analyst: "seoul-analyst", admin: "seongdong-admin" } as const

const sizes = [
  { suffix: "", viewport: { width: 1280, height: 900 }, isMobile: false },
  { suffix: "-mobile", viewport: { width: 360, height: 780 }, isMobile: true }
] as const

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, "..")

// Workspace packages resolve to their sources under the @iljari/source condition;
// without it they would resolve to dist/. Re-run with the condition when it is missing.
const condition = "--conditions=@iljari/source"
if (!process.execArgv.includes(condition) && !(process.env["NODE_OPTIONS"] ?? "").includes("@iljari/source")) {
  const result = spawnSync(process.execPath, [...process.execArgv, condition, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit"
  })
  process.exit(result.status ?? 1)
}

const args = process.argv.slice(2)
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback
}
const out = resolve(root, option("out", "docs/images/web"))
const scale = Number(option("scale", "1"))
const today = option("today", "2026-11-30")
// Only the shots named (their files, comma-separated), when given.
const only = option("only", "").split(",").filter((name) => name !== "")
if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
  console.error(`--today must be a date such as 2026-11-20; got ${today}`)
  process.exit(2)
}

// The server runs in this process, on Effect's clock, which reads Date.now: set
// it to 10:00 in Korea on the day asked for, running on from there. The demo's
// casework runs to late November 2026, so on 2026-11-30 (a Monday) calls are
// due, late and done, and no record is dated after "today".
const realNow = Date.now
const shift = Date.parse(`${today}T10:00:00+09:00`) - realNow()
Date.now = () => realNow() + shift

const { findChromium, launchChromium, signInAs, startServer, submitAndWait } = await import("../examples/server/test/web/browser.js")
const { Hangul } = await import("@iljari/core")

const chromium = findChromium()
if (chromium._tag === "Unavailable") {
  console.error(
    [
      `Chromium is not available: ${chromium.reason}.`,
      "Install Debian's packages (or set CHROMIUM_PATH), then run this script again:",
      "",
      "  apt-get update && apt-get install -y chromium chromium-l10n",
      ""
    ].join("\n")
  )
  process.exit(2)
}

// Chromium shows date fields in its own locale, which follows LC_ALL when the locale is installed.
process.env["LC_ALL"] = "ko_KR.UTF-8"
if (chromium.path === "/usr/bin/chromium" && !existsSync("/usr/lib/chromium/locales/ko.pak")) {
  console.warn("Chromium has no Korean locale: date fields will read 05/17/1990. Install it with: apt-get install -y chromium-l10n")
}

mkdirSync(out, { recursive: true })
const server = await startServer({ scale })
const browser = await launchChromium()
let failed = false
try {
  for (const size of sizes) {
    const newContext = () =>
      browser.newContext({
        viewport: size.viewport,
        deviceScaleFactor: 1,
        isMobile: size.isMobile,
        hasTouch: size.isMobile,
        locale: "ko-KR"
      })
    // One browser context (its own session cookie) per person, each signed in when first needed.
    const pagesOf = new Map<keyof typeof logins, { readonly context: BrowserContext; readonly page: Page; signedIn: boolean }>()
    for (const shot of pages.filter((p) => only.length === 0 || only.includes(p.file))) {
      const who = shot.as ?? "counselor"
      if (!pagesOf.has(who)) {
        const context = await newContext()
        pagesOf.set(who, { context, page: await context.newPage(), signedIn: false })
      }
      const person = pagesOf.get(who)!
      const page = person.page
      if (shot.signedIn && !person.signedIn) {
        await signInAs(page, server.base, logins[who])
        person.signedIn = true
      }
      let expected: string
      try {
        expected = await shot.open(page, server.base)
      } catch (error) {
        console.error(`${shot.file}: could not open the page (at ${page.url()}): ${error instanceof Error ? error.message : String(error)}`)
        failed = true
        continue
      }
      await page.waitForLoadState("networkidle")
      await page.evaluate(() => document.fonts.ready.then(() => undefined))
      // No hover or focus left on what the last step clicked.
      await page.mouse.move(0, 0)
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      const title = await page.title()
      // A page that sent the browser elsewhere (to sign in, or a refusal) is not the page asked for.
      if (!title.startsWith(expected)) {
        console.error(`${shot.file}: expected a page titled "${expected}…", got "${title}" (at ${page.url()})`)
        failed = true
      }
      const file = join(out, `${shot.file}${size.suffix}.png`)
      await page.screenshot({ path: file, fullPage: shot.whole, animations: "disabled" })
      const { width, height } = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight
      }))
      const shown = shot.whole ? height : Math.min(height, size.viewport.height)
      const part = shot.whole ? "" : ` of ${height}`
      const overflow = width > size.viewport.width ? ` — wider than the screen (${width} px): it scrolls sideways` : ""
      console.log(`Wrote ${relative(root, file)} (${size.viewport.width} × ${shown}${part}, ${Math.round(statSync(file).size / 1024)} KiB)${overflow}`)
    }
    for (const { context } of pagesOf.values()) await context.close()
  }
} finally {
  await browser.close()
  await server.close()
}
process.exit(failed ? 1 : 0)
