/**
 * Managing staff accounts (계정·권한 관리): an administrator creates them,
 * changes their role or status, resets a password or a lost second factor.
 * Every change of access rights is in the access log — who, when, what
 * (개인정보의 안전성 확보조치 기준 제5조 ③: kept at least three years; the
 * access log is never erased).
 *
 * @example
 * ```ts
 * import { Accounts, Staff } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const admin: Staff.Staff
 * // An administrator adds a counselor, then lists the district's staff.
 * const added = Effect.gen(function*() {
 *   yield* Accounts.create(admin, { login: "park.sd", name: "박상담", role: "counselor", password: "성동구-일자리-2026!" })
 *   return yield* Accounts.list(admin)
 * })
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { Effect, Redacted, Schema } from "effect"
import { CounselorId, DistrictId } from "../kernel/Ids.js"
import { PersonName } from "../kernel/Text.js"
import { Counselor, CounselorRepository } from "../registry/Counselor.js"
import { fieldsOf, inTransaction, invalid, logAccess, newId, now } from "../kernel/UseCase.js"
import { decode, ValidationError, ValidationIssue } from "../kernel/Validation.js"
import { Account, AccountRepository, AccountStatus, LoginName, view } from "./Account.js"
import { underLock } from "./internal/accountLock.js"
import { PasswordHasher, problems } from "./Password.js"
import { Policy } from "./Policy.js"
import { Role } from "./Roles.js"
import { countFailure } from "./SignIn.js"
import { require, type Staff } from "./Staff.js"

/**
 * A new account, as an administrator fills it in. The password is optional:
 * an account of a district with single sign-on may have none.
 *
 * @since 0.3.0
 * @category requests
 */
export const NewAccount = Schema.Struct({
  /** The staff id; a new one unless given (e.g. the staff record's). */
  id: Schema.optionalWith(CounselorId, { exact: true }),
  login: LoginName,
  name: PersonName,
  role: Role,
  grants: Schema.optionalWith(Schema.Array(DistrictId), { exact: true, default: () => [] }),
  password: Schema.optionalWith(Schema.Redacted(Schema.String), { exact: true }),
  externalId: Schema.optionalWith(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(500)), { exact: true })
}).annotations({ identifier: "NewAccount" })
/** @since 0.3.0 @category requests */
export type NewAccount = typeof NewAccount.Type

const decodeNewAccount = decode(NewAccount)

/**
 * Refuses a password that breaks the rule, naming each problem in Korean and
 * English.
 *
 * @since 0.3.0
 * @category passwords
 */
export const checkPassword = (password: Redacted.Redacted<string>, login: string) =>
  Effect.flatMap(Policy, (policy) => {
    const found = problems(Redacted.value(password), { login, isCommon: policy.isCommonPassword })
    const [first, ...rest] = found.map((p) => new ValidationIssue({ path: "password", message: `${p.en} (${p.ko})` }))
    return first === undefined ? Effect.void : Effect.fail(new ValidationError({ subject: "Password", issues: [first, ...rest] }))
  })

const hashed = (password: Redacted.Redacted<string>, login: string) =>
  Effect.zipRight(checkPassword(password, login), Effect.flatMap(PasswordHasher, (hasher) => hasher.hash(password)))

// The district's staff members have a staff record under the account's id (the
// caseloads, reports and follow-up ledgers name it); one imported earlier is kept.
const ensureStaffRecord = (account: Account) =>
  Effect.gen(function*() {
    if (account.role === "analyst") return
    const counselors = yield* CounselorRepository
    const exists = yield* counselors.get(account.districtId, account.id).pipe(
      Effect.as(true),
      Effect.catchTag("NotFound", () => Effect.succeed(false))
    )
    if (exists) return
    yield* counselors.insert(new Counselor({
      id: account.id,
      districtId: account.districtId,
      name: account.name,
      role: account.role,
      contact: {},
      active: true
    }))
  })

// An analyst reads the figures of districts granted to them; no one else has grants.
const checkGrants = (role: Role, grants: ReadonlyArray<DistrictId>) =>
  role !== "analyst" && grants.length > 0
    ? Effect.fail(invalid("Account", "grants", "only an analyst is granted districts (통계 분석가만 구를 지정받습니다)"))
    : Effect.void

/**
 * Creates an account in the administrator's district.
 *
 * @example
 * ```ts
 * import { Accounts, Staff } from "@iljari/core"
 *
 * declare const admin: Staff.Staff
 * const account = Accounts.create(admin, {
 *   login: "park.sd",
 *   name: "박상담",
 *   role: "counselor",
 *   password: "성동구-일자리-2026!"
 * })
 * ```
 *
 * @since 0.3.0
 * @category accounts
 */
