/**
 * How a test file reaches the run's PostgreSQL server.
 */
import { describe, inject } from "vitest"


/**
 * A `describe` block that runs only when the run has PostgreSQL and is
 * reported as skipped, with the reason, when it does not. (Under `CI=true` the
 * global setup has already failed the run in that case.)
 */
export const describePostgres = (name: string, body: (databaseUrl: string) => void): void => {
  const url = inject("databaseUrl")
  if (url === null) {
    describe.skip(`${name} — skipped: ${inject("postgresUnavailable")}`, () => {
      body("")
    })
  } else {
    describe(name, () => body(url))
  }
}
