/**
 * The job fair (일 잡는 데이) end to end. Twice a month a district center
 * seats employers at tables and brings pre-selected seekers to meet them:
 *
 * 1. {@link create} — the fair, its date, venue and start, and the employers
 *    taking part with their openings and how many interviews each holds;
 * 2. {@link preselect} — for each opening, the seekers who fit it best by
 *    `Match` score (exact ranking, never reading age or gender);
 * 3. {@link invite} — an SMS invitation through the outbox to each candidate
 *    who consented to service messages by SMS, a call list for those who
 *    consented to calls only, and who was skipped and why;
 * 4. {@link recordAttendance} — who came;
 * 5. {@link schedule} — the interviews with the largest total score among
 *    those who came, laid into the fewest conflict-free slots (`Assignment`);
 * 6. {@link recordResult} — each interview's result; a hire becomes a
 *    referral by the center and a placement that counts for it, traced back
 *    to the fair;
 * 7. {@link outcome} — invited, attended, interviewed, hired, overall and per
 *    employer.
 *
 * The fair is one versioned record in the `JobFairRepository`; every step
 * that changes it names the version it read, so two counselors cannot
 * overwrite each other's work.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter, JobFair } from "@iljari/core"
 * import { Effect } from "effect"
 *
 * declare const actor: JobCenter.Actor
 * const id = Ids.JobFairId.make("fair-2026-05")
 * // Preselect five seekers per opening, invite them, then build the interview timetable.
 * const prepare = Effect.gen(function*() {
 *   const fair = yield* JobFair.preselect(actor, id, 1, 5)
 *   const invited = yield* JobFair.invite(actor, id, fair.version)
 *   return yield* JobFair.schedule(actor, id, invited.version)
 * })
 * ```
 *
 * @since 0.1.0
 * @module
 * @category events
 */
import { Context, DateTime, Effect, Schema } from "effect"
import type { AuditLog } from "../kernel/Audit.js"
import * as Assignment from "../matching/Assignment.js"
import { isActive } from "../kernel/Consent.js"
import { type NotFound, type PersistenceError, StaleVersion } from "../kernel/Errors.js"
import { EmployerId, JobFairId, MessageId, OpeningId, PlacementId, ReferralId, SeekerId } from "../kernel/Ids.js"
import { DistrictId } from "../kernel/Ids.js"
import { codeSet } from "../kernel/CodeSet.js"
import { distinctList } from "../kernel/Lists.js"
import { moveReferral, proposeReferral, recordPlacement } from "../casework/Casework.js"
import * as Referral from "../casework/Referral.js"
import { ReferralRepository } from "../casework/Referral.js"
import { type Actor, enqueue, logAccessAll, today } from "../kernel/UseCase.js"
import { LocalDate } from "../kernel/LocalDate.js"
import * as Match from "../matching/Match.js"
import * as Ranking from "../matching/Ranking.js"
import { IdGenerator } from "../kernel/IdGenerator.js"
import { type Versioned } from "../kernel/Store.js"
import { Transactor } from "../kernel/Transactor.js"
import { OpeningRepository } from "../registry/Opening.js"
import { SeekerRepository } from "../registry/Seeker.js"
import { Label } from "../kernel/Text.js"
import * as Validation from "../kernel/Validation.js"
import * as Memory from "../kernel/Memory.js"
import type { Store } from "../kernel/Store.js"

// ---------------------------------------------------------------------------
// The record
// ---------------------------------------------------------------------------

const statuses = codeSet("JobFairStatus", [
  ["planned", { ko: "준비", en: "Planned" }],
  // Invitations are out and seekers may still come forward: the fair is open.
  ["open", { ko: "모집 중", en: "Open" }],
  ["held", { ko: "개최", en: "Held" }],
  ["closed", { ko: "종료", en: "Closed" }]
])

/** @since 0.1.0 @category codes */
export const Status = statuses.schema
/** @since 0.1.0 @category codes */
export type Status = typeof Status.Type
/** @since 0.1.0 @category codes */
export const statusLabel = statuses.label

