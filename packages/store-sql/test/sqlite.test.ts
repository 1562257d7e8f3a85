import { sqlite } from "./backends.js"
import { sharedSuite } from "./suite.js"

sharedSuite(sqlite)
