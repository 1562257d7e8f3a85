/**
 * A form post's fields: the body as `application/x-www-form-urlencoded`,
 * read once. Search terms and personal data travel here, never in the URL.
 */
import { HttpServerRequest } from "@effect/platform"
import { Effect } from "effect"

export interface Form {
  /** The field's value, trimmed; empty or absent is `undefined`. */
  readonly get: (name: string) => string | undefined
  /** Every value of a repeated field (checkboxes), trimmed, empty ones dropped. */
  readonly all: (name: string) => ReadonlyArray<string>
  /** The names of the fields sent, each once (fields named per record, `capacity-<id>`). */
  readonly names: () => ReadonlyArray<string>
}

export const formOf = (entries: ReadonlyArray<readonly [string, string]>): Form => ({
  get: (name) => {
    const value = entries.find(([key]) => key === name)?.[1].trim()
    return value === undefined || value === "" ? undefined : value
  },
  all: (name) => entries.filter(([key]) => key === name).map(([, value]) => value.trim()).filter((value) => value !== ""),
  names: () => [...new Set(entries.map(([key]) => key))]
})

/** The request's form; a body that cannot be read counts as empty. */
export const form = Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) =>
  request.urlParamsBody.pipe(
    Effect.map(formOf),
    Effect.orElseSucceed(() => formOf([]))
  ))
