import { defineConfig } from "vitest/config"
import { projects } from "./vitest.workspace.js"

export default defineConfig({
  test: {
    projects,
    // One throwaway PostgreSQL cluster for the whole run, shared by every
    // project through `inject("databaseUrl")`.
    globalSetup: ["./packages/test-support/src/globalSetup.ts"]
  }
})
