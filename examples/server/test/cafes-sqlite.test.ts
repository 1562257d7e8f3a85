import { sqliteServer } from "./backends.js"
import { cafesSuite } from "./cafes.js"

cafesSuite("SQLite", sqliteServer as never)
