/**
 * http: a bounded load test of the example server on loopback, with a mixed
 * counselor workload: per connection, in turn, a page of seekers, a seeker,
 * the first page of the counselor's overdue follow-up calls (as a
 * counselor's app opens its call list; the whole ledger, every check of every
 * year, is an export), a seeker, a new seeker registered, the
 * caseload, a seeker, another page of seekers, a seeker and a counseling
 * session logged — 8 reads and 2 writes in 10, signed in as a counselor
 * (session cookie and CSRF token), with the demo district seeded.
 *
 * Cases, each for ILJARI_HTTP_SECONDS (4 by default) at ILJARI_HTTP_CONNECTIONS
 * keep-alive connections (64): the plain reference (a bare `node:http`
 * process answering each request kind with the bytes the real server
 * answered it with), the server on an SQLite file, on PostgreSQL (a
 * throwaway cluster, or DATABASE_URL) in one process, and in two processes
 * sharing the port. Every server runs in its own process, as `npm start`
 * composes it; the load client (`http-client.ts`, closed loops of keep-alive
 * connections) runs here. ILJARI_HTTP_SCALE sets the
 * demo's size (1: about 6,600 seekers); ILJARI_HTTP_CASES picks cases
 * (comma-separated: sqlite, postgres, postgres-2); ILJARI_HTTP_PROFILE=dir
 * writes each server process's CPU profile (`--cpu-prof`) there.
 *
 * Prints one JSON line: rps, p50, p99, non-2xx and 5xx per case, and each
 * case's rps as a ratio of the plain server's in the same run. The case
 * `effectHttpAlone` answers the same bytes from Effect's HTTP server with no
 * routing, authentication or storage: the ceiling of any server built on it.
 */
import { acquirePostgres, findBinaries } from "@iljari/test-support/postgres"
import { type ChildProcess, execFileSync, fork } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { demoPassword } from "../examples/server/src/DemoAccess.js"
import { load as loadWith, type LoadRequest } from "./http-client.js"
import { kindOf } from "./http-workload.js"
import { report } from "./measure.js"

const here = dirname(fileURLToPath(import.meta.url))
const serverScript = join(here, "http-server.ts")
const seconds = Number(process.env["ILJARI_HTTP_SECONDS"] ?? 4)
const connections = Number(process.env["ILJARI_HTTP_CONNECTIONS"] ?? 64)
const scale = Number(process.env["ILJARI_HTTP_SCALE"] ?? 1)
const cases = (process.env["ILJARI_HTTP_CASES"] ?? "sqlite,postgres,postgres-2").split(",").map((c) => c.trim())
const basePort = Number(process.env["ILJARI_HTTP_PORT"] ?? 5410)
const work = mkdtempSync(join(tmpdir(), "iljari-http-bench-"))
const children = new Set<ChildProcess>()

const start = (role: string, env: Record<string, string>): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const profile = process.env["ILJARI_HTTP_PROFILE"]
    const child = fork(serverScript, [], {
      // ILJARI_HTTP_PROFILE=dir writes each server's CPU profile there.
      execArgv: [...process.execArgv, ...(profile !== undefined && role === "serve" ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [])],
      env: { ...process.env, ILJARI_BENCH_ROLE: role, ...env },
      stdio: ["ignore", "ignore", "inherit", "ipc"]
    })
    children.add(child)
    child.on("message", (message: { ready?: number }) => {
      if (message.ready !== undefined) resolve(child)
    })
    child.once("exit", (code) => {
      children.delete(child)
      if (role === "seed" && code === 0) resolve(child)
      else reject(new Error(`bench server (${role}) exited with ${code}`))
    })
  })

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once("exit", () => resolve())
    child.kill("SIGTERM")
  })

interface Session {
  readonly cookie: string
  readonly csrf: string
}

