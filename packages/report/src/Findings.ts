/**
 * The findings of the twice-monthly review of improper records (부적정 처리
 * 모니터링) as a manager reads them: how many of each rule and severity, how
 * many per counselor, and the list itself. The findings come from
 * `Monitoring.review` (or `JobCenter.monitor`), which needs the records
 * themselves; this figure only counts and lists them.
 *
 * @example
 * ```ts
 * import type { Monitoring } from "@iljari/core"
 * import { Findings } from "@iljari/report"
 *
 * declare const findings: ReadonlyArray<Monitoring.Finding> // from JobCenter.monitor
 * const tables = Findings.tables(Findings.make(findings), { names: { "counselor-01": "박상담" } })
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { type Ids, Monitoring } from "@iljari/core"
import type * as Table from "./Table.js"

/**
 * Counts of findings by severity.
 *
 * @since 0.1.0
 * @category models
 */
export interface Tally {
  readonly high: number
  readonly medium: number
  readonly low: number
  readonly total: number
}

/**
 * The figure: a tally per rule (every rule, in the order of
 * `Monitoring.Rule`), per counselor (by id; findings about no single
 * counselor, such as a duplicate registration, under `undefined`, last), the
 * total and the findings, most severe first.
 *
 * @since 0.1.0
 * @category models
 */
export interface Figure {
  readonly byRule: ReadonlyArray<{ readonly rule: Monitoring.Rule } & Tally>
  readonly byCounselor: ReadonlyArray<{ readonly counselorId: Ids.CounselorId | undefined } & Tally>
  readonly total: Tally
  readonly findings: ReadonlyArray<Monitoring.Finding>
}

const tally = (findings: ReadonlyArray<Monitoring.Finding>): Tally => ({
  high: findings.filter((f) => f.severity === "high").length,
  medium: findings.filter((f) => f.severity === "medium").length,
  low: findings.filter((f) => f.severity === "low").length,
  total: findings.length
})

const severityOrder: Record<Monitoring.Severity, number> = { high: 0, medium: 1, low: 2 }

/**
 * Tallies a review's findings.
 *
 * @since 0.1.0
 * @category figures
 */
export const make = (findings: ReadonlyArray<Monitoring.Finding>): Figure => {
  const counselors = [...new Set(findings.flatMap((f) => (f.counselorId === undefined ? [] : [f.counselorId])))].sort()
  const unassigned = findings.filter((f) => f.counselorId === undefined)
  return {
    byRule: Monitoring.Rule.literals.map((rule) => ({ rule, ...tally(findings.filter((f) => f.rule === rule)) })),
    byCounselor: [
      ...counselors.map((counselorId) => ({ counselorId, ...tally(findings.filter((f) => f.counselorId === counselorId)) })),
      ...(unassigned.length === 0 ? [] : [{ counselorId: undefined, ...tally(unassigned) }])
    ],
    total: tally(findings),
    findings: [...findings].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity])
  }
}

/**
 * A severity's name.
 *
 * @since 0.1.0
 * @category tables
 */
export const severityLabel: Record<Monitoring.Severity, Table.Label> = {
  high: { ko: "높음", en: "High" },
  medium: { ko: "보통", en: "Medium" },
  low: { ko: "낮음", en: "Low" }
}

const tallyColumns: ReadonlyArray<Table.Column> = [
  { key: "high", label: { ko: "높음", en: "High" }, kind: "count" },
  { key: "medium", label: { ko: "보통", en: "Medium" }, kind: "count" },
  { key: "low", label: { ko: "낮음", en: "Low" }, kind: "count" },
  { key: "total", label: { ko: "계", en: "Total" }, kind: "count" }
]

const tallyCells = (t: Tally) => ({ high: t.high, medium: t.medium, low: t.low, total: t.total })
const ruleName = (rule: Monitoring.Rule): Table.Label => ({ ko: Monitoring.ruleLabel(rule, "ko"), en: Monitoring.ruleLabel(rule, "en") })

/**
 * The figure as tables: the tally by rule, the tally by counselor and the
 * list of findings.
 *
 * @since 0.1.0
 * @category tables
 */
export const tables = (
  figure: Figure,
  options: { readonly names?: Readonly<Record<string, string>> } = {}
): ReadonlyArray<Table.Table> => {
  const who = (id: Ids.CounselorId | undefined): Table.Cell =>
    id === undefined ? { ko: "(상담사 무관)", en: "(no single counselor)" } : options.names?.[id] ?? id
  return [
    {
      id: "findings-by-rule",
      title: { ko: "부적정 처리 모니터링: 유형별", en: "Monitoring findings by rule" },
      columns: [{ key: "rule", label: { ko: "유형", en: "Rule" }, kind: "text" }, ...tallyColumns],
      rows: [
        ...figure.byRule.map((r) => ({ cells: { rule: ruleName(r.rule), ...tallyCells(r) } })),
        { cells: { rule: { ko: "계", en: "Total" }, ...tallyCells(figure.total) }, total: true }
      ],
      chart: {
        kind: "stacked",
        category: "rule",
        series: ["high", "medium", "low"],
        horizontal: true,
        title: { ko: "유형별 발견 건수", en: "Findings by rule and severity" }
      }
    },
    {
      id: "findings-by-counselor",
      title: { ko: "부적정 처리 모니터링: 상담사별", en: "Monitoring findings by counselor" },
      columns: [{ key: "counselor", label: { ko: "상담사", en: "Counselor" }, kind: "text" }, ...tallyColumns],
      rows: [
        ...figure.byCounselor.map((r) => ({ cells: { counselor: who(r.counselorId), ...tallyCells(r) } })),
        { cells: { counselor: { ko: "계", en: "Total" }, ...tallyCells(figure.total) }, total: true }
      ]
    },
    {
      id: "findings",
      title: { ko: "부적정 처리 모니터링: 목록", en: "Monitoring findings" },
      columns: [
        { key: "severity", label: { ko: "중요도", en: "Severity" }, kind: "text" },
        { key: "rule", label: { ko: "유형", en: "Rule" }, kind: "text" },
        { key: "counselor", label: { ko: "상담사", en: "Counselor" }, kind: "text" },
        { key: "detail", label: { ko: "내용", en: "Detail" }, kind: "text" },
        { key: "records", label: { ko: "관련 기록", en: "Records" }, kind: "text" }
      ],
      rows: figure.findings.map((f) => ({
        cells: {
          severity: severityLabel[f.severity],
          rule: ruleName(f.rule),
          counselor: who(f.counselorId),
          detail: f.detail,
          records: f.records.map((r) => `${r.kind}:${r.id}`).join(", ")
        }
      }))
    }
  ]
}
