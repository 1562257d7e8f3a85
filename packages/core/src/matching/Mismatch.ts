/**
 * The mismatch view (구인·구직 미스매치): supply (seekers) against demand
 * (openings and the positions they offer) by occupation group, education,
 * monthly wage band and region, as plain data a report renders later.
 *
 * The seeds' central problem is what this view shows: employers in
 * knowledge-industry centers want office, technical-sales and web-design staff
 * with college degrees, while most seekers look for cleaning, security and
 * parking work. A counselor reads it as "cleaning and security: 1,200 seekers
 * for 80 positions; ICT: 30 seekers for 400 positions".
 *
 * ## Counting rules
 *
 * - **Seekers**: every seeker counts once in total. An erased seeker
 *   (`erasedOn` set, personal data destroyed) is left out: the view describes
 *   the seekers a center can still serve.
 * - **Openings**: only openings whose status is `open` are demand; with the
 *   `asOf` option, an open opening not yet opened (`openedOn` after it) or
 *   already past its closing date (`closesOn` before it) is left out too.
 *   Demand is counted twice: `openings` (how many postings) and `positions`
 *   (the sum of their headcounts); supply is compared with positions.
 * - **Occupation**: KECO major group (대분류, first digit; or the middle group,
 *   first two digits, with `occupationLevel: "middle"`). A seeker who names
 *   occupations in `n` distinct groups counts **1/n in each**, so a dimension's
 *   rows add up to the number of seekers and supply weighs the same as demand
 *   (one seeker, one unit; one position, one unit). Two wishes in the same
 *   group count once. `seekersWishing` keeps the whole number of seekers who
 *   named a group at all. An opening counts in its occupation's group.
 * - **Education**: Work24 levels; a seeker by the level attained (`01`–`07`),
 *   an opening by its minimum, where `00` (학력무관, any) is a row of its own —
 *   positions open to everyone, which no seeker "has".
 * - **Wage band**: monthly wages normalised with `Wage.toMonthly` (a seeker's
 *   desired wage, an opening's offered minimum), cut at edges anchored on the
 *   monthly minimum wage: by default below the minimum, minimum–₩2.5M,
 *   ₩2.5M–3.5M, ₩3.5M–5M and ₩5M and over (`defaultMinimumMonthlyWage` is
 *   2025's ₩10,030 × 209 = ₩2,096,270; pass each year's figure, or edges of
 *   your own). A band includes its lower edge. Seekers who stated no wage are
 *   counted in a last row, `none`.
 * - **Region**: a seeker by the address region (where the supply lives; the
 *   desired regions are often empty, meaning anywhere), an opening by its work
 *   region. Seoul is shown by its 25 districts (`11000`, "somewhere in
 *   Seoul", is a row of its own); other regions are grouped by province
 *   (`41000` Gyeonggi-do), since iljari names Seoul's districts only.
 *
 * Occupation, education and wage rows list every code of their list in code
 * order, empty ones included, so that two months' views line up; region rows
 * list the regions that occur, in code order. Each row carries
 * `gap = seekers − positions` (positive: more seekers than positions) and
 * `seekersPerPosition`. Each dimension's `surplus` and `shortage` name its
 * largest gaps either way; rows that only one side can fill (education `00`,
 * wage `none`) are kept out of them.
 *
 * The view never reads a seeker's birth date or gender: matching and its
 * statistics must not turn on age or gender (직업안정법 제2조, 고령자고용법
 * 제4조의4). The input types ({@link SeekerFacts}, {@link OpeningFacts}) do not
 * even include them. The result is the same whatever order the lists come in.
 *
 * @example
 * ```ts
 * import { Mismatch } from "@iljari/core"
 *
 * declare const seekers: ReadonlyArray<Mismatch.SeekerFacts>
 * declare const openings: ReadonlyArray<Mismatch.OpeningFacts>
 * const view = Mismatch.compute(seekers, openings)
 * const shortages = view.occupation.shortage // more positions than seekers
 * ```
 *
 * @since 0.1.0
 * @module
 * @category matching
 */
import type { EducationLevel, Label, Language, OccupationCode, RegionCode } from "../kernel/Codes.js"
import * as Codes from "../kernel/Codes.js"
import type { LocalDate } from "../kernel/LocalDate.js"
import type { Opening } from "../registry/Opening.js"
import type { Seeker } from "../registry/Seeker.js"
import * as Wage from "../kernel/Wage.js"

// ---------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------

