import { describePostgres } from "@iljari/test-support/inject"
import { postgresServer } from "./backends.js"
import { surveyLinksSuite } from "./surveyLinks.js"

describePostgres("PostgreSQL", (url) => surveyLinksSuite("PostgreSQL", () => postgresServer(url) as never))
