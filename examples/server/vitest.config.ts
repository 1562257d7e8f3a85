import { packageProject } from "../../vitest.shared.js"

export default packageProject("server", { testTimeout: 60_000, hookTimeout: 60_000 })
