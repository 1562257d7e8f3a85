import { sourceSuite } from "@iljari/test-support/report/sourceSuite"
import { sqlite } from "./reportSource.js"

sourceSuite(sqlite)
