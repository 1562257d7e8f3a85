/**
 * A small, dependency-free timing helper for the benchmarks in this folder.
 *
 * Each case runs a warm-up, then several timed rounds; the median round is
 * reported, because these machines are shared and a single round can be
 * unlucky. Compare cases measured in the same process, never against a number
 * from another run.
 */
import { performance } from "node:perf_hooks"

export interface CaseResult {
  readonly name: string
  /** Operations per second in the median round. */
  readonly opsPerSecond: number
  /** Operations per second in every round, for judging the noise. */
  readonly rounds: ReadonlyArray<number>
}

export const measure = (
  name: string,
  operationsPerRound: number,
  run: () => void,
  options: { readonly rounds?: number; readonly warmupRounds?: number } = {}
): CaseResult => {
  const rounds = options.rounds ?? 7
  for (let i = 0; i < (options.warmupRounds ?? 2); i++) run()
  const rates: Array<number> = []
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    run()
    const seconds = (performance.now() - start) / 1000
    rates.push(Math.round(operationsPerRound / seconds))
  }
  const sorted = [...rates].sort((a, b) => a - b)
  return { name, opsPerSecond: sorted[Math.floor(sorted.length / 2)]!, rounds: rates }
}

/** Prints one benchmark's result as a single JSON line. */
export const report = (result: Record<string, unknown>): void => {
  process.stdout.write(JSON.stringify(result) + "\n")
}
