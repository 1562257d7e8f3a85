import { memory } from "./backends.js"
import { sharedSuite } from "./suite.js"

// The memory layers pass the same suite as the SQL adapters.
sharedSuite(memory)
