/**
 * The `http` benchmark's load client: `connections` keep-alive connections
 * (one socket each), each sending the workload's requests in turn and the
 * next one when the answer has fully arrived (a closed loop), for `seconds`.
 * Every request begun within the run is timed from its sending to the end
 * of its answer.
 *
 * Not autocannon: on the same server, route and minute, with 32 connections
 * each, autocannon 8 reported p99 3.9 s and max 5.6 s where this client saw
 * p99 247 ms and max 402 ms (both with p50 about 170 ms, so the server
 * treated them alike); its tail was its own.
 */
import { Agent, request } from "node:http"

/** One request of a workload: made afresh each time it is sent. */
export interface LoadRequest {
  readonly method: "GET" | "POST"
  readonly path: string
  readonly body?: string
}

export interface LoadResult {
  readonly rps: number
  readonly p50ms: number
  readonly p99ms: number
  readonly maxMs: number
  readonly requests: number
  readonly non2xx: number
  readonly "5xx": number
  readonly errors: number
}

const timeoutMs = 10_000

const send = (agent: Agent, port: number, headers: Record<string, string>, r: LoadRequest) =>
  new Promise<number | "error">((resolve) => {
    const req = request({ host: "127.0.0.1", port, agent, method: r.method, path: r.path, headers }, (res) => {
      res.resume()
      res.once("end", () => resolve(res.statusCode ?? 0))
      res.once("error", () => resolve("error"))
    })
    req.setTimeout(timeoutMs, () => req.destroy())
    req.once("error", () => resolve("error"))
    req.end(r.body)
  })

const percentile = (sorted: ReadonlyArray<number>, p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!

/** Runs the closed loops for `seconds`; `requests` are sent in turn on each connection. */
export const load = async (options: {
  readonly port: number
  readonly connections: number
  readonly seconds: number
  readonly headers: Record<string, string>
  readonly requests: ReadonlyArray<() => LoadRequest>
}): Promise<LoadResult> => {
  const latencies: Array<number> = []
  let non2xx = 0
  let serverErrors = 0
  let errors = 0
  const started = performance.now()
  const end = started + options.seconds * 1000
  const loop = async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    for (let i = 0; performance.now() < end; i++) {
      const sent = performance.now()
      const status = await send(agent, options.port, options.headers, options.requests[i % options.requests.length]!())
      latencies.push(performance.now() - sent)
      if (status === "error") errors++
      else if (status < 200 || status >= 300) {
        non2xx++
        if (status >= 500) serverErrors++
      }
    }
    agent.destroy()
  }
  await Promise.all(Array.from({ length: options.connections }, loop))
  const sorted = latencies.sort((a, b) => a - b)
  return {
    rps: Math.round(latencies.length / ((performance.now() - started) / 1000)),
    p50ms: Math.round(percentile(sorted, 0.5)),
    p99ms: Math.round(percentile(sorted, 0.99)),
    maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
    requests: latencies.length,
    non2xx,
    "5xx": serverErrors,
    errors
  }
}
