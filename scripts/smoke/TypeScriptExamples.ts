/**
 * The TypeScript examples: every ```ts block of the documents, as a program of
 * its own (or joined to the blocks it continues), type-checked with tsc
 * against the installed tarballs and then run with tsx.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Failure } from "./Failure.js"
import { tail } from "./Failure.js"
import type { Block } from "./Markdown.js"
import { isTypeScript } from "./Markdown.js"
import { mapLimit, run } from "./Process.js"

export interface Program {
  /** The file name without ".ts": the document and the index of its first block, such as docs-reports-1. */
  readonly name: string
  readonly doc: string
  /** The document's line of the first block's first line. */
  readonly line: number
  readonly text: string
  /** For each line of the program (0-based), the document's line (1-based). */
  readonly lines: ReadonlyArray<number>
  readonly run: boolean
}

export interface Collected {
  readonly programs: ReadonlyArray<Program>
  readonly blocks: number
  readonly fragments: number
  readonly failures: ReadonlyArray<Failure>
}

const slug = (doc: string) => doc.replace(/\.md$/, "").replace(/[^A-Za-z0-9]+/g, "-")

/** The programs of one document's TypeScript blocks. */
export const collect = (docBlocks: ReadonlyArray<Block>): Collected => {
  const programs: Array<{ name: string; doc: string; line: number; text: Array<string>; lines: Array<number>; run: boolean }> = []
  const failures: Array<Failure> = []
  let blocks = 0
  let fragments = 0
  let index = 0
  for (const block of docBlocks.filter(isTypeScript)) {
    blocks++
    index++
    if (block.markers.has("fragment")) {
      fragments++
      continue
    }
    const first = block.fenceLine + 1
    const numbers = block.lines.map((_, i) => first + i)
    const previous = programs.at(-1)
    if (block.markers.has("continues")) {
      if (previous === undefined || previous.doc !== block.doc) {
        failures.push({ doc: block.doc, line: block.fenceLine, summary: "marked <!-- continues --> but no checked TypeScript block comes before it" })
        continue
      }
      previous.text.push(...block.lines)
      previous.lines.push(...numbers)
      previous.run = previous.run && !block.markers.has("no-run")
      continue
    }
    programs.push({
      name: `${slug(block.doc)}-${index}`,
      doc: block.doc,
      line: first,
      text: [...block.lines],
      lines: numbers,
      run: !block.markers.has("no-run")
    })
  }
  return {
    programs: programs.map((p) => ({ ...p, text: `${p.text.join("\n")}\n` })),
    blocks,
    fragments,
    failures
  }
}