const results = codeSet("InterviewResult", [
  ["hired", { ko: "채용", en: "Hired" }],
  ["second-interview", { ko: "2차 면접", en: "Second interview" }],
  ["not-hired", { ko: "불합격", en: "Not hired" }],
  ["no-show", { ko: "불참", en: "Did not come" }]
])

/** @since 0.1.0 @category codes */
export const InterviewResult = results.schema
/** @since 0.1.0 @category codes */
export type InterviewResult = typeof InterviewResult.Type
/** @since 0.1.0 @category codes */
export const interviewResultLabel = results.label

/**
 * An employer at the fair: the openings it interviews for and how many
 * interviews it can hold.
 *
 * @since 0.1.0
 * @category models
 */
export const Participant = Schema.Struct({
  employerId: EmployerId,
  openingIds: distinctList(OpeningId, { min: 1, max: 20 }),
  capacity: Schema.Int.pipe(Schema.between(1, 200, { message: () => "must be a whole number of interviews from 1 to 200" }))
}).annotations({ identifier: "JobFairParticipant" })
/** @since 0.1.0 @category models */
export type Participant = typeof Participant.Type

/**
 * A pre-selected seeker for an employer, through the opening they fit best.
 *
 * @since 0.1.0
 * @category models
 */
export const Candidate = Schema.Struct({
  seekerId: SeekerId,
  employerId: EmployerId,
  openingId: OpeningId,
  score: Assignment.Score
}).annotations({ identifier: "JobFairCandidate" })
/** @since 0.1.0 @category models */
export type Candidate = typeof Candidate.Type

/**
 * An invitation: by SMS through the outbox, or on the counselors' call list.
 *
 * @since 0.1.0
 * @category models
 */
export const Invitation = Schema.Struct({
  seekerId: SeekerId,
  channel: Schema.Literal("sms", "phone"),
  on: LocalDate,
  /**
   * When the invitation was issued: queued in the outbox (SMS) or put on the
   * call list (phone). Delivery itself is the outbox message's `sentAt`.
   */
  sentAt: Schema.optionalWith(Schema.DateTimeUtc, { exact: true }),
  /** The outbox message carrying an SMS invitation, to follow its delivery. */
  messageId: Schema.optionalWith(MessageId, { exact: true }),
  /** The outbox message's idempotency key, for SMS invitations. */
  messageKey: Schema.optionalWith(Schema.String, { exact: true })
}).annotations({ identifier: "JobFairInvitation" })
/** @since 0.1.0 @category models */
export type Invitation = typeof Invitation.Type

/**
 * A scheduled interview and, once recorded, its result.
 *
 * @since 0.1.0
 * @category models
 */
export const Interview = Schema.Struct({
  seekerId: SeekerId,
  employerId: EmployerId,
  openingId: OpeningId,
  score: Assignment.Score,
  slot: Schema.Int,
  start: Schema.String,
  end: Schema.String,
  result: Schema.optionalWith(InterviewResult, { exact: true }),
  referralId: Schema.optionalWith(ReferralId, { exact: true }),
  placementId: Schema.optionalWith(PlacementId, { exact: true })
}).annotations({ identifier: "JobFairInterview" })
/** @since 0.1.0 @category models */
export type Interview = typeof Interview.Type

/**
 * A job fair and everything that happened at it.
 *
 * @since 0.1.0
 * @category models
 */
export class JobFair extends Schema.Class<JobFair>("JobFair")({
  id: JobFairId,
  districtId: DistrictId,
  title: Label,
  heldOn: LocalDate,
  venue: Label,
  schedule: Assignment.Schedule,
  /** The most interviews one seeker sits. */
  maxInterviewsPerSeeker: Schema.Int.pipe(Schema.between(1, 10)),
  /** Candidates scoring below this are not pre-selected or interviewed. */
  minScore: Assignment.Score,
  status: Status,
  employers: Schema.Array(Participant),
  candidates: Schema.Array(Candidate),
  invitations: Schema.Array(Invitation),
  skipped: Schema.Array(Schema.Struct({ seekerId: SeekerId, reason: Schema.String })),
  attendance: Schema.Array(SeekerId),
  interviews: Schema.Array(Interview)
}) {}

