import { defineProject, type UserWorkspaceConfig } from "vitest/config"

/**
 * The settings every package's vitest project shares: tests live in `test/`,
 * and workspace packages resolve to their TypeScript sources (the
 * `@iljari/source` export condition), so tests never need a build first.
 */
export const packageProject = (name: string, extra: UserWorkspaceConfig["test"] = {}) =>
  defineProject({
    resolve: { conditions: ["@iljari/source"] },
    ssr: { resolve: { conditions: ["@iljari/source"] } },
    test: {
      name,
      include: ["test/**/*.test.ts"],
      ...extra
    }
  })
