/**
 * The numeric core of `Assignment`: candidates as parallel arrays of
 * indices and scores (or a score matrix) in, chosen candidates and their
 * slots out.
 *
 * Scores are scaled to integers (thousandths of a point) so that the
 * optimiser adds and compares exactly. Candidates are put in a canonical
 * order (seeker, then employer) before anything else, so the answer depends
 * on the set of candidates and never on the order they came in.
 */
import { munkres } from "munkres"
import { colourBipartite } from "./assignmentSlots.js"
import { type BGraph, maximumWeightBMatching } from "./flow.js"

/** Scores are optimised in thousandths of a point. */
export const unitsPerPoint = 1000

/** A score in thousandths of a point, rounded to the nearest. */
export const toUnits = (score: number): number => Math.round(score * unitsPerPoint)

/**
 * `flow`: min-cost flow (any capacities); `munkres`: the `munkres` package's
 * Hungarian method, for unit capacities on a dense matrix, where it is faster.
 */
export type Method = "flow" | "munkres"

export interface IndexedInput {
  readonly seekerCount: number
  readonly employerCount: number
  readonly maxInterviews: ArrayLike<number>
  readonly capacity: ArrayLike<number>
  readonly seeker: ArrayLike<number>
  readonly employer: ArrayLike<number>
  readonly score: ArrayLike<number>
  readonly minScore: number
}

export interface MatrixInput {
  /** `scores[s][e]`: seeker s with employer e; 0 means "not a candidate". */
  readonly scores: ArrayLike<ArrayLike<number>>
  readonly maxInterviews: ArrayLike<number>
  readonly capacity: ArrayLike<number>
  readonly minScore: number
}

