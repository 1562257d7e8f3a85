/**
 * Running a command: its output captured, a time limit, and the whole process
 * group ended when the limit passes (a tsx or npm child would otherwise
 * outlive it).
 */
import { spawn } from "node:child_process"

export interface Outcome {
  readonly code: number | null
  readonly output: string
  readonly timedOut: boolean
  readonly millis: number
}

export interface RunOptions {
  readonly cwd: string
  readonly env?: NodeJS.ProcessEnv
  readonly timeoutMs?: number
  /** Echo the output while it runs (long steps such as the build). */
  readonly echo?: boolean
}

export const run = (command: string, args: ReadonlyArray<string>, options: RunOptions): Promise<Outcome> =>
  new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true
    })
    const forget = onExit(() => killGroup(child.pid))
    const chunks: Array<Buffer> = []
    const collect = (chunk: Buffer) => {
      chunks.push(chunk)
      if (options.echo === true) process.stderr.write(chunk)
    }
    child.stdout.on("data", collect)
    child.stderr.on("data", collect)
    let timedOut = false
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => {
      timedOut = true
      killGroup(child.pid)
    }, options.timeoutMs)
    const finish = (code: number | null) => {
      forget()
      if (timer !== undefined) clearTimeout(timer)
      resolve({ code, output: Buffer.concat(chunks).toString("utf8"), timedOut, millis: Date.now() - started })
    }
    child.on("error", (error) => {
      chunks.push(Buffer.from(`${error.message}\n`))
      finish(null)
    })
    child.on("close", finish)
  })

/** Ends a process started with `detached: true` and everything it started. */
export const killGroup = (pid: number | undefined) => {
  if (pid === undefined) return
  try {
    process.kill(-pid, "SIGKILL")
  } catch {
    // already gone
  }
}

/** Runs `work` on every item, at most `limit` at a time, keeping the order. */
export const mapLimit = async <A, B>(
  items: ReadonlyArray<A>,
  limit: number,
  work: (item: A) => Promise<B>
): Promise<Array<B>> => {
  const results: Array<B> = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

const cleanups = new Set<() => void>()

/** Registers what to end when the smoke test exits, however it exits; returns the unregistering. */
export const onExit = (cleanup: () => void): (() => void) => {
  cleanups.add(cleanup)
  return () => cleanups.delete(cleanup)
}

/** Runs every registered cleanup (the demo server, tsx children). */
export const cleanUp = () => {
  for (const cleanup of cleanups) cleanup()
  cleanups.clear()
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    cleanUp()
    process.exit(130)
  })
}
