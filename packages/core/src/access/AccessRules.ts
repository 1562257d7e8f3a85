/**
 * A district's own access rules (접근통제 설정), set by its administrator:
 * which roles always need a second factor, on top of the deployment's
 * policy (`Policy`) and of everyone outside the office networks.
 *
 * @example
 * ```ts
 * import { AccessRules, Staff } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const admin: Staff.Staff
 * const requireTotpForManagers = Effect.gen(function*() {
 *   const current = yield* AccessRules.get(admin)
 *   return yield* AccessRules.set(admin, { secondFactorRoles: [...current.secondFactorRoles, "manager"] })
 * })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { Context, Effect, Option, Schema } from "effect"
import type { DuplicateId, NotFound, PersistenceError, StaleVersion } from "../kernel/Errors.js"
import { CounselorId, DistrictId } from "../kernel/Ids.js"
import * as Memory from "../kernel/Memory.js"
import type { Versioned } from "../kernel/Store.js"
import { inTransaction, logAccess, now } from "../kernel/UseCase.js"
import { Role } from "./Roles.js"
import { require, type Staff } from "./Staff.js"

/**
 * @since 0.3.0
 * @category models
 */
export class Rules extends Schema.Class<Rules>("AccessRules")({
  /** One record per district, under this id. */
  id: Schema.Literal("access"),
  districtId: DistrictId,
  /** Roles whose every sign-in needs a second factor. */
  secondFactorRoles: Schema.Array(Role),
  changedAt: Schema.DateTimeUtc,
  changedBy: CounselorId
}) {}

/**
 * The districts' access rules.
 *
 * @since 0.3.0
 * @category ports
 */
export class AccessRulesRepository extends Context.Tag("@iljari/core/AccessRulesRepository")<AccessRulesRepository, {
  readonly get: (districtId: DistrictId, id: "access") => Effect.Effect<Versioned<Rules>, NotFound | PersistenceError>
  readonly insert: (rules: Rules) => Effect.Effect<Versioned<Rules>, DuplicateId | PersistenceError>
  readonly update: (rules: Rules, expectedVersion: number) => Effect.Effect<Versioned<Rules>, NotFound | StaleVersion | PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const { get, insert, update } = Memory.store<Rules, "access">(db, "access-rules")
    return { get, insert, update }
  })
}

/**
 * A district's rules, or none set yet.
 *
 * @example
 * ```ts
 * import { AccessRules, Ids } from "@iljari/core"
 *
 * const rules = AccessRules.of(Ids.DistrictId.make("11200")) // Option.none() until an administrator sets them
 * ```
 *
 * @since 0.3.0
 * @category rules
 */
export const of = (districtId: DistrictId) =>
  Effect.flatMap(AccessRulesRepository, (repo) =>
    repo.get(districtId, "access").pipe(
      Effect.map(Option.some),
      Effect.catchTag("NotFound", () => Effect.succeed(Option.none<Versioned<Rules>>()))
    ))

/**
 * What an administrator may change.
 *
 * @since 0.3.0
 * @category requests
 */
export const RulesRequest = Schema.Struct({
  secondFactorRoles: Schema.Array(Role)
}).annotations({ identifier: "AccessRulesRequest" })

/**
 * Sets the district's rules (the administrator's own district), logged as a
 * change of access rights.
 *
 * @example
 * ```ts
 * import { AccessRules, Staff } from "@iljari/core"
 *
 * declare const admin: Staff.Staff
 * // Managers and administrators need a second factor (TOTP) to sign in, logged as a change of rights.
 * const changed = AccessRules.set(admin, { secondFactorRoles: ["manager", "admin"] })
 * ```
 *
 * @since 0.3.0
 * @category rules
 */
export const set = (staff: Staff, request: typeof RulesRequest.Type) =>
  Effect.gen(function*() {
    yield* require(staff, "settings.manage")
    return yield* inTransaction(Effect.gen(function*() {
      const repo = yield* AccessRulesRepository
      const current = yield* of(staff.districtId)
      const rules = new Rules({
        id: "access",
        districtId: staff.districtId,
        secondFactorRoles: [...new Set(request.secondFactorRoles)],
        changedAt: yield* now,
        changedBy: staff.counselorId
      })
      const saved = Option.isNone(current) ? yield* repo.insert(rules) : yield* repo.update(rules, current.value.version)
      yield* logAccess(staff, "rights-change", "account", staff.counselorId, `settings.second-factor.${rules.secondFactorRoles.join("+") || "none"}`)
      return saved.value
    }))
  })

/**
 * The district's rules as its administrator reads them (none set: no role
 * beyond the policy's).
 *
 * @example
 * ```ts
 * import { AccessRules, Staff } from "@iljari/core"
 *
 * declare const admin: Staff.Staff
 * const current = AccessRules.get(admin)
 * ```
 *
 * @since 0.3.0
 * @category rules
 */
export const get = (staff: Staff) =>
  Effect.gen(function*() {
    yield* require(staff, "settings.manage")
    return Option.match(yield* of(staff.districtId), { onNone: () => ({ secondFactorRoles: [] as ReadonlyArray<Role> }), onSome: (r) => r.value })
  })
