/**
 * Outreach counseling (찾아가는 일자리상담실): counselors set up at subway
 * stations, shelters, libraries and community centers, counsel passers-by
 * and register seekers on the spot. The seeds' plan for 2016 grows it from
 * twice to six times a month — four stations, one shelter (for homeless
 * people seeking a restart), one library — from February to November.
 *
 * A {@link Session} records where and when, who staffed it, how many people
 * were counselled, and the counseling records and registrations it produced
 * (by id, so they are counted once and traced back). {@link progress}
 * compares a month's sessions with its {@link MonthlyPlan}.
 *
 * The months the outreach runs and its sessions a month are data, an
 * {@link OperatingPlan}: {@link seedOperatingPlan} carries the seed's
 * (February to November, six sessions a month) and {@link planFor} gives
 * any month's plan from it — none in a month the outreach does not run.
 *
 * @example
 * ```ts
 * import { Outreach } from "@iljari/core"
 *
 * declare const sessions: ReadonlyArray<Outreach.Session>
 * const may = Outreach.progress(Outreach.seedPlan("2026-05"), sessions)
 * // A district that runs it all year, with two library sessions.
 * const allYear = Outreach.decodeOperatingPlan({
 *   months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
 *   sessions: [{ site: "subway-station", count: 4 }, { site: "library", count: 2 }]
 * })
 * ```
 *
 * @since 0.1.0
 * @module
 * @category events
 */
