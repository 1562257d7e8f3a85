/**
 * Which page of each section of the ledger is shown, carried in the
 * ledger's links and forms (page numbers and a counselor id name no one):
 * `p-overdue=3` and so on, and for a pagination button, `section` and `page`.
 */
import { pageOf } from "../../ui/Lists.js"

export const sections = ["today", "overdue", "upcoming", "done"] as const
export type SectionName = (typeof sections)[number]

export type Pages = Readonly<Record<SectionName, number>>

export const firstPages: Pages = { today: 1, overdue: 1, upcoming: 1, done: 1 }

const isSection = (value: string | undefined): value is SectionName => sections.includes(value as SectionName)

/** The pages a request asks for: the carried ones, and the one a pagination button chose. */
export const pagesOf = (get: (name: string) => string | undefined): Pages => {
  const pages = Object.fromEntries(sections.map((s) => [s, pageOf(get(`p-${s}`))])) as Record<SectionName, number>
  const section = get("section")
  if (isSection(section)) pages[section] = pageOf(get("page"))
  return pages
}

/** The hidden fields that keep the counselor and the pages (all but `except`'s, which its buttons set). */
export const carried = (pages: Pages, counselor: string | undefined, except?: SectionName): ReadonlyArray<readonly [string, string]> => [
  ...(counselor === undefined ? [] : [["counselor", counselor] as const]),
  ...sections.filter((s) => s !== except && pages[s] !== 1).map((s) => [`p-${s}`, String(pages[s])] as const)
]

/** The ledger's address with the counselor and pages kept. */
export const ledgerHref = (counselor: string | undefined, pages: Pages = firstPages, extra: ReadonlyArray<readonly [string, string]> = []) => {
  const query = new URLSearchParams([...carried(pages, counselor), ...extra].map(([k, v]) => [k, v])).toString()
  return query === "" ? "/follow-ups" : `/follow-ups?${query}`
}

/** The pages as core's call list takes them. */
export const sectionPages = (pages: Pages) => ({ dueToday: pages.today, overdue: pages.overdue, upcoming: pages.upcoming, done: pages.done })
