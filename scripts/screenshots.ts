/**
 * Screenshots of the staff web app, so that a person can look at what the
 * pages make: starts the example server over a fresh SQLite file with the
 * demo district (the browser tests' harness, examples/server/test/web/browser.ts),
 * signs in as a demo counselor in headless Chromium, and writes a PNG of each
 * page below at desktop (1280 × 900) and phone (360 × 780, `-mobile`) sizes:
 *
 *   npm run screenshots [-- --out docs/images/web] [--scale 0.05]
 *
 * Each shot is the whole page, not only the first screen. Needs Debian's
 * `chromium` package (`apt-get update && apt-get install -y chromium`, or
 * CHROMIUM_PATH); the Korean text uses the Pretendard GOV fonts the app
 * serves itself. Not part of `npm test`.
 */
import { spawnSync } from "node:child_process"
import { mkdirSync, statSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"

/** The pages to shoot, in order: `signedIn: false` ones before signing in. */
const pages = [
  { path: "/app/sign-in", file: "sign-in", title: "로그인", signedIn: false },
  { path: "/app/", file: "today", title: "오늘 할 일", signedIn: true }
] as const

/** Who signs in: a counselor of the demo district (성동구). */
const login = "seongdong-counselor-01"

const sizes = [
  { suffix: "", viewport: { width: 1280, height: 900 }, isMobile: false },
  { suffix: "-mobile", viewport: { width: 360, height: 780 }, isMobile: true }
] as const

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, "..")

// Workspace packages resolve to their sources under the @iljari/source condition;
// without it they would resolve to dist/. Re-run with the condition when it is missing.
const condition = "--conditions=@iljari/source"
if (!process.execArgv.includes(condition) && !(process.env["NODE_OPTIONS"] ?? "").includes("@iljari/source")) {
  const result = spawnSync(process.execPath, [...process.execArgv, condition, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit"
  })
  process.exit(result.status ?? 1)
}

const args = process.argv.slice(2)
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback
}
const out = resolve(root, option("out", "docs/images/web"))
const scale = Number(option("scale", "0.05"))

const { findChromium, launchChromium, signInAs, startServer } = await import("../examples/server/test/web/browser.js")

const chromium = findChromium()
if (chromium._tag === "Unavailable") {
  console.error(
    [
      `Chromium is not available: ${chromium.reason}.`,
      "Install Debian's package (or set CHROMIUM_PATH), then run this script again:",
      "",
      "  apt-get update && apt-get install -y chromium",
      ""
    ].join("\n")
  )
  process.exit(2)
}

mkdirSync(out, { recursive: true })
const server = await startServer({ scale })
const browser = await launchChromium()
let failed = false
try {
  for (const size of sizes) {
    const context = await browser.newContext({
      viewport: size.viewport,
      deviceScaleFactor: 1,
      isMobile: size.isMobile,
      hasTouch: size.isMobile,
      locale: "ko-KR"
    })
    const page = await context.newPage()
    let signedIn = false
    for (const shot of pages) {
      if (shot.signedIn && !signedIn) {
        await signInAs(page, server.base, login)
        signedIn = true
      }
      const response = await page.goto(`${server.base}${shot.path}`)
      await page.evaluate(() => document.fonts.ready.then(() => undefined))
      const title = await page.title()
      // A page that sent the browser elsewhere (to sign in, or a refusal) is not the page asked for.
      if (!title.includes(shot.title)) {
        console.error(`${shot.path}: expected a page titled "${shot.title}", got "${title}" (HTTP ${response?.status()}, at ${page.url()})`)
        failed = true
      }
      const file = join(out, `${shot.file}${size.suffix}.png`)
      await page.screenshot({ path: file, fullPage: true })
      const { width, height } = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight
      }))
      const overflow = width > size.viewport.width ? ` — wider than the screen (${width} px): it scrolls sideways` : ""
      console.log(`Wrote ${relative(root, file)} (${size.viewport.width} × ${height}, ${Math.round(statSync(file).size / 1024)} KiB)${overflow}`)
    }
    await context.close()
  }
} finally {
  await browser.close()
  await server.close()
}
process.exit(failed ? 1 : 0)
