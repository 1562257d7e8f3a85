/**
 * rank-national: the nightly run at national scale — the top 10 openings for
 * each of 1,000,000 seekers among 250,000 openings, all in one metro (the
 * pessimistic case: no region rules anyone out), exact, on both cores.
 *
 * The main thread starts two worker threads (this file again); each generates
 * the same seeded population (bench/matchData.ts), builds the index and ranks
 * its half of the seekers with `Ranking.topOpeningsInto`, then checks a sample
 * of its lists (200 seekers spread over its half) against
 * `Ranking.bruteForceTopOpeningsInto`, which scores every opening by the same
 * kernel: the lists must be identical. Scoring all 250 billion pairs is what
 * the index exists to avoid, so the brute force is not run in full: its rate
 * on the sample (one core per thread) is projected to the whole run on two
 * cores, and `ratio` is that projection over our ranking time (the rank
 * phases only, both on two cores).
 *
 * Reported: wall time from spawning the workers to the last result, and to
 * the moment the last list was ranked (generation and index included, the
 * sample check not); each worker's generate / build / rank times, the CPU
 * time its thread got while ranking (from /proc/thread-self: it shows when
 * another process took part of a core) and its memory (`rssMb` is the
 * process's resident set when the worker finished — both threads live in one
 * process, so it counts both while both are alive; `heapMb` and
 * `arrayBuffersMb` are the worker's own); the process's peak resident set;
 * seekers ranked per second; a checksum over every list (scores and
 * positions, mod 2^32; the same whatever the split between workers). Goal:
 * every list ranked within 60 s of spawning, on both cores.
 *
 * RANK_SEEKERS, RANK_OPENINGS and RANK_SAMPLE shrink the run for a quick try.
 */
import { readFileSync } from "node:fs"
import { performance } from "node:perf_hooks"
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads"
import * as Ranking from "../packages/core/src/matching/Ranking.js"
import { generate } from "./matchData.js"
import { report } from "./measure.js"

const seekerCount = Number(process.env["RANK_SEEKERS"] ?? 1_000_000)
const openingCount = Number(process.env["RANK_OPENINGS"] ?? 250_000)
const k = 10
const threads = 2
const sampleSize = Number(process.env["RANK_SAMPLE"] ?? 200)

interface Job {
  readonly part: number
}
type Message =
  | { readonly type: "ranked" }
  | { readonly type: "result"; readonly result: Result }
interface Result {
  readonly part: number
  readonly seekers: number
  readonly generateMs: number
  readonly buildMs: number
  readonly rankMs: number
  /** CPU time this thread got while ranking; undefined off Linux. */
  readonly rankCpuMs: number | undefined
  readonly entries: number
  readonly checksum: number
  readonly sampleIdentical: boolean
  readonly sampleMs: number
  readonly bruteMs: number
  readonly rssMb: number
  readonly heapMb: number
  readonly arrayBuffersMb: number
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20)

/** CPU time (user + system) of the calling thread in ms, at 10 ms resolution. */
const threadCpuMs = (): number | undefined => {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8")
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    // Fields 14 and 15 of stat (utime, stime), counted from after the name.
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}

