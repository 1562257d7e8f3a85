/**
 * A real OpenID provider (`oidc-provider`) on a free loopback port, for
 * testing single sign-on end to end: one confidential client that must use
 * PKCE, a few accounts, and the library's built-in development login and
 * consent pages. Its signing key is made fresh for each provider.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { Effect, type Scope } from "effect"
// @ts-expect-error -- oidc-provider ships no types and @types/oidc-provider is not installed; the little used here is typed below
import { Provider as UntypedProvider } from "oidc-provider"

interface AccountClaims {
  readonly sub: string
  readonly email: string
  readonly email_verified: boolean
  readonly name: string
  readonly preferred_username: string
}

interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void
}

const Provider: new(issuer: string, configuration: Record<string, unknown>) => Provider = UntypedProvider

/** The people who can sign in. The development login page takes the `sub` as the login and any password. */
export const accounts: ReadonlyArray<AccountClaims> = [
  {
    sub: "248289761001",
    email: "minji.kim@gangnam.example.kr",
    email_verified: true,
    name: "김민지",
    preferred_username: "minji.kim"
  },
  {
    sub: "248289761002",
    email: "junho.lee@gangnam.example.kr",
    email_verified: false,
    name: "이준호",
    preferred_username: "junho.lee"
  }
]

/** What the tests need to configure a client against the provider. */
export interface TestProvider {
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  /** How many requests reached the userinfo endpoint so far. */
  readonly userinfoRequests: () => number
}

export interface TestProviderOptions {
  /** The client's registered callback; nothing needs to listen there. */
  readonly redirectUri: string
  /**
   * Put the profile and email claims in the ID token too. By default the
   * provider follows OIDC Core §5.4 and gives them through userinfo only.
   */
  readonly idTokenCarriesClaims?: boolean
}

const userinfoPath = "/me"

/** Starts a provider on 127.0.0.1 for the scope's lifetime. */
export const testProvider = (options: TestProviderOptions): Effect.Effect<TestProvider, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.promise(async () => {
      let handler: (req: IncomingMessage, res: ServerResponse) => void = (_, res) => res.writeHead(503).end()
      let userinfoRequests = 0
      const server = createServer((req, res) => {
        if (req.url?.split("?")[0] === userinfoPath) userinfoRequests++
        handler(req, res)
      })
      // The issuer must name the port, so listen first and build the provider after.
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject)
        server.listen(0, "127.0.0.1", resolve)
      })
      const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const clientId = "iljari-gangnam"
      const clientSecret = randomBytes(32).toString("base64url")
      const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" })

      const provider = new Provider(issuer, {
        clients: [{
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [options.redirectUri],
          grant_types: ["authorization_code"],
          response_types: ["code"],
          token_endpoint_auth_method: "client_secret_basic"
        }],
        pkce: { required: () => true },
        jwks: { keys: [{ ...signingKey, alg: "RS256", use: "sig" }] },
        cookies: { keys: [randomBytes(32).toString("base64url")] },
        claims: {
          openid: ["sub"],
          email: ["email", "email_verified"],
          profile: ["name", "preferred_username"]
        },
        conformIdTokenClaims: options.idTokenCarriesClaims !== true,
        routes: { userinfo: userinfoPath },
        // Set, so the provider does not print a notice for each default it falls back to.
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
        features: { devInteractions: { enabled: true } },
        findAccount: (_ctx: unknown, id: string) => {
          const account = accounts.find((a) => a.sub === id)
          return account === undefined ? undefined : { accountId: account.sub, claims: () => account }
        }
      })
      handler = provider.callback()
      return { server, issuer, clientId, clientSecret, userinfoRequests: () => userinfoRequests }
    }),
    ({ server }) =>
      Effect.promise(() =>
        new Promise<void>((resolve) => {
          server.close(() => resolve())
          // fetch keeps connections alive; close() alone would wait for them.
          server.closeAllConnections()
        })
      )
  ).pipe(Effect.map(({ server: _, ...provider }) => provider))
