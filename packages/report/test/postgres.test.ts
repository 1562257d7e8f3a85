import { describePostgres } from "@iljari/testing/inject"
import { postgres } from "./backends.js"
import { sourceSuite } from "./sourceSuite.js"

describePostgres("PostgreSQL", (url) => sourceSuite(postgres(url)))
