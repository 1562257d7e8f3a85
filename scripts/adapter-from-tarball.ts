/**
 * Runs the example adapter's test (examples/json-store) the way an integrator
 * would run their own: outside this workspace, against `@iljari/core` and
 * `@iljari/testing` as npm ships them.
 *
 * 1. builds both packages and packs them (`npm pack`) into a temporary directory;
 * 2. copies the adapter's `src/` and `test/` beside them, with a package.json
 *    that installs the two tarballs, effect, vitest and @effect/vitest, and a
 *    plain vitest config (no `@iljari/source` condition: the packages resolve
 *    to their built `dist/`, which the script checks);
 * 3. installs and runs `vitest run` there. The exit code is vitest's: the
 *    script fails when the suite fails.
 *
 * Usage: `npm run test:adapter-tarball` (`-- --keep` keeps the directory;
 * `-- --skip-build` packs the packages as they are built, as CI does after
 * `npm run check` has built them).
 */
import { execFileSync } from "node:child_process"
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const root = resolve(fileURLToPath(import.meta.url), "..", "..")
const example = join(root, "examples", "json-store")
const packages = ["@iljari/core", "@iljari/testing"]
const keep = process.argv.includes("--keep")
const skipBuild = process.argv.includes("--skip-build")

const step = (what: string) => console.log(`\nadapter-from-tarball: ${what}`)
const run = (command: string, args: ReadonlyArray<string>, cwd: string) => execFileSync(command, args, { cwd, stdio: "inherit" })
const versionOf = (name: string, from: string) =>
  (JSON.parse(readFileSync(join(from, "package.json"), "utf8")) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> })
    .devDependencies?.[name]

const work = mkdtempSync(join(tmpdir(), "iljari-adapter-"))
let failed = true
try {
  step(`${skipBuild ? "packing" : "building and packing"} ${packages.join(", ")}`)
  if (!skipBuild) run("npm", ["run", "build", ...packages.flatMap((p) => ["-w", p])], root)
  const tarballs = join(work, "tarballs")
  mkdirSync(tarballs)
  run("npm", ["pack", ...packages.flatMap((p) => ["-w", p]), "--pack-destination", tarballs], root)
  const tarball = (name: string) => {
    const file = readdirSync(tarballs).find((f) => f.startsWith(`${name.replace("@", "").replace("/", "-")}-`))
    if (file === undefined) throw new Error(`no tarball of ${name} in ${tarballs}`)
    return `file:${join(tarballs, file)}`
  }

  step(`copying the adapter to ${join(work, "adapter")}`)
  const app = join(work, "adapter")
  cpSync(join(example, "src"), join(app, "src"), { recursive: true })
  cpSync(join(example, "test"), join(app, "test"), { recursive: true })
  const pinned = (name: string) => versionOf(name, root) ?? versionOf(name, example)
  writeFileSync(join(app, "package.json"), JSON.stringify({
    name: "my-district-json-store",
    private: true,
    type: "module",
    dependencies: { "@iljari/core": tarball("@iljari/core"), effect: pinned("effect") },
    devDependencies: {
      "@iljari/testing": tarball("@iljari/testing"),
      "@effect/vitest": pinned("@effect/vitest"),
      vitest: pinned("vitest")
    },
    // @iljari/testing asks for @iljari/core ^0.0.0: the packed one, not the registry's.
    overrides: { "@iljari/core": "$@iljari/core" }
  }, null, 2))
  writeFileSync(join(app, "vitest.config.ts"), [
    `import { defineConfig } from "vitest/config"`,
    ``,
    `export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 } })`,
    ``
  ].join("\n"))

  step("installing the tarballs")
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], app)
  // The packages must be the packed ones, resolved to what they ship.
  for (const name of packages) {
    const resolved = execFileSync("node", ["--input-type=module", "-e", `console.log(import.meta.resolve(${JSON.stringify(name)}))`], {
      cwd: app,
      encoding: "utf8"
    }).trim()
    if (!resolved.includes(`/node_modules/${name}/dist/`)) throw new Error(`${name} resolves to ${resolved}, not its packed dist/`)
    console.log(`${name} → ${resolved}`)
  }

  step("running the storage suites on the adapter")
  run("npx", ["vitest", "run"], app)
  failed = false
} finally {
  if (keep || failed) console.log(`\nadapter-from-tarball: the directory is kept: ${work}`)
  else rmSync(work, { recursive: true, force: true })
  console.log(`adapter-from-tarball: ${failed ? "FAILED" : "passed"}`)
}
