/**
 * rank-one: a counselor opens a seeker and asks for the top 10 openings among
 * 50,000 (one metro). The index is built once over 2,000 seekers and the
 * 50,000 openings; each seeker is then one query, timed on its own.
 *
 * Ours: `Ranking.topOpeningsInto`. Reference, measured in the same run and
 * alternating with ours query by query: `Ranking.bruteForceTopOpeningsInto`
 * (every opening scored by the same kernel). Lists must be identical.
 * Reported: median and p95 per query; `ratio` is the brute force's median
 * over ours. Goal: p95 under 5 ms.
 */
import { performance } from "node:perf_hooks"
import * as Ranking from "../packages/core/src/Ranking.js"
import { generate } from "./matchData.js"
import { report } from "./measure.js"

const seekerCount = 2_000
const openingCount = 50_000
const k = 10

const { openings, seekers } = generate(seekerCount, openingCount, 50_000)
const buildStart = performance.now()
const index = Ranking.makeIndex(seekers, openings)
const buildMs = performance.now() - buildStart

const ws = new Ranking.Workspace(index, k)
const oursItems = new Int32Array(k)
const oursScores = new Int32Array(k)
const bruteItems = new Int32Array(k)
const bruteScores = new Int32Array(k)

// Warm-up: both paths compiled before anything is timed.
for (let i = 0; i < 200; i++) {
  Ranking.topOpeningsInto(ws, i, oursItems, oursScores)
  Ranking.bruteForceTopOpeningsInto(ws, i, bruteItems, bruteScores)
}

const ours: Array<number> = []
const brute: Array<number> = []
let identical = true
for (let i = 0; i < seekerCount; i++) {
  let start = performance.now()
  const n = Ranking.topOpeningsInto(ws, i, oursItems, oursScores)
  ours.push(performance.now() - start)
  start = performance.now()
  const m = Ranking.bruteForceTopOpeningsInto(ws, i, bruteItems, bruteScores)
  brute.push(performance.now() - start)
  identical &&= n === m && oursItems.every((v, r) => r >= n || v === bruteItems[r]) &&
    oursScores.every((v, r) => r >= n || v === bruteScores[r])
}

const quantile = (values: ReadonlyArray<number>, q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}
const ms = (n: number) => Number(n.toFixed(3))

report({
  bench: "rank-one",
  openings: openingCount,
  queries: seekerCount,
  k,
  identical,
  indexBuildMs: Math.round(buildMs),
  oursMedianMs: ms(quantile(ours, 0.5)),
  oursP95Ms: ms(quantile(ours, 0.95)),
  oursMaxMs: ms(quantile(ours, 1)),
  baselineMedianMs: ms(quantile(brute, 0.5)),
  baselineP95Ms: ms(quantile(brute, 0.95)),
  ratio: Number((quantile(brute, 0.5) / quantile(ours, 0.5)).toFixed(1)),
  goal: "p95 under 5 ms, identical lists"
})
if (!identical) process.exitCode = 1