// ---------------------------------------------------------------------------
// Errors and helpers
// ---------------------------------------------------------------------------

const refuse = (path: string, message: string) =>
  Effect.fail(
    new Validation.ValidationError({ subject: "JobFair", issues: [new Validation.ValidationIssue({ path, message })] })
  )

/**
 * The store of job fairs (see `JobFair`).
 *
 * @since 0.1.0
 * @category ports
 */
export class JobFairRepository
  extends Context.Tag("@iljari/core/JobFairRepository")<JobFairRepository, Store<JobFair, JobFairId>>()
{
  /** The memory implementation, over the shared `MemoryDatabase`. */
  static readonly layerMemory = Memory.layerOver(this, (db) => Memory.store<JobFair, JobFairId>(db, "job fair"))
}

const fairs = JobFairRepository

// The fair as the counselor last saw it: a newer version means someone else changed it.
const load = (actor: Actor, id: JobFairId, expectedVersion: number) =>
  Effect.flatMap(fairs, (repo) => repo.get(actor.districtId, id)).pipe(
    Effect.filterOrFail(
      (stored) => stored.version === expectedVersion,
      (stored) => new StaleVersion({ kind: "job fair", id, expected: expectedVersion, actual: stored.version })
    )
  )

// Every seeker a fair names — candidates, invitations, attendance, interviews.
const seekersNamed = (fair: JobFair): ReadonlyArray<string> => [
  ...fair.candidates.map((c) => c.seekerId),
  ...fair.invitations.map((i) => i.seekerId),
  ...fair.skipped.map((s) => s.seekerId),
  ...fair.attendance,
  ...fair.interviews.map((i) => i.seekerId)
]

// A fair answered to the actor shows everyone it names: one statement logs them.
const shown = (actor: Actor, purpose: string) => (stored: Versioned<JobFair>) =>
  Effect.as(logAccessAll(actor, "read", "seeker", seekersNamed(stored.value), purpose), stored)

const save = (actor: Actor, purpose: string, fair: JobFair, version: number) =>
  Effect.flatMap(Effect.flatMap(fairs, (repo) => repo.update(fair, version)), shown(actor, purpose))

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

// ---------------------------------------------------------------------------
// 1. Create
// ---------------------------------------------------------------------------

/**
 * What a counselor fills in to plan a fair.
 *
 * @since 0.1.0
 * @category models
 */
export const Plan = Schema.Struct({
  title: Label,
  heldOn: LocalDate,
  venue: Label,
  schedule: Assignment.Schedule,
  maxInterviewsPerSeeker: Schema.Int.pipe(Schema.between(1, 10, { message: () => "must be from 1 to 10 interviews" })),
  minScore: Assignment.Score,
  employers: Schema.Array(Participant).pipe(Schema.minItems(1))
}).annotations({ identifier: "JobFairPlan" })

/**
 * Plans a fair. Every opening must be one of the district's and belong to
 * the employer it is listed under; an employer is listed once.
 *
 * @example
 * ```ts
 * import { JobCenter, JobFair } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const form: unknown // the fair: date, venue, openings taking part
 * const fair = JobFair.create(actor, form)
 * ```
 *
 * @since 0.1.0
 * @category use cases
 */
export const create = (actor: Actor, input: unknown) =>
  Effect.gen(function*() {
    const plan = yield* Validation.decode(Plan)(input)
    const openings = yield* OpeningRepository
    const seen = new Set<string>()
    for (const [i, employer] of plan.employers.entries()) {
      if (seen.has(employer.employerId)) return yield* refuse(`employers[${i}].employerId`, "lists the employer a second time")
      seen.add(employer.employerId)
      for (const [j, openingId] of employer.openingIds.entries()) {
        const opening = yield* Effect.either(openings.get(actor.districtId, openingId))
        if (opening._tag === "Left" || opening.right.value.employerId !== employer.employerId) {
          return yield* refuse(`employers[${i}].openingIds[${j}]`, `is not an opening of employer "${employer.employerId}" in this district`)
        }
      }
    }
    const ids = yield* IdGenerator
    const fair = new JobFair({
      ...plan,
      id: Schema.decodeSync(JobFairId)(yield* ids.next("job-fair")),
      districtId: actor.districtId,
      status: "planned",
      candidates: [],
      invitations: [],
      skipped: [],
      attendance: [],
      interviews: []
    })
    return yield* Effect.flatMap(fairs, (repo) => repo.insert(fair))
  })

