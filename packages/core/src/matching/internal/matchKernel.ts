// The match score as arithmetic over typed arrays: one kernel shared by
// `Match.score` (one pair, explained), `Ranking` (millions of pairs, pruned)
// and the brute-force reference, so all three give the same number by
// construction. Points are whole thousandths of a point (milli-points): the
// parts are integers, so they add up to the total exactly and compare exactly.
//
// Nothing here reads a birth date, an age, a gender or a target group: the
// compiled features below are all the kernel ever sees.
import { distanceMetres } from "../../kernel/Geo.js"
import type { Opening } from "../../registry/Opening.js"
import type { Seeker } from "../../registry/Seeker.js"
import { toMonthly } from "../../kernel/Wage.js"
import { areNeighbours, centroidOf } from "./seoulGeo.js"

export const criteria = ["occupation", "region", "wage", "education", "career", "employment", "certificates"] as const
export type Criterion = typeof criteria[number]
export const OCCUPATION = 0, REGION = 1, WAGE = 2, EDUCATION = 3, CAREER = 4, EMPLOYMENT = 5, CERTIFICATES = 6

export const fullScore = 100_000
export const maxDesires = 5

// How much of the occupation weight each level of KECO similarity earns, and
// how much each of a seeker's wishes counts, most wanted first.
export const levels = ["exact", "minor", "middle", "major", "none"] as const
export type Level = typeof levels[number]
export const levelFraction: ReadonlyArray<number> = [1, 0.7, 0.4, 0.15, 0]
export const desireFraction: ReadonlyArray<number> = [1, 0.95, 0.9, 0.85, 0.8]
export const LEVEL_NONE = 4

// Region fractions: a desired region or the home district earns it all.
export const regionFractions = { neighbour: 0.8, sameProvince: 0.4, outsideDesired: 0.5, nearKm: 20, nearMax: 0.6 }

// Wage: an offer at 70 % of the wish or less earns nothing, linear above.
export const wageFloor = 0.7

export interface HardConstraints {
  readonly openingOpen: boolean
  readonly requiredCertificates: boolean
  readonly headcount: boolean
}

/** Weights resolved to milli-points: seven integers adding up to {@link fullScore}. */
export interface Resolved {
  readonly points: Int32Array
  /** occupationPoints[desireRank * 5 + level] */
  readonly occupationPoints: Int32Array
  /** educationPoints[minimum * 8 + attained]: all when met, half one level below, else none. */
  readonly educationPoints: Int32Array
  /** employmentPoints[fit]: fit is 4 (contract) + 3 (schedule) + 3 (hours) for each that suits. */
  readonly employmentPoints: Int32Array
  readonly hard: HardConstraints
}

export const resolve = (weights: Readonly<Record<Criterion, number>>, hard: HardConstraints): Resolved => {
  const raw = criteria.map((c) => weights[c])
  const sum = raw.reduce((a, b) => a + b, 0)
  // Largest remainder, so a perfect match is exactly 100 whatever the weights.
  const exact = raw.map((w) => (w / sum) * fullScore)
  const points = Int32Array.from(exact, Math.floor)
  let left = fullScore - points.reduce((a, b) => a + b, 0)
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break
    points[i]! += 1
  }
  const occupationPoints = new Int32Array(maxDesires * levels.length)
  for (let rank = 0; rank < maxDesires; rank++) {
    for (let level = 0; level < levels.length; level++) {
      occupationPoints[rank * levels.length + level] = Math.round(points[OCCUPATION]! * desireFraction[rank]! * levelFraction[level]!)
    }
  }
  const educationPoints = new Int32Array(64)
  for (let minimum = 0; minimum < 8; minimum++) {
    for (let attained = 0; attained < 8; attained++) {
      educationPoints[minimum * 8 + attained] = minimum === 0 || attained >= minimum
        ? points[EDUCATION]!
        : attained === minimum - 1
        ? Math.round(points[EDUCATION]! / 2)
        : 0
    }
  }
  const employmentPoints = Int32Array.from({ length: 11 }, (_, fit) => Math.round((points[EMPLOYMENT]! * fit) / 10))
  return { points, occupationPoints, educationPoints, employmentPoints, hard }
}

