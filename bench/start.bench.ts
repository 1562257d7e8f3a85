/**
 * start: how long `npm start` takes to answer, as a new user runs it — a
 * fresh SQLite file (ILJARI_DB in a temporary directory, so the demo district
 * is created) and an empty tsx cache (TMPDIR in a temporary directory, so
 * every workspace source is transformed anew) — and then a second time, on
 * the file the first run filled and the cache it left. Each run is polled
 * every 50 ms on a free loopback port and timed from the spawn to:
 * - `firstResponse`: the first HTTP answer of any status;
 * - `openApi`: the first 200 from /openapi.json (the smoke test waits for it);
 * - `demoData`: the first 200 from /seekers?limit=1 with the demo read token.
 * The reference, measured in the same run with an empty tsx cache too, is a
 * tsx hello-world node:http server's first answer.
 * `ILJARI_START_ROUNDS` (default 1) repeats each case; the median is reported.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { performance } from "node:perf_hooks"
import { fileURLToPath } from "node:url"
import { report } from "./measure.js"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const rounds = Number(process.env["ILJARI_START_ROUNDS"] ?? 1)
const timeoutMs = 180_000
// The demo's published read token of Seongdong-gu (examples/server/src/DemoAccess.ts).
const token = "iljari_t_demo_seongdong_read_0000000000000000000000"

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const status = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers, signal: AbortSignal.timeout(5_000) }).then(async (r) => {
    await r.arrayBuffer()
    return r.status
  }, () => undefined)

interface Timing {
  readonly firstResponse: number
  readonly openApi?: number
  readonly demoData?: number
}

// Spawns a command in its own process group and times the answers it gives on `port`.
const time = async (
  command: string,
  args: ReadonlyArray<string>,
  cwd: string,
  env: NodeJS.ProcessEnv,
  port: number,
  full: boolean
): Promise<Timing> => {
  const started = performance.now()
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true })
  let output = ""
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()))
  let exited: number | null | undefined
  child.on("exit", (code) => (exited = code))
  const since = () => Math.round(performance.now() - started)
  const base = `http://127.0.0.1:${port}`
  let firstResponse: number | undefined
  let openApi: number | undefined
  let demoData: number | undefined
  try {
    while (performance.now() - started < timeoutMs) {
      if (exited !== undefined) throw new Error(`${command} ${args.join(" ")} exited with ${exited}:\n${output}`)
      const answered = await status(`${base}/${full ? "openapi.json" : ""}`)
      if (answered !== undefined) firstResponse ??= since()
      if (!full && firstResponse !== undefined) return { firstResponse }
      if (answered === 200) openApi ??= since()
      if (openApi !== undefined && (await status(`${base}/seekers?limit=1`, { authorization: `Bearer ${token}` })) === 200) {
        demoData = since()
        return { firstResponse: firstResponse!, openApi, demoData }
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`${command} ${args.join(" ")} did not answer within ${timeoutMs / 1000} s:\n${output}`)
  } finally {
    try {
      process.kill(-child.pid!, "SIGTERM")
    } catch {
      // already gone
    }
    await new Promise((resolve) => (exited === undefined ? child.once("exit", resolve) : resolve(undefined)))
  }
}

const median = (values: ReadonlyArray<number>) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const summary = (runs: ReadonlyArray<Timing>) => {
  const of = (key: keyof Timing) => runs.every((r) => r[key] !== undefined) ? median(runs.map((r) => r[key]!)) : undefined
  return { firstResponseMs: of("firstResponse"), openApiMs: of("openApi"), demoDataMs: of("demoData"), rounds: runs }
}

const hello = mkdtempSync(join(tmpdir(), "iljari-start-hello-"))
writeFileSync(
  join(hello, "hello.ts"),
  `import { createServer } from "node:http"
const port: number = Number(process.env["PORT"])
createServer((_request, response) => response.end("hello")).listen(port, "127.0.0.1")
`
)

const reference: Array<Timing> = []
const first: Array<Timing> = []
const second: Array<Timing> = []
try {
  for (let round = 0; round < rounds; round++) {
    const cache = mkdtempSync(join(tmpdir(), "iljari-start-tsx-"))
    const data = mkdtempSync(join(tmpdir(), "iljari-start-db-"))
    try {
      const helloPort = await freePort()
      reference.push(await time(join(root, "node_modules", ".bin", "tsx"), ["hello.ts"], hello, { TMPDIR: cache, PORT: String(helloPort) }, helloPort, false))
      rmSync(cache, { recursive: true, force: true })
      const env = { TMPDIR: cache, ILJARI_DB: join(data, "iljari.db"), HOST: "127.0.0.1" }
      for (const runs of [first, second]) {
        const port = await freePort()
        runs.push(await time("npm", ["start"], root, { ...env, PORT: String(port) }, port, true))
      }
    } finally {
      rmSync(cache, { recursive: true, force: true })
      rmSync(data, { recursive: true, force: true })
    }
  }
} finally {
  rmSync(hello, { recursive: true, force: true })
}

const cold = summary(first)
const ref = summary(reference)
report({
  bench: "start",
  command: "npm start",
  firstStart: { what: "fresh SQLite file, empty tsx cache", ...cold },
  secondStart: { what: "the file and tsx cache the first start left", ...summary(second) },
  reference: { what: "tsx hello-world node:http server, empty tsx cache", firstResponseMs: ref.firstResponseMs, rounds: reference },
  ratio: Number((cold.firstResponseMs! / ref.firstResponseMs!).toFixed(2))
})
