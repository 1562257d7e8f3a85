/**
 * How values read on a page: dates and times in Korea's time zone, phone
 * numbers as written, and a missing value as a dash a screen reader names.
 */
import { DateTime } from "effect"
import type { Say } from "./Say.js"

/** An instant as Korean wall-clock date and time, e.g. `2026-12-05 14:03`. */
export const kst = (at: DateTime.DateTime) =>
  DateTime.formatIso(DateTime.addDuration(at, "9 hours")).slice(0, 16).replace("T", " ")

/** An instant's Korean date. */
export const kstDate = (at: DateTime.DateTime) => kst(at).slice(0, 10)

export const orNone = (say: Say, value: string | undefined) => value === undefined || value === "" ? say("없음", "None") : value

/** A share as a percentage with one decimal, or a dash when there is none yet. */
export const percent = (share: number | undefined) => share === undefined ? "–" : `${(share * 100).toFixed(1)}%`
