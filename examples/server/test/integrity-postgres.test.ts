import { describePostgres } from "@iljari/test-support/inject"
import { postgresServer } from "./backends.js"
import { integritySuite } from "./integrity.js"

describePostgres("PostgreSQL", (url) => integritySuite("PostgreSQL", () => postgresServer(url) as never))
