/**
 * A manager brings a district's seekers list into iljari through the web
 * app's import page, in a real Chromium against the real server over an
 * SQLite file: an XLSX made here with exceljs as offices make them (a merged
 * title row, Korean headers, Excel dates, a phone stored as a number) with
 * bad rows among the good; one column mapped by hand; the preview's errors
 * numbered by the sheet's own rows; the commit's progress to the end; the
 * good seekers then found in the seeker list and the bad ones not. And a
 * counselor is refused the page.
 */
import { Mapping } from "@iljari/core"
import ExcelJS from "exceljs"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { staffLogin } from "../server.js"
import { checkAccessibility, launchChromium, type RunningServer, signInAs, startServer, submitAndWait, watchProblems } from "./browser.js"
import { describeBrowser } from "./describeBrowser.js"

const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`)

// Names no demo seeker has, so that a search finds only what the import made.
const good = ["예솔하", "라온빛", "미리내"] as const
const bad = { residentNumberInNotes: "도담결", badPhone: "윤슬아", unknownOccupation: "한별찬" } as const

/** The sheet's own row numbers of the rows below (title 1, blank 2, headers 3). */
const rows = {
  first: 4,
  residentNumberInNotes: 5,
  badPhone: 6,
  unknownOccupation: 7,
  duplicate: 8
} as const

/** A seekers list as a district keeps it in Excel. */
const ledgerXlsx = async (): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet("구직자 명단")
  const headers = ["성명", "생년월일", "성별", "핸드폰번호", "거주지", "희망직종", "최종학력", "접수일", "비고"]
  sheet.addRow(["2026년 성동구 일자리센터 구직자 명단"])
  sheet.mergeCells(1, 1, 1, headers.length)
  sheet.getCell(1, 1).font = { bold: true, size: 14 }
  // Row 2 stays blank; the headers are on row 3.
  sheet.getRow(3).values = headers
  const data: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>> = [
    // A phone stored as a number (Excel drops the leading zero).
    [good[0], utcDay("1985-03-02"), "여", 1012345678, "성동구", "5511", "대졸", utcDay("2026-11-02"), ""],
    [bad.residentNumberInNotes, utcDay("1979-07-15"), "남", "010-2222-3333", "성동구", "5511", "고등학교졸업", utcDay("2026-11-03"), "주민번호 790715-1234567 확인함"],
    [bad.badPhone, utcDay("1990-01-20"), "여", "010-12", "광진구", "5511", "대졸", utcDay("2026-11-04"), ""],
    [bad.unknownOccupation, utcDay("1968-12-01"), "남", "010-4444-5555", "성동구", "우주비행사", "대졸", utcDay("2026-11-05"), ""],
    // The first person again: the same name and birth date.
    [good[0], utcDay("1985-03-02"), "여", 1012345678, "성동구", "5511", "대졸", utcDay("2026-11-06"), "재등록"],
    [good[1], utcDay("1962-05-17"), "남", "010-6666-7777", "성동구", "5511", "고등학교졸업", utcDay("2026-11-09"), "경비 희망"],
    [good[2], utcDay("1971-09-30"), "여", 1077778888, "11200", "5511", "대졸", utcDay("2026-11-10"), ""]
  ]
  data.forEach((values, i) => {
    const row = sheet.getRow(4 + i)
    row.values = [...values]
    row.getCell(2).numFmt = "yyyy-mm-dd"
    row.getCell(8).numFmt = "yyyy-mm-dd"
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describeBrowser("importing a district's seekers list in the web app, in Chromium", () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: () => ReadonlyArray<string>
  let file: Buffer

  beforeAll(async () => {
    ;[server, browser, file] = await Promise.all([startServer(), launchChromium(), ledgerXlsx()])
    context = await browser.newContext({ locale: "ko-KR", viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    problems = watchProblems(page).problems
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
  })

  const h1 = () => page.getByRole("heading", { level: 1 }).textContent()
  const accessible = async () => expect(await checkAccessibility(page)).toEqual([])
  const failureRows = () =>
    page.locator("#import-failures tbody tr").evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.children, (cell) => cell.textContent!.trim()))
    )

  describe("a manager, step by step (one session)", () => {
    it("finds the page in the menu", async () => {
      await signInAs(page, server.base, staffLogin("manager"))
      await page.getByRole("link", { name: "자료 가져오기", exact: true }).click()
      await page.waitForURL("**/app/import")
      expect(await h1()).toBe("자료 가져오기")
      // Every ledger core knows is offered.
      expect(await page.getByLabel("가져올 대장").locator("option").allTextContents()).toEqual(
        Object.values(Mapping.ledgers).map((ledger) => ledger.name.ko)
      )
      expect(await page.getByLabel("CSV 문자 인코딩").locator("option").allTextContents()).toEqual(["자동", "UTF-8", "CP949(EUC-KR)"])
      await accessible()
    })

    it("reads the file and suggests a mapping, leaving unmapped a header it does not know", async () => {
      await page.getByLabel("파일 (XLSX 또는 CSV)").setInputFiles({
        name: "성동구 구직자 명단.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: file
      })
      await page.getByRole("button", { name: "파일 읽기" }).click()
      await page.locator("#mapping-title").waitFor()
      expect(new URL(page.url()).pathname).toBe("/app/import")
      await expect.poll(() => page.locator("#import-result").textContent()).toContain("3행을 머리글로 읽었습니다")
      // Suggested from the headers: 성명, 생년월일, 거주지, 희망직종, 최종학력 (학력), 접수일 (등록일), 비고.
      expect(await page.getByLabel("성명 (필수)").inputValue()).toBe("성명")
      expect(await page.getByLabel("학력 (필수)").inputValue()).toBe("최종학력")
      expect(await page.getByLabel("등록일 (필수)").inputValue()).toBe("접수일")
      // "핸드폰번호" is none of the phone's names: not mapped, and its bad row not yet an error.
      expect(await page.getByLabel("연락처", { exact: true }).inputValue()).toBe("")
      const before = await failureRows()
      expect(before.map(([row]) => row)).not.toContain(`${rows.badPhone}행`)
      expect(await page.locator("#mapping-problems").count()).toBe(0)
      await accessible()
    })

    it("maps the phone by hand and previews the errors by the sheet's own row numbers", async () => {
      await page.getByLabel("연락처", { exact: true }).selectOption("핸드폰번호")
      const previewed = page.waitForResponse((r) => r.url().endsWith("/app/import/preview"))
      await page.getByRole("button", { name: "이 연결로 다시 미리 보기" }).click()
      expect((await previewed).status()).toBe(200)
      await expect.poll(async () => (await failureRows()).map(([row]) => row)).toContain(`${rows.badPhone}행`)
      // The choice is kept in the redrawn select.
      expect(await page.getByLabel("연락처", { exact: true }).inputValue()).toBe("핸드폰번호")
      const failures = await failureRows()
      const at = (row: number) => failures.filter(([r]) => r === `${row}행`)
      expect(at(rows.residentNumberInNotes)).toHaveLength(1)
      expect(at(rows.residentNumberInNotes)[0]![1]).toBe("비고")
      expect(at(rows.residentNumberInNotes)[0]![2]).toContain("주민등록번호")
      expect(at(rows.badPhone)[0]![1]).toBe("핸드폰번호")
      expect(at(rows.unknownOccupation)[0]![1]).toBe("희망직종")
      expect(at(rows.unknownOccupation)[0]![2]).toContain("우주비행사")
      expect(at(rows.duplicate)[0]![2]).toContain(`${rows.first}행과 같은 기록`)
      // Nothing else is refused; the good rows are counted.
      expect(new Set(failures.map(([row]) => row))).toEqual(
        new Set([rows.residentNumberInNotes, rows.badPhone, rows.unknownOccupation, rows.duplicate].map((r) => `${r}행`))
      )
      const figures = await page.locator(".import-counts .figure").allTextContents()
      expect(figures).toEqual(["3", "0", "4", "7"])
      expect(await page.getByRole("button", { name: "가져오기 (3건)" }).isEnabled()).toBe(true)
      await page.screenshot({ path: "/tmp/import-preview.png", fullPage: true })
      await accessible()
    })

    it("shows a mapping problem at the top and disables the commit until it is fixed", async () => {
      await page.getByLabel("성명 (필수)").selectOption("")
      await page.getByRole("button", { name: "이 연결로 다시 미리 보기" }).click()
      await page.locator("#mapping-problems").waitFor()
      expect(await page.locator("#mapping-problems").textContent()).toContain("필수 항목 '성명'에 연결할 열을 고르세요")
      expect(await page.locator("#import-result > *").first().getAttribute("id")).toBe("mapping-problems")
      expect(await page.getByRole("button", { name: /^가져오기/ }).isDisabled()).toBe(true)
      await accessible()
      await page.getByLabel("성명 (필수)").selectOption("성명")
      await page.getByRole("button", { name: "이 연결로 다시 미리 보기" }).click()
      await expect.poll(() => page.locator("#mapping-problems").count()).toBe(0)
      await expect.poll(() => page.getByRole("button", { name: "가져오기 (3건)" }).isEnabled()).toBe(true)
    })

    it("commits, with a progress bar that reaches the end, and says what it did", async () => {
      await submitAndWait(page, page.getByRole("button", { name: "가져오기 (3건)" }))
      expect(new URL(page.url()).pathname).toBe("/app/import/commit")
      await page.locator("#import-done").waitFor()
      const bar = page.locator(".import-progress li:last-child progress")
      expect(await bar.isVisible()).toBe(true)
      const [value, max] = await bar.evaluate((p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max])
      expect(value).toBe(max)
      // Only the last step of the streamed progress shows.
      expect(await page.locator(".import-progress li").evaluateAll((lis) => lis.filter((li) => getComputedStyle(li).display !== "none").length)).toBe(1)
      expect(await page.locator("#import-done [role=status]").textContent()).toContain("구직자 3건을 새로 만들었습니다")
      expect(await page.locator(".import-counts .figure").allTextContents()).toEqual(["3", "0", "4", "7"])
      await page.screenshot({ path: "/tmp/import-done.png", fullPage: true })
      await accessible()
    })

    it("finds the good seekers in the seeker list, and not the bad ones", async () => {
      const found = async (name: string) => {
        await page.goto(`${server.base}/app/seekers`)
        await page.getByLabel("이름 또는 초성").fill(name)
        const searched = page.waitForResponse((r) => r.url().endsWith("/app/seekers/search"))
        await page.getByRole("button", { name: "검색", exact: true }).click()
        await searched
        await page.waitForLoadState("networkidle")
        return page.locator("#results tbody tr td a").allTextContents()
      }
      for (const name of good) expect(await found(name)).toEqual([name])
      for (const name of Object.values(bad)) expect(await found(name)).toEqual([])
    })

    it("imports nothing twice: the same file again previews every good row as imported before", async () => {
      await page.goto(`${server.base}/app/import`)
      await page.getByLabel("파일 (XLSX 또는 CSV)").setInputFiles({ name: "again.xlsx", mimeType: "application/octet-stream", buffer: file })
      await page.getByRole("button", { name: "파일 읽기" }).click()
      await page.locator("#preview-title").waitFor()
      // The mapping chosen at the commit was kept for the district: the phone is mapped again.
      expect(await page.getByLabel("연락처", { exact: true }).inputValue()).toBe("핸드폰번호")
      expect(await page.locator(".import-counts .figure").allTextContents()).toEqual(["0", "3", "4", "7"])
      expect(problems()).toEqual([])
    })
  })

  it("reads a CSV too, in the encoding chosen; in the wrong one, says in Korean what to do", async () => {
    const csv = "\uFEFF성명,생년월일,거주지,희망직종,학력,등록일\n하늘봄,1988-04-05,성동구,5511,대졸,2026-11-02\n"
    await page.goto(`${server.base}/app/import`)
    await page.getByLabel("파일 (XLSX 또는 CSV)").setInputFiles({ name: "구직자.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") })
    await page.getByLabel("CSV 문자 인코딩").selectOption({ label: "UTF-8" })
    await page.getByRole("button", { name: "파일 읽기" }).click()
    await page.locator("#preview-title").waitFor()
    expect(await page.locator("#import-result").textContent()).toContain("'구직자' 시트의 1행을 머리글로 읽었습니다")
    expect(await page.locator(".import-counts .figure").first().textContent()).toBe("1")
    // Read as CP949, the UTF-8 bytes are no CP949 text: refused, with what to do.
    await page.getByLabel("CSV 문자 인코딩").selectOption({ label: "CP949(EUC-KR)" })
    await page.getByRole("button", { name: "파일 읽기" }).click()
    await expect.poll(() => page.locator("#import-refusal").textContent()).toBe(
      "CSV 파일을 읽을 수 없습니다. 고른 문자 인코딩이 파일과 맞지 않거나 파일이 손상되었습니다. 문자 인코딩을 '자동'이나 다른 것으로 바꿔 다시 읽어 보세요."
    )
    await accessible()
  })

  it("tells the person in Korean that a file over the limit is too large, in the page", async () => {
    await page.goto(`${server.base}/app/import`)
    expect(await page.locator("#f-file-hint").textContent()).toContain("20MB까지 올릴 수 있습니다")
    await page.getByLabel("파일 (XLSX 또는 CSV)").setInputFiles({ name: "큰 파일.xlsx", mimeType: "application/octet-stream", buffer: Buffer.alloc(21 * 1024 * 1024, 0x20) })
    const refused = page.waitForResponse((r) => r.url().endsWith("/app/import/read"))
    await page.getByRole("button", { name: "파일 읽기" }).click()
    expect((await refused).status()).toBe(413)
    await expect.poll(() => page.locator("#import-refusal").textContent()).toContain("파일이 너무 큽니다. 한 번에 20MB까지 올릴 수 있습니다")
    await accessible()
  })

  it("streams a long import's progress: the bar moves while the batches are written", async () => {
    // 20,000 people (500 a batch), each a name and birth date of their own.
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet("구직자")
    sheet.addRow(["성명", "생년월일", "거주지", "희망직종", "학력", "등록일"])
    const syllables = "가나다라마바사아자차카타파하"
    for (let i = 0; i < 20_000; i++) {
      const name = `${syllables[i % 14]}${syllables[Math.floor(i / 14) % 14]}${syllables[Math.floor(i / 196) % 14]}온`
      sheet.addRow([name, utcDay(`19${50 + Math.floor(i / 2744)}-01-01`), "성동구", "5511", "대졸", utcDay("2026-11-02")])
    }
    const big = Buffer.from(await workbook.xlsx.writeBuffer())
    await page.goto(`${server.base}/app/import`)
    await page.getByLabel("파일 (XLSX 또는 CSV)").setInputFiles({ name: "큰 명단.xlsx", mimeType: "application/octet-stream", buffer: big })
    await page.getByRole("button", { name: "파일 읽기" }).click()
    // The mapping saved by the first import (other headers: 핸드폰번호, 최종학력, 접수일…) is fitted to this sheet by core.
    await page.locator("#preview-title").waitFor({ timeout: 60_000 })
    expect(await page.locator("#mapping-problems").count()).toBe(0)
    expect(await page.getByLabel("학력 (필수)").inputValue()).toBe("학력")
    await page.getByRole("button", { name: "가져오기 (20,000건)" }).waitFor({ timeout: 60_000 })
    const seen = new Set<string>()
    const committed = page.getByRole("button", { name: "가져오기 (20,000건)" }).click()
    // What the page shows while it arrives: the last step of the progress.
    for (let i = 0; i < 600 && ![...seen].some((s) => s.startsWith("완료")); i++) {
      const shown = await page.evaluate(() => document.querySelector(".import-progress li:last-child")?.textContent ?? "").catch(() => "")
      if (shown !== "") seen.add(shown)
      await page.waitForTimeout(20)
    }
    await committed
    await page.locator("#import-done").waitFor()
    const midway = [...seen].filter((s) => /^구직자 [\d,]+ \/ 20,000건 저장$/.test(s) && !s.startsWith("구직자 20,000"))
    expect(midway.length).toBeGreaterThan(0)
    expect(seen).toContain("완료: 읽은 20,000행을 모두 처리했습니다")
    expect(await page.locator(".import-counts .figure").first().textContent()).toBe("20,000")
  }, 180_000)

  it("refuses the page to a counselor", async () => {
    const other = await browser.newContext({ locale: "ko-KR" })
    try {
      const counselorPage = await other.newPage()
      await signInAs(counselorPage, server.base, staffLogin("counselor"))
      expect(await counselorPage.getByRole("link", { name: "자료 가져오기" }).count()).toBe(0)
      const response = await counselorPage.goto(`${server.base}/app/import`)
      expect(response?.status()).toBe(403)
      expect(await counselorPage.getByRole("heading", { level: 1 }).textContent()).toBe("권한이 없습니다")
      // A post is refused as well, before its body is read.
      const posted = await counselorPage.request.post(`${server.base}/app/import/commit`, {
        multipart: { ledger: "seekers", file: { name: "list.xlsx", mimeType: "application/octet-stream", buffer: file } }
      })
      expect(posted.status()).toBe(403)
    } finally {
      await other.close()
    }
  })
})
