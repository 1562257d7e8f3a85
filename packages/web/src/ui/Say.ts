/**
 * The language of a page: Korean by default, English when the person chose
 * it (a cookie). Components take a `Say` and write both texts side by side,
 * so a missing translation is impossible to miss.
 */
export type Lang = "ko" | "en"

export type Say = (ko: string, en: string) => string

export const sayIn = (lang: Lang): Say => (lang === "en" ? (_ko, en) => en : (ko) => ko)

export const langCookie = "iljari_lang"

export const langOf = (cookie: string | undefined): Lang => (cookie === "en" ? "en" : "ko")