export interface Output {
  /** Per candidate (per cell for a matrix, row-major): 1 if chosen. */
  readonly chosen: Uint8Array
  /** Per candidate: its slot 1…slotCount, or 0 if not chosen. */
  readonly slot: Int32Array
  readonly slotCount: number
  /** The chosen scores' sum, in thousandths of a point. */
  readonly totalUnits: number
  /** Which exact method found the optimum. */
  readonly method: Method
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

const fail = (where: string, message: string): never => {
  throw new RangeError(`Assignment.${where}: ${message}`)
}

// Written as comparisons so that NaN fails them.
const isCount = (n: number): boolean => n >= 0 && Number.isSafeInteger(n)
const isScore = (n: number): boolean => n >= 0 && n <= 100

const checkCounts = (where: string, maxInterviews: ArrayLike<number>, capacity: ArrayLike<number>, minScore: number) => {
  if (!isScore(minScore)) fail(where, `minScore must be between 0 and 100; got ${minScore}`)
  for (let s = 0; s < maxInterviews.length; s++) {
    if (!isCount(maxInterviews[s]!)) fail(where, `maxInterviews[${s}] must be a whole number ≥ 0; got ${maxInterviews[s]}`)
  }
  for (let e = 0; e < capacity.length; e++) {
    if (!isCount(capacity[e]!)) fail(where, `capacity[${e}] must be a whole number ≥ 0; got ${capacity[e]}`)
  }
}

/** Checks the input; returns whether the candidates are in canonical order already. */
const checkIndexed = (input: IndexedInput): boolean => {
  const { capacity, employer, employerCount, maxInterviews, score, seeker, seekerCount } = input
  const where = "solveIndexed"
  if (!isCount(seekerCount)) fail(where, `seekerCount must be a whole number ≥ 0; got ${seekerCount}`)
  if (!isCount(employerCount)) fail(where, `employerCount must be a whole number ≥ 0; got ${employerCount}`)
  if (maxInterviews.length !== seekerCount) {
    fail(where, `maxInterviews has ${maxInterviews.length} entries for ${seekerCount} seekers`)
  }
  if (capacity.length !== employerCount) fail(where, `capacity has ${capacity.length} entries for ${employerCount} employers`)
  if (employer.length !== seeker.length || score.length !== seeker.length) {
    fail(where, `seeker, employer and score need one entry per candidate (${seeker.length}, ${employer.length}, ${score.length})`)
  }
  checkCounts(where, maxInterviews, capacity, input.minScore)
  // The hot loop only finds the first bad candidate; the message is written
  // after it (building messages inside made the loop several times slower).
  let sorted = true
  let bad = -1
  let ps = -1
  let pe = -1
  const count = seeker.length
  for (let i = 0; i < count; i++) {
    const s = seeker[i]!
    const e = employer[i]!
    const x = score[i]!
    if (!(s >= 0 && s < seekerCount && s % 1 === 0 && e >= 0 && e < employerCount && e % 1 === 0 && x >= 0 && x <= 100)) {
      bad = i
      break
    }
    if (s < ps || (s === ps && e <= pe)) sorted = false
    ps = s
    pe = e
  }
  if (bad !== -1) {
    const s = seeker[bad]!
    const e = employer[bad]!
    if (!(s >= 0 && s < seekerCount && s % 1 === 0)) fail(where, `seeker[${bad}] must be a seeker index; got ${s}`)
    if (!(e >= 0 && e < employerCount && e % 1 === 0)) fail(where, `employer[${bad}] must be an employer index; got ${e}`)
    fail(where, `score[${bad}] must be between 0 and 100; got ${score[bad]}`)
  }
  return sorted
}

// ---------------------------------------------------------------------------
// Canonical order and the graph
// ---------------------------------------------------------------------------

/** Stable counting sort of `order` by `key[order[i]]`. */
const sortBy = (order: Int32Array, key: ArrayLike<number>, keys: number): Int32Array => {
  const count = new Int32Array(keys + 1)
  for (let i = 0; i < order.length; i++) count[key[order[i]!]! + 1]!++
  for (let k = 0; k < keys; k++) count[k + 1]! += count[k]!
  const out = new Int32Array(order.length)
  for (let i = 0; i < order.length; i++) {
    const c = order[i]!
    out[count[key[c]!]!++] = c
  }
  return out
}

/** The eligible candidates as a graph grouped by seeker, and where each edge came from. */
interface Eligible {
  readonly graph: BGraph
  /** Per edge: its candidate index. */
  readonly origin: Int32Array
}

const eligibleGraph = (input: IndexedInput, sorted: boolean): Eligible => {
  const n = input.seekerCount
  const m = input.employerCount
  const { capacity, employer, maxInterviews, score, seeker } = input
  const candidates = seeker.length
  let order: Int32Array | undefined
  if (!sorted) {
    const identity = new Int32Array(candidates)
    for (let i = 0; i < candidates; i++) identity[i] = i
    order = sortBy(sortBy(identity, employer, m), seeker, n)
  }
  const minUnits = toUnits(input.minScore)
  const edgeStart = new Int32Array(n + 1)
  const edgeEmployer = new Int32Array(candidates)
  const edgeWeight = new Float64Array(candidates)
  const origin = new Int32Array(candidates)
  let edges = 0
  let repeat = -1
  let ps = -1
  let pe = -1
  for (let i = 0; i < candidates; i++) {
    const c = order === undefined ? i : order[i]!
    const s = seeker[c]!
    const e = employer[c]!
    if (s === ps && e === pe) {
      repeat = i
      break
    }
    ps = s
    pe = e
    const units = toUnits(score[c]!)
    // A pair scoring 0 adds nothing to the total, so it is never chosen.
    if (units >= minUnits && units > 0 && maxInterviews[s]! > 0 && capacity[e]! > 0) {
      edgeStart[s + 1]!++
      edgeEmployer[edges] = e
      edgeWeight[edges] = units
      origin[edges++] = c
    }
  }
  if (repeat !== -1) {
    const [first, second] = order === undefined ? [repeat - 1, repeat] : [order[repeat - 1]!, order[repeat]!]
    fail(
      "solveIndexed",
      `candidates ${Math.min(first, second)} and ${Math.max(first, second)} repeat the pair (seeker ${seeker[first]}, employer ${
        employer[first]
      })`
    )
  }
  for (let s = 0; s < n; s++) edgeStart[s + 1]! += edgeStart[s]!
  return {
    graph: limitToDegrees({
      seekerCount: n,
      employerCount: m,
      quota: Int32Array.from({ length: n }, (_, s) => Math.min(maxInterviews[s]!, 0x7fffffff)),
      capacity: Int32Array.from({ length: m }, (_, e) => Math.min(capacity[e]!, 0x7fffffff)),
      edgeStart,
      edgeEmployer: edgeEmployer.subarray(0, edges),
      edgeWeight: edgeWeight.subarray(0, edges)
    }),
    origin: origin.subarray(0, edges)
  }
}

/** Nobody can take more interviews than they have eligible candidates. */
const limitToDegrees = (g: BGraph): BGraph => {
  const quota = new Int32Array(g.seekerCount)
  for (let s = 0; s < g.seekerCount; s++) quota[s] = Math.min(g.quota[s]!, g.edgeStart[s + 1]! - g.edgeStart[s]!)
  const degree = new Int32Array(g.employerCount)
  for (let k = 0; k < g.edgeEmployer.length; k++) degree[g.edgeEmployer[k]!]!++
  const capacity = new Int32Array(g.employerCount)
  for (let e = 0; e < g.employerCount; e++) capacity[e] = Math.min(g.capacity[e]!, degree[e]!)
  return { ...g, quota, capacity }
}

// ---------------------------------------------------------------------------
// Solving
// ---------------------------------------------------------------------------

/** Above this many matrix cells the dense method is not used (memory). */
const denseCellLimit = 1 << 22

const isUnit = (g: BGraph): boolean => g.quota.every((q) => q <= 1) && g.capacity.every((c) => c <= 1)

const activeCount = (values: Int32Array): number => values.reduce((n, v) => (v > 0 ? n + 1 : n), 0)

/** The chosen edges of a maximum-weight b-matching of an eligible graph. */
const chooseEdges = (g: BGraph, method: Method | "auto"): { readonly chosen: Uint8Array; readonly method: Method } => {
  const unit = isUnit(g)
  if (method === "munkres" && !unit) fail("solve", "the munkres method needs every quota and capacity to be at most 1")
  if (method === "auto" && unit) {
    // Measured: the Hungarian method on the full matrix beats the flow when
    // more than about one cell in ten holds a candidate.
    const cells = activeCount(g.quota) * activeCount(g.capacity)
    if (cells > 0 && cells <= denseCellLimit && g.edgeEmployer.length * 8 >= cells) method = "munkres"
  }
  if (method === "munkres") return { chosen: viaMunkres(g), method }
  const seekerSupply = g.quota.reduce((a, b) => a + b, 0)
  const employerSupply = g.capacity.reduce((a, b) => a + b, 0)
  return { chosen: employerSupply < seekerSupply ? viaFlowTransposed(g) : maximumWeightBMatching(g), method: "flow" }
}

/** The flow run from the employers' side, which is faster when they offer fewer interviews. */
const viaFlowTransposed = (g: BGraph): Uint8Array => {
  const n = g.seekerCount
  const m = g.employerCount
  const edges = g.edgeEmployer.length
  const start = new Int32Array(m + 1)
  for (let k = 0; k < edges; k++) start[g.edgeEmployer[k]! + 1]!++
  for (let e = 0; e < m; e++) start[e + 1]! += start[e]!
  const fill = start.slice(0, m)
  const other = new Int32Array(edges)
  const weight = new Float64Array(edges)
  const back = new Int32Array(edges)
  for (let s = 0; s < n; s++) {
    for (let k = g.edgeStart[s]!; k < g.edgeStart[s + 1]!; k++) {
      const at = fill[g.edgeEmployer[k]!]!++
      other[at] = s
      weight[at] = g.edgeWeight[k]!
      back[at] = k
    }
  }
  const used = maximumWeightBMatching({
    seekerCount: m,
    employerCount: n,
    quota: g.capacity,
    capacity: g.quota,
    edgeStart: start,
    edgeEmployer: other,
    edgeWeight: weight
  })
  const chosen = new Uint8Array(edges)
  for (let t = 0; t < edges; t++) if (used[t] === 1) chosen[back[t]!] = 1
  return chosen
}

/**
 * Cost-matrix rows for munkres: packed arrays of small integers (|cost| ≤
 * 100,000; `| 0` also turns -0 into 0), the kind it reads fastest. Copying a
 * packed row of zeros and writing in place keeps that kind and is several
 * times faster than growing rows by push.
 */
const zeroRow = (length: number): Array<number> => {
  const zero: Array<number> = []
  for (let i = 0; i < length; i++) zero.push(0)
  return zero
}

/**
 * Unit capacities: a maximum-weight matching. On the matrix of negated
 * weights, with 0 where there is no candidate, a minimum-cost assignment of
 * min(rows, columns) pairs has the same value (zero cells add nothing, and
 * any matching extends to a full assignment with zero cells); its cells that
 * hold a candidate are the matching.
 */
const viaMunkres = (g: BGraph): Uint8Array => {
  const n = g.seekerCount
  const m = g.employerCount
  const chosen = new Uint8Array(g.edgeEmployer.length)
  // Only seekers and employers with a candidate get a row or a column.
  const rowSeeker: Array<number> = []
  for (let s = 0; s < n; s++) if (g.edgeStart[s + 1]! > g.edgeStart[s]!) rowSeeker.push(s)
  const column = new Int32Array(m).fill(-1)
  for (let k = 0; k < g.edgeEmployer.length; k++) column[g.edgeEmployer[k]!] = 0
  const columnEmployer: Array<number> = []
  for (let e = 0; e < m; e++) {
    if (column[e] === 0) {
      column[e] = columnEmployer.length
      columnEmployer.push(e)
    }
  }
  if (rowSeeker.length === 0) return chosen
  const columns = columnEmployer.length
  const matrix: Array<Array<number>> = []
  const zero = zeroRow(columns)
  for (const s of rowSeeker) {
    const row = zero.slice()
    for (let k = g.edgeStart[s]!; k < g.edgeStart[s + 1]!; k++) row[column[g.edgeEmployer[k]!]!] = -g.edgeWeight[k]! | 0
    matrix.push(row)
  }
  for (const [r, c] of munkres(matrix)) {
    if (matrix[r]![c]! === 0) continue
    // The seeker's edges are sorted by employer: find this one by bisection.
    const s = rowSeeker[r]!
    const e = columnEmployer[c]!
    let lo = g.edgeStart[s]!
    let hi = g.edgeStart[s + 1]! - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (g.edgeEmployer[mid]! < e) lo = mid + 1
      else hi = mid
    }
    chosen[lo] = 1
  }
  return chosen
}

