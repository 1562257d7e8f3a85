import { sqlite } from "./backends.js"
import { sourceSuite } from "./sourceSuite.js"

sourceSuite(sqlite)