// ---------------------------------------------------------------------------
// Codes as numbers
// ---------------------------------------------------------------------------

/** The first `length` digits of a code as an integer. */
const prefixValue = (code: string, length: number): number => Number(code.slice(0, length))

export const normaliseCertificate = (name: string): string => name.normalize("NFKC").replace(/\s+/g, "").toLowerCase()

const contractBits: Record<string, number> = { "open-ended": 1, "fixed-term": 2, daily: 4, dispatch: 8 }
const scheduleBits: Record<string, number> = { "full-time": 1, "part-time": 2 }
const careerCodes: Record<string, number> = { any: 0, new: 1, experienced: 2 }

/** Interns certificate names so that sets compare as sorted integers. */
export class Certificates {
  private readonly ids = new Map<string, number>()
  idOf(name: string): number {
    const key = normaliseCertificate(name)
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.ids.size
      this.ids.set(key, id)
    }
    return id
  }
  sortedIds(names: ReadonlyArray<string>): Array<number> {
    return [...new Set(names.map((n) => this.idOf(n)))].sort((a, b) => a - b)
  }
}

// ---------------------------------------------------------------------------
// Seekers as columns
// ---------------------------------------------------------------------------

export interface SeekerColumns {
  readonly size: number
  readonly desireCount: Uint8Array
  /** Per desire (index seeker * 5 + rank): length, value, and its 1-, 2-, 3-digit prefixes (-1 when shorter). */
  readonly desireLength: Uint8Array
  readonly desireValue: Int32Array
  readonly desire1: Int32Array
  readonly desire2: Int32Array
  readonly desire3: Int32Array
  readonly desiredMonthly: Float64Array
  readonly education: Uint8Array
  readonly careerMonths: Int16Array
  readonly contractMask: Uint8Array
  readonly scheduleMask: Uint8Array
  readonly maxWeeklyHours: Uint8Array
  readonly certificateStart: Int32Array
  readonly certificateIds: Int32Array
  readonly address: ReadonlyArray<string>
  readonly desiredRegions: ReadonlyArray<ReadonlyArray<string>>
}

export type SeekerFeatures = Pick<
  Seeker,
  "desiredOccupations" | "desiredRegions" | "addressRegion" | "education" | "careerMonths" | "certificates" | "desiredWage" | "desiredEmployment"
>

export const seekerColumns = (seekers: ReadonlyArray<SeekerFeatures>, certificates: Certificates): SeekerColumns => {
  const n = seekers.length
  const columns = {
    size: n,
    desireCount: new Uint8Array(n),
    desireLength: new Uint8Array(n * maxDesires),
    desireValue: new Int32Array(n * maxDesires),
    desire1: new Int32Array(n * maxDesires),
    desire2: new Int32Array(n * maxDesires),
    desire3: new Int32Array(n * maxDesires),
    desiredMonthly: new Float64Array(n),
    education: new Uint8Array(n),
    careerMonths: new Int16Array(n),
    contractMask: new Uint8Array(n),
    scheduleMask: new Uint8Array(n),
    maxWeeklyHours: new Uint8Array(n),
    certificateStart: new Int32Array(n + 1),
    certificateIds: new Int32Array(0),
    address: seekers.map((s) => s.addressRegion as string),
    desiredRegions: seekers.map((s) => s.desiredRegions as ReadonlyArray<string>)
  }
  const certs: Array<number> = []
  seekers.forEach((s, i) => {
    const desires = s.desiredOccupations.slice(0, maxDesires)
    columns.desireCount[i] = desires.length
    desires.forEach((code, rank) => {
      const at = i * maxDesires + rank
      columns.desireLength[at] = code.length
      columns.desireValue[at] = prefixValue(code, code.length)
      columns.desire1[at] = prefixValue(code, 1)
      columns.desire2[at] = prefixValue(code, 2)
      columns.desire3[at] = code.length >= 3 ? prefixValue(code, 3) : -1
    })
    columns.desiredMonthly[i] = s.desiredWage === undefined ? 0 : toMonthly(s.desiredWage.type, s.desiredWage.amount)
    columns.education[i] = Number(s.education)
    columns.careerMonths[i] = s.careerMonths
    columns.contractMask[i] = s.desiredEmployment.contractTypes.reduce((m, t) => m | contractBits[t]!, 0)
    columns.scheduleMask[i] = s.desiredEmployment.schedules.reduce((m, t) => m | scheduleBits[t]!, 0)
    columns.maxWeeklyHours[i] = s.desiredEmployment.maxWeeklyHours ?? 0
    columns.certificateStart[i] = certs.length
    certs.push(...certificates.sortedIds(s.certificates))
  })
  columns.certificateStart[n] = certs.length
  return { ...columns, certificateIds: Int32Array.from(certs) }
}

