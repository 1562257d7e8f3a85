/**
 * Results by target group (대상별 실적): seekers registered, counseling
 * sessions and placements for youth, career-break women, the middle-aged,
 * seniors and the other groups the seeds' programs single out, with each
 * group's share of the center's total. A seeker may belong to several groups,
 * so the shares of the groups can add up to more than 100%.
 *
 * Groups that follow from age (youth, middle-aged, senior) serve reporting
 * and program eligibility only; nothing here feeds matching.
 *
 * @example
 * ```ts
 * import { TargetGroups, type Counts } from "@iljari/report"
 *
 * declare const counts: ReadonlyArray<Counts.TargetGroupCounts>
 * const figure = TargetGroups.make(counts, { seekers: 1980, counseling: 5210, placements: 812 })
 * const table = TargetGroups.table(figure, { skipEmpty: true })
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Codes, Rounding } from "@iljari/core"
import * as Rate from "./Rate.js"
import type { TargetGroupCounts } from "./Counts.js"
import type * as Table from "./Table.js"

/**
 * The center's totals the shares are taken of.
 *
 * @since 0.1.0
 * @category models
 */
export interface Totals {
  readonly seekers: number
  readonly counseling: number
  readonly placements: number
}

/**
 * A group's counts and shares.
 *
 * @since 0.1.0
 * @category models
 */
export interface Row extends TargetGroupCounts {
  readonly seekerShare: number | undefined
  readonly counselingShare: number | undefined
  readonly placementShare: number | undefined
}

/**
 * The figure: every group in code order, and the center's totals.
 *
 * @since 0.1.0
 * @category models
 */
export interface Figure {
  readonly rows: ReadonlyArray<Row>
  readonly totals: Totals
}

/**
 * Results by target group, from `ReportSource.targetGroups` and the center's
 * totals over the same period (e.g. from `ReportSource.monthly`).
 *
 * @since 0.1.0
 * @category figures
 */
export const make = (
  counts: ReadonlyArray<TargetGroupCounts>,
  totals: Totals,
  rounding: Rounding.Rounding = Rate.defaultRounding
): Figure => ({
  totals,
  rows: counts.map((c) => ({
    ...c,
    seekerShare: Rate.rate(c.seekers, totals.seekers, rounding),
    counselingShare: Rate.rate(c.counseling, totals.counseling, rounding),
    placementShare: Rate.rate(c.placements, totals.placements, rounding)
  }))
})

/**
 * The figure as a table; `skipEmpty` leaves out groups with nothing counted.
 *
 * @since 0.1.0
 * @category tables
 */
export const table = (
  figure: Figure,
  options: { readonly rounding?: Rounding.Rounding; readonly skipEmpty?: boolean } = {}
): Table.Table => {
  const decimals = Rounding.decimalsOf(options.rounding ?? Rate.defaultRounding)
  const rows = options.skipEmpty === true
    ? figure.rows.filter((r) => r.seekers + r.counseling + r.placements > 0)
    : figure.rows
  return {
    id: "target-groups",
    title: { ko: "대상별 실적", en: "Results by target group" },
    columns: [
      { key: "group", label: { ko: "대상", en: "Target group" }, kind: "text" },
      { key: "seekers", label: { ko: "구직(명)", en: "Seekers" }, kind: "count" },
      { key: "seekerShare", label: { ko: "구직 비율", en: "Share of seekers" }, kind: "percent", decimals },
      { key: "counseling", label: { ko: "상담(건)", en: "Counseling" }, kind: "count" },
      { key: "counselingShare", label: { ko: "상담 비율", en: "Share of counseling" }, kind: "percent", decimals },
      { key: "placements", label: { ko: "취업(명)", en: "Placements" }, kind: "count" },
      { key: "placementShare", label: { ko: "취업 비율", en: "Share of placements" }, kind: "percent", decimals }
    ],
    rows: [
      ...rows.map((r) => ({
        cells: {
          group: { ko: Codes.targetGroupLabel(r.group, "ko"), en: Codes.targetGroupLabel(r.group, "en") },
          seekers: r.seekers,
          seekerShare: r.seekerShare,
          counseling: r.counseling,
          counselingShare: r.counselingShare,
          placements: r.placements,
          placementShare: r.placementShare
        }
      })),
      {
        cells: {
          group: { ko: "센터 전체", en: "Whole center" },
          seekers: figure.totals.seekers,
          counseling: figure.totals.counseling,
          placements: figure.totals.placements
        },
        total: true
      }
    ],
    notes: [{
      ko: "한 구직자가 여러 대상에 해당하면 각 대상에 모두 집계하므로 비율의 합은 100%를 넘을 수 있음.",
      en: "A seeker in several groups counts in each, so the shares may add up to more than 100%."
    }],
    chart: {
      kind: "bar",
      category: "group",
      series: ["seekers", "placements"],
      horizontal: true,
      title: { ko: "대상별 구직·취업", en: "Seekers and placements by target group" }
    }
  }
}
