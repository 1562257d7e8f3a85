import { packageProject } from "../../vitest.shared.js"

export default packageProject("auth", { testTimeout: 60_000 })
