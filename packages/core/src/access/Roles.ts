/**
 * Staff roles and what each may do (최소 권한, 개인정보의 안전성 확보조치 기준
 * 제5조): the permission matrix, written once as data. `docs/security.md`
 * prints it, and a test checks that the two agree.
 *
 * - **counselor** (직업상담사): their own caseload; reads the district's
 *   records.
 * - **manager** (관리자): the whole district's casework, figures, monitoring
 *   and access-log review.
 * - **admin** (시스템 관리자): the district's accounts, tokens and settings,
 *   erasure and the access-log review; no casework.
 * - **analyst** (통계 분석가, at the city): aggregate figures of the
 *   districts granted to them; never a record that names a person.
 *
 * @example
 * ```ts
 * import { Roles } from "@iljari/core"
 *
 * Roles.scopeOf("counselor", "casework.write") // "own": their caseload only
 * Roles.scopeOf("manager", "casework.write")   // "district"
 * ```
 *
 * @since 0.3.0
 * @module
 * @category access
 */
import { codeSet } from "../kernel/CodeSet.js"
import { type StaffRole, staffRoleLabel } from "../registry/Counselor.js"

// The three roles of the staff records, and the city's analysts, who are not
// a center's staff.
const staff = (role: StaffRole) => [role, { ko: staffRoleLabel(role, "ko"), en: staffRoleLabel(role, "en") }] as const
const roles = codeSet("Role", [
  staff("counselor"),
  staff("manager"),
  staff("admin"),
  ["analyst", { ko: "통계 분석가 (시)", en: "Analyst (city)" }]
])

/**
 * What an account may do: a staff role of the district's records, or a
 * city-level analyst.
 *
 * @since 0.3.0
 * @category codes
 */
export const Role = roles.schema
/** @since 0.3.0 @category codes */
export type Role = typeof Role.Type
/** @since 0.3.0 @category codes */
export const roleLabel = roles.label
/** @since 0.3.0 @category codes */
export const allRoles = roles.codes

const permissions = codeSet("Permission", [
  ["records.read", { ko: "개인정보 열람 (구직자·구인업체)", en: "Read personal records (seekers, employers)" }],
  ["casework.write", { ko: "상담·알선·취업 기록", en: "Record counseling, referrals and placements" }],
  ["figures.read", { ko: "실적·목표 통계 열람", en: "Read results and target figures" }],
  ["monitoring.read", { ko: "부적정 사례 모니터링", en: "Monitoring review of improper records" }],
  ["audit.read", { ko: "접속기록 점검", en: "Review the access records" }],
  ["accounts.manage", { ko: "계정·권한 관리", en: "Manage accounts and access rights" }],
  ["tokens.manage", { ko: "API 토큰 관리", en: "Manage API tokens" }],
  ["settings.manage", { ko: "센터 설정 관리", en: "Manage the center's settings" }],
  ["erasure", { ko: "개인정보 파기", en: "Erase personal data" }]
])

/**
 * Something a role may be allowed to do.
 *
 * @since 0.3.0
 * @category codes
 */
export const Permission = permissions.schema
/** @since 0.3.0 @category codes */
export type Permission = typeof Permission.Type
/** @since 0.3.0 @category codes */
export const permissionLabel = permissions.label
/** @since 0.3.0 @category codes */
export const allPermissions = permissions.codes

/**
 * How far a permission reaches: not at all, the staff member's own caseload
 * (and their own rows of a report), their district, or the districts granted
 * to them (an analyst).
 *
 * @since 0.3.0
 * @category models
 */
export type Scope = "none" | "own" | "district" | "granted"

/**
 * The permission matrix: for each permission, each role's scope.
 *
 * @since 0.3.0
 * @category matrix
 */
export const matrix: { readonly [P in Permission]: { readonly [R in Role]: Scope } } = {
  "records.read": { counselor: "district", manager: "district", admin: "district", analyst: "none" },
  "casework.write": { counselor: "own", manager: "district", admin: "none", analyst: "none" },
  "figures.read": { counselor: "own", manager: "district", admin: "district", analyst: "granted" },
  "monitoring.read": { counselor: "none", manager: "district", admin: "none", analyst: "none" },
  "audit.read": { counselor: "none", manager: "district", admin: "district", analyst: "none" },
  "accounts.manage": { counselor: "none", manager: "none", admin: "district", analyst: "none" },
  "tokens.manage": { counselor: "none", manager: "none", admin: "district", analyst: "none" },
  "settings.manage": { counselor: "none", manager: "none", admin: "district", analyst: "none" },
  "erasure": { counselor: "none", manager: "none", admin: "district", analyst: "none" }
}

/**
 * A role's scope for a permission.
 *
 * @since 0.3.0
 * @category matrix
 */
export const scopeOf = (role: Role, permission: Permission): Scope => matrix[permission][role]

/**
 * Whether a role may do something at all.
 *
 * @since 0.3.0
 * @category matrix
 */
export const can = (role: Role, permission: Permission): boolean => scopeOf(role, permission) !== "none"
