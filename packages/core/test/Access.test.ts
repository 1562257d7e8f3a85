import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, FastCheck as fc, Layer, Option, Redacted, Schema } from "effect"
import { Account, Password, Repositories, Roles } from "../src/index.js"

const isCommon = Password.isBuiltInCommon

describe("Password.problems: the safety standard's rule", () => {
  it("accepts 10 characters of two kinds and 8 of three; refuses 9 of two and 7 of four", () => {
    expect(Password.problems("maple2tree", { isCommon })).toEqual([])
    expect(Password.problems("Maple2t!", { isCommon })).toEqual([])
    expect(Password.problems("maple2tre", { isCommon }).map((p) => p.rule)).toEqual(["kinds"])
    expect(Password.problems("Mpl2t!x", { isCommon }).map((p) => p.rule)).toEqual(["length"])
    expect(Password.problems("abcdefghijklmnop", { isCommon }).map((p) => p.rule)).toEqual(["kinds"])
  })

  it("holds for any password: accepted exactly when 10+ of two kinds or 8+ of three", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 20 }), (password) => {
        const length = [...password].length
        const kinds = Password.kindsOf(password)
        const ok = (kinds >= 3 && length >= 8) || (kinds === 2 && length >= 10)
        const rules = Password.problems(password, { isCommon: () => false }).map((p) => p.rule)
        expect(rules.includes("length") || rules.includes("kinds")).toBe(!ok)
      })
    )
  })

  it("refuses common passwords, whatever their case, and the sign-in name inside the password", () => {
    expect(Password.problems("Qwer1234!", { isCommon }).map((p) => p.rule)).toEqual(["common"])
    expect(Password.problems("1q2w3e4r5t", { isCommon }).map((p) => p.rule)).toEqual(["common"])
    expect(Password.problems("kim.jh-2026!", { login: "kim.jh", isCommon }).map((p) => p.rule)).toEqual(["login"])
    const [problem] = Password.problems("Qwer1234!", { isCommon })
    expect(problem!.ko).toContain("비밀번호")
    expect(problem!.en).toBe("is a common password")
  })

  it.effect("hashes with a salt: two hashes of one password differ, both verify, a wrong password does not", () =>
    Effect.gen(function*() {
      const hasher = yield* Password.PasswordHasher
      const password = Redacted.make("Maple2t!x")
      const [a, b] = [yield* hasher.hash(password), yield* hasher.hash(password)]
      expect(Redacted.value(a)).not.toBe(Redacted.value(b))
      expect(Redacted.value(a)).not.toContain("Maple2t!x")
      expect(yield* hasher.verify(a, password)).toBe(true)
      expect(yield* hasher.verify(b, password)).toBe(true)
      expect(yield* hasher.verify(a, Redacted.make("Maple2t!y"))).toBe(false)
      expect(yield* hasher.verify(hasher.decoy, password)).toBe(false)
      expect(yield* hasher.verify(Redacted.make("not a hash"), password)).toBe(false)
    }).pipe(Effect.provide(Password.PasswordHasher.layerForTests)))
})

describe("Roles: the permission matrix", () => {
  it("gives every role a scope for every permission, and personal data to no analyst", () => {
    for (const permission of Roles.allPermissions) {
      for (const role of Roles.allRoles) expect(["none", "own", "district", "granted"]).toContain(Roles.scopeOf(role, permission))
    }
    expect(Roles.can("analyst", "records.read")).toBe(false)
    expect(Roles.scopeOf("analyst", "figures.read")).toBe("granted")
    expect(Roles.allRoles.filter((role) => Roles.can(role, "accounts.manage"))).toEqual(["admin"])
    expect(Roles.scopeOf("counselor", "casework.write")).toBe("own")
  })
})

const at = DateTime.unsafeMake("2026-12-05T00:00:00Z")
const account = (id: string, districtId: string, login: string) =>
  Schema.decodeUnknownSync(Account.Account)({
    id,
    districtId,
    login,
    name: "김지현",
    role: "counselor",
    status: "active",
    grants: [],
    passwordHash: "$test-sha256$00$00",
    failedSignIns: 0,
    createdAt: DateTime.formatIso(at),
    createdBy: "admin-01",
    changedAt: DateTime.formatIso(at),
    changedBy: "admin-01"
  })

const Accounts = Account.AccountRepository.layerMemory.pipe(Layer.provide(Repositories.layerMemoryDatabase))

describe("Account", () => {
  it("refuses a sign-in name with capitals or spaces, naming the rule in Korean and English", () => {
    const result = Schema.decodeUnknownEither(Account.LoginName)("Kim JH")
    expect(result._tag).toBe("Left")
    expect(String(result._tag === "Left" ? result.left.message : "")).toContain("아이디")
  })

  it("never prints its password hash", () => {
    const kim = account("counselor-01", "11200", "kim.jh")
    expect(JSON.stringify(Account.view(kim))).not.toContain("test-sha256")
    expect(String(kim.passwordHash)).toBe("<redacted>")
    expect(Account.view(kim).hasPassword).toBe(true)
  })

  it.layer(Accounts)((it) => {
    it.effect("keeps a sign-in name unique across districts and finds it without a district", () =>
      Effect.gen(function*() {
        const repo = yield* Account.AccountRepository
        yield* repo.insert(account("counselor-01", "11200", "kim.jh"))
        const taken = yield* Effect.flip(repo.insert(account("counselor-91", "11215", "kim.jh")))
        expect(taken._tag).toBe("LoginTaken")
        const found = yield* repo.findByLogin(Schema.decodeSync(Account.LoginName)("kim.jh"))
        expect(Option.map(found, (f) => f.value.districtId)).toEqual(Option.some("11200"))
        expect(yield* repo.findByLogin(Schema.decodeSync(Account.LoginName)("nobody"))).toEqual(Option.none())
        // Another district reads none of it.
        expect(yield* repo.list("11215" as never)).toEqual([])
      }))
  })
})

describe("docs/security.md", () => {
  it("prints the permission matrix the code enforces", async () => {
    const { readFile } = await import("node:fs/promises")
    const page = await readFile(new URL("../../../docs/security.md", import.meta.url), "utf8")
    const printed = Object.fromEntries(
      page.split("\n")
        .filter((line) => line.startsWith("| `"))
        .map((line) => {
          const [permission, ...scopes] = line.split("|").slice(1, -1).map((cell) => cell.trim())
          return [permission!.match(/`([^`]+)`/)![1]!, scopes.map((s) => (s === "—" ? "none" : s))]
        })
    )
    expect(printed).toEqual(
      Object.fromEntries(Roles.allPermissions.map((p) => [p, Roles.allRoles.map((r) => Roles.scopeOf(r, p))]))
    )
  })
})
