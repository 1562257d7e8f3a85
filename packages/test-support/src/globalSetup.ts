/**
 * Vitest global setup: one PostgreSQL server for the whole test run, handed to
 * every project as `inject("databaseUrl")`.
 *
 * Without PostgreSQL the PostgreSQL suites are skipped with a loud notice,
 * except under `CI=true`, where a missing database fails the run: CI must
 * never pass by skipping them.
 */
import type { TestProject } from "vitest/node"
import { acquirePostgres } from "./postgres.js"

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser URL of the test run's PostgreSQL server, or `null` when there is none. */
    databaseUrl: string | null
    /** Why there is no PostgreSQL server, when there is none. */
    postgresUnavailable: string | null
  }
}

const notice = (reason: string) =>
  [
    "",
    "!".repeat(78),
    "!!  PostgreSQL is NOT available: every PostgreSQL test suite will be SKIPPED.",
    `!!  Reason: ${reason}.`,
    "!!  Install it (apt-get install -y postgresql) or set DATABASE_URL to run them.",
    "!!  Under CI=true this is a failure.",
    "!".repeat(78),
    ""
  ].join("\n")

export default async function setup(project: TestProject) {
  const availability = await acquirePostgres()
  if (availability._tag === "Unavailable") {
    if (process.env["CI"] === "true") {
      throw new Error(`CI=true requires PostgreSQL, and ${availability.reason}. The PostgreSQL suites may not be skipped in CI.`)
    }
    console.warn(notice(availability.reason))
    project.provide("databaseUrl", null)
    project.provide("postgresUnavailable", availability.reason)
    return
  }
  const { server } = availability
  project.provide("databaseUrl", server.url)
  project.provide("postgresUnavailable", null)
  return () => server.stop()
}
