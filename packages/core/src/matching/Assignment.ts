/**
 * Job-fair interviews (일 잡는 데이): twice a month a district center seats
 * employers at tables and brings pre-selected seekers to meet them one to
 * one. Given the candidate pairs with their scores, each seeker's maximum
 * number of interviews, each employer's number of interviews and a minimum
 * score, {@link assign} chooses the interviews with the **largest total
 * score** (a seeker meets an employer at most once) and lays them into the
 * **fewest time slots** in which nobody is in two places at once.
 *
 * Both answers are exact. The choice is a maximum-weight bipartite
 * b-matching, found as a min-cost flow by successive shortest paths; when
 * every quota and capacity is 1 and the candidates fill the matrix densely,
 * the well-kept `munkres` package (Hungarian method) finds the same optimum
 * faster. The slots are an edge colouring with as many colours as the busiest
 * participant has interviews, which no timetable can beat (König's theorem).
 *
 * Scoring is not done here: candidates come with a score from 0 to 100
 * (the `Match` module computes them, a counselor may set them by hand).
 * Scores are optimised to a resolution of {@link scoreResolution} (0.001):
 * each is rounded to the nearest thousandth, so that sums and comparisons are
 * exact.
 *
 * Everything here is pure: no Effect, no I/O, no clock. The same request
 * gives the same plan, whatever order its lists come in; ties are settled by
 * the order of the ids.
 *
 * @example
 * ```ts
 * import { Assignment } from "@iljari/core"
 * import { Either } from "effect"
 *
 * // A job fair: the interviews that maximise the total score within each side's limits.
 * const request = Either.getOrThrow(Assignment.decodeRequest({
 *   seekers: [{ id: "seeker-0001", maxInterviews: 2 }, { id: "seeker-0002", maxInterviews: 1 }],
 *   employers: [{ id: "employer-0001", capacity: 1 }, { id: "employer-0002", capacity: 2 }],
 *   candidates: [
 *     { seekerId: "seeker-0001", employerId: "employer-0001", score: 82 },
 *     { seekerId: "seeker-0002", employerId: "employer-0001", score: 75 },
 *     { seekerId: "seeker-0002", employerId: "employer-0002", score: 64 }
 *   ]
 * }))
 * const plan = Assignment.assign(request)
 * ```
 *
 * @since 0.1.0
 * @module
 * @category matching
 */
import { Schema } from "effect"
import { EmployerId, SeekerId } from "../kernel/Ids.js"
import { colourBipartite } from "./internal/assignmentSlots.js"
import * as Solve from "./internal/assignmentSolve.js"
import * as Validation from "../kernel/Validation.js"

// ---------------------------------------------------------------------------
// The request
// ---------------------------------------------------------------------------

/**
 * Scores count in steps of this size: each is rounded to the nearest
 * thousandth of a point before the optimum is sought, and the total is the
 * sum of the rounded scores.
 *
 * @since 0.1.0
 * @category scores
 */
export const scoreResolution = 1 / Solve.unitsPerPoint

/**
 * How well a seeker suits an employer, from 0 to 100 (fractions allowed).
 *
 * @since 0.1.0
 * @category scores
 */
export const Score = Schema.Number.pipe(
  Schema.filter((n) => Number.isFinite(n) && n >= 0 && n <= 100 || `must be a score between 0 and 100; got ${n}`)
).annotations({ identifier: "Score", arbitrary: () => (fc) => fc.double({ min: 0, max: 100, noNaN: true }) })
/** @since 0.1.0 @category scores */
export type Score = typeof Score.Type

const InterviewCount = Schema.Number.pipe(
  Schema.filter((n) => Number.isSafeInteger(n) && n >= 0 || `must be a whole number of interviews, 0 or more; got ${n}`)
).annotations({ arbitrary: () => (fc) => fc.nat({ max: 10 }) })

/**
 * A seeker invited to the fair and the most interviews they can sit.
 *
 * @since 0.1.0
 * @category request
 */
export const Seeker = Schema.Struct({
  id: SeekerId,
  maxInterviews: InterviewCount
}).annotations({ identifier: "AssignmentSeeker" })
/** @since 0.1.0 @category request */
export type Seeker = typeof Seeker.Type

/**
 * An employer at the fair and how many interviews it will hold.
 *
 * @since 0.1.0
 * @category request
 */
export const Employer = Schema.Struct({
  id: EmployerId,
  capacity: InterviewCount
}).annotations({ identifier: "AssignmentEmployer" })
/** @since 0.1.0 @category request */
export type Employer = typeof Employer.Type

