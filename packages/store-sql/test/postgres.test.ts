import { describePostgres } from "@iljari/testing/inject"
import { postgres } from "@iljari/testing/storage/backends"
import { accessSuite } from "@iljari/testing/storage/access"
import { erasureSuite } from "@iljari/testing/storage/erasure"
import { jobFairSuite } from "@iljari/testing/storage/jobFair"
import { sharedSuite } from "@iljari/testing/storage/suite"

describePostgres("PostgreSQL", (url) => {
  sharedSuite(postgres(url))
  jobFairSuite(postgres(url))
  erasureSuite(postgres(url))
  accessSuite(postgres(url))
})
