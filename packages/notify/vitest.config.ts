import { packageProject } from "../../vitest.shared.js"

export default packageProject("notify", { testTimeout: 60_000 })
