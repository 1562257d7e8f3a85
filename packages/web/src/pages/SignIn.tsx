/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * Signing in and out in the browser: the same sessions, lockout and second
 * factor as the JSON API's `/auth` routes (core's `SignIn`), with the session
 * in an HttpOnly cookie and the person sent back to where they were going.
 */
import { HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { Enrolment, SignIn, Session } from "@iljari/core"
import { Effect, Option, Redacted } from "effect"
import { type Form, form } from "../http/Form.js"
import type { Handler } from "../http/Handler.js"
import { html } from "../http/Respond.js"
import { publicPage, redirect } from "../http/Route.js"
import { CurrentSettings } from "../http/Settings.js"
import { anonymousView, sessionCookie } from "../http/Signed.js"
import { TextField } from "../ui/Fields.js"
import { CsrfField, Page } from "../ui/Layout.js"
import { href, type View } from "../ui/View.js"

/** Where to go after signing in: a page of this app only, never another site. */
export const nextOf = (view: View, next: string | null | undefined) =>
  next !== undefined && next !== null && /^\/[^/\\]/.test(next) || next === "/" ? href(view, next!) : href(view, "/")

const nextParam = Effect.map(HttpServerRequest.HttpServerRequest, (request) => new URL(request.url, "http://app.invalid").searchParams.get("next"))

const SignInForm = ({ view, next, problem, login }: { readonly view: View; readonly next: string | null; readonly problem?: string; readonly login?: string }) => (
  <Page view={view} title={view.say("로그인", "Sign in")}>
    <div class="sign-in">
      {problem === undefined ? null : <div class="notice error" role="alert">{problem}</div>}
      <form method="post" action={href(view, `/sign-in${next === null ? "" : `?next=${encodeURIComponent(next)}`}`)}>
        <TextField name="login" label={view.say("아이디", "Sign-in name")} value={login} autocomplete="username" required />
        <TextField name="password" type="password" label={view.say("비밀번호", "Password")} autocomplete="current-password" required />
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{view.say("로그인", "Sign in")}</button>
        </div>
      </form>
      <p class="form-hint">
        {view.say(
          "비밀번호를 5번 틀리면 30분 동안 잠깁니다. 비밀번호를 잊었으면 시스템 관리자에게 초기화를 요청하세요.",
          "Five wrong passwords lock the account for 30 minutes. Ask the system administrator to reset a forgotten password."
        )}
      </p>
    </div>
  </Page>
)

const cookieOptions = (secure: boolean) => ({ httpOnly: true, secure, sameSite: "lax", path: "/" }) as const

export const signInPage: Handler = publicPage(Effect.gen(function*() {
  return yield* html(<SignInForm view={yield* anonymousView} next={yield* nextParam} />)
}))

export const signIn: Handler = publicPage(Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const settings = yield* CurrentSettings
  const view = yield* anonymousView
  const fields: Form = yield* form
  const next = yield* nextParam
  const origin = Option.getOrUndefined(request.remoteAddress)
  const attempt = yield* SignIn.withPassword({
    login: fields.get("login") ?? "",
    password: Redacted.make(fields.get("password") ?? ""),
    ...(origin === undefined ? {} : { origin }),
    fromOutsideOffice: !settings.inOffice(origin)
  }).pipe(Effect.either)
  if (attempt._tag === "Left") {
    return yield* html(
      <SignInForm view={view} next={next} login={fields.get("login") ?? ""} problem={view.say(
        "아이디 또는 비밀번호가 맞지 않거나 계정이 잠겨 있습니다.",
        "The sign-in name or password is wrong, or the account is locked."
      )} />,
      { status: 401 }
    )
  }
  const signedIn = attempt.right
  const after = signedIn.secondFactor === "none"
    ? nextOf(view, next)
    : href(view, `/second-factor${next === null ? "" : `?next=${encodeURIComponent(next)}`}`)
  return yield* HttpServerResponse.setCookie(
    yield* redirect(after),
    sessionCookie,
    Redacted.value(signedIn.secret),
    cookieOptions(settings.secureCookies)
  )
}))

const secretOf = Effect.map(HttpServerRequest.HttpServerRequest, (request) => {
  const cookie = request.cookies[sessionCookie]
  return cookie === undefined || cookie === "" ? undefined : Redacted.make(cookie)
})

export const signOut: Handler = publicPage(Effect.gen(function*() {
  const secret = yield* secretOf
  const view = yield* anonymousView
  // Ending a session needs its CSRF token: another site cannot sign a person out.
  const fields = yield* form
  if (secret !== undefined) {
    const token = yield* Session.csrfTokenOf(secret)
    if (fields.get("_csrf") === token) yield* Session.end(secret)
  }
  return yield* HttpServerResponse.expireCookie(yield* redirect(href(view, "/sign-in")), sessionCookie, { path: "/" })
}))

