import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Charts from "../src/Charts.js"
import * as Html from "../src/Html.js"
import { marchReport } from "./report.js"

describe("Html", () => {
  it.effect("is one self-contained document: no script, nothing to fetch, every chart inline as SVG", () =>
    Effect.gen(function*() {
      const report = yield* marchReport
      // Rendering, charts included, never reaches for the network.
      const fetch = globalThis.fetch
      globalThis.fetch = () => Promise.reject(new Error("the HTML renderer tried to fetch"))
      const html = yield* Html.render(report).pipe(Effect.ensuring(Effect.sync(() => {
        globalThis.fetch = fetch
      })))
      expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"ko\">")).toBe(true)
      expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\((?!#)/i)
      // The only attributes that point anywhere are in-page anchors; the only URLs are SVG namespaces.
      expect([...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].every((m) => m[1]!.startsWith("#"))).toBe(true)
      expect([...html.matchAll(/https?:\/\/[^"\s)]+/g)].map((m) => m[0]).every((u) => u.startsWith("http://www.w3.org/"))).toBe(true)
      const charted = report.tables.filter((t) => Charts.spec(t) !== undefined).length
      expect(charted).toBeGreaterThanOrEqual(8)
      expect(html.match(/<svg /g)).toHaveLength(charted)
      // Ids inside the inlined SVGs (clip paths) are unique in the document.
      const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1])
      expect(new Set(ids).size).toBe(ids.length)
      for (const [, ref] of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref)
      expect(html).toContain("<h1>성동구 일자리센터 2016년 3월 실적 보고</h1>")
      expect(html).toContain("<td class=\"num\">3,249,090</td><td class=\"num\">2,227,790</td><td class=\"num\">1,021,300</td><td class=\"num\">68.5%</td>")
      // Chart labels are Korean too.
      expect(html).toMatch(/<svg[^]*미용·여행·숙박·음식·경비·청소직[^]*<\/svg>/)
    }))

  it.effect("speaks English on request", () =>
    Effect.gen(function*() {
      const html = yield* Html.render(yield* marchReport, { language: "en" })
      expect(html).toContain("<html lang=\"en\">")
      expect(html).toContain("Seongdong-gu job center: results for Mar 2016")
      expect(html).toContain("<h2>Budget execution</h2>")
      expect(html).not.toMatch(/<th>[^<]*[가-힣]/)
    }))

  it.effect("leaves charts out on request, and escapes text", () =>
    Effect.gen(function*() {
      const report = yield* marchReport
      const html = yield* Html.render({ ...report, title: { ko: "<b>&</b>", en: "x" } }, { charts: false })
      expect(html).not.toContain("<svg")
      expect(html).toContain("<h1>&lt;b&gt;&amp;&lt;/b&gt;</h1>")
    }))
})
