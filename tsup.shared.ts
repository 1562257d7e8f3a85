import { defineConfig } from "tsup"

/**
 * How every published package bundles its JavaScript: ESM from `src/index.ts`
 * into `dist/index.js`. `neutral` for code that runs anywhere (the core),
 * `node` for adapters that use Node's APIs.
 *
 * Declarations are not bundled here: tsup's bundled `.d.ts` turned every
 * value re-exported through `export * as` that shares its name with a type
 * (`Ids.DistrictId`, `Match.Weights`, …) into a type-only export. `tsc`
 * emits them per module instead (`tsconfig.dist.json`).
 */
export const packageBuild = (platform: "neutral" | "node") =>
  defineConfig({
    entry: ["src/index.ts"],
    format: ["esm"],
    target: "node20",
    platform,
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true
  })
