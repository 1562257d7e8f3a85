import { accessSuite } from "./access.js"
import { sqliteServer } from "./backends.js"

accessSuite("SQLite", sqliteServer as never)
