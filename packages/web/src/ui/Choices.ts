/**
 * The choices of a form's select or checkboxes, from core's code sets: each
 * code with its label in the page's language.
 */
import { Codes } from "@iljari/core"
import type { Choice } from "./Fields.js"
import type { Lang } from "./Say.js"

/** Codes with their labels. */
export const choicesOf = <C extends string>(codes: ReadonlyArray<C>, label: (code: C) => string): ReadonlyArray<Choice> =>
  codes.map((code) => ({ value: code, label: label(code) }))

/** Seoul's 25 districts. */
export const seoulDistrictChoices = (lang: Lang): ReadonlyArray<Choice> =>
  Codes.seoulDistricts.map((d) => ({ value: d.code, label: d.name[lang] }))

/** The 35 middle groups of KECO, code first. */
export const occupationChoices = (lang: Lang): ReadonlyArray<Choice> =>
  Codes.occupationGroups.middle.map(([code, name]) => ({ value: code, label: `${code} ${name[lang]}` }))
