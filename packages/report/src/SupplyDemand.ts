/**
 * The mismatch view (구인·구직 미스매치): supply (seekers) against demand
 * (positions offered) by occupation major group, education, wage band and
 * region. The seeds' central problem shows here: employers in
 * knowledge-industry centers want office, technical-sales and web-design
 * staff with college degrees, while most seekers look for cleaning, security
 * and parking work.
 *
 * For each key the figure gives both counts, each one's share of its side,
 * the gap between the shares (positive: more seekers than the demand's share
 * would take) and the number of seekers per position.
 *
 * The input is plain counts per key, so the view can be fed by any tally —
 * the matching module's, a Work24 export's, or a spreadsheet's — and the
 * figure stays the same.
 *
 * @example
 * ```ts
 * import { SupplyDemand } from "@iljari/report"
 *
 * // Seekers against positions by occupation group (KECO major groups).
 * const figure = SupplyDemand.make({
 *   occupation: [
 *     { key: "5", seekers: 1200, positions: 80 },
 *     { key: "1", seekers: 30, positions: 400 }
 *   ]
 * })
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Codes, Rounding } from "@iljari/core"
import { Either, Schema } from "effect"
import { InvalidInput } from "./Errors.js"
import * as Rate from "./Rate.js"
import type * as Table from "./Table.js"

/**
 * What supply and demand are compared by.
 *
 * @since 0.1.0
 * @category models
 */
export type Dimension = "occupation" | "education" | "wageBand" | "region"

/**
 * The dimensions, in the order a report shows them.
 *
 * @since 0.1.0
 * @category models
 */
export const dimensions: ReadonlyArray<Dimension> = ["occupation", "education", "wageBand", "region"]

/**
 * Counts for one key: an occupation major group (`"0"`–`"9"`, KECO), an
 * education level (`"00"`–`"07"`; `"00"` is "any", for openings), a wage
 * band's key, or a region code.
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry {
  readonly key: string
  /** Seekers wishing for it (supply). */
  readonly seekers: number
  /** Positions offered (demand): openings' headcount. */
  readonly positions: number
}

/**
 * Counts per dimension; a dimension left out is not shown.
 *
 * @since 0.1.0
 * @category models
 */
export type Input = Partial<Readonly<Record<Dimension, ReadonlyArray<Entry>>>>

/**
 * A band of monthly wages in won: from `from` (included) up to `to`
 * (excluded); an open end has no bound.
 *
 * @since 0.1.0
 * @category wage bands
 */
export interface WageBand {
  readonly key: string
  readonly from: number | undefined
  readonly to: number | undefined
  readonly label: Table.Label
}

const manwon = (won: number) => `${(won / 10_000).toLocaleString("en-US")}만`
const million = (won: number) => `₩${(won / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 2 })}M`

/**
 * Bands cut at the given monthly wages (in won, ascending): `[1_800_000,
 * 2_200_000]` gives "under 180만원", "180만~220만원" and "220만원 and over",
 * keyed `w0`, `w1`, `w2`.
 *
 * @since 0.1.0
 * @category wage bands
 */
export const wageBands = (boundaries: ReadonlyArray<number>): ReadonlyArray<WageBand> => {
  const cuts = [...boundaries].sort((a, b) => a - b)
  return Array.from({ length: cuts.length + 1 }, (_, i): WageBand => {
    const from = i === 0 ? undefined : cuts[i - 1]
    const to = i === cuts.length ? undefined : cuts[i]
    const label: Table.Label = from === undefined && to !== undefined
      ? { ko: `${manwon(to)}원 미만`, en: `under ${million(to)}` }
      : to === undefined && from !== undefined
      ? { ko: `${manwon(from)}원 이상`, en: `${million(from)} and over` }
      : from !== undefined && to !== undefined
      ? { ko: `${manwon(from)}~${manwon(to)}원`, en: `${million(from)}–${million(to).slice(1)}` }
      : { ko: "전체", en: "All" }
    return { key: `w${i}`, from, to, label }
  })
}

/**
 * Monthly wage bands at 180만, 220만, 260만 and 300만원 (the minimum wage of
 * the late 2010s sits in the second band).
 *
 * @since 0.1.0
 * @category wage bands
 */
export const defaultWageBands: ReadonlyArray<WageBand> = wageBands([1_800_000, 2_200_000, 2_600_000, 3_000_000])

