/**
 * How well a seeker fits an opening: an explainable score from 0 to 100.
 *
 * Seven criteria each earn a share of their weight — occupation (KECO
 * similarity against each of the seeker's wishes), region (desired region,
 * home district, neighbouring district, distance), wage (offer against wish,
 * both per month), education, career, employment type and hours, and
 * certificates. Each part comes with the points it earned, its weight and a
 * reason a counselor can read in Korean or English; the parts add up to the
 * total exactly (points are counted in thousandths).
 *
 * Hard constraints — the opening is not open, a required certificate is
 * missing, the headcount is filled — rule a pair out; each can be switched
 * off per district. Weights are a per-district {@link Config}.
 *
 * **Fairness by construction.** The score never reads a birth date, an age,
 * a gender or a target group: the criteria see only the fields listed in
 * `SeekerFeatures` (직업안정법 제2조, 고령자고용법 제4조의4, 남녀고용평등법
 * 제7조). Property tests change those fields at random and check that no
 * score and no ranking moves.
 *
 * @example
 * ```ts
 * import { Match } from "@iljari/core"
 *
 * declare const seeker: Match.SeekerFeatures
 * declare const opening: Match.OpeningFeatures
 * const match = Match.score(seeker, opening)
 * Match.explain(match) // ["적합도 82점 / 100", …] — one line per criterion
 * ```
 *
 * @since 0.1.0
 * @module
 * @category matching
 */
import { Context, Schema } from "effect"
import {
  careerRequirementLabel,
  contractTypeLabel,
  educationLabel,
  type Label,
  type Language,
  majorGroupName,
  middleGroupName,
  regionName,
  workScheduleLabel
} from "../kernel/Codes.js"
import { criteria as criterionCodes, type Criterion as CriterionCode } from "./internal/matchKernel.js"
import * as Kernel from "./internal/matchKernel.js"
import type { LocalDate } from "../kernel/LocalDate.js"
import type { Opening } from "../registry/Opening.js"
import type { Seeker } from "../registry/Seeker.js"
import * as Validation from "../kernel/Validation.js"
import { toMonthly } from "../kernel/Wage.js"

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

/**
 * The seven criteria, in the order explanations list them.
 *
 * @since 0.1.0
 * @category criteria
 */
export const criteria: ReadonlyArray<Criterion> = criterionCodes
/** @since 0.1.0 @category criteria */
export type Criterion = CriterionCode

const criterionLabels: Record<Criterion, Label> = {
  occupation: { ko: "직종", en: "Occupation" },
  region: { ko: "지역", en: "Region" },
  wage: { ko: "임금", en: "Wage" },
  education: { ko: "학력", en: "Education" },
  career: { ko: "경력", en: "Career" },
  employment: { ko: "고용형태·근무시간", en: "Employment type and hours" },
  certificates: { ko: "자격증", en: "Certificates" }
}

/**
 * A criterion's name in Korean (default) or English.
 *
 * @since 0.1.0
 * @category criteria
 */
export const criterionLabel = (criterion: Criterion, language: Language = "ko"): string =>
  criterionLabels[criterion][language]

const Weight = Schema.Number.pipe(
  Schema.filter((n) => Number.isFinite(n) && n >= 0 && n <= 1000 || `must be a weight between 0 and 1000; got ${n}`)
)

/**
 * How much each criterion counts. Weights are relative: they are scaled so
 * that a perfect match scores exactly 100, so `{ occupation: 7, region: 3, … }`
 * and `{ occupation: 70, region: 30, … }` are the same configuration.
 *
 * @since 0.1.0
 * @category config
 */
export const Weights = Schema.Struct({
  occupation: Weight,
  region: Weight,
  wage: Weight,
  education: Weight,
  career: Weight,
  employment: Weight,
  certificates: Weight
}).pipe(
  Schema.filter((w) =>
    criterionCodes.some((c) => w[c] > 0) || "must give at least one criterion a weight above 0"
  )
).annotations({ identifier: "Weights" })
/** @since 0.1.0 @category config */
export type Weights = typeof Weights.Type

/**
 * The default weights, out of 100. Occupation leads because a counselor's
 * first question is "what work"; region and wage follow because commute and
 * pay are why placements fail in the first month (the seeds' follow-up
 * calls); the rest refine.
 *
 * @since 0.1.0
 * @category config
 */
