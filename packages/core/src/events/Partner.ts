/**
 * Partner institutions and tailored training (맞춤형 훈련): the
 * universities, women's development centers, the labour ministry's branch
 * office and others a district works with; what was done with each (a
 * co-hosted fair, referrals, a training course, a venue); and the demand
 * survey of seekers — youth, women returning after a career break — whose
 * answers pick the training programs worth opening.
 *
 * Picking is a coverage problem: open at most `slots` programs so that as
 * many respondents as possible find one that fits both their field and the
 * time they can attend, and never open a class below its minimum size. The
 * greedy choice (the program reaching most respondents not yet reached,
 * ties by id) is what a district can explain in one sentence, and is within
 * a factor 1 − 1/e of the best cover.
 *
 * @example
 * ```ts
 * import { Partner } from "@iljari/core"
 *
 * declare const options: ReadonlyArray<Partner.ProgramOption>
 * declare const answers: ReadonlyArray<Partner.DemandAnswer>
 * // The three training programs the employers' demand survey asks for most.
 * const picked = Partner.pickPrograms(options, answers, 3)
 * ```
 *
 * @since 0.1.0
 * @module
 * @category events
 */
import { Context, Effect, Schema } from "effect"
import { OccupationCode, TargetGroup } from "../kernel/Codes.js"
import { DistrictId, SeekerId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import { distinctList } from "../kernel/Lists.js"
import { LocalDate } from "../kernel/LocalDate.js"
import { Label, Note } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import * as Memory from "../kernel/Memory.js"
import type { Store, Versioned } from "../kernel/Store.js"
import type { PersistenceError } from "../kernel/Errors.js"

const kinds = codeSet("PartnerKind", [
  ["university", { ko: "대학교", en: "University" }],
  ["womens-center", { ko: "여성발전센터·여성인력개발센터", en: "Women's development center" }],
  ["labour-office", { ko: "고용노동부 지청·고용센터", en: "Labour ministry branch or public employment center" }],
  ["military", { ko: "군부대", en: "Military unit" }],
  ["welfare", { ko: "복지기관·쉼터", en: "Welfare institution or shelter" }],
  ["library", { ko: "도서관·공공시설", en: "Library or public facility" }],
  ["industry", { ko: "기업·산업단지·지식산업센터", en: "Company, industrial complex or knowledge-industry center" }],
  ["training", { ko: "훈련기관", en: "Training institution" }],
  ["other", { ko: "기타", en: "Other" }]
])

/** @since 0.1.0 @category codes */
export const Kind = kinds.schema
/** @since 0.1.0 @category codes */
export type Kind = typeof Kind.Type
/** @since 0.1.0 @category codes */
export const kindLabel = kinds.label

/**
 * A partner institution.
 *
 * @since 0.1.0
 * @category models
 */
export class Partner extends Schema.Class<Partner>("Partner")({
  id: Label,
  districtId: DistrictId,
  name: Label,
  kind: Kind,
  agreementSince: Schema.optionalWith(LocalDate, { exact: true }),
  notes: Schema.optionalWith(Note, { exact: true })
}) {}

/** @since 0.1.0 @category decoding */
export const decodePartner = Validation.decodeEither(Partner)

const activityKinds = codeSet("PartnerActivityKind", [
  ["co-hosted-fair", { ko: "공동 채용행사", en: "Co-hosted job fair" }],
  ["referral", { ko: "구직자 연계", en: "Seekers referred" }],
  ["training", { ko: "맞춤형 훈련", en: "Tailored training" }],
  ["venue", { ko: "장소 제공", en: "Venue provided" }]
])

/** @since 0.1.0 @category codes */
export const ActivityKind = activityKinds.schema
/** @since 0.1.0 @category codes */
export type ActivityKind = typeof ActivityKind.Type
/** @since 0.1.0 @category codes */
export const activityKindLabel = activityKinds.label

/**
 * Something done with a partner; `eventId` links a co-hosted fair.
 *
 * @since 0.1.0
 * @category models
 */
export class Activity extends Schema.Class<Activity>("PartnerActivity")({
  partnerId: Label,
  kind: ActivityKind,
  on: LocalDate,
  eventId: Schema.optionalWith(Label, { exact: true }),
  /** Seekers reached: referred, trained, or attending. */
  people: Schema.Int.pipe(Schema.between(0, 100_000, { message: () => "must be a whole number of people from 0" }))
}) {}

/**
 * Activities per partner and kind in a period, in partner and kind order.
 *
 * @since 0.1.0
 * @category figures
 */
export const activitySummary = (
  activities: ReadonlyArray<Activity>,
  period: { readonly from: LocalDate; readonly to: LocalDate }
): ReadonlyArray<{ readonly partnerId: string; readonly kind: ActivityKind; readonly count: number; readonly people: number }> => {
  const rows = new Map<string, { partnerId: string; kind: ActivityKind; count: number; people: number }>()
  for (const a of activities) {
    if (a.on < period.from || a.on > period.to) continue
    const key = `${a.partnerId}\u0000${a.kind}`
    const row = rows.get(key) ?? { partnerId: a.partnerId, kind: a.kind, count: 0, people: 0 }
    row.count++
    row.people += a.people
    rows.set(key, row)
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row)
}

// ---------------------------------------------------------------------------
// Training demand
// ---------------------------------------------------------------------------

const times = codeSet("TrainingTime", [
  ["weekday-day", { ko: "평일 주간", en: "Weekday daytime" }],
  ["weekday-evening", { ko: "평일 야간", en: "Weekday evenings" }],
  ["weekend", { ko: "주말", en: "Weekends" }]
])

/** @since 0.1.0 @category codes */
export const TrainingTime = times.schema
/** @since 0.1.0 @category codes */
export type TrainingTime = typeof TrainingTime.Type
/** @since 0.1.0 @category codes */
export const trainingTimeLabel = times.label

/**
 * One answer to the demand survey: the fields a respondent would train in
 * (KECO codes or groups) and the times they can attend.
 *
 * @since 0.1.0
 * @category models
 */
export class DemandAnswer extends Schema.Class<DemandAnswer>("TrainingDemandAnswer")({
  respondent: Label,
  seekerId: Schema.optionalWith(SeekerId, { exact: true }),
  group: TargetGroup,
  fields: distinctList(OccupationCode, { min: 1, max: 3 }),
  times: distinctList(TrainingTime, { min: 1, max: 3 })
}) {}

/** @since 0.1.0 @category decoding */
export const decodeDemandAnswer = Validation.decodeEither(DemandAnswer)

/**
 * A stored answer to the demand survey, with the id and district the center
 * gives it and the day it was given.
 *
 * @since 0.2.0
 * @category models
 */
export class DemandResponse extends Schema.Class<DemandResponse>("TrainingDemandResponse")({
  id: Label,
  districtId: DistrictId,
  answeredOn: LocalDate,
  ...DemandAnswer.fields
}) {}

/**
 * The respondent's name on an erased seeker's answers; the fields and times
 * they asked for stay, so the program choice still counts them.
 *
 * @since 0.2.0
 * @category erasure
 */
export const erasedRespondent = "(파기됨)"

/**
 * An answer as erasure leaves it: {@link erasedRespondent} instead of the name.
 *
 * @since 0.2.0
 * @category erasure
 */
export const erased = (response: DemandResponse): DemandResponse =>
  new DemandResponse({ ...response, respondent: erasedRespondent as DemandResponse["respondent"] })

/**
 * A program a partner could run.
 *
 * @since 0.1.0
 * @category models
 */
export class ProgramOption extends Schema.Class<ProgramOption>("TrainingProgramOption")(Schema.Struct({
  id: Label,
  title: Label,
  partnerId: Label,
  /** The field taught: respondents wishing for this code, a code under it, or a group containing it fit. */
  field: OccupationCode,
  time: TrainingTime,
  minParticipants: Schema.Int.pipe(Schema.between(1, 500)),
  maxParticipants: Schema.Int.pipe(Schema.between(1, 500))
}).pipe(
  Schema.filter((p) =>
    p.maxParticipants >= p.minParticipants ||
    { path: ["maxParticipants"], message: `must not be below minParticipants (${p.minParticipants})` }
  )
)) {}

/** Whether a respondent's field wish and a program's field are the same line of work. */
const fits = (wish: string, field: string) => wish.startsWith(field) || field.startsWith(wish)

/**
 * A program chosen, with the respondents it reaches first (at most its
 * maximum) and how many of them belong to each group.
 *
 * @since 0.1.0
 * @category models
 */
export interface Pick {
  readonly program: ProgramOption
  readonly respondents: ReadonlyArray<string>
  readonly byGroup: ReadonlyArray<{ readonly group: TargetGroup; readonly count: number }>
}

/**
 * Picks at most `slots` programs that reach the most respondents, each with
 * at least its minimum of respondents not reached by an earlier pick.
 *
 * @since 0.1.0
 * @category training
 */
export const pickPrograms = (
  options: ReadonlyArray<ProgramOption>,
  answers: ReadonlyArray<DemandAnswer>,
  slots: number
): ReadonlyArray<Pick> => {
  const sortedAnswers = [...answers].sort((a, b) => (a.respondent < b.respondent ? -1 : a.respondent > b.respondent ? 1 : 0))
  const candidates = [...options].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const reached = new Set<string>()
  const picks: Array<Pick> = []
  while (picks.length < slots) {
    let best: { option: ProgramOption; respondents: Array<DemandAnswer> } | undefined
    for (const option of candidates) {
      if (picks.some((p) => p.program.id === option.id)) continue
      const respondents = sortedAnswers
        .filter((a) => !reached.has(a.respondent) && a.times.includes(option.time) && a.fields.some((f) => fits(f, option.field)))
        .slice(0, option.maxParticipants)
      if (respondents.length < option.minParticipants) continue
      if (best === undefined || respondents.length > best.respondents.length) best = { option, respondents }
    }
    if (best === undefined) break
    for (const r of best.respondents) reached.add(r.respondent)
    const groups = new Map<TargetGroup, number>()
    for (const r of best.respondents) groups.set(r.group, (groups.get(r.group) ?? 0) + 1)
    picks.push({
      program: best.option,
      respondents: best.respondents.map((r) => r.respondent),
      byGroup: [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, count]) => ({ group, count }))
    })
  }
  return picks
}

/**
 * Partner institutions (see `Partner`).
 *
 * @since 0.1.0
 * @category ports
 */
export class PartnerRepository extends Context.Tag("@iljari/core/PartnerRepository")<PartnerRepository, Store<Partner, string>>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<Partner, string>(db, "partner"))
}

/**
 * Answers to the training demand survey (see `Partner`).
 *
 * @since 0.2.0
 * @category ports
 */
export class TrainingDemandRepository extends Context.Tag("@iljari/core/TrainingDemandRepository")<TrainingDemandRepository, Store<DemandResponse, string> & {
  /** The answers a seeker gave under their name. */
  readonly listBySeeker: (districtId: DistrictId, seekerId: SeekerId) => Effect.Effect<ReadonlyArray<Versioned<DemandResponse>>, PersistenceError>
}>() {
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => {
    const answers = Memory.store<DemandResponse, string>(db, "training demand answer")
    return { ...answers, listBySeeker: (districtId, seekerId) => answers.filter(districtId, (a) => a.seekerId === seekerId) }
  })
}
