/**
 * The twice-monthly review of improper records (부적정 처리 모니터링): rules
 * that look for placements the center did not really make and for patterns a
 * manager should check. Each finding names its rule, a severity and the
 * records involved; thresholds are configuration.
 *
 * @example
 * ```ts
 * import { Monitoring } from "@iljari/core"
 *
 * declare const findings: ReadonlyArray<Monitoring.Finding> // from JobCenter.monitor
 * const lines = findings.map((finding) => Monitoring.describe(finding)) // in Korean
 * const stricter = { ...Monitoring.defaultConfig, lateRecordDays: 3 }
 * ```
 *
 * @since 0.1.0
 * @module
 * @category casework
 */
import { Schema } from "effect"
import type { Counseling } from "./Counseling.js"
import type { CounselorId, DistrictId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import type { Label, Language } from "../kernel/Labels.js"
import * as LocalDate from "../kernel/LocalDate.js"
import type { Placement } from "./Placement.js"
import * as Referral from "./Referral.js"
import type { Seeker } from "../registry/Seeker.js"

const rules = codeSet("MonitoringRule", [
  ["placement-without-referral", { ko: "알선 없는 알선취업", en: "Placement credited to the center without a hired referral" }],
  ["placement-before-referral", { ko: "알선 전 취업", en: "Placement that started before its referral" }],
  ["late-record", { ko: "사후취업 의심(늦은 등록)", en: "Placement recorded long after it started (post-hoc)" }],
  ["duplicate-seeker", { ko: "중복 구직등록", en: "The same person registered more than once" }],
  ["repeat-placement", { ko: "단기간 중복 취업", en: "The same seeker placed twice within a short time" }],
  ["volume-spike", { ko: "실적 급증", en: "A counselor's volume far above their usual" }]
])

/**
 * The rules a review applies.
 *
 * @since 0.1.0
 * @category codes
 */
export const Rule = rules.schema
/** @since 0.1.0 @category codes */
export type Rule = typeof Rule.Type
/** @since 0.1.0 @category codes */
export const ruleLabel = rules.label

/**
 * How urgent a finding is.
 *
 * @since 0.1.0
 * @category models
 */
export type Severity = "high" | "medium" | "low"

/**
 * The thresholds of a review.
 *
 * @since 0.1.0
 * @category config
 */
export const Config = Schema.Struct({
  /** A counting placement recorded more than this many days after it started is post-hoc. */
  lateRecordDays: Schema.Int.pipe(Schema.positive()),
  /** Two counting placements of one seeker starting within this many days are flagged. */
  repeatPlacementDays: Schema.Int.pipe(Schema.positive()),
  /** A counselor whose placements in the period exceed this multiple of their usual… */
  volumeSpikeFactor: Schema.Number.pipe(Schema.greaterThan(1)),
  /** …and number at least this many is flagged. */
  volumeSpikeMinimum: Schema.Int.pipe(Schema.positive()),
  /** How many periods of the same length before the reviewed one make "usual". */
  volumeBaselinePeriods: Schema.Int.pipe(Schema.positive())
}).annotations({ identifier: "MonitoringConfig" })
/** @since 0.1.0 @category config */
export type Config = typeof Config.Type

/**
 * The defaults: post-hoc after 30 days, repeats within 30 days, a spike at
 * twice the usual and at least 5 placements, usual over the 6 periods before.
 *
 * @since 0.1.0
 * @category config
 */
export const defaultConfig: Config = {
  lateRecordDays: 30,
  repeatPlacementDays: 30,
  volumeSpikeFactor: 2,
  volumeSpikeMinimum: 5,
  volumeBaselinePeriods: 6
}

/**
 * A record a finding points at.
 *
 * @since 0.1.0
 * @category models
 */
export interface RecordRef {
  readonly kind: "placement" | "referral" | "seeker" | "counselor"
  readonly id: string
}

/**
 * One thing a manager should check.
 *
 * @since 0.1.0
 * @category models
 */
export interface Finding {
  readonly rule: Rule
  readonly severity: Severity
  readonly counselorId?: CounselorId
  readonly records: ReadonlyArray<RecordRef>
  /** What was found, in Korean and English. */
  readonly detail: Label
}

/**
 * The records a review reads. Placements should reach back far enough for the
 * volume baseline (`volumeBaselinePeriods` periods before `from`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Records {
  readonly districtId: DistrictId
  readonly seekers: ReadonlyArray<Seeker>
  readonly referrals: ReadonlyArray<Referral.Referral>
  readonly placements: ReadonlyArray<Placement>
  readonly counselings: ReadonlyArray<Counseling>
}

/**
 * The period under review, both ends included.
 *
 * @since 0.1.0
 * @category models
 */
export interface Period {
  readonly from: LocalDate.LocalDate
  readonly to: LocalDate.LocalDate
}

const within = (date: LocalDate.LocalDate, period: Period) => date >= period.from && date <= period.to

const placementRef = (p: Placement): RecordRef => ({ kind: "placement", id: p.id })

const referralChecks = (placements: ReadonlyArray<Placement>, referrals: ReadonlyMap<string, Referral.Referral>) =>
  placements.flatMap((p): ReadonlyArray<Finding> => {
    if (!p.countsForCenter) return []
    const referral = p.referralId === undefined ? undefined : referrals.get(p.referralId)
    if (referral === undefined || referral.seekerId !== p.seekerId || referral.status !== "hired") {
      const why = referral === undefined
        ? { ko: "알선 기록이 없음", en: "its referral does not exist" }
        : referral.seekerId !== p.seekerId
        ? { ko: "다른 구직자의 알선", en: "its referral is for another seeker" }
        : { ko: `알선 상태가 '${Referral.referralStatusLabel(referral.status)}'`, en: `its referral is "${referral.status}", not hired` }
      return [{
        rule: "placement-without-referral",
        severity: "high",
        counselorId: p.counselorId,
        records: referral === undefined ? [placementRef(p)] : [placementRef(p), { kind: "referral", id: referral.id }],
        detail: { ko: `센터 알선취업으로 집계되었으나 ${why.ko}`, en: `Counted as the center's placement, but ${why.en}` }
      }]
    }
    const proposed = Referral.proposedOn(referral)
    return proposed > p.startOn
      ? [{
        rule: "placement-before-referral",
        severity: "high",
        counselorId: p.counselorId,
        records: [placementRef(p), { kind: "referral", id: referral.id }],
        detail: {
          ko: `취업일(${p.startOn})이 알선일(${proposed})보다 앞섬`,
          en: `Work started on ${p.startOn}, before the referral of ${proposed}`
        }
      }]
      : []
  })

const lateRecords = (placements: ReadonlyArray<Placement>, config: Config) =>
  placements.flatMap((p): ReadonlyArray<Finding> => {
    const gap = LocalDate.daysBetween(p.startOn, p.recordedOn)
    return p.countsForCenter && gap > config.lateRecordDays
      ? [{
        rule: "late-record",
        severity: "medium",
        counselorId: p.counselorId,
        records: [placementRef(p)],
        detail: {
          ko: `취업일 ${p.startOn}, 등록일 ${p.recordedOn} (${gap}일 후)`,
          en: `Started ${p.startOn}, recorded ${p.recordedOn} (${gap} days later)`
        }
      }]
      : []
  })

const duplicateSeekers = (records: Records) => {
  // The same person: same name and phone, or same name and birth date
  // (Seeker.duplicateMatch's rule, grouped). Erased seekers are nobody's repeat.
  const groups = new Map<string, Array<Seeker>>()
  const add = (k: string, s: Seeker) => groups.set(k, [...(groups.get(k) ?? []), s])
  for (const s of records.seekers) {
    if (s.erasedOn !== undefined) continue
    add(`b\u0000${s.name}\u0000${s.birthDate}`, s)
    if (s.contact.phone !== undefined) add(`p\u0000${s.name}\u0000${s.contact.phone}`, s)
  }
  const counselorsOf = new Map<string, Set<CounselorId>>()
  for (const c of records.counselings) {
    counselorsOf.set(c.seekerId, (counselorsOf.get(c.seekerId) ?? new Set()).add(c.counselorId))
  }
  const seen = new Set<string>()
  const findings: Array<Finding> = []
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const ids = group.map((s) => s.id).sort()
    const signature = ids.join(",")
    if (seen.has(signature)) continue
    seen.add(signature)
    const counselors = [...new Set(ids.flatMap((id) => [...(counselorsOf.get(id) ?? [])]))].sort()
    findings.push({
      rule: "duplicate-seeker",
      severity: counselors.length > 1 ? "high" : "medium",
      records: [...ids.map((id) => ({ kind: "seeker" as const, id })), ...counselors.map((id) => ({ kind: "counselor" as const, id }))],
      detail: {
        ko: `${group[0]!.name}: ${ids.length}건 중복 등록, 상담사 ${counselors.length}명`,
        en: `${group[0]!.name}: registered ${ids.length} times, counseled by ${counselors.length} counselor(s)`
      }
    })
  }
  return findings
}

