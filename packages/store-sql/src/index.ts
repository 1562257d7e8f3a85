/**
 * iljari's storage ports over `@effect/sql`, on embedded SQLite or PostgreSQL,
 * and `@iljari/report`'s `ReportSource` counted with `GROUP BY` over the same
 * tables.
 *
 * @since 0.1.0
 * @module
 */

export * as Migrations from "./Migrations.js"
export * as StoreSql from "./StoreSql.js"
export * as BulkImport from "./BulkImport.js"
export * as ReportSourceSql from "./ReportSourceSql.js"
