/**
 * The HTTP contract of staff access: signing in and out, the second factor,
 * single sign-on (`/auth`), and what a district's administrator manages —
 * accounts, API tokens and the review of access records.
 */
import { HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "@effect/platform"
import { AccessRules, Account, Accounts, ApiToken, Audit, CenterSettings, FollowUp, Ids, Roles } from "@iljari/core"
import { Schema } from "effect"
import * as E from "./ApiErrors.js"
import { form } from "./Forms.js"
import { ForbiddenAnswer, UnauthorizedAnswer } from "./Caller.js"
import { doc, oneOf, withPeriod } from "./Params.js"

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
      .addError(E.SignInRefused)
      .annotateContext(doc("Sign in", "Signs in with a sign-in name and a password and sets the session cookie (HttpOnly, SameSite=Lax). Five failures in a row lock the account for a while; the answer never says whether the name exists"))
  )
  .add(
    HttpApiEndpoint.post("secondFactor", "/auth/second-factor")
      .setPayload(Code)
      .addSuccess(Schema.Struct({ recoveryCodesLeft: Schema.Int }))
      .addError(E.CodeRefused)
      .annotateContext(doc("Give the second factor", "Completes a sign-in with the authenticator app's code or a recovery code (each works once)"))
  )
  .add(
    HttpApiEndpoint.post("startEnrolment", "/auth/enrolment")
      .addSuccess(Schema.Struct({ uri: Schema.String, qrSvg: Schema.String }))
      .annotateContext(doc("Start enrolling an authenticator", "Starts enrolling an authenticator app: the otpauth:// URI and its QR code to scan"))
  )
  .add(
    HttpApiEndpoint.post("confirmEnrolment", "/auth/enrolment/confirm")
      .setPayload(Code)
      .addSuccess(Schema.Struct({ recoveryCodes: Schema.Array(Schema.String) }))
      .addError(E.CodeRefused)
      .annotateContext(doc("Confirm the enrolment", "Confirms the enrolment with a first code; answers the recovery codes, this once"))
  )
  .add(
    HttpApiEndpoint.post("signOut", "/auth/sign-out")
      .addSuccess(HttpApiSchema.NoContent)
      .annotateContext(doc("Sign out", "Ends the session and clears its cookie"))
  )
  .add(
    HttpApiEndpoint.get("session", "/auth/session")
      .addSuccess(Schema.Struct({
        account: AccountView,
        csrfToken: Schema.String,
        stage: Schema.Literal("pending", "complete"),
        expiresAt: Schema.DateTimeUtc
      }))
      .annotateContext(doc("The current session", "The signed-in staff member and the session's CSRF token"))
  )
  .add(
    HttpApiEndpoint.get("singleSignOn", "/auth/sso")
      .annotateContext(doc("Start single sign-on", "Single sign-on: redirects to the district's identity provider (OpenID Connect with PKCE)"))
  )
  .add(
    HttpApiEndpoint.get("singleSignOnCallback", "/auth/sso/callback")
      .annotateContext(doc("Single sign-on callback", "Where the identity provider sends the browser back; opens a session and redirects"))
  )
  .addError(UnauthorizedAnswer)
  .addError(ForbiddenAnswer)
  .addError(E.SessionEnded)
  .annotate(OpenApi.Description, "Staff sign-in (로그인): password, second factor, single sign-on, sessions")
{}

export class MeApi extends HttpApiGroup.make("me")
  .add(
    HttpApiEndpoint.put("changePassword", "/me/password")
      .setPayload(Schema.Struct({ current: Schema.Redacted(Schema.String), next: Schema.Redacted(Schema.String) }))
      .addSuccess(AccountView)
      .annotateContext(doc("Change your password", "Changes your own password: the current one (a wrong one counts towards the lock) and a new one that follows the rule"))
  )
  .addError(ForbiddenAnswer)
  .annotate(OpenApi.Description, "The signed-in staff member's own account")
{}

const AccountIdPath = Schema.Struct({ id: Ids.CounselorId })

const CenterSettingsView = Schema.Struct({
  followUpPolicy: FollowUp.Policy,
  growthPercent: Schema.Number,
  closures: Schema.Array(CenterSettings.Closure)
}).annotations({ identifier: "CenterSettingsView" })

