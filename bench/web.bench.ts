/**
 * web: the staff web app's pages, timed on the server one request at a time,
 * beside the JSON API's answer for the same data.
 *
 * The real server (`HttpLive`: the API and the web app at /app/) runs over a
 * migrated SQLite file in a temporary directory holding the demo district at
 * the seeds' full scale (about 6,600 seekers and a year of casework), as
 * `npm start` creates it. The demo counselor signs in twice: through the
 * web app's sign-in form (the session cookie the pages need) and through
 * POST /auth/sign-in (the session the API is asked with), so that both
 * sides answer the same person with the same reach; the manager's pages
 * (monitoring, job fairs — one made and pre-selected through the API —,
 * the access records) are asked as the district's manager, and 분석 as the
 * city's analyst. The field work's pages (outreach, discovery visits,
 * psychological tests) are the counselor's.
 *
 * Each page is warmed up, then requested `ILJARI_WEB_REQUESTS` times (60 by
 * default) in sequence over one keep-alive connection; its JSON counterpart,
 * where the API has one, the same number of times, in alternating blocks of
 * ten so that a noisy moment on this shared machine falls on both. A request
 * is timed from its start to the last byte of its body, on loopback: that is
 * the server's time plus a few tens of microseconds. `ratio` is the page's
 * p95 over its counterpart's (`ratioP50`, the medians'). The today page,
 * the search, one opening, the referral board, one referral, the month's
 * report, the list of fairs, the survey list, the public survey page, the
 * access records and 분석 have no counterpart
 * in the API.
 */
import { HttpServer } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Argon2, SecondFactorTotp } from "@iljari/auth"
import { Repositories } from "@iljari/core"
import { ReportSourceSql, StoreSql } from "@iljari/store-sql"
import { Console, Context, Effect, Exit, Layer, Logger, LogLevel, Scope } from "effect"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { Agent, createServer, request as httpRequest } from "node:http"
import { Session } from "node:inspector/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import { AccessSettings, demoOfficeNetworks, officeNetworks } from "../examples/server/src/AccessSettings.js"
import { defaults as edgeDefaults, EdgeSettings } from "../examples/server/src/Edge.js"
import { demoPassword, seedDemoAccess } from "../examples/server/src/DemoAccess.js"
import { seedDemo } from "../examples/server/src/Seed.js"
import { HttpLive } from "../examples/server/src/Server.js"
import { report } from "./measure.js"

const requests = Number(process.env["ILJARI_WEB_REQUESTS"] ?? 60)
const warmup = Number(process.env["ILJARI_WEB_WARMUP"] ?? 5)
const scale = Number(process.env["ILJARI_WEB_SCALE"] ?? 1)
/** Only these pages, named as the output names them (comma-separated: `/app/,/app/seekers/:seekerId`), for profiling one. */
const only = process.env["ILJARI_WEB_ONLY"]?.split(",").filter((s) => s !== "")
/**
 * A folder to write a CPU profile of each page's timed requests to
 * (`<page>.cpuprofile`); the JSON counterparts are then skipped, so that a
 * profile is the page's alone, and the profiler slows every page.
 */
const profileDir = process.env["ILJARI_WEB_PROFILE"]
const block = 10
const login = "seongdong-counselor-01"
const managerLogin = "seongdong-manager"
const analystLogin = "seoul-analyst"

// ---------------------------------------------------------------------------
// The server

// The seed reports its progress with Console.log; stdout is for the one JSON line.
const toStderr = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Console.consoleWith((console) =>
    Effect.withConsole(effect, {
      ...console,
      log: (...args: ReadonlyArray<unknown>) => Effect.sync(() => globalThis.console.error(...args)),
      unsafe: { ...globalThis.console, log: globalThis.console.error }
    })
  )

