/**
 * Single sign-on (통합 로그인) for districts that run an identity provider:
 * OpenID Connect's authorization code flow with PKCE (S256), state and nonce,
 * through `openid-client`.
 *
 * A sign-in is two steps. {@link Client.start} returns the URL to send the
 * browser to and a {@link Pending} record that the server keeps with the
 * sign-in attempt (only its `state` travels in the URL, with the nonce and the
 * PKCE challenge derived from the verifier). {@link Client.finish} takes the
 * URL the browser came back to and that record, exchanges the code, lets
 * `openid-client` check state, nonce, PKCE and the ID token's signature, and
 * returns the person's {@link Claims}. Which account they sign in to is the
 * caller's decision.
 *
 * @example
 * ```ts
 * import { Oidc } from "@iljari/auth"
 * import { Schema } from "effect"
 *
 * // Single sign-on through the district's identity provider.
 * const config = Schema.decodeUnknownSync(Oidc.Config)({
 *   issuer: "https://sso.sd.go.kr",
 *   clientId: "iljari",
 *   redirectUri: "https://iljari.sd.go.kr/auth/callback"
 * })
 * const client = Oidc.make(config) // discovers the provider's endpoints
 * ```
 *
 * @since 0.3.0
 * @module
 */
import { Effect, Redacted, Schema } from "effect"
import * as client from "openid-client"

/**
 * An absolute `http:` or `https:` URL. Plain `http:` is only ever used
 * against a loopback identity provider in tests (see {@link Config}).
 *
 * @since 0.3.0
 * @category schemas
 */
export const HttpUrl = Schema.String.pipe(
  Schema.filter((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), {
    message: () => "must be an absolute http or https URL"
  })
).annotations({ identifier: "HttpUrl" })

/**
 * The scope asked for when a district configures none: an ID token plus the
 * person's name and email, which is what mapping a person to an account needs.
 *
 * @since 0.3.0
 * @category constants
 */
export const defaultScope = "openid profile email"

/**
 * How a district's server signs in at its identity provider, as registered
 * there.
 *
 * @since 0.3.0
 * @category models
 */
export const Config = Schema.Struct({
  /** The provider's issuer identifier; its discovery document is read from `/.well-known/openid-configuration` below it. */
  issuer: HttpUrl,
  clientId: Schema.NonEmptyTrimmedString,
  /** None for a public client, which then relies on PKCE alone. */
  clientSecret: Schema.optionalWith(Schema.Redacted(Schema.NonEmptyString), { exact: true }),
  /**
   * How the secret is sent to the token endpoint, as registered at the
   * provider. Defaults to `client_secret_basic`, the method every provider
   * must support (RFC 6749 §2.3.1); openid-client's own default is `_post`.
   */
  tokenEndpointAuthMethod: Schema.optionalWith(Schema.Literal("client_secret_basic", "client_secret_post"), {
    exact: true
  }),
  /** The callback URL registered at the provider, exactly as registered. */
  redirectUri: HttpUrl,
  /** Space-separated scopes; {@link defaultScope} when absent. */
  scope: Schema.optionalWith(
    Schema.String.pipe(
      Schema.filter((s) => s.split(" ").includes("openid"), { message: () => "must include \"openid\"" })
    ),
    { exact: true }
  ),
  /**
   * Allow plain `http:` to the provider. Only for tests against a provider
   * on a loopback address: {@link make} refuses it for any other issuer.
   */
  allowHttp: Schema.optionalWith(Schema.Boolean, { exact: true })
}).annotations({ identifier: "OidcConfig" })
/** @since 0.3.0 @category models */
export interface Config extends Schema.Schema.Type<typeof Config> {}

/**
 * What the server keeps with a sign-in attempt between {@link Client.start}
 * and {@link Client.finish}. Keep it server-side (or encrypted); the code
 * verifier in particular must never reach the browser.
 *
 * @since 0.3.0
 * @category models
 */
export const Pending = Schema.Struct({
  state: Schema.String,
  nonce: Schema.String,
  codeVerifier: Schema.String
}).annotations({ identifier: "OidcPending" })
/** @since 0.3.0 @category models */
export interface Pending extends Schema.Schema.Type<typeof Pending> {}

