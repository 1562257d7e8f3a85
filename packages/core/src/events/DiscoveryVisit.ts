/**
 * Employer-discovery visits (찾아가는 일자리발굴단): teams of counselors visit
 * knowledge-industry centers (지식산업센터) floor by floor, and large
 * retailers, to find openings. The seeds' 2016 plan: 30 centers, 200
 * openings (employers hiring) and 270 positions, up from 13 centers, 88 and
 * 122 in 2015.
 *
 * A {@link Visit} is one visit to a building or an employer, with what it
 * found per company; {@link progress} tracks a year's visits against a
 * {@link Plan}, with the share reached, the share of the year gone and the
 * share of the operating season gone, so a manager sees early whether the
 * plan is on pace.
 *
 * The months the visits run and how many visits a month are data in the
 * plan: the seed's run January to November, twice a month
 * ({@link seedPlan2016}); {@link operatesIn} and {@link plannedVisits} read
 * any month from a plan.
 *
 * @example
 * ```ts
 * import { DiscoveryVisit, LocalDate } from "@iljari/core"
 *
 * declare const visits: ReadonlyArray<DiscoveryVisit.Visit>
 * const plan: DiscoveryVisit.Plan = { year: 2026, buildings: 30, openings: 200, positions: 270, months: [3, 4, 5, 6, 7, 8, 9, 10] }
 * const progress = DiscoveryVisit.progress(plan, visits, LocalDate.make(2026, 6, 30))
 * progress.seasonElapsed // 0.5: half the operating days (March to October) are gone
 * ```
 *
 * @since 0.1.0
 * @module
 * @category events
 */
import { Context, Schema } from "effect"
import { CounselorId, DistrictId, EmployerId, OpeningId } from "../kernel/Ids.js"
import { distinctList } from "../kernel/Lists.js"
import * as LocalDateModule from "../kernel/LocalDate.js"
import { LocalDate } from "../kernel/LocalDate.js"
import { Label, Note } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import * as Memory from "../kernel/Memory.js"
import type { Store } from "../kernel/Store.js"
import { monthOfYear, OperatingMonths, range } from "./internal/operatingMonths.js"

/**
 * What one company visited had to offer.
 *
 * @since 0.1.0
 * @category models
 */
export const Finding = Schema.Struct({
  company: Label,
  /** Set once the company is registered as an employer. */
  employerId: Schema.optionalWith(EmployerId, { exact: true }),
  /** Openings registered from the visit. */
  openingIds: distinctList(OpeningId, { max: 100 }),
  positions: Schema.Int.pipe(Schema.between(0, 10_000, { message: () => "must be a whole number of positions from 0" }))
}).annotations({ identifier: "DiscoveryFinding" })
/** @since 0.1.0 @category models */
export type Finding = typeof Finding.Type

/**
 * One visit: to a building (a knowledge-industry center and its tenants) or
 * to a single employer.
 *
 * @since 0.1.0
 * @category models
 */
export class Visit extends Schema.Class<Visit>("DiscoveryVisit")({
  id: Label,
  districtId: DistrictId,
  visitedOn: LocalDate,
  counselorIds: distinctList(CounselorId, { min: 1, max: 10 }),
  target: Schema.Literal("building", "employer"),
  /** The building's or the employer's name; visits to the same building count it once. */
  name: Label,
  tenantsVisited: Schema.Int.pipe(Schema.between(0, 1000)),
  findings: Schema.Array(Finding),
  notes: Schema.optionalWith(Note, { exact: true })
}) {}

/** @since 0.1.0 @category decoding */
export const decodeVisit = Validation.decodeEither(Visit)

const Count = Schema.Int.pipe(Schema.between(0, 1_000_000, { message: () => "must be a whole number from 0" }))

/**
 * A year's targets — buildings, openings and positions — and, optionally,
 * the months the visits run (1–12, none twice; the whole year when absent)
 * and the visits planned in each of those months. Decode a district's own
 * with {@link decodePlan}.
 *
 * @since 0.1.0
 * @category models
 */
export const Plan = Schema.Struct({
  year: Schema.Int.pipe(Schema.between(1900, 2199, { message: () => "must be a year from 1900 to 2199" })),
  buildings: Count,
  openings: Count,
  positions: Count,
  /** The months the visits run; every month when absent. */
  months: Schema.optionalWith(OperatingMonths, { exact: true }),
  /** The visits planned in each month the visits run. */
  visitsPerMonth: Schema.optionalWith(Count, { exact: true })
}).annotations({ identifier: "DiscoveryPlan" })
/** @since 0.1.0 @category models */
export type Plan = typeof Plan.Type

/**
 * Decodes a year's plan (a district's settings), naming every broken field.
 *
 * @since 0.4.0
 * @category decoding
 */
export const decodePlan = Validation.decodeEither(Plan)

