/**
 * Renders the demo district's monthly report (March 2016) to HTML, XLSX and
 * CSV, and the HTML to a PNG with headless Chromium, so that a person can
 * look at what the renderers make:
 *
 *   node --import tsx scripts/render-report.ts [--out docs/images/report.png] [--lang ko|en] [--keep DIR]
 *
 * `--keep DIR` also writes report.html, report.xlsx and the CSV files to DIR.
 * Needs Debian's `chromium` package (`apt-get update && apt-get install -y
 * chromium`) and a Korean font (`fonts-nanum` or `fonts-noto-cjk`) for the
 * Korean text; it says so when either is missing. Chromium runs with a fresh
 * profile, no network services and no sandbox, on a local file.
 *
 * Not part of `npm test`.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

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
const option = (name: string, fallback?: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback
}
const out = resolve(root, option("out", "docs/images/report.png")!)
const language = option("lang", "ko") === "en" ? "en" : "ko"
const keep = option("keep")

const chromium = process.env["CHROMIUM"] ?? "/usr/bin/chromium"
if (!existsSync(chromium)) {
  console.error(
    [
      `Chromium is not installed (looked for ${chromium}; set CHROMIUM to use another binary).`,
      "Install Debian's package and a Korean font, then run this script again:",
      "",
      "  apt-get update && apt-get install -y chromium fonts-nanum",
      ""
    ].join("\n")
  )
  process.exit(2)
}
const fonts = (() => {
  try {
    return execFileSync("fc-list", [":lang=ko", "family"], { encoding: "utf8" }).trim()
  } catch {
    return ""
  }
})()
if (fonts === "") {
  console.warn("Warning: no font with Korean glyphs was found (fc-list :lang=ko); Korean text will show as boxes.")
  console.warn("Install one with: apt-get install -y fonts-nanum   (or fonts-noto-cjk)")
}

const { Effect } = await import("effect")
const { Csv, Html, Xlsx } = await import("../packages/report/src/index.js")
const Demo = await import("@iljari/test-support/report/demo")

const report = await Effect.runPromise(Demo.marchReport)
const html = await Effect.runPromise(Html.render(report, { language }))

// The page's height, estimated from its parts, so that one screenshot shows it all.
const svgHeights = [...html.matchAll(/<svg [^>]*height="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]))
const rows = report.tables.reduce((n, t) => n + t.rows.length + 1, 0)
const notes = report.tables.reduce((n, t) => n + (t.notes?.length ?? 0), 0)
const height = Math.min(16_000, Math.ceil(330 + svgHeights.reduce((a, b) => a + b + 14, 0) + rows * 27 + notes * 22 + report.tables.length * 80))

const work = mkdtempSync(join(tmpdir(), "iljari-report-"))
try {
  const page = join(work, "report.html")
  writeFileSync(page, html)
  if (keep !== undefined) {
    const dir = resolve(root, keep)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, "report.html"), html)
    writeFileSync(join(dir, "report.xlsx"), await Effect.runPromise(Xlsx.render(report, { language })))
    for (const file of Csv.files(report, { language })) writeFileSync(join(dir, file.name), file.content)
    console.log(`Wrote report.html, report.xlsx and ${report.tables.length} CSV files to ${dir}`)
  }
  mkdirSync(dirname(out), { recursive: true })
  const profile = join(work, "profile")
  mkdirSync(profile)
  const result = spawnSync(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-extensions",
      "--hide-scrollbars",
      "--force-device-scale-factor=1",
      `--user-data-dir=${profile}`,
      `--window-size=1200,${height}`,
      `--screenshot=${out}`,
      pathToFileURL(page).href
    ],
    { encoding: "utf8", timeout: 120_000 }
  )
  if (result.status !== 0 || !existsSync(out)) {
    console.error(`Chromium failed (exit ${result.status ?? result.signal}):\n${result.stderr}`)
    process.exit(1)
  }
  console.log(`Wrote ${out} (1200 × ${height}, ${Math.round(statSync(out).size / 1024)} KiB) from the ${language === "ko" ? "Korean" : "English"} report.`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