const startServer = async () => {
  const dir = mkdtempSync(join(tmpdir(), "iljari-web-bench-"))
  const filename = join(dir, "iljari.db")
  let address: HttpServer.Address | undefined
  const http = NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" }).pipe(
    Layer.tap((context) => Effect.sync(() => (address = Context.get(context, HttpServer.HttpServer).address)))
  )
  const storage = Layer.effectDiscard(toStderr(seedDemo(scale))).pipe(
    Layer.provideMerge(ReportSourceSql.layer),
    Layer.provideMerge(
      StoreSql.layerWithMigrations.pipe(
        Layer.provideMerge(SqliteClient.layer({ filename })),
        Layer.merge(Repositories.IdGenerator.layerRandom)
      )
    )
  )
  const server = HttpLive.pipe(
    Layer.provide(Layer.effectDiscard(seedDemoAccess)),
    Layer.provide(Layer.mergeAll(
      Argon2.layer(),
      SecondFactorTotp.layer({ issuer: "iljari bench" }),
      Layer.succeed(AccessSettings, { secureCookies: false, inOffice: officeNetworks(demoOfficeNetworks) }),
      // The public survey page is opened far more often from one address than people do.
      Layer.succeed(EdgeSettings, {
        ...edgeDefaults,
        surveyLimits: { perAddress: { limit: 1_000_000, window: "1 minute" }, perLink: { limit: 1_000_000, window: "1 minute" } }
      })
    )),
    Layer.provideMerge(storage),
    Layer.provideMerge(http),
    // The request log (Info) would cost every request a line and fill stdout; warnings and page faults still show.
    Layer.provide(Logger.minimumLogLevel(LogLevel.Warning)),
    Layer.orDie
  )
  const scope = Effect.runSync(Scope.make())
  const close = async () => {
    try {
      await Effect.runPromise(Scope.close(scope, Exit.void))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const started = performance.now()
  try {
    await Effect.runPromise(Layer.buildWithScope(server, scope))
  } catch (error) {
    await close()
    throw error
  }
  if (address === undefined || address._tag !== "TcpAddress") throw new Error(`the server listens on no TCP port`)
  return { port: address.port, close, seedSeconds: Number(((performance.now() - started) / 1000).toFixed(1)) }
}

// ---------------------------------------------------------------------------
// One keep-alive connection, one request at a time

interface Answer {
  readonly status: number
  readonly headers: Record<string, string | Array<string> | undefined>
  readonly body: string
  readonly ms: number
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 })
const sockets = new Set<unknown>()

const send = (port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  new Promise<Answer>((resolve, reject) => {
    const start = performance.now()
    const req = httpRequest({
      host: "127.0.0.1",
      port,
      method,
      path,
      agent,
      headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) }
    }, (res) => {
      const chunks: Array<Buffer> = []
      res.on("data", (chunk: Buffer) => chunks.push(chunk))
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - start }))
      res.on("error", reject)
    })
    req.on("socket", (socket) => sockets.add(socket))
    req.on("error", reject)
    req.end(body)
  })

interface Target {
  readonly method: "GET" | "POST"
  readonly path: string
  readonly headers?: Record<string, string>
  readonly body?: string
}

const hit = async (port: number, target: Target, headers: Record<string, string>) => {
  const answer = await send(port, target.method, target.path, { ...headers, ...target.headers }, target.body)
  if (answer.status !== 200) {
    throw new Error(`${target.method} ${target.path} answered ${answer.status}: ${answer.body.slice(0, 300)}`)
  }
  return answer
}

const percentile = (sorted: ReadonlyArray<number>, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!

const summary = (times: ReadonlyArray<number>) => {
  const sorted = [...times].sort((a, b) => a - b)
  const ms = (n: number) => Number(n.toFixed(2))
  return { p50: ms(percentile(sorted, 50)), p95: ms(percentile(sorted, 95)), max: ms(sorted.at(-1)!) }
}

// ---------------------------------------------------------------------------
// Ids from the pages, as a person would find them

const firstId = (html: string, kind: string): string => {
  const found = new RegExp(`href="/app/${kind}/(?!new")([^"/?#]+)"`).exec(html)
  if (found === null) throw new Error(`no /app/${kind}/:id link on the page`)
  return decodeURIComponent(found[1]!)
}

const choseongs = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
/** A name's initial consonants (홍길동 → ㅎㄱㄷ). */
const choseongOf = (name: string) =>
  [...name].map((c) => {
    const code = c.charCodeAt(0) - 0xac00
    return code >= 0 && code < 11172 ? choseongs[Math.floor(code / 588)]! : c
  }).join("")

const unescapeHtml = (s: string) =>
  s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, "&").replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">").replace(/&quot;/g, "\"")

// ---------------------------------------------------------------------------

