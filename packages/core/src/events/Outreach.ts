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
 * @example
 * ```ts
 * import { Outreach } from "@iljari/core"
 *
 * declare const sessions: ReadonlyArray<Outreach.Session>
 * const may = Outreach.progress(Outreach.seedPlan("2026-05"), sessions)
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

/**
 * How many sessions of each kind of site a month should have.
 *
 * @since 0.1.0
 * @category models
 */
export class MonthlyPlan extends Schema.Class<MonthlyPlan>("OutreachMonthlyPlan")({
  month: Schema.String.pipe(Schema.pattern(/^\d{4}-(0[1-9]|1[0-2])$/, { message: () => "must be a month written YYYY-MM" })),
  sessions: Schema.Array(Schema.Struct({ site: SiteKind, count: Schema.Int.pipe(Schema.between(0, 100)) }))
}) {}

/**
 * The seeds' 2016 plan for a month: four subway stations, one shelter, one
 * library.
 *
 * @since 0.1.0
 * @category models
 */
export const seedPlan = (month: string): MonthlyPlan =>
  new MonthlyPlan({
    month,
    sessions: [{ site: "subway-station", count: 4 }, { site: "shelter", count: 1 }, { site: "library", count: 1 }]
  })

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
