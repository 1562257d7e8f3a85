/**
 * The server as a layer: the API with its handlers and authentication,
 * `/openapi.json`, the offline API reference at `/docs`, and the staff's web
 * app at `/app/` (where `/` sends a browser), over whatever storage,
 * password hasher, second factor and access settings are provided.
 */
import {
  HttpApi,
  HttpApiBuilder,
  HttpApiError,
  HttpApiScalar,
  HttpApp,
  HttpServerRequest,
  HttpServerResponse
} from "@effect/platform"
import { Recommendations } from "@iljari/core"
import { WebApp } from "@iljari/web"
import { Effect, Layer } from "effect"
import { Api } from "./Api.js"
import * as E from "./ApiErrors.js"
import { AuthenticationLive } from "./Access.js"
import { AccessLive } from "./AccessHttp.js"
import { AccessSettings } from "./AccessSettings.js"
import { edge, EdgeSettings } from "./Edge.js"
import { HandlersLive } from "./Http.js"
import * as Invalidation from "./Invalidation.js"
import { requestLog } from "./RequestLog.js"
import { targetsOf } from "./Settings.js"

// A path, query or body that does not decode is answered as a ValidationError naming each field and its rule.
const isDecodeError = (error: unknown): error is HttpApiError.HttpApiDecodeError => error instanceof HttpApiError.HttpApiDecodeError

const DecodeErrorsLive = HttpApiBuilder.middleware(Api, (app) =>
  Effect.mapError(app, (error) => (isDecodeError(error) ? E.fromDecodeError(error) : error)))

export const ApiLive = HttpApiBuilder.api(Api).pipe(
  Layer.provide(HandlersLive),
  Layer.provide(DecodeErrorsLive),
  Layer.provide(AccessLive),
  Layer.provide(AuthenticationLive)
)

/** Where the web app is mounted. */
export const appPrefix = "/app"

// The web app signs staff in with the same cookie, office networks and targets as the API, and limits the
// public survey page as the edge says.
const WebLive = Layer.unwrapEffect(Effect.map(Effect.zip(AccessSettings, EdgeSettings), ([access, edge]) =>
  WebApp.layer({
    prefix: appPrefix,
    secureCookies: access.secureCookies,
    inOffice: access.inOffice,
    targetsOf,
    surveyLimits: edge.surveyLimits
  })))

// The API's routes, to tell a path that exists with another method (405) from one that does not (404).
const routes: ReadonlyArray<{ readonly method: string; readonly path: RegExp }> = (() => {
  const out: Array<{ method: string; path: RegExp }> = [{ method: "GET", path: /^\/(docs|openapi\.json)$/ }]
  HttpApi.reflect(Api, {
    onGroup: () => {},
    onEndpoint: ({ endpoint }) => {
      const pattern = endpoint.path.split("/").map((part) => (part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      out.push({ method: endpoint.method, path: new RegExp(`^${pattern.join("/")}$`) })
    }
  })
  return out
})()

const allowed = (url: string): ReadonlyArray<string> => {
  const path = url.split("?")[0]!
  return [...new Set(routes.filter((route) => route.path.test(path)).map((route) => route.method))]
}

// Some refusals come from below the API (a body that is not JSON, a route that
// does not exist, a method the route does not take) with an empty body; every
// answer says what went wrong, in the API's one error shape. The web app keeps its own pages.
const explain = (request: HttpServerRequest.HttpServerRequest, response: HttpServerResponse.HttpServerResponse) => {
  if (response.status < 400 || response.body._tag !== "Empty") return response
  if (request.url === appPrefix || request.url.startsWith(`${appPrefix}/`) || request.url.startsWith(`${appPrefix}?`)) return response
  const json = (status: number, body: E.ErrorBody, headers: Record<string, string> = {}) =>
    HttpServerResponse.unsafeJson(body, { status, headers })
  if (response.status === 404) {
    const methods = allowed(request.url)
    return methods.length > 0 && !methods.includes(request.method)
      ? json(
        405,
        E.body(
          "MethodNotAllowed",
          `${request.method} is not accepted here; this route takes ${methods.join(", ")} (see /docs)`,
          `이 경로는 ${request.method} 요청을 받지 않습니다. ${methods.join(", ")} 요청만 받습니다 (/docs 참고)`,
          { allow: methods }
        ),
        { allow: methods.join(", ") }
      )
      : json(404, E.body("RouteNotFound", "No such route; see /docs for the API", "없는 경로입니다. API는 /docs를 보세요"))
  }
  if (response.status === 400) {
    return json(
      400,
      E.body(
        "MalformedRequest",
        "The request could not be read: check that the body is valid JSON and the parameters are well formed",
        "요청을 읽을 수 없습니다. 본문이 올바른 JSON인지, 매개변수가 제대로 쓰였는지 확인하세요"
      )
    )
  }
  return json(response.status, E.body("RequestRefused", `Request refused (HTTP ${response.status})`, `요청이 거부되었습니다 (HTTP ${response.status})`))
}

// The explanation is written as the response is sent (a pre-response handler): by the time a
// middleware sees the server's answer to a request that failed, it has been sent.
const explainEmptyRefusals = <E, R>(app: HttpApp.Default<E, R>): HttpApp.Default<E, R> =>
  Effect.zipRight(HttpApp.appendPreResponseHandler((request, response) => Effect.succeed(explain(request, response))), app)

export const HttpLive = HttpApiBuilder.serve((app) => requestLog(explainEmptyRefusals(edge({ appPrefix })(app)))).pipe(
  Layer.provide(HttpApiScalar.layer({ path: "/docs" })),
  Layer.provide(HttpApiBuilder.middlewareOpenApi({ path: "/openapi.json" })),
  Layer.provide(WebLive),
  Layer.provide(ApiLive),
  Layer.provide(Invalidation.layer),
  // One ranking index for the API and the web app.
  Layer.provide(Recommendations.layer())
)
