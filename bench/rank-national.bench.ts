/**
 * rank-national: the nightly run at national scale — the top 10 openings for
 * each of 1,000,000 seekers among 250,000 openings, all in one metro (the
 * pessimistic case: no region rules anyone out), exact, on both cores.
 *
 * The main thread starts two worker threads; each generates the same seeded
 * population (bench/matchData.ts), builds the index and ranks its half of the
 * seekers with `Ranking.topOpeningsInto`, then checks a sample of its lists
 * against `Ranking.bruteForceTopOpeningsInto` (must be identical). Reported:
 * wall time from start to the last result, each worker's generate / build /
 * rank times and memory, seekers ranked per second. The brute force for the
 * whole run is projected from its measured rate on a sample, since scoring
 * 250 billion pairs is what the index exists to avoid. Goal: under 60 s.
 */
import { performance } from "node:perf_hooks"
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads"
import * as Ranking from "../packages/core/src/Ranking.js"
import { generate } from "./matchData.js"
import { report } from "./measure.js"

const seekerCount = Number(process.env["RANK_SEEKERS"] ?? 1_000_000)
const openingCount = Number(process.env["RANK_OPENINGS"] ?? 250_000)
const k = 10
const workers = 2
const sampleSize = 100

interface Job {
  readonly part: number
}
interface Result {
  readonly part: number
  readonly generateMs: number
  readonly buildMs: number
  readonly rankMs: number
  readonly ranked: number
  readonly checksum: number
  readonly sampleIdentical: boolean
  readonly bruteSampleMs: number
  readonly rssMb: number
}

const work = ({ part }: Job): Result => {
  let start = performance.now()
  const { openings, seekers } = generate(seekerCount, openingCount, 1_000_000)
  const generateMs = performance.now() - start
  start = performance.now()
  const index = Ranking.makeIndex(seekers, openings)
  const buildMs = performance.now() - start

  const from = Math.floor((part * index.seekerIds.length) / workers)
  const to = Math.floor(((part + 1) * index.seekerIds.length) / workers)
  const ws = new Ranking.Workspace(index, k)
  const items = new Int32Array(k)
  const scores = new Int32Array(k)
  let checksum = 0
  start = performance.now()
  for (let i = from; i < to; i++) {
    const n = Ranking.topOpeningsInto(ws, i, items, scores)
    for (let r = 0; r < n; r++) checksum = (checksum + scores[r]! + items[r]! * 31) >>> 0
  }
  const rankMs = performance.now() - start

  // A sample of the lists, checked against every pair scored.
  let sampleIdentical = true
  const brute = new Ranking.Workspace(index, k)
  const bruteItems = new Int32Array(k)
  const bruteScores = new Int32Array(k)
  start = performance.now()
  let bruteMs = 0
  for (let s = 0; s < sampleSize; s++) {
    const i = from + Math.floor((s * (to - from)) / sampleSize)
    const n = Ranking.topOpeningsInto(ws, i, items, scores)
    const t = performance.now()
    const m = Ranking.bruteForceTopOpeningsInto(brute, i, bruteItems, bruteScores)
    bruteMs += performance.now() - t
    sampleIdentical &&= n === m && items.every((v, r) => r >= n || v === bruteItems[r]) &&
      scores.every((v, r) => r >= n || v === bruteScores[r])
  }
  return {
    part,
    generateMs: Math.round(generateMs),
    buildMs: Math.round(buildMs),
    rankMs: Math.round(rankMs),
    ranked: to - from,
    checksum,
    sampleIdentical,
    bruteSampleMs: bruteMs,
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20)
  }
}

if (!isMainThread) {
  parentPort!.postMessage(work(workerData as Job))
} else {
  const start = performance.now()
  const results = await Promise.all(
    Array.from({ length: workers }, (_, part) =>
      new Promise<Result>((resolve, reject) => {
        const worker = new Worker(
          // Module hooks are per thread: the worker registers tsx before loading this file.
          `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}) })`,
          { eval: true, workerData: { part } satisfies Job }
        )
        worker.once("message", resolve)
        worker.once("error", reject)
      }))
  )
  const wallMs = performance.now() - start
  const bruteMsPerSeeker = results.reduce((a, r) => a + r.bruteSampleMs, 0) / (sampleSize * workers)
  const pairs = seekerCount * openingCount
  const projectedBruteSeconds = (bruteMsPerSeeker * seekerCount) / 1000 / workers
  report({
    bench: "rank-national",
    seekers: seekerCount,
    openings: openingCount,
    k,
    threads: workers,
    identical: results.every((r) => r.sampleIdentical),
    sampleChecked: sampleSize * workers,
    wallSeconds: Number((wallMs / 1000).toFixed(1)),
    rankSeconds: Number((Math.max(...results.map((r) => r.rankMs)) / 1000).toFixed(1)),
    seekersPerSecond: Math.round(seekerCount / (Math.max(...results.map((r) => r.rankMs)) / 1000)),
    workers: results.map(({ bruteSampleMs: _, ...r }) => r),
    baselinePairsPerSecondPerCore: Math.round(openingCount / (bruteMsPerSeeker / 1000)),
    baselineProjectedSeconds: Math.round(projectedBruteSeconds),
    ratio: Number((projectedBruteSeconds / (wallMs / 1000)).toFixed(1)),
    totalPairs: pairs,
    goal: "under 60 s on both cores (wall time, generation and index included), identical sample"
  })
  if (!results.every((r) => r.sampleIdentical)) process.exitCode = 1
}
