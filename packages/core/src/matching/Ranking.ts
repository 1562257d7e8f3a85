/**
 * The best openings for a seeker and the best seekers for an opening, exact,
 * without scoring most pairs.
 *
 * {@link makeIndex} lays seekers and openings out once as columns of typed
 * arrays and files the openings in buckets by occupation prefix and work
 * region, and the seekers by the prefixes of their wishes. A query visits the
 * buckets best-first by an upper bound of the score any pair in them can
 * reach (the occupation level the bucket guarantees at most, the region
 * points of its region, and full points for the five other criteria), and
 * stops as soon as the next bound is below the k-th score found: every pair
 * it skipped scores less than the list it returns. The result is the same as
 * scoring every pair and sorting — property tests compare the two — with
 * ties broken by id (smaller first).
 *
 * Scores are the same numbers `Match.score` explains: one kernel computes
 * both.
 *
 * Why one module of this size (about 700 lines): the index, its best-first
 * walk, the allocation-free top-k lists and the brute-force reference the
 * index is tested against share one private struct-of-arrays layout; split,
 * they would have to export it.
 *
 * @example
 * ```ts
 * import { Ids, Ranking } from "@iljari/core"
 *
 * declare const seekers: Parameters<typeof Ranking.makeIndex>[0]
 * declare const openings: Parameters<typeof Ranking.makeIndex>[1]
 * const index = Ranking.makeIndex(seekers, openings)
 * const best = Ranking.topOpenings(index, Ids.SeekerId.make("seeker-0001"), 10) // exact, best first
 * ```
 *
 * @since 0.1.0
 * @module
 * @category matching
 */
import type { LocalDate } from "../kernel/LocalDate.js"
import * as Kernel from "./internal/matchKernel.js"
import { type Config, defaultConfig, type OpeningFeatures, resolveConfig, type SeekerFeatures } from "./Match.js"

/**
 * One entry of a ranking: who, and the score in points (0–100, in steps of
 * 0.001).
 *
 * @since 0.1.0
 * @category models
 */
export interface Ranked<Id extends string> {
  readonly id: Id
  readonly score: number
}

/**
 * Options for building an index.
 *
 * @since 0.1.0
 * @category models
 */
export interface IndexOptions {
  readonly config?: Config
  /** Today, for closing dates. */
  readonly asOf?: LocalDate
  /** People already placed in each opening, for the headcount constraint. */
  readonly placed?: ReadonlyMap<string, number>
}

type SeekerId = SeekerFeatures["id"]
type OpeningId = OpeningFeatures["id"]

/** Entries of one list grouped by key, as offsets into one flat array. */
interface Buckets {
  readonly start: Int32Array
  readonly items: Int32Array
}

const bucketsOf = (count: number, fill: (add: (bucket: number, item: number) => void) => void): Buckets => {
  const start = new Int32Array(count + 1)
  fill((bucket) => {
    start[bucket + 1]!++
  })
  for (let b = 0; b < count; b++) start[b + 1]! += start[b]!
  const cursor = start.slice(0, count)
  const items = new Int32Array(start[count]!)
  fill((bucket, item) => {
    items[cursor[bucket]!++] = item
  })
  return { start, items }
}

/**
 * Seekers and openings laid out for ranking. Build it once (the nightly run,
 * or when openings change) and query it many times.
 *
 * @since 0.1.0
 * @category models
 */
export interface Index {
  readonly seekerIds: ReadonlyArray<SeekerId>
  readonly openingIds: ReadonlyArray<OpeningId>
  /** @internal */
  readonly internal: Internal
}

