/**
 * rank-all: the nightly recommendation run — the top 10 openings for each of
 * 10,000 seekers among 20,000 openings (one metro), exact.
 *
 * Ours: `Ranking.topOpeningsInto`, best-first over occupation and region
 * buckets with score upper bounds. Baseline, measured in the same run: the
 * tuned brute force `Ranking.bruteForceTopOpeningsInto` over the same typed
 * arrays — every pair scored by the same kernel into a reused top-k heap,
 * nothing allocated per pair. Both lists must be identical for every seeker.
 * Rounds alternate between the two; medians are reported; `ratio` is the
 * baseline's time over ours. One core.
 */
import { performance } from "node:perf_hooks"
import * as Ranking from "../packages/core/src/matching/Ranking.js"
import { generate } from "./matchData.js"
import { report } from "./measure.js"

const seekerCount = 10_000
const openingCount = 20_000
const k = 10
const rounds = Number(process.env["RANK_ROUNDS"] ?? 3)

const { openings, seekers } = generate(seekerCount, openingCount)
const buildStart = performance.now()
const index = Ranking.makeIndex(seekers, openings)
const buildMs = performance.now() - buildStart

const run = (query: typeof Ranking.topOpeningsInto) => {
  const ws = new Ranking.Workspace(index, k)
  const items = new Int32Array(seekerCount * k)
  const scores = new Int32Array(seekerCount * k)
  const itemScratch = new Int32Array(k)
  const scoreScratch = new Int32Array(k)
  const start = performance.now()
  for (let i = 0; i < seekerCount; i++) {
    const n = query(ws, i, itemScratch, scoreScratch)
    items.fill(-1, i * k, (i + 1) * k)
    items.set(itemScratch.subarray(0, n), i * k)
    scores.set(scoreScratch.subarray(0, n), i * k)
  }
  return { ms: performance.now() - start, items, scores, scored: ws.scored }
}

const median = (values: ReadonlyArray<number>) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const ours: Array<number> = []
const baseline: Array<number> = []
let identical = true
let scored = 0
run(Ranking.topOpeningsInto) // warm-up
for (let round = 0; round < rounds; round++) {
  const fast = run(Ranking.topOpeningsInto)
  const brute = run(Ranking.bruteForceTopOpeningsInto)
  ours.push(fast.ms)
  baseline.push(brute.ms)
  scored = fast.scored
  identical &&= fast.items.every((v, i) => v === brute.items[i]) && fast.scores.every((v, i) => v === brute.scores[i])
}

const pairs = seekerCount * openingCount
const oursMs = median(ours)
const baselineMs = median(baseline)
report({
  bench: "rank-all",
  seekers: seekerCount,
  openings: openingCount,
  k,
  identical,
  indexBuildMs: Math.round(buildMs),
  oursMs: Math.round(oursMs),
  oursPairsScoredShare: Number((scored / pairs).toFixed(4)),
  baselineMs: Math.round(baselineMs),
  baselinePairsPerSecond: Math.round(pairs / (baselineMs / 1000)),
  ratio: Number((baselineMs / oursMs).toFixed(2)),
  goal: "ratio >= 7 (under 0.3 s on one core), identical lists",
  rounds: { ours: ours.map(Math.round), baseline: baseline.map(Math.round) }
})
if (!identical) process.exitCode = 1
