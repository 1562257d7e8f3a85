import { sqlite } from "./backends.js"
import { erasureSuite } from "./erasure.js"
import { jobFairSuite } from "./jobFair.js"
import { sharedSuite } from "./suite.js"

sharedSuite(sqlite)
jobFairSuite(sqlite)
erasureSuite(sqlite)
