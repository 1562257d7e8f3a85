/**
 * A browser without a browser, for single sign-on tests: \`fetch\` that follows
 * no redirects by itself, with a cookie jar, and helpers that answer an
 * identity provider's development login and consent pages.
 */
import { Effect } from "effect"

/** A browser without a browser: `fetch` that follows no redirects by itself, with a cookie jar. */
export const browser = () => {
  const jar = new Map<string, { name: string; value: string; path: string }>()
  const remember = (setCookie: string) => {
    const [pair = "", ...attributes] = setCookie.split(";").map((part) => part.trim())
    const name = pair.slice(0, pair.indexOf("="))
    const value = pair.slice(pair.indexOf("=") + 1)
    const attribute = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1)
    const path = attribute("path") ?? "/"
    const expires = attribute("expires")
    const gone = attribute("max-age") === "0" || (expires !== undefined && Date.parse(expires) <= Date.now())
    if (gone) jar.delete(`${name} ${path}`)
    else jar.set(`${name} ${path}`, { name, value, path })
  }
  return async (url: URL, form?: URLSearchParams): Promise<Response> => {
    const cookie = [...jar.values()]
      .filter((c) => url.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ")
    const response = await fetch(url, {
      method: form === undefined ? "GET" : "POST",
      redirect: "manual",
      headers: {
        ...(cookie === "" ? {} : { cookie }),
        ...(form === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" })
      },
      ...(form === undefined ? {} : { body: form.toString() })
    })
    for (const setCookie of response.headers.getSetCookie()) remember(setCookie)
    return response
  }
}

export type Next = { readonly url: URL; readonly form?: URLSearchParams }

const unescapeHtml = (s: string) =>
  s.replace(/&quot;/g, "\"").replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(
    /&amp;/g,
    "&"
  )

/** Submits the page's form with its hidden fields and the given ones. */
export const submit = (html: string, at: URL, fields: Record<string, string> = {}): Next => {
  const action = /<form[^>]*\saction="([^"]+)"/.exec(html)?.[1]
  if (action === undefined) throw new Error(`no form on ${at.pathname}:\n${html}`)
  const form = new URLSearchParams()
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    form.set(unescapeHtml(name!), unescapeHtml(value!))
  }
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  return { url: new URL(unescapeHtml(action), at), form }
}

/**
 * Drives the provider's pages from the authorization URL until it redirects to
 * the client's callback, answering each page with `answer`.
 */
export const authorizeAt = (
  url: URL,
  callback: string,
  answer: (html: string, at: URL) => Next,
  send: ReturnType<typeof browser> = browser()
) =>
  Effect.promise(async () => {
    let next: Next = { url }
    for (let step = 0; step < 12; step++) {
      const response = await send(next.url, next.form)
      const location = response.headers.get("location")
      if (response.status >= 300 && response.status < 400 && location !== null) {
        const target = new URL(location, next.url)
        if (target.href.startsWith(callback)) return target
        next = { url: target }
      } else if (response.status === 200) {
        next = answer(await response.text(), next.url)
      } else {
        throw new Error(`HTTP ${response.status} at ${next.url.pathname}: ${await response.text()}`)
      }
    }
    throw new Error("the provider never redirected to the callback")
  })

/** Signs in as `sub` on the development login page (any password) and consents. */
export const signInAs = (sub: string) => (html: string, at: URL): Next =>
  html.includes("name=\"login\"")
    ? submit(html, at, { login: sub, password: "any password" })
    : submit(html, at)

/** Cancels on the login page ("Cancel" on the development login page). */
export const cancel = (html: string, at: URL): Next => {
  const abort = /href="([^"]*\/abort)"/.exec(html)?.[1]
  if (abort === undefined) throw new Error(`no cancel link on ${at.pathname}:\n${html}`)
  return { url: new URL(unescapeHtml(abort), at) }
}