export const defaultWeights: Weights = {
  occupation: 35,
  region: 15,
  wage: 15,
  education: 10,
  career: 10,
  employment: 10,
  certificates: 5
}

/**
 * Which hard constraints rule a pair out. All are on by default; a district
 * that wants to see, say, candidates who are about to earn a required
 * certificate switches `requiredCertificates` off, and the missing
 * certificate then only costs points.
 *
 * @since 0.1.0
 * @category config
 */
export const HardConstraints = Schema.Struct({
  /** Leave out openings that are closed, cancelled or past their closing date. */
  openingOpen: Schema.Boolean,
  /** Leave out seekers without every required certificate. */
  requiredCertificates: Schema.Boolean,
  /** Leave out openings whose headcount is filled. */
  headcount: Schema.Boolean
}).annotations({ identifier: "HardConstraints" })
/** @since 0.1.0 @category config */
export type HardConstraints = typeof HardConstraints.Type

/**
 * A district's matching configuration.
 *
 * @since 0.1.0
 * @category config
 */
export const Config = Schema.Struct({ weights: Weights, hardConstraints: HardConstraints }).annotations({
  identifier: "MatchConfig"
})
/** @since 0.1.0 @category config */
export type Config = typeof Config.Type

/** @since 0.1.0 @category config */
export const defaultConfig: Config = {
  weights: defaultWeights,
  hardConstraints: { openingOpen: true, requiredCertificates: true, headcount: true }
}

/**
 * Decodes a district's configuration, naming every broken rule.
 *
 * @since 0.1.0
 * @category config
 */
export const decodeConfig = Validation.decodeEither(Config)

/**
 * The configuration in effect; {@link defaultConfig} unless a district
 * provides its own (`Layer.succeed(Match.CurrentConfig, config)`).
 *
 * @since 0.1.0
 * @category config
 */
export class CurrentConfig extends Context.Reference<CurrentConfig>()("@iljari/core/Match/CurrentConfig", {
  defaultValue: (): Config => defaultConfig
}) {}

const resolvedCache = new WeakMap<Config, Kernel.Resolved>()
const unconstrainedCache = new WeakMap<Config, Kernel.Resolved>()
const noConstraints: HardConstraints = { openingOpen: false, requiredCertificates: false, headcount: false }

const cached = (cache: WeakMap<Config, Kernel.Resolved>, config: Config, hard: HardConstraints) => {
  let resolved = cache.get(config)
  if (resolved === undefined) {
    resolved = Kernel.resolve(config.weights, hard)
    cache.set(config, resolved)
  }
  return resolved
}

/** @internal */
export const resolveConfig = (config: Config): Kernel.Resolved => cached(resolvedCache, config, config.hardConstraints)

// ---------------------------------------------------------------------------
// Scores
// ---------------------------------------------------------------------------

/**
 * What one criterion contributed: `points` out of `weight`, and why.
 *
 * @since 0.1.0
 * @category models
 */
export interface Part {
  readonly criterion: Criterion
  /** The most this criterion can earn under the configuration (the weights scaled to 100). */
  readonly weight: number
  readonly points: number
  readonly reason: Label
}

/**
 * A hard constraint that rules the pair out.
 *
 * @since 0.1.0
 * @category models
 */
export interface Block {
  readonly constraint: "opening-not-open" | "headcount-filled" | "required-certificate"
  readonly reason: Label
}

/**
 * A seeker's score for an opening. `total` is the sum of the parts' points;
 * when `eligible` is false the pair is ruled out by `blockedBy` and ranking
 * never lists it, but the parts still say how it would have scored.
 *
 * @since 0.1.0
 * @category models
 */
export interface MatchScore {
  readonly seekerId: Seeker["id"]
  readonly openingId: Opening["id"]
  readonly total: number
  readonly eligible: boolean
  readonly parts: ReadonlyArray<Part>
  readonly blockedBy: ReadonlyArray<Block>
}

/**
 * Optional facts about the opening and the day that hard constraints use.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly config?: Config
  /** People already placed in the opening (the headcount constraint). */
  readonly placed?: number
  /** Today, for the closing date (the opening-open constraint). */
  readonly asOf?: LocalDate
}

