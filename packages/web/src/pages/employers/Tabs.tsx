/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The two lists of the 구인업체·공고 menu, employers and openings, as links
 * between their pages (the current one marked for screen readers).
 */
import { href, type View } from "../../ui/View.js"

export const Tabs = ({ view, current }: { readonly view: View; readonly current: "employers" | "openings" }) => {
  const { say } = view
  const tab = (name: "employers" | "openings", label: string) => (
    <a
      href={href(view, `/${name}`)}
      class={name === current ? "krds-btn secondary" : "krds-btn tertiary"}
      aria-current={name === current ? "page" : undefined}
    >
      {label}
    </a>
  )
  return (
    <nav aria-label={say("구인업체·공고 목록", "Employer and opening lists")}>
      <div class="actions">
        {tab("employers", say("구인업체", "Employers"))}
        {tab("openings", say("구인공고", "Openings"))}
      </div>
    </nav>
  )
}
