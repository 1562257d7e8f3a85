/** Test helpers: a raw GET as a signed-in staff member, and CSV read back as data. */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { expect } from "@effect/vitest"
import { Effect } from "effect"
import { as } from "./server.js"

export const get = (path: string, login: string) =>
  Effect.gen(function*() {
    const http = yield* HttpClient.HttpClient
    return yield* http.execute(HttpClientRequest.get(path).pipe(yield* as(login)))
  })

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, CRLF). Text decoders drop the
 * byte-order mark (the typed client's too); the bytes are checked apart.
 */
export const parseCsv = (text: string): Array<Array<string>> => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let field = ""
  let quoted = false
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (quoted) {
      if (c === "\"" && body[i + 1] === "\"") (field += "\"", i++)
      else if (c === "\"") quoted = false
      else field += c
    } else if (c === "\"") quoted = true
    else if (c === ",") (row.push(field), field = "")
    else if (c === "\r" && body[i + 1] === "\n") (row.push(field), rows.push(row), row = [], field = "", i++)
    else field += c
  }
  expect(field).toBe("")
  expect(row).toEqual([])
  return rows
}

/** A CSV as records keyed by its header. */
export const records = (text: string): Array<Record<string, string>> => {
  const [header, ...rows] = parseCsv(text)
  for (const row of rows) expect(row.length).toBe(header!.length)
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])))
}