// ---------------------------------------------------------------------------
// Openings as columns
// ---------------------------------------------------------------------------

export interface OpeningColumns {
  readonly size: number
  readonly codeLength: Uint8Array
  /** prefix[j * 7 + n]: the first n digits of opening j's code as a number, -1 past its length. */
  readonly prefix: Int32Array
  readonly region: Int32Array
  readonly offeredMonthly: Float64Array
  readonly educationMinimum: Uint8Array
  readonly careerRequirement: Uint8Array
  readonly careerMinimum: Int16Array
  readonly contractBit: Uint8Array
  readonly scheduleBit: Uint8Array
  readonly weeklyHours: Float64Array
  readonly requiredStart: Int32Array
  readonly requiredIds: Int32Array
  readonly preferredStart: Int32Array
  readonly preferredIds: Int32Array
  /** Set when an opening-level hard constraint (closed, filled) rules the opening out. */
  readonly blocked: Uint8Array
  /**
   * The small fields the kernel reads for every pair, packed into one word so
   * that scoring a pair loads it once: blocked (bit 0), has certificates
   * (bit 1), education minimum (bits 2–4), career requirement (bits 5–6),
   * contract bit (bits 7–10), schedule bit (bits 11–12).
   */
  readonly packed: Int32Array
}

export type OpeningFeatures = Pick<
  Opening,
  | "occupation"
  | "workRegion"
  | "wage"
  | "educationMinimum"
  | "career"
  | "contractType"
  | "schedule"
  | "weeklyHours"
  | "requiredCertificates"
  | "preferredCertificates"
  | "status"
  | "headcount"
  | "closesOn"
>

export interface OpeningState {
  /** People already placed in this opening; with `headcount` rules it out when full. */
  readonly placed?: number
}

/** Why an opening is ruled out before any seeker is looked at, if it is. */
export const openingBlock = (
  opening: OpeningFeatures,
  state: OpeningState,
  hard: HardConstraints,
  asOf: string | undefined
): "opening-not-open" | "headcount-filled" | undefined => {
  if (hard.openingOpen && (opening.status === "closed" || opening.status === "cancelled")) return "opening-not-open"
  if (hard.openingOpen && asOf !== undefined && opening.closesOn !== undefined && opening.closesOn < asOf) {
    return "opening-not-open"
  }
  if (hard.headcount && (opening.status === "filled" || (state.placed ?? 0) >= opening.headcount)) return "headcount-filled"
  return undefined
}

