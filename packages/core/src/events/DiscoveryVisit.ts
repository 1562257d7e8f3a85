/**
 * Employer-discovery visits (찾아가는 일자리발굴단): teams of counselors visit
 * knowledge-industry centers (지식산업센터) floor by floor, and large
 * retailers, to find openings. The seeds' 2016 plan: 30 centers, 200
 * openings (employers hiring) and 270 positions, up from 13 centers, 88 and
 * 122 in 2015.
 *
 * A {@link Visit} is one visit to a building or an employer, with what it
 * found per company; {@link progress} tracks a year's visits against a
 * {@link Plan}, with the share reached and the share of the year gone, so a
 * manager sees early whether the plan is on pace.
 *
 * @example
 * ```ts
 * import { DiscoveryVisit, LocalDate } from "@iljari/core"
 *
 * declare const visits: ReadonlyArray<DiscoveryVisit.Visit>
 * const plan: DiscoveryVisit.Plan = { year: 2026, buildings: 30, openings: 200, positions: 270 }
 * const progress = DiscoveryVisit.progress(plan, visits, LocalDate.make(2026, 6, 30))
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

/**
 * A year's targets.
 *
 * @since 0.1.0
 * @category models
 */
export interface Plan {
  readonly year: number
  readonly buildings: number
  readonly openings: number
  readonly positions: number
}

/** The seeds' plan for 2016: 30 centers, 200 openings, 270 positions. @since 0.1.0 @category models */
export const seedPlan2016: Plan = { year: 2016, buildings: 30, openings: 200, positions: 270 }

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
    yearElapsed: elapsed
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
