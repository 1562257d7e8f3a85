/**
 * The packages the API reference covers: every workspace under `packages/`
 * whose `package.json` is not `"private": true` and that has a
 * `src/index.ts`. A package that becomes published is covered without a
 * change here.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export const root = resolve(fileURLToPath(import.meta.url), "..", "..", "..")

export interface Published {
  /** `@iljari/core` */
  readonly name: string
  /** the folder under `packages/`, e.g. `core` */
  readonly folder: string
  /** absolute path of the package */
  readonly dir: string
  /** absolute path of its `src/index.ts` */
  readonly entry: string
}

export const published: ReadonlyArray<Published> = readdirSync(join(root, "packages"))
  .sort()
  .flatMap((folder) => {
    const dir = join(root, "packages", folder)
    const manifestPath = join(dir, "package.json")
    const entry = join(dir, "src", "index.ts")
    if (!existsSync(manifestPath) || !existsSync(entry)) return []
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { name: string; private?: boolean }
    return manifest.private === true ? [] : [{ name: manifest.name, folder, dir, entry }]
  })
