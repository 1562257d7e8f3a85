/**
 * Query parameters and the version a write names, each typed in the OpenAPI
 * document as what it is (an integer with its bounds, an enum, a date) and
 * refused, when it breaks its rule, with a message naming the rule in English
 * and Korean.
 */
import { type HttpApiEndpoint, type HttpMethod, OpenApi } from "@effect/platform"
import { Idempotency, LocalDate } from "@iljari/core"
import { Either, Encoding, ParseResult, Schema } from "effect"
import * as E from "./ApiErrors.js"
import { bilingual } from "./ApiErrors.js"

/**
 * A whole number written in the query (`?limit=20`): `integer` with its
 * bounds in the document; anything else is refused with the rule.
 */
export const integer = (options: {
  readonly min: number
  readonly max: number
  readonly description: string
  readonly en?: string
  readonly ko?: string
}) => {
  const en = options.en ?? `must be a whole number from ${options.min} to ${options.max}`
  const ko = options.ko ?? `${options.min}부터 ${options.max}까지의 정수여야 합니다`
  const message = bilingual(en, ko)
  return Schema.NumberFromString.pipe(Schema.int(), Schema.between(options.min, options.max)).annotations({
    message: () => ({ message, override: true }),
    jsonSchema: { type: "integer", minimum: options.min, maximum: options.max, description: options.description }
  })
}

/** A number written in the query (not necessarily whole), with its bounds. */
export const decimal = (options: {
  readonly min: number
  readonly max: number
  readonly description: string
  readonly en: string
  readonly ko: string
}) => {
  const message = bilingual(options.en, options.ko)
  return Schema.NumberFromString.pipe(Schema.between(options.min, options.max)).annotations({
    message: () => ({ message, override: true }),
    jsonSchema: { type: "number", minimum: options.min, maximum: options.max, description: options.description }
  })
}

/** One of a list of words in the query, refused with the list. */
export const oneOf = <const L extends ReadonlyArray<string>>(literals: L, description: string) => {
  const message = bilingual(`must be one of ${literals.join(", ")}`, `다음 중 하나여야 합니다: ${literals.join(", ")}`)
  return Schema.Literal(...literals).annotations({ description, message: () => ({ message, override: true }) })
}

/** The labels' language: Korean (default) or English. */
export const Lang = oneOf(["ko", "en"], "Labels and explanations in Korean (ko, the default) or English (en)")

/**
 * `offset` and `limit` of the older lists that answer a bare array (100 a
 * page by default, 1000 at most). `offset` is deprecated: the paged lists
 * (`CursorPage`) page by cursor.
 */
export const Page = Schema.Struct({
  offset: Schema.optional(
    integer({ min: 0, max: 1_000_000_000, description: "Deprecated: how many to skip (default 0). Lists that answer { items, nextCursor } page by cursor instead." })
  ),
  limit: Schema.optional(integer({ min: 1, max: 1000, description: "How many to answer, 1–1000 (default 100)" }))
})

// A cursor is the id of the last record of a page, versioned and base64url-encoded:
// opaque to clients, and free of personal data (never the name a page is sorted by).
const cursorPrefix = "v1:"

/** The cursor a page answers as `nextCursor`, naming the last record it shows. */
export const encodeCursor = (id: string): string => Encoding.encodeBase64Url(`${cursorPrefix}${id}`)

const cursorMessage = bilingual(
  "must be the nextCursor of the page before, exactly as it was given",
  "앞 페이지 응답의 nextCursor 값을 그대로 보내야 합니다"
)

