import { sqliteServer } from "./backends.js"
import { decisionsSuite } from "./decisions.js"

decisionsSuite("SQLite", sqliteServer as never)
