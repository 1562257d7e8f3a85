/**
 * `npm start` runs the example server from the sources with tsx, which reads
 * the server's tsconfig and not this package's: a TSX module renders there
 * only if it names its JSX runtime itself. Without the pragma the page dies
 * with "React is not defined" at `npm start`, while vitest (which does read
 * this package's config) passes.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "vitest"

const src = join(import.meta.dirname, "..", "src")

const tsxUnder = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsxUnder(join(dir, entry.name)) : entry.name.endsWith(".tsx") ? [join(dir, entry.name)] : []
  )

describe("the web package's TSX modules", () => {
  it("each names Preact's automatic JSX runtime, as tsx needs to render it", () => {
    const files = tsxUnder(src)
    expect(files.length).toBeGreaterThan(20)
    const without = files.filter((file) => {
      const head = readFileSync(file, "utf8").split("\n").slice(0, 2)
      return head[0] !== "/** @jsxRuntime automatic */" || head[1] !== "/** @jsxImportSource preact */"
    })
    expect(without.map((file) => relative(src, file))).toEqual([])
  })
})
