/**
 * The browser test harness: the real example server over a real SQLite file,
 * driven by a real Chromium (Debian's `chromium`, through `playwright-core`),
 * with axe-core for accessibility. Plain async functions, for vitest's
 * `beforeAll`/`afterAll` and `scripts/screenshots.ts` alike.
 *
 * A suite wraps itself in `describeBrowser` (./describeBrowser.ts, apart
 * because it needs vitest's runner and this file serves scripts too).
 */
import { HttpServer } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Repositories } from "@iljari/core"
import { ReportSourceSql, StoreSql } from "@iljari/store-sql"
import { Context, Effect, Exit, Layer, Logger, LogLevel, Scope } from "effect"
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createServer } from "node:http"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Browser, chromium, type Locator, type Page } from "playwright-core"
import { demoPassword } from "../../src/DemoAccess.js"
import { seedDemo } from "../../src/Seed.js"
import { RequestLogSink } from "../../src/RequestLog.js"
import { serverWith } from "../server.js"

// ---------------------------------------------------------------------------
// Chromium

/** The Chromium binary the harness drives: `CHROMIUM_PATH`, else Debian's. */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string => env["CHROMIUM_PATH"] || "/usr/bin/chromium"

export type ChromiumAvailability =
  | { readonly _tag: "Available"; readonly path: string }
  | { readonly _tag: "Unavailable"; readonly reason: string }

/** Whether there is a Chromium to run (an executable file at `chromiumPath`). */
export const findChromium = (env: NodeJS.ProcessEnv = process.env): ChromiumAvailability => {
  const path = chromiumPath(env)
  try {
    accessSync(path, constants.X_OK)
    return { _tag: "Available", path }
  } catch {
    return {
      _tag: "Unavailable",
      reason: `no executable Chromium at ${path}${env["CHROMIUM_PATH"] ? " (CHROMIUM_PATH)" : ""}`
    }
  }
}

/**
 * Flags for Chromium on this network: as root it needs `--no-sandbox`, and
 * without the network flags it keeps trying to reach Google's hosts (updates,
 * sync, field trials), which a closed office network refuses.
 */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
] as const

/** Starts a headless Chromium (`CHROMIUM_PATH`, else /usr/bin/chromium). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...chromiumArgs] })

// ---------------------------------------------------------------------------
// The server

export interface RunningServer {
  /** Where it listens, such as `http://127.0.0.1:41234` (no trailing slash). */
  readonly base: string
  /** The SQLite file it stores in (deleted by `close`). */
  readonly filename: string
  /** Stops the server and deletes its database. */
  readonly close: () => Promise<void>
}

/**
 * The real example server as `npm start` builds it — the API, the web app at
 * `/app/`, the demo's staff accounts (cheaper Argon2id parameters), the
 * reports counted by `ReportSourceSql` — over a migrated SQLite file in a
 * temporary directory with the demo district seeded at `scale`, listening on
 * a free loopback port. Logs below `logLevel` (by default: warnings, so the
 * request log stays quiet and a page's fault still shows) are dropped.
 */
