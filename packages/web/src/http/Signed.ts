/**
 * Who is signed in, for a page: the staff member's session (the same cookie
 * as the JSON API's), refused unless complete, and for a form post its CSRF
 * token and a same-site origin. The person acts through core's use cases as
 * an `Actor` of their district, with their role's reach.
 */
import { HttpServerRequest } from "@effect/platform"
import { type Account, type Errors, type JobCenter, Roles, Secret, Session } from "@iljari/core"
import { Data, Effect, Option, Redacted } from "effect"
import { langCookie, langOf, sayIn } from "../ui/Say.js"
import type { View } from "../ui/View.js"
import { type Form, form, formOf } from "./Form.js"
import type { Services } from "./Handler.js"
import { CurrentSettings, type WebSettings } from "./Settings.js"

export const sessionCookie = "iljari_session"

/** No session, an ended one, or one still waiting for its second factor. */
export class SignInNeeded extends Data.TaggedError("SignInNeeded")<{ readonly secondFactor: boolean }> {}

/** A form post from another site, or without the session's CSRF token. */
export class CrossSite extends Data.TaggedError("CrossSite") {}

/** An analyst's session: the city's figures only, no casework pages. */
export class NoCasework extends Data.TaggedError("NoCasework") {}

export interface Signed {
  readonly actor: JobCenter.Actor
  readonly account: Account.Account
  readonly role: Roles.Role
  readonly secret: Redacted.Redacted<string>
  readonly view: View
}

const reads = new Set(["GET", "HEAD"])

/** The request's path below the app's prefix. */
export const pathOf = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const { prefix } = yield* CurrentSettings
  const path = new URL(request.url, "http://app.invalid").pathname
  return path.startsWith(prefix) ? path.slice(prefix.length) || "/" : path
})

// The page a post answers is the one its form was on (its referrer): where
// the menu and the language switch point, since the post's own address has
// no page to show.
const pageOf = (request: HttpServerRequest.HttpServerRequest, prefix: string, posted: string) => {
  if (reads.has(request.method)) return posted
  const referrer = URL.canParse(request.headers["referer"] ?? "") ? new URL(request.headers["referer"]!) : undefined
  return referrer !== undefined && referrer.host === request.headers["host"] && referrer.pathname.startsWith(prefix)
    ? referrer.pathname.slice(prefix.length) || "/"
    : "/"
}

/** The page's language and links, for a person not (yet) signed in. */
export const anonymousView = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const { prefix } = yield* CurrentSettings
  const lang = langOf(request.cookies[langCookie])
  return { lang, say: sayIn(lang), prefix, path: pageOf(request, prefix, yield* pathOf) } satisfies View
})

// A post must come from this app's own pages: the browser's own word on the
// origin where it gives one, and always the session's CSRF token (a post
// without a session, a survey's answer, has only the first).
export const sameSite = (request: HttpServerRequest.HttpServerRequest) => {
  const fetchSite = request.headers["sec-fetch-site"]
  if (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") return false
  const origin = request.headers["origin"]
  return origin === undefined || origin === "null" ? origin === undefined : new URL(origin).host === request.headers["host"]
}

const checkPost = (request: HttpServerRequest.HttpServerRequest, secret: Redacted.Redacted<string>, fields: Form) =>
  Effect.gen(function*() {
    if (reads.has(request.method)) return
    const token = request.headers["x-csrf-token"] ?? fields.get("_csrf") ?? ""
    if (!sameSite(request) || !Secret.equals(token, yield* Session.csrfTokenOf(secret))) return yield* new CrossSite()
  })

// Whose casework the person may record, from the permission matrix.
const caseloadOf = (role: Roles.Role): "own" | "district" | "none" => {
  const scope = Roles.scopeOf(role, "casework.write")
  return scope === "own" || scope === "district" ? scope : "none"
}

/** A staff member whose role may not do what the page does (see `mayImport`). */
export class NotPermitted extends Data.TaggedError("NotPermitted") {}

/**
 * Whether a role may bring a district's spreadsheet ledgers in: staff whose
 * casework reaches the whole district (managers) and the district's
 * administrators, who set it up; never a counselor of their own caseload.
 */
export const mayImport = (role: Roles.Role): boolean =>
  Roles.scopeOf(role, "casework.write") === "district" || Roles.can(role, "settings.manage")

// The session's account, for anyone whose session is complete.
const resumedAny = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const cookie = request.cookies[sessionCookie]
  if (cookie === undefined || cookie === "") return yield* new SignInNeeded({ secondFactor: false })
  const secret = Redacted.make(cookie)
  const { account, session } = yield* Session.resume(secret).pipe(
    Effect.catchTag("SessionEnded", () => new SignInNeeded({ secondFactor: false }))
  )
  if (session.stage !== "complete") return yield* new SignInNeeded({ secondFactor: true })
  return { account, secret }
})

