import { Schema } from "effect"
import type { Label, Language } from "./Labels.js"

/**
 * A closed set of codes with Korean and English labels: one literal schema
 * whose error lists the accepted codes, and a label lookup.
 */
export const codeSet = <const C extends string>(
  identifier: string,
  entries: readonly [readonly [C, Label], ...ReadonlyArray<readonly [C, Label]>]
) => {
  const codes = entries.map(([code]) => code) as unknown as readonly [C, ...ReadonlyArray<C>]
  const labels = new Map<string, Label>(entries)
  const accepted = codes.map((code) => `${code} (${labels.get(code)!.en})`).join(", ")
  const schema = Schema.Literal(...codes).annotations({
    identifier,
    // Override the per-member issues a literal union would otherwise report.
    message: (issue) => ({ message: `must be one of ${accepted}; got ${describe(issue.actual)}`, override: true })
  })
  return {
    schema,
    codes,
    label: (code: C, language: Language = "ko"): string => labels.get(code)![language]
  }
}

/** How a rejected value is quoted in an error message. */
export const describe = (actual: unknown): string =>
  actual === undefined ? "nothing" : typeof actual === "string" ? JSON.stringify(actual) : String(JSON.stringify(actual) ?? actual)
