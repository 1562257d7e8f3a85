/**
 * Core's rules in the page's language (core's `RuleText` holds the Korean):
 * a rule it does not know is shown in English rather than hidden.
 */
import { RuleText, type Validation } from "@iljari/core"
import type { Problems } from "./Fields.js"
import type { Say } from "./Say.js"

/** One rule in the page's language. */
export const ruleIn = (say: Say, message: string): string => {
  const english = RuleText.withoutValue(message)
  const korean = RuleText.korean(message)
  return korean === undefined ? english : say(korean, english)
}

/**
 * The issues of a refused form by field: each issue's path is mapped to the
 * form field that holds it (`contact.phone` → `phone`), first issue per field.
 */
export const problemsOf = (
  say: Say,
  error: Validation.ValidationError,
  fieldOf: (path: string) => string = (path) => path
): Problems => {
  const problems: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = fieldOf(issue.path)
    problems[field] ??= ruleIn(say, issue.message)
  }
  return problems
}