/**
 * Who signed in, from the validated ID token (and from the userinfo endpoint
 * when the ID token leaves out what the scope asked for). `issuer` and
 * `subject` together identify the person; email and names can change.
 *
 * @since 0.3.0
 * @category models
 */
export const Claims = Schema.Struct({
  issuer: Schema.String,
  subject: Schema.String,
  email: Schema.optionalWith(Schema.String, { exact: true }),
  emailVerified: Schema.optionalWith(Schema.Boolean, { exact: true }),
  name: Schema.optionalWith(Schema.String, { exact: true }),
  preferredUsername: Schema.optionalWith(Schema.String, { exact: true })
}).annotations({ identifier: "OidcClaims" })
/** @since 0.3.0 @category models */
export interface Claims extends Schema.Schema.Type<typeof Claims> {}

/**
 * A sign-in that did not complete. The reason is English for the log and the
 * administrator; it never carries a secret, a code or a token.
 *
 * @since 0.3.0
 * @category errors
 */
export class OidcError extends Schema.TaggedError<OidcError>()("OidcError", {
  reason: Schema.String
}) {
  override get message(): string {
    return `Single sign-on failed: ${this.reason}`
  }
}

/**
 * A district's sign-in client, bound to its discovered identity provider.
 *
 * @since 0.3.0
 * @category models
 */
export interface Client {
  /** A fresh sign-in attempt: where to send the browser, and what to keep until it comes back. */
  readonly start: () => Effect.Effect<{ readonly url: URL; readonly pending: Pending }>
  /** Completes the attempt from the URL the browser came back to. Each attempt succeeds at most once. */
  readonly finish: (callbackUrl: URL, pending: Pending) => Effect.Effect<Claims, OidcError>
}

/**
 * Reads the provider's discovery document and returns a client for it.
 *
 * @since 0.3.0
 * @category constructors
 */
export const make = (config: Config): Effect.Effect<Client, OidcError> =>
  Effect.gen(function*() {
    const issuer = new URL(config.issuer)
    if (config.allowHttp === true && !isLoopback(issuer)) {
      return yield* new OidcError({
        reason: `plain HTTP is allowed only for a provider on a loopback address, not ${issuer.host}`
      })
    }
    const scope = config.scope ?? defaultScope
    const configuration = yield* Effect.tryPromise({
      try: () =>
        client.discovery(issuer, config.clientId, undefined, clientAuth(config), {
          execute: config.allowHttp === true ? [client.allowInsecureRequests] : []
        }),
      catch: (e) =>
        new OidcError({ reason: `could not read the identity provider's configuration at ${issuer.href}: ${explain(e)}` })
    })
    const metadata = configuration.serverMetadata()
    if (metadata.authorization_endpoint === undefined || metadata.token_endpoint === undefined) {
      return yield* new OidcError({
        reason: `the identity provider at ${issuer.href} has no authorization or token endpoint`
      })
    }

    const start: Client["start"] = () =>
      Effect.promise(async () => {
        const pending: Pending = {
          state: client.randomState(),
          nonce: client.randomNonce(),
          codeVerifier: client.randomPKCECodeVerifier()
        }
        const url = client.buildAuthorizationUrl(configuration, {
          redirect_uri: config.redirectUri,
          scope,
          state: pending.state,
          nonce: pending.nonce,
          code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
          code_challenge_method: "S256"
        })
        return { url, pending }
      })

    const finish: Client["finish"] = (callbackUrl, pending) =>
      Effect.gen(function*() {
        // Checked here too (openid-client checks it again) so that a callback
        // from another attempt gets a reason that says so.
        if (callbackUrl.searchParams.get("state") !== pending.state) {
          return yield* new OidcError({ reason: "the callback does not belong to this sign-in attempt (state mismatch)" })
        }
        // openid-client sends the callback's own origin and path as redirect_uri;
        // behind a proxy that is not the registered one, so rebuild it.
        const callback = new URL(config.redirectUri)
        for (const [key, value] of callbackUrl.searchParams) callback.searchParams.append(key, value)

        const tokens = yield* Effect.tryPromise({
          try: () =>
            client.authorizationCodeGrant(configuration, callback, {
              pkceCodeVerifier: pending.codeVerifier,
              expectedState: pending.state,
              expectedNonce: pending.nonce,
              idTokenExpected: true
            }),
          catch: exchangeFailure
        })
        // Present: expectedNonce makes openid-client require a valid ID token.
        const idToken = tokens.claims()!
        const fromIdToken = claimsOf(idToken)

        const scopes = new Set(scope.split(" "))
        const missing = (scopes.has("email") && fromIdToken.email === undefined) ||
          (scopes.has("profile") && fromIdToken.name === undefined && fromIdToken.preferredUsername === undefined)
        if (!missing || metadata.userinfo_endpoint === undefined) {
          return { issuer: idToken.iss, subject: idToken.sub, ...fromIdToken }
        }
        // Many providers keep profile claims out of the ID token of a code
        // flow (OIDC Core §5.4); userinfo must be about the same subject.
        const userinfo = yield* Effect.tryPromise({
          try: () => client.fetchUserInfo(configuration, tokens.access_token, idToken.sub),
          catch: (e) => new OidcError({ reason: `the identity provider's userinfo request failed: ${explain(e)}` })
        })
        return { issuer: idToken.iss, subject: idToken.sub, ...claimsOf(userinfo), ...fromIdToken }
      })

    return { start, finish } satisfies Client
  })

