/**
 * Fenced code blocks of a Markdown document, with the markers a writer puts
 * in an HTML comment on the line before the fence (invisible when rendered):
 *
 * - `<!-- fragment -->`: a piece of a program, shown for its shape; not checked.
 * - `<!-- continues -->`: continues the previous block of the same language in
 *   the same document (both are checked as one program).
 * - `<!-- no-run -->`: type-checked but not run (it needs a service the smoke
 *   test cannot offer, or runs until stopped).
 *
 * Several markers may share a comment: `<!-- continues no-run -->`.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"

export type Marker = "fragment" | "continues" | "no-run"

const markers: ReadonlyArray<Marker> = ["fragment", "continues", "no-run"]

export interface Block {
  /** The document, relative to the repository root. */
  readonly doc: string
  /** The fence's info string's first word, lower-cased: "ts", "sh", … */
  readonly lang: string
  /** 1-based line of the opening fence. */
  readonly fenceLine: number
  /** The block's lines; line i (0-based) is the document's line fenceLine + 1 + i. */
  readonly lines: ReadonlyArray<string>
  readonly markers: ReadonlySet<Marker>
}

const fence = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/

export const blocks = (root: string, doc: string): ReadonlyArray<Block> => {
  const text = readFileSync(join(root, doc), "utf8").split("\n")
  const found: Array<Block> = []
  for (let i = 0; i < text.length; i++) {
    const open = fence.exec(text[i]!)
    if (open === null) continue
    const [, indent = "", ticks = "```", info = ""] = open
    const lines: Array<string> = []
    let j = i + 1
    for (; j < text.length; j++) {
      const line = text[j]!
      if (line.trim().startsWith(ticks) && line.trim().replace(/[`~]/g, "") === "") break
      lines.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart())
    }
    found.push({ doc, lang: info.toLowerCase(), fenceLine: i + 1, lines, markers: markersBefore(text, i) })
    i = j
  }
  return found
}

const markersBefore = (text: ReadonlyArray<string>, fenceIndex: number): ReadonlySet<Marker> => {
  const previous = text[fenceIndex - 1]?.trim() ?? ""
  const comment = /^<!--(.*)-->$/.exec(previous)
  if (comment === null) return new Set()
  const words = comment[1]!.split(/[\s,]+/).filter((word) => word !== "")
  return new Set(markers.filter((marker) => words.includes(marker)))
}

export const isTypeScript = (block: Block) => block.lang === "ts" || block.lang === "typescript"

export const isShell = (block: Block) => ["sh", "bash", "shell", "console"].includes(block.lang)
