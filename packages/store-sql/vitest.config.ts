import { packageProject } from "../../vitest.shared.js"

// The shared suites start SQLite files and PostgreSQL databases; give them time.
export default packageProject("store-sql", { testTimeout: 60_000, hookTimeout: 60_000 })