/**
 * The fields of a seeker that matching reads — and nothing else.
 *
 * @since 0.1.0
 * @category models
 */
export type SeekerFeatures = Kernel.SeekerFeatures & Pick<Seeker, "id">
/**
 * The fields of an opening that matching reads.
 *
 * @since 0.1.0
 * @category models
 */
export type OpeningFeatures = Kernel.OpeningFeatures & Pick<Opening, "id">

const toPoints = (milli: number) => milli / 1000

/**
 * Scores a seeker for an opening and explains every part.
 *
 * @since 0.1.0
 * @category scoring
 */
export const score = (seeker: SeekerFeatures, opening: OpeningFeatures, options: Options = {}): MatchScore => {
  const config = options.config ?? defaultConfig
  const resolved = resolveConfig(config)
  // The parts are always computed without hard constraints, so a ruled-out
  // pair still shows how it would have scored.
  const open = cached(unconstrainedCache, config, noConstraints)
  const certificates = new Kernel.Certificates()
  const seekers = Kernel.seekerColumns([seeker], certificates)
  const openings = Kernel.openingColumns([opening], () => 0, certificates, () => false)
  const regionPoints = Kernel.regionRow(seekers, 0, [opening.workRegion], resolved, new Int32Array(1))
  const out = new Int32Array(9)
  const total = Kernel.scorePair(seekers, new Kernel.LoadedSeeker().load(seekers, 0), openings, 0, open, regionPoints, 0, out)

  const blockedBy: Array<Block> = []
  const openingBlock = Kernel.openingBlock(opening, { placed: options.placed ?? 0 }, resolved.hard, options.asOf)
  if (openingBlock !== undefined) blockedBy.push({ constraint: openingBlock, reason: blockReason(openingBlock, opening) })
  const missing = missingRequired(seeker, opening)
  if (resolved.hard.requiredCertificates && missing.length > 0) {
    blockedBy.push({
      constraint: "required-certificate",
      reason: { ko: `필수 자격증 없음: ${missing.join(", ")}`, en: `Missing required certificate: ${missing.join(", ")}` }
    })
  }

  const parts = criterionCodes.map((criterion, c): Part => ({
    criterion,
    weight: toPoints(resolved.points[c]!),
    points: toPoints(out[c]!),
    reason: reasons[criterion](seeker, opening, out)
  }))
  return {
    seekerId: seeker.id,
    openingId: opening.id,
    total: toPoints(total),
    eligible: blockedBy.length === 0,
    parts,
    blockedBy
  }
}

/**
 * An explanation as lines of text: the total, each part with its points and
 * reason, and what rules the pair out if anything does.
 *
 * @since 0.1.0
 * @category explaining
 */
export const explain = (match: MatchScore, language: Language = "ko"): ReadonlyArray<string> => {
  const head = language === "ko"
    ? `적합도 ${formatPoints(match.total)}점 / 100`
    : `Match ${formatPoints(match.total)} / 100`
  const lines = match.parts.map((p) =>
    `${criterionLabel(p.criterion, language)} ${formatPoints(p.points)}/${formatPoints(p.weight)}: ${p.reason[language]}`
  )
  const blocks = match.blockedBy.map((b) => (language === "ko" ? `제외: ${b.reason.ko}` : `Ruled out: ${b.reason.en}`))
  return [head, ...lines, ...blocks]
}

const formatPoints = (points: number): string => (Math.round(points * 10) / 10).toFixed(1)
const won = (amount: number): string => `${Math.round(amount).toLocaleString("en-US")}`

// ---------------------------------------------------------------------------
// Reasons
// ---------------------------------------------------------------------------

const missingRequired = (seeker: SeekerFeatures, opening: OpeningFeatures): ReadonlyArray<string> => {
  const held = new Set(seeker.certificates.map(Kernel.normaliseCertificate))
  return opening.requiredCertificates.filter((c) => !held.has(Kernel.normaliseCertificate(c)))
}

const blockReason = (block: "opening-not-open" | "headcount-filled", opening: OpeningFeatures): Label =>
  block === "headcount-filled"
    ? { ko: `모집 인원(${opening.headcount}명) 충원 완료`, en: `All ${opening.headcount} positions are filled` }
    : opening.status === "open"
    ? { ko: `마감일(${opening.closesOn}) 지남`, en: `Closed on ${opening.closesOn}` }
    : { ko: "모집 중이 아닌 구인", en: `The opening is ${opening.status}` }