/**
 * What supply and demand are compared by (the same names as the report
 * package's supply-and-demand figure).
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
 * What the view reads of a seeker; a `Seeker` is one. Birth date and gender
 * are deliberately absent.
 *
 * @since 0.1.0
 * @category models
 */
export type SeekerFacts = Pick<Seeker, "desiredOccupations" | "education" | "desiredWage" | "addressRegion" | "erasedOn">

/**
 * What the view reads of an opening; an `Opening` is one.
 *
 * @since 0.1.0
 * @category models
 */
export type OpeningFacts = Pick<
  Opening,
  "occupation" | "headcount" | "educationMinimum" | "wage" | "workRegion" | "status" | "openedOn" | "closesOn"
>

/**
 * One key's supply and demand.
 *
 * @since 0.1.0
 * @category models
 */
export interface Row {
  /** A KECO group (`"5"`, or `"56"` at the middle level), an education level (`"00"`–`"07"`), a wage band (`"w0"`…, `"none"`) or a region (`"11200"`, `"41000"`). */
  readonly key: string
  readonly label: Label
  /** Supply: seekers, a seeker wishing for `n` occupation groups counting `1/n` in each (whole numbers in the other dimensions). */
  readonly seekers: number
  /** Seekers who named the key at all, each counted once (equals `seekers` outside the occupation dimension). */
  readonly seekersWishing: number
  /** Open openings. */
  readonly openings: number
  /** Demand: the open openings' headcount. */
  readonly positions: number
  /** `seekers − positions`: positive where seekers outnumber positions, negative where positions go begging. */
  readonly gap: number
  /** `seekers ÷ positions`, unrounded; `undefined` with no positions. */
  readonly seekersPerPosition: number | undefined
}

/**
 * The totals of a dimension: every counted seeker and open position once.
 *
 * @since 0.1.0
 * @category models
 */
export interface Totals {
  readonly seekers: number
  readonly openings: number
  readonly positions: number
  readonly gap: number
  readonly seekersPerPosition: number | undefined
}

/**
 * Supply and demand along one dimension.
 *
 * @since 0.1.0
 * @category models
 */
export interface Breakdown {
  readonly dimension: Dimension
  readonly title: Label
  /** In code order (wage bands from the lowest). */
  readonly rows: ReadonlyArray<Row>
  readonly total: Totals
  /** Rows where seekers most exceed positions, the largest gap first. */
  readonly surplus: ReadonlyArray<Row>
  /** Rows where positions most exceed seekers, the largest shortfall first. */
  readonly shortage: ReadonlyArray<Row>
}

/**
 * The whole view: what was counted and left out, and one breakdown per
 * dimension.
 *
 * @since 0.1.0
 * @category models
 */
export interface View {
  readonly counted: { readonly seekers: number; readonly openings: number; readonly positions: number }
  readonly leftOut: {
    /** Seekers whose personal data were destroyed. */
    readonly erasedSeekers: number
    /** Openings filled, closed or cancelled. */
    readonly openingsNotOpen: number
    /** Open openings not yet opened or already past their closing date on `asOf`. */
    readonly openingsOutOfDate: number
  }
  readonly occupation: Breakdown
  readonly education: Breakdown
  readonly wageBand: Breakdown
  readonly region: Breakdown
}

// ---------------------------------------------------------------------------
// Wage bands
// ---------------------------------------------------------------------------

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
  readonly label: Label
}

/**
 * The monthly minimum wage of 2025: ₩10,030 an hour × 209 hours = ₩2,096,270
 * (2026: ₩10,320 → ₩2,156,880). Districts pass the year's own figure as
 * `minimumMonthlyWage`.
 *
 * @since 0.1.0
 * @category wage bands
 */
export const defaultMinimumMonthlyWage = 2_096_270

/**
 * The band edges above the minimum wage: ₩2.5M, ₩3.5M and ₩5M a month.
 *
 * @since 0.1.0
 * @category wage bands
 */
export const defaultUpperEdges: ReadonlyArray<number> = [2_500_000, 3_500_000, 5_000_000]

/**
 * The default edges for a minimum monthly wage: the minimum itself, then
 * those of {@link defaultUpperEdges} above it.
 *
 * @since 0.1.0
 * @category wage bands
 */
export const edgesFor = (minimumMonthlyWage: number): ReadonlyArray<number> => [
  minimumMonthlyWage,
  ...defaultUpperEdges.filter((edge) => edge > minimumMonthlyWage)
]

const manwon = (won: number) => `${(won / 10_000).toLocaleString("en-US", { maximumFractionDigits: 1 })}만원`
const million = (won: number) => `₩${(won / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 2 })}M`