export const startServer = async (options: {
  readonly scale?: number
  readonly logLevel?: LogLevel.LogLevel
  /** When given, every log line (the request log included, at `Info`) is kept here instead of printed. */
  readonly logs?: Array<string>
} = {}): Promise<RunningServer> => {
  const dir = mkdtempSync(join(tmpdir(), "iljari-web-"))
  const filename = join(dir, "iljari.db")
  const remove = () => rmSync(dir, { recursive: true, force: true })
  let address: HttpServer.Address | undefined
  const http = NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" }).pipe(
    Layer.tap((context) => Effect.sync(() => (address = Context.get(context, HttpServer.HttpServer).address)))
  )
  const storage = Layer.effectDiscard(seedDemo(options.scale ?? 0.05)).pipe(
    Layer.provideMerge(ReportSourceSql.layer),
    Layer.provideMerge(
      StoreSql.layerWithMigrations.pipe(
        Layer.provideMerge(SqliteClient.layer({ filename })),
        Layer.merge(Repositories.IdGenerator.layerRandom)
      )
    )
  )
  const logs = options.logs
  const logging = logs === undefined
    ? Logger.minimumLogLevel(options.logLevel ?? LogLevel.Warning)
    : Layer.mergeAll(
      Logger.replace(Logger.defaultLogger, Logger.map(Logger.logfmtLogger, (line) => void logs.push(line))),
      Logger.minimumLogLevel(options.logLevel ?? LogLevel.Info),
      // The request log, one line per request, read as the server writes it.
      Layer.succeed(RequestLogSink, { line: (line) => void logs.push(line), failure: (text) => void logs.push(text) })
    )
  const server = serverWith({ storage, http }).pipe(Layer.provide(logging))
  const scope = Effect.runSync(Scope.make())
  try {
    await Effect.runPromise(Layer.buildWithScope(server, scope))
  } catch (error) {
    await Effect.runPromise(Scope.close(scope, Exit.void))
    remove()
    throw error
  }
  if (address === undefined || address._tag !== "TcpAddress") throw new Error(`the server listens on no TCP port: ${JSON.stringify(address)}`)
  return {
    base: `http://127.0.0.1:${address.port}`,
    filename,
    close: async () => {
      try {
        await Effect.runPromise(Scope.close(scope, Exit.void))
      } finally {
        remove()
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Pages

/**
 * Signs a demo staff member in through the sign-in page, as a person does:
 * opens `/` (which sends a browser to the sign-in page), fills 아이디 and
 * 비밀번호, presses 로그인 and waits for the page it lands on.
 */
export const signInAs = async (page: Page, base: string, login: string, password: string = demoPassword): Promise<void> => {
  await page.goto(`${base}/`)
  await fillSignIn(page, login, password)
}

/** Fills and submits the sign-in form the page shows, and waits for the next page. */
export const fillSignIn = async (page: Page, login: string, password: string = demoPassword): Promise<void> => {
  await page.getByLabel("아이디", { exact: true }).fill(login)
  await page.getByLabel("비밀번호", { exact: true }).fill(password)
  await submitAndWait(page, page.getByRole("button", { name: "로그인", exact: true }))
}

/**
 * Clicks a button that submits a form and waits until the page it leads to
 * (after any redirects) has loaded — also when that page has the same URL,
 * as a refused sign-in does.
 */
export const submitAndWait = async (page: Page, button: Locator): Promise<void> => {
  const navigated = page.waitForEvent("framenavigated", { predicate: (frame) => frame === page.mainFrame() })
  await button.click()
  await navigated
  await page.waitForLoadState("load")
}

/** A table's body as a person reads it: each row's cells (its header cell too), their text trimmed. */
export const tableRows = (page: Page, name: string | RegExp): Promise<ReadonlyArray<ReadonlyArray<string>>> =>
  page.getByRole("table", { name }).locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => (cell.textContent ?? "").trim()))
  )

/**
 * What went wrong in the page's console and network while a test ran: errors
 * (a script that failed, a Content-Security-Policy refusal) and failed
 * requests (an asset not found). A page should end a test with none.
 */