import { Context, Schema } from "effect"
import { CounselingId, CounselorId, DistrictId, SeekerId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import { distinctList } from "../kernel/Lists.js"
import { LocalDate } from "../kernel/LocalDate.js"
import { Label, Note } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import * as Memory from "../kernel/Memory.js"
import type { Store } from "../kernel/Store.js"
import { monthOfYear, OperatingMonths, range } from "./internal/operatingMonths.js"

const siteKinds = codeSet("OutreachSite", [
  ["subway-station", { ko: "지하철역사", en: "Subway station" }],
  ["shelter", { ko: "노숙인 쉼터", en: "Homeless shelter" }],
  ["library", { ko: "도서관", en: "Library" }],
  ["community-center", { ko: "주민센터", en: "Community center" }],
  ["market", { ko: "전통시장·대형유통업체", en: "Market or large retailer" }],
  ["other", { ko: "기타", en: "Other" }]
])

/** @since 0.1.0 @category codes */
export const SiteKind = siteKinds.schema
/** @since 0.1.0 @category codes */
export type SiteKind = typeof SiteKind.Type
/** @since 0.1.0 @category codes */
export const siteKindLabel = siteKinds.label

/**
 * One outreach session.
 *
 * @since 0.1.0
 * @category models
 */
export class Session extends Schema.Class<Session>("OutreachSession")({
  id: Label,
  districtId: DistrictId,
  heldOn: LocalDate,
  site: SiteKind,
  siteName: Label,
  counselorIds: distinctList(CounselorId, { min: 1, max: 10 }),
  /** Everyone counselled, registered or not. */
  counselled: Schema.Int.pipe(Schema.between(0, 10_000, { message: () => "must be a whole number of people from 0" })),
  /** Counseling records written for the session. */
  counselingIds: distinctList(CounselingId, { max: 10_000 }),
  /** Seekers registered on the spot (registration channel "outreach"). */
  registeredSeekerIds: distinctList(SeekerId, { max: 10_000 }),
  notes: Schema.optionalWith(Note, { exact: true })
}) {}

/** @since 0.1.0 @category decoding */
export const decodeSession = Validation.decodeEither(Session)

const SessionCounts = Schema.Array(Schema.Struct({ site: SiteKind, count: Schema.Int.pipe(Schema.between(0, 100)) }))

/**
 * How many sessions of each kind of site a month should have.
 *
 * @since 0.1.0
 * @category models
 */
export class MonthlyPlan extends Schema.Class<MonthlyPlan>("OutreachMonthlyPlan")({
  month: Schema.String.pipe(Schema.pattern(/^\d{4}-(0[1-9]|1[0-2])$/, { message: () => "must be a month written YYYY-MM" })),
  sessions: SessionCounts
}) {}

/**
 * How the outreach runs through the year: the months it operates (1–12,
 * none twice) and the sessions each of those months should have, by kind
 * of site. Decode a district's own with {@link decodeOperatingPlan}.
 *
 * @since 0.4.0
 * @category models
 */
export const OperatingPlan = Schema.Struct({
  months: OperatingMonths,
  sessions: SessionCounts
}).annotations({ identifier: "OutreachOperatingPlan" })
/** @since 0.4.0 @category models */
export type OperatingPlan = typeof OperatingPlan.Type

/**
 * Decodes an operating plan (a district's settings), naming every broken
 * field.
 *
 * @since 0.4.0
 * @category decoding
 */
export const decodeOperatingPlan = Validation.decodeEither(OperatingPlan)

/**
 * The seed's operating plan (성동구 2016, "찾아가는 일자리상담실 운영
 * 내실화"): "운영기간: 2016. 2. ~ 11. (월 6회)" — February to November, six
 * times a month — "지하철역사(월 4회), 노숙인 쉼터(월 1회), 도서관(월 1회)":
 * four subway stations, one homeless shelter, one library.
 *
 * @since 0.4.0
 * @category models
 */
export const seedOperatingPlan: OperatingPlan = Schema.decodeSync(OperatingPlan)({
  months: range(2, 11),
  sessions: [{ site: "subway-station", count: 4 }, { site: "shelter", count: 1 }, { site: "library", count: 1 }]
})

/**
 * Whether the outreach runs in `month` (`YYYY-MM`) under `plan`.
 *
 * @since 0.4.0
 * @category models
 */
export const operatesIn = (plan: OperatingPlan, month: string): boolean => plan.months.includes(monthOfYear(month))

/**
 * The plan for `month` (`YYYY-MM`): the operating plan's sessions in a month
 * it runs, none in another.
 *
 * @since 0.4.0
 * @category models
 */
export const planFor = (plan: OperatingPlan, month: string): MonthlyPlan =>
  new MonthlyPlan({ month, sessions: operatesIn(plan, month) ? plan.sessions : [] })

/**
 * The seeds' 2016 plan for a month ({@link seedOperatingPlan}): four subway
 * stations, one shelter and one library from February to November; no
 * session in January or December.
 *
 * Until 0.4.0 every month had the six sessions, January and December too.
 *
 * @since 0.1.0
 * @category models
 */
export const seedPlan = (month: string): MonthlyPlan => planFor(seedOperatingPlan, month)

/**
 * A month's sessions against its plan: per kind of site, planned and held;
 * in total, people counselled, counseling records and registrations.
 *
 * @since 0.1.0
 * @category figures
 */
export interface Progress {
  readonly month: string
  readonly bySite: ReadonlyArray<{ readonly site: SiteKind; readonly planned: number; readonly held: number; readonly shortfall: number }>
  readonly planned: number
  readonly held: number
  readonly counselled: number
  readonly counseling: number
  readonly registrations: number
  readonly met: boolean
}

/**
 * Compares the sessions held in the plan's month with the plan. A session at
 * a kind of site the plan does not name counts as held but does not make up
 * for another kind's shortfall.
 *
 * @since 0.1.0
 * @category figures
 */
export const progress = (plan: MonthlyPlan, sessions: ReadonlyArray<Session>): Progress => {
  const held = sessions.filter((s) => s.heldOn.startsWith(plan.month))
  const planned = new Map(plan.sessions.map((p) => [p.site, p.count]))
  const sites = siteKinds.codes.filter((site) => planned.has(site) || held.some((s) => s.site === site))
  const bySite = sites.map((site) => {
    const want = planned.get(site) ?? 0
    const got = held.filter((s) => s.site === site).length
    return { site, planned: want, held: got, shortfall: Math.max(0, want - got) }
  })
  return {
    month: plan.month,
    bySite,
    planned: [...planned.values()].reduce((a, b) => a + b, 0),
    held: held.length,
    counselled: held.reduce((a, s) => a + s.counselled, 0),
    counseling: new Set(held.flatMap((s) => s.counselingIds)).size,
    registrations: new Set(held.flatMap((s) => s.registeredSeekerIds)).size,
    met: bySite.every((row) => row.shortfall === 0)
  }
}

/**
 * Outreach sessions (see `Outreach`).
 *
 * @since 0.1.0
 * @category ports
 */
export class OutreachSessionRepository extends Context.Tag("@iljari/core/OutreachSessionRepository")<OutreachSessionRepository, Store<Session, string>>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<Session, string>(db, "outreach session"))
}
