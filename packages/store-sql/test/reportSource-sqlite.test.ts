import { sourceSuite } from "@iljari/testing/report/sourceSuite"
import { sqlite } from "./reportSource.js"

sourceSuite(sqlite)
