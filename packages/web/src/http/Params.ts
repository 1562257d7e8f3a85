/**
 * Ids in a page's address: decoded with core's id schema, and one that
 * cannot be an id is simply not found (404), like a record that is not there.
 */
import { HttpRouter, HttpServerRequest } from "@effect/platform"
import { Effect, Option, Schema } from "effect"

/** Nothing at this address: the page answers 404. */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {}) {}

/** A value decoded as an id, or `NotFound`. */
export const idOf = <A, I extends string>(schema: Schema.Schema<A, I>, value: string | null | undefined) =>
  Option.match(Schema.decodeUnknownOption(schema)(value), {
    onNone: () => Effect.fail(new NotFound()),
    onSome: Effect.succeed
  })

/** The route's `:id`, decoded as an id of `schema`. */
export const pathId = <A, I extends string>(schema: Schema.Schema<A, I>) =>
  Effect.flatMap(HttpRouter.params, (params) => idOf(schema, params["id"]))

/** The address's query (ids, pages, a notice's name — never a person's data). */
export const query = Effect.map(HttpServerRequest.HttpServerRequest, (request) => new URL(request.url, "http://app.invalid").searchParams)