/**
 * Bands cut at the given monthly wages in won (sorted; repeats and
 * non-finite values dropped), keyed `w0`, `w1`, …; an edge equal to
 * `minimumMonthlyWage` is named as the minimum wage.
 *
 * @since 0.1.0
 * @category wage bands
 */
export const wageBands = (
  edges: ReadonlyArray<number>,
  minimumMonthlyWage: number = defaultMinimumMonthlyWage
): ReadonlyArray<WageBand> => {
  const cuts = [...new Set(edges.filter(Number.isFinite))].sort((a, b) => a - b)
  const ko = (won: number) => won === minimumMonthlyWage ? "최저임금" : manwon(won)
  return Array.from({ length: cuts.length + 1 }, (_, i): WageBand => {
    const from = i === 0 ? undefined : cuts[i - 1]
    const to = i === cuts.length ? undefined : cuts[i]
    const label: Label = from === undefined && to === undefined
      ? { ko: "전체", en: "All wages" }
      : from === undefined
      ? to === minimumMonthlyWage
        ? { ko: `최저임금(월 ${manwon(to!)}) 미만`, en: `Below the minimum wage (${million(to!)} a month)` }
        : { ko: `${manwon(to!)} 미만`, en: `Under ${million(to!)}` }
      : to === undefined
      ? from === minimumMonthlyWage
        ? { ko: "최저임금 이상", en: "Minimum wage and over" }
        : { ko: `${manwon(from)} 이상`, en: `${million(from)} and over` }
      : {
        ko: `${ko(from)}~${ko(to)}`,
        en: `${from === minimumMonthlyWage ? "Minimum wage" : million(from)} to ${million(to)}`
      }
    return { key: `w${i}`, from, to, label }
  })
}

/**
 * The key of the band a monthly wage falls in.
 *
 * @since 0.1.0
 * @category wage bands
 */
export const bandOf = (monthlyWon: number, bands: ReadonlyArray<WageBand>): string => {
  for (const band of bands) {
    if ((band.from === undefined || monthlyWon >= band.from) && (band.to === undefined || monthlyWon < band.to)) {
      return band.key
    }
  }
  // Unreachable: the bands cover every number from below the first edge up.
  return bands[bands.length - 1]!.key
}

/**
 * The row of seekers who stated no desired wage.
 *
 * @since 0.1.0
 * @category wage bands
 */
export const noWageKey = "none"

const noWageLabel: Label = { ko: "희망임금 미기재", en: "No desired wage stated" }

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------

/**
 * Settings a district may change.
 *
 * @since 0.1.0
 * @category options
 */
export interface Options {
  /** KECO level of the occupation rows: `"major"` (10 groups, the default) or `"middle"` (35). */
  readonly occupationLevel?: "major" | "middle"
  /** The monthly minimum wage the first band edge sits on; {@link defaultMinimumMonthlyWage} by default. */
  readonly minimumMonthlyWage?: number
  /** Monthly band edges in won; {@link edgesFor}`(minimumMonthlyWage)` by default. */
  readonly wageEdges?: ReadonlyArray<number>
  /** Factors for `Wage.toMonthly`; `Wage.defaultMonthlyFactors` by default. */
  readonly monthlyFactors?: Wage.MonthlyFactors
  /** Count only openings open on this date (by `openedOn` and `closesOn`), besides their status. */
  readonly asOf?: LocalDate
  /** How many rows `surplus` and `shortage` name; 3 by default. */
  readonly highlights?: number
}

// ---------------------------------------------------------------------------
// Keys and labels
// ---------------------------------------------------------------------------

const majorLabels = new Map(Codes.occupationGroups.major)
const middleLabels = new Map(Codes.occupationGroups.middle)
const educationCodes: ReadonlyArray<EducationLevel> = Codes.EducationLevel.literals

const both = (name: (language: Language) => string): Label => ({ ko: name("ko"), en: name("en") })

/**
 * The region row a region code is counted in: a Seoul district (or `11000`)
 * as it is, anything else as its whole province (`41000`).
 *
 * @since 0.1.0
 * @category keys
 */
export const regionKey = (code: RegionCode): RegionCode =>
  Codes.provinceOf(code) === "11" ? code : `${Codes.provinceOf(code)}000` as RegionCode

/**
 * The occupation row a code is counted in at a KECO level.
 *
 * @since 0.1.0
 * @category keys
 */
