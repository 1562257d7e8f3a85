import { describePostgres } from "@iljari/test-support/inject"
import { postgresServer } from "./backends.js"
import { idempotencySuite } from "./idempotency.js"

describePostgres("PostgreSQL", (url) => idempotencySuite("PostgreSQL", () => postgresServer(url) as never))
