/**
 * A throwaway PostgreSQL server for tests.
 *
 * `DATABASE_URL`, when set, is used as it is. Otherwise a new cluster is made
 * from the machine's binaries (`/usr/lib/postgresql/<version>/bin`, newest
 * first) in a temporary directory, served on a free loopback port, and removed
 * on `stop()`. PostgreSQL refuses to run as root, so when the tests run as root
 * the cluster is made and run as the `postgres` user the Debian package creates.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process"
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

export interface PostgresServer {
  /** A connection URL for a superuser. */
  readonly url: string
  /** Where the server came from: the environment, or a cluster made for this run. */
  readonly origin: "DATABASE_URL" | "throwaway"
  /** The throwaway cluster's directory (data and socket), removed by `stop()`. */
  readonly directory?: string
  /** Stops a throwaway cluster and deletes its files; leaves `DATABASE_URL` alone. */
  readonly stop: () => Promise<void>
}

export type PostgresAvailability =
  | { readonly _tag: "Available"; readonly server: PostgresServer }
  | { readonly _tag: "Unavailable"; readonly reason: string }

const binaryRoot = "/usr/lib/postgresql"

/** Where the harness looks for PostgreSQL versions: `ILJARI_POSTGRES_ROOT`, else Debian's place. */
export const binaryRootOf = (env: NodeJS.ProcessEnv): string => env["ILJARI_POSTGRES_ROOT"] || binaryRoot

/** The `bin` directory of the newest PostgreSQL under `root` that can serve, if any. */
export const findBinaries = (root: string = binaryRootOf(process.env)): string | undefined => {
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root)
    .filter((entry) => existsSync(join(root, entry, "bin", "postgres")) && existsSync(join(root, entry, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a) || b.localeCompare(a))
  return versions.length === 0 ? undefined : join(root, versions[0]!, "bin")
}

interface RunAs {
  readonly uid: number
  readonly gid: number
}

// PostgreSQL will not run as root; find the account to run it as.
const runAs = (): RunAs | undefined => {
  if (process.getuid?.() !== 0) return undefined
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim())
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim())
    return { uid, gid }
  } catch {
    throw new Error(
      "Tests run as root, and PostgreSQL refuses to run as root, but there is no `postgres` user to run it as. " +
        "Install PostgreSQL with `apt-get install -y postgresql` (it creates the user) or set DATABASE_URL."
    )
  }
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

const waitForReady = (child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`PostgreSQL did not become ready within ${timeoutMs} ms. Its log:\n${log()}`))
    }, timeoutMs)
    const onData = () => {
      if (log().includes("ready to accept connections")) {
        cleanup()
        resolve()
      }
    }
    const onExit = (code: number | null) => {
      cleanup()
      reject(new Error(`PostgreSQL exited with code ${code} before it was ready. Its log:\n${log()}`))
    }
    const cleanup = () => {
      clearTimeout(timer)
      child.stderr?.off("data", onData)
      child.off("exit", onExit)
    }
    child.stderr?.on("data", onData)
    child.once("exit", onExit)
    onData()
  })

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000)
    child.once("exit", () => {
      clearTimeout(force)
      resolve()
    })
    // SIGINT is PostgreSQL's "fast" shutdown: it ends sessions and exits cleanly.
    child.kill("SIGINT")
  })

/** Makes, starts and returns a new cluster from the binaries in `bin`. */
export const startThrowaway = async (bin: string): Promise<PostgresServer> => {
  const owner = runAs()
  const dir = mkdtempSync(join(tmpdir(), "iljari-pg-"))
  const data = join(dir, "data")
  if (owner !== undefined) chownSync(dir, owner.uid, owner.gid)
  const asOwner = owner === undefined ? {} : { uid: owner.uid, gid: owner.gid }
  const remove = () => rmSync(dir, { recursive: true, force: true })
  try {
    execFileSync(
      join(bin, "initdb"),
      ["-D", data, "-U", "iljari", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
      { ...asOwner, cwd: dir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C" } }
    )
  } catch (error) {
    remove()
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? ""
    throw new Error(`initdb failed: ${stderr || String(error)}`)
  }

  // A port found free can be taken before the server binds it; try a few.
  let lastError: unknown
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    let log = ""
    const child = spawn(
      join(bin, "postgres"),
      [
        "-D", data, "-h", "127.0.0.1", "-p", String(port), "-k", dir,
        // Durability is not what these tests check; speed is welcome.
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        "-c", "max_connections=200"
      ],
      { ...asOwner, cwd: dir, stdio: ["ignore", "ignore", "pipe"] }
    )
    child.stderr!.on("data", (chunk: Buffer) => {
      log += chunk.toString()
    })
    const killOnExit = () => child.kill("SIGKILL")
    process.once("exit", killOnExit)
    try {
      await waitForReady(child, () => log, 30_000)
    } catch (error) {
      lastError = error
      process.off("exit", killOnExit)
      await stopChild(child)
      continue
    }
    return {
      url: `postgres://iljari@127.0.0.1:${port}/postgres`,
      origin: "throwaway",
      directory: dir,
      stop: async () => {
        await stopChild(child)
        process.off("exit", killOnExit)
        remove()
      }
    }
  }
  remove()
  throw lastError
}

/**
 * A PostgreSQL server for this test run, or why there is none: `DATABASE_URL`
 * when set, else a throwaway cluster, else `Unavailable` when the machine has
 * no PostgreSQL binaries. A machine that has them but cannot start them is an
 * error, not a skip.
 */
export const acquirePostgres = async (env: NodeJS.ProcessEnv = process.env): Promise<PostgresAvailability> => {
  const fromEnv = env["DATABASE_URL"]
  if (fromEnv !== undefined && fromEnv !== "") {
    return { _tag: "Available", server: { url: fromEnv, origin: "DATABASE_URL", stop: async () => {} } }
  }
  const root = binaryRootOf(env)
  const bin = findBinaries(root)
  if (bin === undefined) {
    return { _tag: "Unavailable", reason: `no PostgreSQL binaries under ${root}/*/bin and DATABASE_URL is not set` }
  }
  return { _tag: "Available", server: await startThrowaway(bin) }
}