export const openingColumns = (
  openings: ReadonlyArray<OpeningFeatures>,
  regionIndex: (code: string) => number,
  certificates: Certificates,
  blockedAt: (i: number) => boolean
): OpeningColumns => {
  const m = openings.length
  const c = {
    size: m,
    codeLength: new Uint8Array(m),
    prefix: new Int32Array(m * 7).fill(-1),
    region: new Int32Array(m),
    offeredMonthly: new Float64Array(m),
    educationMinimum: new Uint8Array(m),
    careerRequirement: new Uint8Array(m),
    careerMinimum: new Int16Array(m),
    contractBit: new Uint8Array(m),
    scheduleBit: new Uint8Array(m),
    weeklyHours: new Float64Array(m),
    requiredStart: new Int32Array(m + 1),
    preferredStart: new Int32Array(m + 1),
    blocked: new Uint8Array(m),
    packed: new Int32Array(m)
  }
  const required: Array<number> = []
  const preferred: Array<number> = []
  openings.forEach((o, i) => {
    const code = o.occupation
    c.codeLength[i] = code.length
    for (let n = 1; n <= code.length; n++) c.prefix[i * 7 + n] = prefixValue(code, n)
    c.region[i] = regionIndex(o.workRegion)
    c.offeredMonthly[i] = toMonthly(o.wage.type, o.wage.max ?? o.wage.min)
    c.educationMinimum[i] = Number(o.educationMinimum)
    c.careerRequirement[i] = careerCodes[o.career.requirement]!
    c.careerMinimum[i] = o.career.requirement === "experienced" ? o.career.minimumMonths ?? 1 : 0
    c.contractBit[i] = contractBits[o.contractType]!
    c.scheduleBit[i] = scheduleBits[o.schedule]!
    c.weeklyHours[i] = o.weeklyHours ?? 0
    c.requiredStart[i] = required.length
    required.push(...certificates.sortedIds(o.requiredCertificates))
    c.preferredStart[i] = preferred.length
    preferred.push(...certificates.sortedIds(o.preferredCertificates))
    c.blocked[i] = blockedAt(i) ? 1 : 0
    c.packed[i] = c.blocked[i]! |
      (o.requiredCertificates.length + o.preferredCertificates.length > 0 ? 2 : 0) |
      (c.educationMinimum[i]! << 2) |
      (c.careerRequirement[i]! << 5) |
      (c.contractBit[i]! << 7) |
      (c.scheduleBit[i]! << 11)
  })
  c.requiredStart[m] = required.length
  c.preferredStart[m] = preferred.length
  return { ...c, requiredIds: Int32Array.from(required), preferredIds: Int32Array.from(preferred) }
}

// ---------------------------------------------------------------------------
// Region
// ---------------------------------------------------------------------------

export type RegionReason =
  | { readonly kind: "desired" }
  | { readonly kind: "home" }
  | { readonly kind: "neighbour" }
  | { readonly kind: "distance"; readonly km: number }
  | { readonly kind: "same-province" }
  | { readonly kind: "far" }

const province = (code: string) => code.slice(0, 2)

/** How near the work is to where the seeker lives, before any wish is weighed. */
const proximity = (home: string, work: string): { fraction: number; reason: RegionReason } => {
  if (work === home) return { fraction: 1, reason: { kind: "home" } }
  if (areNeighbours(home, work)) return { fraction: regionFractions.neighbour, reason: { kind: "neighbour" } }
  const a = centroidOf(home)
  const b = centroidOf(work)
  if (a !== undefined && b !== undefined) {
    const km = distanceMetres(a, b) / 1000
    // Rounded to 0.1 km so the fraction is what the explanation says.
    const shown = Math.round(km * 10) / 10
    return {
      fraction: Math.max(0, regionFractions.nearMax * (1 - shown / regionFractions.nearKm)),
      reason: { kind: "distance", km: shown }
    }
  }
  if (province(home) === province(work)) return { fraction: regionFractions.sameProvince, reason: { kind: "same-province" } }
  return { fraction: 0, reason: { kind: "far" } }
}

/**
 * The share of the region weight a work place earns: all of it in a desired
 * region (or anywhere when no region is desired and it is the home district),
 * less with distance from home, halved outside the regions the seeker named.
 */
