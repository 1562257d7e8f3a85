/**
 * Job-fair outcomes (일 잡는 데이 성과): for each fair, the seekers invited
 * (pre-selected by phone or SMS), those who attended, those who sat at least
 * one interview and those hired, with the rate of each step, and the year's
 * total. The seeds' 2015 line — 12 fairs, 22 hired — is a total of this
 * figure.
 *
 * The input is a plain list, so the figure can be fed by hand today and by
 * the job-fair workflow when it records its events.
 *
 * @example
 * ```ts
 * import { JobFairs } from "@iljari/report"
 * import { Either, Schema } from "effect"
 *
 * const fair = Schema.decodeUnknownSync(JobFairs.Fair)({
 *   name: "일 잡는 데이",
 *   heldOn: "2026-05-20",
 *   invited: 120,
 *   attended: 84,
 *   interviewed: 61,
 *   hired: 17
 * })
 * const table = Either.map(JobFairs.make([fair]), (figure) => JobFairs.table(figure))
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { LocalDate, Rounding } from "@iljari/core"
import { Either, Schema } from "effect"
import { InvalidInput } from "./Errors.js"
import * as Rate from "./Rate.js"
import type * as Table from "./Table.js"

const People = Schema.Number.pipe(
  Schema.filter((n) => (Number.isSafeInteger(n) && n >= 0) || `must be a whole number of people of at least 0; got ${n}`)
)

/**
 * One fair's outcome. Each step is a subset of the one before: people
 * interviewed attended, and people hired were interviewed.
 *
 * @since 0.1.0
 * @category models
 */
export const Fair = Schema.Struct({
  name: Schema.String,
  heldOn: LocalDate.LocalDate,
  /** Employers that took part, when known. */
  employers: Schema.optionalWith(People, { exact: true }),
  invited: People,
  attended: People,
  /** Seekers who sat at least one interview. */
  interviewed: People,
  hired: People
}).pipe(
  Schema.filter((f) =>
    f.attended > f.invited
      ? { path: ["attended"], message: `must not exceed the ${f.invited} invited; got ${f.attended}` }
      : f.interviewed > f.attended
      ? { path: ["interviewed"], message: `must not exceed the ${f.attended} who attended; got ${f.interviewed}` }
      : f.hired > f.interviewed
      ? { path: ["hired"], message: `must not exceed the ${f.interviewed} interviewed; got ${f.hired}` }
      : true
  )
).annotations({ identifier: "JobFairOutcome" })
/** @since 0.1.0 @category models */
export type Fair = typeof Fair.Type

/**
 * A fair (or the total) with the rate of each step.
 *
 * @since 0.1.0
 * @category models
 */
export interface Outcome extends Fair {
  /** `attended ÷ invited`. */
  readonly attendanceRate: number | undefined
  /** `interviewed ÷ attended`. */
  readonly interviewRate: number | undefined
  /** `hired ÷ interviewed`. */
  readonly hireRate: number | undefined
  /** `hired ÷ attended`: the share of attendees who found a job. */
  readonly placementRate: number | undefined
}

/**
 * The figure: the fairs by date and their total.
 *
 * @since 0.1.0
 * @category models
 */
export interface Figure {
  readonly fairs: ReadonlyArray<Outcome>
  readonly total: Omit<Outcome, "heldOn" | "name"> & { readonly count: number }
}

const rates = (f: { readonly invited: number; readonly attended: number; readonly interviewed: number; readonly hired: number }, rounding: Rounding.Rounding) => ({
  attendanceRate: Rate.rate(f.attended, f.invited, rounding),
  interviewRate: Rate.rate(f.interviewed, f.attended, rounding),
  hireRate: Rate.rate(f.hired, f.interviewed, rounding),
  placementRate: Rate.rate(f.hired, f.attended, rounding)
})

const validate = Schema.validateEither(Fair)

/**
 * The outcome of each fair and their total. Fails with `InvalidInput` on a
 * fractional or negative count, or a step larger than the one before it.
 *
 * @since 0.1.0
 * @category figures
 */
