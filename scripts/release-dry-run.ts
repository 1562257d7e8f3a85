/**
 * The release, rehearsed: on a copy of the repository's tracked files (this
 * tree is never touched), `changeset version` turns the pending changesets
 * into versions and changelogs, then `npm publish --dry-run` packs every
 * published package as the registry would receive it. Fails when a
 * package would publish without its built code, declarations, README or
 * LICENSE, when two published packages end on different versions (they are
 * released together: `fixed` in .changeset/config.json), or when an internal
 * dependency would still point at the old version.
 *
 * Usage: `npm run release:dry-run` (after `npm run build`; `--keep` keeps the copy).
 */
import { execFileSync } from "node:child_process"
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const root = resolve(fileURLToPath(import.meta.url), "..", "..")
const keep = process.argv.includes("--keep")

interface Manifest {
  readonly name: string
  readonly version: string
  readonly private?: boolean
  readonly dependencies?: Record<string, string>
}

interface Packed {
  readonly name: string
  readonly version: string
  readonly files: ReadonlyArray<{ readonly path: string }>
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest

// The tracked files as they are in the working tree, plus each package's build.
const copy = mkdtempSync(join(tmpdir(), "iljari-release-"))
const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean)
for (const file of tracked) {
  if (!existsSync(join(root, file))) continue
  mkdirSync(dirname(join(copy, file)), { recursive: true })
  cpSync(join(root, file), join(copy, file))
}
const packageDirs = readdirSync(join(root, "packages")).map((dir) => join("packages", dir))
const published = packageDirs.filter((dir) => readManifest(join(root, dir)).private !== true)
for (const dir of published) {
  if (!existsSync(join(root, dir, "dist", "index.js"))) throw new Error(`${dir} is not built: run npm run build first`)
  cpSync(join(root, dir, "dist"), join(copy, dir, "dist"), { recursive: true })
}

const problems: Array<string> = []
try {
  execFileSync(process.execPath, [join(root, "node_modules", "@changesets", "cli", "bin.js"), "version"], {
    cwd: copy,
    stdio: "pipe",
    // The copy is no git repository; changesets only needs git to commit, which is off.
    env: { ...process.env, NODE_PATH: join(root, "node_modules") }
  })

  const versions = new Map(published.map((dir) => [readManifest(join(copy, dir)).name, readManifest(join(copy, dir)).version]))
  if (new Set(versions.values()).size !== 1) {
    problems.push(`published packages end on different versions: ${[...versions].map(([n, v]) => `${n}@${v}`).join(", ")}`)
  }
  for (const dir of packageDirs) {
    const manifest = readManifest(join(copy, dir))
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      const version = versions.get(name)
      if (version !== undefined && !range.includes(version)) {
        problems.push(`${manifest.name} depends on ${name}@${range}, which is not the released ${version}`)
      }
    }
  }

  for (const dir of published) {
    const out = execFileSync("npm", ["publish", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: join(copy, dir),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"]
    })
    // npm 11 prints `{ "<name>": { …packed… } }`; older npm prints the packed object itself.
    const json = JSON.parse(out) as Packed | Record<string, Packed>
    const packed: Packed = "files" in json ? (json as Packed) : Object.values(json)[0]!
    const paths = new Set(packed.files.map((file) => file.path))
    const missing = ["dist/index.js", "dist/index.d.ts", "README.md", "LICENSE", "package.json"].filter((p) => !paths.has(p))
    if (missing.length > 0) problems.push(`${packed.name}@${packed.version} would publish without ${missing.join(", ")}`)
    if (!existsSync(join(copy, dir, "CHANGELOG.md"))) problems.push(`${packed.name}: changeset version wrote no CHANGELOG.md`)
    console.log(`${packed.name}@${packed.version}: ${packed.files.length} files would be published`)
  }
} finally {
  if (keep || problems.length > 0) console.log(`the rehearsal's copy: ${copy}`)
  else rmSync(copy, { recursive: true, force: true })
}

if (problems.length > 0) {
  console.error(problems.join("\n"))
  process.exit(1)
}