/**
 * The seeds' plan for 2016 (성동구, "지식산업센터로 '찾아가는 일자리발굴단'
 * 운영 확대"): "'16년 30개 센터(구인업체 200건, 구인인원 270명) 발굴 예정" —
 * 30 centers, 200 openings, 270 positions — and "운영기간: 2016. 1. ~ 11.",
 * January to November, "월 1회 → 월 2회", twice a month.
 *
 * Until 0.4.0 it held the targets only, and the pace was read against the
 * whole year.
 *
 * @since 0.1.0
 * @category models
 */
export const seedPlan2016: Plan = Schema.decodeSync(Plan)({
  year: 2016,
  buildings: 30,
  openings: 200,
  positions: 270,
  months: range(1, 11),
  visitsPerMonth: 2
})

/**
 * Whether the visits run in `month` (`YYYY-MM`, or a date in it) under
 * `plan`: a month of the plan's year that the plan lists (every month of
 * the year when it lists none).
 *
 * @since 0.4.0
 * @category models
 */
export const operatesIn = (plan: Plan, month: string): boolean =>
  month.startsWith(`${plan.year}-`) && (plan.months === undefined || plan.months.includes(monthOfYear(month)))

/**
 * The visits planned in `month` (`YYYY-MM`): the plan's visits a month when
 * the visits run then, 0 otherwise (and when the plan sets no monthly
 * number).
 *
 * @since 0.4.0
 * @category models
 */
export const plannedVisits = (plan: Plan, month: string): number =>
  operatesIn(plan, month) ? plan.visitsPerMonth ?? 0 : 0

/**
 * A year's visits up to `asOf` against the plan.
 *
 * @since 0.1.0
 * @category figures
 */
export interface Progress {
  readonly asOf: LocalDate
  readonly visits: number
  /** Distinct buildings visited. */
  readonly buildings: number
  readonly openings: number
  readonly positions: number
  /** Each figure over its target (1 = reached). */
  readonly reached: { readonly buildings: number; readonly openings: number; readonly positions: number }
  /** The share of the year gone by `asOf`, for comparing with `reached`. */
  readonly yearElapsed: number
  /**
   * The share of the operating season's days (the plan's months) gone by
   * `asOf`: the pace to compare `reached` with when the visits do not run
   * all year. Equal to `yearElapsed` for a plan without months.
   *
   * @since 0.4.0
   */
  readonly seasonElapsed: number
  /**
   * The visits planned in the operating months up to and including
   * `asOf`'s, to compare with `visits`; 0 when the plan sets no monthly
   * number.
   *
   * @since 0.4.0
   */
  readonly visitsPlanned: number
}

/**
 * Counts the visits of the plan's year made on or before `asOf`. An opening
 * found twice (two visits to one company) counts once.
 *
 * @since 0.1.0
 * @category figures
 */
export const progress = (plan: Plan, visits: ReadonlyArray<Visit>, asOf: LocalDate): Progress => {
  const year = String(plan.year)
  const counted = visits.filter((v) => v.visitedOn.startsWith(year) && v.visitedOn <= asOf)
  const buildings = new Set(counted.filter((v) => v.target === "building").map((v) => v.name)).size
  const openings = new Set(counted.flatMap((v) => v.findings.flatMap((f) => f.openingIds))).size
  const positions = counted.reduce((a, v) => a + v.findings.reduce((b, f) => b + f.positions, 0), 0)
  const start = LocalDateModule.make(plan.year, 1, 1)
  const days = LocalDateModule.daysBetween(start, LocalDateModule.make(plan.year + 1, 1, 1))
  const elapsed = Math.min(1, Math.max(0, (LocalDateModule.daysBetween(start, asOf) + 1) / days))
  // Days of the operating months, in all and up to asOf.
  let seasonDays = 0
  let seasonGone = 0
  let visitsPlanned = 0
  for (let month = 1; month <= 12; month++) {
    const first = LocalDateModule.make(plan.year, month, 1)
    if (!operatesIn(plan, first)) continue
    const last = LocalDateModule.endOfMonth(first)
    seasonDays += LocalDateModule.daysBetween(first, last) + 1
    if (asOf >= first) {
      seasonGone += LocalDateModule.daysBetween(first, LocalDateModule.min(asOf, last)) + 1
      visitsPlanned += plannedVisits(plan, first)
    }
  }
  const share = (value: number, target: number) => (target === 0 ? 1 : value / target)
  return {
    asOf,
    visits: counted.length,
    buildings,
    openings,
    positions,
    reached: {
      buildings: share(buildings, plan.buildings),
      openings: share(openings, plan.openings),
      positions: share(positions, plan.positions)
    },
    yearElapsed: elapsed,
    seasonElapsed: seasonDays === 0 ? 0 : seasonGone / seasonDays,
    visitsPlanned
  }
}

/**
 * Employer-discovery visits (see `DiscoveryVisit`).
 *
 * @since 0.1.0
 * @category ports
 */
export class DiscoveryVisitRepository extends Context.Tag("@iljari/core/DiscoveryVisitRepository")<DiscoveryVisitRepository, Store<Visit, string>>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<Visit, string>(db, "discovery visit"))
}
