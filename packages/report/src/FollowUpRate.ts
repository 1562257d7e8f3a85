/**
 * The follow-up on-time rate (사후관리 기한 준수율): of the checks due in a
 * period whose timeliness is settled on the day of reading — done, or not
 * done with the due date past — the share done by the due date. It is the
 * rate of `FollowUp.ledger` over the same checks: a check due that day or
 * later and not done yet is neither on time nor late, and a cancelled check
 * (the seeker quit) is not counted at all.
 *
 * @example
 * ```ts
 * import { FollowUpRate, type Counts } from "@iljari/report"
 *
 * declare const counts: ReadonlyArray<Counts.FollowUpCounts>
 * // The share of checks done on time, per counselor and in all.
 * const table = FollowUpRate.table(FollowUpRate.make(counts))
 * ```
 *
 * @since 0.1.0
 * @module
 */
import type { Ids } from "@iljari/core"
import { Rounding } from "@iljari/core"
import * as Rate from "./Rate.js"
import type { FollowUpCounts } from "./Counts.js"
import type * as Table from "./Table.js"

/**
 * A counselor's (or the total's) counts with the rate.
 *
 * @since 0.1.0
 * @category models
 */
export interface Row extends Omit<FollowUpCounts, "counselorId"> {
  /** `undefined` on the total row. */
  readonly counselorId: Ids.CounselorId | undefined
  /** `onTime ÷ (onTime + late + overdue)`, rounded; `undefined` when nothing is settled. */
  readonly rate: number | undefined
}

/**
 * The figure: one row per counselor and the total.
 *
 * @since 0.1.0
 * @category models
 */
export interface Figure {
  readonly rows: ReadonlyArray<Row>
  readonly total: Row
}

const withRate = (counts: Omit<Row, "rate">, rounding: Rounding.Rounding): Row => ({
  ...counts,
  rate: Rate.rate(counts.onTime, counts.onTime + counts.late + counts.overdue, rounding)
})

/**
 * The on-time rate per counselor and for the center, from
 * `ReportSource.followUps` counts.
 *
 * @since 0.1.0
 * @category figures
 */
export const make = (counts: ReadonlyArray<FollowUpCounts>, rounding: Rounding.Rounding = Rate.defaultRounding): Figure => {
  const sum = (key: Exclude<keyof FollowUpCounts, "counselorId">) => counts.reduce((n, c) => n + c[key], 0)
  return {
    rows: counts.map((c) => withRate(c, rounding)),
    total: withRate({
      counselorId: undefined,
      due: sum("due"),
      onTime: sum("onTime"),
      late: sum("late"),
      overdue: sum("overdue"),
      pending: sum("pending"),
      cancelled: sum("cancelled")
    }, rounding)
  }
}

/**
 * The figure as a table (the 사후관리대장 summary), one row per counselor.
 *
 * @since 0.1.0
 * @category tables
 */
export const table = (
  figure: Figure,
  options: {
    readonly names?: Readonly<Record<string, string>>
    readonly rounding?: Rounding.Rounding
    readonly period?: string
    readonly asOf?: string
  } = {}
): Table.Table => {
  const cells = (row: Row): Record<string, Table.Cell> => ({
    counselor: row.counselorId === undefined ? { ko: "합계", en: "Total" } : options.names?.[row.counselorId] ?? row.counselorId,
    due: row.due,
    onTime: row.onTime,
    late: row.late,
    overdue: row.overdue,
    pending: row.pending,
    cancelled: row.cancelled,
    rate: row.rate
  })
  return {
    id: "follow-up",
    title: { ko: "사후관리 기한 준수율", en: "Follow-up checks done on time" },
    columns: [
      { key: "counselor", label: { ko: "상담사", en: "Counselor" }, kind: "text" },
      { key: "due", label: { ko: "대상", en: "Due in period" }, kind: "count" },
      { key: "onTime", label: { ko: "기한 내 완료", en: "Done on time" }, kind: "count" },
      { key: "late", label: { ko: "기한 후 완료", en: "Done late" }, kind: "count" },
      { key: "overdue", label: { ko: "기한 경과 미완료", en: "Overdue" }, kind: "count" },
      { key: "pending", label: { ko: "진행 중", en: "Not yet due" }, kind: "count" },
      { key: "cancelled", label: { ko: "취소(퇴사)", en: "Cancelled (quit)" }, kind: "count" },
      { key: "rate", label: { ko: "준수율", en: "On-time rate" }, kind: "percent", decimals: Rounding.decimalsOf(options.rounding ?? Rate.defaultRounding) }
    ],
    rows: [...figure.rows.map((row) => ({ cells: cells(row) })), { cells: cells(figure.total), total: true }],
    notes: [{
      ko: `준수율 = 기한 내 완료 ÷ (기한 내 완료 + 기한 후 완료 + 기한 경과 미완료)${
        options.period === undefined ? "" : `. 기한 ${options.period}`
      }${options.asOf === undefined ? "" : `, ${options.asOf} 기준`}.`,
      en: `On-time rate = on time ÷ (on time + late + overdue)${options.period === undefined ? "" : `; due ${options.period}`}${
        options.asOf === undefined ? "" : `, as of ${options.asOf}`
      }.`
    }],
    chart: {
      kind: "stacked",
      category: "counselor",
      series: ["onTime", "late", "overdue", "pending"],
      horizontal: true,
      title: { ko: "상담사별 사후관리 현황", en: "Follow-up checks by counselor" }
    }
  }
}
