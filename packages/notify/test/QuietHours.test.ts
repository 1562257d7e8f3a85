import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { QuietHours } from "../src/index.js"

// Korea is UTC+9: 21:00 KST is 12:00 UTC, 08:00 KST is 23:00 UTC the day before.
const kst = (iso: string) => DateTime.unsafeMake(`${iso}+09:00`)

describe("quiet hours (21:00–08:00 Korea time)", () => {
  it.each([
    ["2026-03-02T20:59:59", false],
    ["2026-03-02T21:00:00", true],
    ["2026-03-03T03:00:00", true],
    ["2026-03-03T07:59:59", true],
    ["2026-03-03T08:00:00", false],
    ["2026-03-03T12:00:00", false]
  ] as const)("%s is quiet: %s", (at, quiet) => {
    expect(QuietHours.isQuiet(kst(at))).toBe(quiet)
  })

  it("ends at the next 08:00 Korea time", () => {
    expect(DateTime.formatIso(QuietHours.endOf(kst("2026-03-02T22:30:00")))).toBe("2026-03-02T23:00:00.000Z")
    expect(DateTime.formatIso(QuietHours.endOf(kst("2026-03-03T06:00:00")))).toBe("2026-03-02T23:00:00.000Z")
    expect(QuietHours.endOf(kst("2026-03-03T10:00:00"))).toEqual(kst("2026-03-03T10:00:00"))
  })
})
