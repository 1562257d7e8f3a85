/** A failed example: where it is in the documents, and what went wrong. */
export interface Failure {
  readonly doc: string
  readonly line: number
  readonly summary: string
  readonly detail?: string
}

export const format = (failure: Failure): string => {
  const head = `✗ ${failure.doc}:${failure.line}  ${failure.summary}`
  if (failure.detail === undefined || failure.detail.trim() === "") return head
  return `${head}\n${indent(failure.detail.trimEnd())}`
}

const indent = (text: string) => text.split("\n").map((line) => `    ${line}`).join("\n")

/** The last lines of a long output. */
export const tail = (text: string, lines = 25): string => {
  const all = text.trimEnd().split("\n")
  return all.length <= lines ? all.join("\n") : ["…", ...all.slice(-lines)].join("\n")
}