/**
 * The key of the band a monthly wage in won falls in (normalise hourly,
 * daily and yearly wages with `Wage.toMonthly` first).
 *
 * @since 0.1.0
 * @category wage bands
 */
export const bandOf = (monthlyWon: number, bands: ReadonlyArray<WageBand> = defaultWageBands): string | undefined =>
  bands.find((b) => (b.from === undefined || monthlyWon >= b.from) && (b.to === undefined || monthlyWon < b.to))?.key

/**
 * One key's supply and demand.
 *
 * @since 0.1.0
 * @category models
 */
export interface Row extends Entry {
  readonly label: Table.Label
  /** `seekers ÷ all seekers` of the dimension. */
  readonly seekerShare: number | undefined
  /** `positions ÷ all positions` of the dimension. */
  readonly positionShare: number | undefined
  /** `seekerShare − positionShare`: positive where supply outweighs demand. */
  readonly gap: number | undefined
  /** `seekers ÷ positions`, to two decimals; `undefined` with no positions. */
  readonly seekersPerPosition: number | undefined
}

/**
 * One dimension's view.
 *
 * @since 0.1.0
 * @category models
 */
export interface View {
  readonly dimension: Dimension
  readonly rows: ReadonlyArray<Row>
  readonly total: { readonly seekers: number; readonly positions: number; readonly seekersPerPosition: number | undefined }
}

/**
 * The figure: a view per dimension given.
 *
 * @since 0.1.0
 * @category models
 */
export interface Figure {
  readonly views: ReadonlyArray<View>
}

const majorLabels = new Map(Codes.occupationGroups.major)
const educationCodes: ReadonlyArray<string> = Codes.EducationLevel.literals
const isRegion = Schema.is(Codes.RegionCode)

const labelOf = (
  dimension: Dimension,
  key: string,
  bands: ReadonlyArray<WageBand>
): Table.Label | undefined => {
  switch (dimension) {
    case "occupation":
      return majorLabels.get(key)
    case "education":
      return educationCodes.includes(key)
        ? { ko: Codes.educationLabel(key as Codes.EducationLevel, "ko"), en: Codes.educationLabel(key as Codes.EducationLevel, "en") }
        : undefined
    case "wageBand":
      return bands.find((b) => b.key === key)?.label
    case "region":
      return isRegion(key) ? { ko: Codes.regionName(key, "ko"), en: Codes.regionName(key, "en") } : undefined
  }
}

const keyRule: Record<Dimension, string> = {
  occupation: "must be a KECO major group, \"0\" to \"9\"",
  education: "must be a Work24 education level, \"00\" to \"07\"",
  wageBand: "must be the key of one of the wage bands",
  region: "must be a 5-digit 시군구 region code"
}

const order = (dimension: Dimension, bands: ReadonlyArray<WageBand>) => (a: Entry, b: Entry) => {
  if (dimension === "wageBand") return bands.findIndex((x) => x.key === a.key) - bands.findIndex((x) => x.key === b.key)
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
}

/**
 * Supply against demand for each dimension given. Fails with `InvalidInput`
 * on an unknown key, a key listed twice, or a count that is not a whole
 * number ≥ 0.
 *
 * @since 0.1.0
 * @category figures
 */
