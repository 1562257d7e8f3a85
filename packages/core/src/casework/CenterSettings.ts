/**
 * A district's own settings of its casework (센터 설정), set by its
 * administrator and kept with every change audited: the follow-up policy
 * (how many months a placed seeker is phoned, and how often), the growth
 * over last year's results a plan of targets assumes, and the center's own
 * closure days (구청 개청기념일) on top of the national holidays. Until set,
 * the deployment's `JobCenter.Config` applies.
 *
 * A placement's follow-up checks are scheduled when it is recorded, by the
 * settings of that day: a changed policy applies to placements recorded
 * after the change, and the checks already scheduled stay as they were.
 *
 * @example
 * ```ts
 * import { CenterSettings, JobCenter } from "@iljari/core"
 *
 * declare const admin: JobCenter.Actor // an administrator: the caller checked settings.manage
 * // Six monthly calls after a placement from now on, plans at +7%, and the district's own closure day.
 * const changed = CenterSettings.set(admin, {
 *   followUpPolicy: { months: 6, intervalMonths: 1 },
 *   growthPercent: 7,
 *   closures: [{ on: "2026-10-15", name: "구청 개청기념일" }]
 * })
 * ```
 *
 * @since 0.4.0
 * @module
 * @category casework
 */
import { Context, Effect, Either, Option, Schema } from "effect"
import * as BusinessCalendar from "../kernel/BusinessCalendar.js"
import type { DuplicateId, NotFound, PersistenceError, StaleVersion } from "../kernel/Errors.js"
import { CounselorId, DistrictId } from "../kernel/Ids.js"
import { LocalDate } from "../kernel/LocalDate.js"
import * as Memory from "../kernel/Memory.js"
import type { Versioned } from "../kernel/Store.js"
import { Label } from "../kernel/Text.js"
import { type Actor, fieldsOf, inTransaction, invalid, logAccess, now } from "../kernel/UseCase.js"
import * as Validation from "../kernel/Validation.js"
import * as FollowUp from "./FollowUp.js"

/**
 * Growth over last year's results in percent (`Targets.GrowthPercent`'s
 * rule: at least −100).
 *
 * @since 0.4.0
 * @category schemas
 */
export const GrowthPercent = Schema.Number.pipe(
  Schema.filter((n) =>
    Number.isFinite(n) && n >= -100 && n <= 1000 ||
    `must be a growth in percent of at least -100 (a target cannot fall below zero) and at most 1000, e.g. 5 for +5%; got ${n}`
  )
).annotations({
  identifier: "SettingsGrowthPercent",
  // Tenths of a percent, never -0 (which JSON keeps as 0).
  arbitrary: () => (fc) => fc.integer({ min: -1000, max: 10_000 }).map((n) => (n === 0 ? 0 : n / 10))
})

/**
 * A day the center is closed besides the national holidays.
 *
 * @since 0.4.0
 * @category models
 */
export const Closure = Schema.Struct({ on: LocalDate, name: Label }).annotations({ identifier: "Closure" })
/** @since 0.4.0 @category models */
export type Closure = typeof Closure.Type

/**
 * The settings as kept: one record per district.
 *
 * @since 0.4.0
 * @category models
 */
export class Settings extends Schema.Class<Settings>("CenterSettings")({
  id: Schema.Literal("settings"),
  districtId: DistrictId,
  followUpPolicy: FollowUp.Policy,
  growthPercent: GrowthPercent,
  closures: Schema.Array(Closure),
  changedAt: Schema.DateTimeUtc,
  changedBy: CounselorId
}) {}

/**
 * The districts' settings.
 *
 * @since 0.4.0
 * @category ports
 */
export class CenterSettingsRepository extends Context.Tag("@iljari/core/CenterSettingsRepository")<CenterSettingsRepository, {
  readonly get: (districtId: DistrictId, id: "settings") => Effect.Effect<Versioned<Settings>, NotFound | PersistenceError>
  readonly insert: (settings: Settings) => Effect.Effect<Versioned<Settings>, DuplicateId | PersistenceError>
  readonly update: (settings: Settings, expectedVersion: number) => Effect.Effect<Versioned<Settings>, NotFound | StaleVersion | PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const { get, insert, update } = Memory.store<Settings, "settings">(db, "center settings")
    return { get, insert, update }
  })
}

/**
 * The growth a plan assumes until a district sets its own, in percent.
 *
 * @since 0.4.0
 * @category defaults
 */
export const defaultGrowthPercent = 5

/**
 * A district's settings as kept, or none set yet.
 *
 * @example
 * ```ts
 * import { CenterSettings, Ids } from "@iljari/core"
 *
 * const kept = CenterSettings.of(Ids.DistrictId.make("11200")) // Option.none() until an administrator sets them
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const of = (districtId: DistrictId) =>
  Effect.flatMap(CenterSettingsRepository, (repo) =>
    repo.get(districtId, "settings").pipe(
      Effect.map(Option.some),
      Effect.catchTag("NotFound", () => Effect.succeed(Option.none<Versioned<Settings>>()))
    ))

/**
 * What the use cases work by in a district: its follow-up policy and
 * calendar (the deployment's, with the district's closures added) and the
 * growth its plans assume.
 *
 * @since 0.4.0
 * @category models
 */
