/**
 * Who is calling the API, and how they prove it: the caller's shape, the
 * authentication middleware's contract and its refusals.
 */
import { HttpApiMiddleware, HttpApiSchema, HttpApiSecurity, OpenApi } from "@effect/platform"
import { Ids, Roles } from "@iljari/core"
import { Context, Schema } from "effect"
import { carried, wire } from "./ApiErrors.js"

/**
 * Who is calling: a staff member signed in with a session (one district, one
 * role), or an integration with an API token (role `integration`, acting as
 * the token).
 */
export class User extends Schema.Class<User>("User")({
  name: Schema.String,
  counselorId: Ids.CounselorId,
  districtId: Ids.DistrictId,
  role: Schema.Literal(...Roles.allRoles, "integration"),
  /** What the caller may do: an API token may be read-only. */
  scope: Schema.Literal("read", "write"),
  /** The districts an analyst reads the figures of. */
  grants: Schema.Array(Ids.DistrictId)
}) {}

export class CurrentUser extends Context.Tag("CurrentUser")<CurrentUser, User>() {}

export class Unauthorized extends Schema.TaggedError<Unauthorized>()(
  "Unauthorized",
  { message: Schema.String },
  HttpApiSchema.annotations({ status: 401 })
) {}

export class Forbidden extends Schema.TaggedError<Forbidden>()(
  "Forbidden",
  { message: Schema.String },
  HttpApiSchema.annotations({ status: 403 })
) {}

/** Unauthorized as it is answered: 401 in the one error shape. */
export const UnauthorizedAnswer = wire(Unauthorized, 401, (e) => carried(e.message, "로그인하거나 유효한 API 토큰을 보내세요"))

/** Forbidden as it is answered: 403 in the one error shape. */
export const ForbiddenAnswer = wire(Forbidden, 403, (e) => carried(e.message, "권한이 없습니다"))

/** The session cookie a browser signs in with. */
export const sessionCookie = HttpApiSecurity.apiKey({ key: "iljari_session", in: "cookie" }).pipe(
  HttpApiSecurity.annotate(OpenApi.Description, "A staff member's session, set by POST /auth/sign-in; state-changing requests also send its CSRF token in X-CSRF-Token")
)

export class Authentication extends HttpApiMiddleware.Tag<Authentication>()("Authentication", {
  failure: Schema.Union(UnauthorizedAnswer, ForbiddenAnswer),
  provides: CurrentUser,
  security: {
    session: sessionCookie,
    bearer: HttpApiSecurity.bearer.pipe(
      HttpApiSecurity.annotate(OpenApi.Description, "An API token of an integration, created by the district's administrator")
    )
  }
}) {}

