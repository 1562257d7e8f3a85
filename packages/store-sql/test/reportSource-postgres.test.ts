import { describePostgres } from "@iljari/testing/inject"
import { sourceSuite } from "@iljari/testing/report/sourceSuite"
import { postgres } from "./reportSource.js"

describePostgres("PostgreSQL", (url) => sourceSuite(postgres(url)))
