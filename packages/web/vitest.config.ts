import { packageProject } from "../../vitest.shared.js"

// The browser suites start a server and a Chromium; give them time.
export default packageProject("web", { testTimeout: 120_000, hookTimeout: 120_000 })
