/**
 * The server as a layer: the API with its handlers and authentication,
 * `/openapi.json`, the offline API reference at `/docs`, and the staff's web
 * app at `/app/` (where `/` sends a browser), over whatever storage,
 * password hasher, second factor and access settings are provided.
 */
import { HttpApiBuilder, HttpApiScalar, type HttpApp, HttpMiddleware, HttpServerError, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { Recommendations } from "@iljari/core"
import { WebApp } from "@iljari/web"
import { Effect, Layer } from "effect"
import { Api } from "./Api.js"
import { AuthenticationLive } from "./Access.js"
import { AccessLive } from "./AccessHttp.js"
import { AccessSettings } from "./AccessSettings.js"
import { HandlersLive } from "./Http.js"
import { targetsOf } from "./Settings.js"

export const ApiLive = HttpApiBuilder.api(Api).pipe(
  Layer.provide(HandlersLive),
  Layer.provide(AccessLive),
  Layer.provide(AuthenticationLive)
)

/** Where the web app is mounted. */
export const appPrefix = "/app"

// The web app signs staff in with the same cookie, office networks and targets as the API.
const WebLive = Layer.unwrapEffect(Effect.map(AccessSettings, (access) =>
  WebApp.layer({
    prefix: appPrefix,
    secureCookies: access.secureCookies,
    inOffice: access.inOffice,
    targetsOf
  })))

// Some refusals come from below the API (a body that is not JSON, a route that
// does not exist) with an empty body; every answer should say what went wrong.
const reasons: Record<number, string> = {
  400: "The request could not be read: check that the body is valid JSON and the parameters are well formed",
  404: "No such route; see /docs for the API",
  405: "This route does not accept that method; see /docs for the API"
}

const explain = (response: HttpServerResponse.HttpServerResponse) =>
  response.status >= 400 && response.body._tag === "Empty"
    ? HttpServerResponse.unsafeJson(
      { _tag: "RequestRefused", message: reasons[response.status] ?? `Request refused (HTTP ${response.status})` },
      { status: response.status }
    )
    : response

const explainEmptyRefusals = (app: HttpApp.Default): HttpApp.Default =>
  app.pipe(
    // A request that fails below the API (unreadable body) becomes its response here, so it can be explained;
    // server errors stay failures, so that they are logged with their cause.
    Effect.catchAllCause((cause) =>
      Effect.flatMap(HttpServerError.causeResponse(cause), ([response]) =>
        response.status >= 500 ? Effect.failCause(cause) : Effect.succeed(response))
    ),
    Effect.map(explain)
  )

// A body that is not JSON is refused here with a message; the request keeps
// the body it read, so the API reads it again for free. The web app's forms
// are its own to read.
const requireJson = (app: HttpApp.Default): HttpApp.Default =>
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) =>
    request.method === "GET" || request.method === "HEAD" || request.url.startsWith(`${appPrefix}/`)
      ? app
      : Effect.flatMap(Effect.either(request.json), (body) =>
        body._tag === "Left"
          ? Effect.succeed(HttpServerResponse.unsafeJson({ _tag: "RequestRefused", message: "The body is not valid JSON" }, { status: 400 }))
          : app))

export const HttpLive = HttpApiBuilder.serve((app) => HttpMiddleware.logger(explainEmptyRefusals(requireJson(app)))).pipe(
  Layer.provide(HttpApiScalar.layer({ path: "/docs" })),
  Layer.provide(HttpApiBuilder.middlewareOpenApi({ path: "/openapi.json" })),
  Layer.provide(WebLive),
  Layer.provide(ApiLive),
  // One ranking index for the API and the web app.
  Layer.provide(Recommendations.layer())
)
