/**
 * iljari's spreadsheets in and out: XLSX and CSV readers and writers for what
 * Korean offices produce. The readers hand a district's spreadsheets (seekers,
 * employers and openings, placements, follow-ups) to the core's onboarding as
 * `Sheet`s, rows numbered as Excel numbers them; the writers make files Excel
 * opens with the Korean intact.
 *
 * @since 0.4.0
 * @module
 */

export * as Csv from "./Csv.js"
export * as Errors from "./Errors.js"
export * as Table from "./Table.js"
export * as Xlsx from "./Xlsx.js"
