import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import * as Oidc from "../src/Oidc.js"
import { authorizeAt, cancel, signInAs } from "@iljari/test-support/oidc/browser"
import { accounts, testProvider, type TestProviderOptions } from "@iljari/test-support/oidc/provider"

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

/** Drives the provider's pages until it redirects to the callback. */
const authorize = (url: URL, answer: Parameters<typeof authorizeAt>[2]) => authorizeAt(url, redirectUri, answer)

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