const cursorId = (cursor: string): string | undefined => {
  if (cursor.length === 0 || cursor.length > 300 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined
  const decoded = Encoding.decodeBase64UrlString(cursor)
  if (Either.isLeft(decoded) || !decoded.right.startsWith(cursorPrefix)) return undefined
  const id = decoded.right.slice(cursorPrefix.length)
  return id.length > 0 && id.length <= 200 ? id : undefined
}

/**
 * `cursor` in the query: a page's `nextCursor`, decoded to the id of the
 * record the next page starts after; anything else is refused (400, field
 * `cursor`).
 */
export const Cursor = Schema.transformOrFail(Schema.String, Schema.String, {
  strict: true,
  decode: (cursor, _, ast) => {
    const id = cursorId(cursor)
    return id === undefined ? ParseResult.fail(new ParseResult.Type(ast, cursor, cursorMessage)) : ParseResult.succeed(id)
  },
  encode: (id) => ParseResult.succeed(encodeCursor(id))
}).annotations({
  message: () => ({ message: cursorMessage, override: true }),
  jsonSchema: {
    type: "string",
    description: "The nextCursor of the page before, as given (opaque); absent for the first page"
  }
})

// The cursor a page answers: the id of its last record, encoded as `cursor` takes it back.
const NextCursor = Schema.NullOr(Cursor.annotations({
  jsonSchema: { type: "string", description: "Send it back as cursor for the next page (opaque); null on the last page" }
}))

/**
 * `limit` and `cursor` of a paged list, which answers `{ items, nextCursor }`:
 * at most 100 a page (`JobCenter.maxPageSize`), the next page asked with the
 * `nextCursor` of the one before.
 */
export const CursorPage = Schema.Struct({
  limit: Schema.optional(integer({ min: 1, max: 100, description: "How many to answer, 1–100 (default 100)" })),
  cursor: Schema.optional(Cursor)
})

/**
 * A page of a paged list: its items and `nextCursor`, which asks for the
 * next page (`null` on the last one); `total` when the list counts.
 */
export const pageOf = <A, I>(item: Schema.Schema<A, I>, identifier: string, description: string) =>
  Schema.Struct({
    items: Schema.Array(item),
    nextCursor: NextCursor
  }).annotations({ identifier, description })

/** {@link pageOf} with how many records the whole list holds. */
export const countedPageOf = <A, I>(item: Schema.Schema<A, I>, identifier: string, description: string) =>
  Schema.Struct({
    items: Schema.Array(item),
    total: Schema.Int.annotations({ description: "How many records the whole list holds, across its pages" }),
    nextCursor: NextCursor
  }).annotations({ identifier, description })

/** A year in the query, 2000–2100. */
export const Year = integer({
  min: 2000,
  max: 2100,
  description: "A year, 2000–2100",
  en: "year must be a whole year from 2000 to 2100",
  ko: "year는 2000부터 2100까지의 연도여야 합니다"
})

/** A count in the query (a target): 0 or more. */
export const Count = (description: string) =>
  integer({ min: 0, max: 100_000_000, description, en: "must be a whole number, 0 or more", ko: "0 이상의 정수여야 합니다" })

/**
 * The version a write is based on, in the request body: the `version` of the
 * record as it was read. A stale one is a 409 `StaleVersion`.
 */
export const Version = Schema.Int.pipe(
  Schema.positive({
    message: () =>
      bilingual(
        "must be the record's version as you read it: a whole number from 1",
        "읽어 온 기록의 버전(1 이상의 정수)이어야 합니다"
      )
  })
).annotations({
  jsonSchema: {
    type: "integer",
    minimum: 1,
    description: "The version of the record as you read it (its `version`); a stale one is refused with 409 StaleVersion",
    examples: [1]
  }
})

/** An operation's summary (a short title) and description, for the OpenAPI document. */
export const doc = (summary: string, description: string) => OpenApi.annotations({ summary, description })

/**
 * The `Idempotency-Key` header, as a request carries it (Node writes header
 * names in lower case): optional, 1–255 visible ASCII characters.
 */
export const IdempotencyKeyHeader = Schema.Struct({
  "idempotency-key": Schema.optional(Idempotency.Key)
})

const idempotencyKeyParameter = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "A key you choose for this request (a UUID, say), so that sending it again creates nothing twice: the same key with the same body, from the same account, replays the first answer (status and body, with `Idempotent-Replayed: true`) for 24 hours; the same key with another body or route is a 422 IdempotencyKeyReused; a request sent while the first with its key is still running waits for its answer, or is a 409 IdempotencyKeyInProgress. A request that failed frees its key.",
  // Inline (a parameter's schema may not refer to the document's definitions): the core's rule, as a pattern.
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[!-~]{1,255}$", examples: ["6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"] }
}

/**
 * A POST that creates something accepts an `Idempotency-Key` (see
 * `Idempotent.ts` for the handlers): the header in the document, and the two
 * refusals a key may meet.
 */
export const acceptsIdempotencyKey = <
  Name extends string,
  Method extends HttpMethod.HttpMethod,
  Path,
  UrlParams,
  Payload,
  Headers,
  Success,
  Error,
  R,
  RE
>(endpoint: HttpApiEndpoint.HttpApiEndpoint<Name, Method, Path, UrlParams, Payload, Headers, Success, Error, R, RE>) =>
  endpoint
    .addError(E.IdempotencyKeyReused)
    .addError(E.IdempotencyKeyInProgress)
    .annotateContext(OpenApi.annotations({
      transform: (operation) => ({
        ...operation,
        parameters: [...((operation["parameters"] as ReadonlyArray<unknown> | undefined) ?? []), idempotencyKeyParameter]
      })
    }))

/**
 * The rule of a period in the query: `to` is not before `from` when both are
 * given; else a 400 ValidationError naming `to`, never an empty answer.
 */
export const periodInOrder = (params: unknown) => {
  const { from, to } = params as { readonly from?: LocalDate.LocalDate; readonly to?: LocalDate.LocalDate }
  return from === undefined || to === undefined || from <= to || { path: ["to"], message: `must not be before from (${from}); got ${to}` }
}

/**
 * A period in the query — `from` and `to`, both days included — with the
 * route's other parameters, `to` not before `from` ({@link periodInOrder}).
 */
export const withPeriod = <Fields extends Schema.Struct.Fields>(
  fields: Fields,
  descriptions: { readonly from: string; readonly to: string } = {
    from: "The first day, YYYY-MM-DD",
    to: "The last day, YYYY-MM-DD, included"
  }
) =>
  Schema.Struct({
    from: LocalDate.LocalDate.annotations({ description: descriptions.from }),
    to: LocalDate.LocalDate.annotations({ description: descriptions.to }),
    ...fields
  }).pipe(Schema.filter(periodInOrder))
