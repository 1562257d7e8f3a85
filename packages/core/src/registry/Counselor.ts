/**
 * A member of the job center's staff: a counselor (직업상담사), a manager, or
 * an administrator.
 *
 * @example
 * ```ts
 * import { Counselor } from "@iljari/core"
 *
 * const counselor = Counselor.decodeEither({
 *   id: "counselor-01",
 *   districtId: "11200",
 *   name: "박상담",
 *   role: "counselor",
 *   contact: { phone: "02-2286-5000" },
 *   active: true
 * })
 * ```
 *
 * @since 0.1.0
 * @module
 * @category registry
 */
import { Context, Schema } from "effect"
import { Contact } from "../kernel/Contact.js"
import { CounselorId, DistrictId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import { PersonName } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import * as Memory from "../kernel/Memory.js"
import type { Store } from "../kernel/Store.js"

const roles = codeSet("StaffRole", [
  ["counselor", { ko: "직업상담사", en: "Job counselor" }],
  ["manager", { ko: "관리자", en: "Manager" }],
  ["admin", { ko: "시스템 관리자", en: "Administrator" }]
])

/**
 * What a staff member may do: counselors handle their cases, managers see the
 * whole center, administrators configure it.
 *
 * @since 0.1.0
 * @category codes
 */
export const StaffRole = roles.schema
/** @since 0.1.0 @category codes */
export type StaffRole = typeof StaffRole.Type
/** @since 0.1.0 @category codes */
export const staffRoleLabel = roles.label

/**
 * A staff member of one district's job center.
 *
 * @since 0.1.0
 * @category models
 */
export class Counselor extends Schema.Class<Counselor>("Counselor")({
  id: CounselorId,
  districtId: DistrictId,
  name: PersonName,
  role: StaffRole,
  contact: Contact,
  /** Inactive staff keep their history but receive no new cases or targets. */
  active: Schema.Boolean
}) {}

/**
 * Decodes a staff member from unknown input, naming every broken rule.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = Validation.decode(Counselor)

/**
 * {@link decode} as a pure function returning `Either`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEither = Validation.decodeEither(Counselor)

/** @since 0.1.0 @category ports */
export class CounselorRepository
  extends Context.Tag("@iljari/core/CounselorRepository")<CounselorRepository, Store<Counselor, CounselorId>>()
{
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<Counselor, CounselorId>(db, "counselor"))
}
