import { sqliteServer } from "./backends.js"
import { fieldWorkSuite } from "./fieldwork.js"

fieldWorkSuite("SQLite", sqliteServer as never)