export const occupationKey = (code: OccupationCode, level: "major" | "middle" = "major"): string =>
  level === "major" ? Codes.majorGroup(code) : Codes.middleGroup(code)

const titles: Record<Dimension, Label> = {
  occupation: { ko: "구인·구직 미스매치: 직종", en: "Supply and demand by occupation group" },
  education: { ko: "구인·구직 미스매치: 학력", en: "Supply and demand by education" },
  wageBand: { ko: "구인·구직 미스매치: 임금(월)", en: "Supply and demand by monthly wage" },
  region: { ko: "구인·구직 미스매치: 지역", en: "Supply and demand by region" }
}

// Keys only one side can have: kept out of `surplus` and `shortage`.
const oneSided: Record<Dimension, ReadonlySet<string>> = {
  occupation: new Set(),
  education: new Set(["00"]),
  wageBand: new Set([noWageKey]),
  region: new Set()
}

// ---------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------

interface Tally {
  /** `bySplit[n]`: seekers counted here who split themselves over `n` keys. */
  readonly bySplit: Array<number>
  openings: number
  positions: number
}

const newTally = (): Tally => ({ bySplit: [], openings: 0, positions: 0 })

const tallyOf = (tallies: Map<string, Tally>, key: string): Tally => {
  let tally = tallies.get(key)
  if (tally === undefined) {
    tally = newTally()
    tallies.set(key, tally)
  }
  return tally
}

const addSeeker = (tallies: Map<string, Tally>, keys: ReadonlySet<string>) => {
  const n = keys.size
  for (const key of keys) {
    const tally = tallyOf(tallies, key)
    tally.bySplit[n] = (tally.bySplit[n] ?? 0) + 1
  }
}

const addOpening = (tallies: Map<string, Tally>, key: string, headcount: number) => {
  const tally = tallyOf(tallies, key)
  tally.openings += 1
  tally.positions += headcount
}

const perPosition = (seekers: number, positions: number) => positions === 0 ? undefined : seekers / positions

const rowOf = (key: string, label: Label, tally: Tally): Row => {
  // Whole counts first, each divided once, in the same order every time: the
  // figure does not depend on the order of the input.
  let seekers = 0
  let wishing = 0
  tally.bySplit.forEach((count, n) => {
    if (count === undefined || n === 0) return
    seekers += n === 1 ? count : count / n
    wishing += count
  })
  return {
    key,
    label,
    seekers,
    seekersWishing: wishing,
    openings: tally.openings,
    positions: tally.positions,
    gap: seekers - tally.positions,
    seekersPerPosition: perPosition(seekers, tally.positions)
  }
}

const byKey = (a: Row, b: Row) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0

const breakdown = (
  dimension: Dimension,
  rows: ReadonlyArray<Row>,
  counted: View["counted"],
  highlights: number
): Breakdown => {
  const eligible = rows.filter((row) => !oneSided[dimension].has(row.key))
  // Ties fall back to the rows' own order (code order): `sort` is stable.
  const surplus = eligible.filter((row) => row.gap > 0).sort((a, b) => b.gap - a.gap).slice(0, highlights)
  const shortage = eligible.filter((row) => row.gap < 0).sort((a, b) => a.gap - b.gap).slice(0, highlights)
  return {
    dimension,
    title: titles[dimension],
    rows,
    total: {
      seekers: counted.seekers,
      openings: counted.openings,
      positions: counted.positions,
      gap: counted.seekers - counted.positions,
      seekersPerPosition: perPosition(counted.seekers, counted.positions)
    },
    surplus,
    shortage
  }
}

/**
 * Supply against demand by occupation group, education, wage band and
 * region, by the rules in this module's description.
 *
 * @example
 * ```ts
 * import { Mismatch, Wage } from "@iljari/core"
 *
 * declare const seekers: ReadonlyArray<Mismatch.SeekerFacts>
 * declare const openings: ReadonlyArray<Mismatch.OpeningFacts>
 * const view = Mismatch.compute(seekers, openings, { minimumMonthlyWage: Wage.toMonthly("hourly", 10_320) })
 * view.occupation.surplus[0]  // { key: "5", seekers: 1200, positions: 80, … }
 * view.occupation.shortage[0] // { key: "1", seekers: 30, positions: 400, … }
 * ```
 *
 * @since 0.1.0
 * @category computing
 */
