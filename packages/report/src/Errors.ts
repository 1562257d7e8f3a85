/**
 * The errors of the reports package. Figures that take an integrator's own
 * input (a budget table, job-fair outcomes, supply and demand counts) refuse
 * what cannot be a real figure with {@link InvalidInput}; renderers report a
 * failure of the XLSX writer or the chart library with {@link RenderError}.
 * Reading counts from storage fails with the core's `PersistenceError`.
 *
 * @example
 * ```ts
 * import { Html, type Report } from "@iljari/report"
 * import { Effect } from "effect"
 *
 * declare const report: Report.Report
 * const page = Html.render(report).pipe(
 *   Effect.catchTag("RenderError", (error) => Effect.succeed(`<p>${error.message}</p>`))
 * )
 * ```
 *
 * @since 0.1.0
 * @module
 */
import { Schema } from "effect"

/**
 * A figure's input that cannot be a real figure: a negative or fractional
 * count, 12 attendees of a fair that invited 10, a unit project listed twice.
 * `field` is a form path such as `lines[2].spent`.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  figure: Schema.String,
  field: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `Cannot compute ${this.figure}: ${this.field} ${this.reason}`
  }
}

/**
 * A renderer failed: the XLSX writer, or the chart library drawing a chart.
 *
 * @since 0.1.0
 * @category errors
 */
export class RenderError extends Schema.TaggedError<RenderError>()("RenderError", {
  format: Schema.Literal("csv", "xlsx", "html", "svg"),
  reason: Schema.String
}) {
  override get message(): string {
    return `Cannot render the ${this.format.toUpperCase()} report: ${this.reason}`
  }
}
