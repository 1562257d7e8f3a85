import { memory } from "@iljari/testing/report/backends"
import { sourceSuite } from "@iljari/testing/report/sourceSuite"

// The memory source passes the same suite as the SQL source.
sourceSuite(memory)
