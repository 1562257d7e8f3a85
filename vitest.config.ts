import { defineConfig } from "vitest/config"
import { projects } from "./vitest.workspace.js"

export default defineConfig({
  test: {
    projects,
    // A worker thread runs a project's test files one after another on the
    // modules it has loaded (Effect and the packages' sources) instead of
    // evaluating them again for each file, which was most of a small file's
    // time (the run took 941 s with a process per file, under 600 s so).
    poolOptions: { threads: { isolate: false } },
    // One throwaway PostgreSQL cluster for the whole run, shared by every
    // project through `inject("databaseUrl")`.
    globalSetup: ["./packages/test-support/src/globalSetup.ts"]
  }
})