export const make = (fairs: ReadonlyArray<Fair>, rounding: Rounding.Rounding = Rate.defaultRounding): Either.Either<Figure, InvalidInput> => {
  for (const [i, fair] of fairs.entries()) {
    for (const field of ["invited", "attended", "interviewed", "hired"] as const) {
      const n = fair[field]
      if (!Number.isSafeInteger(n) || n < 0) {
        return Either.left(new InvalidInput({ figure: "job-fair outcomes", field: `fairs[${i}].${field}`, reason: `must be a whole number of people of at least 0; got ${n}` }))
      }
    }
    const steps = [["attended", "invited"], ["interviewed", "attended"], ["hired", "interviewed"]] as const
    for (const [step, before] of steps) {
      if (fair[step] > fair[before]) {
        return Either.left(new InvalidInput({ figure: "job-fair outcomes", field: `fairs[${i}].${step}`, reason: `must not exceed ${before} (${fair[before]}); got ${fair[step]}` }))
      }
    }
    const checked = validate(fair)
    if (Either.isLeft(checked)) {
      return Either.left(new InvalidInput({ figure: "job-fair outcomes", field: `fairs[${i}]`, reason: `is not a fair outcome: ${checked.left.message}` }))
    }
  }
  const sorted = [...fairs].sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0))
  const sum = (key: "invited" | "attended" | "interviewed" | "hired") => fairs.reduce((n, f) => n + f[key], 0)
  const employers = fairs.every((f) => f.employers !== undefined) ? fairs.reduce((n, f) => n + (f.employers ?? 0), 0) : undefined
  const totals = { invited: sum("invited"), attended: sum("attended"), interviewed: sum("interviewed"), hired: sum("hired") }
  return Either.right({
    fairs: sorted.map((f) => ({ ...f, ...rates(f, rounding) })),
    total: { count: fairs.length, ...(employers === undefined ? {} : { employers }), ...totals, ...rates(totals, rounding) }
  })
}

/**
 * The figure as a table: one row per fair and the total.
 *
 * @since 0.1.0
 * @category tables
 */
export const table = (figure: Figure, options: { readonly rounding?: Rounding.Rounding } = {}): Table.Table => {
  const decimals = Rounding.decimalsOf(options.rounding ?? Rate.defaultRounding)
  const cells = (o: Omit<Outcome, "heldOn" | "name">, name: Table.Cell, heldOn: Table.Cell): Record<string, Table.Cell> => ({
    name,
    heldOn,
    employers: o.employers,
    invited: o.invited,
    attended: o.attended,
    interviewed: o.interviewed,
    hired: o.hired,
    attendanceRate: o.attendanceRate,
    interviewRate: o.interviewRate,
    hireRate: o.hireRate,
    placementRate: o.placementRate
  })
  return {
    id: "job-fairs",
    title: { ko: "채용행사(일 잡는 데이) 성과", en: "Job fair outcomes" },
    columns: [
      { key: "name", label: { ko: "행사명", en: "Fair" }, kind: "text" },
      { key: "heldOn", label: { ko: "개최일", en: "Held on" }, kind: "text" },
      { key: "employers", label: { ko: "참여기업", en: "Employers" }, kind: "count" },
      { key: "invited", label: { ko: "초청", en: "Invited" }, kind: "count" },
      { key: "attended", label: { ko: "참석", en: "Attended" }, kind: "count" },
      { key: "interviewed", label: { ko: "면접", en: "Interviewed" }, kind: "count" },
      { key: "hired", label: { ko: "채용", en: "Hired" }, kind: "count" },
      { key: "attendanceRate", label: { ko: "참석률", en: "Attendance" }, kind: "percent", decimals },
      { key: "interviewRate", label: { ko: "면접률", en: "Interviewed of attendees" }, kind: "percent", decimals },
      { key: "hireRate", label: { ko: "채용률", en: "Hired of interviewed" }, kind: "percent", decimals },
      { key: "placementRate", label: { ko: "참석자 취업률", en: "Hired of attendees" }, kind: "percent", decimals }
    ],
    rows: [
      ...figure.fairs.map((f) => ({ cells: cells(f, f.name, f.heldOn) })),
      { cells: cells(figure.total, { ko: `합계 (${figure.total.count}회)`, en: `Total (${figure.total.count} fairs)` }, undefined), total: true }
    ],
    chart: {
      kind: "bar",
      category: "name",
      series: ["invited", "attended", "interviewed", "hired"],
      title: { ko: "행사별 초청·참석·면접·채용", en: "Invited, attended, interviewed and hired by fair" }
    }
  }
}
