/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The three lists of the 현장 활동 menu — outreach sessions, discovery
 * visits and psychological tests — as links between their pages (the
 * current one marked for screen readers).
 */
import { href, type View } from "../../ui/View.js"

export type EventKind = "outreach" | "visits" | "tests"

export const eventTitles = (view: View): Record<EventKind, string> => ({
  outreach: view.say("찾아가는 상담", "Outreach"),
  visits: view.say("기업탐방", "Discovery visits"),
  tests: view.say("심리검사", "Psychological tests")
})

export const Tabs = ({ view, current }: { readonly view: View; readonly current: EventKind }) => {
  const titles = eventTitles(view)
  return (
    <nav aria-label={view.say("현장 활동 목록", "Field work lists")}>
      <div class="actions">
        {(["outreach", "visits", "tests"] as const).map((kind) => (
          <a
            href={href(view, `/events/${kind}`)}
            class={kind === current ? "krds-btn secondary" : "krds-btn tertiary"}
            aria-current={kind === current ? "page" : undefined}
          >
            {titles[kind]}
          </a>
        ))}
      </div>
    </nav>
  )
}
