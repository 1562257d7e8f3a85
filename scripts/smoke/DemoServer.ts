/**
 * The example server as `npm start` runs it (tsx over the workspace's sources),
 * on a free loopback port in 4900–4999 with a fresh SQLite file, so the demo
 * data is seeded anew.
 */
import { spawn } from "node:child_process"
import { createWriteStream, readFileSync } from "node:fs"
import { createServer } from "node:net"
import { join } from "node:path"
import { killGroup, onExit } from "./Process.js"
import { root } from "./Workspace.js"

export interface DemoServer {
  readonly base: string
  readonly log: string
  readonly stop: () => void
}

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once("error", () => resolve(false))
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
  })

export const freePort = async (from = 4900, to = 4999): Promise<number> => {
  const start = from + Math.floor(Math.random() * (to - from + 1))
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((start - from + i) % (to - from + 1))
    if (await isFree(port)) return port
  }
  throw new Error(`no free port in ${from}–${to}`)
}

export const start = async (dataDir: string, timeoutMs = 180_000): Promise<DemoServer> => {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const log = join(dataDir, "server.log")
  const out = createWriteStream(log)
  const child = spawn(join(root, "node_modules", ".bin", "tsx"), ["--conditions=@iljari/source", "src/main.ts"], {
    cwd: join(root, "examples", "server"),
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ILJARI_DB: join(dataDir, "iljari.db") },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true
  })
  child.stdout.pipe(out)
  child.stderr.pipe(out)
  let exited: number | null | undefined
  child.on("exit", (code) => (exited = code))
  const forget = onExit(() => killGroup(child.pid))
  const stop = () => {
    forget()
    killGroup(child.pid)
  }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`the demo server exited with ${exited}:\n${readFileSync(log, "utf8")}`)
    const ready = await fetch(`${base}/openapi.json`).then((r) => r.ok, () => false)
    if (ready) return { base, log, stop }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  stop()
  throw new Error(`the demo server did not answer within ${timeoutMs / 1000} s:\n${readFileSync(log, "utf8")}`)
}