// ---------------------------------------------------------------------------
// 2. Pre-select
// ---------------------------------------------------------------------------

/**
 * Pre-selects, for each opening of the fair, the `perOpening` seekers of the
 * district who fit it best (at least the fair's `minScore`), by the exact
 * `Ranking` of `Match` scores under `Match.CurrentConfig`. A seeker who fits
 * several openings of one employer is a candidate for that employer once,
 * through the best of them. Replaces earlier candidates; allowed until the
 * fair is held.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter, JobFair } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // The five best-matching seekers for each opening at the fair.
 * const preselected = JobFair.preselect(actor, Ids.JobFairId.make("fair-2026-05"), 1, 5)
 * ```
 *
 * @since 0.1.0
 * @category use cases
 */
export const preselect = (actor: Actor, id: JobFairId, expectedVersion: number, perOpening: number) =>
  Effect.gen(function*() {
    const stored = yield* load(actor, id, expectedVersion)
    const fair = stored.value
    if (fair.status === "held" || fair.status === "closed") return yield* refuse("status", `is "${fair.status}": candidates are chosen before the fair`)
    const openingRepo = yield* OpeningRepository
    const openingIds = fair.employers.flatMap((e) => e.openingIds)
    const openings = yield* Effect.forEach(openingIds, (openingId) => openingRepo.get(actor.districtId, openingId))
    const seekers = yield* Effect.flatMap(SeekerRepository, (repo) => repo.list(actor.districtId))
    const index = Ranking.makeIndex(seekers.map((s) => s.value), openings.map((o) => o.value), {
      config: yield* Match.CurrentConfig,
      asOf: fair.heldOn
    })
    const employerOf = new Map(fair.employers.flatMap((e) => e.openingIds.map((o) => [o as string, e.employerId] as const)))
    const best = new Map<string, Candidate>()
    for (const openingId of openingIds) {
      for (const ranked of Ranking.topSeekers(index, openingId, perOpening)) {
        if (ranked.score < fair.minScore) continue
        const employerId = employerOf.get(openingId)!
        const key = `${ranked.id}\u0000${employerId}`
        const existing = best.get(key)
        if (existing === undefined || ranked.score > existing.score) {
          best.set(key, { seekerId: ranked.id, employerId, openingId, score: ranked.score })
        }
      }
    }
    const candidates = [...best.values()].sort(candidateOrder)
    return yield* saveCandidates(actor, fair, stored.version, candidates)
  })

const candidateOrder = (a: Candidate, b: Candidate) =>
  byId(a.employerId, b.employerId) || b.score - a.score || byId(a.seekerId, b.seekerId)

// Every candidate's data was read to score them; saving logs each of them.
const saveCandidates = (actor: Actor, fair: JobFair, version: number, candidates: ReadonlyArray<Candidate>) =>
  save(actor, "jobFair.preselect", new JobFair({ ...fair, candidates }), version)

// ---------------------------------------------------------------------------
// 3. Invite
// ---------------------------------------------------------------------------

/**
 * Invites every candidate not invited yet: by SMS through the outbox
 * (template `job-fair-invitation`) when the seeker consented to service
 * messages by SMS, on the call list when they consented to calls only;
 * otherwise the seeker is listed as skipped with the reason.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter, JobFair } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const invited = JobFair.invite(actor, Ids.JobFairId.make("fair-2026-05"), 2) // one message each, by consent
 * ```
 *
 * @since 0.1.0
 * @category use cases
 */
