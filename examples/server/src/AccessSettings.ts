/**
 * How the server lets staff in: whether its cookies need TLS, which networks
 * are the offices' (from anywhere else a second factor is required), and the
 * district's identity provider for single sign-on, if it has one.
 */
import { CommonPasswords, type Oidc } from "@iljari/auth"
import { Ids, Policy, Roles } from "@iljari/core"
import { Context, Option, Schema } from "effect"
import { BlockList, isIPv6 } from "node:net"

export interface SingleSignOn {
  readonly config: Oidc.Config
  /** Where the browser goes once signed in. */
  readonly afterSignIn: string
}

export class AccessSettings extends Context.Tag("AccessSettings")<AccessSettings, {
  /** Cookies are sent only over TLS (on unless the server is reached over plain HTTP, as the demo is). */
  readonly secureCookies: boolean
  /** Whether a client address is in an office network. */
  readonly inOffice: (address: string | undefined) => boolean
  readonly singleSignOn?: SingleSignOn
}>() {}

/**
 * A matcher of office networks from CIDR blocks ("10.20.0.0/16", "::1/128").
 * An unknown address is outside.
 */
export const officeNetworks = (cidrs: ReadonlyArray<string>) => {
  const offices = new BlockList()
  for (const cidr of cidrs) {
    const [address, bits] = cidr.trim().split("/")
    if (address === undefined || bits === undefined || !/^\d+$/.test(bits)) {
      throw new Error(`Not a network in CIDR notation: ${cidr} (e.g. 10.20.0.0/16)`)
    }
    offices.addSubnet(address, Number(bits), isIPv6(address) ? "ipv6" : "ipv4")
  }
  return (address: string | undefined) => {
    if (address === undefined) return false
    // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d.
    const plain = address.startsWith("::ffff:") ? address.slice(7) : address
    return offices.check(plain, isIPv6(plain) ? "ipv6" : "ipv4")
  }
}

/** The demo's offices: this machine and the private networks an office LAN uses. */
export const demoOfficeNetworks = ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]

const whole = (name: string, value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1; got ${value}`)
  return n
}

/**
 * The sign-in policy from the environment — MAX_FAILED_SIGN_INS, LOCK_MINUTES,
 * IDLE_MINUTES, SESSION_HOURS, SECOND_FACTOR_ROLES and SECOND_FACTOR_DISTRICTS
 * (comma-separated) — over the standard's defaults, with the common-password
 * list of `@iljari/auth`.
 */
export const policyFrom = (env: (name: string) => string | undefined): Policy.Settings => {
  const list = (name: string) => env(name)?.split(",").map((item) => item.trim()).filter((item) => item !== "") ?? []
  const roles = list("SECOND_FACTOR_ROLES")
  const unknown = roles.filter((role) => !(Roles.allRoles as ReadonlyArray<string>).includes(role))
  if (unknown.length > 0) throw new Error(`SECOND_FACTOR_ROLES names no role ${unknown.join(", ")}; roles are ${Roles.allRoles.join(", ")}`)
  const districts = list("SECOND_FACTOR_DISTRICTS").map((code) => {
    const decoded = Schema.decodeUnknownOption(Ids.DistrictId)(code)
    if (Option.isNone(decoded)) throw new Error(`SECOND_FACTOR_DISTRICTS: ${code} is not a 5-digit region code`)
    return decoded.value
  })
  return {
    ...Policy.defaults,
    isCommonPassword: CommonPasswords.isCommon,
    maxFailedSignIns: whole("MAX_FAILED_SIGN_INS", env("MAX_FAILED_SIGN_INS"), Policy.defaults.maxFailedSignIns),
    lockMinutes: whole("LOCK_MINUTES", env("LOCK_MINUTES"), Policy.defaults.lockMinutes),
    idleMinutes: whole("IDLE_MINUTES", env("IDLE_MINUTES"), Policy.defaults.idleMinutes),
    sessionHours: whole("SESSION_HOURS", env("SESSION_HOURS"), Policy.defaults.sessionHours),
    secondFactorRoles: roles as ReadonlyArray<Roles.Role>,
    secondFactorDistricts: districts
  }
}