const repeatPlacements = (placements: ReadonlyArray<Placement>, period: Period, config: Config) => {
  const bySeeker = new Map<string, Array<Placement>>()
  for (const p of placements) if (p.countsForCenter) bySeeker.set(p.seekerId, [...(bySeeker.get(p.seekerId) ?? []), p])
  const findings: Array<Finding> = []
  for (const list of bySeeker.values()) {
    const sorted = [...list].sort((a, b) => (a.startOn < b.startOn ? -1 : a.startOn > b.startOn ? 1 : a.id < b.id ? -1 : 1))
    for (let i = 1; i < sorted.length; i++) {
      const [first, second] = [sorted[i - 1]!, sorted[i]!]
      const gap = LocalDate.daysBetween(first.startOn, second.startOn)
      if (gap <= config.repeatPlacementDays && within(second.startOn, period)) {
        findings.push({
          rule: "repeat-placement",
          severity: "medium",
          counselorId: second.counselorId,
          records: [placementRef(first), placementRef(second), { kind: "seeker", id: second.seekerId }],
          detail: {
            ko: `${first.startOn}, ${second.startOn} 두 번 취업 처리 (${gap}일 간격)`,
            en: `Placed on ${first.startOn} and again on ${second.startOn} (${gap} days apart)`
          }
        })
      }
    }
  }
  return findings
}