export const invite = (actor: Actor, id: JobFairId, expectedVersion: number) =>
  Effect.gen(function*() {
    const stored = yield* load(actor, id, expectedVersion)
    const fair = stored.value
    if (fair.status === "held" || fair.status === "closed") return yield* refuse("status", `is "${fair.status}": invitations go out before the fair`)
    const seekers = yield* SeekerRepository
    const day = yield* today
    const at = yield* DateTime.now
    const done = new Set([...fair.invitations.map((i) => i.seekerId as string), ...fair.skipped.map((s) => s.seekerId as string)])
    const invitations = [...fair.invitations]
    const skipped = [...fair.skipped]
    for (const seekerId of [...new Set(fair.candidates.map((c) => c.seekerId))].sort(byId)) {
      if (done.has(seekerId)) continue
      const seeker = (yield* seekers.get(actor.districtId, seekerId)).value
      const phone = seeker.contact.phone
      if (phone !== undefined && isActive(seeker.consents, "service", at, "sms")) {
        const messageKey = `job-fair-invitation:${fair.id}:${seekerId}`
        const message = yield* enqueue(actor, {
          recipient: { kind: "seeker", id: seekerId },
          channel: "sms",
          purpose: "service",
          urgent: false,
          template: "job-fair-invitation",
          params: { name: seeker.name, date: fair.heldOn, venue: fair.venue },
          idempotencyKey: messageKey
        })
        invitations.push({ seekerId, channel: "sms", on: day, sentAt: at, messageId: message.id, messageKey })
      } else if (phone !== undefined && isActive(seeker.consents, "service", at, "phone")) {
        invitations.push({ seekerId, channel: "phone", on: day, sentAt: at })
      } else {
        skipped.push({
          seekerId,
          reason: phone === undefined ? "no phone number on file" : "no consent to service messages by SMS or phone"
        })
      }
    }
    return yield* save(actor, "jobFair.invite", new JobFair({ ...fair, invitations, skipped, status: "open" }), stored.version)
  }).pipe((effect) => Effect.flatMap(Transactor, (t) => t.withTransaction(effect)))

// ---------------------------------------------------------------------------
// 4. Attendance
// ---------------------------------------------------------------------------

/**
 * Records who came; only invited seekers can attend. Marks the fair held.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter, JobFair } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const attended = JobFair.recordAttendance(actor, Ids.JobFairId.make("fair-2026-05"), 3, ["seeker-0001", "seeker-0007"])
 * ```
 *
 * @since 0.1.0
 * @category use cases
 */
export const recordAttendance = (actor: Actor, id: JobFairId, expectedVersion: number, seekerIds: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const stored = yield* load(actor, id, expectedVersion)
    const fair = stored.value
    const invited = new Set(fair.invitations.map((i) => i.seekerId as string))
    for (const [i, seekerId] of seekerIds.entries()) {
      if (!invited.has(seekerId)) return yield* refuse(`attendance[${i}]`, `"${seekerId}" was not invited to this fair`)
    }
    const attendance = [...new Set([...fair.attendance, ...(seekerIds as ReadonlyArray<SeekerId>)])].sort(byId)
    return yield* save(actor, "jobFair.attendance", new JobFair({ ...fair, attendance, status: "held" }), stored.version)
  })

// ---------------------------------------------------------------------------
// 5. Timetable
// ---------------------------------------------------------------------------

/**
 * The interviews with the largest total score among the seekers who came —
 * each seeker at most `maxInterviewsPerSeeker`, each employer at most its
 * capacity, a seeker meeting an employer once — in the fewest slots in which
 * nobody has two interviews at once. Replaces an earlier timetable while no
 * result is recorded.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter, JobFair } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * // The interviews that maximise the total score, in the shortest conflict-free timetable.
 * const scheduled = JobFair.schedule(actor, Ids.JobFairId.make("fair-2026-05"), 4)
 * ```
 *
 * @since 0.1.0
 * @category use cases
 */