export class AdminApi extends HttpApiGroup.make("admin")
  .add(HttpApiEndpoint.get("listAccounts", "/accounts").addSuccess(Schema.Array(AccountView))
      .annotateContext(doc("List accounts", "The district's staff accounts with their role, status and whether each has a password and a second factor (administrators)"))
  )
  .add(
    HttpApiEndpoint.post("createAccount", "/accounts")
      .setPayload(form("NewAccountForm", Accounts.NewAccount))
      .addSuccess(AccountView, { status: 201 })
      .addError(E.LoginTaken)
      .annotateContext(doc("Create an account", `A new account: ${Object.keys(Accounts.NewAccount.fields).join(", ")}; the password must follow the rule in docs/security.md`))
  )
  .add(
    HttpApiEndpoint.put("changeRole", "/accounts/:id/role")
      .setPath(AccountIdPath)
      .setPayload(Schema.Struct({ role: Roles.Role, grants: Schema.optionalWith(Schema.Array(Ids.DistrictId), { default: () => [] }) }))
      .addSuccess(AccountView)
      .annotateContext(doc("Change an account's role", "Gives an account another role (counselor, manager, admin or analyst, with the districts an analyst reads); administrators; logged as a rights change"))
  )
  .add(
    HttpApiEndpoint.put("changeStatus", "/accounts/:id/status")
      .setPath(AccountIdPath)
      .setPayload(Schema.Struct({ status: Schema.Literal("active", "disabled") }))
      .addSuccess(AccountView)
      .annotateContext(doc("Disable or enable an account", "Disables an account (its sessions end) or makes it active again (which lifts a lock)"))
  )
  .add(
    HttpApiEndpoint.put("resetPassword", "/accounts/:id/password")
      .setPath(AccountIdPath)
      .setPayload(Schema.Struct({ password: Schema.Redacted(Schema.String) }))
      .addSuccess(AccountView)
      .annotateContext(doc("Reset an account's password", "Sets a new password for a staff member (who changes it at the next sign-in); it must follow the password rule; administrators; logged"))
  )
  .add(
    HttpApiEndpoint.del("resetSecondFactor", "/accounts/:id/second-factor")
      .setPath(AccountIdPath)
      .addSuccess(AccountView)
      .annotateContext(doc("Remove an account's second factor", "Removes a lost authenticator app; the staff member enrols again at the next sign-in that needs one"))
  )
  .add(HttpApiEndpoint.get("listTokens", "/tokens").addSuccess(Schema.Array(ApiToken.View))
      .annotateContext(doc("List API tokens", "The district's API tokens (name, scope, expiry, last use), never their secrets (administrators)"))
  )
  .add(
    HttpApiEndpoint.post("createToken", "/tokens")
      .setPayload(ApiToken.TokenRequest)
      .addSuccess(Schema.Struct({ secret: Schema.String, token: ApiToken.View }), { status: 201 })
      .annotateContext(doc("Create an API token", "A new API token for an integration; its secret is in this answer and nowhere else"))
  )
  .add(
    HttpApiEndpoint.del("revokeToken", "/tokens/:id")
      .setPath(Schema.Struct({ id: Ids.ApiTokenId }))
      .addSuccess(ApiToken.View)
      .annotateContext(doc("Revoke an API token", "Revokes an API token at once; administrators; logged"))
  )
  .add(
    HttpApiEndpoint.get("accessRules", "/settings/access")
      .addSuccess(Schema.Struct({ secondFactorRoles: Schema.Array(Roles.Role) }))
      .annotateContext(doc("Read the access rules", "The district's access rules: the roles whose every sign-in needs a second factor"))
  )
  .add(
    HttpApiEndpoint.put("setAccessRules", "/settings/access")
      .setPayload(AccessRules.RulesRequest)
      .addSuccess(Schema.Struct({ secondFactorRoles: Schema.Array(Roles.Role) }))
      .annotateContext(doc("Set the access rules", "Requires a second factor of these roles in the district (on top of everyone outside the office networks); administrators; logged"))
  )
  .add(
    HttpApiEndpoint.get("centerSettings", "/settings/center")
      .addSuccess(CenterSettingsView)
      .annotateContext(doc(
        "Read the center's settings",
        "The district's own settings of its casework: the follow-up policy, the growth a plan of targets assumes and the center's closure days — the deployment's defaults until set (administrators)"
      ))
  )
  .add(
    HttpApiEndpoint.put("setCenterSettings", "/settings/center")
      .setPayload(CenterSettings.SettingsRequest)
      .addSuccess(CenterSettingsView)
      .addError(E.ValidationError)
      .annotateContext(doc(
        "Set the center's settings",
        "Sets the follow-up policy (for placements recorded from now on; the checks already scheduled stay), the growth a plan assumes and the closure days, on which no follow-up is due (administrators; logged with what was before)"
      ))
  )
  .add(
    HttpApiEndpoint.get("accessRecords", "/access-records")
      .setUrlParams(withPeriod({
        account: Schema.optional(Ids.CounselorId.annotations({ description: "One staff member's records only" })),
        format: Schema.optional(oneOf(["json", "csv"], "json (default) or csv to download them"))
      }, { from: "The first day (Korean time), YYYY-MM-DD", to: "The last day (Korean time), YYYY-MM-DD, included" }))
      .addSuccess(Schema.Array(Audit.AuditEntry))
      .addSuccess(Schema.String.pipe(HttpApiSchema.withEncoding({ kind: "Text", contentType: "text/csv; charset=utf-8" })))
      .annotateContext(doc("Access records of a period", "The access records of a period (Korean dates, both included), of one staff member or all: for the monthly review. format=csv downloads them"))
  )
  .addError(E.NotPermitted)
  .addError(E.NotFound)
  .addError(E.StaleVersion)
  .addError(ForbiddenAnswer)
  .annotate(OpenApi.Description, "A district's accounts, API tokens and access records (administrators; access records also managers)")
{}
