import { sqlite } from "@iljari/test-support/storage/backends"
import { StorageSuite } from "@iljari/testing"

StorageSuite.run(sqlite)
