/**
 * The web app for a job center's staff, as an Effect HTTP app to mount
 * under one prefix (`/app` in the example server). Pages are rendered on the
 * server in Korean (English by choice) with KRDS, and call core's use cases
 * as the signed-in staff member; htmx swaps parts of a page where that
 * saves a reload.
 *
 * @example
 * ```ts
 * import { WebApp } from "@iljari/web"
 * import { Ids, Targets } from "@iljari/core"
 *
 * // Mounted at /app in a server that provides core's stores and services (see examples/server).
 * const AppLayer = WebApp.layer({
 *   prefix: "/app",
 *   secureCookies: true,
 *   inOffice: (origin) => origin?.startsWith("10.") ?? false,
 *   targetsOf: (_district: Ids.DistrictId): Targets.MetricCounts => ({ seekers: 2400, counseling: 6000, placements: 960 })
 * })
 * ```
 *
 * @since 0.3.0
 * @module
 */
import { HttpApiBuilder, type HttpApp, type HttpServerError, HttpRouter, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import type { Services } from "./http/Handler.js"
import { Effect } from "effect"
import { asset } from "./http/Assets.js"
import { adminRoutes } from "./pages/Admin.js"
import { analysisRoutes } from "./pages/Analysis.js"
import { CurrentSettings, type WebSettings } from "./http/Settings.js"
import { employerRoutes } from "./pages/Employers.js"
import { eventRoutes } from "./pages/Events.js"
import { cafeRoutes } from "./pages/Cafes.js"
import { fairRoutes } from "./pages/Fairs.js"
import { followUpRoutes } from "./pages/FollowUps.js"
import { importRoutes } from "./pages/Import.js"
import { monitoringRoutes } from "./pages/Monitoring.js"
import { referralRoutes } from "./pages/Referrals.js"
import { reportRoutes } from "./pages/Reports.js"
import { seekerRoutes } from "./pages/Seekers.js"
import { surveyRoutes } from "./pages/Surveys.js"
import { targetRoutes } from "./pages/Targets.js"
import { language, secondFactor, secondFactorPage, signIn, signInPage, signOut } from "./pages/SignIn.js"
import { today, todayFindings } from "./pages/Today.js"
import { notFound } from "./http/Route.js"

/**
 * What the app needs from the server that mounts it: where it is mounted,
 * whether cookies travel over TLS only, which addresses are the office's, and
 * each district's annual targets.
 *
 * @since 0.3.0
 * @category app
 */
export type { WebSettings } from "./http/Settings.js"

const assets = Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
  const path = new URL(request.url, "http://app.invalid").pathname
  return asset(decodeURIComponent(path.slice(path.indexOf("/assets/") + "/assets/".length)))
})

// The pages of figures and of the district's running: reports, targets, monitoring, analysis, administration.
const figureRoutes = HttpRouter.empty.pipe(
  HttpRouter.concat(reportRoutes),
  HttpRouter.concat(targetRoutes),
  HttpRouter.concat(monitoringRoutes),
  HttpRouter.concat(analysisRoutes),
  HttpRouter.concat(adminRoutes)
)

/**
 * The app's routes, relative to where it is mounted.
 *
 * @since 0.3.0
 * @category app
 */
export const router: HttpRouter.HttpRouter<never, Services | WebSettings> = HttpRouter.empty.pipe(
  HttpRouter.get("/", today),
  HttpRouter.get("/today/findings", todayFindings),
  HttpRouter.get("/assets/*", assets),
  HttpRouter.get("/sign-in", signInPage),
  HttpRouter.post("/sign-in", signIn),
  HttpRouter.post("/sign-out", signOut),
  HttpRouter.get("/second-factor", secondFactorPage),
  HttpRouter.post("/second-factor", secondFactor),
  HttpRouter.get("/language", language),
  HttpRouter.concat(seekerRoutes),
  HttpRouter.concat(employerRoutes),
  HttpRouter.concat(referralRoutes),
  HttpRouter.concat(fairRoutes),
  HttpRouter.concat(eventRoutes),
  HttpRouter.concat(cafeRoutes),
  HttpRouter.concat(surveyRoutes),
  HttpRouter.concat(followUpRoutes),
  HttpRouter.concat(importRoutes),
  HttpRouter.concat(figureRoutes),
  // Any other address under the app is the app's own "not found" page.
  HttpRouter.all("*", notFound)
)

/**
 * The app with its settings, ready to mount: its requests need the core's
 * stores and services that its use cases need, as the JSON API's do.
 *
 * @example
 * ```ts
 * import { WebApp } from "@iljari/web"
 *
 * declare const settings: WebApp.WebSettings
 * // The app as an HttpApp, to mount yourself (WebApp.layer mounts it in an HttpApiBuilder server).
 * const httpApp = WebApp.app(settings)
 * ```
 *
 * @since 0.3.0
 * @category app
 */
export const app = (settings: WebSettings): HttpApp.Default<HttpServerError.RouteNotFound, Services> =>
  Effect.provideService(router, CurrentSettings, settings)

/**
 * What the app's pages need from the server: the stores and services of the
 * core use cases they call.
 *
 * @since 0.3.0
 * @category app
 */
export type { Services } from "./http/Handler.js"

/**
 * Mounts the app at `settings.prefix` in an `HttpApiBuilder` server, and
 * sends a browser that opens `/` to it.
 *
 * @since 0.3.0
 * @category app
 */
export const layer = (settings: WebSettings) =>
  HttpApiBuilder.Router.use((root) =>
    Effect.gen(function*() {
      const services = yield* Effect.context<Services>()
      yield* root.mountApp(settings.prefix, Effect.provide(app(settings), services))
      yield* root.get("/", HttpServerResponse.redirect(`${settings.prefix}/`, { status: 302 }))
    }))
