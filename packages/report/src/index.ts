/**
 * iljari's reports: the figures a district job center reports — results
 * against targets, each counselor's pace, the follow-up on-time rate, the
 * mismatch view, job-fair outcomes, results by target group, monitoring
 * findings, budget execution and the target disclosure — as pure
 * aggregations over counts from a `ReportSource` (memory, or `GROUP BY` in
 * SQLite or PostgreSQL), rendered to CSV, XLSX and a self-contained HTML
 * report with SVG charts.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Budget from "./Budget.js"

/** @since 0.1.0 */
export * as CenterResults from "./CenterResults.js"

/** @since 0.1.0 */
export * as Charts from "./Charts.js"

/** @since 0.1.0 */
export * as CounselorResults from "./CounselorResults.js"

/** @since 0.3.0 */
export * as Counts from "./Counts.js"

/** @since 0.2.0 */
export * as Aggregate from "./Aggregate.js"

/** @since 0.1.0 */
export * as Csv from "./Csv.js"

/** @since 0.1.0 */
export * as Disclosure from "./Disclosure.js"

/** @since 0.1.0 */
export * as Errors from "./Errors.js"

/** @since 0.1.0 */
export * as Findings from "./Findings.js"

/** @since 0.1.0 */
export * as FollowUpRate from "./FollowUpRate.js"

/** @since 0.1.0 */
export * as Html from "./Html.js"

/** @since 0.1.0 */
export * as JobFairs from "./JobFairs.js"

/** @since 0.1.0 */
export * as Period from "./Period.js"

/** @since 0.1.0 */
export * as Rate from "./Rate.js"

/** @since 0.1.0 */
export * as Report from "./Report.js"

/** @since 0.3.0 */
export * as ReportQuery from "./ReportQuery.js"

/** @since 0.1.0 */
export * as ReportSource from "./ReportSource.js"

/** @since 0.1.0 */
export * as SupplyDemand from "./SupplyDemand.js"

/** @since 0.1.0 */
export * as Table from "./Table.js"

/** @since 0.1.0 */
export * as TargetGroups from "./TargetGroups.js"

/** @since 0.3.0 */
export * as TargetPlanning from "./TargetPlanning.js"

/** @since 0.1.0 */
export * as Xlsx from "./Xlsx.js"
