/**
 * The real server in a process of its own, for the edge tests that measure
 * it from outside: over the memory layers with the demo's staff access, on
 * the port given as the first argument. It answers "rss" on its standard
 * input with its resident memory in bytes, after a garbage collection when
 * node runs with --expose-gc. It exits when its standard input closes, so
 * that it never outlives the test.
 */
import { NodeHttpServer, NodeRuntime } from "@effect/platform-node"
import { Layer } from "effect"
import { createServer } from "node:http"
import { createInterface } from "node:readline"
import { memoryStorage, serverWith } from "./server.js"

const port = Number(process.argv[2])

createInterface({ input: process.stdin })
  .on("line", (line) => {
    if (line.trim() !== "rss") return
    ;(globalThis as { gc?: () => void }).gc?.()
    process.stdout.write(`rss ${process.memoryUsage().rss}\n`)
  })
  // The test is gone (finished, timed out or killed): so is this server.
  .on("close", () => process.exit(0))

NodeRuntime.runMain(Layer.launch(serverWith({
  storage: memoryStorage(),
  http: NodeHttpServer.layer(createServer, { port, host: "127.0.0.1" })
})))
