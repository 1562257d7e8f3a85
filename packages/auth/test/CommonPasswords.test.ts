import { describe, expect, it } from "@effect/vitest"
import { Password } from "@iljari/core"
import * as CommonPasswords from "../src/CommonPasswords.js"

describe("CommonPasswords", () => {
  it("refuses passwords from the breach list and core's Korean habits, in any case; keeps an unusual one", () => {
    for (const common of ["password1", "Qwerty123", "iloveyou", "1q2w3e4r", "dlatl1234", "Sarang123"]) {
      expect(CommonPasswords.isCommon(common), common).toBe(true)
    }
    expect(CommonPasswords.isCommon("Sunflower#2026-Seongsu")).toBe(false)
  })

  it("makes the password rule refuse what passes the length and kinds but is common", () => {
    const check = (password: string) => Password.problems(password, { isCommon: CommonPasswords.isCommon }).map((p) => p.rule)
    // Ten characters of two kinds: the standard's rule alone would accept it.
    expect(check("qwerty12345")).toEqual(["common"])
    expect(check("Sunflower#2026-Seongsu")).toEqual([])
  })
})