const volumeSpikes = (placements: ReadonlyArray<Placement>, period: Period, config: Config) => {
  const length = LocalDate.daysBetween(period.from, period.to) + 1
  const baseline: Period = {
    from: LocalDate.addDays(period.from, -length * config.volumeBaselinePeriods),
    to: LocalDate.addDays(period.from, -1)
  }
  const count = (p: Period) => {
    const counts = new Map<CounselorId, number>()
    for (const pl of placements) {
      if (pl.countsForCenter && within(pl.startOn, p)) counts.set(pl.counselorId, (counts.get(pl.counselorId) ?? 0) + 1)
    }
    return counts
  }
  const now = count(period)
  const before = count(baseline)
  return [...now].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([counselorId, n]): ReadonlyArray<Finding> => {
    const usual = (before.get(counselorId) ?? 0) / config.volumeBaselinePeriods
    return n >= config.volumeSpikeMinimum && n > usual * config.volumeSpikeFactor
      ? [{
        rule: "volume-spike",
        severity: "low",
        counselorId,
        records: [{ kind: "counselor", id: counselorId }],
        detail: {
          ko: `기간 중 취업 ${n}건, 평소 ${usual.toFixed(1)}건`,
          en: `${n} placements in the period against a usual ${usual.toFixed(1)}`
        }
      }]
      : []
  })
}

const severityOrder: Record<Severity, number> = { high: 0, medium: 1, low: 2 }

/**
 * Reviews a period: every finding of every rule, most severe first. Rules on
 * placements look at placements that started in the period; duplicate
 * seekers are looked for among all seekers given.
 *
 * @since 0.1.0
 * @category review
 */
export const review = (records: Records, period: Period, config: Config = defaultConfig): ReadonlyArray<Finding> => {
  const inDistrict = <A extends { readonly districtId: DistrictId }>(rows: ReadonlyArray<A>) =>
    rows.filter((r) => r.districtId === records.districtId)
  const placements = inDistrict(records.placements)
  const inPeriod = placements.filter((p) => within(p.startOn, period))
  const referrals = new Map(inDistrict(records.referrals).map((r) => [r.id, r] as const))
  const scoped: Records = {
    ...records,
    seekers: inDistrict(records.seekers),
    counselings: inDistrict(records.counselings)
  }
  return [
    ...referralChecks(inPeriod, referrals),
    ...lateRecords(inPeriod, config),
    ...duplicateSeekers(scoped),
    ...repeatPlacements(placements, period, config),
    ...volumeSpikes(placements, period, config)
  ].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity])
}

/**
 * A finding's description in one language.
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (finding: Finding, language: Language = "ko"): string =>
  `[${ruleLabel(finding.rule, language)}] ${finding.detail[language]}`
