import { describePostgres } from "@iljari/test-support/inject"
import { sourceSuite } from "@iljari/test-support/report/sourceSuite"
import { postgres } from "./reportSource.js"

describePostgres("PostgreSQL", (url) => sourceSuite(postgres(url)))