const signIn = async (base: string): Promise<Session> => {
  const response = await fetch(`${base}/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "seongdong-counselor-01", password: demoPassword })
  })
  if (!response.ok) throw new Error(`sign-in: ${response.status} ${await response.text()}`)
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ")
  const { csrfToken } = await response.json() as { csrfToken: string }
  return { cookie, csrf: csrfToken }
}

// Distinct names, phones and birth dates for the seekers the workload registers.
const syllable = (n: number) => String.fromCharCode(0xac00 + (n % 11172))
let registered = 0
const newSeeker = () => {
  const n = registered++ + Math.floor(Math.random() * 1e6)
  return {
    name: `부하${syllable(n)}${syllable(Math.floor(n / 11172))}`,
    contact: { phone: `010-9${String(n % 1000).padStart(3, "0")}-${String(Math.floor(n / 1000) % 10000).padStart(4, "0")}` },
    birthDate: "1980-01-01",
    gender: "female",
    addressRegion: "11200",
    desiredOccupations: ["5611"],
    desiredRegions: ["11200"],
    education: "03",
    careerMonths: 12,
    certificates: [],
    desiredWage: { type: "monthly", amount: 2_100_000 },
    desiredEmployment: { contractTypes: ["open-ended"], schedules: ["full-time"], maxWeeklyHours: 40 },
    targetGroups: [],
    consents: [{ purpose: "personal-data", givenAt: "2026-01-02T01:00:00.000Z" }],
    registrationChannel: "visit"
  }
}

interface Workload {
  readonly session: Session
  readonly seekerIds: ReadonlyArray<string>
  readonly total: number
}

const prepare = async (base: string): Promise<Workload> => {
  const session = await signIn(base)
  const headers = { cookie: session.cookie }
  const caseload = await (await fetch(`${base}/caseload?limit=100`, { headers })).json() as { items?: ReadonlyArray<{ value: { id: string } }> } | ReadonlyArray<{ value: { id: string } }>
  const items = Array.isArray(caseload) ? caseload : (caseload as { items: ReadonlyArray<{ value: { id: string } }> }).items
  const seekerIds = items.map((row) => row.value.id)
  if (seekerIds.length === 0) throw new Error(`counselor-01 has no caseload: ${JSON.stringify(caseload).slice(0, 300)}`)
  return { session, seekerIds, total: 6000 * scale }
}

const pick = <A>(xs: ReadonlyArray<A>) => xs[Math.floor(Math.random() * xs.length)]!

const requestsOf = (w: Workload): Array<() => LoadRequest> => {
  const seeker = (): LoadRequest => ({ method: "GET", path: `/seekers/${pick(w.seekerIds)}` })
  return [
    () => ({ method: "GET", path: "/seekers?limit=20" }),
    seeker,
    () => ({ method: "GET", path: "/follow-ups?group=overdue&limit=20" }),
    seeker,
    () => ({ method: "POST", path: "/seekers", body: JSON.stringify(newSeeker()) }),
    () => ({ method: "GET", path: "/caseload?limit=20" }),
    seeker,
    () => ({ method: "GET", path: `/seekers?limit=20&offset=${Math.floor(Math.random() * w.total * 0.9)}` }),
    seeker,
    () => ({
      method: "POST",
      path: "/counseling",
      body: JSON.stringify({ seekerId: pick(w.seekerIds), heldOn: "2026-12-01", channel: "visit", notes: "부하 시험 상담" })
    })
  ]
}

// One of each request, answered by the real server: the bytes the plain server answers with.
const bodiesOf = async (base: string, w: Workload) => {
  const headers = { cookie: w.session.cookie, "x-csrf-token": w.session.csrf, "content-type": "application/json" }
  const out: Record<string, { status: number; body: string; statements: number }> = {}
  const statements = () => fetch(`${base.replace(/:(\d+)$/, (_, p: string) => `:${Number(p) + 1}`)}/`).then((r) => r.text()).then(Number)
  for (const next of requestsOf(w)) {
    const r = next()
    const before = await statements()
    const response = await fetch(base + r.path, { method: r.method, headers, ...(r.body === undefined ? {} : { body: r.body }) })
    const body = await response.text()
    const ran = (await statements()) - before
    if (response.status >= 300) throw new Error(`${r.method} ${r.path}: ${response.status} ${body.slice(0, 300)}`)
    out[kindOf(r.method, r.path)] = { status: response.status, body, statements: ran }
  }
  return out
}

const headersOf = (w: Workload) => ({ cookie: w.session.cookie, "x-csrf-token": w.session.csrf, "content-type": "application/json" })

const load = (port: number, w: Workload) =>
  loadWith({ port, connections, seconds, headers: headersOf(w), requests: requestsOf(w) })

const results: Record<string, unknown> = {}
let reference: { rps: number } | undefined

const measureBackend = async (name: string, env: Record<string, string>, processes: ReadonlyArray<number>, port: number) => {
  await start("seed", { ...env, ILJARI_HTTP_SCALE: String(scale) })
  for (const workers of processes) {
    const server = await start("serve", { ...env, PORT: String(port), ILJARI_BENCH_WORKERS: String(workers) })
    const base = `http://127.0.0.1:${port}`
    const w = await prepare(base)
    // One request of each kind, alone: its bytes and the SQL statements it ran.
    if (workers === 1 || reference === undefined) {
      const bodies = await bodiesOf(base, w)
      if (workers === 1) {
        results[`${name}Requests`] = Object.fromEntries(
          Object.entries(bodies).map(([kind, { body, statements }]) => [kind, { bytes: Buffer.byteLength(body), statements }])
        )
      }
      if (reference === undefined) writeFileSync(join(work, "bodies.json"), JSON.stringify(bodies))
    }
    if (reference === undefined) {
      const file = join(work, "bodies.json")
      const plain = await start("plain", { PORT: String(basePort), ILJARI_BENCH_BODIES: file })
      reference = await load(basePort, w)
      await stop(plain)
      // The same bytes from Effect's HTTP server and nothing else: the ceiling of any server on this stack.
      const floor = await start("floor", { PORT: String(basePort), ILJARI_BENCH_BODIES: file })
      const stack = await load(basePort, w)
      results["effectHttpAlone"] = { ...stack, ratio: Number((stack.rps / reference.rps).toFixed(3)) }
      await stop(floor)
    }
    // A second of reads at a few connections to warm up (not a backlog the measured run would inherit), then the measured run.
    await loadWith({ port, connections: 4, seconds: 1, headers: headersOf(w), requests: requestsOf(w).filter((r) => r().method === "GET") })
    const measured = await load(port, w)
    results[workers === 1 ? name : `${name}-${workers}`] = { ...measured, ratio: Number((measured.rps / reference!.rps).toFixed(3)) }
    await stop(server)
  }
}

