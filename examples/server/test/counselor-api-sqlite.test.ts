import { sqliteServer } from "./backends.js"
import { counselorApiSuite } from "./counselor-api.js"

counselorApiSuite("SQLite", sqliteServer as never)
