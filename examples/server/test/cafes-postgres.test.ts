import { describePostgres } from "@iljari/test-support/inject"
import { postgresServer } from "./backends.js"
import { cafesSuite } from "./cafes.js"

describePostgres("PostgreSQL", (url) => cafesSuite("PostgreSQL", () => postgresServer(url) as never))