const main = async () => {
  const server = await startServer()
  const { port } = server
  try {
    // The web app's session: its sign-in form, then the cookie.
    const webSession = async (who: string) => {
      const web = await send(port, "POST", "/app/sign-in", { "content-type": "application/x-www-form-urlencoded" }, new URLSearchParams({ login: who, password: demoPassword }).toString())
      const setCookie = ([] as Array<string>).concat(web.headers["set-cookie"] ?? [])
      const session = setCookie.map((c) => /^iljari_session=([^;]*)/.exec(c)?.[1]).find((v) => v !== undefined && v !== "")
      if (web.status !== 303 || session === undefined) throw new Error(`the web sign-in answered ${web.status}: ${web.body.slice(0, 300)}`)
      return { cookie: `iljari_session=${session}` }
    }
    // The API's session, for the same person (GETs need no CSRF token).
    const apiSession = async (who: string) => {
      const apiSignIn = await send(port, "POST", "/auth/sign-in", { "content-type": "application/json" }, JSON.stringify({ login: who, password: demoPassword }))
      const apiCookie = ([] as Array<string>).concat(apiSignIn.headers["set-cookie"] ?? [])
        .map((c) => /^iljari_session=([^;]*)/.exec(c)?.[1]).find((v) => v !== undefined && v !== "")
      if (apiSignIn.status !== 200 || apiCookie === undefined) throw new Error(`the API sign-in answered ${apiSignIn.status}: ${apiSignIn.body.slice(0, 300)}`)
      return { cookie: `iljari_session=${apiCookie}`, csrf: (JSON.parse(apiSignIn.body) as { readonly csrfToken: string }).csrfToken }
    }
    const page = await webSession(login)
    const { cookie: apiCookie } = await apiSession(login)
    const api = { cookie: apiCookie }
    // The manager's pages (the monitoring review, job fairs, the access records) with the manager's sessions,
    // and the analyst's page with theirs.
    const managerPage = await webSession(managerLogin)
    const { cookie: managerCookie, csrf: managerCsrf } = await apiSession(managerLogin)
    const managerApi = { cookie: managerCookie }
    const analystPage = await webSession(analystLogin)
    const sessionsOf = { counselor: [page, api], manager: [managerPage, managerApi], analyst: [analystPage, api] } as const

    // A job fair of an open opening, its seekers pre-selected: what its page shows.
    const open = JSON.parse((await hit(port, { method: "GET", path: "/openings/search?status=open&limit=1" }, managerApi)).body) as {
      readonly items: ReadonlyArray<{ readonly value: { readonly id: string; readonly employerId: string } }>
    }
    const fairAt = async (method: "POST", path: string, body: unknown) => {
      const answer = await send(port, method, path, { ...managerApi, "content-type": "application/json", "x-csrf-token": managerCsrf }, JSON.stringify(body))
      if (answer.status >= 300) throw new Error(`${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`)
      return JSON.parse(answer.body) as { readonly value: { readonly id: string }; readonly version: number }
    }
    const fair = await fairAt("POST", "/job-fairs", {
      title: "벤치 일 잡는 데이",
      heldOn: new Date().toISOString().slice(0, 10),
      venue: "성동구청 대강당",
      schedule: { start: "14:00", slotMinutes: 20 },
      maxInterviewsPerSeeker: 2,
      minScore: 0,
      employers: [{ employerId: open.items[0]!.value.employerId, openingIds: [open.items[0]!.value.id], capacity: 10 }]
    })
    const fairId = fair.value.id
    await fairAt("POST", `/job-fairs/${fairId}/preselect`, { version: fair.version, perOpening: 10 })
    // A one-time link to the demo's questionnaire (the first of the list): its public answer page (opening it does not use it).
    const surveyId = firstId((await hit(port, { method: "GET", path: "/app/surveys" }, page)).body, "surveys")
    const surveyToken = (await fairAt("POST", `/surveys/${surveyId}/links`, {}) as unknown as { readonly token: string }).token

    // Ids that exist, from the lists.
    const seekers = await hit(port, { method: "GET", path: "/app/seekers" }, page)
    const seekerId = firstId(seekers.body, "seekers")
    const seekerName = unescapeHtml(new RegExp(`href="/app/seekers/${seekerId}">([^<]+)<`).exec(seekers.body)![1]!)
    const csrf = /name="_csrf" value="([^"]+)"/.exec(seekers.body)?.[1]
    if (csrf === undefined) throw new Error("no _csrf field on /app/seekers")
    const openingId = firstId((await hit(port, { method: "GET", path: "/app/openings" }, page)).body, "openings")
    const referralId = firstId((await hit(port, { method: "GET", path: "/app/referrals" }, page)).body, "referrals")
    const outreachId = firstId((await hit(port, { method: "GET", path: "/app/events/outreach" }, page)).body, "events/outreach")
    const testId = firstId((await hit(port, { method: "GET", path: "/app/events/tests" }, page)).body, "events/tests")
    const cafeId = firstId((await hit(port, { method: "GET", path: "/app/cafes" }, page)).body, "cafes")
    // A search by the first seeker's 초성, as a form posted from the page (its CSRF token, this origin).
    const initials = choseongOf(seekerName)
    const search: Target = {
      method: "POST",
      path: "/app/seekers/search",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: `http://127.0.0.1:${port}` },
      body: new URLSearchParams({ _csrf: unescapeHtml(csrf), name: initials }).toString()
    }
    if (!(await hit(port, search, page)).body.includes(`/app/seekers/${seekerId}"`)) {
      throw new Error(`the search for ${initials} did not find ${seekerId}`)
    }

    const htmx = { "hx-request": "true" }
    const today = new Date().toISOString().slice(0, 10)
    const yearStart = `${today.slice(0, 4)}-01-01`
    const cases: ReadonlyArray<{ readonly page: Target; readonly api?: Target; readonly as?: "manager" | "analyst" }> = [
      { page: { method: "GET", path: "/app/" } },
      { page: { method: "GET", path: "/app/seekers" }, api: { method: "GET", path: "/seekers?limit=20" } },
      { page: search },
      { page: { method: "GET", path: `/app/seekers/${seekerId}` }, api: { method: "GET", path: `/seekers/${seekerId}` } },
      {
        page: { method: "GET", path: `/app/seekers/${seekerId}/matches`, headers: htmx },
        api: { method: "GET", path: `/seekers/${seekerId}/matches?k=5` }
      },
      { page: { method: "GET", path: "/app/employers" }, api: { method: "GET", path: "/employers?limit=20" } },
      { page: { method: "GET", path: "/app/openings" }, api: { method: "GET", path: "/openings?limit=20" } },
      { page: { method: "GET", path: `/app/openings/${openingId}` } },
      { page: { method: "GET", path: "/app/referrals" } },
      { page: { method: "GET", path: `/app/referrals/${referralId}` } },
      { page: { method: "GET", path: "/app/follow-ups" }, api: { method: "GET", path: "/follow-ups/ledger" } },
      { page: { method: "GET", path: "/app/today/findings", headers: htmx } },
      // This month's report with its charts (the API's report routes are rate-limited as expensive: no counterpart).
      { page: { method: "GET", path: `/app/reports?month=${new Date().toISOString().slice(0, 7)}` } },
      // The targets review: pace, projection, each counselor and next year's plan, charts included.
      { page: { method: "GET", path: "/app/targets" }, api: { method: "GET", path: `/targets/pace?period=month&year=${new Date().getFullYear()}` } },
      // The monitoring review of the year so far, each finding with its decision (the manager's).
      {
        page: { method: "GET", path: `/app/monitoring?from=${yearStart}&to=${today}` },
        api: { method: "GET", path: `/monitoring?from=${yearStart}&to=${today}` },
        as: "manager"
      },
      // The job fairs, and one with its candidates.
      { page: { method: "GET", path: "/app/fairs" }, as: "manager" },
      { page: { method: "GET", path: `/app/fairs/${fairId}` }, api: { method: "GET", path: `/job-fairs/${fairId}` }, as: "manager" },
      // 현장 활동: each list against its plan, an outreach session with the people it registered, a test session with its participants.
      {
        page: { method: "GET", path: "/app/events/outreach" },
        api: { method: "GET", path: `/outreach-sessions/progress?month=${today.slice(0, 7)}` }
      },
      { page: { method: "GET", path: `/app/events/outreach/${outreachId}` } },
      { page: { method: "GET", path: "/app/events/visits" }, api: { method: "GET", path: `/discovery-visits/progress?year=${today.slice(0, 4)}` } },
      { page: { method: "GET", path: "/app/events/tests" }, api: { method: "GET", path: "/psych-tests" } },
      { page: { method: "GET", path: `/app/events/tests/${testId}` }, api: { method: "GET", path: `/psych-tests/${testId}/participants` } },
      // The job cafés with the ten-minute-walk finder's answer, a café's programs, and its study rooms' day.
      { page: { method: "GET", path: "/app/cafes?station=seongsu&minutes=10" }, api: { method: "GET", path: "/cafes/nearby?lat=37.5446&lon=127.0559" } },
      { page: { method: "GET", path: `/app/cafes/${cafeId}` }, api: { method: "GET", path: `/cafes/${cafeId}/programs` } },
      { page: { method: "GET", path: `/app/cafes/${cafeId}/rooms` }, api: { method: "GET", path: `/study-rooms/bookings?on=${today}` } },
      // 만족도 조사: the questionnaires, the demo's results of the year with its links, and the public answer page.
      { page: { method: "GET", path: "/app/surveys" } },
      {
        page: { method: "GET", path: `/app/surveys/${surveyId}` },
        api: { method: "GET", path: `/surveys/${surveyId}/scores?from=${yearStart}&to=${today}&by=counselor` }
      },
      { page: { method: "GET", path: `/app/s/${surveyToken}` } },
      // The last week's access records.
      { page: { method: "GET", path: "/app/admin" }, as: "manager" },
      // The analyst's districts compared, one in detail (the API's reports are rate-limited as expensive: no counterpart).
      { page: { method: "GET", path: "/app/analysis" }, as: "analyst" }
    ]
    // A page by its path (with the method when not GET), the ids in it named.
    const nameOf = (target: Target) =>
      `${target.method === "GET" ? "" : `${target.method} `}${target.path}`
        .replace(seekerId, ":seekerId").replace(openingId, ":openingId").replace(referralId, ":referralId").replace(fairId, ":fairId")
        .replace(outreachId, ":outreachId").replace(testId, ":testId")
        .replace(cafeId, ":cafeId")
        .replace(surveyToken, ":token").replace(surveyId, ":surveyId")
    const chosen = only === undefined ? cases : cases.filter((c) => only.includes(nameOf(c.page)))
    if (chosen.length === 0) throw new Error(`ILJARI_WEB_ONLY names no page; pages: ${cases.map((c) => nameOf(c.page)).join(", ")}`)

    const pages: Array<Record<string, unknown>> = []
    for (const c of chosen) {
      const counterpart = profileDir === undefined ? c.api : undefined
      const [pageSession, apiSessionOf] = sessionsOf[c.as ?? "counselor"]
      for (let i = 0; i < warmup; i++) {
        await hit(port, c.page, pageSession)
        if (counterpart !== undefined) await hit(port, counterpart, apiSessionOf)
      }
      const profiler = profileDir === undefined ? undefined : new Session()
      if (profiler !== undefined) {
        profiler.connect()
        await profiler.post("Profiler.enable")
        await profiler.post("Profiler.start")
      }
      const pageTimes: Array<number> = []
      const apiTimes: Array<number> = []
      let pageBytes = 0
      let apiBytes = 0
      while (pageTimes.length < requests) {
        for (let i = 0; i < block && pageTimes.length < requests; i++) {
          const answer = await hit(port, c.page, pageSession)
          pageTimes.push(answer.ms)
          pageBytes = Buffer.byteLength(answer.body)
        }
        if (counterpart === undefined) continue
        for (let i = 0; i < block && apiTimes.length < requests; i++) {
          const answer = await hit(port, counterpart, apiSessionOf)
          apiTimes.push(answer.ms)
          apiBytes = Buffer.byteLength(answer.body)
        }
      }
      if (profiler !== undefined) {
        const { profile } = await profiler.post("Profiler.stop")
        mkdirSync(profileDir!, { recursive: true })
        const slug = nameOf(c.page).replace(/^(POST )?\/app\/?/, "").replace(/[^a-z0-9]+/gi, "_") || "today"
        writeFileSync(join(profileDir!, `${slug}.cpuprofile`), JSON.stringify(profile))
        profiler.disconnect()
      }
      const p = summary(pageTimes)
      const a = apiTimes.length === 0 ? undefined : summary(apiTimes)
      pages.push({
        page: nameOf(c.page),
        ...p,
        bytes: pageBytes,
        ...(a === undefined ? { api: null } : {
          api: nameOf(counterpart!),
          apiP50: a.p50,
          apiP95: a.p95,
          apiMax: a.max,
          apiBytes,
          ratio: Number((p.p95 / a.p95).toFixed(1)),
          ratioP50: Number((p.p50 / a.p50).toFixed(1))
        })
      })
    }
    const maxP95 = Math.max(...pages.map((p) => p["p95"] as number))
    report({
      bench: "web",
      requests,
      warmup,
      scale,
      seedSeconds: server.seedSeconds,
      connections: sockets.size,
      ids: { seekerId, openingId, referralId, search: initials },
      pages,
      maxP95,
      over100ms: pages.filter((p) => (p["p95"] as number) >= 100).map((p) => p["page"])
    })
  } finally {
    agent.destroy()
    await server.close()
  }
}

await main()
process.exit(0)