try {
  if (cases.includes("sqlite")) {
    await measureBackend("sqlite", { ILJARI_DB: join(work, "bench.db") }, [1], basePort + 1)
  }
  const pgCases = [cases.includes("postgres") ? 1 : 0, cases.includes("postgres-2") ? 2 : 0].filter((n) => n > 0)
  if (pgCases.length > 0) {
    const availability = await acquirePostgres()
    if (availability._tag === "Unavailable") {
      results["postgres"] = { skipped: availability.reason }
    } else {
      const { server } = availability
      try {
        // A database in a Korean collation (ICU), as a deployment would make it,
        // so that byte-order sorts are not served for free by a C locale.
        const psql = (command: string) =>
          execFileSync(join(findBinaries() ?? "/usr/bin", "psql"), [server.url, "-v", "ON_ERROR_STOP=1", "-c", command], { stdio: "pipe" })
        const name = `iljari_bench_${process.pid}`
        let collation = "ko-KR (ICU)"
        try {
          psql(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'ko-KR' LOCALE 'C.UTF-8'`)
        } catch {
          collation = "server default"
          psql(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`)
        }
        results["postgresCollation"] = collation
        const url = new URL(server.url)
        url.pathname = `/${name}`
        await measureBackend("postgres", { DATABASE_URL: url.toString() }, pgCases, basePort + 2)
      } finally {
        await server.stop()
      }
    }
  }
  const rps = (key: string) => (results[key] as { rps?: number } | undefined)?.rps
  report({
    bench: "http",
    seconds,
    connections,
    scale,
    workload: "per connection: list 20, seeker, 20 overdue calls, seeker, register, caseload 20, seeker, list 20 at an offset, seeker, log counseling",
    reference: { what: "bare node:http process answering each request kind with the real server's bytes", ...reference },
    cases: results,
    ...(rps("postgres") !== undefined && rps("postgres-2") !== undefined
      ? { twoProcessesOverOne: Number((rps("postgres-2")! / rps("postgres")!).toFixed(2)) }
      : {})
  })
} finally {
  await Promise.all([...children].map(stop))
  rmSync(work, { recursive: true, force: true })
}
process.exit(0)