/**
 * A pair that may meet, with its score. Pairs scoring below the request's
 * `minScore`, or 0, are never chosen.
 *
 * @since 0.1.0
 * @category request
 */
export const Candidate = Schema.Struct({
  seekerId: SeekerId,
  employerId: EmployerId,
  score: Score
}).annotations({ identifier: "Candidate" })
/** @since 0.1.0 @category request */
export type Candidate = typeof Candidate.Type

/**
 * A time of day written `HH:MM` (24-hour clock), e.g. `14:00`.
 *
 * @since 0.1.0
 * @category timetable
 */
export const ClockTime = Schema.String.pipe(
  Schema.filter((s) =>
    /^([01]\d|2[0-3]):[0-5]\d$/.test(s) || `must be a time of day written HH:MM, e.g. 14:00; got ${JSON.stringify(s)}`
  )
).annotations({
  identifier: "ClockTime",
  arbitrary: () => (fc) =>
    fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`)
})
/** @since 0.1.0 @category timetable */
export type ClockTime = typeof ClockTime.Type

/**
 * When slot 1 starts and how long every slot lasts (changeover included).
 * Slot k runs from `start + (k − 1) × slotMinutes` to `start + k ×
 * slotMinutes`.
 *
 * @since 0.1.0
 * @category timetable
 */
export const Schedule = Schema.Struct({
  start: ClockTime,
  slotMinutes: Schema.Number.pipe(
    Schema.filter((n) =>
      Number.isSafeInteger(n) && n >= 1 && n <= 480 || `must be a whole number of minutes from 1 to 480; got ${n}`
    )
  ).annotations({ arbitrary: () => (fc) => fc.integer({ min: 1, max: 480 }) })
}).annotations({ identifier: "Schedule" })
/** @since 0.1.0 @category timetable */
export type Schedule = typeof Schedule.Type

const quote = JSON.stringify

// Rules across lists, each reported at the field that breaks it.
const crossCheck = (request: {
  readonly seekers: ReadonlyArray<Seeker>
  readonly employers: ReadonlyArray<Employer>
  readonly candidates: ReadonlyArray<Candidate>
}): Array<Schema.FilterIssue> => {
  const issues: Array<Schema.FilterIssue> = []
  const seekerAt = new Map<string, number>()
  request.seekers.forEach(({ id }, i) => {
    const first = seekerAt.get(id)
    if (first === undefined) seekerAt.set(id, i)
    else issues.push({ path: ["seekers", i, "id"], message: `repeats seekers[${first}].id ${quote(id)}; list each seeker once` })
  })
  const employerAt = new Map<string, number>()
  request.employers.forEach(({ id }, i) => {
    const first = employerAt.get(id)
    if (first === undefined) employerAt.set(id, i)
    else {
      issues.push({ path: ["employers", i, "id"], message: `repeats employers[${first}].id ${quote(id)}; list each employer once` })
    }
  })
  const pairAt = new Map<string, number>()
  request.candidates.forEach(({ employerId, seekerId }, i) => {
    if (!seekerAt.has(seekerId)) {
      issues.push({ path: ["candidates", i, "seekerId"], message: `names no seeker of this request: ${quote(seekerId)}` })
    }
    if (!employerAt.has(employerId)) {
      issues.push({ path: ["candidates", i, "employerId"], message: `names no employer of this request: ${quote(employerId)}` })
    }
    // Ids cannot hold a space, so this key is unambiguous.
    const key = `${seekerId} ${employerId}`
    const first = pairAt.get(key)
    if (first === undefined) pairAt.set(key, i)
    else {
      issues.push({
        path: ["candidates", i],
        message: `repeats the pair of candidates[${first}] (${quote(seekerId)} with ${
          quote(employerId)
        }); a seeker meets an employer at most once`
      })
    }
  })
  return issues
}

/**
 * What to plan: who comes, how many interviews each can take, the candidate
 * pairs with scores, the lowest score worth an interview, and optionally
 * the clock times of the slots. Ids must be unique, every candidate must
 * name a listed seeker and employer, and a pair may be listed once.
 *
 * @since 0.1.0
 * @category request
 */
export const Request = Schema.Struct({
  seekers: Schema.Array(Seeker),
  employers: Schema.Array(Employer),
  candidates: Schema.Array(Candidate),
  minScore: Score,
  schedule: Schema.optionalWith(Schedule, { exact: true })
}).pipe(Schema.filter(crossCheck)).annotations({ identifier: "AssignmentRequest" })
/** @since 0.1.0 @category request */
export type Request = typeof Request.Type

/**
 * Decodes a request, failing with a `ValidationError` that names every field
 * at fault (`employers[2].capacity`, `candidates[7].seekerId`, …).
 *
 * @since 0.1.0
 * @category request
 */
export const decodeRequest = Validation.decodeEither(Request)

// ---------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------

/**
 * One interview: who meets whom, the pair's score, the slot (1…slotCount)
 * and, when the request has a schedule, its clock times. Times after
 * midnight carry on counting hours (`24:10`), as transport timetables do.
 *
 * @since 0.1.0
 * @category plan
 */
export const Interview = Schema.Struct({
  seekerId: SeekerId,
  employerId: EmployerId,
  score: Score,
  slot: Schema.Int,
  start: Schema.optionalWith(Schema.String, { exact: true }),
  end: Schema.optionalWith(Schema.String, { exact: true })
}).annotations({ identifier: "Interview" })
/** @since 0.1.0 @category plan */
export type Interview = typeof Interview.Type

/**
 * A slot with its clock times (if scheduled) and its interviews, by
 * employer id.
 *
 * @since 0.1.0
 * @category plan
 */
export const Slot = Schema.Struct({
  slot: Schema.Int,
  start: Schema.optionalWith(Schema.String, { exact: true }),
  end: Schema.optionalWith(Schema.String, { exact: true }),
  interviews: Schema.Array(Interview)
}).annotations({ identifier: "Slot" })
/** @since 0.1.0 @category plan */
export type Slot = typeof Slot.Type

/**
 * One employer's sheet for its table: its interviews by slot.
 *
 * @since 0.1.0
 * @category plan
 */
export const EmployerTimetable = Schema.Struct({
  employerId: EmployerId,
  interviews: Schema.Array(Interview)
}).annotations({ identifier: "EmployerTimetable" })
/** @since 0.1.0 @category plan */
export type EmployerTimetable = typeof EmployerTimetable.Type

/**
 * One seeker's sheet (or SMS): their interviews by slot. Empty for a
 * seeker who was invited but got none.
 *
 * @since 0.1.0
 * @category plan
 */
export const SeekerTimetable = Schema.Struct({
  seekerId: SeekerId,
  interviews: Schema.Array(Interview)
}).annotations({ identifier: "SeekerTimetable" })
/** @since 0.1.0 @category plan */
export type SeekerTimetable = typeof SeekerTimetable.Type

/**
 * The interviews laid into slots 1…slotCount. No seeker and no employer
 * has two interviews in one slot, and `slotCount` is the largest number of
 * interviews any one participant has, so no timetable is shorter. Sheets
 * are listed by id: every employer and seeker of the request, with or
 * without interviews.
 *
 * @since 0.1.0
 * @category plan
 */
export const Timetable = Schema.Struct({
  slotCount: Schema.Int,
  slots: Schema.Array(Slot),
  employers: Schema.Array(EmployerTimetable),
  seekers: Schema.Array(SeekerTimetable)
}).annotations({ identifier: "Timetable" })
/** @since 0.1.0 @category plan */
export type Timetable = typeof Timetable.Type

/**
 * The chosen interviews (by slot, then employer and seeker id), their
 * total score (the sum of the scores rounded to {@link scoreResolution}) and
 * the timetable.
 *
 * @since 0.1.0
 * @category plan
 */
export const Plan = Schema.Struct({
  interviews: Schema.Array(Interview),
  totalScore: Schema.Number,
  timetable: Timetable
}).annotations({ identifier: "Plan" })
/** @since 0.1.0 @category plan */
export type Plan = typeof Plan.Type

// ---------------------------------------------------------------------------
// Planning
// ---------------------------------------------------------------------------

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`

const slotTimes = (schedule: Schedule | undefined, slot: number): { start?: string; end?: string } => {
  if (schedule === undefined) return {}
  const [hours, minutes] = schedule.start.split(":").map(Number) as [number, number]
  const first = hours * 60 + minutes
  return {
    start: clock(first + (slot - 1) * schedule.slotMinutes),
    end: clock(first + slot * schedule.slotMinutes)
  }
}

interface Placed {
  readonly seekerId: SeekerId
  readonly employerId: EmployerId
  readonly score: number
  readonly slot: number
}

const buildTimetable = (
  placed: ReadonlyArray<Placed>,
  slotCount: number,
  seekerIds: ReadonlyArray<SeekerId>,
  employerIds: ReadonlyArray<EmployerId>,
  schedule: Schedule | undefined
): { readonly interviews: ReadonlyArray<Interview>; readonly timetable: Timetable } => {
  const times = Array.from({ length: slotCount }, (_, k) => slotTimes(schedule, k + 1))
  const interviews: Array<Interview> = placed
    .map(({ employerId, score, seekerId, slot }) => ({ seekerId, employerId, score, slot, ...times[slot - 1] }))
    .sort((a, b) => a.slot - b.slot || byText(a.employerId, b.employerId) || byText(a.seekerId, b.seekerId))
  const slots: Array<Slot> = times.map((time, k) => ({ slot: k + 1, ...time, interviews: [] }))
  const employerSheets = new Map(employerIds.map((id) => [id, [] as Array<Interview>]))
  const seekerSheets = new Map(seekerIds.map((id) => [id, [] as Array<Interview>]))
  for (const interview of interviews) {
    ;(slots[interview.slot - 1]!.interviews as Array<Interview>).push(interview)
    employerSheets.get(interview.employerId)!.push(interview)
    seekerSheets.get(interview.seekerId)!.push(interview)
  }
  return {
    interviews,
    timetable: {
      slotCount,
      slots,
      employers: [...employerSheets].map(([employerId, list]) => ({ employerId, interviews: list })),
      seekers: [...seekerSheets].map(([seekerId, list]) => ({ seekerId, interviews: list }))
    }
  }
}

const sortedIds = <A extends string>(ids: Iterable<A>): Array<A> => [...new Set(ids)].sort(byText)

/**
 * Plans a job fair: the interviews with the largest total score, in the
 * fewest slots. Pairs scoring below `minScore` are left out, and so are pairs
 * scoring 0, which add nothing; of several plans with the same total, one is
 * chosen by the order of the ids, so the same request always gives the same
 * plan.
 *
 * The request is expected to be decoded ({@link decodeRequest}); a candidate
 * naming an unlisted seeker or employer, or a repeated pair, throws a
 * `RangeError`.
 *
 * @since 0.1.0
 * @category planning
 */
export const assign = (request: Request): Plan => {
  const seekerIds = sortedIds(request.seekers.map((s) => s.id))
  const employerIds = sortedIds(request.employers.map((e) => e.id))
  const seekerIndex = new Map(seekerIds.map((id, i) => [id, i]))
  const employerIndex = new Map(employerIds.map((id, i) => [id, i]))
  const maxInterviews = new Float64Array(seekerIds.length)
  for (const s of request.seekers) maxInterviews[seekerIndex.get(s.id)!] = s.maxInterviews
  const capacity = new Float64Array(employerIds.length)
  for (const e of request.employers) capacity[employerIndex.get(e.id)!] = e.capacity

  const { candidates } = request
  const seeker = new Int32Array(candidates.length)
  const employer = new Int32Array(candidates.length)
  const score = new Float64Array(candidates.length)
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!
    const s = seekerIndex.get(c.seekerId)
    const e = employerIndex.get(c.employerId)
    if (s === undefined) throw new RangeError(`Assignment.assign: candidates[${i}] names no listed seeker: ${c.seekerId}`)
    if (e === undefined) throw new RangeError(`Assignment.assign: candidates[${i}] names no listed employer: ${c.employerId}`)
    seeker[i] = s
    employer[i] = e
    score[i] = c.score
  }
  const solution = Solve.solveIndexed({
    seekerCount: seekerIds.length,
    employerCount: employerIds.length,
    maxInterviews,
    capacity,
    seeker,
    employer,
    score,
    minScore: request.minScore
  })
  const placed: Array<Placed> = []
  for (let i = 0; i < candidates.length; i++) {
    if (solution.chosen[i] === 1) {
      const { employerId, score, seekerId } = candidates[i]!
      placed.push({ seekerId, employerId, score, slot: solution.slot[i]! })
    }
  }
  const laid = buildTimetable(placed, solution.slotCount, seekerIds, employerIds, request.schedule)
  return {
    interviews: laid.interviews,
    totalScore: solution.totalUnits / Solve.unitsPerPoint,
    timetable: laid.timetable
  }
}

/**
 * Lays interviews already chosen (by {@link assign}, or by hand) into the
 * fewest slots, as many as the busiest participant has interviews. The
 * sheets list every participant of the interviews and, when given, every id
 * in `seekers` and `employers` (so that those without an interview get an
 * empty sheet).
 *
 * @since 0.1.0
 * @category planning
 */
export const timetable = (
  interviews: ReadonlyArray<Candidate>,
  options: {
    readonly schedule?: Schedule | undefined
    readonly seekers?: ReadonlyArray<SeekerId> | undefined
    readonly employers?: ReadonlyArray<EmployerId> | undefined
  } = {}
): Timetable => {
  const seekerIds = sortedIds([...(options.seekers ?? []), ...interviews.map((i) => i.seekerId)])
  const employerIds = sortedIds([...(options.employers ?? []), ...interviews.map((i) => i.employerId)])
  const seekerIndex = new Map(seekerIds.map((id, i) => [id, i]))
  const employerIndex = new Map(employerIds.map((id, i) => [id, i]))
  // Employer by employer, so that each table's interviews take the earliest slots.
  const ordered = [...interviews].sort((a, b) =>
    byText(a.employerId, b.employerId) || byText(a.seekerId, b.seekerId) || a.score - b.score
  )
  const { colour, colours } = colourBipartite(
    Int32Array.from(ordered, (i) => seekerIndex.get(i.seekerId)!),
    Int32Array.from(ordered, (i) => employerIndex.get(i.employerId)!),
    seekerIds.length,
    employerIds.length
  )
  const placed = ordered.map(({ employerId, score, seekerId }, k) => ({
    seekerId,
    employerId,
    score,
    slot: colour[k]! + 1
  }))
  return buildTimetable(placed, colours, seekerIds, employerIds, options.schedule).timetable
}

// ---------------------------------------------------------------------------
// Large inputs
// ---------------------------------------------------------------------------

/**
 * A problem on indices and arrays, for inputs too large to pass as objects
 * (a district's whole register, a benchmark matrix): seekers `0…seekerCount-1`,
 * employers `0…employerCount-1`, and candidate i is the pair
 * (`seeker[i]`, `employer[i]`) with score `score[i]`.
 *
 * @since 0.1.0
 * @category large inputs
 */
export interface IndexedProblem extends Solve.IndexedInput {}

/**
 * A problem as a score matrix: `scores[s][e]` is seeker s with employer e,
 * from 0 to 100; a 0 means the pair is not a candidate (it would add
 * nothing). `maxInterviews` has one entry per row, `capacity` one per column.
 *
 * @since 0.1.0
 * @category large inputs
 */
export interface MatrixProblem {
  readonly scores: ArrayLike<ArrayLike<number>>
  readonly maxInterviews: ArrayLike<number>
  readonly capacity: ArrayLike<number>
  readonly minScore: number
}

/**
 * The answer to an {@link IndexedProblem} or a {@link MatrixProblem}, per
 * candidate (per cell, row by row, for a matrix): `chosen[i]` is 1 for a
 * chosen interview and `slot[i]` its slot (1…slotCount, 0 if not chosen).
 * `method` says which exact method found the optimum: `flow` (min-cost flow)
 * or `munkres` (unit capacities on a dense matrix).
 *
 * @since 0.1.0
 * @category large inputs
 */
export interface IndexedSolution {
  readonly chosen: Uint8Array
  readonly slot: Int32Array
  readonly slotCount: number
  readonly totalScore: number
  readonly method: "flow" | "munkres"
}

const toSolution = ({ chosen, method, slot, slotCount, totalUnits }: Solve.Output): IndexedSolution => ({
  chosen,
  slot,
  slotCount,
  totalScore: totalUnits / Solve.unitsPerPoint,
  method
})

/**
 * {@link assign} on indices: the same optimum and timetable, without ids,
 * objects or decoding. The input is checked, and malformed input (an index
 * out of range, a score outside 0–100, a repeated pair) throws a
 * `RangeError`. Ties are settled by index order.
 *
 * @since 0.1.0
 * @category large inputs
 */
export const solveIndexed = (problem: IndexedProblem): IndexedSolution => toSolution(Solve.solveIndexed(problem))

/**
 * {@link assign} on a score matrix (seekers × employers), such as a ranking
 * computes. Malformed input (a ragged row, a score outside 0–100) throws a
 * `RangeError`. Ties are settled by row and column order.
 *
 * @since 0.1.0
 * @category large inputs
 */
export const solveMatrix = (problem: MatrixProblem): IndexedSolution => toSolution(Solve.solveMatrix(problem))
