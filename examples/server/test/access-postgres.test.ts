import { describePostgres } from "@iljari/test-support/inject"
import { accessSuite } from "./access.js"
import { postgresStorage } from "./backends.js"

describePostgres("PostgreSQL", (url) => accessSuite("PostgreSQL", () => postgresStorage(url)))
