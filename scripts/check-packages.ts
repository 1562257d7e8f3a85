/**
 * Checks every published package as npm will ship it (run after `npm run build`):
 *
 * - `publint --strict` and `@arethetypeswrong/cli` (ESM only: the packages
 *   ship no CommonJS) on the packed tarball;
 * - every value the built JavaScript exports is a value in the published
 *   declarations too: a program naming each runtime export, namespace member
 *   by namespace member, must type-check against `dist/*.d.ts`. (A bundled
 *   `.d.ts` once exported 106 of them as types only, and nothing inside the
 *   monorepo noticed, because it always resolves to the sources.)
 *
 * Usage: `npm run check:packages` (builds first).
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const root = resolve(fileURLToPath(import.meta.url), "..", "..")

interface Manifest {
  readonly name: string
  readonly private?: boolean
}

const published = readdirSync(join(root, "packages"))
  .map((dir) => join(root, "packages", dir))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest }))
  .filter(({ manifest }) => manifest.private !== true)

const run = (command: string, args: ReadonlyArray<string>): string | undefined => {
  try {
    execFileSync(command, args, { cwd: root, stdio: "pipe", encoding: "utf8" })
    return undefined
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string }
    return `${stdout}${stderr}`.trim()
  }
}

// An identifier TypeScript accepts after a dot, else the key as an index.
const member = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)

const scratch = join(root, "build", "check-packages")
rmSync(scratch, { recursive: true, force: true })
mkdirSync(scratch, { recursive: true })

/**
 * Every package's runtime exports, namespaces expanded one level (every
 * package's index re-exports its modules as namespaces), by package name.
 *
 * They are read inside a throwaway Vitest run, not by importing here:
 * `@iljari/testing` imports Vitest, which refuses to load outside its runner.
 */
const runtimeExports = (): Record<string, ReadonlyArray<string>> => {
  const entries = Object.fromEntries(
    published.map(({ dir, manifest }) => [manifest.name, pathToFileURL(join(dir, "dist", "index.js")).href])
  )
  const out = join(scratch, "exports.json")
  writeFileSync(
    join(scratch, "exports.test.mjs"),
    `import { writeFileSync } from "node:fs"
import { test } from "vitest"

// The bundle builds each \`export * as\` namespace as a plain object.
const isNamespace = (value) =>
  typeof value === "object" && value !== null && [null, Object.prototype].includes(Object.getPrototypeOf(value))

test("reads the runtime exports", async () => {
  const exports = {}
  for (const [name, url] of Object.entries(${JSON.stringify(entries)})) {
    const module = await import(url)
    exports[name] = Object.entries(module)
      .filter(([key]) => key !== "default")
      .map(([key, value]) => [key, isNamespace(value) ? Object.keys(value) : null])
  }
  writeFileSync(${JSON.stringify(out)}, JSON.stringify(exports))
})
`
  )
  writeFileSync(join(scratch, "vitest.config.mjs"), `export default { test: { include: ["exports.test.mjs"], testTimeout: 300_000 } }\n`)
  const failed = run("npx", ["vitest", "run", "--root", scratch, "--config", join(scratch, "vitest.config.mjs")])
  if (failed !== undefined) throw new Error(`reading the packages' runtime exports failed\n${failed}`)
  const read = JSON.parse(readFileSync(out, "utf8")) as Record<string, ReadonlyArray<[string, ReadonlyArray<string> | null]>>
  return Object.fromEntries(
    Object.entries(read).map(([name, keys]) => [
      name,
      keys.flatMap(([key, inner]) =>
        inner === null ? [`P${member(key)}`] : inner.map((field) => `P${member(key)}${member(field)}`)
      )
    ])
  )
}

const exportsByPackage = runtimeExports()

const problems: Array<string> = []
for (const { dir, manifest } of published) {
  const lint = run("npx", ["publint", dir, "--strict"])
  if (lint !== undefined) problems.push(`${manifest.name}: publint\n${lint}`)
  const types = run("npx", ["attw", "--pack", dir, "--profile", "esm-only"])
  if (types !== undefined) problems.push(`${manifest.name}: arethetypeswrong\n${types}`)

  const values = exportsByPackage[manifest.name] ?? []
  if (values.length === 0) problems.push(`${manifest.name}: dist/index.js exports nothing`)
  const file = join(scratch, `${manifest.name.replace(/\W+/g, "_")}.ts`)
  writeFileSync(
    file,
    `import * as P from ${JSON.stringify(manifest.name)}\n\nexport const values: ReadonlyArray<unknown> = [\n${values
      .map((path) => `  ${path}`)
      .join(",\n")}\n]\n`
  )
  // Resolved as an integrator resolves it: through `exports` → `types`, not the sources.
  const check = run("npx", [
    "tsc", "--noEmit", "--strict", "--skipLibCheck",
    "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022",
    "--types", "node", file
  ])
  if (check !== undefined) problems.push(`${manifest.name}: runtime exports missing as values in the declarations\n${check}`)
  else console.log(`${manifest.name}: publint, attw and ${values.length} runtime exports as values — ok`)
}

if (problems.length > 0) {
  console.error(problems.join("\n\n"))
  process.exit(1)
}
