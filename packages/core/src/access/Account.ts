/**
 * A staff account (계정): one per person (개인정보의 안전성 확보조치 기준
 * 제5조), with its district, role, status and sign-in state. Its id is the
 * staff member's id, the `actor` of every access-log entry they cause.
 *
 * The password is kept only as an Argon2id hash, and even that is `Redacted`:
 * an account printed or logged shows `<redacted>`. Nothing here leaves the
 * server as is; the HTTP layer answers with {@link view}.
 *
 * @example
 * ```ts
 * import { Account } from "@iljari/core"
 *
 * declare const account: Account.Account
 * const login = Account.LoginName.make("park.sd")
 * const shown = Account.view(account) // without the password's hash or the second factor's secret
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { Context, Effect, Option, Schema } from "effect"
import type { DuplicateId, PersistenceError } from "../kernel/Errors.js"
import { CounselorId, DistrictId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import { PersonName } from "../kernel/Text.js"
import { Role } from "./Roles.js"

/**
 * A sign-in name: 3 to 64 lowercase letters, digits, dots, hyphens or
 * underscores, starting with a letter or a digit. Unique across every
 * district of a deployment; sign-in reads what is typed in lowercase.
 *
 * @since 0.3.0
 * @category schemas
 */
export const LoginName = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: () =>
      "must be 3 to 64 lowercase letters, digits, dots, hyphens or underscores, starting with a letter or a digit (아이디는 영문 소문자·숫자·.-_ 3~64자)"
  }),
  Schema.brand("LoginName")
).annotations({ identifier: "LoginName" })
/** @since 0.3.0 @category schemas */
export type LoginName = typeof LoginName.Type

const statuses = codeSet("AccountStatus", [
  ["active", { ko: "사용", en: "Active" }],
  ["locked", { ko: "잠김", en: "Locked" }],
  ["disabled", { ko: "사용 중지", en: "Disabled" }]
])

/**
 * Whether an account may sign in: `locked` after repeated failures (until a
 * set time, or an administrator unlocks it), `disabled` by an administrator
 * (a staff member who left keeps their history, never their access).
 *
 * @since 0.3.0
 * @category codes
 */
export const AccountStatus = statuses.schema
/** @since 0.3.0 @category codes */
export type AccountStatus = typeof AccountStatus.Type
/** @since 0.3.0 @category codes */
export const accountStatusLabel = statuses.label

/**
 * A staff account.
 *
 * @since 0.3.0
 * @category models
 */
export class Account extends Schema.Class<Account>("Account")({
  /** The staff member's id: the same as their staff record's (`Counselor`), if they have one. */
  id: CounselorId,
  /** The district whose account it is (for an analyst, the city's code). */
  districtId: DistrictId,
  login: LoginName,
  name: PersonName,
  role: Role,
  status: AccountStatus,
  /** An analyst's districts, whose figures they may read. Empty for everyone else. */
  grants: Schema.Array(DistrictId),
  /** The Argon2id hash (PHC string) of the password; none for an account that signs in only by single sign-on. */
  passwordHash: Schema.optionalWith(Schema.Redacted(Schema.String), { exact: true }),
  /** Failed sign-ins since the last success. */
  failedSignIns: Schema.Int.pipe(Schema.nonNegative()),
  /** Until when a `locked` account stays locked. */
  lockedUntil: Schema.optionalWith(Schema.DateTimeUtc, { exact: true }),
  /** The TOTP secret (base32) once the staff member has enrolled an authenticator app. */
  totpSecret: Schema.optionalWith(Schema.Redacted(Schema.String), { exact: true }),
  /** A TOTP secret shown for enrolment and not yet confirmed with a code. */
  totpEnrolling: Schema.optionalWith(Schema.Redacted(Schema.String), { exact: true }),
  /** The time step of the last TOTP code accepted: a code is never accepted twice. */
  totpLastStep: Schema.optionalWith(Schema.Int, { exact: true }),
  /** SHA-256 digests of the recovery codes not yet used. */
  recoveryCodes: Schema.optionalWith(Schema.Array(Schema.String), { exact: true, default: () => [] }),
  /** The identity provider's issuer and subject (`issuer#subject`) this account signs in as by single sign-on. */
  externalId: Schema.optionalWith(Schema.String, { exact: true }),
  createdAt: Schema.DateTimeUtc,
  createdBy: CounselorId,
  changedAt: Schema.DateTimeUtc,
  changedBy: CounselorId
}) {}

/**
 * What of an account may be shown to an administrator: everything but the
 * password hash.
 *
 * @since 0.3.0
 * @category models
 */
export const View = Account.pipe(Schema.omit("passwordHash", "totpSecret", "totpEnrolling", "totpLastStep", "recoveryCodes")).annotations({
  identifier: "AccountView"
})
/** @since 0.3.0 @category models */
export type View = typeof View.Type

/**
 * An account as {@link View} shows it, with whether it has a password.
 *
 * @since 0.3.0
 * @category models
 */
export const view = (account: Account): View & { readonly hasPassword: boolean; readonly hasSecondFactor: boolean } => {
  const { passwordHash, recoveryCodes: _codes, totpEnrolling: _enrolling, totpLastStep: _step, totpSecret, ...shown } = account
  return { ...shown, hasPassword: passwordHash !== undefined, hasSecondFactor: totpSecret !== undefined }
}

/**
 * A sign-in name taken by another account (of any district).
 *
 * @since 0.3.0
 * @category errors
 */
export class LoginTaken extends Schema.TaggedError<LoginTaken>()("LoginTaken", {
  login: Schema.String
}) {
  override get message() {
    return `The sign-in name ${this.login} is taken by another account (이미 사용 중인 아이디입니다)`
  }
}

/**
 * The accounts of a deployment. Like every store, it is read district by
 * district; {@link AccountRepository}'s `findByLogin` alone looks across
 * districts, since a sign-in names no district.
 *
 * @since 0.3.0
 * @category ports
 */
export class AccountRepository extends Context.Tag("@iljari/core/AccountRepository")<AccountRepository, Omit<Store<Account, CounselorId>, "insert"> & {
  readonly insert: (account: Account) => Effect.Effect<Versioned<Account>, LoginTaken | DuplicateId | PersistenceError>
  readonly findByLogin: (login: LoginName) => Effect.Effect<Option.Option<Versioned<Account>>, PersistenceError>
  readonly findByExternalId: (externalId: string) => Effect.Effect<Option.Option<Versioned<Account>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const accounts = Memory.store<Account, CounselorId, LoginTaken>(db, "account", {
      key: (a) => a.login,
      conflict: (a) => new LoginTaken({ login: a.login }),
      acrossDistricts: true
    })
    return {
      ...accounts,
      findByLogin: (login) => accounts.find((a) => a.login === login),
      findByExternalId: (externalId) => accounts.find((a) => a.externalId === externalId)
    }
  })
}
