/**
 * The annual target disclosure table (일자리 목표 공시제): last year's results,
 * this year's targets and the monthly averages, as the district publishes
 * them, from a `Targets.plan`. With this year's results so far it adds the
 * results and the share of each target achieved.
 *
 * The seeds' table (Seongdong, 2016) is the worked example:
 *
 * | 구분 | 구인 | 구직 | 취업 | 비고 |
 * |---|---|---|---|---|
 * | 2015년 실적 | 2,664건 | 6,594건 | 1,963명 | |
 * | 2016년 목표 | 2,800건 | 6,930건 | 2,060명 | '15년 대비 5% 상향 |
 * | 월평균 | 233건 | 577건 | 171명 | |
 *
 * @example
 * ```ts
 * import { Targets } from "@iljari/core"
 * import { Disclosure } from "@iljari/report"
 *
 * declare const plan: Targets.Plan
 * // The yearly target disclosure (목표 공시), with the results so far.
 * const figure = Disclosure.make(plan, { results: { placements: 412 } })
 * const table = Disclosure.table(figure)
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { type LocalDate, Rounding, Targets } from "@iljari/core"
import { metricLabel } from "./CenterResults.js"
import * as Rate from "./Rate.js"
import type * as Table from "./Table.js"

/**
 * One metric's column of the table.
 *
 * @since 0.1.0
 * @category models
 */
export interface Line extends Targets.PlanLine {
  /** This year's result so far, when given. */
  readonly result: number | undefined
  /** `result ÷ target`, rounded by the policy. */
  readonly rate: number | undefined
}

/**
 * The figure.
 *
 * @since 0.1.0
 * @category models
 */
export interface Figure {
  readonly year: number
  readonly baselineYear: number
  readonly growthPercent: number
  readonly rounding: Rounding.Rounding
  readonly lines: ReadonlyArray<Line>
  /** The last day the results cover, when results are given. */
  readonly resultsThrough: LocalDate.LocalDate | undefined
}

/**
 * The disclosure of a plan, with this year's results so far when given.
 *
 * @since 0.1.0
 * @category figures
 */
export const make = (
  plan: Targets.Plan,
  options: {
    readonly results?: Targets.MetricCounts
    readonly resultsThrough?: LocalDate.LocalDate
    readonly rounding?: Rounding.Rounding
  } = {}
): Figure => ({
  year: plan.year,
  baselineYear: plan.year - 1,
  growthPercent: plan.growthPercent,
  rounding: plan.rounding,
  resultsThrough: options.resultsThrough,
  lines: plan.lines.map((line) => {
    const result = options.results?.[line.metric]
    return {
      ...line,
      result,
      rate: result === undefined ? undefined : Rate.rate(result, line.target, options.rounding ?? Rate.defaultRounding)
    }
  })
})

const yy = (year: number) => `'${String(year % 100).padStart(2, "0")}`

/**
 * The remark the seeds print beside the targets: `'15년 대비 5% 상향`.
 *
 * @since 0.1.0
 * @category tables
 */
export const growthRemark = (baselineYear: number, growthPercent: number): Table.Label =>
  growthPercent === 0
    ? { ko: `${yy(baselineYear)}년 수준 유지`, en: `Same as ${baselineYear}` }
    : {
      ko: `${yy(baselineYear)}년 대비 ${Math.abs(growthPercent)}% ${growthPercent > 0 ? "상향" : "하향"}`,
      en: `${growthPercent > 0 ? "+" : "−"}${Math.abs(growthPercent)}% on ${baselineYear}`
    }

const grouped = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 })

/**
 * The figure as the published table: rows for last year's results, this
 * year's targets and the monthly averages (and this year's results and rate
 * when given), one column per metric of the plan, and the remark.
 *
 * @since 0.1.0
 * @category tables
 */
export const table = (figure: Figure, options: { readonly rounding?: Rounding.Rounding } = {}): Table.Table => {
  const decimals = Rounding.decimalsOf(options.rounding ?? Rate.defaultRounding)
  const row = (name: Table.Label, value: (line: Line) => number | undefined, remark?: Table.Label, kind?: "percent") =>
    ({
      cells: {
        row: name,
        ...Object.fromEntries(figure.lines.map((line) => [`${line.metric}${kind === "percent" ? "Rate" : ""}`, value(line)])),
        remark
      }
    }) satisfies Table.Row
  const hasResults = figure.lines.some((line) => line.result !== undefined)
  const through = figure.resultsThrough === undefined ? "" : ` (~${figure.resultsThrough.slice(5).replace("-", ".")})`
  const rows: Array<Table.Row> = [
    row({ ko: `${figure.baselineYear}년 실적`, en: `${figure.baselineYear} results` }, (l) => l.baseline),
    row({ ko: `${figure.year}년 목표`, en: `${figure.year} targets` }, (l) => l.target, growthRemark(figure.baselineYear, figure.growthPercent)),
    row({ ko: "월평균", en: "Monthly average" }, (l) => l.monthlyAverage)
  ]
  if (hasResults) {
    rows.push(row({ ko: `${figure.year}년 실적${through}`, en: `${figure.year} results${through}` }, (l) => l.result))
  }
  const columns: Array<Table.Column> = [
    { key: "row", label: { ko: "구분", en: "Item" }, kind: "text" },
    ...figure.lines.map((line): Table.Column => ({ key: line.metric, label: metricLabel(line.metric), kind: "count" })),
    ...(hasResults
      ? figure.lines.map((line): Table.Column => ({
        key: `${line.metric}Rate`,
        label: { ko: `${metricLabel(line.metric).ko} 달성률`, en: `${metricLabel(line.metric).en} achieved` },
        kind: "percent",
        decimals
      }))
      : []),
    { key: "remark", label: { ko: "비고", en: "Remark" }, kind: "text" }
  ]
  if (hasResults) {
    const last = rows[rows.length - 1]!
    rows[rows.length - 1] = {
      cells: { ...last.cells, ...Object.fromEntries(figure.lines.map((l) => [`${l.metric}Rate`, l.rate])) }
    }
  }
  const mode = (m: Rounding.Mode) => ({ ko: Rounding.modeLabel(m, "ko"), en: Rounding.modeLabel(m, "en").toLowerCase() })
  const notes: Array<Table.Label> = [{
    ko: `목표 = 전년 실적 × ${(100 + figure.growthPercent) / 100}, ${grouped(Rounding.unitOf(figure.rounding))} 단위 ${mode(figure.rounding.mode).ko}. 월평균 = 연간 목표 ÷ 12 (내림).`,
    en: `Target = last year's result × ${(100 + figure.growthPercent) / 100}, rounded ${mode(figure.rounding.mode).en} to ${
      grouped(Rounding.unitOf(figure.rounding))
    }. Monthly average = annual target ÷ 12, rounded down.`
  }]
  for (const line of figure.lines.filter((l) => l.overridden)) {
    const name = metricLabel(line.metric)
    notes.push({
      ko: `${name.ko} 목표는 계산값 ${grouped(line.rounded)}(${grouped(line.exact)})을 ${grouped(line.target)}(으)로 조정함.`,
      en: `The ${name.en.toLowerCase()} target was set by hand to ${grouped(line.target)} (computed ${grouped(line.rounded)} from ${
        grouped(line.exact)
      }).`
    })
  }
  return {
    id: "target-disclosure",
    title: { ko: `${figure.year}년 일자리 목표 공시`, en: `${figure.year} job target disclosure` },
    columns,
    rows,
    notes
  }
}
