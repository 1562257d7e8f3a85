/**
 * The HTTP contract of staff access: signing in and out, the second factor,
 * single sign-on (`/auth`), and what a district's administrator manages —
 * accounts, API tokens and the review of access records.
 */
import { HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "@effect/platform"
import { AccessRules, Account, Accounts, ApiToken, Audit, Errors, Ids, LocalDate, Roles, Session, SignIn, Staff } from "@iljari/core"
import { Schema } from "effect"
import { Forbidden, Unauthorized } from "./Caller.js"

const unauthorized = { status: 401 } as const
const forbidden = { status: 403 } as const
const notFound = { status: 404 } as const
const conflict = { status: 409 } as const

const AccountView = Schema.extend(Account.View, Schema.Struct({ hasPassword: Schema.Boolean, hasSecondFactor: Schema.Boolean }))
  .annotations({ identifier: "Account" })

const SignedIn = Schema.Struct({
  account: AccountView,
  /** Send it back in X-CSRF-Token with every state-changing request. */
  csrfToken: Schema.String,
  /** `none`: signed in; `code`: send the authenticator app's code; `enrol`: enrol an app first. */
  secondFactor: Schema.Literal("none", "code", "enrol"),
  expiresAt: Schema.DateTimeUtc
}).annotations({ identifier: "SignedIn" })

const Code = Schema.Struct({ code: Schema.String.pipe(Schema.maxLength(64)) })

export class AuthApi extends HttpApiGroup.make("auth")
  .add(
    HttpApiEndpoint.post("signIn", "/auth/sign-in")
      .setPayload(Schema.Struct({ login: Schema.String.pipe(Schema.maxLength(200)), password: Schema.String.pipe(Schema.maxLength(1000)) }))
      .addSuccess(SignedIn)
      .addError(SignIn.SignInRefused, unauthorized)
      .annotate(
        OpenApi.Description,
        "Signs in with a sign-in name and a password and sets the session cookie (HttpOnly, SameSite=Lax). Five failures in a row lock the account for a while; the answer never says whether the name exists"
      )
  )
  .add(
    HttpApiEndpoint.post("secondFactor", "/auth/second-factor")
      .setPayload(Code)
      .addSuccess(Schema.Struct({ recoveryCodesLeft: Schema.Int }))
      .addError(SignIn.CodeRefused, unauthorized)
      .annotate(OpenApi.Description, "Completes a sign-in with the authenticator app's code or a recovery code (each works once)")
  )
  .add(
    HttpApiEndpoint.post("startEnrolment", "/auth/enrolment")
      .addSuccess(Schema.Struct({ uri: Schema.String, qrSvg: Schema.String }))
      .annotate(OpenApi.Description, "Starts enrolling an authenticator app: the otpauth:// URI and its QR code to scan")
  )
  .add(
    HttpApiEndpoint.post("confirmEnrolment", "/auth/enrolment/confirm")
      .setPayload(Code)
      .addSuccess(Schema.Struct({ recoveryCodes: Schema.Array(Schema.String) }))
      .addError(SignIn.CodeRefused, unauthorized)
      .annotate(OpenApi.Description, "Confirms the enrolment with a first code; answers the recovery codes, this once")
  )
  .add(
    HttpApiEndpoint.post("signOut", "/auth/sign-out")
      .addSuccess(HttpApiSchema.NoContent)
      .annotate(OpenApi.Description, "Ends the session and clears its cookie")
  )
  .add(
    HttpApiEndpoint.get("session", "/auth/session")
      .addSuccess(Schema.Struct({
        account: AccountView,
        csrfToken: Schema.String,
        stage: Schema.Literal("pending", "complete"),
        expiresAt: Schema.DateTimeUtc
      }))
      .annotate(OpenApi.Description, "The signed-in staff member and the session's CSRF token")
  )
  .add(
    HttpApiEndpoint.get("singleSignOn", "/auth/sso")
      .annotate(OpenApi.Description, "Single sign-on: redirects to the district's identity provider (OpenID Connect with PKCE)")
  )
  .add(
    HttpApiEndpoint.get("singleSignOnCallback", "/auth/sso/callback")
      .annotate(OpenApi.Description, "Where the identity provider sends the browser back; opens a session and redirects")
  )
  .addError(Unauthorized)
  .addError(Forbidden)
  .addError(Session.SessionEnded, unauthorized)
  .annotate(OpenApi.Description, "Staff sign-in (로그인): password, second factor, single sign-on, sessions")
{}

export class MeApi extends HttpApiGroup.make("me")
  .add(
    HttpApiEndpoint.put("changePassword", "/me/password")
      .setPayload(Schema.Struct({ current: Schema.Redacted(Schema.String), next: Schema.Redacted(Schema.String) }))
      .addSuccess(AccountView)
      .annotate(
        OpenApi.Description,
        "Changes your own password: the current one (a wrong one counts towards the lock) and a new one that follows the rule"
      )
  )
  .addError(Forbidden)
  .annotate(OpenApi.Description, "The signed-in staff member's own account")
{}

const AccountIdPath = Schema.Struct({ id: Ids.CounselorId })

export class AdminApi extends HttpApiGroup.make("admin")
  .add(HttpApiEndpoint.get("listAccounts", "/accounts").addSuccess(Schema.Array(AccountView)))
  .add(
    HttpApiEndpoint.post("createAccount", "/accounts")
      .setPayload(Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations({ identifier: "NewAccountForm" }))
      .addSuccess(AccountView, { status: 201 })
      .addError(Account.LoginTaken, conflict)
      .annotate(OpenApi.Description, `A new account: ${Object.keys(Accounts.NewAccount.fields).join(", ")}; the password must follow the rule in docs/security.md`)
  )
  .add(
    HttpApiEndpoint.put("changeRole", "/accounts/:id/role")
      .setPath(AccountIdPath)
      .setPayload(Schema.Struct({ role: Roles.Role, grants: Schema.optionalWith(Schema.Array(Ids.DistrictId), { default: () => [] }) }))
      .addSuccess(AccountView)
  )
  .add(
    HttpApiEndpoint.put("changeStatus", "/accounts/:id/status")
      .setPath(AccountIdPath)
      .setPayload(Schema.Struct({ status: Schema.Literal("active", "disabled") }))
      .addSuccess(AccountView)
      .annotate(OpenApi.Description, "Disables an account (its sessions end) or makes it active again (which lifts a lock)")
  )
  .add(
    HttpApiEndpoint.put("resetPassword", "/accounts/:id/password")
      .setPath(AccountIdPath)
      .setPayload(Schema.Struct({ password: Schema.Redacted(Schema.String) }))
      .addSuccess(AccountView)
  )
  .add(
    HttpApiEndpoint.del("resetSecondFactor", "/accounts/:id/second-factor")
      .setPath(AccountIdPath)
      .addSuccess(AccountView)
      .annotate(OpenApi.Description, "Removes a lost authenticator app; the staff member enrols again at the next sign-in that needs one")
  )
  .add(HttpApiEndpoint.get("listTokens", "/tokens").addSuccess(Schema.Array(ApiToken.View)))
  .add(
    HttpApiEndpoint.post("createToken", "/tokens")
      .setPayload(ApiToken.TokenRequest)
      .addSuccess(Schema.Struct({ secret: Schema.String, token: ApiToken.View }), { status: 201 })
      .annotate(OpenApi.Description, "A new API token for an integration; its secret is in this answer and nowhere else")
  )
  .add(
    HttpApiEndpoint.del("revokeToken", "/tokens/:id")
      .setPath(Schema.Struct({ id: Ids.ApiTokenId }))
      .addSuccess(ApiToken.View)
  )
  .add(
    HttpApiEndpoint.get("accessRules", "/settings/access")
      .addSuccess(Schema.Struct({ secondFactorRoles: Schema.Array(Roles.Role) }))
      .annotate(OpenApi.Description, "The district's access rules: the roles whose every sign-in needs a second factor")
  )
  .add(
    HttpApiEndpoint.put("setAccessRules", "/settings/access")
      .setPayload(AccessRules.RulesRequest)
      .addSuccess(Schema.Struct({ secondFactorRoles: Schema.Array(Roles.Role) }))
      .annotate(
        OpenApi.Description,
        "Requires a second factor of these roles in the district (on top of everyone outside the office networks); administrators; logged"
      )
  )
  .add(
    HttpApiEndpoint.get("accessRecords", "/access-records")
      .setUrlParams(Schema.Struct({
        account: Schema.optional(Ids.CounselorId),
        from: LocalDate.LocalDate,
        to: LocalDate.LocalDate,
        format: Schema.optional(Schema.Literal("json", "csv"))
      }))
      .addSuccess(Schema.Array(Audit.AuditEntry))
      .addSuccess(Schema.String.pipe(HttpApiSchema.withEncoding({ kind: "Text", contentType: "text/csv; charset=utf-8" })))
      .annotate(
        OpenApi.Description,
        "The access records of a period (Korean dates, both included), of one staff member or all: for the monthly review. format=csv downloads them"
      )
  )
  .addError(Staff.NotPermitted, forbidden)
  .addError(Errors.NotFound, notFound)
  .addError(Errors.StaleVersion, conflict)
  .addError(Forbidden)
  .annotate(OpenApi.Description, "A district's accounts, API tokens and access records (administrators; access records also managers)")
{}
