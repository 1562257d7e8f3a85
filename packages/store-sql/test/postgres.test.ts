import { describePostgres } from "@iljari/test-support/inject"
import { postgres } from "@iljari/test-support/storage/backends"
import { StorageSuite } from "@iljari/testing"

describePostgres("PostgreSQL", (url) => {
  StorageSuite.run(postgres(url))
})
