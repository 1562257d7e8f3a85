import { sqliteServer } from "./backends.js"
import { surveyLinksSuite } from "./surveyLinks.js"

surveyLinksSuite("SQLite", sqliteServer as never)
