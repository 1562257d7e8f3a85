/**
 * What the smoke test reads from the monorepo: its published packages, the
 * versions of third-party packages it uses, and the documents whose examples
 * are checked.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export const root = resolve(fileURLToPath(import.meta.url), "..", "..", "..")

interface Manifest {
  readonly name: string
  readonly version: string
  readonly private?: boolean
  readonly peerDependencies?: Record<string, string>
  readonly peerDependenciesMeta?: Record<string, { readonly optional?: boolean }>
}

export interface Published {
  readonly name: string
  readonly dir: string
  readonly peers: ReadonlyArray<string>
}

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest

/** Every `packages/*` whose package.json is not private. */
export const published = (): ReadonlyArray<Published> =>
  readdirSync(join(root, "packages"))
    .map((name) => join(root, "packages", name))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, manifest: manifest(dir) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, peers: Object.keys(manifest.peerDependencies ?? {}) }))

/** The version of a package installed in the workspace (hoisted at the root), if any. */
export const installedVersion = (name: string): string | undefined => {
  const file = join(root, "node_modules", name, "package.json")
  return existsSync(file) ? manifest(dirnameOf(file)).version : undefined
}

const dirnameOf = (file: string) => resolve(file, "..")

/** The documents whose examples are checked: README.md, docs/*.md, packages/*\/README.md. */
export const documents = (): ReadonlyArray<string> => [
  "README.md",
  ...readdirSync(join(root, "docs")).filter((name) => name.endsWith(".md")).sort().map((name) => `docs/${name}`),
  ...readdirSync(join(root, "packages"))
    .sort()
    .map((name) => `packages/${name}/README.md`)
    .filter((path) => existsSync(join(root, path)))
]

export const fromRoot = (path: string) => relative(root, path)