export const schedule = (actor: Actor, id: JobFairId, expectedVersion: number) =>
  Effect.gen(function*() {
    const stored = yield* load(actor, id, expectedVersion)
    const fair = stored.value
    if (fair.interviews.some((i) => i.result !== undefined)) return yield* refuse("interviews", "already have results; the timetable is fixed")
    const came = new Set(fair.attendance as ReadonlyArray<string>)
    const candidates = fair.candidates.filter((c) => came.has(c.seekerId))
    const plan = Assignment.assign({
      seekers: [...came].sort(byId).map((seekerId) => ({ id: seekerId as SeekerId, maxInterviews: fair.maxInterviewsPerSeeker })),
      employers: fair.employers.map((e) => ({ id: e.employerId, capacity: e.capacity })),
      candidates: candidates.map((c) => ({ seekerId: c.seekerId, employerId: c.employerId, score: c.score })),
      minScore: fair.minScore,
      schedule: fair.schedule
    })
    const openingOf = new Map(candidates.map((c) => [`${c.seekerId}\u0000${c.employerId}`, c.openingId]))
    const interviews = plan.interviews.map((i) => ({
      seekerId: i.seekerId,
      employerId: i.employerId,
      openingId: openingOf.get(`${i.seekerId}\u0000${i.employerId}`)!,
      score: i.score,
      slot: i.slot,
      start: i.start!,
      end: i.end!
    }))
    return yield* save(actor, "jobFair.schedule", new JobFair({ ...fair, interviews }), stored.version)
  })

// ---------------------------------------------------------------------------
// 6. Results
// ---------------------------------------------------------------------------

/**
 * What a counselor records after an interview; a hire also needs the
 * placement's start (its contract and schedule default to the opening's).
 *
 * @since 0.1.0
 * @category models
 */
export const ResultForm = Schema.Struct({
  seekerId: SeekerId,
  employerId: EmployerId,
  result: InterviewResult,
  startOn: Schema.optional(LocalDate),
  contractType: Schema.optional(Schema.String.annotations({
    description: "A hire's contract (the opening's by default)",
    jsonSchema: { type: "string", enum: ["open-ended", "fixed-term", "daily", "dispatch"] }
  })),
  schedule: Schema.optional(Schema.String.annotations({
    description: "A hire's schedule (the opening's by default)",
    jsonSchema: { type: "string", enum: ["full-time", "part-time"] }
  }))
}).annotations({ identifier: "JobFairResultForm" })

/**
 * Records an interview's result. A hire is recorded as the center's work: a
 * referral to the opening (proposed, sent, interviewing) and a placement
 * through it, which counts for the center and starts the follow-up
 * schedule — all in one transaction with the fair.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter, JobFair } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * declare const result: unknown // an interview's outcome; a hire records the placement too
 * const recorded = JobFair.recordResult(actor, Ids.JobFairId.make("fair-2026-05"), 5, result)
 * ```
 *
 * @since 0.1.0
 * @category use cases
 */
export const recordResult = (actor: Actor, id: JobFairId, expectedVersion: number, input: unknown) =>
  Effect.gen(function*() {
    const form = yield* Validation.decode(ResultForm)(input)
    const stored = yield* load(actor, id, expectedVersion)
    const fair = stored.value
    const at = fair.interviews.findIndex((i) => i.seekerId === form.seekerId && i.employerId === form.employerId)
    if (at === -1) return yield* refuse("seekerId", `has no interview with employer "${form.employerId}" at this fair`)
    const interview = fair.interviews[at]!
    if (interview.result !== undefined) return yield* refuse("result", `is already recorded as "${interview.result}"`)
    let recorded: Interview = { ...interview, result: form.result }
    if (form.result === "hired") {
      if (form.startOn === undefined) return yield* refuse("startOn", "is required for a hire")
      const opening = (yield* Effect.flatMap(OpeningRepository, (r) => r.get(actor.districtId, interview.openingId))).value
      // The fair is the district's event: its staff record its hires whoever's caseload the seeker is in.
      const staff: Actor = actor.caseload === "own" ? { ...actor, caseload: "district" } : actor
      // A referral already under way to the opening (one active per seeker and opening) is the hire's;
      // otherwise a new one, whose note names the fair, so the hire is traced back to it from the referral too.
      const active = (yield* Effect.flatMap(ReferralRepository, (r) => r.listBySeeker(actor.districtId, form.seekerId)))
        .find((r) => r.value.openingId === interview.openingId && Referral.isActive(r.value.status))
      const referral = active ?? (yield* proposeReferral(staff, {
        seekerId: form.seekerId,
        openingId: interview.openingId,
        notes: `일 잡는 데이 ${fair.id} (${fair.heldOn}, ${fair.title})`
      }))
      const sent = referral.value.status === "proposed"
        ? yield* moveReferral(staff, { referralId: referral.value.id, to: "sent", expectedVersion: referral.version })
        : referral
      const interviewing = sent.value.status === "sent"
        ? yield* moveReferral(staff, { referralId: sent.value.id, to: "interviewing", expectedVersion: sent.version })
        : sent
      const placed = yield* recordPlacement(staff, {
        seekerId: form.seekerId,
        referralId: interviewing.value.id,
        startOn: form.startOn,
        contractType: form.contractType ?? opening.contractType,
        schedule: form.schedule ?? opening.schedule
      })
      recorded = { ...recorded, referralId: referral.value.id, placementId: placed.placement.value.id }
    }
    const interviews = fair.interviews.map((i, k) => (k === at ? recorded : i))
    const allRecorded = interviews.every((i) => i.result !== undefined)
    return yield* save(actor, "jobFair.result", new JobFair({ ...fair, interviews, status: allRecorded ? "closed" : fair.status }), stored.version)
  }).pipe((effect) => Effect.flatMap(Transactor, (t) => t.withTransaction(effect)))

