/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * An explained match, either way round (openings for a seeker, seekers for
 * an opening): the score out of 100, and each criterion's points with its
 * reason in the page's language — plus what rules the pair out, if anything.
 * Age and gender are never criteria, so they never appear here.
 */
import { Match } from "@iljari/core"
import type { View } from "./View.js"

/** `72.5점` / `72.5 points`. */
export const scoreText = (view: View, match: Match.MatchScore) =>
  view.say(`${match.total.toFixed(1)}점`, `${match.total.toFixed(1)} points`)

/** The reasons, one line per criterion: `희망 직종 30.0/30.0: 1지망 직종과 같음`. */
export const MatchReasons = ({ view, match }: { readonly view: View; readonly match: Match.MatchScore }) => {
  const { lang, say } = view
  return (
    <ul class="reasons">
      {match.parts.map((p) => <li>{`${Match.criterionLabel(p.criterion, lang)} ${p.points.toFixed(1)}/${p.weight.toFixed(1)}: ${p.reason[lang]}`}</li>)}
      {match.blockedBy.map((b) => <li>{say(`제외: ${b.reason.ko}`, `Ruled out: ${b.reason.en}`)}</li>)}
    </ul>
  )
}
