/**
 * The curl examples: every shell block of a document that calls curl, run
 * against the demo server.
 *
 * A document's blocks run in order as one bash script (a later block may use
 * what an earlier one defined, such as a signed-in cookie jar), laid out so
 * that the script's line numbers are the document's. `curl` is a function
 * there that adds `--fail-with-body` and records each call's line (bash's
 * `BASH_LINENO`) and status. Other commands of those blocks run as written,
 * except `npm`, which does nothing. A comment line right after a curl command
 * that starts with a status (`# 400 {"subject":…}`) says that status is the
 * expected answer; otherwise any 4xx or 5xx fails.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Failure } from "./Failure.js"
import { tail } from "./Failure.js"
import type { Block } from "./Markdown.js"
import { isShell } from "./Markdown.js"
import { run } from "./Process.js"

const documented = /https?:\/\/(?:127\.0\.0\.1|localhost):8080/g

export interface CurlCall {
  /** The document's line where the curl command starts. */
  readonly line: number
  /** The status a comment after it expects, if any. */
  readonly expected?: number
}

export interface DocScript {
  readonly doc: string
  readonly blocks: ReadonlyArray<Block>
  readonly calls: ReadonlyArray<CurlCall>
}

/** The part of each line outside quotes and comments, quotes followed across lines. */
const codeOf = (lines: ReadonlyArray<string>): ReadonlyArray<string> => {
  let quote: "'" | "\"" | undefined
  return lines.map((line) => {
    let code = ""
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!
      if (quote === "'") {
        if (c === "'") quote = undefined
      } else if (quote === "\"") {
        if (c === "\\") i++
        else if (c === "\"") quote = undefined
      } else if (c === "\\") {
        i++
      } else if (c === "'" || c === "\"") {
        quote = c
      } else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]!))) {
        break
      } else {
        code += c
      }
    }
    return code
  })
}

const commandLines = (block: Block): ReadonlyArray<string> =>
  block.lang === "console"
    ? block.lines.map((line) => (/^\s*\$ /.test(line) ? line.replace(/^\s*\$ /, "") : ""))
    : block.lines

export const callsOf = (block: Block): ReadonlyArray<CurlCall> => {
  const lines = commandLines(block)
  const code = codeOf(lines)
  const calls: Array<{ line: number; expected?: number }> = []
  lines.forEach((line, i) => {
    const at = block.fenceLine + 1 + i
    if (/(^|[\s;|&(`])curl(\s|$)/.test(code[i]!)) calls.push({ line: at })
    const status = /^\s*#\s*([1-5]\d\d)\b/.exec(line)
    const last = calls.at(-1)
    if (status !== null && last !== undefined) last.expected = Number(status[1])
  })
  return calls
}

/** A document's shell blocks that call curl, unless marked as fragments. */
export const collect = (doc: string, docBlocks: ReadonlyArray<Block>): DocScript | undefined => {
  const blocks = docBlocks.filter((block) => isShell(block) && !block.markers.has("fragment") && callsOf(block).length > 0)
  if (blocks.length === 0) return undefined
  return { doc, blocks, calls: blocks.flatMap(callsOf) }
}

const prelude = (results: string) => `
set +e
__results=${JSON.stringify(results)}
npm() { :; }   # the documents' npm commands are not run here
curl() {
  local line="\${BASH_LINENO[0]}" record
  record="$(mktemp "$__results/XXXXXXXX")"  # a pipeline's curl runs in a subshell: no shared counter
  command curl --fail-with-body -sS --max-time 60 -w '%{stderr}\\n__status=%{http_code}\\n' "$@" >"$record.body" 2>"$record.err"
  local code=$?
  echo "$line $code $(sed -n 's/^__status=//p' "$record.err" | tail -n 1)" > "$record.call"
  cat "$record.body"
  return $code
}
`

export const script = (docLines: number, doc: DocScript, base: string, results: string): { prelude: string; body: string } => {
  const lines: Array<string> = Array.from({ length: docLines + 1 }, () => "")
  for (const block of doc.blocks) {
    commandLines(block).forEach((line, i) => {
      lines[block.fenceLine + i] = line.replace(documented, base)
    })
  }
  return { prelude: prelude(results), body: lines.join("\n") }
}

export interface Checked {
  readonly calls: number
  readonly failures: ReadonlyArray<Failure>
}

/** Runs one document's script in a directory of its own and judges every curl call. */
export const check = async (root: string, doc: DocScript, base: string, workDir: string): Promise<Checked> => {
  const dir = join(workDir, doc.doc.replace(/[^A-Za-z0-9]+/g, "-"))
  const results = join(dir, "results")
  mkdirSync(results, { recursive: true })
  const docLines = readFileSync(join(root, doc.doc), "utf8").split("\n").length
  const { prelude: head, body } = script(docLines, doc, base, results)
  writeFileSync(join(dir, "prelude.sh"), head)
  // Line 1 sources the prelude; every other line is the document's own line.
  writeFileSync(join(dir, "script.sh"), `source ./prelude.sh${body.slice(body.indexOf("\n"))}`)
  const outcome = await run("bash", ["script.sh"], { cwd: dir, timeoutMs: 180_000 })
  const failures: Array<Failure> = []
  if (outcome.timedOut) failures.push({ doc: doc.doc, line: doc.blocks[0]!.fenceLine, summary: "the curl examples did not finish within 180 s", detail: tail(outcome.output) })
  // bash's own complaints ("script.sh: line 41: jq: command not found") name the document's lines.
  for (const match of outcome.output.matchAll(/^script\.sh: line (\d+): (.*)$/gm)) {
    failures.push({ doc: doc.doc, line: Number(match[1]), summary: `bash: ${match[2]}` })
  }
  const seen = new Set<number>()
  let calls = 0
  const records = readdirSync(results).filter((f) => f.endsWith(".call"))
  for (const file of records) {
    calls++
    const id = file.replace(/\.call$/, "")
    const [line = "0", code = "", status = "000"] = readFileSync(join(results, file), "utf8").trim().split(" ")
    // bash names a multi-line command substitution by its last line: the call is
    // the nearest curl at or above the line it names.
    const call = doc.calls.filter((c) => c.line <= Number(line)).at(-1)
    const at = call?.line ?? Number(line)
    seen.add(at)
    const expected = call?.expected
    const read = (ext: string) => (existsSync(join(results, `${id}.${ext}`)) ? readFileSync(join(results, `${id}.${ext}`), "utf8") : "")
    const answer = () => [read("err").replace(/^__status=.*$/m, "").trim(), read("body").slice(0, 1500)].filter((s) => s !== "").join("\n")
    if (expected !== undefined) {
      if (Number(status) !== expected) failures.push({ doc: doc.doc, line: at, summary: `expected ${expected}, got ${status}`, detail: answer() })
    } else if (code !== "0") {
      failures.push({ doc: doc.doc, line: at, summary: status === "000" ? `curl failed (exit ${code})` : `HTTP ${status}`, detail: answer() })
    }
  }
  for (const call of doc.calls) {
    if (!seen.has(call.line)) failures.push({ doc: doc.doc, line: call.line, summary: "this curl never ran (the script stopped before it, or it sits in a function nobody calls)" })
  }
  return { calls, failures }
}
