/**
 * What every page of a signed-in person is drawn with: the language, where
 * the app is mounted (links), the session's CSRF token (forms), and who is
 * signed in (the header).
 */
import type { Lang, Say } from "./Say.js"

export interface View {
  readonly lang: Lang
  readonly say: Say
  readonly prefix: string
  /** The path of this page below the prefix, for the menu and the language switch. */
  readonly path: string
  readonly csrf?: string
  /** Who is signed in, and whether their role may import ledgers (the menu shows the page only then). */
  readonly who?: {
    readonly id?: string
    readonly name: string
    readonly role: string
    readonly imports?: boolean
    readonly monitors?: boolean
    readonly administers?: boolean
    readonly casework?: boolean
    readonly analyst?: boolean
  }
}

/** A link inside the app. */
export const href = (view: View, path: string) => `${view.prefix}${path}`
