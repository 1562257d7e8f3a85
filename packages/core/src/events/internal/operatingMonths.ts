import { Schema } from "effect"
import { distinctList } from "../../kernel/Lists.js"

/** A month of the year, 1 (January) to 12 (December). */
export const MonthOfYear = Schema.Int.pipe(
  Schema.between(1, 12, { message: () => "must be a month of the year, a whole number from 1 (January) to 12 (December)" })
)

/** The months of the year an activity runs: 1–12 of them, none twice. */
export const OperatingMonths = distinctList(MonthOfYear, { min: 1, max: 12 })

/** The month of the year (1–12) of a `YYYY-MM` month or a `YYYY-MM-DD` date. */
export const monthOfYear = (monthOrDate: string): number => Number(monthOrDate.slice(5, 7))

/** `from`–`to` inclusive, e.g. `range(2, 11)` for February to November. */
export const range = (from: number, to: number): ReadonlyArray<number> =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)
