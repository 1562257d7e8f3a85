/**
 * @iljari/testing: what an integrator needs to prove their own code against
 * iljari's — fast-check arbitraries for every model, and the suites every
 * storage adapter passes (memory, SQLite and PostgreSQL among them), to run
 * in vitest against their own adapter.
 *
 * @since 0.0.0
 * @module
 */

export * as Arbitraries from "./Arbitraries.js"
export * as Doubles from "./Doubles.js"
export * as Fixtures from "./Fixtures.js"
export * as StorageSuite from "./StorageSuite.js"
export * as Traces from "./Traces.js"