export const create = (staff: Staff, input: unknown) =>
  Effect.gen(function*() {
    yield* require(staff, "accounts.manage")
    const fields = yield* fieldsOf("Account", input)
    const request = yield* decodeNewAccount(fields)
    yield* checkGrants(request.role, request.grants)
    const passwordHash = request.password === undefined ? undefined : yield* hashed(request.password, request.login)
    const at = yield* now
    const account = new Account({
      id: request.id ?? (yield* newId(CounselorId, "staff")),
      districtId: staff.districtId,
      login: request.login,
      name: request.name,
      role: request.role,
      status: "active",
      grants: request.grants,
      ...(passwordHash === undefined ? {} : { passwordHash }),
      ...(request.externalId === undefined ? {} : { externalId: request.externalId }),
      failedSignIns: 0,
      recoveryCodes: [],
      createdAt: at,
      createdBy: staff.counselorId,
      changedAt: at,
      changedBy: staff.counselorId
    })
    return yield* inTransaction(Effect.gen(function*() {
      yield* Effect.flatMap(AccountRepository, (accounts) => accounts.insert(account))
      yield* ensureStaffRecord(account)
      yield* logAccess(staff, "rights-change", "account", account.id, `account.create.${account.role}`)
      return view(account)
    }))
  })

// Reads, changes and logs one account under its lock, so that racing changes
// cannot lose one another. The account is known to exist.
const save = <R>(
  staff: Staff,
  id: CounselorId,
  logged: { readonly action: "rights-change" | "update"; readonly purpose: string },
  edit: (account: Account) => Effect.Effect<Account, ValidationError, R>
) =>
  Effect.flatMap(AccountRepository, (accounts) =>
    underLock(id, Effect.gen(function*() {
      const current = yield* accounts.get(staff.districtId, id)
      const edited = yield* edit(current.value)
      const saved = yield* accounts.update(
        new Account({ ...edited, changedAt: yield* now, changedBy: staff.counselorId }),
        current.version
      )
      yield* logAccess(staff, logged.action, "account", id, logged.purpose)
      return view(saved.value)
    })))

// An administrator's change of someone's access rights.
const change = <R>(
  staff: Staff,
  id: CounselorId,
  purpose: string,
  edit: (account: Account) => Effect.Effect<Account, ValidationError, R>
) =>
  Effect.gen(function*() {
    yield* require(staff, "accounts.manage")
    // Another district's account is not found, like one that does not exist.
    yield* Effect.flatMap(AccountRepository, (accounts) => accounts.get(staff.districtId, id))
    return yield* save(staff, id, { action: "rights-change", purpose }, edit)
  })

/**
 * Changes an account's role (and an analyst's districts).
 *
 * @example
 * ```ts
 * import { Accounts, Ids, Staff } from "@iljari/core"
 *
 * declare const admin: Staff.Staff
 * const promoted = Accounts.changeRole(admin, Ids.CounselorId.make("counselor-01"), "manager")
 * ```
 *
 * @since 0.3.0
 * @category accounts
 */
export const changeRole = (staff: Staff, id: CounselorId, role: Role, grants: ReadonlyArray<DistrictId> = []) =>
  change(staff, id, `account.role.${role}`, (account) =>
    Effect.as(checkGrants(role, grants), new Account({ ...account, role, grants })))

/**
 * Disables an account (a staff member who left keeps their history, never
 * their access), or makes it active again — which also lifts a lock.
 *
 * @example
 * ```ts
 * import { Accounts, Ids, Staff } from "@iljari/core"
 *
 * declare const admin: Staff.Staff
 * // A counselor who leaves the center: their sessions end with the account.
 * const disabled = Accounts.changeStatus(admin, Ids.CounselorId.make("counselor-01"), "disabled")
 * ```
 *
 * @since 0.3.0
 * @category accounts
 */
export const changeStatus = (staff: Staff, id: CounselorId, status: Exclude<AccountStatus, "locked">) =>
  change(staff, id, `account.status.${status}`, (account) => {
    const { lockedUntil: _lifted, ...rest } = account
    return Effect.succeed(new Account({ ...rest, status, failedSignIns: 0 }))
  })

/**
 * Sets a new password for an account (a reset by an administrator).
 *
 * @example
 * ```ts
 * import { Accounts, Ids, Staff } from "@iljari/core"
 * import { Redacted } from "effect"
 *
 * declare const admin: Staff.Staff
 * const reset = Accounts.resetPassword(admin, Ids.CounselorId.make("counselor-01"), Redacted.make("임시-비밀번호-0514!"))
 * ```
 *
 * @since 0.3.0
 * @category accounts
 */
