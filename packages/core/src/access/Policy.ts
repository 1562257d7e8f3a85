/**
 * The sign-in policy of a deployment (접근통제 설정): how many failed sign-ins
 * lock an account and for how long, when an idle or old session ends, which
 * passwords count as common, and who needs a second factor. The defaults are
 * the personal-information safety standard's (개인정보의 안전성 확보조치 기준
 * 제5조·제6조 and its guide).
 *
 * @example
 * ```ts
 * import { Policy } from "@iljari/core"
 * import { Layer } from "effect"
 *
 * // The sign-in policy: the defaults, or your district's settings.
 * const SignInPolicy = Layer.succeed(Policy.Policy, { ...Policy.defaults, idleMinutes: 20 })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { Context } from "effect"
import type { DistrictId } from "../kernel/Ids.js"
import { isBuiltInCommon } from "./Password.js"
import type { Role } from "./Roles.js"

/**
 * @since 0.3.0
 * @category policy
 */
export interface Settings {
  /** Failed sign-ins in a row that lock an account (the standard's guide: 5). */
  readonly maxFailedSignIns: number
  /** How long a lock lasts before the account may sign in again. */
  readonly lockMinutes: number
  /** A session unused this long ends (the standard's guide: 30 minutes). */
  readonly idleMinutes: number
  /** A session ends this long after sign-in, however busy. */
  readonly sessionHours: number
  /** Whether a password is on the deployment's list of common passwords. */
  readonly isCommonPassword: (password: string) => boolean
  /** Districts whose staff always need a second factor. */
  readonly secondFactorDistricts: ReadonlyArray<DistrictId>
  /** Roles that always need a second factor. */
  readonly secondFactorRoles: ReadonlyArray<Role>
}

/**
 * The policy in force: {@link defaults} unless a layer provides another.
 *
 * @since 0.3.0
 * @category policy
 */
export class Policy extends Context.Reference<Policy>()("@iljari/core/access/Policy", {
  defaultValue: (): Settings => defaults
}) {}

/**
 * @since 0.3.0
 * @category policy
 */
export const defaults: Settings = {
  maxFailedSignIns: 5,
  lockMinutes: 30,
  idleMinutes: 30,
  sessionHours: 12,
  isCommonPassword: isBuiltInCommon,
  secondFactorDistricts: [],
  secondFactorRoles: []
}
