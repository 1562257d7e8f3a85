import { sqlite } from "./backends.js"
import { jobFairSuite } from "./jobFair.js"
import { sharedSuite } from "./suite.js"

sharedSuite(sqlite)
jobFairSuite(sqlite)
