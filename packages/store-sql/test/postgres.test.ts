import { describePostgres } from "@iljari/testing/inject"
import { postgres } from "./backends.js"
import { erasureSuite } from "./erasure.js"
import { jobFairSuite } from "./jobFair.js"
import { sharedSuite } from "./suite.js"

describePostgres("PostgreSQL", (url) => {
  sharedSuite(postgres(url))
  jobFairSuite(postgres(url))
  erasureSuite(postgres(url))
})
