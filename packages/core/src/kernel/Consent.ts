/**
 * A person's consents, each with the time it was given and, once withdrawn,
 * the time it was withdrawn. Nothing that needs consent is done without an
 * active one: sending a message, advertising at night, recording sensitive
 * data such as a disability.
 *
 * @example
 * ```ts
 * import { Consent } from "@iljari/core"
 * import { Schema } from "effect"
 *
 * const consents = Schema.decodeUnknownSync(Schema.Array(Consent.Consent))([
 *   { purpose: "personal-data", givenAt: "2026-03-02T01:00:00.000Z" },
 *   { purpose: "service", channel: "sms", givenAt: "2026-03-02T01:00:00.000Z" }
 * ])
 * Consent.consentPurposeLabel("service") // the Korean label shown on the consent form
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { DateTime, Schema } from "effect"
import { codeSet } from "./CodeSet.js"

const purposes = codeSet("ConsentPurpose", [
  ["personal-data", { ko: "개인정보 수집·이용", en: "Collection and use of personal data" }],
  ["sensitive-data", { ko: "민감정보 처리", en: "Processing of sensitive data (health, disability)" }],
  ["service", { ko: "서비스 안내 수신", en: "Service messages (interviews, follow-up)" }],
  ["advertising", { ko: "광고성 정보 수신", en: "Advertising messages" }],
  ["advertising-at-night", { ko: "야간(21시~08시) 광고성 정보 수신", en: "Advertising messages at night (21:00–08:00)" }]
])

/**
 * What a consent allows. `service`, `advertising` and `advertising-at-night`
 * are given per channel; `personal-data` and `sensitive-data` are not.
 *
 * @since 0.1.0
 * @category models
 */
export const ConsentPurpose = purposes.schema
/** @since 0.1.0 @category models */
export type ConsentPurpose = typeof ConsentPurpose.Type
/** @since 0.1.0 @category models */
export const consentPurposeLabel = purposes.label

const channels = codeSet("Channel", [
  ["sms", { ko: "문자", en: "SMS" }],
  ["email", { ko: "이메일", en: "E-mail" }],
  ["phone", { ko: "전화", en: "Phone call" }]
])

/**
 * A way a message reaches a person.
 *
 * @since 0.1.0
 * @category models
 */
export const Channel = channels.schema
/** @since 0.1.0 @category models */
export type Channel = typeof Channel.Type
/** @since 0.1.0 @category models */
export const channelLabel = channels.label

const perChannel: ReadonlySet<ConsentPurpose> = new Set<ConsentPurpose>(["service", "advertising", "advertising-at-night"])

/**
 * One consent.
 *
 * @since 0.1.0
 * @category models
 */
export const Consent = Schema.Struct({
  purpose: ConsentPurpose,
  channel: Schema.optionalWith(Channel, { exact: true }),
  givenAt: Schema.DateTimeUtc,
  withdrawnAt: Schema.optionalWith(Schema.DateTimeUtc, { exact: true })
}).pipe(
  Schema.filter((consent) => {
    if (perChannel.has(consent.purpose) && consent.channel === undefined) {
      return { path: ["channel"], message: `is required for a "${consent.purpose}" consent (sms, email or phone)` }
    }
    if (!perChannel.has(consent.purpose) && consent.channel !== undefined) {
      return { path: ["channel"], message: `must be absent for a "${consent.purpose}" consent, which covers every channel` }
    }
    if (consent.withdrawnAt !== undefined && DateTime.lessThan(consent.withdrawnAt, consent.givenAt)) {
      return { path: ["withdrawnAt"], message: "must not be before givenAt" }
    }
    return true
  })
).annotations({ identifier: "Consent" })
/** @since 0.1.0 @category models */
export type Consent = typeof Consent.Type

/**
 * Whether a consent for `purpose` (on `channel`, for per-channel purposes) was
 * given at or before `at` and not withdrawn by then.
 *
 * @since 0.1.0
 * @category queries
 */
export const isActive = (
  consents: ReadonlyArray<Consent>,
  purpose: ConsentPurpose,
  at: DateTime.Utc,
  channel?: Channel
): boolean =>
  consents.some((consent) =>
    consent.purpose === purpose &&
    (!perChannel.has(purpose) || consent.channel === channel) &&
    DateTime.lessThanOrEqualTo(consent.givenAt, at) &&
    (consent.withdrawnAt === undefined || DateTime.greaterThan(consent.withdrawnAt, at))
  )
