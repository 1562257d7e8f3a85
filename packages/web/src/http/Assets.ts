/**
 * The app's static files, served from its own dependencies so that it works
 * on a closed office network: KRDS's stylesheets, icons and Pretendard GOV
 * fonts, htmx, and the app's own stylesheet. Each file is read once.
 */
import { HttpServerResponse } from "@effect/platform"
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, extname, join, normalize, sep } from "node:path"

const require = createRequire(import.meta.url)
const krds = join(dirname(require.resolve("krds-uiux/package.json")), "resources")
const htmx = require.resolve("htmx.org/dist/htmx.min.js")
// The package's own folder, found by name from the sources and from dist alike.
const own = join(dirname(require.resolve("@iljari/web/package.json")), "assets")

const types: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff"
}

// Only these folders of KRDS are served; a path that climbs out is not found.
const krdsFolders = ["css", "img", "fonts"]

const fileOf = (path: string): string | undefined => {
  if (path === "htmx.min.js") return htmx
  if (path === "app.css" || path === "app.js") return join(own, path)
  if (!path.startsWith("krds/")) return undefined
  const inside = normalize(path.slice("krds/".length))
  if (inside.startsWith("..") || !krdsFolders.includes(inside.split(sep)[0] ?? "")) return undefined
  return join(krds, inside)
}

const cache = new Map<string, Uint8Array | null>()

const read = (file: string): Uint8Array | null => {
  let body = cache.get(file)
  if (body === undefined) {
    try {
      body = readFileSync(file)
    } catch {
      body = null
    }
    cache.set(file, body)
  }
  return body
}

/** The asset at `path` (relative to the assets folder), or a 404. */
export const asset = (path: string) => {
  const file = fileOf(path)
  const type = file === undefined ? undefined : types[extname(file)]
  const body = file === undefined || type === undefined ? null : read(file)
  return body === null
    ? HttpServerResponse.text("Not found", { status: 404 })
    : HttpServerResponse.uint8Array(body, {
      contentType: type!,
      headers: { "cache-control": "public, max-age=3600", "x-content-type-options": "nosniff" }
    })
}
