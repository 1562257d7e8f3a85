/**
 * `npm run smoke`: the documents' examples against the packages as npm ships
 * them.
 *
 * 1. `npm run build` (unless `--skip-build`);
 * 2. `npm pack` of every published package into a temporary directory;
 * 3. a throwaway project in the system's temporary directory, outside the
 *    workspace, with the tarballs, their peers at the workspace's versions,
 *    TypeScript, tsx and a strict tsconfig;
 * 4. every ```ts block of README.md, docs/*.md and packages/*\/README.md
 *    type-checked there with tsc and run with tsx (see Markdown.ts for the
 *    markers a block may carry);
 * 5. every curl of the shell blocks of the same documents run against the demo
 *    server, started on a free port in 4900–4999 with a fresh database.
 *
 * Every failure names its document and line; any failure exits 1.
 * Options: `--skip-build`, `--only=ts` or `--only=curl`, `--keep` (keep the
 * temporary directories and print where they are), `--reuse=<project>` (check
 * the examples in a project an earlier `--keep` run installed: no build, pack
 * or install, for editing documents quickly).
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Curl from "./CurlExamples.js"
import * as DemoServer from "./DemoServer.js"
import type { Failure } from "./Failure.js"
import { format } from "./Failure.js"
import { blocks } from "./Markdown.js"
import { pack } from "./Pack.js"
import { cleanUp, run } from "./Process.js"
import * as Project from "./Project.js"
import * as TypeScript from "./TypeScriptExamples.js"
import { documents, published, root } from "./Workspace.js"

const args = process.argv.slice(2)
const skipBuild = args.includes("--skip-build")
const keep = args.includes("--keep")
const reuse = args.find((arg) => arg.startsWith("--reuse="))?.slice("--reuse=".length)
const only = args.find((arg) => arg.startsWith("--only="))?.slice("--only=".length)
const started = Date.now()

const step = (message: string) => console.log(`[smoke ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`)

const work = mkdtempSync(join(tmpdir(), "iljari-smoke-"))
const docs = documents().map((doc) => ({ doc, blocks: blocks(root, doc) }))

interface Part {
  readonly summary: string
  readonly failures: ReadonlyArray<Failure>
}

const install = async (project: string, programs: ReadonlyArray<TypeScript.Program>, failures: Array<Failure>) => {
  const packages = published()
  step(`packing ${packages.map(({ name }) => name).join(", ")}`)
  const tarballs = await pack(root, packages, join(work, "tarballs"))
  const imported = TypeScript.imports(programs).flatMap((s) => Project.packageOf(s) ?? [])
  const { versions, missing } = Project.thirdParty(tarballs, packages.flatMap(({ peers }) => peers), imported)
  for (const name of missing.filter((name) => imported.includes(name))) {
    failures.push({ doc: "(examples)", line: 0, summary: `an example imports ${name}, which is neither published nor installed in the workspace` })
  }
  step(`installing ${tarballs.length} tarballs and ${Object.keys(versions).length} other packages in ${project}`)
  await Project.create(project, tarballs, versions)
}

const typeScriptPart = async (): Promise<Part> => {
  const collected = docs.map(({ blocks }) => TypeScript.collect(blocks))
  const programs = collected.flatMap((c) => c.programs)
  const blockCount = collected.reduce((n, c) => n + c.blocks, 0)
  const fragments = collected.reduce((n, c) => n + c.fragments, 0)
  const failures: Array<Failure> = collected.flatMap((c) => c.failures)

  const project = reuse ?? join(work, "project")
  if (reuse === undefined) await install(project, programs, failures)

  TypeScript.write(project, programs)
  step(`type-checking ${programs.length} programs from ${blockCount} TypeScript blocks (${fragments} fragments)`)
  const checked = await TypeScript.typeCheck(project, programs)
  failures.push(...checked.failures)
  const runnable = programs.filter((p) => p.run && !checked.failed.has(p.name))
  step(`running ${runnable.length} programs with tsx`)
  const ran = await TypeScript.runAll(project, runnable, 60_000)
  failures.push(...ran.failures)
  const notRun = programs.filter((p) => !p.run).length
  return {
    summary: `${blockCount} TypeScript blocks: ${fragments} fragments, ${programs.length} programs type-checked, ${ran.ran} run (${notRun} marked no-run, ${programs.length - notRun - ran.ran} not run for type errors)`,
    failures
  }
}

const curlPart = async (): Promise<Part> => {
  const scripts = docs.flatMap(({ doc, blocks }) => Curl.collect(doc, blocks) ?? [])
  const commands = scripts.reduce((n, s) => n + s.calls.length, 0)
  if (scripts.length === 0) return { summary: "no curl examples", failures: [] }
  step(`starting the demo server for ${commands} curl commands in ${scripts.map((s) => s.doc).join(", ")}`)
  const dataDir = join(work, "server")
  await import("node:fs").then((fs) => fs.mkdirSync(dataDir, { recursive: true }))
  const server = await DemoServer.start(dataDir)
  step(`demo server at ${server.base}`)
  try {
    const failures: Array<Failure> = []
    let calls = 0
    for (const script of scripts) {
      const checked = await Curl.check(root, script, server.base, join(work, "curl"))
      calls += checked.calls
      failures.push(...checked.failures)
    }
    return { summary: `${commands} curl commands in ${scripts.length} documents: ${calls} calls made`, failures }
  } finally {
    server.stop()
  }
}

const main = async () => {
  if (!skipBuild && only !== "curl") {
    step("npm run build")
    const build = await run("npm", ["run", "build"], { cwd: root, echo: false })
    if (build.code !== 0) {
      console.error(build.output)
      throw new Error("npm run build failed")
    }
  }
  const parts = await Promise.all([
    only === "curl" ? undefined : typeScriptPart(),
    only === "ts" ? undefined : curlPart()
  ])
  const done = parts.filter((p): p is Part => p !== undefined)
  const failures = done.flatMap((p) => p.failures)
  console.log("")
  for (const failure of failures) console.log(format(failure))
  console.log("")
  for (const part of done) console.log(`smoke: ${part.summary}`)
  console.log(`smoke: ${failures.length === 0 ? "every example passed" : `${failures.length} failures`} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return failures.length === 0 ? 0 : 1
}

main().then(
  (code) => finish(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    finish(2)
  }
)

const finish = (code: number) => {
  cleanUp()
  if (keep) console.log(`smoke: kept ${work}`)
  else rmSync(work, { recursive: true, force: true })
  process.exit(code)
}
