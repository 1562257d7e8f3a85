import { memory } from "@iljari/test-support/report/backends"
import { sourceSuite } from "@iljari/test-support/report/sourceSuite"

// The memory source passes the same suite as the SQL source.
sourceSuite(memory)
