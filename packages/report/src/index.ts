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
 * @module
 */

export * as Budget from "./Budget.js"
export * as CenterResults from "./CenterResults.js"
export * as Charts from "./Charts.js"
export * as CounselorResults from "./CounselorResults.js"
export * as Counts from "./Counts.js"
export * as Aggregate from "./Aggregate.js"
export * as Csv from "./Csv.js"
export * as Disclosure from "./Disclosure.js"
export * as Errors from "./Errors.js"
export * as Findings from "./Findings.js"
export * as FollowUpRate from "./FollowUpRate.js"
export * as Html from "./Html.js"
export * as JobFairs from "./JobFairs.js"
export * as Period from "./Period.js"
export * as Rate from "./Rate.js"
export * as Report from "./Report.js"
export * as ReportQuery from "./ReportQuery.js"
export * as ReportSource from "./ReportSource.js"
export * as SupplyDemand from "./SupplyDemand.js"
export * as Table from "./Table.js"
export * as TargetGroups from "./TargetGroups.js"
export * as TargetPlanning from "./TargetPlanning.js"
export * as Xlsx from "./Xlsx.js"
