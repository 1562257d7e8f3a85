import { sqliteServer } from "./backends.js"
import { idempotencySuite } from "./idempotency.js"

idempotencySuite("SQLite", sqliteServer as never)