export const regionFraction = (
  home: string,
  desired: ReadonlyArray<string>,
  work: string
): { readonly fraction: number; readonly reason: RegionReason; readonly outsideDesired: boolean } => {
  if (desired.some((d) => d === work || (d.endsWith("000") && province(d) === province(work)))) {
    return { fraction: 1, reason: { kind: "desired" }, outsideDesired: false }
  }
  const near = proximity(home, work)
  return desired.length === 0
    ? { ...near, outsideDesired: false }
    : { fraction: near.fraction * regionFractions.outsideDesired, reason: near.reason, outsideDesired: true }
}

/** The region points a seeker earns in each of the index's regions. */
export const regionRow = (
  seekers: SeekerColumns,
  seeker: number,
  regions: ReadonlyArray<string>,
  resolved: Resolved,
  out: Int32Array
): Int32Array => {
  const weight = resolved.points[REGION]!
  const home = seekers.address[seeker]!
  const desired = seekers.desiredRegions[seeker]!
  for (let r = 0; r < regions.length; r++) {
    out[r] = Math.round(weight * regionFraction(home, desired, regions[r]!).fraction)
  }
  return out
}

// ---------------------------------------------------------------------------
// The kernel
// ---------------------------------------------------------------------------

/** How many of `needles` (sorted) appear in `hay` (sorted). */
const countHeld = (
  hay: Int32Array,
  hayFrom: number,
  hayTo: number,
  needles: Int32Array,
  from: number,
  to: number
): number => {
  let held = 0
  let h = hayFrom
  for (let i = from; i < to; i++) {
    const want = needles[i]!
    while (h < hayTo && hay[h]! < want) h++
    if (h < hayTo && hay[h] === want) held++
  }
  return held
}

/**
 * One seeker's columns copied into plain fields, so that scoring it against
 * many openings reads them once.
 */
export class LoadedSeeker {
  index = -1
  desires = 0
  readonly length = new Int32Array(maxDesires)
  readonly value = new Int32Array(maxDesires)
  readonly value1 = new Int32Array(maxDesires)
  readonly value2 = new Int32Array(maxDesires)
  readonly value3 = new Int32Array(maxDesires)
  /** 1 / the desired monthly wage; Infinity when there is no wish, so any offer earns it all. */
  inverseDesired = 0
  education = 0
  careerMonths = 0
  contractMask = 0
  scheduleMask = 0
  maxWeeklyHours = 0
  certificateFrom = 0
  certificateTo = 0

  load(s: SeekerColumns, i: number): this {
    this.index = i
    this.desires = s.desireCount[i]!
    for (let rank = 0; rank < this.desires; rank++) {
      const at = i * maxDesires + rank
      this.length[rank] = s.desireLength[at]!
      this.value[rank] = s.desireValue[at]!
      this.value1[rank] = s.desire1[at]!
      this.value2[rank] = s.desire2[at]!
      this.value3[rank] = s.desire3[at]!
    }
    this.inverseDesired = s.desiredMonthly[i] === 0 ? Infinity : 1 / s.desiredMonthly[i]!
    this.education = s.education[i]!
    this.careerMonths = s.careerMonths[i]!
    this.contractMask = s.contractMask[i] === 0 ? 0xf : s.contractMask[i]!
    this.scheduleMask = s.scheduleMask[i] === 0 ? 0x3 : s.scheduleMask[i]!
    this.maxWeeklyHours = s.maxWeeklyHours[i]!
    this.certificateFrom = s.certificateStart[i]!
    this.certificateTo = s.certificateStart[i + 1]!
    return this
  }
}

export const BLOCKED = -1

/**
 * The score of a loaded seeker for opening `j` in milli-points, or
 * {@link BLOCKED} when a hard constraint rules the pair out. The seeker's
 * region points ({@link regionRow}) start at `regionPoints[regionBase]`. When `parts` is given, each criterion's
 * points are written into it, and `parts[7]` receives the rank of the wish
 * that matched best, `parts[8]` its level.
 */
