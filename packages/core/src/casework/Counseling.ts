/**
 * A counseling session (취업상담) with a seeker: the unit the center's
 * counseling target (상담) counts.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { CounselingId, CounselorId, DistrictId, SeekerId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/internal/codeSet.js"
import { LocalDate } from "../kernel/LocalDate.js"
import { Label, Note } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"

const channels = codeSet("CounselingChannel", [
  ["visit", { ko: "방문상담", en: "Visit to the center" }],
  ["phone", { ko: "전화상담", en: "Phone" }],
  ["outreach", { ko: "찾아가는 일자리상담실", en: "Outreach counseling site" }],
  ["job-cafe", { ko: "일자리카페", en: "Job café" }],
  ["online", { ko: "온라인", en: "Online" }]
])

/**
 * Where or how the session took place.
 *
 * @since 0.1.0
 * @category codes
 */
export const CounselingChannel = channels.schema
/** @since 0.1.0 @category codes */
export type CounselingChannel = typeof CounselingChannel.Type
/** @since 0.1.0 @category codes */
export const counselingChannelLabel = channels.label

/**
 * A counseling session.
 *
 * @since 0.1.0
 * @category models
 */
export class Counseling extends Schema.Class<Counseling>("Counseling")({
  id: CounselingId,
  districtId: DistrictId,
  seekerId: SeekerId,
  counselorId: CounselorId,
  heldOn: LocalDate,
  channel: CounselingChannel,
  notes: Schema.optionalWith(Note, { exact: true }),
  nextStep: Schema.optionalWith(Label, { exact: true })
}) {}

/**
 * Decodes a counseling session, naming every broken rule.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = Validation.decode(Counseling)