export interface Effective {
  readonly followUpPolicy: FollowUp.Policy
  readonly calendar: BusinessCalendar.BusinessCalendar
  readonly growthPercent: number
}

/**
 * The settings a district works by: its own where set, else `defaults` (the
 * deployment's `JobCenter.Config`).
 *
 * @example
 * ```ts
 * import { BusinessCalendar, CenterSettings, FollowUp, Ids } from "@iljari/core"
 *
 * const inForce = CenterSettings.effective(Ids.DistrictId.make("11200"), {
 *   followUpPolicy: FollowUp.threeMonthly,
 *   calendar: BusinessCalendar.korea
 * })
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const effective = (
  districtId: DistrictId,
  defaults: { readonly followUpPolicy: FollowUp.Policy; readonly calendar: BusinessCalendar.BusinessCalendar }
) =>
  Effect.map(of(districtId), (kept): Effective =>
    Option.match(kept, {
      onNone: () => ({ ...defaults, growthPercent: defaultGrowthPercent }),
      onSome: ({ value }) => ({
        followUpPolicy: value.followUpPolicy,
        calendar: withClosures(defaults.calendar, value.closures),
        growthPercent: value.growthPercent
      })
    }))

// The calendar with the closures in its years as holidays (a closure outside them cannot change a due date it covers).
const withClosures = (calendar: BusinessCalendar.BusinessCalendar, closures: ReadonlyArray<Closure>) => {
  const within = closures.filter((c) => BusinessCalendar.covers(calendar, c.on))
  if (within.length === 0) return calendar
  const holidays: Record<string, Array<string>> = {}
  for (const closure of within) (holidays[closure.on] ??= []).push(closure.name)
  return Either.getOrElse(BusinessCalendar.extend(calendar, { holidays }), () => calendar)
}

/**
 * What an administrator sets.
 *
 * @since 0.4.0
 * @category models
 */
export const SettingsRequest = Schema.Struct({
  followUpPolicy: FollowUp.Policy,
  growthPercent: GrowthPercent,
  closures: Schema.Array(Closure)
}).annotations({ identifier: "CenterSettingsRequest" })
/** @since 0.4.0 @category models */
export type SettingsRequest = typeof SettingsRequest.Type

const describe = (s: Pick<Settings, "followUpPolicy" | "growthPercent" | "closures">) =>
  `followUp ${s.followUpPolicy.months}/${s.followUpPolicy.intervalMonths}, growth ${s.growthPercent}%, closures ${
    s.closures.map((c) => c.on).join(" ") || "none"
  }`

/**
 * Sets the district's settings (the administrator's own district; the
 * caller checks the role may manage settings, `settings.manage`), logged
 * with what was before and what is now. Closure days are kept in date
 * order, a day once.
 *
 * @example
 * ```ts
 * import { CenterSettings, JobCenter } from "@iljari/core"
 *
 * declare const admin: JobCenter.Actor // an administrator: the caller checked settings.manage
 * const changed = CenterSettings.set(admin, { followUpPolicy: { months: 6, intervalMonths: 2 }, growthPercent: 3, closures: [] })
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const set = (staff: Actor, input: unknown) =>
  Effect.gen(function*() {
    const request = yield* Validation.decode(SettingsRequest)(yield* fieldsOf("CenterSettings", input))
    const days = request.closures.map((c) => c.on)
    const repeated = days.findIndex((day, i) => days.indexOf(day) !== i)
    if (repeated !== -1) return yield* invalid("CenterSettings", `closures.${repeated}.on`, `repeats ${days[repeated]}, which is already listed`)
    return yield* inTransaction(Effect.gen(function*() {
      const repo = yield* CenterSettingsRepository
      const current = yield* of(staff.districtId)
      const settings = new Settings({
        id: "settings",
        districtId: staff.districtId,
        followUpPolicy: request.followUpPolicy,
        // -0 is 0: the stored JSON cannot tell them apart.
        growthPercent: request.growthPercent + 0,
        closures: [...request.closures].sort((a, b) => (a.on < b.on ? -1 : 1)),
        changedAt: yield* now,
        changedBy: staff.counselorId
      })
      const saved = Option.isNone(current) ? yield* repo.insert(settings) : yield* repo.update(settings, current.value.version)
      const before = Option.isNone(current) ? "defaults" : describe(current.value.value)
      yield* logAccess(staff, "update", "account", staff.counselorId, "settings.center", { detail: `${before} → ${describe(settings)}` })
      return saved
    }))
  })
