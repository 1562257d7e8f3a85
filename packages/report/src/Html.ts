/**
 * A self-contained HTML report: one file with its styles inline and every
 * chart inline as SVG (see `Charts`), no script, no web font, no image or
 * stylesheet to fetch — it opens offline, mails as an attachment, prints
 * (each section keeps to a page where it can) and can be screenshotted by a
 * headless browser. Korean by default, English with `{ language: "en" }`.
 *
 * @example
 * ```ts
 * import { Html, type Report } from "@iljari/report"
 *
 * declare const report: Report.Report
 * const page = Html.render(report) // one HTML file with SVG charts and Korean fonts, nothing to fetch
 * Html.escape("<성동구>") // "&lt;성동구&gt;"
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Codes, Rounding } from "@iljari/core"
import { Effect } from "effect"
import * as Charts from "./Charts.js"
import type { RenderError } from "./Errors.js"
import * as Period from "./Period.js"
import * as Rate from "./Rate.js"
import type { Report } from "./Report.js"
import * as Table from "./Table.js"

/**
 * How to write: the language (default Korean) and whether to draw the charts
 * (default yes).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly language?: Table.Language
  readonly charts?: boolean
}

/**
 * Escapes text for HTML.
 *
 * @since 0.1.0
 * @category formatting
 */
export const escape = (text: string): string =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("\"", "&quot;").replaceAll("'", "&#39;")

const words = {
  district: { ko: "지역", en: "District" },
  period: { ko: "기간", en: "Period" },
  asOf: { ko: "기준일", en: "As of" },
  target: { ko: "목표", en: "Target" },
  achieved: { ko: "달성률", en: "achieved" },
  contents: { ko: "목차", en: "Contents" },
  footer: {
    ko: "iljari로 작성. 취업 실적은 센터 알선에 의한 취업만 집계함.",
    en: "Made with iljari. Placements count only those made through the center's referral."
  }
} satisfies Record<string, Table.Label>

const style = `
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #d5dbe3; --head: #eef2f8; --accent: #2f6db5; }
* { box-sizing: border-box; }
body { margin: 0; padding: 28px 36px 48px; color: var(--ink); background: #fff;
  font-family: ${Charts.fontFamily}; font-size: 13px; line-height: 1.5; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 18px; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 16px; margin: 0 0 10px; padding-left: 8px; border-left: 4px solid var(--accent); }
.meta { color: var(--muted); margin: 0; }
.meta span + span::before { content: " · "; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 0 0 22px; }
.card { flex: 1 1 180px; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; background: #fafbfd; }
.card .label { color: var(--muted); font-size: 12px; }
.card .value { font-size: 24px; font-weight: bold; }
.card .sub { color: var(--muted); font-size: 12px; }
.bar { height: 6px; background: #e3e8ef; border-radius: 3px; margin-top: 6px; overflow: hidden; }
.bar > i { display: block; height: 100%; background: var(--accent); }
nav { margin: 0 0 20px; color: var(--muted); }
nav a { color: var(--accent); text-decoration: none; margin-right: 12px; white-space: nowrap; }
section { margin: 0 0 28px; break-inside: avoid; page-break-inside: avoid; }
figure { margin: 0 0 10px; }
figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: auto; min-width: 50%; }
th, td { border: 1px solid var(--line); padding: 4px 8px; }
th { background: var(--head); font-weight: bold; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: bold; background: #f6f8fb; }
.note { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
footer { margin-top: 36px; color: var(--muted); font-size: 11px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print { body { padding: 0; } nav { display: none; } }
`

const tableHtml = (table: Table.Table, language: Table.Language): string => {
  const head = table.columns.map((c) => `<th>${escape(Table.say(c.label, language))}</th>`).join("")
  const body = table.rows.map((row) => {
    const cells = table.columns.map((c) => {
      const text = escape(Table.display(c, row.cells[c.key], language))
      return c.kind === "text" ? `<td>${text}</td>` : `<td class="num">${text}</td>`
    }).join("")
    return `<tr${row.total === true ? " class=\"total\"" : ""}>${cells}</tr>`
  }).join("\n")
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

const highlightsHtml = (report: Report, language: Table.Language): string => {
  if (report.highlights.length === 0) return ""
  const cards = report.highlights.map((h) => {
    const target = h.target === undefined
      ? ""
      : `${Table.say(h.targetLabel ?? words.target, language)} ${h.target.toLocaleString("en-US")}${
        h.rate === undefined ? "" : ` · ${Table.say(words.achieved, language)} ${Rate.percentText(h.rate, Rounding.decimalsOf(report.rounding))}`
      }`
    const width = h.rate === undefined ? undefined : Math.max(0, Math.min(100, h.rate * 100))
    return `<div class="card"><div class="label">${escape(Table.say(h.label, language))}</div>` +
      `<div class="value">${h.actual.toLocaleString("en-US")}</div>` +
      `<div class="sub">${escape(target)}</div>` +
      (width === undefined ? "" : `<div class="bar"><i style="width:${width.toFixed(1)}%"></i></div>`) +
      `</div>`
  }).join("\n")
  return `<div class="cards">\n${cards}\n</div>`
}

/**
 * A report as one self-contained HTML document. Fails with `RenderError` when
 * a chart cannot be drawn.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = (report: Report, options: Options = {}): Effect.Effect<string, RenderError> =>
  Effect.gen(function*() {
    const language = options.language ?? "ko"
    const sections: Array<string> = []
    for (const table of report.tables) {
      const drawn = options.charts === false ? undefined : yield* Charts.svg(table, language)
      // Scope the SVG's own ids (Vega's clip paths) to the section, so that
      // two charts in one document never share one.
      const svg = drawn?.replace(/(\bid="|url\(#)([A-Za-z][\w-]*)/g, `$1${table.id}-$2`)
      const notes = (table.notes ?? []).map((n) => `<p class="note">${escape(Table.say(n, language))}</p>`).join("\n")
      sections.push(
        `<section id="${escape(table.id)}">\n<h2>${escape(Table.say(table.title, language))}</h2>\n` +
          (svg === undefined ? "" : `<figure>${svg}</figure>\n`) +
          `${tableHtml(table, language)}\n${notes}\n</section>`
      )
    }
    const title = Table.say(report.title, language)
    const meta = [
      `${Table.say(words.district, language)} ${Codes.regionName(report.districtId, language)} (${report.districtId})`,
      `${Table.say(words.period, language)} ${Period.text(report.period)}`,
      `${Table.say(words.asOf, language)} ${report.asOf}`
    ].map((m) => `<span>${escape(m)}</span>`).join("")
    const contents = report.tables.map((t) => `<a href="#${escape(t.id)}">${escape(Table.say(t.title, language))}</a>`).join(" ")
    return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="iljari">
<title>${escape(title)}</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>${escape(title)}</h1>
<p class="meta">${meta}</p>
</header>
${highlightsHtml(report, language)}
<nav>${escape(Table.say(words.contents, language))}: ${contents}</nav>
${sections.join("\n")}
<footer>${escape(Table.say(words.footer, language))}</footer>
</body>
</html>
`
  })