const SecondFactorForm = ({ view, next, problem, enrol }: {
  readonly view: View
  readonly next: string | null
  readonly problem?: string | undefined
  readonly enrol?: { readonly qr: string; readonly uri: string } | undefined
}) => (
  <Page view={view} title={view.say("2단계 인증", "Second factor")}>
    <div class="sign-in">
      {problem === undefined ? null : <div class="notice error" role="alert">{problem}</div>}
      {enrol === undefined
        ? <p>{view.say("인증 앱에 표시된 6자리 코드나 복구 코드를 입력하세요.", "Enter the 6-digit code of your authenticator app, or a recovery code.")}</p>
        : (
          <div>
            <p>{view.say("이 계정은 2단계 인증을 등록해야 합니다. 인증 앱으로 QR 코드를 찍고 표시된 코드를 입력하세요.", "This account must enrol a second factor. Scan the QR code with an authenticator app and enter the code it shows.")}</p>
            <img src={`data:image/svg+xml;base64,${Buffer.from(enrol.qr).toString("base64")}`} alt={view.say("인증 앱 등록용 QR 코드", "QR code for the authenticator app")} width={200} height={200} />
          </div>
        )}
      <form method="post" action={href(view, `/second-factor${next === null ? "" : `?next=${encodeURIComponent(next)}`}`)}>
        <CsrfField view={view} />
        {enrol === undefined ? null : <input type="hidden" name="enrol" value="1" />}
        <TextField name="code" label={view.say("인증 코드", "Code")} autocomplete="one-time-code" inputmode="numeric" required />
        <div class="actions">
          <button type="submit" class="krds-btn primary large">{view.say("확인", "Confirm")}</button>
        </div>
      </form>
    </div>
  </Page>
)

// A pending session reaches this page only; its CSRF token guards the post.
const pendingView = Effect.gen(function*() {
  const secret = yield* secretOf
  if (secret === undefined) return undefined
  const view = yield* anonymousView
  return { secret, view: { ...view, csrf: yield* Session.csrfTokenOf(secret) } satisfies View }
})

const toSignIn = Effect.flatMap(anonymousView, (view) => redirect(href(view, "/sign-in")))

export const secondFactorPage: Handler = publicPage(Effect.gen(function*() {
  const pending = yield* pendingView
  if (pending === undefined) return yield* toSignIn
  const needsEnrolment = yield* Effect.map(Session.resume(pending.secret), ({ account }) => account.totpSecret === undefined)
  const enrol = needsEnrolment
    ? yield* Effect.map(Enrolment.start(pending.secret), (shown) => ({ qr: Redacted.value(shown.qrSvg), uri: Redacted.value(shown.uri) }))
    : undefined
  return yield* html(<SecondFactorForm view={pending.view} next={yield* nextParam} enrol={enrol} />)
}).pipe(Effect.catchTag("SessionEnded", () => toSignIn)))

export const secondFactor: Handler = publicPage(Effect.gen(function*() {
  const pending = yield* pendingView
  if (pending === undefined) return yield* toSignIn
  const fields = yield* form
  if (fields.get("_csrf") !== pending.view.csrf) return yield* toSignIn
  const code = fields.get("code") ?? ""
  const next = yield* nextParam
  const refused = html(
    <SecondFactorForm view={pending.view} next={next} problem={pending.view.say("코드가 맞지 않습니다. 다시 입력하세요.", "The code is not right; try again.")} />,
    { status: 401 }
  )
  if (fields.get("enrol") !== "1") {
    return yield* SignIn.withCode(pending.secret, code).pipe(
      Effect.matchEffect({ onFailure: () => refused, onSuccess: () => redirect(nextOf(pending.view, next)) })
    )
  }
  // The recovery codes are shown this once, to be written down.
  const enrolled = yield* Effect.either(Enrolment.confirm(pending.secret, code))
  if (enrolled._tag === "Left") return yield* refused
  return yield* html(
    <Page view={pending.view} title={pending.view.say("복구 코드", "Recovery codes")}>
      <p>{pending.view.say("인증 앱을 잃어버렸을 때 쓸 복구 코드입니다. 지금 적어 두세요. 다시 보여 주지 않습니다.", "Use these if you lose the authenticator app. Write them down now: they are not shown again.")}</p>
      <ul>{enrolled.right.recoveryCodes.map((c) => <li><code>{c}</code></li>)}</ul>
      <p><a class="krds-btn primary" href={nextOf(pending.view, next)}>{pending.view.say("계속", "Continue")}</a></p>
    </Page>
  )
}))

/** The language switch: a cookie, then back to the page. */
export const language: Handler = publicPage(Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const settings = yield* CurrentSettings
  const view = yield* anonymousView
  const params = new URL(request.url, "http://app.invalid").searchParams
  const lang = params.get("to") === "en" ? "en" : "ko"
  return yield* HttpServerResponse.setCookie(
    yield* redirect(nextOf(view, params.get("back"))),
    "iljari_lang",
    lang,
    { path: "/", sameSite: "lax", secure: settings.secureCookies, maxAge: "365 days" }
  )
}))