export const compute = (
  seekers: Iterable<SeekerFacts>,
  openings: Iterable<OpeningFacts>,
  options: Options = {}
): View => {
  const level = options.occupationLevel ?? "major"
  const minimum = options.minimumMonthlyWage ?? defaultMinimumMonthlyWage
  const bands = wageBands(options.wageEdges ?? edgesFor(minimum), minimum)
  const factors = options.monthlyFactors ?? Wage.defaultMonthlyFactors
  const highlights = Math.max(0, Math.floor(options.highlights ?? 3))
  const asOf = options.asOf

  const tallies: Record<Dimension, Map<string, Tally>> = {
    occupation: new Map(),
    education: new Map(),
    wageBand: new Map(),
    region: new Map()
  }
  const one = (key: string): ReadonlySet<string> => new Set([key])

  let countedSeekers = 0
  let erasedSeekers = 0
  for (const seeker of seekers) {
    if (seeker.erasedOn !== undefined) {
      erasedSeekers++
      continue
    }
    countedSeekers++
    addSeeker(tallies.occupation, new Set(seeker.desiredOccupations.map((code) => occupationKey(code, level))))
    addSeeker(tallies.education, one(seeker.education))
    const wage = seeker.desiredWage
    addSeeker(
      tallies.wageBand,
      one(wage === undefined ? noWageKey : bandOf(Wage.toMonthly(wage.type, wage.amount, factors), bands))
    )
    addSeeker(tallies.region, one(regionKey(seeker.addressRegion)))
  }

  let countedOpenings = 0
  let countedPositions = 0
  let openingsNotOpen = 0
  let openingsOutOfDate = 0
  for (const opening of openings) {
    if (opening.status !== "open") {
      openingsNotOpen++
      continue
    }
    if (
      asOf !== undefined &&
      (opening.openedOn > asOf || (opening.closesOn !== undefined && opening.closesOn < asOf))
    ) {
      openingsOutOfDate++
      continue
    }
    countedOpenings++
    countedPositions += opening.headcount
    addOpening(tallies.occupation, occupationKey(opening.occupation, level), opening.headcount)
    addOpening(tallies.education, opening.educationMinimum, opening.headcount)
    addOpening(
      tallies.wageBand,
      bandOf(Wage.toMonthly(opening.wage.type, opening.wage.min, factors), bands),
      opening.headcount
    )
    addOpening(tallies.region, regionKey(opening.workRegion), opening.headcount)
  }

  const row = (dimension: Dimension, key: string, label: Label) =>
    rowOf(key, label, tallies[dimension].get(key) ?? newTally())

  const counted = { seekers: countedSeekers, openings: countedOpenings, positions: countedPositions }
  const groups = level === "major" ? Codes.occupationGroups.major : Codes.occupationGroups.middle
  return {
    counted,
    leftOut: { erasedSeekers, openingsNotOpen, openingsOutOfDate },
    occupation: breakdown(
      "occupation",
      groups.map(([key, label]) => row("occupation", key, label)),
      counted,
      highlights
    ),
    education: breakdown(
      "education",
      educationCodes.map((code) => row("education", code, both((language) => Codes.educationLabel(code, language)))),
      counted,
      highlights
    ),
    wageBand: breakdown(
      "wageBand",
      [...bands.map((band) => row("wageBand", band.key, band.label)), row("wageBand", noWageKey, noWageLabel)],
      counted,
      highlights
    ),
    region: breakdown(
      "region",
      [...tallies.region.keys()]
        .map((key) => row("region", key, both((language) => Codes.regionName(key as RegionCode, language))))
        .sort(byKey),
      counted,
      highlights
    )
  }
}

/**
 * The label of an occupation group key at either level, or `undefined`.
 *
 * @since 0.1.0
 * @category keys
 */
export const occupationGroupLabel = (key: string): Label | undefined =>
  key.length === 1 ? majorLabels.get(key) : middleLabels.get(key)

const count = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 })

/**
 * A row as the sentence a counselor reads: "미용·여행·숙박·음식·경비·청소직:
 * 구직자 1,200명, 구인 80명" or "Beauty, travel, lodging, food, security and
 * cleaning: 1,200 seekers for 80 positions". Fractional seekers show one
 * decimal.
 *
 * @since 0.1.0
 * @category formatting
 */
export const describeRow = (row: Row, language: Language = "ko"): string =>
  language === "ko"
    ? `${row.label.ko}: 구직자 ${count(row.seekers)}명, 구인 ${count(row.positions)}명`
    : `${row.label.en}: ${count(row.seekers)} ${row.seekers === 1 ? "seeker" : "seekers"} for ${count(row.positions)} ${
      row.positions === 1 ? "position" : "positions"
    }`
