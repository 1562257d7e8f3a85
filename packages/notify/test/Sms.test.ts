import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { Sms } from "../src/index.js"

const hangul = (n: number) => "가".repeat(n)

describe("SMS length in EUC-KR bytes", () => {
  it("counts a Hangul syllable as 2 bytes and ASCII as 1", () => {
    expect(Sms.eucKrBytes("abc")).toEqual(Either.right(3))
    expect(Sms.eucKrBytes("성동구 일자리센터")).toEqual(Either.right(17))
  })

  it("sends up to 90 bytes as SMS and more as LMS", () => {
    expect(Either.getOrThrow(Sms.classify(hangul(45)))).toEqual({ type: "SMS", bytes: 90 })
    expect(Either.getOrThrow(Sms.classify(hangul(45) + "a"))).toEqual({ type: "LMS", bytes: 91 })
    expect(Either.getOrThrow(Sms.classify(hangul(1000)))).toEqual({ type: "LMS", bytes: 2000 })
  })

  it("refuses more than 2,000 bytes, a subject over 40 bytes, and characters EUC-KR lacks", () => {
    expect(Either.flip(Sms.classify(hangul(1000) + "a")).pipe(Either.getOrThrow).message).toBe(
      "the text is 2001 bytes in EUC-KR; an LMS carries at most 2000"
    )
    expect(Either.getOrThrow(Sms.classify("본문", hangul(20)))).toEqual({ type: "LMS", bytes: 4, subject: hangul(20) })
    expect(Either.flip(Sms.classify("본문", hangul(21))).pipe(Either.getOrThrow).message).toBe(
      "the subject is 42 bytes in EUC-KR; an LMS subject carries at most 40"
    )
    expect(Either.flip(Sms.classify("면접 안내 🙂")).pipe(Either.getOrThrow).message).toBe(
      "\"🙂\" cannot be sent by SMS (not in EUC-KR); remove it"
    )
  })
})
