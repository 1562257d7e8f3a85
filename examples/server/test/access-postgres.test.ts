import { describePostgres } from "@iljari/testing/inject"
import { accessSuite } from "./access.js"
import { postgresServer } from "./backends.js"

describePostgres("PostgreSQL", (url) => accessSuite("PostgreSQL", () => postgresServer(url) as never))
