/**
 * Branded identifiers. An id of one kind cannot be passed where another is
 * expected, and every record carries the {@link DistrictId} of the job center
 * (the tenant) that owns it.
 *
 * @example
 * ```ts
 * import { Ids } from "@iljari/core"
 * import { Schema } from "effect"
 *
 * const district = Ids.DistrictId.make("11200") // 성동구, the tenant of every record
 * const seekerId = Ids.SeekerId.make("seeker-0001")
 * // An id from a request is decoded: "seeker 1" fails, naming the rule it broke.
 * const fromPath = Schema.decodeUnknownEither(Ids.SeekerId)("seeker 1")
 * ```
 *
 * @since 0.1.0
 * @module
 * @category kernel
 */
import { Schema } from "effect"
import { RegionCode } from "./Codes.js"

const idMessage = (kind: string) => () =>
  `must be a ${kind} id: 1–64 characters of letters, digits, "-" or "_"`

const id = <B extends string>(brand: B, kind: string) =>
  Schema.String.pipe(
    Schema.pattern(/^[A-Za-z0-9_-]{1,64}$/, { message: idMessage(kind) }),
    Schema.brand(brand)
  ).annotations({ identifier: brand, description: `A ${kind} id: 1–64 letters, digits, "-" or "_"` })

/**
 * The tenant: a district job center, identified by its 5-digit 시군구 region
 * code (e.g. `11200` for Seongdong-gu). A city-level tenant uses its 시도 code
 * followed by `000` (e.g. `11000` for Seoul's own job cafés).
 *
 * @since 0.1.0
 * @category ids
 */
export const DistrictId = RegionCode.pipe(Schema.brand("DistrictId")).annotations({ identifier: "DistrictId" })
/** @since 0.1.0 @category ids */
export type DistrictId = typeof DistrictId.Type

/** @since 0.1.0 @category ids */
export const SeekerId = id("SeekerId", "seeker")
/** @since 0.1.0 @category ids */
export type SeekerId = typeof SeekerId.Type

/** @since 0.1.0 @category ids */
export const EmployerId = id("EmployerId", "employer")
/** @since 0.1.0 @category ids */
export type EmployerId = typeof EmployerId.Type

/** @since 0.1.0 @category ids */
export const OpeningId = id("OpeningId", "opening")
/** @since 0.1.0 @category ids */
export type OpeningId = typeof OpeningId.Type

/** @since 0.1.0 @category ids */
export const CounselorId = id("CounselorId", "counselor")
/** @since 0.1.0 @category ids */
export type CounselorId = typeof CounselorId.Type

/** @since 0.1.0 @category ids */
export const CounselingId = id("CounselingId", "counseling session")
/** @since 0.1.0 @category ids */
export type CounselingId = typeof CounselingId.Type

/** @since 0.1.0 @category ids */
export const ReferralId = id("ReferralId", "referral")
/** @since 0.1.0 @category ids */
export type ReferralId = typeof ReferralId.Type

/** @since 0.1.0 @category ids */
export const PlacementId = id("PlacementId", "placement")
/** @since 0.1.0 @category ids */
export type PlacementId = typeof PlacementId.Type

/** @since 0.1.0 @category ids */
export const FollowUpId = id("FollowUpId", "follow-up check")
/** @since 0.1.0 @category ids */
export type FollowUpId = typeof FollowUpId.Type

/** @since 0.1.0 @category ids */
export const JobFairId = id("JobFairId", "job fair")
/** @since 0.1.0 @category ids */
export type JobFairId = typeof JobFairId.Type

/** @since 0.1.0 @category ids */
export const AuditEntryId = id("AuditEntryId", "audit entry")
/** @since 0.1.0 @category ids */
export type AuditEntryId = typeof AuditEntryId.Type

/** @since 0.1.0 @category ids */
export const MessageId = id("MessageId", "outbox message")
/** @since 0.1.0 @category ids */
export type MessageId = typeof MessageId.Type

/** @since 0.3.0 @category ids */
export const SessionId = id("SessionId", "session")
/** @since 0.3.0 @category ids */
export type SessionId = typeof SessionId.Type

/** @since 0.3.0 @category ids */
export const ApiTokenId = id("ApiTokenId", "API token")
/** @since 0.3.0 @category ids */
export type ApiTokenId = typeof ApiTokenId.Type
