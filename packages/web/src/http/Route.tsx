/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * A page of a signed-in staff member: the session and the post are checked
 * first (see `Signed`), then the page runs; what it may fail with becomes a
 * page of its own — sign-in (and back here after), 404 for a record that is
 * not there or not the district's, 403, and a logged fault.
 */
import { type HttpRouter, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { Effect } from "effect"
import type { VNode } from "preact"
import { RefusalPage, type Refusal, statusOf } from "../pages/Refusal.js"
import { Page } from "../ui/Layout.js"
import type { View } from "../ui/View.js"
import { href } from "../ui/View.js"
import type { Form } from "./Form.js"
import type { Handler, Services } from "./Handler.js"
import type { WebSettings } from "./Settings.js"
import { html } from "./Respond.js"
import { Roles } from "@iljari/core"
import { anonymousView, NotPermitted, pathOf, signed, type Signed, signedAnalyst, signedReading } from "./Signed.js"

const refusals: Record<string, Refusal> = {
  NotFound: "not-found",
  SeekerNotFound: "not-found",
  NotPermitted: "forbidden",
  NotYourCaseload: "forbidden",
  NotYourLedger: "forbidden",
  NoCasework: "forbidden",
  CrossSite: "cross-site",
  OpeningNotOpen: "opening-closed",
  ActiveReferralExists: "already-referred"
}

/** Whether htmx asked (for a part of a page rather than a whole one). */
export const isHtmx = Effect.map(HttpServerRequest.HttpServerRequest, (request) => request.headers["hx-request"] === "true")

/** A part loaded after its page: the part alone for htmx, else a page of its own with `title`. */
export const partOrPage = (view: View, title: string, part: VNode) =>
  Effect.flatMap(isHtmx, (htmx) => htmx ? html(part, { fragment: true }) : html(<Page view={view} title={title}>{part}</Page>))

/** A redirect that htmx follows as a whole page. */
export const redirect = (location: string) =>
  Effect.map(isHtmx, (htmx) =>
    htmx
      ? HttpServerResponse.empty({ status: 200, headers: { "hx-redirect": location } })
      : HttpServerResponse.empty({ status: 303, headers: { location, "cache-control": "no-store" } }))

export const refuse = (view: View, refusal: Refusal) => html(<RefusalPage view={view} refusal={refusal} />, { status: statusOf[refusal] })

// Back to this page after signing in; after a post, to the page it came from.
const signInAgain = (secondFactor: boolean) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const view = yield* anonymousView
    const path = request.method === "GET" ? yield* pathOf : "/"
    const next = `?next=${encodeURIComponent(path)}`
    return yield* redirect(href(view, secondFactor ? `/second-factor${next}` : `/sign-in${next}`))
  })

// Every failure becomes a page: the refusals a person can meet, and a fault
// (logged with its cause) for the rest.
const answered = <E extends { readonly _tag: string }, R>(
  page: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
) =>
  page.pipe(
    Effect.catchAll((error: { readonly _tag: string }) =>
      error._tag === "SignInNeeded"
        ? signInAgain("secondFactor" in error && error.secondFactor === true)
        : error._tag === "NoCasework"
        ? analystElsewhere
        : Effect.flatMap(anonymousView, (view) => {
          const refusal = refusals[error._tag]
          return refusal === undefined
            ? Effect.zipRight(Effect.logError("web: a page failed", error), refuse(view, "fault"))
            : refuse(view, refusal)
        })),
    Effect.catchAllDefect((defect) =>
      Effect.zipRight(Effect.logError("web: a page died", defect), Effect.flatMap(anonymousView, (view) => refuse(view, "fault"))))
  )

// A city analyst has no casework: the app's first page sends them to their figures, any other is refused.
const analystElsewhere = Effect.gen(function*() {
  const view = yield* anonymousView
  const request = yield* HttpServerRequest.HttpServerRequest
  return request.method === "GET" && (yield* pathOf) === "/" ? yield* redirect(href(view, "/analysis")) : yield* refuse(view, "forbidden")
})

/** What a page may need from the server and the request. */
export type Needs = Services | WebSettings | HttpServerRequest.HttpServerRequest | HttpRouter.RouteContext

/** A page of a city analyst's: figures only (see `signedAnalyst`). */
export const analystPage = <E extends { readonly _tag: string }, R extends Needs>(
  handler: (signedIn: Signed) => Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
): Handler => answered(Effect.flatMap(signedAnalyst, handler))

/** A page anyone may open (sign-in, the language switch). */
export const publicPage = <E extends { readonly _tag: string }, R extends Needs>(
  page: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
): Handler => answered(page)

/** A page of a signed-in staff member, given the session and the post's form. */
export const staffPage = <E extends { readonly _tag: string }, R extends Needs>(
  handler: (signedIn: Signed, form: Form) => Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
): Handler => answered(Effect.flatMap(signed, ({ form, signed }) => handler(signed, form)))

/** A page of staff who record casework (counselors and managers); anyone else is refused. */
export const caseworkPage = <E extends { readonly _tag: string }, R extends Needs>(
  handler: (signedIn: Signed, form: Form) => Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
): Handler =>
  staffPage((signedIn, form): Effect.Effect<HttpServerResponse.HttpServerResponse, E | NotPermitted, R> =>
    Roles.can(signedIn.role, "casework.write") ? handler(signedIn, form) : Effect.fail(new NotPermitted()))

/**
 * A post of a signed-in staff member whose body the page reads itself (an
 * upload): refused for a role `allowed` refuses before the body is read.
 */
export const uploadPage = <F, E0 extends { readonly _tag: string }, R0 extends Needs, E extends { readonly _tag: string }, R extends Needs>(
  options: {
    readonly read: Effect.Effect<F, E0, R0>
    readonly fieldsOf: (read: F) => Form | undefined
    readonly allowed: (role: Roles.Role) => boolean
  },
  handler: (signedIn: Signed, read: F) => Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
): Handler =>
  answered(Effect.flatMap(signedReading(options), ({ read, signed }) => handler(signed, read)))

/** The page of an address the app does not have. */
export const notFound: Handler = answered(Effect.flatMap(anonymousView, (view) => refuse(view, "not-found")))
