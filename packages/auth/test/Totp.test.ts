import { describe, expect, it } from "@effect/vitest"
import { Effect, Option, Redacted } from "effect"
import { FastCheck as fc } from "effect"
import { HOTP, Secret, TOTP, URI } from "otpauth"
import * as Totp from "../src/Totp.js"

const step = (at: number) => Math.floor(at / 30_000)

// What an authenticator app shows, computed by otpauth itself.
const appCode = (secret: Secret, at: number) => TOTP.generate({ secret, timestamp: at })

const secrets = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => new Secret({ buffer: bytes.buffer }))
// From 1970 to about 2100, in milliseconds.
const instants = fc.integer({ min: 120_000, max: 4_102_444_800_000 })

// A code may, one time in a million, equal another step's; such draws prove nothing.
const uniqueAround = (secret: Secret, at: number) => {
  const codes = Array.from({ length: 9 }, (_, i) => HOTP.generate({ secret, counter: step(at) - 4 + i }))
  return codes.indexOf(codes[4]!) === codes.lastIndexOf(codes[4]!)
}

describe("TOTP (RFC 6238: SHA-1, 6 digits, 30 s)", () => {
  it("passes RFC 6238 Appendix B's SHA-1 vectors, as their last 6 digits", () => {
    const rfc = Secret.fromLatin1("12345678901234567890")
    expect(TOTP.generate({ secret: rfc, digits: 8, timestamp: 59_000 })).toBe("94287082")
    const secret = Redacted.make(rfc.base32)
    const vectors: ReadonlyArray<[seconds: number, code: string]> = [
      [59, "287082"],
      [1_111_111_109, "081804"],
      [1_111_111_111, "050471"],
      [1_234_567_890, "005924"],
      [2_000_000_000, "279037"],
      [20_000_000_000, "353130"]
    ]
    for (const [seconds, code] of vectors) {
      expect(Totp.check({ secret, code, at: seconds * 1000 })).toEqual(Option.some(Math.floor(seconds / 30)))
    }
    expect(Totp.check({ secret, code: "94287082", at: 59_000 })).toEqual(Option.none())
  })

  it("accepts the app's code at the moment, 30 s early and 30 s late, naming the step it was made in", () => {
    fc.assert(fc.property(secrets, instants, (key, at) => {
      fc.pre(uniqueAround(key, at))
      const secret = Redacted.make(key.base32)
      const code = appCode(key, at)
      for (const drift of [0, -30_000, 30_000]) {
        expect(Totp.check({ secret, code, at: at + drift })).toEqual(Option.some(step(at)))
      }
      expect(Totp.check({ secret, code, at: new Date(at) })).toEqual(Option.some(step(at)))
    }))
  })

  it("refuses the app's code 90 s early or late", () => {
    fc.assert(fc.property(secrets, instants, (key, at) => {
      fc.pre(uniqueAround(key, at))
      const secret = Redacted.make(key.base32)
      const code = appCode(key, at)
      expect(Totp.check({ secret, code, at: at + 90_000 })).toEqual(Option.none())
      expect(Totp.check({ secret, code, at: at - 90_000 })).toEqual(Option.none())
    }))
  })

  it("never accepts a code twice, nor one older than the last accepted", () => {
    fc.assert(fc.property(secrets, instants, (key, at) => {
      fc.pre(uniqueAround(key, at))
      const secret = Redacted.make(key.base32)
      const code = appCode(key, at)
      const lastStep = Option.getOrThrow(Totp.check({ secret, code, at }))
      expect(Totp.check({ secret, code, at, lastStep })).toEqual(Option.none())
      expect(Totp.check({ secret, code, at: at + 30_000, lastStep })).toEqual(Option.none())
      expect(Totp.check({ secret, code: appCode(key, at - 30_000), at, lastStep })).toEqual(Option.none())
      // The next code still works.
      expect(Totp.check({ secret, code: appCode(key, at + 30_000), at, lastStep })).toEqual(Option.some(lastStep + 1))
    }))
  })

  it("refuses what is not 6 digits, even around a valid code", () => {
    const key = new Secret()
    const secret = Redacted.make(key.base32)
    const at = 1_700_000_000_000
    const code = appCode(key, at)
    const near = [` ${code}`, `${code} `, `${code.slice(0, 3)} ${code.slice(3)}`, `${code}0`, code.slice(1), ""]
    const fullWidth = [...code].map((digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0)).join("")
    for (const typed of [...near, fullWidth, "abcdef", "12345a", "-12345"]) {
      expect(Totp.check({ secret, code: typed, at })).toEqual(Option.none())
    }
    expect(Totp.check({ secret, code, at: Number.NaN })).toEqual(Option.none())
  })

  it("makes 160-bit base32 secrets, new each time, printed as <redacted>", () => {
    const secret = Totp.newSecret()
    expect(Redacted.value(secret)).toMatch(/^[A-Z2-7]{32}$/)
    expect(Secret.fromBase32(Redacted.value(secret)).bytes).toHaveLength(20)
    expect(Redacted.value(Totp.newSecret())).not.toBe(Redacted.value(secret))
    expect(String(secret)).toBe("<redacted>")
  })

  it("enrols an app with an otpauth:// URI it reads back as the same TOTP", () => {
    const secret = Totp.newSecret()
    const uri = Totp.enrolmentUri({ secret, issuer: "성동구 일자리센터", account: "kim.minsu" })
    expect(String(uri)).toBe("<redacted>")
    expect(Redacted.value(uri)).toMatch(/^otpauth:\/\/totp\//)
    const parsed = URI.parse(Redacted.value(uri))
    expect(parsed).toBeInstanceOf(TOTP)
    expect(parsed).toMatchObject({ issuer: "성동구 일자리센터", label: "kim.minsu", algorithm: "SHA1", digits: 6, period: 30 })
    expect(parsed.secret.base32).toBe(Redacted.value(secret))
  })

  it.effect("draws the URI as an SVG QR code", () =>
    Effect.gen(function*() {
      const uri = Totp.enrolmentUri({ secret: Totp.newSecret(), issuer: "iljari", account: "kim.minsu" })
      const svg = yield* Totp.qrSvg(uri)
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 (\d+) \1"/)
      expect(svg.trimEnd()).toMatch(/<\/svg>$/)
      expect(svg).not.toContain(Redacted.value(uri))
    }))
})
