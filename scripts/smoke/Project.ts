/**
 * The throwaway integrator's project, outside the workspace: the tarballs, the
 * peers they need at the versions the workspace uses, what the examples import,
 * TypeScript and tsx, and a strict tsconfig.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { builtinModules } from "node:module"
import { join } from "node:path"
import type { Tarball } from "./Pack.js"
import { run } from "./Process.js"
import { installedVersion, root } from "./Workspace.js"

/** The strict options an integrator's project may well have. */
export const compilerOptions = {
  target: "ES2022",
  lib: ["ES2022"],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  moduleDetection: "force",
  types: ["node"],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true
}

/** The package a specifier names: "@effect/sql/SqlClient" → "@effect/sql". */
export const packageOf = (specifier: string): string | undefined => {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return undefined
  const parts = specifier.split("/")
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!
  return builtinModules.includes(name) ? undefined : name
}

const peersOf = (name: string): ReadonlyArray<string> => {
  const file = join(root, "node_modules", name, "package.json")
  if (!existsSync(file)) return []
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { readonly peerDependencies?: Record<string, string> }
  return Object.keys(manifest.peerDependencies ?? {})
}

/**
 * The third-party packages to install: the tarballs' peers and what the
 * examples import, each with its own peers, at the workspace's versions, with
 * their `@types` when the workspace has them.
 */
export const thirdParty = (
  tarballs: ReadonlyArray<Tarball>,
  peers: ReadonlyArray<string>,
  imported: ReadonlyArray<string>
): { readonly versions: Record<string, string>; readonly missing: ReadonlyArray<string> } => {
  const ours = new Set(tarballs.map(({ name }) => name))
  const versions: Record<string, string> = {}
  const missing: Array<string> = []
  const queue = [...peers, ...imported, "typescript", "tsx", "@types/node"]
  while (queue.length > 0) {
    const name = queue.shift()!
    if (ours.has(name) || name in versions || missing.includes(name)) continue
    if (name.startsWith("@iljari/")) {
      // A private workspace package: no registry has it (tsc names the example's line).
      missing.push(name)
      continue
    }
    const version = installedVersion(name)
    if (version === undefined) {
      // An optional peer the workspace lacks, or a typo in a document.
      missing.push(name)
      continue
    }
    versions[name] = version
    queue.push(...peersOf(name))
    const types = `@types/${name.replace(/^@/, "").replace("/", "__")}`
    if (!name.startsWith("@types/") && installedVersion(types) !== undefined) queue.push(types)
  }
  return { versions, missing }
}

/**
 * Native modules the workspace has already compiled (better-sqlite3 compiles
 * from source here when no prebuilt binary can be downloaded: over a minute),
 * installed from the workspace's copy, the same version, instead.
 */
const compiled = (): Record<string, string> => {
  const overrides: Record<string, string> = {}
  for (const [name, binary] of [["better-sqlite3", "build/Release/better_sqlite3.node"]] as const) {
    if (existsSync(join(root, "node_modules", name, binary))) overrides[name] = `file:${join(root, "node_modules", name)}`
  }
  return overrides
}

export const create = async (
  dir: string,
  tarballs: ReadonlyArray<Tarball>,
  versions: Record<string, string>
): Promise<void> => {
  mkdirSync(dir, { recursive: true })
  const dependencies: Record<string, string> = { ...versions }
  for (const { name, file } of tarballs) dependencies[name] = `file:${file}`
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "iljari-smoke", private: true, type: "module", dependencies, overrides: compiled() }, null, 2)
  )
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions, include: ["examples/**/*.ts"] }, null, 2)
  )
  const outcome = await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], {
    cwd: dir,
    timeoutMs: 600_000
  })
  if (outcome.code !== 0) throw new Error(`npm install in ${dir} failed:\n${outcome.output}`)
}
