import { describe, expect, it } from "@effect/vitest"
import { DateTime, Schema } from "effect"
import { Consent } from "../src/index.js"

const consents = Schema.decodeSync(Schema.Array(Consent.Consent))([
  { purpose: "service", channel: "sms", givenAt: "2016-03-02T01:00:00Z" },
  { purpose: "advertising", channel: "email", givenAt: "2016-03-02T01:00:00Z", withdrawnAt: "2016-06-01T00:00:00Z" }
])
const at = (iso: string) => DateTime.unsafeMake(iso)

describe("active consents", () => {
  it("holds from the time given until the time withdrawn, per channel", () => {
    expect(Consent.isActive(consents, "service", at("2016-03-02T01:00:00Z"), "sms")).toBe(true)
    expect(Consent.isActive(consents, "service", at("2016-03-02T00:59:59Z"), "sms")).toBe(false)
    expect(Consent.isActive(consents, "service", at("2016-04-01T00:00:00Z"), "email")).toBe(false)
    expect(Consent.isActive(consents, "advertising", at("2016-05-31T23:59:59Z"), "email")).toBe(true)
    expect(Consent.isActive(consents, "advertising", at("2016-06-01T00:00:00Z"), "email")).toBe(false)
    expect(Consent.isActive(consents, "advertising-at-night", at("2016-04-01T00:00:00Z"), "email")).toBe(false)
  })
})
