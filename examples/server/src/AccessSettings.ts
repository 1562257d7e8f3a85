/**
 * How the server lets staff in: whether its cookies need TLS, which networks
 * are the offices' (from anywhere else a second factor is required), and the
 * district's identity provider for single sign-on, if it has one.
 */
import type { Oidc } from "@iljari/auth"
import { Context } from "effect"
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