// ---------------------------------------------------------------------------
// 7. Outcome
// ---------------------------------------------------------------------------

/**
 * A fair's figures: seekers invited, who came, who sat at least one
 * interview, and who were hired; overall and per employer (interviews and
 * hires there).
 *
 * @since 0.1.0
 * @category figures
 */
export interface Outcome {
  readonly invited: number
  readonly attended: number
  readonly interviewed: number
  readonly hired: number
  readonly byEmployer: ReadonlyArray<{
    readonly employerId: EmployerId
    readonly candidates: number
    readonly interviews: number
    readonly hired: number
  }>
}

/**
 * The figures of a fair. An interview counts once it has a result other
 * than `no-show`.
 *
 * @since 0.1.0
 * @category figures
 */
export const outcome = (fair: JobFair): Outcome => {
  const sat = fair.interviews.filter((i) => i.result !== undefined && i.result !== "no-show")
  const hired = sat.filter((i) => i.result === "hired")
  return {
    invited: fair.invitations.length,
    attended: fair.attendance.length,
    interviewed: new Set(sat.map((i) => i.seekerId)).size,
    hired: new Set(hired.map((i) => i.seekerId)).size,
    byEmployer: fair.employers.map((e) => ({
      employerId: e.employerId,
      candidates: fair.candidates.filter((c) => c.employerId === e.employerId).length,
      interviews: sat.filter((i) => i.employerId === e.employerId).length,
      hired: hired.filter((i) => i.employerId === e.employerId).length
    }))
  }
}

/**
 * Reads a fair.
 *
 * @example
 * ```ts
 * import { Ids, JobCenter, JobFair } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const fair = JobFair.get(actor, Ids.JobFairId.make("fair-2026-05"))
 * ```
 *
 * @since 0.1.0
 * @category use cases
 */
export const get = (
  actor: Actor,
  id: JobFairId
): Effect.Effect<Versioned<JobFair>, NotFound | PersistenceError, JobFairRepository | AuditLog | IdGenerator> =>
  Effect.flatMap(Effect.flatMap(fairs, (repo) => repo.get(actor.districtId, id)), shown(actor, "jobFair.get"))

/**
 * The district's fairs, the latest first: what a list of fairs shows (title,
 * day, venue, status and counts) names no seeker, so nothing is logged; a
 * fair opened with {@link get} logs everyone it names.
 *
 * @example
 * ```ts
 * import { JobCenter, JobFair } from "@iljari/core"
 *
 * declare const actor: JobCenter.Actor
 * const fairs = JobFair.list(actor)
 * ```
 *
 * @since 0.4.0
 * @category use cases
 */
export const list = (actor: Actor): Effect.Effect<ReadonlyArray<Versioned<JobFair>>, PersistenceError, JobFairRepository> =>
  Effect.map(
    Effect.flatMap(fairs, (repo) => repo.list(actor.districtId)),
    (rows) => [...rows].sort((a, b) => byId(b.value.heldOn, a.value.heldOn) || byId(a.value.id, b.value.id))
  )
