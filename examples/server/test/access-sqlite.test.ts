import { accessSuite } from "./access.js"
import { sqliteStorage } from "./backends.js"

accessSuite("SQLite", sqliteStorage)