type Reason = (seeker: SeekerFeatures, opening: OpeningFeatures, parts: Int32Array) => Label

const occupationReason: Reason = (seeker, opening, parts) => {
  const code = opening.occupation
  const level = Kernel.levels[parts[8]!]!
  if (level === "none") {
    return {
      ko: `희망 직종(${seeker.desiredOccupations.join(", ")})과 다른 직종: ${code} ${middleGroupName(code)}`,
      en: `Not among the wished occupations (${seeker.desiredOccupations.join(", ")}): ${code} ${middleGroupName(code, "en")}`
    }
  }
  const rank = parts[7]! + 1
  const wish = seeker.desiredOccupations[parts[7]!]!
  const ko = `${rank}순위 희망 직종 ${wish}`
  const en = `wish #${rank}, ${wish}`
  switch (level) {
    case "exact":
      return { ko: `${ko}에 해당: ${code} ${middleGroupName(code)}`, en: `Matches ${en}: ${code} ${middleGroupName(code, "en")}` }
    case "minor":
      return { ko: `${ko}와 같은 소분류(${code.slice(0, 3)})`, en: `Same minor group (${code.slice(0, 3)}) as ${en}` }
    case "middle":
      return {
        ko: `${ko}와 같은 중분류(${middleGroupName(code)})`,
        en: `Same middle group (${middleGroupName(code, "en")}) as ${en}`
      }
    case "major":
      return {
        ko: `${ko}와 같은 대분류(${majorGroupName(code)})`,
        en: `Same major group (${majorGroupName(code, "en")}) as ${en}`
      }
  }
}

const regionReason: Reason = (seeker, opening) => {
  const work = opening.workRegion
  const { outsideDesired, reason } = Kernel.regionFraction(seeker.addressRegion, seeker.desiredRegions, work)
  const where = { ko: regionName(work), en: regionName(work, "en") }
  const home = { ko: regionName(seeker.addressRegion), en: regionName(seeker.addressRegion, "en") }
  const base: Label = (() => {
    switch (reason.kind) {
      case "desired":
        return { ko: `근무지 ${where.ko}: 희망 근무지역`, en: `Works in ${where.en}, a wished region` }
      case "home":
        return { ko: `근무지 ${where.ko}: 거주지와 같은 구`, en: `Works in ${where.en}, the home district` }
      case "neighbour":
        return { ko: `근무지 ${where.ko}: 거주지(${home.ko})와 이웃한 구`, en: `Works in ${where.en}, next to home (${home.en})` }
      case "distance":
        return {
          ko: `근무지 ${where.ko}: 거주지(${home.ko})에서 약 ${reason.km} km`,
          en: `Works in ${where.en}, about ${reason.km} km from home (${home.en})`
        }
      case "same-province":
        return { ko: `근무지 ${where.ko}: 거주지와 같은 시도`, en: `Works in ${where.en}, in the home province` }
      case "far":
        return { ko: `근무지 ${where.ko}: 거주지와 다른 시도`, en: `Works in ${where.en}, outside the home province` }
    }
  })()
  return outsideDesired
    ? { ko: `${base.ko} (희망 근무지역 밖: 절반)`, en: `${base.en} (outside the wished regions: half)` }
    : base
}

const wageReason: Reason = (seeker, opening) => {
  if (seeker.desiredWage === undefined) return { ko: "희망 임금 없음", en: "No wage wish" }
  const wish = toMonthly(seeker.desiredWage.type, seeker.desiredWage.amount)
  const offer = toMonthly(opening.wage.type, opening.wage.max ?? opening.wage.min)
  if (offer >= wish) {
    return {
      ko: `제시 임금 월 ${won(offer)}원이 희망(월 ${won(wish)}원) 이상`,
      en: `Offers ₩${won(offer)} a month, at least the wished ₩${won(wish)}`
    }
  }
  const percent = Math.floor((offer / wish) * 100)
  return {
    ko: `제시 임금 월 ${won(offer)}원이 희망(월 ${won(wish)}원)의 ${percent}%`,
    en: `Offers ₩${won(offer)} a month, ${percent}% of the wished ₩${won(wish)}`
  }
}

