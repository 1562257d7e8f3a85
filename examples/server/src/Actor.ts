/**
 * The acting staff member of a request, as the core use cases take it, with
 * where the request came from (for the access log).
 */
import { HttpServerRequest } from "@effect/platform"
import { type JobCenter, Roles, Staff } from "@iljari/core"
import { Effect, Option } from "effect"
import { CurrentUser, Forbidden, type User } from "./Api.js"

// Whose casework the caller may record, from the permission matrix; a write
// token records for the whole district, a read token nothing.
const caseloadOf = (user: User): "own" | "district" | "none" => {
  if (user.role === "integration") return user.scope === "write" ? "district" : "none"
  const scope = Roles.scopeOf(user.role, "casework.write")
  return scope === "own" || scope === "district" ? scope : "none"
}

export const actor = Effect.gen(function*() {
  const user = yield* CurrentUser
  const request = yield* HttpServerRequest.HttpServerRequest
  return {
    districtId: user.districtId,
    counselorId: user.counselorId,
    caseload: caseloadOf(user),
    ...Option.match(request.remoteAddress, { onNone: () => ({}), onSome: (origin) => ({ origin }) })
  } satisfies JobCenter.Actor
})

/** Fails with 403 unless the caller's role has the permission (an API token has none of these). */
export const permit = (permission: Roles.Permission) =>
  Effect.flatMap(CurrentUser, (user) =>
    user.role !== "integration" && Roles.can(user.role, permission)
      ? Effect.void
      : Effect.fail(new Forbidden({ message: Staff.NotPermitted.of(permission).message })))

/** Fails with 403 unless the caller is a manager or an administrator (another counselor's ledger or rows). */
export const managerOnly = Effect.flatMap(CurrentUser, (user) =>
  user.role === "manager" || user.role === "admin" ? Effect.void : Effect.fail(new Forbidden({ message: "Managers and administrators only (관리자만 할 수 있습니다)" })))

/**
 * The caller as the access use cases take them: a signed-in staff member
 * with their role. An API token manages nothing.
 */
export const staff = Effect.gen(function*() {
  const user = yield* CurrentUser
  if (user.role === "integration") return yield* new Forbidden({ message: "An API token cannot do this; sign in as a staff member (API 토큰으로는 할 수 없습니다. 직원 계정으로 로그인하세요)" })
  return { ...(yield* actor), role: user.role } satisfies Staff.Staff
})
