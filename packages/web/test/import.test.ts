import { describe, expect, it } from "@effect/vitest"
import type { SheetImport } from "@iljari/core"
import { h } from "preact"
import { renderToString } from "preact-render-to-string"
import { ResultArea } from "../src/pages/imports/ImportPage.js"
import { partsOf } from "../src/pages/imports/Upload.js"
import { sayIn } from "../src/ui/Say.js"
import type { View } from "../src/ui/View.js"

const multipart = async (form: FormData) => {
  const request = new Request("http://app.invalid/", { method: "POST", body: form })
  return { contentType: request.headers.get("content-type")!, body: new Uint8Array(await request.arrayBuffer()) }
}

describe("reading the import form", () => {
  it("keeps a file whose name is Korean, with its bytes intact, beside the fields", async () => {
    const form = new FormData()
    form.append("ledger", "seekers")
    form.append("map.name", "성 명")
    // Bytes that look like a line break and a delimiter's dashes must stay inside the file.
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0x00])
    form.append("file", new Blob([bytes]), "성동구 구직자 명단.xlsx")
    form.append("encoding", "cp949")
    const { body, contentType } = await multipart(form)
    const parts = (await partsOf(body, contentType))!
    expect(parts.map((p) => p._tag === "Field" ? [p.name, p.value] : [p.name, p.filename, [...p.bytes]])).toEqual([
      ["ledger", "seekers"],
      ["map.name", "성 명"],
      ["file", "성동구 구직자 명단.xlsx", [...bytes]],
      ["encoding", "cp949"]
    ])
  })

  it("reads no file chosen as an empty file part, and refuses what is no multipart body", async () => {
    const form = new FormData()
    form.append("file", new Blob([]), "")
    const { body, contentType } = await multipart(form)
    const parts = (await partsOf(body, contentType))!
    expect(parts.map((p) => p.name)).toEqual(["file"])
    expect(parts.some((p) => p._tag === "File" && p.bytes.length > 0)).toBe(false)
    expect(await partsOf(new TextEncoder().encode("ledger=seekers"), "application/x-www-form-urlencoded")).toBeUndefined()
    expect(await partsOf(new TextEncoder().encode("--x\r\nno end"), "multipart/form-data; boundary=x")).toBeUndefined()
  })
})

describe("the import page's result area", () => {
  const view: View = { lang: "ko", say: sayIn("ko"), prefix: "/app", path: "/import", csrf: "token" }
  const english: View = { ...view, lang: "en", say: sayIn("en") }
  const outcome = (over: Partial<SheetImport.Outcome> = {}): SheetImport.Outcome => ({
    ledger: "seekers",
    committed: false,
    headerRow: 3,
    headers: ["성명", "생년월일", "핸드폰번호", "비고", ""],
    mapping: { columns: { name: "성명", birthDate: "생년월일", notes: "비고" }, residentNumber: "refuse" },
    mappingProblems: [],
    residentNumber: "none",
    rows: 12,
    created: { seekers: 9 },
    updated: {},
    skipped: { seekers: 1 },
    notes: [],
    failures: [
      { row: 5, issues: [{ column: "비고", ko: "주민등록번호는 입력할 수 없습니다 (저장하지 않습니다)", en: "notes must not contain a resident registration number (주민등록번호); iljari never stores one" }] },
      { row: 9, issues: [{ ko: "4행과 같은 기록입니다(같은 이름과 생년월일)", en: "repeats row 4 (the same natural key)" }] }
    ],
    ...over
  })
  const render = (v: View, o: SheetImport.Outcome) =>
    renderToString(h(ResultArea, { view: v, outcome: o, sheets: { names: ["구직자"], chosen: "구직자" } }))
  const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")

  it("lists each failure by the sheet's row number with its column and the Korean message", () => {
    const shown = text(render(view, outcome()))
    expect(shown).toContain("5행 비고 주민등록번호는 입력할 수 없습니다 (저장하지 않습니다)")
    expect(shown).toContain("9행 — 4행과 같은 기록입니다(같은 이름과 생년월일)")
    expect(shown).toContain("가져오기 (9건)")
    expect(shown).not.toContain("must not")
  })

  it("speaks English when the person chose it", () => {
    const shown = text(render(english, outcome()))
    expect(shown).toContain("Row 5 비고 notes must not contain a resident registration number")
    expect(shown).toContain("Row 9 — repeats row 4")
    expect(shown).toContain("Import (9)")
  })

  it("preselects the mapping, marks required fields, offers every header once, and no empty one", () => {
    const html = render(view, outcome())
    const select = (field: string) => {
      const options = new RegExp(`<select id="f-map-${field}"[^>]*>(.*?)</select>`).exec(html)![1]!
      return {
        // preact writes an empty value as a bare attribute (`<option value>`).
        values: [...options.matchAll(/<option value(?:="([^"]*)")?/g)].map((m) => m[1] ?? ""),
        selected: [...options.matchAll(/<option value(?:="([^"]*)")? selected/g)].map((m) => m[1] ?? "")
      }
    }
    expect(html).toContain('<label for="f-map-name">성명 (필수)</label>')
    expect(html).toContain('<label for="f-map-phone">연락처</label>')
    expect(select("name")).toEqual({ values: ["", "성명", "생년월일", "핸드폰번호", "비고"], selected: ["성명"] })
    // Not mapped: "— 연결 안 함 —" (the empty value) is what the select shows.
    expect(select("phone").selected).toEqual([])
    expect(select("notes").selected).toEqual(["비고"])
  })

  it("puts the mapping's problems first, shows the resident-number choice, and disables the commit while any is left", () => {
    const html = render(view, outcome({
      mapping: { columns: { name: "성명", residentNumber: "주민번호" }, residentNumber: "refuse" },
      headers: ["성명", "주민번호"],
      residentNumber: "refused",
      mappingProblems: [{ column: "주민번호", ko: "'주민번호' 열에 주민등록번호가 있습니다", en: "column \"주민번호\" holds resident registration numbers" }],
      created: {},
      failures: []
    }))
    expect(html.startsWith('<div class="notice error" role="alert" id="mapping-problems">')).toBe(true)
    expect(text(html)).toContain("파일 거부")
    expect(text(html)).toContain("생년월일만 읽고 버림")
    expect(html).toMatch(/<input type="radio" name="residentNumber" id="resident-refuse" value="refuse" checked/)
    expect(html).toMatch(/<button type="submit" class="krds-btn primary" formaction="\/app\/import\/commit" disabled/)
  })
})