export const make = (
  input: Input,
  options: { readonly bands?: ReadonlyArray<WageBand>; readonly rounding?: Rounding.Rounding } = {}
): Either.Either<Figure, InvalidInput> => {
  const bands = options.bands ?? defaultWageBands
  const rounding = options.rounding ?? Rate.defaultRounding
  const views: Array<View> = []
  for (const dimension of dimensions) {
    const entries = input[dimension]
    if (entries === undefined) continue
    const seen = new Set<string>()
    for (const [i, entry] of entries.entries()) {
      const fail = (field: string, reason: string) =>
        Either.left(new InvalidInput({ figure: "supply and demand", field: `${dimension}[${i}]${field}`, reason }))
      if (labelOf(dimension, entry.key, bands) === undefined) return fail(".key", `${keyRule[dimension]}; got ${JSON.stringify(entry.key)}`)
      if (seen.has(entry.key)) return fail(".key", `repeats ${JSON.stringify(entry.key)}`)
      seen.add(entry.key)
      for (const field of ["seekers", "positions"] as const) {
        const n = entry[field]
        if (!Number.isSafeInteger(n) || n < 0) return fail(`.${field}`, `must be a whole number of at least 0; got ${n}`)
      }
    }
    const seekers = entries.reduce((n, e) => n + e.seekers, 0)
    const positions = entries.reduce((n, e) => n + e.positions, 0)
    // A rate to 0 decimals of a percent is a ratio to two decimals.
    const perPosition = (s: number, p: number) => Rate.rate(s, p, { decimals: 0, mode: "nearest" })
    views.push({
      dimension,
      total: { seekers, positions, seekersPerPosition: perPosition(seekers, positions) },
      rows: [...entries].sort(order(dimension, bands)).map((e): Row => {
        const seekerShare = Rate.rate(e.seekers, seekers, rounding)
        const positionShare = Rate.rate(e.positions, positions, rounding)
        return {
          ...e,
          label: labelOf(dimension, e.key, bands)!,
          seekerShare,
          positionShare,
          gap: seekerShare === undefined || positionShare === undefined
            ? undefined
            : Rate.roundFraction(seekerShare - positionShare, { ...rounding, mode: "nearest" }),
          seekersPerPosition: perPosition(e.seekers, e.positions)
        }
      })
    })
  }
  return Either.right({ views })
}

const titles: Record<Dimension, Table.Label> = {
  occupation: { ko: "구인·구직 미스매치: 직종(대분류)", en: "Supply and demand by occupation group" },
  education: { ko: "구인·구직 미스매치: 학력", en: "Supply and demand by education" },
  wageBand: { ko: "구인·구직 미스매치: 임금(월)", en: "Supply and demand by monthly wage" },
  region: { ko: "구인·구직 미스매치: 지역", en: "Supply and demand by region" }
}

const keyHeader: Record<Dimension, Table.Label> = {
  occupation: { ko: "직종", en: "Occupation group" },
  education: { ko: "학력", en: "Education" },
  wageBand: { ko: "임금(월)", en: "Monthly wage" },
  region: { ko: "지역", en: "Region" }
}

/**
 * Each view as a table (one per dimension), with a chart of the two shares.
 *
 * @since 0.1.0
 * @category tables
 */
export const tables = (figure: Figure, options: { readonly rounding?: Rounding.Rounding } = {}): ReadonlyArray<Table.Table> => {
  const decimals = Rounding.decimalsOf(options.rounding ?? Rate.defaultRounding)
  return figure.views.map((view): Table.Table => ({
    id: `mismatch-${view.dimension.replace("wageBand", "wage")}`,
    title: titles[view.dimension],
    columns: [
      { key: "label", label: keyHeader[view.dimension], kind: "text" },
      { key: "seekers", label: { ko: "구직(명)", en: "Seekers" }, kind: "count" },
      { key: "positions", label: { ko: "구인(명)", en: "Positions" }, kind: "count" },
      { key: "seekerShare", label: { ko: "구직 비중", en: "Share of seekers" }, kind: "percent", decimals },
      { key: "positionShare", label: { ko: "구인 비중", en: "Share of positions" }, kind: "percent", decimals },
      { key: "gap", label: { ko: "비중 차이(%p)", en: "Gap (points)" }, kind: "percent", decimals },
      { key: "seekersPerPosition", label: { ko: "구인 1명당 구직자", en: "Seekers per position" }, kind: "ratio", decimals: 2 }
    ],
    rows: [
      ...view.rows.map((r) => ({
        cells: {
          label: r.label,
          seekers: r.seekers,
          positions: r.positions,
          seekerShare: r.seekerShare,
          positionShare: r.positionShare,
          gap: r.gap,
          seekersPerPosition: r.seekersPerPosition
        }
      })),
      {
        cells: {
          label: { ko: "계", en: "Total" },
          seekers: view.total.seekers,
          positions: view.total.positions,
          seekersPerPosition: view.total.seekersPerPosition
        },
        total: true
      }
    ],
    chart: {
      kind: "bar",
      category: "label",
      series: ["seekerShare", "positionShare"],
      horizontal: true,
      title: { ko: `${keyHeader[view.dimension].ko}별 구직·구인 비중`, en: `Shares of seekers and positions by ${keyHeader[view.dimension].en.toLowerCase()}` }
    }
  }))
}