export const watchProblems = (page: Page): { readonly problems: () => ReadonlyArray<string> } => {
  const problems: Array<string> = []
  page.on("console", (message) => {
    if (message.type() !== "error") return
    // Chromium's "Failed to load resource" repeats a response's status, which the
    // listener below reports with its URL (or leaves to the test, for a page).
    if (message.text().startsWith("Failed to load resource")) return
    const where = message.location().url
    problems.push(`console: ${message.text()}${where === "" ? "" : ` (${where})`}`)
  })
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`))
  // A download ends its request as "aborted" (the browser saves it instead of showing it): not a problem.
  const downloads = new Set<string>()
  page.on("download", (download) => downloads.add(download.url()))
  // A request the page made (htmx loading findings, say) is aborted when the
  // person goes to another page before it answers: nothing failed for them.
  let documents = 0
  const startedAt = new WeakMap<object, number>()
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) documents++
    else startedAt.set(request, documents)
  })
  const leftBehind = (request: { readonly resourceType: () => string }, error: string | undefined) =>
    error === "net::ERR_ABORTED" && ["xhr", "fetch"].includes(request.resourceType()) &&
    (startedAt.get(request) ?? documents) < documents
  const failed: Array<{ readonly url: string; readonly error: string | undefined }> = []
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText
    if (!leftBehind(request, error)) failed.push({ url: request.url(), error })
  })
  page.on("response", (response) => {
    // Chromium asks every site for /favicon.ico; the app has none yet (its pages name no icon).
    if (new URL(response.url()).pathname === "/favicon.ico") return
    // A 4xx page itself is the test's business; an asset that is missing is a problem.
    if (response.status() >= 400 && response.request().resourceType() !== "document") {
      problems.push(`HTTP ${response.status()}: ${response.url()}`)
    }
  })
  return {
    problems: () => [
      ...problems,
      ...failed.filter((f) => !(f.error === "net::ERR_ABORTED" && downloads.has(f.url))).map((f) => `request failed: ${f.url} (${f.error})`)
    ]
  }
}

// ---------------------------------------------------------------------------
// Accessibility

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8")

/** The rule sets checked: WCAG 2.0 and 2.1 A and AA (what KWCAG 2.2 follows), and axe's best practices. */
export const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] as const

interface AxeViolation {
  readonly id: string
  readonly impact?: string | null
  readonly help: string
  readonly helpUrl: string
  readonly nodes: ReadonlyArray<{ readonly target: ReadonlyArray<unknown>; readonly failureSummary?: string }>
}

/**
 * The page's serious and critical accessibility violations by axe-core, one
 * readable line each — rule id, impact, what to do, and the elements that
 * fail — so that `expect(await checkAccessibility(page)).toEqual([])` says
 * what to fix when it fails.
 *
 * axe is evaluated through the DevTools protocol (`page.evaluate`), which the
 * page's Content-Security-Policy does not govern. `page.addScriptTag({ path })`
 * would insert an inline `<script>`, which the app's `script-src 'self'`
 * refuses; the harness keeps the policy in force (no `bypassCSP`) so that the
 * tests see the page as a person's browser does, CSP refusals included.
 */
export const checkAccessibility = async (
  page: Page,
  options: { readonly include?: string; readonly disable?: ReadonlyArray<string> } = {}
): Promise<Array<string>> => {
  const present = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === "object")
  if (!present) await page.evaluate(axeSource)
  const violations = await page.evaluate(
    async ({ tags, include, disable }) => {
      const axe = (globalThis as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<AxeViolation> }> }
      }).axe
      const result = await axe.run(include ?? document, {
        runOnly: { type: "tag", values: tags },
        rules: Object.fromEntries(disable.map((id) => [id, { enabled: false }])),
        resultTypes: ["violations"],
        // axe's preload copies the stylesheets into inline <style> elements, which the
        // page's CSP (style-src 'self') refuses; only experimental rules read them.
        preload: false
      })
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary ?? "" }))
      }))
    },
    { tags: [...axeTags], include: options.include, disable: [...(options.disable ?? [])] }
  )
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => formatViolation(v))
}

// axe's summary of why a node fails: "Fix all of the following:" (each one
// matters) and "Fix any of the following:" (one would do; the first is shown).
const reasons = (summary: string): Array<string> => {
  const out: Array<string> = []
  let mode: "all" | "any" | undefined
  let anyShown = false
  for (const raw of summary.split("\n")) {
    const line = raw.trim()
    if (line === "") continue
    const header = /^Fix (all|any) of the following:$/.exec(line)
    if (header !== null) {
      mode = header[1] as "all" | "any"
      anyShown = false
    } else if (mode !== "any" || !anyShown) {
      out.push(line)
      anyShown = mode === "any"
    }
  }
  return out
}

const formatViolation = (v: AxeViolation): string => {
  const shown = v.nodes.slice(0, 5).map((n) => {
    const why = reasons(n.failureSummary ?? "")
    return `    ${n.target.map(String).join(" ")}${why.length === 0 ? "" : ` — ${why.join("; ")}`}`
  })
  const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : []
  return [`${v.id} (${v.impact}): ${v.help} [${v.helpUrl.replace(/\?.*$/, "")}]`, ...shown, ...more].join("\n")
}
