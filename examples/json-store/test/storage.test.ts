/**
 * The JSON-file store passes the suites every storage adapter passes: the
 * same ones as the memory layers, SQLite and PostgreSQL.
 */
import { StorageSuite } from "@iljari/testing"
import { Effect, Layer } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { JsonStore } from "../src/index.js"

// A new file in a new directory for every store, removed afterwards.
const freshFile = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(join(tmpdir(), "iljari-json-store-"))),
  (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
).pipe(Effect.map((dir) => join(dir, "iljari.json")))

StorageSuite.run({
  name: "a JSON file",
  layer: () => Layer.unwrapScoped(Effect.map(freshFile, JsonStore.layer)),
  // What is on disk, read afresh: an erased seeker must be gone from the file itself.
  scan: Effect.flatMap(JsonStore.File, JsonStore.texts)
})
