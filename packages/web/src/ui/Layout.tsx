/** @jsxRuntime automatic */
/** @jsxImportSource preact */
/**
 * The frame of every page: skip link, the center's header with its menu and
 * the person signed in, the main content, and the language switch — KRDS's
 * structure, with landmarks a screen reader can jump between.
 */
import type { ComponentChildren } from "preact"
import { href, type View } from "./View.js"

// Each item is for everyone of a district's staff, or only for those whose
// role the `for` flag of the person signed in names; an analyst sees only theirs.
type Only = "casework" | "monitors" | "imports" | "administers" | "analyst"
const menu: ReadonlyArray<{ readonly path: string; readonly ko: string; readonly en: string; readonly also?: string; readonly for?: Only }> = [
  { path: "/", ko: "오늘 할 일", en: "Today" },
  { path: "/seekers", ko: "구직자", en: "Job seekers" },
  { path: "/employers", ko: "구인업체·공고", en: "Employers and openings", also: "/openings" },
  { path: "/referrals", ko: "알선", en: "Referrals" },
  { path: "/follow-ups", ko: "사후관리대장", en: "Follow-up ledger" },
  // Those who record casework (counselors, managers).
  { path: "/fairs", ko: "채용박람회", en: "Job fairs", for: "casework" },
  { path: "/events", ko: "현장 활동", en: "Field work", for: "casework" },
  { path: "/cafes", ko: "일자리카페", en: "Job cafés", for: "casework" },
  { path: "/surveys", ko: "만족도 조사", en: "Surveys", for: "casework" },
  { path: "/targets", ko: "목표·실적", en: "Targets" },
  { path: "/reports", ko: "보고서", en: "Reports" },
  // Those who review the district's records (managers).
  { path: "/monitoring", ko: "부정 기록 점검", en: "Monitoring", for: "monitors" },
  // Those who may import (managers, administrators).
  { path: "/import", ko: "자료 가져오기", en: "Import ledgers", for: "imports" },
  // Those who manage accounts or read the access records (administrators, managers).
  { path: "/admin", ko: "관리", en: "Administration", for: "administers" },
  // A city analyst's only page: figures across the districts granted, no person's record.
  { path: "/analysis", ko: "분석", en: "Analysis", for: "analyst" }
]

const shown = (view: View, item: (typeof menu)[number]) =>
  item.for === "analyst"
    ? view.who?.analyst === true
    : view.who?.analyst !== true && (item.for === undefined || view.who?.[item.for] === true)

// No inline styles or eval (the page's CSP forbids both); a refused form (422)
// or a conflict (409) is swapped in like any answer, so that its problems show.
const htmxConfig = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  responseHandling: [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "409", swap: true },
    { code: "422", swap: true },
    { code: "413", swap: true },
    { code: "[45]..", swap: false, error: true }
  ]
})

const under = (view: View, path: string) => view.path === path || view.path.startsWith(`${path}/`)
const isCurrent = (view: View, item: (typeof menu)[number]) =>
  item.path === "/" ? view.path === "/" : under(view, item.path) || (item.also !== undefined && under(view, item.also))

export const CsrfField = ({ view }: { readonly view: View }) =>
  view.csrf === undefined ? null : <input type="hidden" name="_csrf" value={view.csrf} />

export const Page = ({ view, title, children }: { readonly view: View; readonly title: string; readonly children?: ComponentChildren }) => {
  const { say } = view
  const other = view.lang === "ko" ? { lang: "en", label: "English" } : { lang: "ko", label: "한국어" }
  return (
    <html lang={view.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={htmxConfig} />
        {/* No icon of its own: an empty one, so that browsers do not ask for /favicon.ico. */}
        <link rel="icon" href="data:," />
        <title>{`${title} | ${say("일자리센터", "Job center")}`}</title>
        <link rel="stylesheet" href={href(view, "/assets/krds/css/component/output.css")} />
        <link rel="stylesheet" href={href(view, "/assets/app.css")} />
        <script src={href(view, "/assets/htmx.min.js")} defer />
      </head>
      <body hx-headers={view.csrf === undefined ? undefined : JSON.stringify({ "x-csrf-token": view.csrf })}>
        <div id="krds-skip-link">
          <a href="#main">{say("본문 바로가기", "Skip to content")}</a>
        </div>
        <header class="app-header">
          <div class="app-header-inner">
            <p class="app-title">
              <a href={href(view, "/")}>{say("일자리센터 업무", "Job center")}</a>
            </p>
            {view.who === undefined ? null : (
              <nav class="app-nav" aria-label={say("주 메뉴", "Main menu")}>
                <ul>
                  {menu.filter((item) => shown(view, item)).map((item) => (
                    <li>
                      <a href={href(view, item.path)} aria-current={isCurrent(view, item) ? "page" : undefined}>
                        {say(item.ko, item.en)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            <div class="app-user">
              {view.who === undefined ? null : <span>{`${view.who.name} (${view.who.role})`}</span>}
              <a href={href(view, `/language?to=${other.lang}&back=${encodeURIComponent(view.path)}`)} lang={other.lang}>{other.label}</a>
              {view.who === undefined ? null : (
                <form method="post" action={href(view, "/sign-out")} class="inline-form">
                  <CsrfField view={view} />
                  <button type="submit" class="krds-btn small tertiary">{say("로그아웃", "Sign out")}</button>
                </form>
              )}
            </div>
          </div>
        </header>
        <main id="main" class="app-main" tabindex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
        <footer class="app-footer">
          <div class="app-footer-inner">
            {say(
              "개인정보 열람은 모두 접속기록에 남습니다 (개인정보의 안전성 확보조치 기준 제8조).",
              "Every view of personal data is recorded in the access log."
            )}
          </div>
        </footer>
      </body>
    </html>
  )
}
