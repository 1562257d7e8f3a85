/**
 * Staff access on every storage backend: accounts, sign-in and lock-out,
 * sessions and API tokens behave the same on memory, SQLite and PostgreSQL.
 */
import { describe, expect, it } from "@effect/vitest"
import { AccessRules, Accounts, ApiToken, Audit, Enrolment, type Ids, Policy, RateLimit, Repositories, Session, SignIn, type Staff } from "@iljari/core"
import { Clock, Context, Duration, Effect, Exit, Layer, Option, Redacted, Ref, TestClock } from "effect"
import { codeFor, countingHasher, secondFactor } from "../../Doubles.js"
import { type Backend, layerOf, scanOf } from "./backend.js"

const A = "11200" as Ids.DistrictId
const B = "11215" as Ids.DistrictId
const adminOf = (districtId: Ids.DistrictId): Staff.Staff => ({ districtId, counselorId: "admin-01" as Ids.CounselorId, role: "admin" })
const password = Redacted.make("Sunflower#2026")

// How many password verifications a test has run.
class Verifications extends Context.Tag("test/Verifications")<Verifications, Ref.Ref<number>>() {}

export const accessSuite = (backend: Backend) => {
  const run = <A, E>(effect: Effect.Effect<A, E, any>) =>
    Effect.gen(function*() {
      const verifications = yield* Ref.make(0)
      return yield* Effect.provide(
        effect,
        Layer.mergeAll(
          layerOf(backend),
          countingHasher(verifications),
          Layer.succeed(Verifications, verifications),
          secondFactor({ issuer: "성동구 일자리센터" })
        )
      )
    }) as Effect.Effect<A, E | unknown>

  const create = (login: string, districtId = A, extra: Record<string, unknown> = {}) =>
    Accounts.create(adminOf(districtId), { login, name: "김지현", role: "counselor", password: Redacted.value(password), ...extra })

  const signIn = (login: string, secret = password) => SignIn.withPassword({ login, password: secret, origin: "10.0.0.8" })

  describe(`staff access on ${backend.name}`, () => {
    it.effect("keeps a sign-in name unique across districts, and finds accounts by name and provider subject", () =>
      run(Effect.gen(function*() {
        yield* create("kim.jh", A, { externalId: "https://idp.example#kim" })
        const taken = yield* Effect.flip(create("kim.jh", B))
        expect(taken._tag).toBe("LoginTaken")
        const accounts = yield* Repositories.AccountRepository
        const found = yield* accounts.findByLogin("kim.jh" as never)
        expect(found._tag === "Some" && found.value.value.districtId).toBe(A)
        const byProvider = yield* accounts.findByExternalId("https://idp.example#kim")
        expect(byProvider._tag === "Some" && byProvider.value.value.login).toBe("kim.jh")
        expect(yield* accounts.list(B)).toEqual([])
      })))

    it.effect("refuses a weak or common password, naming the rule in Korean and English, and stores nothing", () =>
      run(Effect.gen(function*() {
        const weak = yield* Effect.flip(create("lee.sy", A, { password: "abcdefgh1" }))
        expect(weak.message).toContain("10 characters of two kinds")
        expect(weak.message).toContain("두 종류")
        const common = yield* Effect.flip(create("lee.sy", A, { password: "Qwer1234!" }))
        expect(common.message).toContain("common password")
        expect(yield* Effect.flatMap(Repositories.AccountRepository, (r) => r.list(A))).toEqual([])
      })))

    it.effect("signs in with the right password; an unknown name and a wrong password get one answer after the same hash work", () =>
      run(Effect.gen(function*() {
        yield* create("kim.jh")
        const verifications = yield* Verifications
        const signedIn = yield* signIn("Kim.JH ")
        expect(signedIn.session.stage).toBe("complete")
        expect(signedIn.account.login).toBe("kim.jh")

        yield* Ref.set(verifications, 0)
        const unknown = yield* Effect.flip(signIn("nobody.here"))
        expect(yield* Ref.get(verifications)).toBe(1)
        const wrong = yield* Effect.flip(signIn("kim.jh", Redacted.make("Sunflower#2027")))
        expect(yield* Ref.get(verifications)).toBe(2)
        const malformed = yield* Effect.flip(signIn("NOT A NAME!"))
        expect(yield* Ref.get(verifications)).toBe(3)
        expect([unknown, wrong, malformed].map((e) => [e._tag, e.message])).toEqual(
          Array(3).fill([new SignIn.SignInRefused()._tag, new SignIn.SignInRefused().message])
        )
      })))

    it.effect("locks an account after 5 failures in a row, refuses even the right password, and unlocks after the set time", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-12-05T00:00:00Z"))
        yield* create("kim.jh")
        for (let i = 0; i < 4; i++) yield* Effect.flip(signIn("kim.jh", Redacted.make(`Wrong#Password${i}`)))
        yield* signIn("kim.jh") // a success resets the count
        for (let i = 0; i < 5; i++) yield* Effect.flip(signIn("kim.jh", Redacted.make(`Wrong#Password${i}`)))
        const accounts = yield* Repositories.AccountRepository
        const locked = yield* accounts.get(A, (yield* accounts.list(A))[0]!.value.id)
        expect(locked.value.status).toBe("locked")
        expect((yield* Effect.flip(signIn("kim.jh")))._tag).toBe("SignInRefused")

        yield* TestClock.adjust(Duration.minutes(Policy.defaults.lockMinutes - 1))
        expect((yield* Effect.flip(signIn("kim.jh")))._tag).toBe("SignInRefused")
        yield* TestClock.adjust(Duration.minutes(1))
        const back = yield* signIn("kim.jh")
        expect(back.account.status).toBe("active")
        expect(back.account.failedSignIns).toBe(0)

        const log = yield* Effect.flatMap(Audit.AuditLog, (l) => l.list(A))
        expect(log.filter((e) => e.action === "lock")).toHaveLength(1)
        expect(log.filter((e) => e.action === "sign-in-refused").length).toBe(4 + 5 + 2)
        expect(log.filter((e) => e.action === "sign-in")).toHaveLength(2)
      })))

    it.effect("records every one of 20 racing wrong passwords and locks once", () =>
      run(Effect.gen(function*() {
        yield* create("kim.jh")
        yield* Effect.all(Array.from({ length: 20 }, (_, i) => Effect.flip(signIn("kim.jh", Redacted.make(`Wrong#Password${i}`)))), {
          concurrency: "unbounded"
        })
        const accounts = yield* Repositories.AccountRepository
        const [account] = yield* accounts.list(A)
        expect(account!.value.status).toBe("locked")
        // Attempts that find the account locked are refused without counting.
        expect(account!.value.failedSignIns).toBeGreaterThanOrEqual(Policy.defaults.maxFailedSignIns)
        const log = yield* Effect.flatMap(Audit.AuditLog, (l) => l.list(A))
        expect(log.filter((e) => e.action === "sign-in-refused")).toHaveLength(20)
        expect(log.filter((e) => e.action === "lock")).toHaveLength(1)
      })))

    it.effect("ends a session after 30 idle minutes, after its absolute lifetime, at sign-out, and when its account is disabled", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-12-05T00:00:00Z"))
        const account = yield* create("kim.jh")
        const ended = (secret: Redacted.Redacted<string>) => Effect.map(Effect.exit(Session.resume(secret)), Exit.isFailure)

        const idle = yield* signIn("kim.jh")
        yield* TestClock.adjust(Duration.minutes(29))
        expect(yield* ended(idle.secret)).toBe(false)
        yield* TestClock.adjust(Duration.minutes(29)) // 29 idle minutes since the last request
        expect(yield* ended(idle.secret)).toBe(false)
        yield* TestClock.adjust(Duration.minutes(30))
        expect(yield* ended(idle.secret)).toBe(true)

        const busy = yield* signIn("kim.jh")
        for (let hour = 0; hour < Policy.defaults.sessionHours * 4 - 1; hour++) {
          yield* TestClock.adjust(Duration.minutes(15))
          expect(yield* ended(busy.secret)).toBe(false)
        }
        yield* TestClock.adjust(Duration.minutes(15))
        expect(yield* ended(busy.secret)).toBe(true)

        const out = yield* signIn("kim.jh")
        yield* Session.end(out.secret)
        expect(yield* ended(out.secret)).toBe(true)

        const disabled = yield* signIn("kim.jh")
        yield* Accounts.changeStatus(adminOf(A), account.id, "disabled")
        expect(yield* ended(disabled.secret)).toBe(true)
        expect((yield* Effect.flip(signIn("kim.jh")))._tag).toBe("SignInRefused")

        expect(yield* ended(Redacted.make("iljari_s_not-a-session"))).toBe(true)
      })))

    it.effect("enrols an authenticator app, then asks for its code; a code works once, a recovery code once", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-12-05T00:00:00Z"))
        yield* create("kim.jh")
        // From outside the office networks, a second factor is required.
        const outside = yield* SignIn.withPassword({ login: "kim.jh", password, fromOutsideOffice: true })
        expect([outside.session.stage, outside.secondFactor]).toEqual(["pending", "enrol"])
        expect(yield* Effect.map(Effect.exit(Session.resume(outside.secret)), (e) => Exit.isSuccess(e) && e.value.session.stage)).toBe("pending")

        const shown = yield* Enrolment.start(outside.secret)
        expect(Redacted.value(shown.qrSvg)).toContain("<svg")
        const uri = Redacted.value(shown.uri)
        expect(new URL(uri).searchParams.get("issuer")).toBe("성동구 일자리센터")
        const codeNow = Effect.map(Clock.currentTimeMillis, (timestamp) => codeFor(uri, timestamp))
        expect((yield* Effect.flip(Enrolment.confirm(outside.secret, "000000")))._tag).toBe("CodeRefused")
        const { recoveryCodes } = yield* Enrolment.confirm(outside.secret, yield* codeNow)
        expect(recoveryCodes).toHaveLength(10)
        const live = yield* Session.resume(outside.secret)
        expect(live.session.stage).toBe("complete")

        // Enrolled: every sign-in asks for a code, even from the office.
        yield* TestClock.adjust(Duration.seconds(30))
        const next = yield* signIn("kim.jh")
        expect(next.secondFactor).toBe("code")
        const code = yield* codeNow
        yield* SignIn.withCode(next.secret, code)
        const again = yield* signIn("kim.jh")
        expect((yield* Effect.flip(SignIn.withCode(again.secret, code)))._tag).toBe("CodeRefused") // the same code twice
        const left = yield* SignIn.withCode(again.secret, recoveryCodes[0]!.toUpperCase())
        expect(left.recoveryCodesLeft).toBe(9)
        const third = yield* signIn("kim.jh")
        expect((yield* Effect.flip(SignIn.withCode(third.secret, recoveryCodes[0]!)))._tag).toBe("CodeRefused")
        const stored = yield* Effect.flatMap(Repositories.AccountRepository, (r) => r.list(A))
        expect(stored[0]!.value.recoveryCodes).toHaveLength(9)
        expect(Option.isSome(Option.fromNullable(stored[0]!.value.totpSecret))).toBe(true)
        // The codes are kept as digests only.
        const texts = yield* scanOf(backend)
        expect(texts.filter((t) => recoveryCodes.some((c) => t.text.includes(c)))).toEqual([])
      })))

    it.effect("lets a staff member change their own password: the current one first, a new one by the rule", () =>
      run(Effect.gen(function*() {
        const account = yield* create("kim.jh")
        const me: Staff.Staff = { districtId: A, counselorId: account.id, role: "counselor" }
        const next = Redacted.make("Maple#Garden-2027")
        const wrong = yield* Effect.flip(Accounts.changeOwnPassword(me, { current: Redacted.make("Not#MyPassword-1"), next }))
        expect(wrong.message).toContain("current")
        expect((yield* Effect.flatMap(Repositories.AccountRepository, (r) => r.get(A, account.id))).value.failedSignIns).toBe(1)
        expect((yield* Effect.flip(Accounts.changeOwnPassword(me, { current: password, next: password }))).message).toContain("differ")
        expect((yield* Effect.flip(Accounts.changeOwnPassword(me, { current: password, next: Redacted.make("short1") }))).message)
          .toContain("at least 8")
        yield* Accounts.changeOwnPassword(me, { current: password, next })
        expect((yield* Effect.flip(signIn("kim.jh")))._tag).toBe("SignInRefused")
        expect((yield* signIn("kim.jh", next)).account.id).toBe(account.id)
      })))

    it.effect("lets a district's administrator require a second factor of a role, there only", () =>
      run(Effect.gen(function*() {
        yield* create("kim.jh")
        yield* create("jung.mg", A, { role: "manager" })
        yield* create("yoon.gj", B, { role: "manager" })
        expect((yield* AccessRules.get(adminOf(A))).secondFactorRoles).toEqual([])
        const refused = yield* Effect.flip(AccessRules.set({ ...adminOf(A), role: "manager" }, { secondFactorRoles: ["manager"] }))
        expect(refused._tag).toBe("NotPermitted")
        yield* AccessRules.set(adminOf(A), { secondFactorRoles: ["manager", "manager"] })
        expect((yield* AccessRules.get(adminOf(A))).secondFactorRoles).toEqual(["manager"])
        expect((yield* signIn("jung.mg")).secondFactor).toBe("enrol")
        expect((yield* signIn("kim.jh")).secondFactor).toBe("none")
        expect((yield* signIn("yoon.gj")).secondFactor).toBe("none")
        yield* AccessRules.set(adminOf(A), { secondFactorRoles: [] })
        expect((yield* signIn("jung.mg")).secondFactor).toBe("none")
        const log = yield* Effect.flatMap(Audit.AuditLog, (l) => l.list(A))
        expect(log.filter((e) => e.purpose.startsWith("settings.second-factor")).map((e) => e.purpose))
          .toEqual(["settings.second-factor.manager", "settings.second-factor.none"])
      })))

    it.effect("scopes tokens to a district and refuses expired and revoked ones", () =>
      run(Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-12-05T00:00:00Z"))
        const read = yield* ApiToken.create(adminOf(A), { name: "구청 홈페이지", scope: "read", days: 30 })
        const write = yield* ApiToken.create(adminOf(A), { name: "일자리 박람회 앱", scope: "write", days: 90 })
        expect(Redacted.value(read.secret)).toMatch(/^iljari_t_[A-Za-z0-9_-]{43}$/)
        const used = yield* ApiToken.authenticate(read.secret)
        expect([used.districtId, used.scope]).toEqual([A, "read"])
        expect((yield* ApiToken.list(adminOf(B)))).toEqual([])
        expect((yield* ApiToken.list(adminOf(A))).map((t) => t.name).sort()).toEqual(["구청 홈페이지", "일자리 박람회 앱"])

        yield* ApiToken.revoke(adminOf(A), write.token.id)
        expect((yield* Effect.flip(ApiToken.authenticate(write.secret)))._tag).toBe("TokenRefused")
        expect((yield* Effect.flip(ApiToken.revoke(adminOf(B), read.token.id)))._tag).toBe("NotFound")

        yield* TestClock.adjust(Duration.days(30))
        expect((yield* Effect.flip(ApiToken.authenticate(read.secret)))._tag).toBe("TokenRefused")
        expect((yield* Effect.flip(ApiToken.create({ ...adminOf(A), role: "manager" }, { name: "x", scope: "read", days: 1 })))._tag)
          .toBe("NotPermitted")
      })))

    it.effect("keeps no password, token or session secret in any table or in the access log", () =>
      run(Effect.gen(function*() {
        yield* create("kim.jh")
        const session = yield* signIn("kim.jh")
        yield* Effect.flip(signIn("kim.jh", Redacted.make("Wrong#Password9")))
        const token = yield* ApiToken.create(adminOf(A), { name: "구청 홈페이지", scope: "read", days: 30 })
        yield* ApiToken.authenticate(token.secret)
        const secrets = [Redacted.value(password), "Wrong#Password9", Redacted.value(session.secret), Redacted.value(token.secret)]
        const stored = yield* scanOf(backend)
        for (const secret of secrets) expect(stored.filter((s) => s.text.includes(secret))).toEqual([])
        const log = yield* Effect.flatMap(Audit.AuditLog, (l) => l.list(A))
        expect(log.map((e) => e.action).sort()).toEqual(["rights-change", "rights-change", "sign-in", "sign-in-refused", "token-use"])
      })))

    it.effect("counts rate-limited hits per key and window, without losing a hit to a race, and refuses the one over the limit", () =>
      run(Effect.gen(function*() {
        const rule = { limit: 5, window: Duration.minutes(1) }
        // Ten at once on one key: five pass, five are refused, whatever the interleaving.
        const outcomes = yield* Effect.forEach(Array.from({ length: 10 }), () => Effect.exit(RateLimit.take("report:10.0.0.8", rule)), {
          concurrency: "unbounded"
        })
        expect(outcomes.filter(Exit.isSuccess).length).toBe(5)
        const refused = outcomes.find(Exit.isFailure)
        expect(refused !== undefined && Exit.isFailure(refused) && refused.cause._tag === "Fail" && refused.cause.error).toMatchObject({
          _tag: "RateLimited",
          limit: 5,
          windowSeconds: 60
        })
        // Another key counts apart; the next window starts again.
        yield* RateLimit.take("report:10.0.0.9", rule)
        yield* TestClock.adjust(Duration.minutes(1))
        yield* RateLimit.take("report:10.0.0.8", rule)
        const limits = yield* Repositories.RateLimits
        const now = yield* Clock.currentTimeMillis
        const start = Math.floor(now / 60_000) * 60_000
        expect(yield* limits.hit("report:10.0.0.8", start, start + 60_000)).toBe(2)
      })))
  })
}