/**
 * Slots for chosen (seeker, employer) pairs, given in seeker order: colour
 * them employer by employer, so that each employer's interviews take the
 * earliest slots its seekers allow.
 */
const slotsFor = (
  seekers: Int32Array,
  employers: Int32Array,
  seekerCount: number,
  employerCount: number
): { readonly slot: Int32Array; readonly slotCount: number } => {
  const order = sortBy(Int32Array.from({ length: seekers.length }, (_, j) => j), employers, employerCount)
  const { colour, colours } = colourBipartite(
    Int32Array.from(order, (j) => seekers[j]!),
    Int32Array.from(order, (j) => employers[j]!),
    seekerCount,
    employerCount
  )
  const slot = new Int32Array(seekers.length)
  for (let i = 0; i < order.length; i++) slot[order[i]!] = colour[i]! + 1
  return { slot, slotCount: colours }
}

/** The output for chosen candidates, given by index, in seeker order. */
const finish = (
  candidates: number,
  picked: ReadonlyArray<number>,
  seekers: Int32Array,
  employers: Int32Array,
  weights: ReadonlyArray<number>,
  seekerCount: number,
  employerCount: number,
  method: Method
): Output => {
  const { slot, slotCount } = slotsFor(seekers, employers, seekerCount, employerCount)
  const chosen = new Uint8Array(candidates)
  const slots = new Int32Array(candidates)
  let totalUnits = 0
  for (let j = 0; j < picked.length; j++) {
    chosen[picked[j]!] = 1
    slots[picked[j]!] = slot[j]!
    totalUnits += weights[j]!
  }
  return { chosen, slot: slots, slotCount, totalUnits, method }
}

