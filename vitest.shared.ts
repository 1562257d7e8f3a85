import { fileURLToPath } from "node:url"
import { defineProject, type UserWorkspaceConfig } from "vitest/config"

// Keeps each `it.layer(...)` block from leaking into the next (see the file).
const layerBlocks = fileURLToPath(new URL("./packages/test-support/src/layerBlocks.ts", import.meta.url))

/**
 * The settings every package's vitest project shares: tests live in `test/`,
 * and workspace packages resolve to their TypeScript sources (the
 * `@iljari/source` export condition), so tests never need a build first.
 *
 * A project's files share one worker thread's loaded modules (the root config
 * turns the threads pool's isolation off), so a test file must leave nothing
 * behind in a module: no mutated fixture, no `it.layer` block that outlives
 * its file (`layerBlocks.ts`). A project that could not keep to that would
 * pass `pool: "forks"`, a process per file.
 */
export const packageProject = (name: string, extra: UserWorkspaceConfig["test"] = {}) =>
  defineProject({
    resolve: { conditions: ["@iljari/source"] },
    ssr: { resolve: { conditions: ["@iljari/source"] } },
    test: {
      name,
      include: ["test/**/*.test.ts"],
      pool: "threads",
      setupFiles: [layerBlocks],
      ...extra
    }
  })
