/**
 * The handlers of staff access: each decodes, calls a core use case of
 * `access/` and answers; the cookie is set and cleared here.
 */
import { HttpApiBuilder, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { Oidc } from "@iljari/auth"
import { AccessLog, AccessRules, Account, Accounts, ApiToken, CenterSettings, Enrolment, JobCenter, LocalDate, Session, SignIn, Staff } from "@iljari/core"
import { Effect, Layer, Option, Redacted, Schema } from "effect"
import { sessionSecret } from "./Access.js"
import { staff } from "./Actor.js"
import { Api, sessionCookie, Unauthorized } from "./Api.js"
import { AccessSettings } from "./AccessSettings.js"

const origin = Effect.map(HttpServerRequest.HttpServerRequest, (request) => Option.getOrUndefined(request.remoteAddress))

const setSessionCookie = (secret: Redacted.Redacted<string>) =>
  Effect.flatMap(AccessSettings, (settings) =>
    HttpApiBuilder.securitySetCookie(sessionCookie, secret, { secure: settings.secureCookies, sameSite: "lax", path: "/" }))

const clearSessionCookie = Effect.flatMap(AccessSettings, (settings) =>
  HttpApiBuilder.securitySetCookie(sessionCookie, "", { secure: settings.secureCookies, sameSite: "lax", path: "/", maxAge: 0 }))


// The settings a district works by, and the closure days it keeps (administrators).
const centerSettingsOf = (who: Staff.Staff) =>
  Effect.gen(function*() {
    yield* Staff.require(who, "settings.manage")
    const inForce = yield* CenterSettings.effective(who.districtId, yield* JobCenter.Config)
    const kept = yield* CenterSettings.of(who.districtId)
    return {
      followUpPolicy: inForce.followUpPolicy,
      growthPercent: inForce.growthPercent,
      closures: Option.match(kept, { onNone: () => [], onSome: (row) => row.value.closures })
    }
  })

const ssoCookie = "iljari_sso"

const singleSignOn = Effect.flatMap(AccessSettings, (settings) =>
  settings.singleSignOn === undefined
    ? Effect.fail(new Unauthorized({ message: "This server has no single sign-on (통합 로그인이 설정되지 않았습니다)" }))
    : Effect.map(Oidc.make(settings.singleSignOn.config).pipe(Effect.mapError((e) => new Unauthorized({ message: e.message }))), (client) => ({
      client,
      settings: settings.singleSignOn!,
      secure: settings.secureCookies
    })))

export const AuthLive = HttpApiBuilder.group(Api, "auth", (handlers) =>
  handlers
    .handle("signIn", ({ payload }) =>
      Effect.gen(function*() {
        const settings = yield* AccessSettings
        const from = yield* origin
        const signedIn = yield* SignIn.withPassword({
          login: payload.login,
          password: Redacted.make(payload.password),
          ...(from === undefined ? {} : { origin: from }),
          fromOutsideOffice: !settings.inOffice(from)
        })
        yield* setSessionCookie(signedIn.secret)
        return {
          account: Account.view(signedIn.account),
          csrfToken: signedIn.csrfToken,
          secondFactor: signedIn.secondFactor,
          expiresAt: signedIn.session.expiresAt
        }
      }))
    .handle("secondFactor", ({ payload }) => Effect.flatMap(sessionSecret, (secret) => SignIn.withCode(secret, payload.code)))
    .handle("startEnrolment", () =>
      Effect.flatMap(sessionSecret, (secret) =>
        Effect.map(Enrolment.start(secret), (shown) => ({ uri: Redacted.value(shown.uri), qrSvg: Redacted.value(shown.qrSvg) }))))
    .handle("confirmEnrolment", ({ payload }) => Effect.flatMap(sessionSecret, (secret) => Enrolment.confirm(secret, payload.code)))
    .handle("signOut", () =>
      Effect.gen(function*() {
        yield* Session.end(yield* sessionSecret)
        yield* clearSessionCookie
      }))
    .handle("session", () =>
      Effect.gen(function*() {
        const secret = yield* sessionSecret
        const { account, session } = yield* Session.resume(secret)
        return { account: Account.view(account), csrfToken: yield* Session.csrfTokenOf(secret), stage: session.stage, expiresAt: session.expiresAt }
      }))
    .handleRaw("singleSignOn", () =>
      Effect.gen(function*() {
        const { client, secure } = yield* singleSignOn
        const { pending, url } = yield* client.start()
        // The attempt's state, nonce and PKCE verifier wait in a short-lived cookie
        // of this browser, so that any worker can finish it.
        return yield* HttpServerResponse.redirect(url.toString(), { status: 302 }).pipe(
          HttpServerResponse.setCookie(ssoCookie, JSON.stringify(pending), {
            httpOnly: true,
            secure,
            sameSite: "lax",
            path: "/auth/sso",
            maxAge: "10 minutes"
          })
        )
      }).pipe(Effect.orDie))
    .handleRaw("singleSignOnCallback", () =>
      Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        const { client, settings, secure } = yield* singleSignOn
        const pending = yield* Schema.decodeUnknown(Schema.parseJson(Oidc.Pending))(request.cookies[ssoCookie] ?? "").pipe(
          Effect.mapError(() => new Unauthorized({ message: "No single sign-on was started in this browser; start again at /auth/sso (이 브라우저에서 시작한 통합 로그인이 없습니다. /auth/sso에서 다시 시작하세요)" }))
        )
        const claims = yield* client.finish(new URL(request.url, "http://callback.invalid"), pending).pipe(
          Effect.mapError((e) => new Unauthorized({ message: e.message }))
        )
        const from = Option.getOrUndefined(request.remoteAddress)
        const opened = yield* SignIn.withProvider(`${claims.issuer}#${claims.subject}`, from === undefined ? {} : { origin: from })
        const cookie = { secure, sameSite: "lax", path: "/" } as const
        return yield* HttpServerResponse.redirect(settings.afterSignIn, { status: 303 }).pipe(
          HttpServerResponse.setCookie(sessionCookie.key, Redacted.value(opened.secret), { ...cookie, httpOnly: true }),
          Effect.flatMap(HttpServerResponse.expireCookie(ssoCookie, { path: "/auth/sso" }))
        )
      }).pipe(
        Effect.catchTags({
          Unauthorized: (e) => HttpServerResponse.json(e, { status: 401 }),
          SignInRefused: (e) => HttpServerResponse.json({ _tag: e._tag, message: e.message }, { status: 401 })
        }),
        Effect.orDie
      ))
)

