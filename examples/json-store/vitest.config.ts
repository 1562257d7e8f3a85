import { packageProject } from "../../vitest.shared.js"

// In this workspace the packages resolve to their sources; scripts/adapter-from-tarball.ts
// runs the same test outside it, against the packed @iljari/core and @iljari/testing.
export default packageProject("json-store", { testTimeout: 60_000 })
