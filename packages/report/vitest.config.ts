import { packageProject } from "../../vitest.shared.js"

// The source suites open SQLite files and PostgreSQL databases; give them time.
export default packageProject("report", { testTimeout: 60_000, hookTimeout: 60_000 })
