/**
 * rank-one: a counselor opens a seeker and asks for the top 10 openings among
 * 50,000 (one metro). The index is built once over 2,000 seekers and the
 * 50,000 openings (its build time is reported); each of the 2,000 seekers is
 * then one query, timed on its own with `performance.now()` after a warm-up
 * pass over all of them.
 *
 * Ours: `Ranking.topOpeningsInto`. Reference, measured in the same run and
 * alternating with ours query by query so that both see the same noise:
 * `Ranking.bruteForceTopOpeningsInto` (every opening scored by the same
 * kernel into the same reused top-k heap). Lists must be identical for every
 * seeker. Reported: median, p95 and max per query (ms); `ratio` is the brute
 * force's median over ours. One core. Goal: p95 under 5 ms.
 */
import { performance } from "node:perf_hooks"
import * as Ranking from "../packages/core/src/matching/Ranking.js"
import { generate } from "./matchData.js"
import { report } from "./measure.js"

const seekerCount = 2_000
const openingCount = 50_000
const k = 10

const { openings, seekers } = generate(seekerCount, openingCount)
const buildStart = performance.now()
const index = Ranking.makeIndex(seekers, openings)
const buildMs = performance.now() - buildStart
const queries = index.seekerIds.length

// One workspace each, so that `scored` counts our pairs only.
const oursWs = new Ranking.Workspace(index, k)
const bruteWs = new Ranking.Workspace(index, k)
const oursItems = new Int32Array(k)
const oursScores = new Int32Array(k)
const bruteItems = new Int32Array(k)
const bruteScores = new Int32Array(k)

// Warm-up: every query once on both paths before anything is timed.
for (let i = 0; i < queries; i++) {
  Ranking.topOpeningsInto(oursWs, i, oursItems, oursScores)
  Ranking.bruteForceTopOpeningsInto(bruteWs, i, bruteItems, bruteScores)
}
oursWs.scored = 0

const ours: Array<number> = []
const brute: Array<number> = []
let identical = true
for (let i = 0; i < queries; i++) {
  let start = performance.now()
  const n = Ranking.topOpeningsInto(oursWs, i, oursItems, oursScores)
  ours.push(performance.now() - start)
  start = performance.now()
  const m = Ranking.bruteForceTopOpeningsInto(bruteWs, i, bruteItems, bruteScores)
  brute.push(performance.now() - start)
  identical &&= n === m
  for (let r = 0; r < n; r++) identical &&= oursItems[r] === bruteItems[r] && oursScores[r] === bruteScores[r]
}

/** The nearest-rank quantile. */
const quantile = (values: ReadonlyArray<number>, q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}
const ms = (n: number) => Number(n.toFixed(3))
const oursMedian = quantile(ours, 0.5)
const baselineMedian = quantile(brute, 0.5)

report({
  bench: "rank-one",
  seekers: seekerCount,
  openings: openingCount,
  queries,
  k,
  identical,
  indexBuildMs: Math.round(buildMs),
  oursMedianMs: ms(oursMedian),
  oursP95Ms: ms(quantile(ours, 0.95)),
  oursMaxMs: ms(quantile(ours, 1)),
  oursPairsScoredShare: Number((oursWs.scored / (queries * index.openingIds.length)).toFixed(4)),
  baselineMedianMs: ms(baselineMedian),
  baselineP95Ms: ms(quantile(brute, 0.95)),
  baselineMaxMs: ms(quantile(brute, 1)),
  ratio: Number((baselineMedian / oursMedian).toFixed(2)),
  goal: "p95 under 5 ms, identical lists"
})
if (!identical) process.exitCode = 1