const finishGraph = (candidates: number, { graph: g, origin }: Eligible, method: Method | "auto"): Output => {
  const result = chooseEdges(g, method)
  const picked: Array<number> = []
  const seekers: Array<number> = []
  const employers: Array<number> = []
  const weights: Array<number> = []
  for (let s = 0; s < g.seekerCount; s++) {
    for (let k = g.edgeStart[s]!; k < g.edgeStart[s + 1]!; k++) {
      if (result.chosen[k] === 1) {
        picked.push(origin[k]!)
        seekers.push(s)
        employers.push(g.edgeEmployer[k]!)
        weights.push(g.edgeWeight[k]!)
      }
    }
  }
  return finish(
    candidates,
    picked,
    Int32Array.from(seekers),
    Int32Array.from(employers),
    weights,
    g.seekerCount,
    g.employerCount,
    result.method
  )
}

/**
 * Chooses the interviews that maximise the total score and lays them into
 * the fewest slots. Throws a `RangeError` on malformed input.
 */
export const solveIndexed = (input: IndexedInput, method: Method | "auto" = "auto"): Output => {
  const sorted = checkIndexed(input)
  return finishGraph(input.seeker.length, eligibleGraph(input, sorted), method)
}

/**
 * {@link solveIndexed} on a score matrix. Unit capacities on a dense matrix
 * go straight to munkres, without building a graph first.
 */