export const resetPassword = (staff: Staff, id: CounselorId, password: Redacted.Redacted<string>) =>
  change(staff, id, "account.password.reset", (account) =>
    Effect.map(hashed(password, account.login), (passwordHash) => new Account({ ...account, passwordHash })))

/**
 * Removes an account's second factor (a lost phone and no recovery code
 * left); it enrols again at its next sign-in if the policy needs one.
 *
 * @example
 * ```ts
 * import { Accounts, Ids, Staff } from "@iljari/core"
 *
 * declare const admin: Staff.Staff
 * // A lost phone: the counselor enrols a new authenticator at the next sign-in.
 * const reset = Accounts.resetSecondFactor(admin, Ids.CounselorId.make("counselor-01"))
 * ```
 *
 * @since 0.3.0
 * @category accounts
 */
export const resetSecondFactor = (staff: Staff, id: CounselorId) =>
  change(staff, id, "account.second-factor.reset", (account) => {
    const { totpSecret: _secret, totpEnrolling: _enrolling, totpLastStep: _step, ...rest } = account
    return Effect.succeed(new Account({ ...rest, recoveryCodes: [] }))
  })

/**
 * The district's accounts.
 *
 * @example
 * ```ts
 * import { Accounts, Staff } from "@iljari/core"
 *
 * declare const admin: Staff.Staff
 * const accounts = Accounts.list(admin)
 * ```
 *
 * @since 0.3.0
 * @category accounts
 */
export const list = (staff: Staff) =>
  Effect.gen(function*() {
    yield* require(staff, "accounts.manage")
    const accounts = yield* Effect.flatMap(AccountRepository, (repo) => repo.list(staff.districtId))
    return accounts.map((a) => view(a.value))
  })

/**
 * The names of a district's staff by id, for reports that name counselors.
 *
 * @example
 * ```ts
 * import { Accounts, Ids } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * const nameOf = Effect.map(Accounts.names(Ids.DistrictId.make("11200")), (names) => names["counselor-01"] ?? "—")
 * ```
 *
 * @since 0.3.0
 * @category accounts
 */
export const names = (districtId: DistrictId) =>
  Effect.map(
    Effect.flatMap(AccountRepository, (repo) => repo.list(districtId)),
    (accounts) => Object.fromEntries(accounts.map((a) => [a.value.id, a.value.name] as const))
  )

/**
 * An account by sign-in name, for a deployment's own tools (the demo's
 * seed, the first administrator's command): no permission is checked.
 *
 * @example
 * ```ts
 * import { Accounts, Account } from "@iljari/core"
 *
 * const found = Accounts.findByLogin(Account.LoginName.make("park.sd")) // an Option
 * ```
 *
 * @since 0.3.0
 * @category accounts
 */
export const findByLogin = (login: LoginName) => Effect.flatMap(AccountRepository, (repo) => repo.findByLogin(login))

/**
 * A staff member changes their own password: the current one proves it is
 * them (a wrong one counts as a failed sign-in), the new one follows the
 * rule and must differ.
 *
 * @example
 * ```ts
 * import { Accounts, Staff } from "@iljari/core"
 * import { Redacted } from "effect"
 *
 * declare const me: Staff.Staff
 * const changed = Accounts.changeOwnPassword(me, {
 *   current: Redacted.make("성동구-일자리-2026!"),
 *   next: Redacted.make("새-비밀번호-2026-05!")
 * })
 * ```
 *
 * @since 0.3.0
 * @category accounts
 */
export const changeOwnPassword = (
  staff: Staff,
  passwords: { readonly current: Redacted.Redacted<string>; readonly next: Redacted.Redacted<string> }
) =>
  Effect.gen(function*() {
    const hasher = yield* PasswordHasher
    const accounts = yield* AccountRepository
    // The signed-in staff member's account exists: accounts are never deleted.
    const account = (yield* Effect.catchTag(accounts.get(staff.districtId, staff.counselorId), "NotFound", Effect.die)).value
    const verified = yield* hasher.verify(account.passwordHash ?? hasher.decoy, passwords.current)
    if (!verified || account.passwordHash === undefined) {
      // Guessing through a session left open counts towards the lock like any sign-in.
      yield* countFailure(account, staff.origin, "account.password.own")
      return yield* invalid("Password", "current", "is not your current password (현재 비밀번호가 맞지 않습니다)")
    }
    if (Redacted.value(passwords.current) === Redacted.value(passwords.next)) {
      return yield* invalid("Password", "next", "must differ from the current password (현재 비밀번호와 달라야 합니다)")
    }
    const passwordHash = yield* hashed(passwords.next, account.login)
    return yield* save(staff, account.id, { action: "update", purpose: "account.password.own" }, (current) =>
      Effect.succeed(new Account({ ...current, passwordHash })))
  })