export const AdminLive = HttpApiBuilder.group(Api, "admin", (handlers) =>
  handlers
    .handle("listAccounts", () => Effect.flatMap(staff, Accounts.list))
    .handle("createAccount", ({ payload }) => Effect.flatMap(staff, (who) => Accounts.create(who, payload)))
    .handle("changeRole", ({ path, payload }) => Effect.flatMap(staff, (who) => Accounts.changeRole(who, path.id, payload.role, payload.grants)))
    .handle("changeStatus", ({ path, payload }) => Effect.flatMap(staff, (who) => Accounts.changeStatus(who, path.id, payload.status)))
    .handle("resetPassword", ({ path, payload }) => Effect.flatMap(staff, (who) => Accounts.resetPassword(who, path.id, payload.password)))
    .handle("resetSecondFactor", ({ path }) => Effect.flatMap(staff, (who) => Accounts.resetSecondFactor(who, path.id)))
    .handle("listTokens", () => Effect.flatMap(staff, ApiToken.list))
    .handle("createToken", ({ payload }) =>
      Effect.flatMap(staff, (who) => Effect.map(ApiToken.create(who, payload), ({ secret, token }) => ({ secret: Redacted.value(secret), token }))))
    .handle("revokeToken", ({ path }) => Effect.flatMap(staff, (who) => ApiToken.revoke(who, path.id)))
    .handle("accessRules", () =>
      Effect.flatMap(staff, (who) => Effect.map(AccessRules.get(who), (rules) => ({ secondFactorRoles: rules.secondFactorRoles }))))
    .handle("setAccessRules", ({ payload }) =>
      Effect.flatMap(staff, (who) => Effect.map(AccessRules.set(who, payload), (rules) => ({ secondFactorRoles: rules.secondFactorRoles }))))
    .handle("centerSettings", () => Effect.flatMap(staff, centerSettingsOf))
    .handle("setCenterSettings", ({ payload }) =>
      Effect.gen(function*() {
        const who = yield* staff
        yield* Staff.require(who, "settings.manage")
        yield* CenterSettings.set(who, payload)
        return yield* centerSettingsOf(who)
      }))
    .handle("accessRecords", ({ urlParams }) =>
      Effect.gen(function*() {
        const who = yield* staff
        const entries = yield* AccessLog.accessRecords(who, {
          ...(urlParams.account === undefined ? {} : { actor: urlParams.account }),
          from: LocalDate.startInKorea(urlParams.from),
          before: LocalDate.startInKorea(LocalDate.addDays(urlParams.to, 1))
        })
        return urlParams.format === "csv" ? AccessLog.csvOf(entries) : entries
      }))
)

export const MeLive = HttpApiBuilder.group(Api, "me", (handlers) =>
  handlers.handle("changePassword", ({ payload }) => Effect.flatMap(staff, (who) => Accounts.changeOwnPassword(who, payload))))

export const AccessLive = Layer.mergeAll(AuthLive, AdminLive, MeLive)
