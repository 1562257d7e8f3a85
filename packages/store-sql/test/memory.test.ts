import { memory } from "@iljari/testing/storage/backends"
import { accessSuite } from "@iljari/testing/storage/access"
import { erasureSuite } from "@iljari/testing/storage/erasure"
import { jobFairSuite } from "@iljari/testing/storage/jobFair"
import { sharedSuite } from "@iljari/testing/storage/suite"

// The memory layers pass the same suite as the SQL adapters.
sharedSuite(memory)
jobFairSuite(memory)
erasureSuite(memory)
accessSuite(memory)
