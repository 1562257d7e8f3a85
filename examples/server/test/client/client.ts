/**
 * The example server's API as an integrator reaches it: `openapi-fetch`
 * typed by `api.ts`, the types openapi-typescript generated from the
 * server's OpenAPI document, and nothing else — no cast, no `any`, no
 * non-null assertion (eslint.config.js holds the rule for this folder).
 */
import createClient, { type Client } from "openapi-fetch"
import { demoPassword } from "../../src/DemoAccess.js"
import type { paths } from "./api.js"

export type ApiClient = Client<paths>

/** A client that sends no credentials. */
export const anonymous = (base: string): ApiClient => createClient<paths>({ baseUrl: base })

/**
 * Signs a demo staff member in at `POST /auth/sign-in` and answers a client
 * that carries what every later request needs: the session cookie and, for
 * the writes, the CSRF token in `X-CSRF-Token`.
 */
export const signIn = async (base: string, login: string, password: string = demoPassword): Promise<ApiClient> => {
  const { data, error, response } = await anonymous(base).POST("/auth/sign-in", { body: { login, password } })
  if (data === undefined) throw new Error(`${login} could not sign in: ${response.status} ${JSON.stringify(error)}`)
  const session = response.headers.getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("iljari_session="))
  if (session === undefined) throw new Error(`${login} signed in without a session cookie`)
  return createClient<paths>({ baseUrl: base, headers: { cookie: session, "x-csrf-token": data.csrfToken } })
}

/**
 * A successful answer's body; a refusal fails the test with its status and
 * body instead (what a test of the day wants to read when a step breaks).
 */
export const ok = <T>(result: { readonly data?: T; readonly error?: unknown; readonly response: Response }): T => {
  if (result.data === undefined) {
    throw new Error(`${result.response.url} answered ${result.response.status}: ${JSON.stringify(result.error)}`)
  }
  return result.data
}

/** The one item of a list that satisfies `test`, or a failure naming what was looked for. */
export const find = <T>(items: ReadonlyArray<T>, what: string, test: (item: T) => boolean): T => {
  const found = items.filter(test)
  const [item] = found
  if (item === undefined || found.length > 1) throw new Error(`expected one ${what}, found ${found.length}`)
  return item
}

/** The first item of a list, or a failure naming the list. */
export const first = <T>(items: ReadonlyArray<T>, what: string): T => {
  const [item] = items
  if (item === undefined) throw new Error(`expected at least one ${what}, found none`)
  return item
}

/** Today in Korea (the server's business day), `daysAhead` days on, as YYYY-MM-DD. */
export const koreanDate = (daysAhead = 0, now: number = Date.now()): string =>
  new Date(now + 9 * 3_600_000 + daysAhead * 86_400_000).toISOString().slice(0, 10)
