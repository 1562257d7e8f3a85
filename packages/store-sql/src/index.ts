/**
 * iljari's storage ports over `@effect/sql`, on embedded SQLite or PostgreSQL,
 * and `@iljari/report`'s `ReportSource` counted with `GROUP BY` over the same
 * tables.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Migrations from "./Migrations.js"
/** @since 0.1.0 */
export * as StoreSql from "./StoreSql.js"
/** @since 0.1.0 */
export * as BulkImport from "./BulkImport.js"
/** @since 0.3.0 */
export * as ReportSourceSql from "./ReportSourceSql.js"
