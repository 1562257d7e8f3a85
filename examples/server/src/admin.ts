/**
 * `npm run admin -- create --district 11200 --login kim.admin --name 김관리`:
 * creates a district's first administrator in the server's storage (the same
 * DATABASE_URL or ILJARI_DB as `npm start`). There is no default password:
 * the command reads one from standard input (or ILJARI_ADMIN_PASSWORD), and
 * refuses it unless it follows the rule in docs/security.md.
 */
import { NodeRuntime } from "@effect/platform-node"
import { Argon2 } from "@iljari/auth"
import { Accounts, Ids, Policy, type Staff } from "@iljari/core"
import { Console, Effect, Layer, Schema } from "effect"
import { createInterface } from "node:readline/promises"
import { parseArgs } from "node:util"
import { policyFrom } from "./AccessSettings.js"
import { Storage } from "./Storage.js"

const usage = "usage: npm run admin -- create --district <5-digit code> --login <sign-in name> --name <name>"

const readPassword = Effect.promise(async () => {
  const given = process.env["ILJARI_ADMIN_PASSWORD"]
  if (given !== undefined) return given
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: false })
  const answer = await lines.question("Password (비밀번호): ")
  lines.close()
  return answer
})

const program = Effect.gen(function*() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { district: { type: "string" }, login: { type: "string" }, name: { type: "string" } }
  })
  if (positionals[0] !== "create" || values.district === undefined || values.login === undefined || values.name === undefined) {
    return yield* Effect.fail(new Error(usage))
  }
  const districtId = yield* Schema.decodeUnknown(Ids.DistrictId)(values.district).pipe(
    Effect.mapError(() => new Error(`--district must be a 5-digit region code such as 11200 (성동구); got ${values.district}`))
  )
  // The command acts as the deployment itself, which no account is.
  const deployment: Staff.Staff = {
    districtId,
    counselorId: "deployment" as Ids.CounselorId,
    role: "admin"
  }
  const password = yield* readPassword
  const account = yield* Accounts.create(deployment, { login: values.login, name: values.name, role: "admin", password })
  yield* Console.log(`Created the administrator ${account.login} (${account.id}) of district ${account.districtId}.`)
})

program.pipe(
  Effect.provide(Layer.mergeAll(Storage, Argon2.layer(), Layer.succeed(Policy.Policy, policyFrom((name) => process.env[name])))),
  Effect.tapErrorCause((cause) => Console.error(cause._tag === "Fail" ? String((cause.error as Error).message) : cause)),
  NodeRuntime.runMain({ disableErrorReporting: true })
)
