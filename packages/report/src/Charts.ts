/**
 * Charts drawn from a table's rows with Vega-Lite, compiled to Vega and
 * rendered **to SVG in Node** (no browser, no canvas, no network: the data
 * are inlined in the specification and nothing is loaded). The HTML report
 * embeds the SVG as it is, so it shows the same offline, in print and in a
 * screenshot.
 *
 * @example
 * ```ts
 * import { Charts, type Table } from "@iljari/report"
 *
 * declare const table: Table.Table
 * const svg = Charts.svg(table) // a Vega-Lite chart as SVG, or undefined for a table without one
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Effect } from "effect"
import type { TopLevelSpec } from "vega-lite"
import { RenderError } from "./Errors.js"
import * as Table from "./Table.js"

/**
 * The fonts charts ask for: Korean-capable fonts first (Nanum Gothic, Noto
 * Sans CJK KR, Malgun Gothic, Apple SD Gothic Neo), then the system's sans.
 *
 * @since 0.1.0
 * @category constants
 */
export const fontFamily = "'NanumGothic', 'Nanum Gothic', 'Noto Sans CJK KR', 'Noto Sans KR', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif"

/**
 * The series colours, in order.
 *
 * @since 0.1.0
 * @category constants
 */
export const palette: ReadonlyArray<string> = ["#2f6db5", "#f2a33a", "#5aa469", "#d1495b", "#7d5ba6", "#3fa7b5"]

// Vega measures text with a canvas when one is installed, and otherwise
// estimates 0.8 em a character — too narrow for Hangul, whose glyphs are a
// full em wide, so Korean axis labels were cut off at the chart's edge. This
// estimate knows wide characters; it replaces Vega's estimate while a chart
// of this module is drawn (Vega supports a user-defined measure: vl-convert
// installs one the same way), and never a real canvas measurement.
const wideCharacter = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/

/**
 * The width in pixels of a text at a font size, as the charts estimate it:
 * Hangul and other wide characters 1 em, digits 0.56 em, capitals 0.66 em,
 * other letters 0.52 em, spaces 0.3 em, other signs 0.45 em.
 *
 * @since 0.1.0
 * @category text
 */
export const textWidth = (text: string, fontSize: number): number => {
  let em = 0
  for (const ch of text) {
    em += wideCharacter.test(ch)
      ? 1
      : /[0-9]/.test(ch)
      ? 0.56
      : /[A-Z]/.test(ch)
      ? 0.66
      : /[a-z]/.test(ch)
      ? 0.52
      : ch === " "
      ? 0.3
      : ch === "%" || ch === "₩"
      ? 0.8
      : 0.45
  }
  return Math.ceil(em * fontSize)
}

interface TextItem {
  readonly text?: unknown
  readonly fontSize?: number | string | null
}

interface TextMetrics {
  width: (item: TextItem, text?: unknown) => number
  readonly estimateWidth: (item: TextItem, text?: unknown) => number
}

// Vega and Vega-Lite are loaded on the first chart drawn, not when the
// package is imported: code that only needs the port or the figures (such as
// @iljari/store-sql's SQL source) never pays for them.
const libraries = async () => {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")])
  return { vega, compile: vegaLite.compile }
}

const measure = (item: TextItem, text?: unknown): number => {
  const value = text === undefined || text === null ? item.text : text
  const line = Array.isArray(value) ? value.map(String).reduce((a, b) => (a.length >= b.length ? a : b), "") : String(value ?? "")
  const size = item.fontSize === undefined || item.fontSize === null ? 11 : Number(item.fontSize) || 0
  return textWidth(line.trim(), size)
}

const withTextMeasure = async <A>(textMetrics: TextMetrics | undefined, draw: () => Promise<A>): Promise<A> => {
  if (textMetrics === undefined || textMetrics.width !== textMetrics.estimateWidth) return draw()
  textMetrics.width = measure
  try {
    return await draw()
  } finally {
    textMetrics.width = textMetrics.estimateWidth
  }
}

const axisFormat = (columns: ReadonlyArray<Table.Column>): string => {
  if (columns.every((c) => c.kind === "percent")) return ".0%"
  if (columns.every((c) => c.kind === "count" || c.kind === "amount")) return ",d"
  return ",.1f"
}

/**
 * The Vega-Lite specification of a table's chart in a language, or
 * `undefined` when the table has no chart or nothing to plot. Total rows are
 * left out; cells without a figure are not plotted.
 *
 * @since 0.1.0
 * @category specifications
 */
