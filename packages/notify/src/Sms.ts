/**
 * Korean SMS rules: length is counted in EUC-KR bytes (a Hangul syllable is
 * 2 bytes, ASCII 1). Up to 90 bytes goes as SMS; up to 2,000 as LMS, whose
 * subject is at most 40 bytes; anything longer is refused.
 *
 * @example
 * ```ts
 * import { Sms } from "@iljari/notify"
 *
 * // Up to 90 bytes in EUC-KR is an SMS; longer is an LMS (2,000 bytes, a subject of 40).
 * const kind = Sms.classify("[성동구 일자리센터] 김민수님, 면접 일정을 안내드립니다.")
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Either, Schema } from "effect"
import iconv from "iconv-lite"

/**
 * The limits, as carriers apply them.
 *
 * @since 0.1.0
 * @category limits
 */
export const limits = { sms: 90, lms: 2_000, lmsSubject: 40 } as const

/**
 * Text that cannot be sent as SMS/LMS, and why.
 *
 * @since 0.1.0
 * @category errors
 */
export class SmsRefused extends Schema.TaggedError<SmsRefused>()("SmsRefused", {
  reason: Schema.String
}) {
  override get message(): string {
    return this.reason
  }
}

/**
 * The EUC-KR byte length of a text, or `SmsRefused` naming the first
 * character EUC-KR cannot carry (an emoji, say).
 *
 * @since 0.1.0
 * @category bytes
 */
export const eucKrBytes = (text: string): Either.Either<number, SmsRefused> => {
  for (const char of text) {
    if (iconv.decode(iconv.encode(char, "euc-kr"), "euc-kr") !== char) {
      return Either.left(new SmsRefused({ reason: `"${char}" cannot be sent by SMS (not in EUC-KR); remove it` }))
    }
  }
  return Either.right(iconv.encode(text, "euc-kr").length)
}

/**
 * How a text goes out: as SMS (≤ 90 bytes, no subject) or LMS (≤ 2,000
 * bytes, subject ≤ 40 bytes).
 *
 * @since 0.1.0
 * @category classify
 */
export interface Classified {
  readonly type: "SMS" | "LMS"
  readonly bytes: number
  readonly subject?: string
}

/**
 * Classifies a text (and an optional subject) or refuses it with a clear
 * reason. A subject forces LMS, as SMS has none.
 *
 * @since 0.1.0
 * @category classify
 */
export const classify = (text: string, subject?: string): Either.Either<Classified, SmsRefused> =>
  Either.gen(function*() {
    const bytes = yield* eucKrBytes(text)
    if (bytes > limits.lms) {
      return yield* Either.left(
        new SmsRefused({ reason: `the text is ${bytes} bytes in EUC-KR; an LMS carries at most ${limits.lms}` })
      )
    }
    if (subject === undefined && bytes <= limits.sms) return { type: "SMS" as const, bytes }
    if (subject !== undefined) {
      const subjectBytes = yield* eucKrBytes(subject)
      if (subjectBytes > limits.lmsSubject) {
        return yield* Either.left(
          new SmsRefused({ reason: `the subject is ${subjectBytes} bytes in EUC-KR; an LMS subject carries at most ${limits.lmsSubject}` })
        )
      }
      return { type: "LMS" as const, bytes, subject }
    }
    return { type: "LMS" as const, bytes }
  })