export const solveMatrix = (input: MatrixInput, method: Method | "auto" = "auto"): Output => {
  const { capacity, maxInterviews, scores } = input
  const n = scores.length
  const m = capacity.length
  const where = "solveMatrix"
  if (maxInterviews.length !== n) fail(where, `maxInterviews has ${maxInterviews.length} entries for ${n} rows of scores`)
  checkCounts(where, maxInterviews, capacity, input.minScore)
  const unit = Array.prototype.every.call(maxInterviews, (q: number) => q <= 1) &&
    Array.prototype.every.call(capacity, (c: number) => c <= 1)
  if (method === "munkres" && !unit) fail(where, "the munkres method needs every quota and capacity to be at most 1")
  const cells = n * m
  // With unit capacities the cost matrix for munkres is filled while the
  // scores are checked (one pass), and dropped if it turns out too sparse.
  const fill = method === "munkres" || (method === "auto" && unit && cells <= denseCellLimit)
  const matrix: Array<Array<number>> = []
  const zero = zeroRow(fill ? m : 0)
  const minUnits = toUnits(input.minScore)
  let eligible = 0
  for (let s = 0; s < n; s++) {
    const row = scores[s]!
    if (row.length !== m) fail(where, `scores[${s}] has ${row.length} entries for ${m} employers`)
    const open = maxInterviews[s]! > 0
    const cost = fill ? zero.slice() : zero
    let bad = -1
    for (let e = 0; e < m; e++) {
      const x = row[e]!
      if (!(x >= 0 && x <= 100)) {
        bad = e
        break
      }
      const units = toUnits(x)
      if (open && units >= minUnits && units > 0 && capacity[e]! > 0) {
        eligible++
        if (fill) cost[e] = -units | 0
      }
    }
    if (bad !== -1) fail(where, `scores[${s}][${bad}] must be between 0 and 100; got ${row[bad]}`)
    if (fill) matrix.push(cost)
  }
  if (method === "munkres" || (method === "auto" && fill && eligible > 0 && eligible * 8 >= cells)) {
    const picked: Array<number> = []
    const seekers: Array<number> = []
    const employers: Array<number> = []
    const weights: Array<number> = []
    if (n > 0 && m > 0) {
      for (const [s, e] of munkres(matrix)) {
        const cost = matrix[s]![e]!
        if (cost === 0) continue
        picked.push(s * m + e)
        seekers.push(s)
        employers.push(e)
        weights.push(-cost)
      }
    }
    return finish(cells, picked, Int32Array.from(seekers), Int32Array.from(employers), weights, n, m, "munkres")
  }
  // Otherwise the matrix is read as a list of candidates, one per cell.
  const seeker = new Int32Array(cells)
  const employer = new Int32Array(cells)
  const score = new Float64Array(cells)
  for (let s = 0, i = 0; s < n; s++) {
    const row = scores[s]!
    for (let e = 0; e < m; e++, i++) {
      seeker[i] = s
      employer[i] = e
      score[i] = row[e]!
    }
  }
  const indexed = { seekerCount: n, employerCount: m, maxInterviews, capacity, seeker, employer, score, minScore: input.minScore }
  return finishGraph(cells, eligibleGraph(indexed, true), method)
}
