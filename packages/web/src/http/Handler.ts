/**
 * What a page is: an effect that answers a request with a response, having
 * turned every failure into a page of its own, given the stores and services
 * of core's use cases.
 */
import type { HttpRouter, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import type { Password, Recommendations, Repositories, SecondFactor } from "@iljari/core"
import type { ReportSource } from "@iljari/report"
import type { Effect } from "effect"
import type { WebSettings } from "./Settings.js"

/**
 * The services the pages use: core's stores, its password hasher and
 * second factor, the ranking index, an id generator, and the report
 * package's figures.
 */
export type Services =
  | Repositories.Ports
  | Repositories.IdGenerator
  | Password.PasswordHasher
  | SecondFactor.SecondFactor
  | Recommendations.Recommendations
  | ReportSource.ReportSource

export type Handler = Effect.Effect<
  HttpServerResponse.HttpServerResponse,
  never,
  Services | WebSettings | HttpServerRequest.HttpServerRequest | HttpRouter.RouteContext
>

/** A group of pages' routes, as the app mounts them. */
export type Routes = HttpRouter.HttpRouter<never, Services | WebSettings>