interface Internal {
  readonly resolved: Kernel.Resolved
  readonly seekers: Kernel.SeekerColumns
  readonly openings: Kernel.OpeningColumns
  readonly seekerAt: ReadonlyMap<string, number>
  readonly openingAt: ReadonlyMap<string, number>
  readonly regions: ReadonlyArray<string>
  /** Occupation prefix ("" for all) → id; openings bucketed by prefixId * regions + region. */
  readonly openingPrefixes: ReadonlyMap<string, number>
  readonly openingBuckets: Buckets
  /** Wish key (level + prefix) → id; seekers bucketed by keyId * 5 + rank of the wish. */
  readonly seekerKeys: ReadonlyMap<string, number>
  readonly seekerBuckets: Buckets
  /** The most points the five criteria other than occupation and region can add. */
  readonly otherMax: number
  /**
   * Seekers who live in the same district and wish for the same regions
   * share a region profile: its points in every region (profileRows, R per
   * profile) and the regions best first (profileOrder).
   */
  readonly seekerProfile: Int32Array
  readonly profileRows: Int32Array
  readonly profileOrder: Int32Array
}

const byId = <A extends { readonly id: string }>(items: ReadonlyArray<A>): Array<A> =>
  [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

// Wish keys for the seeker side: the level a wish can reach against an
// opening, and the part of the wish that decides it.
const exactKey = (prefix: string) => `e${prefix}`
const levelKey = (level: number, prefix: string) => `${level}${prefix}`

/**
 * Builds an index. Erased seekers (`erasedOn`) are left out; so are openings
 * a hard constraint rules out (closed, filled) under the configuration.
 *
 * @since 0.1.0
 * @category building
 */
export const makeIndex = (
  seekers: ReadonlyArray<SeekerFeatures & { readonly erasedOn?: string | undefined }>,
  openings: ReadonlyArray<OpeningFeatures>,
  options: IndexOptions = {}
): Index => {
  const config = options.config ?? defaultConfig
  const resolved = resolveConfig(config)
  const sortedSeekers = byId(seekers.filter((s) => s.erasedOn === undefined))
  const sortedOpenings = byId(openings)
  const certificates = new Kernel.Certificates()

  const regions = [...new Set(sortedOpenings.map((o) => o.workRegion as string))].sort()
  const regionAt = new Map(regions.map((r, i) => [r, i]))
  const seekerColumns = Kernel.seekerColumns(sortedSeekers, certificates)
  const openingColumns = Kernel.openingColumns(
    sortedOpenings,
    (code) => regionAt.get(code)!,
    certificates,
    (j) => {
      const o = sortedOpenings[j]!
      return Kernel.openingBlock(o, { placed: options.placed?.get(o.id) ?? 0 }, resolved.hard, options.asOf) !== undefined
    }
  )

  // Openings: each under "" and every prefix of its code, per region.
  const openingPrefixes = new Map<string, number>()
  const prefixesOf = (code: string) => Array.from({ length: code.length + 1 }, (_, k) => code.slice(0, k))
  for (const o of sortedOpenings) {
    for (const p of prefixesOf(o.occupation)) if (!openingPrefixes.has(p)) openingPrefixes.set(p, openingPrefixes.size)
  }
  const R = regions.length
  const openingBuckets = bucketsOf(openingPrefixes.size * R, (add) => {
    sortedOpenings.forEach((o, j) => {
      if (openingColumns.blocked[j] === 1) return
      for (const p of prefixesOf(o.occupation)) add(openingPrefixes.get(p)! * R + openingColumns.region[j]!, j)
    })
  })

  // Seekers: each wish under the keys an opening looks it up by.
  const wishKeys = (code: string): Array<string> => {
    const keys = [exactKey(code), levelKey(3, code.slice(0, 1)), levelKey(2, code.slice(0, 2))]
    if (code.length >= 3) keys.push(levelKey(1, code.slice(0, 3)))
    return keys
  }
  const seekerKeys = new Map<string, number>()
  for (const s of sortedSeekers) {
    for (const code of s.desiredOccupations.slice(0, Kernel.maxDesires)) {
      for (const key of wishKeys(code)) if (!seekerKeys.has(key)) seekerKeys.set(key, seekerKeys.size)
    }
  }
  const seekerBuckets = bucketsOf(seekerKeys.size * Kernel.maxDesires, (add) => {
    sortedSeekers.forEach((s, i) => {
      s.desiredOccupations.slice(0, Kernel.maxDesires).forEach((code, rank) => {
        for (const key of wishKeys(code)) add(seekerKeys.get(key)! * Kernel.maxDesires + rank, i)
      })
    })
  })

  // Region profiles.
  const profileKeys = new Map<string, number>()
  const seekerProfile = new Int32Array(sortedSeekers.length)
  const representatives: Array<number> = []
  sortedSeekers.forEach((s, i) => {
    const key = `${s.addressRegion}|${s.desiredRegions.join(",")}`
    let profile = profileKeys.get(key)
    if (profile === undefined) {
      profile = profileKeys.size
      profileKeys.set(key, profile)
      representatives.push(i)
    }
    seekerProfile[i] = profile
  })
  const profileRows = new Int32Array(representatives.length * R)
  const profileOrder = new Int32Array(representatives.length * R)
  representatives.forEach((i, profile) => {
    const row = profileRows.subarray(profile * R, (profile + 1) * R)
    Kernel.regionRow(seekerColumns, i, regions, resolved, row)
    const order = Array.from({ length: R }, (_, r) => r).sort((a, b) => row[b]! - row[a]! || a - b)
    profileOrder.set(order, profile * R)
  })

  const points = resolved.points
  return {
    seekerIds: sortedSeekers.map((s) => s.id),
    openingIds: sortedOpenings.map((o) => o.id),
    internal: {
      resolved,
      seekers: seekerColumns,
      openings: openingColumns,
      seekerAt: new Map(sortedSeekers.map((s, i) => [s.id, i])),
      openingAt: new Map(sortedOpenings.map((o, j) => [o.id, j])),
      regions,
      openingPrefixes,
      openingBuckets,
      seekerKeys,
      seekerBuckets,
      otherMax: Kernel.fullScore - points[Kernel.OCCUPATION]! - points[Kernel.REGION]!,
      seekerProfile,
      profileRows,
      profileOrder
    }
  }
}

// ---------------------------------------------------------------------------
// Top-k lists without allocation
// ---------------------------------------------------------------------------

/**
 * A reusable top-k list: a heap whose root is the entry that leaves first
 * (lowest score, then largest index, since indexes follow ids).
 */
class TopK {
  readonly scores: Int32Array
  readonly items: Int32Array
  size = 0
  constructor(readonly k: number) {
    this.scores = new Int32Array(k)
    this.items = new Int32Array(k)
  }
  reset() {
    this.size = 0
  }
  full() {
    return this.size === this.k
  }
  /** The score a newcomer must reach (ties go to the smaller index). */
  floor() {
    return this.scores[0]!
  }
  private worse(a: number, b: number) {
    const sa = this.scores[a]!
    const sb = this.scores[b]!
    return sa < sb || (sa === sb && this.items[a]! > this.items[b]!)
  }
  private swap(a: number, b: number) {
    const s = this.scores[a]!
    this.scores[a] = this.scores[b]!
    this.scores[b] = s
    const i = this.items[a]!
    this.items[a] = this.items[b]!
    this.items[b] = i
  }
  offer(score: number, item: number) {
    if (this.size < this.k) {
      let at = this.size++
      this.scores[at] = score
      this.items[at] = item
      while (at > 0) {
        const parent = (at - 1) >> 1
        if (!this.worse(at, parent)) break
        this.swap(at, parent)
        at = parent
      }
      return
    }
    const root = this.scores[0]!
    if (score < root || (score === root && item > this.items[0]!)) return
    this.scores[0] = score
    this.items[0] = item
    this.siftDown()
  }
  /** Moves the root down until both its children leave after it. */
  private siftDown() {
    let at = 0
    for (;;) {
      const left = 2 * at + 1
      if (left >= this.size) break
      const right = left + 1
      const child = right < this.size && this.worse(right, left) ? right : left
      if (!this.worse(child, at)) break
      this.swap(child, at)
      at = child
    }
  }
  /** Writes the entries best first into the outputs; returns how many. */
  drain(outItems: Int32Array, outScores: Int32Array): number {
    const n = this.size
    for (let r = n - 1; r >= 0; r--) {
      outItems[r] = this.items[0]!
      outScores[r] = this.scores[0]!
      this.size--
      if (this.size > 0) {
        this.scores[0] = this.scores[this.size]!
        this.items[0] = this.items[this.size]!
        this.siftDown()
      }
    }
    return n
  }
}

/**
 * Scratch space for queries, so that ranking every seeker allocates nothing
 * per seeker. One per thread.
 *
 * @since 0.1.0
 * @category querying
 */
export class Workspace {
  /** @internal */ readonly top: TopK
  /** @internal */ readonly visited: Int32Array
  /** @internal */ stamp = 0
  /** @internal */ readonly seeker = new Kernel.LoadedSeeker()
  /** @internal */ readonly comboPrefix: Int32Array
  /** @internal */ readonly comboBound: Int32Array
  /** @internal */ readonly frontierBound: Int32Array
  /** @internal */ readonly frontierCombo: Int32Array
  /** @internal */ readonly frontierRegion: Int32Array
  /** How many pairs the last queries scored (for benchmarks). */
  scored = 0
  constructor(readonly index: Index, readonly k: number) {
    const { openings, regions, seekers } = index.internal
    this.top = new TopK(k)
    this.visited = new Int32Array(Math.max(openings.size, seekers.size))
    // Seeker side: up to 5 exact prefixes and 3 coarser keys for each of 5 ranks.
    const combos = Kernel.maxDesires * 8 + 1
    this.comboPrefix = new Int32Array(combos)
    this.comboBound = new Int32Array(combos)
    this.frontierBound = new Int32Array(combos + regions.length + 1)
    this.frontierCombo = new Int32Array(combos + regions.length + 1)
    this.frontierRegion = new Int32Array(combos + regions.length + 1)
  }
  /** @internal */
  nextStamp() {
    if (++this.stamp === 0x7fffffff) {
      this.visited.fill(0)
      this.stamp = 1
    }
    return this.stamp
  }
}

/**
 * The top `k` openings for the seeker at `seeker` (a position in
 * `index.seekerIds`), written best first as opening positions and scores in
 * milli-points. Returns how many were written.
 *
 * @since 0.1.0
 * @category querying
 */
export const topOpeningsInto = (
  ws: Workspace,
  seeker: number,
  outOpenings: Int32Array,
  outScores: Int32Array
): number => {
  const ix = ws.index.internal
  const { openings, resolved, seekers } = ix
  const R = ix.regions.length
  if (R === 0) return 0
  const top = ws.top
  top.reset()
  const stamp = ws.nextStamp()
  const visited = ws.visited

  const loaded = ws.seeker.load(seekers, seeker)
  // The seeker's region points, regions best first.
  const regionPoints = ix.profileRows
  const regionBase = ix.seekerProfile[seeker]! * R
  const order = ix.profileOrder

  // Combos: a bucket prefix and the occupation points it guarantees at most.
  let combos = 0
  const addCombo = (prefix: string, bound: number) => {
    const id = ix.openingPrefixes.get(prefix)
    if (id === undefined) return
    for (let c = 0; c < combos; c++) {
      if (ws.comboPrefix[c] === id) {
        if (ws.comboBound[c]! < bound) ws.comboBound[c] = bound
        return
      }
    }
    ws.comboPrefix[combos] = id
    ws.comboBound[combos++] = bound
  }
  const occupationPoints = resolved.occupationPoints
  const base = seeker * Kernel.maxDesires
  for (let rank = 0, n = seekers.desireCount[seeker]!; rank < n; rank++) {
    const at = base + rank
    const length = seekers.desireLength[at]!
    const code = String(seekers.desireValue[at]!).padStart(length, "0")
    addCombo(code, occupationPoints[rank * 5]!)
    if (length > 3) addCombo(code.slice(0, 3), occupationPoints[rank * 5 + 1]!)
    if (length > 2) addCombo(code.slice(0, 2), occupationPoints[rank * 5 + 2]!)
    addCombo(code.slice(0, 1), occupationPoints[rank * 5 + 3]!)
  }
  addCombo("", 0)
  // Sort combos by bound, best first (insertion sort: at most 21).
  for (let a = 1; a < combos; a++) {
    const p = ws.comboPrefix[a]!
    const b = ws.comboBound[a]!
    let c = a - 1
    while (c >= 0 && ws.comboBound[c]! < b) {
      ws.comboPrefix[c + 1] = ws.comboPrefix[c]!
      ws.comboBound[c + 1] = ws.comboBound[c]!
      c--
    }
    ws.comboPrefix[c + 1] = p
    ws.comboBound[c + 1] = b
  }

  // Best-first over (combo, region): both lists are sorted, so a frontier of
  // their next pairs yields the buckets in non-increasing bound order.
  const fb = ws.frontierBound
  const fc = ws.frontierCombo
  const fr = ws.frontierRegion
  let size = 0
  const push = (combo: number, regionPos: number) => {
    let at = size++
    const bound = ws.comboBound[combo]! + regionPoints[regionBase + order[regionBase + regionPos]!]!
    while (at > 0) {
      const parent = (at - 1) >> 1
      if (fb[parent]! >= bound) break
      fb[at] = fb[parent]!
      fc[at] = fc[parent]!
      fr[at] = fr[parent]!
      at = parent
    }
    fb[at] = bound
    fc[at] = combo
    fr[at] = regionPos
  }
  const pop = () => {
    const lastBound = fb[--size]!
    const lastCombo = fc[size]!
    const lastRegion = fr[size]!
    let at = 0
    for (;;) {
      let child = 2 * at + 1
      if (child >= size) break
      if (child + 1 < size && fb[child + 1]! > fb[child]!) child++
      if (fb[child]! <= lastBound) break
      fb[at] = fb[child]!
      fc[at] = fc[child]!
      fr[at] = fr[child]!
      at = child
    }
    fb[at] = lastBound
    fc[at] = lastCombo
    fr[at] = lastRegion
  }

  const { items, start } = ix.openingBuckets
  const otherMax = ix.otherMax
  let scored = 0
  push(0, 0)
  while (size > 0) {
    const bound = fb[0]! + otherMax
    const combo = fc[0]!
    const regionPos = fr[0]!
    if (top.full() && bound < top.floor()) break
    pop()
    if (regionPos + 1 < R) push(combo, regionPos + 1)
    if (regionPos === 0 && combo + 1 < combos) push(combo + 1, 0)
    const bucket = ws.comboPrefix[combo]! * R + order[regionBase + regionPos]!
    for (let t = start[bucket]!, end = start[bucket + 1]!; t < end; t++) {
      const j = items[t]!
      if (visited[j] === stamp) continue
      visited[j] = stamp
      scored++
      const score = Kernel.scorePair(seekers, loaded, openings, j, resolved, regionPoints, regionBase)
      if (score !== Kernel.BLOCKED) top.offer(score, j)
    }
  }
  ws.scored += scored
  return top.drain(outOpenings, outScores)
}

/**
 * The top `k` seekers for the opening at `opening` (a position in
 * `index.openingIds`), written best first as seeker positions and scores in
 * milli-points. Returns how many were written.
 *
 * @since 0.1.0
 * @category querying
 */
export const topSeekersInto = (
  ws: Workspace,
  opening: number,
  outSeekers: Int32Array,
  outScores: Int32Array
): number => {
  const ix = ws.index.internal
  const { openings, resolved, seekers } = ix
  const top = ws.top
  top.reset()
  if (openings.blocked[opening] === 1) return 0
  const stamp = ws.nextStamp()
  const visited = ws.visited
  const R = ix.regions.length
  const regionWeight = resolved.points[Kernel.REGION]!
  const occupationPoints = resolved.occupationPoints
  const length = openings.codeLength[opening]!
  const code = String(openings.prefix[opening * 7 + length]!).padStart(length, "0")

  // Combos: a wish key with the rank of the wish, and the occupation points it
  // guarantees at most. Wishes that are a prefix of the code match exactly.
  let combos = 0
  const addCombo = (key: string, level: number) => {
    const id = ix.seekerKeys.get(key)
    if (id === undefined) return
    for (let rank = 0; rank < Kernel.maxDesires; rank++) {
      ws.comboPrefix[combos] = id * Kernel.maxDesires + rank
      ws.comboBound[combos++] = occupationPoints[rank * 5 + level]!
    }
  }
  for (let k = 2; k <= code.length; k++) addCombo(exactKey(code.slice(0, k)), 0)
  if (code.length >= 3) addCombo(levelKey(1, code.slice(0, 3)), 1)
  addCombo(levelKey(2, code.slice(0, 2)), 2)
  addCombo(levelKey(3, code.slice(0, 1)), 3)
  // Sort by bound, best first.
  const order = Array.from({ length: combos }, (_, c) => c).sort((a, b) => ws.comboBound[b]! - ws.comboBound[a]! || a - b)

  const otherMax = ix.otherMax + regionWeight
  let scored = 0
  const visit = (i: number) => {
    if (visited[i] === stamp) return
    visited[i] = stamp
    scored++
    const loaded = ws.seeker.load(seekers, i)
    const score = Kernel.scorePair(seekers, loaded, openings, opening, resolved, ix.profileRows, ix.seekerProfile[i]! * R)
    if (score !== Kernel.BLOCKED) top.offer(score, i)
  }
  const { items, start } = ix.seekerBuckets
  let exhausted = true
  for (const c of order) {
    if (top.full() && ws.comboBound[c]! + otherMax < top.floor()) {
      exhausted = false
      break
    }
    const bucket = ws.comboPrefix[c]!
    for (let t = start[bucket]!, end = start[bucket + 1]!; t < end; t++) visit(items[t]!)
  }
  // Seekers no wish of whom is related: occupation earns nothing.
  if (exhausted && !(top.full() && otherMax < top.floor())) {
    for (let i = 0; i < seekers.size; i++) visit(i)
  }
  ws.scored += scored
  return top.drain(outSeekers, outScores)
}

// ---------------------------------------------------------------------------
// The brute-force reference
// ---------------------------------------------------------------------------

/**
 * {@link topOpeningsInto} by scoring every opening: the reference the index
 * is tested and benchmarked against.
 *
 * @since 0.1.0
 * @category reference
 */
export const bruteForceTopOpeningsInto = (
  ws: Workspace,
  seeker: number,
  outOpenings: Int32Array,
  outScores: Int32Array
): number => {
  const { openings, profileRows, regions, resolved, seekerProfile, seekers } = ws.index.internal
  const top = ws.top
  top.reset()
  const regionBase = seekerProfile[seeker]! * regions.length
  const loaded = ws.seeker.load(seekers, seeker)
  for (let j = 0, m = openings.size; j < m; j++) {
    const score = Kernel.scorePair(seekers, loaded, openings, j, resolved, profileRows, regionBase)
    if (score !== Kernel.BLOCKED) top.offer(score, j)
  }
  ws.scored += openings.size
  return top.drain(outOpenings, outScores)
}

/**
 * {@link topSeekersInto} by scoring every seeker.
 *
 * @since 0.1.0
 * @category reference
 */
export const bruteForceTopSeekersInto = (
  ws: Workspace,
  opening: number,
  outSeekers: Int32Array,
  outScores: Int32Array
): number => {
  const { openings, profileRows, regions, resolved, seekerProfile, seekers } = ws.index.internal
  const top = ws.top
  top.reset()
  if (openings.blocked[opening] === 1) return 0
  const R = regions.length
  for (let i = 0, n = seekers.size; i < n; i++) {
    const loaded = ws.seeker.load(seekers, i)
    const score = Kernel.scorePair(seekers, loaded, openings, opening, resolved, profileRows, seekerProfile[i]! * R)
    if (score !== Kernel.BLOCKED) top.offer(score, i)
  }
  ws.scored += seekers.size
  return top.drain(outSeekers, outScores)
}

// ---------------------------------------------------------------------------
// Convenience
// ---------------------------------------------------------------------------

const collect = <Id extends string>(
  ids: ReadonlyArray<Id>,
  k: number,
  run: (outItems: Int32Array, outScores: Int32Array) => number
): ReadonlyArray<Ranked<Id>> => {
  const items = new Int32Array(k)
  const scores = new Int32Array(k)
  const n = run(items, scores)
  return Array.from({ length: n }, (_, r) => ({ id: ids[items[r]!]!, score: scores[r]! / 1000 }))
}

/**
 * The top `k` openings for a seeker, best first; empty when the seeker is
 * not in the index.
 *
 * @since 0.1.0
 * @category querying
 */
export const topOpenings = (index: Index, seekerId: SeekerId, k: number): ReadonlyArray<Ranked<OpeningId>> => {
  const at = index.internal.seekerAt.get(seekerId)
  if (at === undefined || k <= 0) return []
  const ws = new Workspace(index, k)
  return collect(index.openingIds, k, (items, scores) => topOpeningsInto(ws, at, items, scores))
}

/**
 * The top `k` seekers for an opening, best first; empty when the opening is
 * not in the index or a hard constraint rules it out.
 *
 * @since 0.1.0
 * @category querying
 */
export const topSeekers = (index: Index, openingId: OpeningId, k: number): ReadonlyArray<Ranked<SeekerId>> => {
  const at = index.internal.openingAt.get(openingId)
  if (at === undefined || k <= 0) return []
  const ws = new Workspace(index, k)
  return collect(index.seekerIds, k, (items, scores) => topSeekersInto(ws, at, items, scores))
}

/**
 * The nightly recommendation run: the top `k` openings for every seeker of
 * the index (or those at positions `from` to `to`, to split the work between
 * threads), in the order of `index.seekerIds`.
 *
 * @since 0.1.0
 * @category querying
 */
export const topOpeningsForAll = (
  index: Index,
  k: number,
  from = 0,
  to = index.seekerIds.length
): ReadonlyArray<ReadonlyArray<Ranked<OpeningId>>> => {
  const ws = new Workspace(index, Math.max(1, k))
  const items = new Int32Array(Math.max(1, k))
  const scores = new Int32Array(Math.max(1, k))
  const out: Array<ReadonlyArray<Ranked<OpeningId>>> = []
  for (let i = from; i < to; i++) {
    const n = k <= 0 ? 0 : topOpeningsInto(ws, i, items, scores)
    out.push(Array.from({ length: n }, (_, r) => ({ id: index.openingIds[items[r]!]!, score: scores[r]! / 1000 })))
  }
  return out
}

/**
 * A seeker's position in `index.seekerIds` (for the `…Into` functions), or
 * `undefined` when the seeker is not ranked (unknown or erased).
 *
 * @since 0.1.0
 * @category querying
 */
export const positionOfSeeker = (index: Index, id: SeekerId): number | undefined => index.internal.seekerAt.get(id)

/**
 * An opening's position in `index.openingIds`, or `undefined` when it is not
 * in the index.
 *
 * @since 0.1.0
 * @category querying
 */
export const positionOfOpening = (index: Index, id: OpeningId): number | undefined => index.internal.openingAt.get(id)