/** Every module specifier the programs import. */
export const imports = (programs: ReadonlyArray<Program>): ReadonlyArray<string> => {
  const found = new Set<string>()
  for (const { text } of programs) {
    for (const match of text.matchAll(/(?:^|\s)(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\s*\(?\s*["']([^"']+)["']/gm)) {
      found.add(match[1] ?? match[2]!)
    }
  }
  return [...found].sort()
}

export const write = (project: string, programs: ReadonlyArray<Program>) => {
  rmSync(join(project, "examples"), { recursive: true, force: true })
  mkdirSync(join(project, "examples"), { recursive: true })
  for (const program of programs) writeFileSync(join(project, "examples", `${program.name}.ts`), program.text)
}

const where = (programs: ReadonlyArray<Program>, name: string, line: number): { doc: string; line: number } => {
  const program = programs.find((p) => p.name === name)
  if (program === undefined) return { doc: `examples/${name}.ts`, line }
  return { doc: program.doc, line: program.lines[line - 1] ?? program.line }
}

/** Replaces the programs' file positions in a text (a stack trace) by their documents' lines. */
const toDocs = (programs: ReadonlyArray<Program>, text: string) =>
  text.replace(/(?:file:\/\/)?[^\s()]*examples\/([\w-]+)\.ts:(\d+)(?::\d+)?/g, (_, name: string, line: string) => {
    const at = where(programs, name, Number(line))
    return `${at.doc}:${at.line}`
  })

const diagnosticLine = /^examples\/([\w-]+)\.ts\((\d+),(\d+)\): (error TS(\d+): .*)$/

/**
 * tsc over every program at once; the failures name the documents' lines.
 * tsc reports only syntax errors when there are any, so the programs with
 * syntax errors are left out and the rest checked again.
 */
export const typeCheck = async (project: string, programs: ReadonlyArray<Program>): Promise<{ failures: ReadonlyArray<Failure>; failed: ReadonlySet<string> }> => {
  const failures: Array<Failure> = []
  const failed = new Set<string>()
  for (let pass = 0; pass < 3; pass++) {
    const files = programs.filter((p) => !failed.has(p.name)).map((p) => `examples/${p.name}.ts`)
    if (files.length === 0) break
    writeFileSync(join(project, "tsconfig.check.json"), JSON.stringify({ extends: "./tsconfig.json", include: [], files }, null, 2))
    const outcome = await run(join(project, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.check.json", "--pretty", "false"], {
      cwd: project,
      timeoutMs: 300_000
    })
    if (outcome.code === 0) break
    const found = parseDiagnostics(programs, outcome.output)
    if (found.length === 0) {
      failures.push({ doc: "tsconfig.json", line: 0, summary: `tsc failed (exit ${outcome.code})`, detail: tail(outcome.output) })
      break
    }
    failures.push(...found.map(({ failure }) => failure))
    for (const { name } of found) if (name !== undefined) failed.add(name)
    if (!found.every(({ syntax }) => syntax)) break
  }
  return { failures, failed }
}

const parseDiagnostics = (programs: ReadonlyArray<Program>, output: string) => {
  const found: Array<{ name: string | undefined; syntax: boolean; failure: Failure }> = []
  let current: { name: string | undefined; syntax: boolean; doc: string; line: number; summary: string; detail: Array<string> } | undefined
  const flush = () => {
    if (current !== undefined) {
      const { name, syntax, detail, ...failure } = current
      found.push({ name, syntax, failure: { ...failure, detail: detail.join("\n") } })
    }
    current = undefined
  }
  for (const line of output.split("\n")) {
    const diagnostic = diagnosticLine.exec(line)
    if (diagnostic !== null) {
      flush()
      const [, name = "", row = "0", , message = "", code = "0"] = diagnostic
      current = { name, syntax: Number(code) < 2000, ...where(programs, name, Number(row)), summary: message, detail: [] }
    } else if (current !== undefined && /^\s/.test(line)) {
      current.detail.push(line.trim())
    } else if (line.trim() !== "") {
      flush()
      current = { name: undefined, syntax: false, doc: "tsconfig.json", line: 0, summary: line.trim(), detail: [] }
    }
  }
  flush()
  return found
}

export interface RunResult {
  readonly ran: number
  readonly failures: ReadonlyArray<Failure>
}

/** Runs each program with tsx in a directory of its own (files it writes land there), with a time limit. */
export const runAll = async (project: string, programs: ReadonlyArray<Program>, timeoutMs: number): Promise<RunResult> => {
  const tsx = join(project, "node_modules", ".bin", "tsx")
  const results = await mapLimit(programs, 2, async (program) => {
    const cwd = join(project, "runs", program.name)
    rmSync(cwd, { recursive: true, force: true })
    mkdirSync(cwd, { recursive: true })
    const outcome = await run(tsx, [join(project, "examples", `${program.name}.ts`)], { cwd, timeoutMs })
    if (outcome.code === 0 && !outcome.timedOut) return undefined
    const failure: Failure = {
      doc: program.doc,
      line: program.line,
      summary: outcome.timedOut ? `did not finish within ${timeoutMs / 1000} s` : `exited with ${outcome.code}`,
      detail: tail(toDocs(programs, outcome.output))
    }
    return failure
  })
  return { ran: programs.length, failures: results.filter((f): f is Failure => f !== undefined) }
}
