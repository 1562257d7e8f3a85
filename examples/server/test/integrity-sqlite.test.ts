import { sqliteServer } from "./backends.js"
import { integritySuite } from "./integrity.js"

integritySuite("SQLite", sqliteServer as never)