export const spec = (table: Table.Table, language: Table.Language = "ko"): TopLevelSpec | undefined => {
  const chart = table.chart
  if (chart === undefined) return undefined
  const category = table.columns.find((c) => c.key === chart.category)
  const series = chart.series.flatMap((key) => table.columns.filter((c) => c.key === key))
  if (category === undefined || series.length === 0) return undefined
  const rows = table.rows.filter((row) => row.total !== true)
  const values = rows.flatMap((row, order) =>
    series.flatMap((column, s) => {
      const value = row.cells[column.key]
      return typeof value === "number"
        ? [{
          category: Table.display(category, row.cells[category.key], language),
          series: Table.say(column.label, language),
          seriesOrder: s,
          value,
          order
        }]
        : []
    })
  )
  if (values.length === 0) return undefined
  const categoryCount = rows.length
  // Long category labels (Korean names of groups, fairs, projects) read better sideways.
  const longest = Math.max(...values.map((v) => textWidth(v.category, 11)))
  const horizontal = chart.horizontal === true || (chart.kind !== "line" && longest > 80)
  const format = axisFormat(series)
  const seriesNames = series.map((c) => Table.say(c.label, language))
  const color = {
    field: "series",
    type: "nominal" as const,
    title: null,
    sort: seriesNames,
    scale: { domain: seriesNames, range: palette.slice(0, Math.max(1, seriesNames.length)) },
    legend: seriesNames.length > 1 ? { orient: "top" as const, direction: "horizontal" as const } : null
  }
  const categoryChannel = {
    field: "category",
    type: "nominal" as const,
    title: null,
    sort: { field: "order", op: "min" as const },
    axis: { labelLimit: 240, labelAngle: horizontal ? 0 : categoryCount > 6 ? -40 : 0 }
  }
  const valueChannel = {
    field: "value",
    type: "quantitative" as const,
    title: null,
    axis: { format, grid: true, tickCount: 6, ...(format === ",d" ? { tickMinStep: 1 } : {}) },
    ...(chart.kind === "stacked" ? { stack: "zero" as const } : { stack: null })
  }
  const offset = chart.kind === "bar" && series.length > 1 ? { field: "series", type: "nominal" as const, sort: seriesNames } : undefined
  // With side-by-side series the step is one bar's; otherwise a whole category's.
  const step = offset === undefined ? 22 : 12
  const base = {
    ...(chart.title === undefined ? {} : { title: { text: Table.say(chart.title, language), anchor: "start" as const } }),
    data: { values },
    width: horizontal ? 460 : Math.max(320, Math.min(720, categoryCount * Math.max(40, 22 * series.length + 18))),
    height: horizontal ? { step } : 220,
    config: {
      font: fontFamily,
      view: { stroke: null },
      axis: { labelFont: fontFamily, titleFont: fontFamily, labelFontSize: 11, domainColor: "#888", tickColor: "#888" },
      legend: { labelFont: fontFamily, labelFontSize: 11, symbolType: "square" },
      title: { font: fontFamily, fontSize: 13, fontWeight: "bold" as const }
    }
  }
  if (chart.kind === "line") {
    return {
      ...base,
      mark: { type: "line", point: true, strokeWidth: 2 },
      encoding: { x: { ...categoryChannel, axis: { ...categoryChannel.axis, labelAngle: 0 } }, y: valueChannel, color }
    } as TopLevelSpec
  }
  // Stacks in the order of the series, first at the base.
  const order = chart.kind === "stacked" ? { order: { field: "seriesOrder", type: "quantitative" as const, sort: "ascending" as const } } : {}
  const encoding = horizontal
    ? { y: categoryChannel, x: valueChannel, color, ...order, ...(offset === undefined ? {} : { yOffset: offset }) }
    : { x: categoryChannel, y: valueChannel, color, ...order, ...(offset === undefined ? {} : { xOffset: offset }) }
  return { ...base, mark: { type: "bar", cornerRadiusEnd: 2 }, encoding } as TopLevelSpec
}

/**
 * A table's chart as an SVG document (a string starting `<svg`), or
 * `undefined` when it has none. Fails with `RenderError` when Vega-Lite or
 * Vega refuses the specification.
 *
 * @since 0.1.0
 * @category rendering
 */
export const svg = (table: Table.Table, language: Table.Language = "ko"): Effect.Effect<string | undefined, RenderError> => {
  const vl = spec(table, language)
  if (vl === undefined) return Effect.succeed(undefined)
  return Effect.tryPromise({
    try: async () => {
      const { compile, vega } = await libraries()
      const view = new vega.View(vega.parse(compile(vl).spec), { renderer: "none" })
      const textMetrics = (vega as unknown as { readonly textMetrics?: TextMetrics }).textMetrics
      try {
        return await withTextMeasure(textMetrics, () => view.toSVG())
      } finally {
        view.finalize()
      }
    },
    catch: (error) =>
      new RenderError({ format: "svg", reason: `the chart of "${table.id}": ${error instanceof Error ? error.message : String(error)}` })
  })
}
