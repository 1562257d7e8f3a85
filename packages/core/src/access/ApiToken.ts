/**
 * API tokens (API 토큰) for a district's integrations: created by an
 * administrator, shown once, kept only as a SHA-256 digest, scoped to one
 * district and to reading or writing, with an expiry, revocable.
 *
 * A token acts as itself: the access log names the token's id as the actor
 * of everything done with it, and records its use once a day.
 *
 * @example
 * ```ts
 * import { ApiToken, Staff } from "@iljari/core"
 *
 * declare const admin: Staff.Staff
 * // A read-only token for the district office's statistics, valid for 90 days.
 * const issued = ApiToken.create(admin, { name: "구청 통계 연계", scope: "read", days: 90 })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { Context, DateTime, Duration, Effect, Option, type Redacted, Schema } from "effect"
import type { DuplicateId, PersistenceError } from "../kernel/Errors.js"
import { ApiTokenId, CounselorId, DistrictId } from "../kernel/Ids.js"
import { LocalDate } from "../kernel/LocalDate.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import { Label } from "../kernel/Text.js"
import { type Actor, inTransaction, logAccess, newId, now, today } from "../kernel/UseCase.js"
import * as Secret from "./Secret.js"
import { require, type Staff } from "./Staff.js"

/**
 * @since 0.3.0
 * @category models
 */
export class ApiToken extends Schema.Class<ApiToken>("ApiToken")({
  id: ApiTokenId,
  districtId: DistrictId,
  /** What the token is for, e.g. the district's website. */
  name: Label,
  /** `read` may only read; `write` may also record. */
  scope: Schema.Literal("read", "write"),
  digest: Schema.String,
  createdAt: Schema.DateTimeUtc,
  createdBy: CounselorId,
  expiresAt: Schema.DateTimeUtc,
  revokedAt: Schema.optionalWith(Schema.DateTimeUtc, { exact: true }),
  revokedBy: Schema.optionalWith(CounselorId, { exact: true }),
  lastUsedOn: Schema.optionalWith(LocalDate, { exact: true })
}) {}

/**
 * A token as an administrator sees it: everything but its digest.
 *
 * @since 0.3.0
 * @category models
 */
export const View = ApiToken.pipe(Schema.omit("digest")).annotations({ identifier: "ApiTokenView" })
/** @since 0.3.0 @category models */
export type View = typeof View.Type

/** @since 0.3.0 @category models */
export const view = ({ digest: _digest, ...shown }: ApiToken): View => shown

/**
 * The token store; `findByDigest` looks across districts, since a bearer
 * token names no district.
 *
 * @since 0.3.0
 * @category ports
 */
export class ApiTokenRepository extends Context.Tag("@iljari/core/ApiTokenRepository")<ApiTokenRepository, Omit<Store<ApiToken, ApiTokenId>, "insert"> & {
  readonly insert: (token: ApiToken) => Effect.Effect<Versioned<ApiToken>, DuplicateId | PersistenceError>
  readonly findByDigest: (digest: string) => Effect.Effect<Option.Option<Versioned<ApiToken>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const tokens = Memory.store<ApiToken, ApiTokenId>(db, "api-token")
    return {
      ...tokens,
      findByDigest: (digest) => tokens.find((t) => t.digest === digest)
    }
  })
}

/**
 * An unknown, expired or revoked token: one answer for all.
 *
 * @since 0.3.0
 * @category errors
 */
export class TokenRefused extends Schema.TaggedError<TokenRefused>()("TokenRefused", {
  message: Schema.String.pipe(
    Schema.propertySignature,
    Schema.withConstructorDefault(() => "Unknown, expired or revoked API token (알 수 없거나 만료·폐기된 API 토큰입니다)")
  )
}) {}

/**
 * What a new token is for, what it may do and how long it lives (1 to 366
 * days; 90 unless said).
 *
 * @since 0.3.0
 * @category requests
 */
export const TokenRequest = Schema.Struct({
  name: Label,
  scope: Schema.Literal("read", "write"),
  days: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 366)), { exact: true, default: () => 90 })
}).annotations({ identifier: "TokenRequest" })
/** @since 0.3.0 @category requests */
export type TokenRequest = typeof TokenRequest.Type

/**
 * Creates a token for the administrator's district; the secret is in the
 * answer and nowhere else.
 *
 * @example
 * ```ts
 * import { ApiToken, Staff } from "@iljari/core"
 * import { Effect, Redacted } from "effect"
 *
 * declare const admin: Staff.Staff
 * // The secret is shown once; only its digest is stored.
 * const issued = Effect.map(
 *   ApiToken.create(admin, { name: "구청 통계 연계", scope: "read", days: 90 }),
 *   ({ secret, token }) => ({ show: Redacted.value(secret), id: token.id })
 * )
 * ```
 *
 * @since 0.3.0
 * @category tokens
 */
