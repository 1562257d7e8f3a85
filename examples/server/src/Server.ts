/**
 * The server as a layer: the API with its handlers and authentication,
 * `/openapi.json`, the offline API reference at `/docs`, over whatever
 * storage and users are provided.
 */
import { HttpApiBuilder, HttpApiScalar, HttpMiddleware } from "@effect/platform"
import { Layer } from "effect"
import { Api } from "./Api.js"
import { HandlersLive } from "./Http.js"
import { AuthenticationLive } from "./Users.js"

export const ApiLive = HttpApiBuilder.api(Api).pipe(Layer.provide(HandlersLive), Layer.provide(AuthenticationLive))

export const HttpLive = HttpApiBuilder.serve(HttpMiddleware.logger).pipe(
  Layer.provide(HttpApiScalar.layer({ path: "/docs" })),
  Layer.provide(HttpApiBuilder.middlewareOpenApi({ path: "/openapi.json" })),
  Layer.provide(ApiLive)
)
