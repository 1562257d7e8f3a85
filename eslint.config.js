/**
 * ESLint (flat config, typescript-eslint). One rule everywhere (no `layer`
 * from @effect/vitest, below), and one rule set on the test that drives the
 * example server through the client generated from its OpenAPI document
 * (examples/server/test/client): the generated types must be enough, so no
 * cast, no `any`, no non-null assertion and no `@ts-` comment may paper over
 * a gap in the document — and no inline `eslint-disable` may switch the
 * rules off.
 */
import { defineConfig } from "eslint/config"
import tseslint from "typescript-eslint"

export default defineConfig(
  // Built and generated output is nobody's to lint.
  { name: "iljari/ignores", ignores: ["**/dist/**", "**/coverage/**", "**/data/**", "build/**"] },
  {
    // @effect/vitest's own `layer` export leaks a block's layer into every
    // later block; `it.layer` is the one the test setup repairs
    // (packages/test-support/src/layerBlocks.ts).
    name: "iljari/effect-vitest-layer",
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parser: tseslint.parser, sourceType: "module" },
    rules: {
      "no-restricted-imports": ["error", {
        paths: [{ name: "@effect/vitest", importNames: ["layer"], message: "Use it.layer: the test setup keeps its blocks apart." }]
      }]
    }
  },
  {
    name: "iljari/generated-client",
    files: ["examples/server/test/client/**/*.ts"],
    languageOptions: { parser: tseslint.parser, sourceType: "module" },
    plugins: { "@typescript-eslint": tseslint.plugin },
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/consistent-type-assertions": ["error", { assertionStyle: "never" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/ban-ts-comment": [
        "error",
        { "ts-expect-error": true, "ts-ignore": true, "ts-nocheck": true, "ts-check": false }
      ],
      // The rule above lets `as const` through; here it is an `as` like any other.
      "no-restricted-syntax": [
        "error",
        { selector: "TSAsExpression[typeAnnotation.typeName.name='const']", message: "No `as const` here either: type the value instead." }
      ]
    }
  }
)