const work = ({ part }: Job): Result => {
  const post = (message: Message) => parentPort!.postMessage(message)
  let start = performance.now()
  let generateMs = 0
  // The plain records are dropped once the index holds what it needs.
  const index = (() => {
    const { openings, seekers } = generate(seekerCount, openingCount)
    generateMs = performance.now() - start
    start = performance.now()
    return Ranking.makeIndex(seekers, openings)
  })()
  const buildMs = performance.now() - start

  const from = Math.floor((part * index.seekerIds.length) / threads)
  const to = Math.floor(((part + 1) * index.seekerIds.length) / threads)
  const ws = new Ranking.Workspace(index, k)
  const items = new Int32Array(k)
  const scores = new Int32Array(k)
  let checksum = 0
  let entries = 0
  const cpuBefore = threadCpuMs()
  start = performance.now()
  for (let i = from; i < to; i++) {
    const n = Ranking.topOpeningsInto(ws, i, items, scores)
    entries += n
    for (let r = 0; r < n; r++) checksum = (checksum + Math.imul(scores[r]! + Math.imul(items[r]!, 1_000_003), r + 1)) >>> 0
  }
  const rankMs = performance.now() - start
  const cpuAfter = threadCpuMs()
  post({ type: "ranked" })

  // The sample: our list, then every opening scored, seeker by seeker.
  let sampleIdentical = true
  const bruteItems = new Int32Array(k)
  const bruteScores = new Int32Array(k)
  let bruteMs = 0
  start = performance.now()
  for (let s = 0; s < sampleSize; s++) {
    const i = from + Math.floor((s * (to - from)) / sampleSize)
    const n = Ranking.topOpeningsInto(ws, i, items, scores)
    const t = performance.now()
    const m = Ranking.bruteForceTopOpeningsInto(ws, i, bruteItems, bruteScores)
    bruteMs += performance.now() - t
    for (let r = 0; r < n; r++) sampleIdentical &&= items[r] === bruteItems[r] && scores[r] === bruteScores[r]
    sampleIdentical &&= n === m
  }
  const sampleMs = performance.now() - start
  const memory = process.memoryUsage()
  return {
    part,
    seekers: to - from,
    generateMs: Math.round(generateMs),
    buildMs: Math.round(buildMs),
    rankMs: Math.round(rankMs),
    rankCpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    entries,
    checksum,
    sampleIdentical,
    sampleMs: Math.round(sampleMs),
    bruteMs,
    rssMb: mb(memory.rss),
    heapMb: mb(memory.heapUsed),
    arrayBuffersMb: mb(memory.arrayBuffers)
  }
}

if (!isMainThread) {
  const result = work(workerData as Job)
  parentPort!.postMessage({ type: "result", result } satisfies Message)
} else {
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  const rankedAt: Array<number> = []
  const results = await Promise.all(
    Array.from({ length: threads }, (_, part) =>
      new Promise<Result>((resolve, reject) => {
        // `--import tsx` in execArgv does not load TypeScript in a worker under
        // Node 20 (the entry fails with "Unknown file extension .ts"), so the
        // worker registers tsx itself before importing this file. The
        // @iljari/source condition comes through NODE_OPTIONS.
        const worker = new Worker(
          `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}) })`,
          { eval: true, workerData: { part } satisfies Job }
        )
        worker.on("message", (message: Message) => {
          if (message.type === "ranked") rankedAt.push(performance.now() - start)
          else resolve(message.result)
        })
        worker.once("error", reject)
        worker.once("exit", (code) => reject(new Error(`worker ${part} exited with code ${code} before its result`)))
      }))
  )
  const wallMs = performance.now() - start
  const cpu = process.cpuUsage(cpuStart)
  const listsReadyMs = Math.max(...rankedAt)

  const identical = results.every((r) => r.sampleIdentical)
  const rankMs = Math.max(...results.map((r) => r.rankMs))
  const bruteMsPerSeeker = results.reduce((a, r) => a + r.bruteMs, 0) / (sampleSize * threads)
  const baselineOneCoreSeconds = (bruteMsPerSeeker * seekerCount) / 1000
  const baselineSeconds = baselineOneCoreSeconds / threads
  const seconds = (ms: number) => Number((ms / 1000).toFixed(1))
  report({
    bench: "rank-national",
    seekers: seekerCount,
    openings: openingCount,
    k,
    threads,
    identical,
    sampleChecked: sampleSize * threads,
    lists: results.reduce((a, r) => a + r.seekers, 0),
    entries: results.reduce((a, r) => a + r.entries, 0),
    checksum: results.reduce((a, r) => (a + r.checksum) >>> 0, 0),
    wallSeconds: seconds(wallMs),
    listsReadySeconds: seconds(listsReadyMs),
    oursRankSeconds: seconds(rankMs),
    seekersPerSecond: Math.round(seekerCount / (rankMs / 1000)),
    workers: results.map(({ bruteMs: _, sampleIdentical: __, ...r }) => r),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuSeconds: seconds((cpu.user + cpu.system) / 1000),
    baselineMsPerSeeker: Number(bruteMsPerSeeker.toFixed(2)),
    baselinePairsPerSecondPerCore: Math.round(openingCount / (bruteMsPerSeeker / 1000)),
    baselineProjectedSeconds: Math.round(baselineSeconds),
    baselineProjectedSecondsOneCore: Math.round(baselineOneCoreSeconds),
    ratio: Number((baselineSeconds / (rankMs / 1000)).toFixed(1)),
    goal: "all lists within 60 s of spawning on both cores (listsReadySeconds: generation and index included), identical sample"
  })
  if (!identical) process.exitCode = 1
}
