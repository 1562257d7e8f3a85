/**
 * A signed-in staff member as the access use cases take them: the actor of
 * the access log, with their role, which those use cases check against the
 * permission matrix themselves (least privilege holds in core, whatever the
 * server in front of it does).
 *
 * @example
 * ```ts
 * import { Staff } from "@iljari/core"
 *
 * declare const staff: Staff.Staff
 * // Fails with NotPermitted (in Korean and English) unless the role allows it.
 * const mayManage = Staff.require(staff, "accounts.manage")
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { Effect, Schema } from "effect"
import type { Actor } from "../kernel/UseCase.js"
import { type Permission, permissionLabel, type Role, scopeOf } from "./Roles.js"

/**
 * @since 0.3.0
 * @category models
 */
export interface Staff extends Actor {
  readonly role: Role
}

/**
 * A staff member's role does not allow what they asked.
 *
 * @since 0.3.0
 * @category errors
 */
export class NotPermitted extends Schema.TaggedError<NotPermitted>()("NotPermitted", {
  permission: Schema.String,
  message: Schema.String
}) {
  static of(permission: Permission) {
    return new NotPermitted({
      permission,
      message: `Your role does not allow this: ${permissionLabel(permission, "en")} (권한이 없습니다: ${permissionLabel(permission, "ko")})`
    })
  }
}

/**
 * Succeeds when the staff member's role has the permission in their district.
 *
 * @since 0.3.0
 * @category permissions
 */
export const require = (staff: Staff, permission: Permission): Effect.Effect<void, NotPermitted> =>
  scopeOf(staff.role, permission) === "district" || scopeOf(staff.role, permission) === "own"
    ? Effect.void
    : Effect.fail(NotPermitted.of(permission))
