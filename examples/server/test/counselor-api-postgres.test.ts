import { describePostgres } from "@iljari/test-support/inject"
import { postgresServer } from "./backends.js"
import { counselorApiSuite } from "./counselor-api.js"

describePostgres("PostgreSQL", (url) => counselorApiSuite("PostgreSQL", () => postgresServer(url) as never))
