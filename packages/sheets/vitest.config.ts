import { packageProject } from "../../vitest.shared.js"

// The large-file test writes and reads a workbook of 100,000 rows; give it time.
export default packageProject("sheets", { testTimeout: 120_000, hookTimeout: 120_000 })
