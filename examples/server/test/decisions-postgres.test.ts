import { describePostgres } from "@iljari/test-support/inject"
import { postgresServer } from "./backends.js"
import { decisionsSuite } from "./decisions.js"

describePostgres("PostgreSQL", (url) => decisionsSuite("PostgreSQL", () => postgresServer(url) as never))
