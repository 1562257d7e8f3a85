/**
 * The demo's staff accounts and API tokens, seeded at start so that
 * `npm start` is one command: fixed sign-in names with one published demo
 * password, and two published demo tokens. They are demo data — printed at
 * start and marked so; a real district creates its first administrator with
 * `npm run admin` and everyone else through /accounts.
 */
import { Account, Accounts, ApiToken, type Ids, type Staff } from "@iljari/core"
import { Effect, Option, Redacted, Schema } from "effect"

/** The demo password of every demo account (demo only: it is published). */
export const demoPassword = "iljari-demo-2026!"

export interface DemoAccount {
  readonly login: string
  readonly id: string
  readonly name: string
  readonly districtId: string
  readonly role: "counselor" | "manager" | "admin" | "analyst"
  readonly grants?: ReadonlyArray<string>
}

export const demoAccounts: ReadonlyArray<DemoAccount> = [
  { login: "seongdong-counselor-01", id: "counselor-01", name: "박상담", districtId: "11200", role: "counselor" },
  { login: "seongdong-counselor-02", id: "counselor-02", name: "김지원", districtId: "11200", role: "counselor" },
  { login: "seongdong-manager", id: "manager-01", name: "정관리", districtId: "11200", role: "manager" },
  { login: "seongdong-admin", id: "admin-01", name: "한운영", districtId: "11200", role: "admin" },
  { login: "gwangjin-counselor-01", id: "counselor-91", name: "윤광진", districtId: "11215", role: "counselor" },
  { login: "seoul-analyst", id: "analyst-01", name: "서통계", districtId: "11000", role: "analyst", grants: ["11200", "11215"] }
]

export interface DemoToken {
  readonly secret: string
  readonly districtId: string
  readonly name: string
  readonly scope: "read" | "write"
}

/** Published demo tokens: their secrets are fixed so that the docs' examples work. */
export const demoTokens: ReadonlyArray<DemoToken> = [
  { secret: "iljari_t_demo_seongdong_read_0000000000000000000000", districtId: "11200", name: "데모: 구청 홈페이지 (읽기)", scope: "read" },
  { secret: "iljari_t_demo_seongdong_write_000000000000000000000", districtId: "11200", name: "데모: 연계 시스템 (쓰기)", scope: "write" },
  { secret: "iljari_t_demo_gwangjin_read_00000000000000000000000", districtId: "11215", name: "데모: 광진구 홈페이지 (읽기)", scope: "read" }
]

// The seed acts as the district's system administrator.
const system = (districtId: string): Staff.Staff => ({
  districtId: districtId as Ids.DistrictId,
  counselorId: "demo-seed" as Ids.CounselorId,
  role: "admin"
})

/** Creates the demo accounts and tokens that are not there yet. */
export const seedDemoAccess = Effect.gen(function*() {
  for (const demo of demoAccounts) {
    const found = yield* Accounts.findByLogin(Schema.decodeSync(Account.LoginName)(demo.login))
    if (Option.isSome(found)) continue
    yield* Accounts.create(system(demo.districtId), {
      id: demo.id,
      login: demo.login,
      name: demo.name,
      role: demo.role,
      grants: demo.grants ?? [],
      password: demoPassword
    })
  }
  for (const demo of demoTokens) {
    const existing = yield* ApiToken.list(system(demo.districtId))
    if (existing.some((t) => t.name === demo.name)) continue
    yield* ApiToken.create(system(demo.districtId), { name: demo.name, scope: demo.scope, days: 366 }, { secret: Redacted.make(demo.secret) })
  }
})
