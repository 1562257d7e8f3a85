import { memory } from "./backends.js"
import { erasureSuite } from "./erasure.js"
import { jobFairSuite } from "./jobFair.js"
import { sharedSuite } from "./suite.js"

// The memory layers pass the same suite as the SQL adapters.
sharedSuite(memory)
jobFairSuite(memory)
erasureSuite(memory)
