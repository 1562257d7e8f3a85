import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import * as Oidc from "../src/Oidc.js"
import { accounts, testProvider, type TestProviderOptions } from "./oidcProvider.js"

// Registered at the provider; the flow stops at the redirect, so nothing listens there.
const redirectUri = "http://127.0.0.1:9/sign-in/callback"
const [minji, junho] = accounts as [(typeof accounts)[0], (typeof accounts)[0]]

const setup = (options: Partial<TestProviderOptions> = {}) =>
  Effect.gen(function*() {
    const idp = yield* testProvider({ redirectUri, ...options })
    const client = yield* Oidc.make({
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: Redacted.make(idp.clientSecret),
      redirectUri,
      allowHttp: true
    })
    return { idp, client }
  })

/** A browser without a browser: `fetch` that follows no redirects by itself, with a cookie jar. */
const browser = () => {
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

type Next = { readonly url: URL; readonly form?: URLSearchParams }

const unescapeHtml = (s: string) =>
  s.replace(/&quot;/g, "\"").replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(
    /&amp;/g,
    "&"
  )

/** Submits the page's form with its hidden fields and the given ones. */
const submit = (html: string, at: URL, fields: Record<string, string> = {}): Next => {
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
const authorize = (url: URL, answer: (html: string, at: URL) => Next) =>
  Effect.promise(async () => {
    const send = browser()
    let next: Next = { url }
    for (let step = 0; step < 12; step++) {
      const response = await send(next.url, next.form)
      const location = response.headers.get("location")
      if (response.status >= 300 && response.status < 400 && location !== null) {
        const target = new URL(location, next.url)
        if (target.href.startsWith(redirectUri)) return target
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
const signInAs = (sub: string) => (html: string, at: URL): Next =>
  html.includes("name=\"login\"")
    ? submit(html, at, { login: sub, password: "any password" })
    : submit(html, at)

/** Cancels on the login page ("Cancel" on the development login page). */
const cancel = (html: string, at: URL): Next => {
  const abort = /href="([^"]*\/abort)"/.exec(html)?.[1]
  if (abort === undefined) throw new Error(`no cancel link on ${at.pathname}:\n${html}`)
  return { url: new URL(unescapeHtml(abort), at) }
}

describe("OpenID Connect sign-in against a real provider", () => {
  it.scopedLive("signs a person in with PKCE, state and nonce, and returns who they are", () =>
    Effect.gen(function*() {
      const { client, idp } = yield* setup()
      const { pending, url } = yield* client.start()
      expect(url.searchParams.get("code_challenge_method")).toBe("S256")
      expect(url.searchParams.get("state")).toBe(pending.state)
      expect(url.searchParams.get("nonce")).toBe(pending.nonce)
      expect(url.href).not.toContain(pending.codeVerifier)

      const callback = yield* authorize(url, signInAs(minji.sub))
      expect(callback.searchParams.get("state")).toBe(pending.state)
      const claims = yield* client.finish(callback, pending)
      expect(claims).toEqual({
        issuer: idp.issuer,
        subject: minji.sub,
        email: minji.email,
        emailVerified: true,
        name: minji.name,
        preferredUsername: minji.preferred_username
      })
      // This provider keeps profile and email out of the ID token of a code flow.
      expect(idp.userinfoRequests()).toBe(1)
    }))

  it.scopedLive("reads the ID token alone when it carries the claims asked for", () =>
    Effect.gen(function*() {
      const { client, idp } = yield* setup({ idTokenCarriesClaims: true })
      const { pending, url } = yield* client.start()
      const claims = yield* client.finish(yield* authorize(url, signInAs(junho.sub)), pending)
      expect(claims).toEqual({
        issuer: idp.issuer,
        subject: junho.sub,
        email: junho.email,
        emailVerified: false,
        name: junho.name,
        preferredUsername: junho.preferred_username
      })
      expect(idp.userinfoRequests()).toBe(0)
    }))

  it.scopedLive("refuses a callback from another sign-in attempt, before spending its code", () =>
    Effect.gen(function*() {
      const { client } = yield* setup()
      const mine = yield* client.start()
      const theirs = yield* client.start()
      const callback = yield* authorize(theirs.url, signInAs(minji.sub))

      const error = yield* Effect.flip(client.finish(callback, mine.pending))
      expect(error).toBeInstanceOf(Oidc.OidcError)
      expect(error.reason).toContain("state mismatch")
      // The code was not sent anywhere: its own attempt still completes.
      expect((yield* client.finish(callback, theirs.pending)).subject).toBe(minji.sub)
    }))

  it.scopedLive("refuses a code used a second time", () =>
    Effect.gen(function*() {
      const { client } = yield* setup()
      const { pending, url } = yield* client.start()
      const callback = yield* authorize(url, signInAs(minji.sub))
      yield* client.finish(callback, pending)

      const error = yield* Effect.flip(client.finish(callback, pending))
      expect(error.reason).toContain("already used")
      expect(error.reason).toContain("invalid_grant")
      expect(error.message).not.toContain(callback.searchParams.get("code")!)
    }))

  it.scopedLive("refuses a code exchanged without its PKCE verifier", () =>
    Effect.gen(function*() {
      const { client } = yield* setup()
      const { pending, url } = yield* client.start()
      const callback = yield* authorize(url, signInAs(minji.sub))
      const other = yield* client.start()

      const error = yield* Effect.flip(client.finish(callback, { ...pending, codeVerifier: other.pending.codeVerifier }))
      expect(error.reason).toContain("invalid_grant")
      expect(error.message).not.toContain(pending.codeVerifier)
    }))

  it.scopedLive("refuses an ID token issued for another nonce", () =>
    Effect.gen(function*() {
      const { client } = yield* setup()
      const { pending, url } = yield* client.start()
      const callback = yield* authorize(url, signInAs(minji.sub))

      const error = yield* Effect.flip(client.finish(callback, { ...pending, nonce: "another-nonce" }))
      expect(error.reason).toContain("nonce")
      expect(error.message).not.toContain("another-nonce")
    }))

  it.scopedLive("refuses a sign-in the person cancelled at the provider, saying so", () =>
    Effect.gen(function*() {
      const { client } = yield* setup()
      const { pending, url } = yield* client.start()
      const callback = yield* authorize(url, cancel)
      expect(callback.searchParams.get("error")).toBe("access_denied")
      expect(callback.searchParams.has("code")).toBe(false)

      const error = yield* Effect.flip(client.finish(callback, pending))
      expect(error.reason).toContain("refused the sign-in (access_denied)")
      expect(error.message).toMatch(/^Single sign-on failed: /)
    }))

  it.scopedLive("will not talk to a provider over plain HTTP unless allowed", () =>
    Effect.gen(function*() {
      const { idp } = yield* setup()
      const error = yield* Effect.flip(Oidc.make({ issuer: idp.issuer, clientId: idp.clientId, redirectUri }))
      expect(error.reason).toContain("only requests to HTTPS are allowed")
    }))

  it.effect("allows plain HTTP only for a provider on a loopback address", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        Oidc.make({ issuer: "http://sso.gangnam.example.kr", clientId: "iljari", redirectUri, allowHttp: true })
      )
      expect(error.reason).toContain("loopback")
    }))
})
