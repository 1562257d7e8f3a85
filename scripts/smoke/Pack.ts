/**
 * `npm pack` of every published package into one directory: the tarballs an
 * integrator would download from the registry.
 */
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { run } from "./Process.js"
import type { Published } from "./Workspace.js"

export interface Tarball {
  readonly name: string
  readonly file: string
}

export const pack = async (root: string, packages: ReadonlyArray<Published>, into: string): Promise<ReadonlyArray<Tarball>> => {
  mkdirSync(into, { recursive: true })
  const args = ["pack", "--json", "--pack-destination", into, ...packages.flatMap(({ name }) => ["-w", name])]
  const outcome = await run("npm", args, { cwd: root, timeoutMs: 120_000 })
  if (outcome.code !== 0) throw new Error(`npm pack failed:\n${outcome.output}`)
  const json = outcome.output.slice(outcome.output.indexOf("["))
  const packed = JSON.parse(json) as ReadonlyArray<{ readonly name: string; readonly filename: string }>
  return packed.map(({ name, filename }) => ({ name, file: join(into, filename) }))
}