export const create = (
  staff: Staff,
  request: TokenRequest,
  options: {
    /** A secret known in advance: for a demo's published tokens only, never in production. */
    readonly secret?: Redacted.Redacted<string>
  } = {}
) =>
  Effect.gen(function*() {
    yield* require(staff, "tokens.manage")
    const at = yield* now
    const secret = options.secret ?? (yield* Secret.make("iljari_t_"))
    const token = new ApiToken({
      id: yield* newId(ApiTokenId, "token"),
      districtId: staff.districtId,
      name: request.name,
      scope: request.scope,
      digest: yield* Secret.digest(secret),
      createdAt: at,
      createdBy: staff.counselorId,
      expiresAt: DateTime.addDuration(at, Duration.days(request.days))
    })
    yield* inTransaction(Effect.gen(function*() {
      yield* Effect.flatMap(ApiTokenRepository, (tokens) => tokens.insert(token))
      yield* logAccess(staff, "rights-change", "token", token.id, `token.create.${token.scope}`)
    }))
    return { secret, token: view(token) }
  })

/**
 * The district's tokens, newest first.
 *
 * @example
 * ```ts
 * import { ApiToken, Staff } from "@iljari/core"
 *
 * declare const admin: Staff.Staff
 * const tokens = ApiToken.list(admin) // without their digests
 * ```
 *
 * @since 0.3.0
 * @category tokens
 */
export const list = (staff: Staff) =>
  Effect.gen(function*() {
    yield* require(staff, "tokens.manage")
    const tokens = yield* Effect.flatMap(ApiTokenRepository, (repo) => repo.list(staff.districtId))
    return tokens.map((t) => view(t.value)).sort((a, b) => DateTime.Order(b.createdAt, a.createdAt))
  })

/**
 * Revokes a token; it is refused from the next request on.
 *
 * @example
 * ```ts
 * import { ApiToken, Ids, Staff } from "@iljari/core"
 *
 * declare const admin: Staff.Staff
 * const revoked = ApiToken.revoke(admin, Ids.ApiTokenId.make("token-0001"))
 * ```
 *
 * @since 0.3.0
 * @category tokens
 */
export const revoke = (staff: Staff, id: ApiTokenId) =>
  Effect.gen(function*() {
    yield* require(staff, "tokens.manage")
    return yield* inTransaction(Effect.gen(function*() {
      const tokens = yield* ApiTokenRepository
      const current = yield* tokens.get(staff.districtId, id)
      if (current.value.revokedAt !== undefined) return view(current.value)
      const revoked = yield* tokens.update(
        new ApiToken({ ...current.value, revokedAt: yield* now, revokedBy: staff.counselorId }),
        current.version
      )
      yield* logAccess(staff, "rights-change", "token", id, "token.revoke")
      return view(revoked.value)
    }))
  })

/**
 * The live token of a bearer secret, or {@link TokenRefused}. Its first use
 * of a day is recorded in the access log.
 *
 * @example
 * ```ts
 * import { ApiToken } from "@iljari/core"
 * import { Redacted } from "effect"
 *
 * declare const bearer: string // from the request's Authorization header
 * const token = ApiToken.authenticate(Redacted.make(bearer), "10.0.0.7")
 * ```
 *
 * @since 0.3.0
 * @category tokens
 */
export const authenticate = (secret: Redacted.Redacted<string>, origin?: string) =>
  Effect.gen(function*() {
    const tokens = yield* ApiTokenRepository
    const at = yield* now
    const found = yield* tokens.findByDigest(yield* Secret.digest(secret))
    if (Option.isNone(found)) return yield* new TokenRefused()
    const { value: token, version } = found.value
    if (token.revokedAt !== undefined || DateTime.lessThanOrEqualTo(token.expiresAt, at)) return yield* new TokenRefused()
    const day = yield* today
    if (token.lastUsedOn !== day) {
      const actor: Actor = { districtId: token.districtId, counselorId: actorOf(token), ...(origin === undefined ? {} : { origin }) }
      // Racing first uses of a day: one records it.
      yield* inTransaction(Effect.gen(function*() {
        yield* tokens.update(new ApiToken({ ...token, lastUsedOn: day }), version)
        yield* logAccess(actor, "token-use", "token", token.id, `token.use.${token.scope}`)
      })).pipe(Effect.catchTags({ StaleVersion: () => Effect.void, NotFound: () => Effect.void }))
    }
    return token
  })

/**
 * The actor id the access log names for what a token does.
 *
 * @since 0.3.0
 * @category tokens
 */
export const actorOf = (token: ApiToken): CounselorId => CounselorId.make(token.id)