// The session's account, for a staff member of a district (not an analyst).
const resumed = Effect.flatMap(resumedAny, (found) => found.account.role === "analyst" ? new NoCasework() : Effect.succeed(found))

// The staff member as the pages see them, once the post (if any) is checked.
// A post whose body could not be read (`fields` undefined: too large, not a form) is only answered, never acted on:
// its origin was checked before reading, and it has no token to check.
const signedAs = (account: Account.Account, secret: Redacted.Redacted<string>, fields: Form | undefined) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    if (fields !== undefined) yield* checkPost(request, secret, fields)
    const base = yield* anonymousView
    const origin = Option.getOrUndefined(request.remoteAddress)
    return {
      actor: {
        districtId: account.districtId,
        counselorId: account.id,
        caseload: caseloadOf(account.role),
        ...(origin === undefined ? {} : { origin })
      },
      account,
      role: account.role,
      secret,
      view: {
        ...base,
        csrf: yield* Session.csrfTokenOf(secret),
        who: {
          id: account.id,
          name: account.name,
          role: Roles.roleLabel(account.role, base.lang),
          imports: mayImport(account.role),
          monitors: Roles.can(account.role, "monitoring.read"),
          administers: Roles.can(account.role, "accounts.manage") || Roles.can(account.role, "audit.read"),
          casework: Roles.can(account.role, "casework.write"),
          analyst: account.role === "analyst"
        }
      }
    } satisfies Signed
  })

/** The signed-in staff member and, for a post, its form (read once, CSRF checked). */
export const signed: Effect.Effect<
  { readonly signed: Signed; readonly form: Form },
  SignInNeeded | CrossSite | NoCasework | Errors.PersistenceError,
  Services | WebSettings | HttpServerRequest.HttpServerRequest
> = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const { account, secret } = yield* resumed
  const fields = reads.has(request.method) ? formOf([]) : yield* form
  return { signed: yield* signedAs(account, secret, fields), form: fields }
})

/**
 * A city analyst's session, for the pages of figures only (their reads
 * carry no form); anyone else is `NotPermitted`.
 */
export const signedAnalyst: Effect.Effect<
  Signed,
  SignInNeeded | CrossSite | NotPermitted | Errors.PersistenceError,
  Services | WebSettings | HttpServerRequest.HttpServerRequest
> = Effect.gen(function*() {
  const { account, secret } = yield* resumedAny
  if (account.role !== "analyst") return yield* new NotPermitted()
  return yield* signedAs(account, secret, formOf([]))
})

/**
 * The signed-in staff member and what the post carried, read by `read` only
 * once the session is known and `allowed` says the role may do this (a body
 * is never read for a stranger), its CSRF token taken from `fieldsOf`. A
 * body that could not be read (`fieldsOf` gives `undefined`) must only be
 * answered, never acted on.
 */
export const signedReading = <F, E, R>(options: {
  readonly read: Effect.Effect<F, E, R>
  readonly fieldsOf: (read: F) => Form | undefined
  readonly allowed: (role: Roles.Role) => boolean
}): Effect.Effect<
  { readonly signed: Signed; readonly read: F },
  E | SignInNeeded | CrossSite | NoCasework | NotPermitted | Errors.PersistenceError,
  R | Services | WebSettings | HttpServerRequest.HttpServerRequest
> =>
  Effect.gen(function*() {
    const { account, secret } = yield* resumed
    if (!options.allowed(account.role)) return yield* new NotPermitted()
    // What can be checked before the body is read is: the origin, and htmx's token in its header.
    const request = yield* HttpServerRequest.HttpServerRequest
    if (request.headers["x-csrf-token"] !== undefined || !sameSite(request)) yield* checkPost(request, secret, formOf([]))
    const read = yield* options.read
    return { signed: yield* signedAs(account, secret, options.fieldsOf(read)), read }
  })
