/**
 * `npm run bench` runs every `bench/*.bench.ts`, each in its own Node process
 * so that one benchmark's heap and JIT state do not colour the next;
 * `npm run bench -- NAME [NAME…]` runs the named ones. Each prints JSON lines.
 */
import { spawnSync } from "node:child_process"
import { readdirSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const available = readdirSync(here)
  .filter((file) => file.endsWith(".bench.ts"))
  .map((file) => file.slice(0, -".bench.ts".length))
  .sort()

const requested = process.argv.slice(2)
const unknown = requested.filter((name) => !available.includes(name))
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Available: ${available.join(", ")}`)
  process.exit(2)
}

let failed = false
for (const name of requested.length > 0 ? requested : available) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(here, `${name}.bench.ts`)], {
    stdio: "inherit",
    env: { ...process.env, NODE_OPTIONS: [process.env["NODE_OPTIONS"], "--conditions=@iljari/source"].filter(Boolean).join(" ") }
  })
  if (result.status !== 0) {
    console.error(`Benchmark ${name} failed with exit code ${result.status}`)
    failed = true
  }
}
process.exit(failed ? 1 : 0)
