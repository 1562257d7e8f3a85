/**
 * The first administrator is made by a command, never by a default password:
 * `npm run admin -- create …` run as a real process on a real SQLite file.
 */
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Argon2 } from "@iljari/auth"
import { Repositories, SignIn } from "@iljari/core"
import { StoreSql } from "@iljari/store-sql"
import { describe, expect, it } from "@effect/vitest"
import { sqliteFile } from "@iljari/test-support/storage/backends"
import { Effect, Layer, Redacted } from "effect"
import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"

const serverDir = fileURLToPath(new URL("..", import.meta.url))

const admin = (args: ReadonlyArray<string>, db: string, password: string) =>
  Effect.async<{ code: number; stdout: string; stderr: string }>((resume) => {
    const child = execFile(
      "npm",
      ["run", "--silent", "admin", "--", ...args],
      { cwd: serverDir, env: { ...process.env, ILJARI_DB: db } },
      (error, stdout, stderr) => resume(Effect.succeed({ code: error === null ? 0 : (error.code as number), stdout, stderr }))
    )
    child.stdin!.end(`${password}\n`)
  })

describe("npm run admin", () => {
  it.scopedLive("creates a district's first administrator from a password typed in, and refuses a weak one", () =>
    Effect.gen(function*() {
      const db = yield* sqliteFile()
      const weak = yield* admin(["create", "--district", "11200", "--login", "kim.admin", "--name", "김관리"], db, "password1")
      expect(weak.code).not.toBe(0)
      expect(weak.stderr).toContain("common password")
      expect(weak.stderr).toContain("두 종류")

      const made = yield* admin(["create", "--district", "11200", "--login", "kim.admin", "--name", "김관리"], db, "Maple#Street-2026")
      expect(made.stderr + made.stdout).toContain("Created the administrator kim.admin")
      expect(made.code).toBe(0)
      const again = yield* admin(["create", "--district", "11200", "--login", "kim.admin", "--name", "김관리"], db, "Maple#Street-2026")
      expect(again.stderr).toContain("taken")
      expect((yield* admin(["create", "--district", "seoul", "--login", "x.admin", "--name", "x"], db, "Maple#Street-2026")).stderr)
        .toContain("--district")

      // The account signs in with that password, against the Argon2id hash the file keeps.
      yield* Effect.gen(function*() {
        const signedIn = yield* SignIn.withPassword({ login: "kim.admin", password: Redacted.make("Maple#Street-2026") })
        expect([signedIn.account.role, signedIn.account.districtId]).toEqual(["admin", "11200"])
        expect(Redacted.value(signedIn.account.passwordHash!)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
      }).pipe(Effect.provide(Layer.mergeAll(
        StoreSql.layerWithMigrations.pipe(Layer.provideMerge(SqliteClient.layer({ filename: db }))),
        Repositories.IdGenerator.layerSequential,
        Argon2.layer()
      )))
    }), { timeout: 60_000 })
})