const educationReason: Reason = (seeker, opening) => {
  const minimum = opening.educationMinimum
  if (minimum === "00") return { ko: "학력 무관", en: "Any education" }
  const needed = { ko: educationLabel(minimum), en: educationLabel(minimum, "en") }
  const attained = Number(seeker.education)
  return attained >= Number(minimum)
    ? { ko: `요구 학력(${needed.ko}) 충족`, en: `Meets the required education (${needed.en})` }
    : attained === Number(minimum) - 1
    ? { ko: `요구 학력(${needed.ko})보다 한 단계 낮음`, en: `One level below the required education (${needed.en})` }
    : { ko: `요구 학력(${needed.ko})에 못 미침`, en: `Below the required education (${needed.en})` }
}

const careerReason: Reason = (seeker, opening) => {
  const { minimumMonths, requirement } = opening.career
  if (requirement !== "experienced") {
    return { ko: careerRequirementLabel(requirement), en: careerRequirementLabel(requirement, "en") }
  }
  const needed = minimumMonths ?? 1
  return seeker.careerMonths >= needed
    ? {
      ko: `요구 경력 ${needed}개월 충족(보유 ${seeker.careerMonths}개월)`,
      en: `Has ${seeker.careerMonths} months of the ${needed} required`
    }
    : {
      ko: `요구 경력 ${needed}개월 중 ${seeker.careerMonths}개월`,
      en: `Has ${seeker.careerMonths} of the ${needed} months required`
    }
}

const employmentReason: Reason = (seeker, opening) => {
  const wish = seeker.desiredEmployment
  const misfits: Array<Label> = []
  if (wish.contractTypes.length > 0 && !wish.contractTypes.includes(opening.contractType)) {
    misfits.push({
      ko: `희망하지 않는 계약형태(${contractTypeLabel(opening.contractType)})`,
      en: `an unwished contract (${contractTypeLabel(opening.contractType, "en")})`
    })
  }
  if (wish.schedules.length > 0 && !wish.schedules.includes(opening.schedule)) {
    misfits.push({
      ko: `희망하지 않는 근무형태(${workScheduleLabel(opening.schedule)})`,
      en: `an unwished schedule (${workScheduleLabel(opening.schedule, "en")})`
    })
  }
  if (wish.maxWeeklyHours !== undefined && opening.weeklyHours !== undefined && opening.weeklyHours > wish.maxWeeklyHours) {
    misfits.push({
      ko: `주 ${opening.weeklyHours}시간(희망 최대 ${wish.maxWeeklyHours}시간 초과)`,
      en: `${opening.weeklyHours} hours a week (more than the wished ${wish.maxWeeklyHours})`
    })
  }
  return misfits.length === 0
    ? { ko: "계약형태·근무형태·근무시간이 희망과 맞음", en: "Contract, schedule and hours fit the wishes" }
    : { ko: misfits.map((m) => m.ko).join(", "), en: `Has ${misfits.map((m) => m.en).join(", ")}` }
}

const certificatesReason: Reason = (seeker, opening) => {
  const held = new Set(seeker.certificates.map(Kernel.normaliseCertificate))
  const count = (list: ReadonlyArray<string>) => list.filter((c) => held.has(Kernel.normaliseCertificate(c))).length
  const required = opening.requiredCertificates
  const preferred = opening.preferredCertificates
  if (required.length === 0 && preferred.length === 0) return { ko: "자격증 요건 없음", en: "No certificate asked for" }
  const ko: Array<string> = []
  const en: Array<string> = []
  if (required.length > 0) {
    ko.push(`필수 ${required.length}개 중 ${count(required)}개 보유`)
    en.push(`holds ${count(required)} of ${required.length} required`)
  }
  if (preferred.length > 0) {
    ko.push(`우대 ${preferred.length}개 중 ${count(preferred)}개 보유`)
    en.push(`${count(preferred)} of ${preferred.length} preferred`)
  }
  const sentence = en.join(", ")
  return { ko: `자격증 ${ko.join(", ")}`, en: sentence.charAt(0).toUpperCase() + sentence.slice(1) }
}

const reasons: Record<Criterion, Reason> = {
  occupation: occupationReason,
  region: regionReason,
  wage: wageReason,
  education: educationReason,
  career: careerReason,
  employment: employmentReason,
  certificates: certificatesReason
}
