/**
 * Budget execution (예산 집행 현황): for each unit project (단위사업) the
 * budget (예산액), the amount spent (집행액) and the execution rate (집행률 =
 * spent ÷ budget), with the total (계) as the sum of the lines.
 *
 * The seeds' table, in thousand won, is the worked example:
 *
 * | 단위사업 | 예산액 | 집행액 | 집행률 |
 * |---|---|---|---|
 * | 계 | 3,249,090 | 2,227,790 | 68.5% |
 * | 취업활동지원 | 1,229,775 | 830,446 | 67.5% |
 * | 지역일자리사업지원 | 1,887,159 | 1,301,295 | 68.9% |
 * | 행정운영경비 | 76,783 | 46,639 | 60.7% |
 * | 인력운영비 | 55,373 | 49,410 | 89.2% |
 *
 * The rates there are truncated to one decimal (68.566…% → 68.5%,
 * 68.955…% → 68.9%), which is `Rate.defaultRounding`.
 *
 * @example
 * ```ts
 * import { Budget } from "@iljari/report"
 * import { Either } from "effect"
 *
 * const figure = Budget.make([
 *   { unitProject: "취업상담 운영", budget: 120_000_000, spent: 48_500_000 },
 *   { unitProject: "구인처 발굴", budget: 30_000_000, spent: 9_200_000 }
 * ])
 * const table = Either.map(figure, (f) => Budget.table(f))
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Rounding } from "@iljari/core"
import { Either, Schema } from "effect"
import { InvalidInput } from "./Errors.js"
import * as Rate from "./Rate.js"
import type * as Table from "./Table.js"

const Amount = Schema.Number.pipe(
  Schema.filter((n) => (Number.isSafeInteger(n) && n >= 0) || `must be a whole amount of at least 0; got ${n}`)
).annotations({ identifier: "BudgetAmount" })

/**
 * One unit project's line, in the table's unit (the seeds use thousand won).
 *
 * @since 0.1.0
 * @category models
 */
export const Line = Schema.Struct({
  unitProject: Schema.String.pipe(
    Schema.filter((name) => name.trim().length > 0 || "must name the unit project")
  ),
  budget: Amount,
  spent: Amount
}).annotations({ identifier: "BudgetLine" })
/** @since 0.1.0 @category models */
export type Line = typeof Line.Type

/**
 * A line with its execution rate and what is left.
 *
 * @since 0.1.0
 * @category models
 */
export interface Execution extends Line {
  /** `spent ÷ budget` rounded by the policy; `undefined` for a budget of 0. */
  readonly rate: number | undefined
  /** `budget − spent` (negative when overspent). */
  readonly remaining: number
}

/**
 * The figure: the lines in input order and their total (계).
 *
 * @since 0.1.0
 * @category models
 */
export interface Figure {
  readonly lines: ReadonlyArray<Execution>
  readonly total: Execution
}

/**
 * Options: the rounding of rates, and the total as printed in the source
 * document, to be checked against the sum of the lines.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly rounding?: Rounding.Rounding
  readonly statedTotal?: { readonly budget: number; readonly spent: number }
}

const execution = (line: Line, rounding: Rounding.Rounding): Execution => ({
  ...line,
  rate: Rate.rate(line.spent, line.budget, rounding),
  remaining: line.budget - line.spent
})

const invalid = (field: string, reason: string) => Either.left(new InvalidInput({ figure: "budget execution", field, reason }))

/**
 * Computes each line's execution rate and the total. Fails with
 * `InvalidInput` on a negative or fractional amount, an unnamed or repeated
 * unit project, or a stated total that is not the sum of the lines.
 *
 * @since 0.1.0
 * @category figures
 */
export const make = (lines: ReadonlyArray<Line>, options: Options = {}): Either.Either<Figure, InvalidInput> => {
  const rounding = options.rounding ?? Rate.defaultRounding
  const seen = new Map<string, number>()
  for (const [i, line] of lines.entries()) {
    if (line.unitProject.trim().length === 0) return invalid(`lines[${i}].unitProject`, "must name the unit project")
    for (const field of ["budget", "spent"] as const) {
      const amount = line[field]
      if (!Number.isSafeInteger(amount) || amount < 0) {
        return invalid(`lines[${i}].${field}`, `must be a whole amount of at least 0; got ${amount}`)
      }
    }
    const earlier = seen.get(line.unitProject)
    if (earlier !== undefined) return invalid(`lines[${i}].unitProject`, `repeats lines[${earlier}] ("${line.unitProject}")`)
    seen.set(line.unitProject, i)
  }
  const budget = lines.reduce((n, l) => n + l.budget, 0)
  const spent = lines.reduce((n, l) => n + l.spent, 0)
  if (options.statedTotal !== undefined) {
    if (options.statedTotal.budget !== budget) {
      return invalid("statedTotal.budget", `is ${options.statedTotal.budget}, but the lines add up to ${budget}`)
    }
    if (options.statedTotal.spent !== spent) {
      return invalid("statedTotal.spent", `is ${options.statedTotal.spent}, but the lines add up to ${spent}`)
    }
  }
  return Either.right({
    lines: lines.map((l) => execution(l, rounding)),
    total: execution({ unitProject: "계", budget, spent }, rounding)
  })
}

/**
 * The figure as a table, total first as the seeds print it. `unit` names the
 * amounts' unit in the headers (default 천원, thousand won).
 *
 * @since 0.1.0
 * @category tables
 */
export const table = (
  figure: Figure,
  options: { readonly unit?: Table.Label; readonly rounding?: Rounding.Rounding } = {}
): Table.Table => {
  const unit = options.unit ?? { ko: "천원", en: "₩1,000" }
  const cells = (e: Execution, name: Table.Cell): Record<string, Table.Cell> => ({
    unitProject: name,
    budget: e.budget,
    spent: e.spent,
    remaining: e.remaining,
    rate: e.rate
  })
  return {
    id: "budget",
    title: { ko: "예산 집행 현황", en: "Budget execution" },
    columns: [
      { key: "unitProject", label: { ko: "단위사업명", en: "Unit project" }, kind: "text" },
      { key: "budget", label: { ko: `예산액(${unit.ko})`, en: `Budget (${unit.en})` }, kind: "amount" },
      { key: "spent", label: { ko: `집행액(${unit.ko})`, en: `Spent (${unit.en})` }, kind: "amount" },
      { key: "remaining", label: { ko: `잔액(${unit.ko})`, en: `Remaining (${unit.en})` }, kind: "amount" },
      { key: "rate", label: { ko: "집행률", en: "Execution rate" }, kind: "percent", decimals: Rounding.decimalsOf(options.rounding ?? Rate.defaultRounding) }
    ],
    rows: [
      { cells: cells(figure.total, { ko: "계", en: "Total" }), total: true },
      ...figure.lines.map((line) => ({ cells: cells(line, line.unitProject) }))
    ],
    chart: {
      kind: "bar",
      category: "unitProject",
      series: ["rate"],
      horizontal: true,
      title: { ko: "단위사업별 집행률", en: "Execution rate by unit project" }
    }
  }
}
