/**
 * The architecture as a check (`npm run check`): the layering of the core's
 * sub-domains and of the packages, written once here and explained in
 * docs/architecture.md. Type imports count: `tsPreCompilationDeps`.
 */
const core = "^packages/core/src"
// Each sub-domain and what it may import besides itself and the kernel.
const below = {
  registry: [],
  casework: ["registry"],
  targets: ["registry", "casework"],
  matching: ["registry", "casework"],
  cafes: ["registry"],
  eligibility: ["registry"],
  events: ["registry", "casework", "matching"],
  privacy: ["registry", "casework", "events", "cafes", "access"],
  access: ["registry"],
  onboarding: ["registry", "casework"]
}
const subDomains = Object.keys(below)

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import cycles, type imports included: a cycle means two modules are one concept, or one is in the wrong place.",
      severity: "error",
      from: {},
      to: { circular: true }
    },
    {
      name: "kernel-imports-nothing-above",
      comment: "The kernel (ids, dates, codes, validation, audit, outbox, stores, the use-case plumbing) imports no sub-domain and no facade.",
      severity: "error",
      from: { path: `${core}/kernel/` },
      to: { path: `${core}/(?!kernel/)` }
    },
    ...subDomains.map((domain) => ({
      name: `${domain}-imports-only-below`,
      comment: `${domain} imports the kernel${below[domain].length ? `, ${below[domain].join(", ")}` : ""} and itself: never a facade, never a sub-domain above or beside it.`,
      severity: "error",
      from: { path: `${core}/${domain}/` },
      to: { path: core, pathNot: `${core}/(kernel|${[domain, ...below[domain]].join("|")})/` }
    })),
    {
      name: "no-other-internal",
      comment: "A sub-domain's internal/ is its own: others use its public modules.",
      severity: "error",
      from: { path: `${core}/([^/]+)/` },
      to: { path: `${core}/[^/]+/internal/`, pathNot: `${core}/$1/internal/` }
    },
    {
      name: "core-imports-no-adapter",
      comment: "Adapters depend on core; core depends on nothing of ours.",
      severity: "error",
      from: { path: "^packages/core/" },
      to: { path: "^packages/(?!core/)|^examples/" }
    },
    {
      name: "packages-import-no-example",
      comment: "The example server is built on the packages, never the other way.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^examples/" }
    },
    {
      name: "no-other-package-test",
      comment: "Test support shared between packages lives in @iljari/testing or @iljari/test-support, not in another package's test/ folder.",
      severity: "error",
      from: { path: "^(packages|examples)/([^/]+)/" },
      to: { path: "^(packages|examples)/[^/]+/test/", pathNot: "^(packages|examples)/$2/test/" }
    },
    {
      name: "bench-imports-no-test",
      comment: "Benchmarks use the packages and @iljari/test-support, never a package's test/ folder.",
      severity: "error",
      from: { path: "^bench/" },
      to: { path: "^(packages|examples)/[^/]+/test/" }
    },
    {
      name: "testing-needs-only-core",
      comment: "@iljari/testing is published for integrators' own adapters: it may import @iljari/core, never an adapter (store-sql) or the repository's own test support. Here a relative path is caught; an import by package name fails `npm run test:adapter-tarball`, where only @iljari/core and @iljari/testing are installed.",
      severity: "error",
      from: { path: "^packages/testing/" },
      to: { path: "^packages/(?!core/|testing/)|^examples/" }
    },
    {
      name: "example-adapter-needs-only-core-and-testing",
      comment: "The example adapter is written as an integrator would write theirs: on @iljari/core, proven with @iljari/testing. By package name, `npm run test:adapter-tarball` holds the rule (only those two are installed there).",
      severity: "error",
      from: { path: "^examples/json-store/" },
      to: { path: "^packages/(?!core/|testing/)|^examples/(?!json-store/)" }
    },
    {
      name: "no-other-package-internal",
      comment: "A package is used through its public modules, not its internal/ folder or its sources' private files.",
      severity: "error",
      from: { path: "^(packages|examples)/([^/]+)/" },
      to: { path: "^packages/[^/]+/src/.*internal/", pathNot: "^packages/$2/" }
    }
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    exclude: { path: "(node_modules|/dist/|/build/)" },
    enhancedResolveOptions: { conditionNames: ["@iljari/source", "import", "default"] }
  }
}
