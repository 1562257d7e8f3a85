import { describe, expect, it } from "@effect/vitest"
import { Policy } from "@iljari/core"
import { demoOfficeNetworks, officeNetworks, policyFrom } from "../src/AccessSettings.js"

describe("the server's access settings", () => {
  it("tells office addresses from others, IPv4 arriving on a dual-stack socket included", () => {
    const inOffice = officeNetworks(["10.20.0.0/16", "2001:db8::/32"])
    expect(["10.20.3.4", "::ffff:10.20.3.4", "2001:db8::1"].map(inOffice)).toEqual([true, true, true])
    expect(["10.21.0.1", "8.8.8.8", "2001:db9::1", undefined].map(inOffice)).toEqual([false, false, false, false])
    expect(officeNetworks(demoOfficeNetworks)("127.0.0.1")).toBe(true)
    expect(() => officeNetworks(["10.20.0.0"])).toThrow(/CIDR/)
  })

  it("reads the sign-in policy from the environment, refusing what it cannot use with the setting's name", () => {
    const env = (values: Record<string, string>) => (name: string) => values[name]
    const defaults = policyFrom(env({}))
    expect([defaults.maxFailedSignIns, defaults.lockMinutes, defaults.idleMinutes, defaults.sessionHours])
      .toEqual([Policy.defaults.maxFailedSignIns, Policy.defaults.lockMinutes, Policy.defaults.idleMinutes, Policy.defaults.sessionHours])
    expect(defaults.isCommonPassword("qwerty12345")).toBe(true)
    const set = policyFrom(env({ IDLE_MINUTES: "15", SECOND_FACTOR_ROLES: "admin, manager", SECOND_FACTOR_DISTRICTS: "11200" }))
    expect([set.idleMinutes, set.secondFactorRoles, set.secondFactorDistricts]).toEqual([15, ["admin", "manager"], ["11200"]])
    expect(() => policyFrom(env({ IDLE_MINUTES: "half an hour" }))).toThrow(/IDLE_MINUTES/)
    expect(() => policyFrom(env({ SECOND_FACTOR_ROLES: "boss" }))).toThrow(/SECOND_FACTOR_ROLES.*boss/)
    expect(() => policyFrom(env({ SECOND_FACTOR_DISTRICTS: "seoul" }))).toThrow(/SECOND_FACTOR_DISTRICTS/)
  })
})