const isLoopback = (url: URL): boolean =>
  url.hostname === "localhost" || url.hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(url.hostname)

const clientAuth = (config: Config): client.ClientAuth => {
  if (config.clientSecret === undefined) return client.None()
  const secret = Redacted.value(config.clientSecret)
  return config.tokenEndpointAuthMethod === "client_secret_post"
    ? client.ClientSecretPost(secret)
    : client.ClientSecretBasic(secret)
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.length > 0 ? value : undefined

// Some providers send email_verified as the string "true".
const flag = (value: unknown): boolean | undefined =>
  typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : undefined

const claimsOf = (
  source: Readonly<Record<string, unknown>>
): Omit<Claims, "issuer" | "subject"> => {
  const email = text(source["email"])
  const emailVerified = flag(source["email_verified"])
  const name = text(source["name"])
  const preferredUsername = text(source["preferred_username"])
  return {
    ...(email === undefined ? {} : { email }),
    ...(emailVerified === undefined ? {} : { emailVerified }),
    ...(name === undefined ? {} : { name }),
    ...(preferredUsername === undefined ? {} : { preferredUsername })
  }
}

// OAuth error codes are printable ASCII without quotes or backslashes
// (RFC 6749 §4.1.2.1); anything else in a callback URL is not worth echoing.
const errorCode = (value: string | undefined): string =>
  value !== undefined && /^[\x20\x21\x23-\x5B\x5D-\x7E]{1,64}$/.test(value) ? value : "an unreadable error code"

const printable = (value: string): string => value.replace(/[^\x20-\x7E]+/g, " ").slice(0, 200)

const exchangeFailure = (e: unknown): OidcError => {
  if (e instanceof client.AuthorizationResponseError) {
    // The callback's query comes from the browser, so only the code is echoed,
    // never its free-text description.
    const code = errorCode(e.error)
    return new OidcError({
      reason: code === "access_denied"
        ? "the identity provider refused the sign-in (access_denied): the person cancelled it or may not use this service"
        : `the identity provider returned an error instead of a code (${code})`
    })
  }
  if (e instanceof client.ResponseBodyError && e.error === "invalid_grant") {
    return new OidcError({
      reason: `the identity provider did not accept the authorization code, which was expired, already used or issued for another attempt (${explain(e)})`
    })
  }
  return new OidcError({ reason: `the identity provider's response could not be accepted: ${explain(e)}` })
}

/** What went wrong, from the most specific message available; library messages name fields, not their values. */
const explain = (e: unknown): string => {
  if (e instanceof client.ResponseBodyError) {
    const description = e.error_description === undefined ? "" : `: ${printable(e.error_description)}`
    return `HTTP ${e.status} ${errorCode(e.error)}${description}`
  }
  if (e instanceof client.ClientError) {
    const detail = e.cause instanceof Error && e.cause.message !== e.message ? ` (${e.cause.message})` : ""
    return `${e.message}${detail}`
  }
  if (e instanceof TypeError && e.message === "fetch failed") {
    const code = e.cause instanceof Error && "code" in e.cause ? ` (${String(e.cause.code)})` : ""
    return `it could not be reached${code}`
  }
  return e instanceof Error ? printable(e.message) : "an unexpected failure"
}
