/**
 * The test projects, one per workspace package that has tests.
 *
 * Vitest 3.2 reads this list through `test.projects` in `vitest.config.ts`
 * (the workspace-file mechanism itself is deprecated), so adding a package
 * means adding its folder here.
 */
export const projects = [
  "packages/auth",
  "packages/core",
  "packages/notify",
  "packages/report",
  "packages/sheets",
  "packages/store-sql",
  "packages/test-support",
  "packages/testing",
  "packages/web",
  "examples/json-store",
  "examples/server"
]

export default projects
