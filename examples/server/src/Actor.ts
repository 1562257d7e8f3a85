/**
 * The acting staff member of a request, as the core use cases take it, with
 * where the request came from (for the access log).
 */
import { HttpServerRequest } from "@effect/platform"
import type { JobCenter, Staff } from "@iljari/core"
import { Effect, Option } from "effect"
import { CurrentUser, Forbidden } from "./Api.js"

export const actor = Effect.gen(function*() {
  const user = yield* CurrentUser
  const request = yield* HttpServerRequest.HttpServerRequest
  return {
    districtId: user.districtId,
    counselorId: user.counselorId,
    ...Option.match(request.remoteAddress, { onNone: () => ({}), onSome: (origin) => ({ origin }) })
  } satisfies JobCenter.Actor
})

/** Fails with 403 unless the user is a manager or an administrator. */
export const managerOnly = Effect.flatMap(CurrentUser, (user) =>
  user.role === "counselor" ? Effect.fail(new Forbidden({ message: "Managers and administrators only" })) : Effect.void)

/** Fails with 403 unless the user is an administrator. */
export const adminOnly = Effect.flatMap(CurrentUser, (user) =>
  user.role === "admin" ? Effect.void : Effect.fail(new Forbidden({ message: "Administrators only" })))

/**
 * The caller as the access use cases take them: a signed-in staff member
 * with their role. An API token manages nothing.
 */
export const staff = Effect.gen(function*() {
  const user = yield* CurrentUser
  if (user.role === "integration") return yield* new Forbidden({ message: "An API token cannot do this; sign in as a staff member" })
  return { ...(yield* actor), role: user.role } satisfies Staff.Staff
})
