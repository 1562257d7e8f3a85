/**
 * Seekers found by name for a form that signs one up (a psych-test session,
 * a café program): the name comes in a post so that it stays out of the
 * address and the request log, and `JobCenter.searchSeekers` logs each
 * seeker found as read. A name the search refuses is told, not swallowed.
 */
import { type Ids, JobCenter } from "@iljari/core"
import { Effect } from "effect"
import type { Signed } from "../../http/Signed.js"
import { ruleIn } from "../../ui/Rules.js"

/** A seeker the search found, with the birth date that tells namesakes apart. */
export interface FoundSeeker {
  readonly id: Ids.SeekerId
  readonly name: string
  readonly label: string
}

/** What was asked, who was found, or why the name was refused. */
export interface NameSearch {
  readonly q: string
  readonly found: ReadonlyArray<FoundSeeker>
  readonly problem?: string | undefined
}

type Searched = ReturnType<typeof JobCenter.searchSeekers>

/** At most ten: a counselor picks one out of a screen, not a list to page through. */
export const searchByName = (
  signedIn: Signed,
  asked: string
): Effect.Effect<NameSearch, Exclude<Effect.Effect.Error<Searched>, { readonly _tag: "ValidationError" }>, Effect.Effect.Context<Searched>> => {
  const q = asked.trim()
  const { say } = signedIn.view
  // An empty name would list anyone, each logged as read: it is asked for instead.
  if (q === "") return Effect.succeed({ q, found: [], problem: say("구직자 이름: 찾을 이름을 넣으세요.", "Seeker's name: type the name to find.") })
  return JobCenter.searchSeekers(signedIn.actor, { name: q }, { limit: 10 }).pipe(
    Effect.map((page): NameSearch => ({
      q,
      found: page.items.map(({ value: s }) => ({ id: s.id, name: s.name, label: `${s.name} (${s.birthDate})` }))
    })),
    Effect.catchTag("ValidationError", (error) =>
      Effect.succeed<NameSearch>({
        q,
        found: [],
        problem: error.issues.map((issue) => `${say("구직자 이름", "Seeker's name")}: ${ruleIn(say, issue.message)}`).join(" ")
      }))
  )
}
