import { sqlite } from "@iljari/testing/storage/backends"
import { accessSuite } from "@iljari/testing/storage/access"
import { erasureSuite } from "@iljari/testing/storage/erasure"
import { jobFairSuite } from "@iljari/testing/storage/jobFair"
import { sharedSuite } from "@iljari/testing/storage/suite"

sharedSuite(sqlite)
jobFairSuite(sqlite)
erasureSuite(sqlite)
accessSuite(sqlite)
