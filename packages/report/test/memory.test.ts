import { memory } from "./backends.js"
import { sourceSuite } from "./sourceSuite.js"

// The memory source passes the same suite as the SQL source.
sourceSuite(memory)
