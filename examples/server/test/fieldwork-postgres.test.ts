import { describePostgres } from "@iljari/test-support/inject"
import { postgresServer } from "./backends.js"
import { fieldWorkSuite } from "./fieldwork.js"

describePostgres("PostgreSQL", (url) => fieldWorkSuite("PostgreSQL", () => postgresServer(url) as never))