export const scorePair = (
  s: SeekerColumns,
  seeker: LoadedSeeker,
  o: OpeningColumns,
  j: number,
  resolved: Resolved,
  regionPoints: Int32Array,
  regionBase: number,
  parts?: Int32Array
): number => {
  const packed = o.packed[j]!
  if ((packed & 1) !== 0) return BLOCKED
  const points = resolved.points

  // Certificates first: a missing required one may rule the pair out.
  let certificatePoints = points[CERTIFICATES]!
  if ((packed & 2) !== 0) {
    const reqFrom = o.requiredStart[j]!
    const reqTo = o.requiredStart[j + 1]!
    const prefFrom = o.preferredStart[j]!
    const prefTo = o.preferredStart[j + 1]!
    let requiredShare = 10
    if (reqTo > reqFrom) {
      const held = countHeld(s.certificateIds, seeker.certificateFrom, seeker.certificateTo, o.requiredIds, reqFrom, reqTo)
      if (held < reqTo - reqFrom && resolved.hard.requiredCertificates) return BLOCKED
      requiredShare = (10 * held) / (reqTo - reqFrom)
    }
    const preferredShare = prefTo > prefFrom
      ? (10 * countHeld(s.certificateIds, seeker.certificateFrom, seeker.certificateTo, o.preferredIds, prefFrom, prefTo)) /
        (prefTo - prefFrom)
      : 10
    certificatePoints = Math.round((certificatePoints * (6 * requiredShare + 4 * preferredShare)) / 100)
  }

  // Occupation: the best of the wishes, each at its KECO level.
  let occupationPoints = 0
  let bestRank = 0
  let bestLevel = LEVEL_NONE
  const prefix = o.prefix
  const base = j * 7
  for (let rank = 0; rank < seeker.desires; rank++) {
    const level = prefix[base + seeker.length[rank]!] === seeker.value[rank]
      ? 0
      : seeker.value3[rank]! >= 0 && prefix[base + 3] === seeker.value3[rank]
      ? 1
      : prefix[base + 2] === seeker.value2[rank]
      ? 2
      : prefix[base + 1] === seeker.value1[rank]
      ? 3
      : LEVEL_NONE
    const p = resolved.occupationPoints[rank * 5 + level]!
    if (p > occupationPoints) {
      occupationPoints = p
      bestRank = rank
      bestLevel = level
    }
  }

  const regionPoints_ = regionPoints[regionBase + o.region[j]!]!

  // Wage: all of it at or above the wish, nothing at 70 % or less, linear between.
  const wageShare = Math.min(1, Math.max(0, (o.offeredMonthly[j]! * seeker.inverseDesired - wageFloor) / (1 - wageFloor)))
  const wagePoints = Math.round(points[WAGE]! * wageShare)

  const educationPoints = resolved.educationPoints[((packed >> 2) & 7) * 8 + seeker.education]!

  let careerPoints = points[CAREER]!
  if (((packed >> 5) & 3) === 2) {
    const months = seeker.careerMonths
    const needed = o.careerMinimum[j]!
    if (months < needed) careerPoints = Math.round((careerPoints * 0.8 * months) / needed)
  }

  // An empty wish list is stored as all bits set, so it accepts anything.
  const fit = ((seeker.contractMask & (packed >> 7)) !== 0 ? 4 : 0) +
    ((seeker.scheduleMask & (packed >> 11)) !== 0 ? 3 : 0) +
    (o.weeklyHours[j]! <= seeker.maxWeeklyHours || seeker.maxWeeklyHours === 0 ? 3 : 0)
  const employmentPoints = resolved.employmentPoints[fit]!

  if (parts !== undefined) {
    parts[OCCUPATION] = occupationPoints
    parts[REGION] = regionPoints_
    parts[WAGE] = wagePoints
    parts[EDUCATION] = educationPoints
    parts[CAREER] = careerPoints
    parts[EMPLOYMENT] = employmentPoints
    parts[CERTIFICATES] = certificatePoints
    parts[7] = bestRank
    parts[8] = bestLevel
  }
  return occupationPoints + regionPoints_ + wagePoints + educationPoints + careerPoints + employmentPoints + certificatePoints
}
