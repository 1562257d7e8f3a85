import { defineConfig } from "tsup"

/**
 * How every published package builds: ESM and `.d.ts` from `src/index.ts`
 * into `dist/`. `neutral` for code that runs anywhere (the core), `node` for
 * adapters that use Node's APIs.
 */
export const packageBuild = (platform: "neutral" | "node") =>
  defineConfig({
    entry: ["src/index.ts"],
    format: ["esm"],
    target: "node20",
    platform,
    dts: { compilerOptions: { composite: false } },
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true
  })
