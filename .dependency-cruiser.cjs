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
  access: ["registry"]
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
      comment: "Test support shared between packages lives in @iljari/testing, not in another package's test/ folder.",
      severity: "error",
      from: { path: "^(packages|examples)/([^/]+)/" },
      to: { path: "^(packages|examples)/[^/]+/test/", pathNot: "^(packages|examples)/$2/test/" }
    },
    {
      name: "bench-imports-no-test",
      comment: "Benchmarks use the packages and @iljari/testing, never a package's test/ folder.",
      severity: "error",
      from: { path: "^bench/" },
      to: { path: "^(packages|examples)/[^/]+/test/" }
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
