import { memory } from "@iljari/test-support/storage/backends"
import { StorageSuite } from "@iljari/testing"

// The memory layers pass the same suite as the SQL adapters.
StorageSuite.run(memory)
